"""The language to write to a member of staff in."""

from django.conf import settings
from wagtail.users.models import UserProfile


def admin_language(user) -> str:
    """The language the user chose for the admin, if the site speaks it; else Czech."""
    profile = UserProfile.objects.filter(user=user).first()
    preferred = (profile.preferred_language if profile else "") or ""
    languages = {code for code, _name in settings.LANGUAGES}
    return preferred if preferred in languages else settings.LANGUAGE_CODE
