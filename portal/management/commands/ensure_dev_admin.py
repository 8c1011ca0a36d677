"""A development-only admin account with a generated password, printed for the developer."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the development admin account (or, with --reset, give it a new password)."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Generate a new password.")
        parser.add_argument("--port", default="8000", help="Port shown in the admin's address.")

    def handle(self, *args, reset=False, port="8000", **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG on (development).")
        password_file = Path(settings.DEV_ADMIN_PASSWORD_FILE)
        user_model = get_user_model()
        user = user_model.objects.filter(username=USERNAME).first()
        if user is None or reset or not password_file.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                user = user_model.objects.create_superuser(USERNAME, "admin@localhost", password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password)
            password_file.chmod(0o600)
        password = password_file.read_text().strip()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:{port}/admin/  user: {USERNAME}  password: {password}"
                "  (development only; `make admin` makes a new password)"
            )
        )
