from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.models import FormCheckOutcome


class Command(BaseCommand):
    help = (
        "Delete the forms' daily check counts older than FORM_CHECK_RETENTION_DAYS (run "
        "daily). They hold no personal data; the limit keeps the table small."
    )

    def handle(self, *args, **options):
        days = settings.FORM_CHECK_RETENTION_DAYS
        cutoff = timezone.localdate() - timedelta(days=days)
        deleted, _details = FormCheckOutcome.objects.filter(day__lt=cutoff).delete()
        self.stdout.write(f"deleted {deleted} daily form check counts older than {days} days")
