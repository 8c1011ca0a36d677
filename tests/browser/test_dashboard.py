"""The editors' dashboard in a real browser: charts drawn, figures readable, no axe findings."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from home.search.models import SearchMiss
from tests.browser.test_accessibility import AXE_OPTIONS, describe

from .admin import sign_in

pytestmark = pytest.mark.browser

PASSWORD = "heslo-pro-prohlizec-123"


@pytest.fixture
def signed_in(page, site_url, committed_db):
    get_user_model().objects.create_superuser("spravce", "spravce@example.cz", PASSWORD)
    return sign_in(page, "spravce", PASSWORD)


def test_dashboard_charts_show_their_figures_and_pass_axe(signed_in, axe, site_url):
    page = signed_in
    today = timezone.localdate()
    SearchMiss.objects.create(query="kocarkarna", day=today, count=3)
    SearchMiss.objects.create(query="startovaci byt", day=today - timedelta(days=2), count=1)
    page.goto("/admin/")

    chart = page.locator("#chart-search-misses")
    svg = chart.locator("svg")
    assert svg.get_attribute("role") == "img"
    assert svg.locator("rect").count() == 2
    # The figures are one click away as a table, without any script of ours.
    chart.get_by_text("Zobrazit čísla jako tabulku").click()
    assert chart.locator("tbody tr").first.inner_text().split() == ["kocarkarna", "3"]

    options = {**AXE_OPTIONS, "resultTypes": ["violations", "passes"]}
    page.wait_for_load_state("load")
    results = axe.run(page, context=".dashboard-chart", options=options)
    violations = results.response["violations"]
    # axe looked at the charts for real (their image role and names, the table, contrast).
    assert {"svg-img-alt", "color-contrast"} <= {rule["id"] for rule in results.response["passes"]}
    assert not violations, describe(violations)
