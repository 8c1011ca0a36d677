from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.two_factor_reset import reset_two_factor


class Command(BaseCommand):
    help = (
        "Reset a staff member's two-factor sign-in (authenticator and recovery codes), for "
        "when they lost their phone and no administrator can reset it in the admin. They set "
        "up a new authenticator at their next sign-in; the reset is logged and they are told "
        "by e-mail."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None
        deleted = reset_two_factor(user)
        self.stdout.write(f"reset the two-factor sign-in of {username}: {deleted} devices deleted")
