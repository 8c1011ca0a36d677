from django.core.management.base import BaseCommand

from contact.privacy import SPAM_RETENTION_DAYS, apply_retention


class Command(BaseCommand):
    help = (
        "Anonymise finished inquiries older than their queue's retention period and delete "
        f"suspected spam older than {SPAM_RETENTION_DAYS} days (run daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change; change nothing."
        )

    def handle(self, *args, dry_run, **options):
        result = apply_retention(dry_run=dry_run)
        prefix = "Would have " if dry_run else ""
        self.stdout.write(
            f"{prefix}anonymised {result.anonymised} inquiries, "
            f"deleted {result.spam_deleted} suspected spam."
        )
