from django.conf import settings
from django.core.management.base import BaseCommand

from portal.outbox import purge_outbox, send_due_emails


class Command(BaseCommand):
    help = (
        "Send queued transactional e-mail that is due, and purge settled messages older than "
        "OUTBOX_RETENTION_DAYS (run every few minutes)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, limit, **options):
        counts = send_due_emails(limit=limit)
        summary = ", ".join(f"{outcome}: {count}" for outcome, count in sorted(counts.items()))
        self.stdout.write(summary or "nothing due")
        purged = purge_outbox()
        if purged["scrubbed"] or purged["deleted"]:
            self.stdout.write(
                f"older than {settings.OUTBOX_RETENTION_DAYS} days: scrubbed "
                f"{purged['scrubbed']}, deleted {purged['deleted']}"
            )
