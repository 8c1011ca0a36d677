"""An administrator's day with staff security, in a real browser: signing in with a second
factor, resetting a colleague's lost phone from the users' list, and reading the forms'
check counts; each page passes axe."""

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import form_checks
from portal.models import OutgoingEmail
from tests.browser.test_accessibility import describe, run_axe
from tests.portal.test_staff_accounts import current_code

from .admin import czech_staff

pytestmark = pytest.mark.browser

PASSWORD = "heslo-pro-spravce-123"


@pytest.fixture
def administrator(page, site_url, committed_db):
    admin = czech_staff("spravce", PASSWORD, is_superuser=True, email="spravce@mpsv.example")
    device = TOTPDevice.objects.create(user=admin, name="telefon", confirmed=True)
    page.goto("/admin/login/")
    page.fill("#id_username", "spravce")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/two-factor/verify/**")
    page.fill("#id_code", current_code(device))
    page.click("form:has(#id_code) button[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def test_an_administrator_resets_a_colleagues_lost_phone(administrator, axe):
    page = administrator
    colleague = czech_staff(
        "metodicka", PASSWORD, email="metodicka@mpsv.example", first_name="Jana", last_name="Nová"
    )
    TOTPDevice.objects.create(user=colleague, name="ztracený telefon", confirmed=True)
    StaticDevice.objects.create(user=colleague, name="záložní kódy")

    page.goto("/admin/users/")
    row = page.locator("tbody tr", has_text="metodicka")
    row.get_by_role("button", name="Další možnosti pro „metodicka“").click()
    row.get_by_role("link", name="Obnovit dvoufázové přihlášení").click()
    page.wait_for_url(f"**/admin/two-factor/reset/{colleague.pk}/")
    assert "Jana Nová" in page.locator("main").inner_text()
    violations = run_axe(axe, page)["violations"]
    assert not violations, describe(violations)

    page.get_by_role("button", name="Obnovit dvoufázové přihlášení").click()
    page.wait_for_url("**/admin/users/")
    assert "bylo obnoveno" in page.locator(".messages").inner_text()
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not StaticDevice.objects.filter(user=colleague).exists()
    # Told by e-mail (once delivered, the outbox keeps only the recipient's domain).
    notice = OutgoingEmail.objects.get(purpose="portal.two_factor.reset")
    assert notice.to == "metodicka@mpsv.example" or notice.recipient_domain == "mpsv.example"


def test_the_form_checks_report_reads_without_sql(administrator, axe):
    page = administrator
    for outcome in ["accepted", "accepted", "asked_to_confirm"]:
        form_checks.record("newsletter-signup", outcome)
    page.goto("/admin/")
    page.get_by_role("button", name="Výkazy").click()
    page.get_by_role("link", name="Kontroly formulářů").click()
    page.wait_for_url("**/admin/reports/form-checks/")
    cells = page.locator("tbody tr", has_text="newsletter-signup").locator("td").all_inner_texts()
    assert cells == ["2", "1", "0", "0", "1"]
    violations = run_axe(axe, page)["violations"]
    assert not violations, describe(violations)
