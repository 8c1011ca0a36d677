from django.core.management.base import BaseCommand

from home.editorial.reminders import send_review_reminders
from home.editorial.review import DUE_SOON_DAYS


class Command(BaseCommand):
    help = (
        "E-mail each content owner the pages overdue or due for review soon; "
        "run weekly (a second run in the same week sends nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DUE_SOON_DAYS, help="How far ahead.")

    def handle(self, *args, days, **options):
        sent = send_review_reminders(within_days=days)
        for owner, count in sent:
            self.stdout.write(f"reminded {owner.get_username()}: {count} pages")
        self.stdout.write(f"{len(sent)} reminders queued")
