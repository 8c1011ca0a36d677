"""Staff sign-in: lockout after repeated failures, a strong password policy, two factors."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "metodicka", "metodicka@mpsv.example", "správné-heslo-2026", is_staff=True
    )


def login(client, password):
    return client.post("/admin/login/", {"username": "metodicka", "password": password})


def test_repeated_failed_logins_lock_the_account(client, editor, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        assert login(client, "špatně").status_code == 200
    locked = login(client, "špatně")
    assert locked.status_code == 429
    assert "Přihlášení je dočasně zablokováno" in locked.content.decode()
    # Even the right password does not open a locked account.
    assert login(client, "správné-heslo-2026").status_code == 429


def test_a_successful_login_resets_the_failure_count(client, editor, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    login(client, "špatně")
    login(client, "špatně")
    assert login(client, "správné-heslo-2026").status_code == 302
    client.logout()
    login(client, "špatně")
    login(client, "špatně")
    assert login(client, "správné-heslo-2026").status_code == 302


WRONG = "špatně"


def login_from(client, address, username="metodicka", password=WRONG):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_wrong_passwords_from_rotating_addresses_lock_the_username(
    client, editor, django_user_model, settings
):
    """The attack: guess one editor's password from a new address each time, so that no
    username-and-address pair ever reaches the limit."""
    settings.AXES_ENABLED = True
    django_user_model.objects.create_user(
        "kolega", "kolega@mpsv.example", "jiné-správné-heslo-2026", is_staff=True
    )
    answers = [login_from(client, f"203.0.113.{n}").status_code for n in range(1, 31)]
    assert answers[: settings.AXES_USERNAME_FAILURE_LIMIT - 1] == [200] * (
        settings.AXES_USERNAME_FAILURE_LIMIT - 1
    )
    assert set(answers[settings.AXES_USERNAME_FAILURE_LIMIT - 1 :]) == {429}
    # The username is blocked from a fresh address, even with the right password ...
    locked = login_from(client, "198.51.100.7", password="správné-heslo-2026")
    assert locked.status_code == 429
    assert "Přihlášení je dočasně zablokováno" in locked.content.decode()
    # ... while another user from that address still signs in.
    other = login_from(client, "198.51.100.7", "kolega", "jiné-správné-heslo-2026")
    assert other.status_code == 302


def test_one_address_trying_many_usernames_is_locked(client, editor, settings):
    """Password spraying: one guess for each of many usernames from one address."""
    settings.AXES_ENABLED = True
    for n in range(settings.AXES_IP_FAILURE_LIMIT):
        login_from(client, "203.0.113.50", username=f"redaktor{n}")
    sprayer = login_from(client, "203.0.113.50", password="správné-heslo-2026")
    assert sprayer.status_code == 429
    # The editor's own username is not blocked elsewhere by someone else's spraying.
    assert login_from(client, "198.51.100.7", password="správné-heslo-2026").status_code == 302


def test_sign_in_records_are_deleted_after_their_retention(client, editor, settings):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.core.management import call_command
    from django.utils import timezone

    settings.AXES_ENABLED = True
    login_from(client, "203.0.113.9")
    assert login_from(client, "203.0.113.9", password="správné-heslo-2026").status_code == 302
    login_from(client, "203.0.113.10")
    assert AccessFailureLog.objects.count() == 2 and AccessLog.objects.count() == 1
    assert AccessAttempt.objects.count() == 1
    old = timezone.now() - datetime.timedelta(days=settings.AXES_LOG_RETENTION_DAYS + 1)
    AccessFailureLog.objects.filter(ip_address="203.0.113.9").update(attempt_time=old)
    AccessLog.objects.update(attempt_time=old)
    call_command("sign_in_log_retention")
    assert list(AccessFailureLog.objects.values_list("ip_address", flat=True)) == ["203.0.113.10"]
    assert not AccessLog.objects.exists()
    # The live failure counter stays until the cool-off is over.
    assert AccessAttempt.objects.count() == 1
    with time_machine.travel(datetime.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)):
        call_command("sign_in_log_retention")
    assert not AccessAttempt.objects.exists()


@pytest.mark.parametrize("password", ["kratke", "12345678901234", "password1234", "metodicka2026!"])
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)


def test_a_long_unusual_password_is_accepted(editor):
    validate_password("Krizové bydlení v Ostravě 2026", user=editor)


def current_code(device):
    from django_otp.oath import totp

    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def staff(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    return editor


def test_superusers_must_set_up_two_factors_when_required(client, django_user_model, settings):
    settings.STAFF_2FA_REQUIRED = True
    admin = django_user_model.objects.create_superuser("spravce", "s@mpsv.example", "x" * 16)
    client.force_login(admin)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/two-factor/setup/?next=")


def test_staff_may_skip_two_factors_until_they_set_it_up(client, staff, settings):
    settings.STAFF_2FA_REQUIRED = True
    assert client.get("/admin/").status_code == 200


def test_setting_up_needs_the_password_and_a_code(client, staff):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page = client.get("/admin/two-factor/setup/")
    assert page.status_code == 200
    assert b"data:image/svg+xml;base64," in page.content
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    wrong = client.post(
        "/admin/two-factor/setup/", {"password": "špatně", "code": current_code(device)}
    )
    assert "Heslo není správné." in wrong.content.decode()
    done = client.post(
        "/admin/two-factor/setup/",
        {"password": "správné-heslo-2026", "code": current_code(device)},
    )
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed


def test_staff_with_an_authenticator_must_enter_a_code(client, staff, settings):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=staff, name="telefon", confirmed=True)
    client.logout()
    client.force_login(staff)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/admin/two-factor/verify/?next=%2Fadmin%2Fpages%2F"
    refused = client.post("/admin/two-factor/verify/", {"code": "000000"})
    assert "Kód není správný" in refused.content.decode()
    assert client.get("/admin/pages/").status_code == 302
    too_soon = client.post("/admin/two-factor/verify/", {"code": current_code(device)})
    assert "Příliš mnoho chybných kódů" in too_soon.content.decode()
    with time_machine.travel(datetime.timedelta(seconds=5)):
        verified = client.post(
            "/admin/two-factor/verify/", {"code": current_code(device), "next": "/admin/pages/"}
        )
    assert verified.status_code == 302 and verified.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_verification_does_not_redirect_off_site(client, staff):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=staff, name="telefon", confirmed=True)
    response = client.post(
        "/admin/two-factor/verify/",
        {"code": current_code(device), "next": "https://evil.example/"},
    )
    assert response.url == "/admin/"


def test_a_password_alone_cannot_enrol_a_new_authenticator(client, editor):
    """The attack: sign in with a stolen password, skip the verify page, open the set-up
    page, enrol an authenticator of one's own and take over the victim's second factor."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    victims = TOTPDevice.objects.create(user=editor, name="telefon", confirmed=True)
    assert client.login(username=editor.username, password="správné-heslo-2026")
    opened = client.get("/admin/two-factor/setup/")
    assert opened.status_code == 302
    assert opened.url.startswith("/admin/two-factor/verify/")
    assert not TOTPDevice.objects.filter(user=editor, confirmed=False).exists()
    # Forging the post with a device of the attacker's own (should the page ever leak one).
    attackers = TOTPDevice.objects.create(user=editor, name="útočník", confirmed=False)
    forged = client.post(
        "/admin/two-factor/setup/",
        {"password": "správné-heslo-2026", "code": current_code(attackers)},
    )
    assert forged.status_code == 302
    assert forged.url.startswith("/admin/two-factor/verify/")
    attackers.refresh_from_db()
    assert not attackers.confirmed
    assert TOTPDevice.objects.filter(pk=victims.pk, confirmed=True).exists()
    # And the admin stays closed.
    assert client.get("/admin/pages/").status_code == 302


