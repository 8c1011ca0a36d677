"""CSV injection: no cell of any CSV the portal writes can run as a formula in a spreadsheet."""

import csv
import io

import pytest
from django.urls import get_resolver
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets import viewsets
from wagtail.snippets.models import get_snippet_models

from portal.spreadsheets import defused
from tests.newsletter.factories import SubscriberFactory


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2@example.com", "'=1+2@example.com"),
        (
            '=HYPERLINK("http://zly.example","klikni")',
            '\'=HYPERLINK("http://zly.example","klikni")',
        ),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r\n=1", "'\r\n=1"),
        ("+1+1", "'+1+1"),
        # Nothing that can build a function call is left alone, so phones read as phones.
        ("+420 224 861 111", "+420 224 861 111"),
        ("-5", "-5"),
        ("Ústí nad Labem", "Ústí nad Labem"),
        ("", ""),
        (42, 42),
    ],
)
def test_a_would_be_formula_becomes_text(value, expected):
    assert defused(value) == expected


def _rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_the_admin_subscriber_export_defuses_an_attackers_address(client, django_user_model):
    """A sign-up with a formula for an address must not run on the operator's computer."""
    admin = django_user_model.objects.create_superuser("admin", "a@mpsv.example", "x" * 16)
    client.force_login(admin)
    SubscriberFactory(email="=1+2@example.com")
    SubscriberFactory(email="+cmd|calc@example.com")
    rows = _rows(client.get("/admin/bulletin/subscribers/", {"export": "csv"}))
    emails = {row[0] for row in rows[1:]}
    assert emails == {"'=1+2@example.com", "'+cmd|calc@example.com"}


@pytest.mark.django_db
def test_every_admin_list_with_an_export_writes_defused_csv():
    """Wagtail's own exports (users, pages, sites) and every project list share the mixin."""
    assert get_resolver().url_patterns  # registers every viewset, as the first request does
    exporting = [
        viewset
        for viewset in [
            *viewsets.viewsets,
            *(model.snippet_viewset for model in get_snippet_models()),
        ]
        if getattr(viewset, "list_export", None)
    ]
    assert len(exporting) >= 10
    for viewset in exporting:
        view_class = viewset.index_view_class
        assert issubclass(view_class, SpreadsheetExportMixin), viewset
        written = io.StringIO()
        writer = csv.DictWriter(written, fieldnames=["cell"])
        view_class().write_csv_row(writer, {"cell": "=1+2"})
        assert written.getvalue().strip() == "'=1+2", viewset
