"""`make run` prints a development admin login whose password is generated, never fixed."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def dev_settings(settings, tmp_path):
    settings.DEBUG = True
    settings.DEV_ADMIN_PASSWORD_FILE = tmp_path / "dev-admin-password"
    return settings


def printed_password(capsys):
    line = capsys.readouterr().out
    return line.split("password: ")[1].split()[0]


def test_creates_a_superuser_with_a_generated_password(dev_settings, capsys):
    call_command("ensure_dev_admin")
    password = printed_password(capsys)
    assert len(password) >= 16
    user = authenticate(username="admin", password=password)
    assert user is not None and user.is_superuser


def test_running_again_keeps_the_password_and_reset_makes_a_new_one(dev_settings, capsys):
    call_command("ensure_dev_admin")
    first = printed_password(capsys)
    call_command("ensure_dev_admin")
    assert printed_password(capsys) == first
    call_command("ensure_dev_admin", reset=True)
    second = printed_password(capsys)
    assert second != first
    assert authenticate(username="admin", password=second) is not None
    assert authenticate(username="admin", password=first) is None


def test_passwords_differ_between_machines(dev_settings, capsys, tmp_path, django_user_model):
    call_command("ensure_dev_admin")
    first = printed_password(capsys)
    django_user_model.objects.all().delete()
    dev_settings.DEV_ADMIN_PASSWORD_FILE = tmp_path / "other"
    call_command("ensure_dev_admin")
    assert printed_password(capsys) != first


def test_refuses_to_run_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("ensure_dev_admin")