def set_up_authenticator(client, user):
    """Go through the set-up page; return the device and the recovery codes it showed."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(
        "/admin/two-factor/setup/",
        {"password": "správné-heslo-2026", "code": current_code(device), "next": "/admin/pages/"},
    )
    assert done.status_code == 302
    shown = client.get(done.url)
    return device, shown.context["codes"], shown


def sign_in_again(client, user):
    client.logout()
    assert client.login(username=user.username, password="správné-heslo-2026")


def test_setting_up_shows_ten_recovery_codes_once(client, staff):
    device, codes, page = set_up_authenticator(client, staff)
    assert len(codes) == 10 and len(set(codes)) == 10
    content = page.content.decode()
    assert all(code in content for code in codes)
    assert 'href="/admin/pages/"' in content  # on to where the user was going
    # Once: the page shows them no more.
    assert not any(code in client.get(page.request["PATH_INFO"]).content.decode() for code in codes)
    # They are not kept in a form anyone can read back: not in the database, nor on a page.
    from django_otp.plugins.otp_static.models import StaticToken

    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert len(stored) == 10 and not stored & {code.replace("-", "") for code in codes}
    assert not any(
        code in client.get("/admin/two-factor/recovery-codes/").content.decode() for code in codes
    )


def test_a_recovery_code_signs_in_in_place_of_the_phone_once(client, staff):
    _device, codes, _page = set_up_authenticator(client, staff)
    sign_in_again(client, staff)
    assert client.get("/admin/").url.startswith("/admin/two-factor/verify/")
    # Typed as people type: upper case, spaces instead of the dash.
    typed = codes[0].upper().replace("-", " ")
    used = client.post("/admin/two-factor/verify/", {"code": typed, "next": "/admin/pages/"})
    assert used.status_code == 302 and used.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    left = client.get("/admin/two-factor/recovery-codes/").content.decode()
    assert "Nepoužité záložní kódy: 9" in left
    # The same code a second time, in a new session, is refused.
    sign_in_again(client, staff)
    with time_machine.travel(datetime.timedelta(seconds=5)):
        again = client.post("/admin/two-factor/verify/", {"code": codes[0]})
    assert "Kód není správný" in again.content.decode()
    assert client.get("/admin/").url.startswith("/admin/two-factor/verify/")


def test_another_users_recovery_code_does_not_sign_in(client, staff, django_user_model):
    from django.test import Client

    colleague = django_user_model.objects.create_user(
        "kolega", "kolega@mpsv.example", "správné-heslo-2026", is_staff=True
    )
    colleague.user_permissions.add(Permission.objects.get(codename="access_admin"))
    other = Client()
    other.force_login(colleague)
    _device, colleagues_codes, _page = set_up_authenticator(other, colleague)
    set_up_authenticator(client, staff)
    sign_in_again(client, staff)
    refused = client.post("/admin/two-factor/verify/", {"code": colleagues_codes[0]})
    assert "Kód není správný" in refused.content.decode()
    assert client.get("/admin/").url.startswith("/admin/two-factor/verify/")


def test_a_recovery_code_does_not_open_the_set_up_page(client, staff):
    """A recovery code lets its owner in, but replacing the authenticator still needs the
    authenticator: a stolen password and a code from a lost sheet must not take the second
    factor over for good."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, codes, _page = set_up_authenticator(client, staff)
    sign_in_again(client, staff)
    client.post("/admin/two-factor/verify/", {"code": codes[0]})
    assert client.get("/admin/").status_code == 200
    opened = client.get("/admin/two-factor/setup/")
    assert opened.status_code == 302 and opened.url.startswith("/admin/two-factor/verify/")
    attackers = TOTPDevice.objects.create(user=staff, name="útočník", confirmed=False)
    forged = client.post(
        "/admin/two-factor/setup/",
        {"password": "správné-heslo-2026", "code": current_code(attackers)},
    )
    assert forged.status_code == 302
    attackers.refresh_from_db()
    assert not attackers.confirmed
    assert TOTPDevice.objects.filter(pk=device.pk, confirmed=True).exists()


