"""Every address the site writes to gets the one check (portal/addresses.py): a queue's
shared mailbox, staff accounts and the operator's test list, besides the public forms."""

import pytest
from django.core.exceptions import ValidationError

from contact.models import Queue
from newsletter.sending.trial_sends import test_addresses_are_valid as check_test_addresses
from portal.staff_users import StaffUserCreationForm, StaffUserEditForm

pytestmark = pytest.mark.django_db

REFUSED = ["obet@localhost", "obet@[127.0.0.1]", "obet@mailinator.com", "a" * 65 + "@seznam.cz"]


@pytest.mark.parametrize("address", REFUSED)
def test_a_queues_shared_mailbox_is_checked(address):
    with pytest.raises(ValidationError) as refused:
        Queue(name="Metodika", mailbox=address).full_clean()
    assert "mailbox" in refused.value.message_dict
    Queue(name="Metodika", mailbox="metodika@mpsv.example").full_clean()


@pytest.mark.parametrize("address", REFUSED)
def test_a_staff_accounts_address_is_checked(address):
    data = {
        "username": "redaktor",
        "email": address,
        "first_name": "Jan",
        "last_name": "Novák",
        "password1": "dlouhé-heslo-2026-x",
        "password2": "dlouhé-heslo-2026-x",
    }
    form = StaffUserCreationForm(data)
    assert not form.is_valid()
    assert "Neplatný e-mail." in " ".join(form.errors["email"])
    assert StaffUserCreationForm({**data, "email": "redaktor@mpsv.example"}).is_valid()


def test_the_admin_uses_the_checked_user_forms(admin_client, django_user_model):
    assert isinstance(admin_client.get("/admin/users/new/").context["form"], StaffUserCreationForm)
    other = django_user_model.objects.create_user("kolega", "kolega@mpsv.example", "x")
    edit = admin_client.get(f"/admin/users/edit/{other.pk}/")
    assert isinstance(edit.context["form"], StaffUserEditForm)


def test_the_operators_test_list_is_checked(settings):
    settings.NEWSLETTER_TEST_ADDRESSES = ["kontrola@mpsv.example", *REFUSED]
    problems = check_test_addresses(None)
    assert [problem.id for problem in problems] == ["newsletter.E002"] * len(REFUSED)
    assert all(address in problems[n].msg for n, address in enumerate(REFUSED))
    settings.NEWSLETTER_TEST_ADDRESSES = ["kontrola@mpsv.example"]
    assert check_test_addresses(None) == []
