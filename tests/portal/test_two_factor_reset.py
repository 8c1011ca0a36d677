"""A lost phone: an administrator (or an operator's command) resets a colleague's second
factor; the colleague sets up a new one at the next sign-in. Played as the attacker too: a
password alone, a forged post, a colleague without the right, one's own account."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from portal.models import OutgoingEmail
from tests.portal.test_staff_accounts import current_code, set_up_authenticator, sign_in_again

pytestmark = pytest.mark.django_db

PASSWORD = "správné-heslo-2026"


def staff_user(django_user_model, username, **extra):
    user = django_user_model.objects.create_user(
        username, f"{username}@mpsv.example", PASSWORD, is_staff=True, **extra
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def editor(django_user_model):
    """An editor who has set up an authenticator and then lost the phone."""
    editor = staff_user(django_user_model, "metodicka", first_name="Jana", last_name="Nová")
    phone = Client()
    phone.force_login(editor)
    set_up_authenticator(phone, editor)
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert StaticDevice.objects.filter(user=editor).exists()
    return editor


@pytest.fixture
def administrator(client, django_user_model):
    """A superuser signed in with a second factor of their own."""
    admin = staff_user(django_user_model, "spravce", is_superuser=True)
    client.force_login(admin)
    set_up_authenticator(client, admin)
    return admin


def refused(answer) -> bool:
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard and a
    message ("Sorry, you do not have permission ...")."""
    return answer.status_code == 302 and answer.url == "/admin/"


def reset_url(user):
    return f"/admin/two-factor/reset/{user.pk}/"


def second_factors(user) -> int:
    return (
        TOTPDevice.objects.filter(user=user).count()
        + StaticDevice.objects.filter(user=user).count()
    )


def test_an_administrator_resets_a_lost_phone_and_its_owner_sets_up_a_new_one(
    client, administrator, editor
):
    asked = client.get(reset_url(editor))
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Obnovit dvoufázové přihlášení" in page and "Jana Nová" in page
    assert second_factors(editor) == 2  # asking changes nothing

    done = client.post(reset_url(editor))
    assert done.status_code == 302 and done.url == "/admin/users/"
    assert second_factors(editor) == 0
    entry = ModelLogEntry.objects.get(action="portal.two_factor.reset")
    assert entry.object_id == str(editor.pk) and entry.user_id == administrator.pk
    notice = OutgoingEmail.objects.get(purpose="portal.two_factor.reset")
    assert notice.to == editor.email
    assert "dvoufázové přihlášení" in notice.subject
    assert "Pokud jste o to nežádali" in notice.body_text

    # The editor signs in with the password and is offered the set-up page, not the verify
    # page; the new authenticator gives new recovery codes.
    editors_browser = Client()
    assert editors_browser.login(username=editor.username, password=PASSWORD)
    assert editors_browser.get("/admin/two-factor/setup/").status_code == 200
    _device, codes, _page = set_up_authenticator(editors_browser, editor)
    assert len(codes) == 10
    sign_in_again(editors_browser, editor)
    assert editors_browser.get("/admin/").url.startswith("/admin/two-factor/verify/")


def test_a_forged_post_without_the_csrf_token_resets_nothing(client, administrator, editor):
    # A post from another site rides on the cookies of the administrator's verified session.
    forger = Client(enforce_csrf_checks=True)
    forger.cookies = client.cookies
    assert forger.get("/admin/").status_code == 200  # the session is verified
    assert forger.post(reset_url(editor)).status_code == 403
    assert second_factors(editor) == 2


def test_a_password_alone_does_not_reach_the_reset(client, django_user_model, editor):
    """The stolen password of an administrator who has a second factor: the reset page sends
    to the verify page, and the post resets nothing."""
    admin = staff_user(django_user_model, "spravce", is_superuser=True)
    TOTPDevice.objects.create(user=admin, name="telefon", confirmed=True)
    assert client.login(username=admin.username, password=PASSWORD)
    for answer in (client.get(reset_url(editor)), client.post(reset_url(editor))):
        assert answer.status_code == 302
        assert answer.url.startswith("/admin/two-factor/verify/")
    assert second_factors(editor) == 2


def test_an_administrator_without_a_second_factor_may_not_reset(client, django_user_model, editor):
    admin = staff_user(django_user_model, "spravce", is_superuser=True)
    client.force_login(admin)
    assert refused(client.post(reset_url(editor)))
    assert second_factors(editor) == 2


def test_a_colleague_without_the_right_to_change_users_may_not_reset(
    client, django_user_model, editor
):
    colleague = staff_user(django_user_model, "kolega")
    client.force_login(colleague)
    set_up_authenticator(client, colleague)
    assert refused(client.post(reset_url(editor)))
    assert second_factors(editor) == 2


def test_a_user_manager_may_not_reset_a_superuser(client, django_user_model, administrator):
    manager = staff_user(django_user_model, "personalista")
    manager.user_permissions.add(Permission.objects.get(codename="change_user"))
    managers_browser = Client()
    managers_browser.force_login(manager)
    set_up_authenticator(managers_browser, manager)
    assert refused(managers_browser.post(reset_url(administrator)))
    assert second_factors(administrator) == 2


def test_no_one_resets_their_own_second_factor(client, administrator):
    """Otherwise a stolen password and one recovery code would replace the authenticator."""
    assert refused(client.post(reset_url(administrator)))
    assert second_factors(administrator) == 2


def test_the_users_list_offers_the_reset_for_colleagues_only(client, administrator, editor):
    listing = client.get("/admin/users/").content.decode()
    assert reset_url(editor) in listing
    assert reset_url(administrator) not in listing


def test_the_operators_command_resets_logs_and_tells(editor):
    call_command("reset_two_factor", editor.username)
    assert second_factors(editor) == 0
    entry = ModelLogEntry.objects.get(action="portal.two_factor.reset")
    assert entry.user_id is None
    notice = OutgoingEmail.objects.get(purpose="portal.two_factor.reset")
    assert "provozovatel" in notice.body_text
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nikdo")


def test_a_session_verified_with_the_deleted_device_is_no_longer_verified(
    client, administrator, editor
):
    editors_browser = Client()
    editors_browser.force_login(editor)
    device = TOTPDevice.objects.get(user=editor, confirmed=True)
    sign_in_again(editors_browser, editor)
    # A later code than the one the set-up used (django-otp refuses a code twice).
    with time_machine.travel(datetime.timedelta(seconds=60)):
        code = current_code(device)
        verified = editors_browser.post("/admin/two-factor/verify/", {"code": code})
    assert verified.status_code == 302
    assert editors_browser.get("/admin/").status_code == 200
    client.post(reset_url(editor))
    # django-otp finds the session's device gone: the editor must set up a new one to go on
    # only where it is required; here the admin stays open without a second factor, as it is
    # for any editor who never set one up, and the set-up page is open to them.
    assert editors_browser.get("/admin/two-factor/setup/").status_code == 200