def test_new_recovery_codes_replace_the_old_ones(client, staff):
    _device, old_codes, _page = set_up_authenticator(client, staff)
    page = client.get("/admin/two-factor/recovery-codes/")
    assert page.status_code == 200
    wrong = client.post("/admin/two-factor/recovery-codes/", {"password": "špatně"})
    assert "Heslo není správné." in wrong.content.decode()
    new = client.post(
        "/admin/two-factor/recovery-codes/", {"password": "správné-heslo-2026"}, follow=True
    )
    new_codes = new.context["codes"]
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    sign_in_again(client, staff)
    refused = client.post("/admin/two-factor/verify/", {"code": old_codes[1]})
    assert "Kód není správný" in refused.content.decode()
    with time_machine.travel(datetime.timedelta(seconds=5)):
        used = client.post("/admin/two-factor/verify/", {"code": new_codes[1]})
    assert used.status_code == 302


def test_recovery_codes_need_an_authenticator_and_a_verified_session(client, staff):
    # Without an authenticator there is nothing to recover: set one up first.
    assert client.get("/admin/two-factor/recovery-codes/").url.startswith(
        "/admin/two-factor/setup/"
    )
    _device, _codes, _page = set_up_authenticator(client, staff)
    sign_in_again(client, staff)
    # A password alone cannot mint new codes.
    forged = client.post("/admin/two-factor/recovery-codes/", {"password": "správné-heslo-2026"})
    assert forged.status_code == 302 and forged.url.startswith("/admin/two-factor/verify/")
