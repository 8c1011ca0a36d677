"""Staff in the browser tests: a Czech admin user, and signing in through the login form."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile


def czech_staff(username, password, groups=(), **fields):
    """A staff user of the given groups whose admin language is Czech."""
    user = get_user_model().objects.create_user(
        username, password=password, is_staff=True, **fields
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language="cs")
    return user


def sign_in(page, username, password):
    """Signs in through the admin's login form, as staff do, and waits for the dashboard."""
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return page
