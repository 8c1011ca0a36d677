from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Delete django-axes' records of admin sign-ins (successful ones and failures) older "
        "than AXES_LOG_RETENTION_DAYS, and failure counters past the cool-off (run daily)."
    )

    def handle(self, *args, **options):
        days = settings.AXES_LOG_RETENTION_DAYS
        logs = AxesProxyHandler.reset_logs(age_days=days)
        failure_logs = AxesProxyHandler.reset_failure_logs(age_days=days)
        # Counters past the cool-off no longer lock anything; django-axes clears them only
        # when someone signs in or fails, so a quiet site would keep them for good.
        expired, _ = AccessAttempt.objects.filter(
            attempt_time__lte=timezone.now() - get_cool_off()
        ).delete()
        self.stdout.write(
            f"deleted {logs} sign-in records and {failure_logs} failure records older than "
            f"{days} days, and {expired} expired failure counters"
        )
