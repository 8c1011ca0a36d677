from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef
from django.utils import timezone

from newsletter import services
from newsletter.models import Delivery, Send
from newsletter.sending import sends


class Command(BaseCommand):
    help = (
        "Start scheduled sends, return claims of dead workers to the queue, restart sends "
        "whose workers are gone, and purge unconfirmed sign-ups (run every few minutes)."
    )

    def handle(self, *args, **options):
        started = sends.begin_due_sends()
        reaped = sends.reap_stale_claims()
        due = Delivery.objects.filter(
            send=OuterRef("pk"), status=Delivery.Status.PENDING, next_attempt_at__lte=timezone.now()
        )
        never_tried = Delivery.objects.filter(
            send=OuterRef("pk"), status=Delivery.Status.PENDING, next_attempt_at__isnull=True
        )
        stalled = Send.objects.filter(status=Send.Status.SENDING).filter(
            Exists(due) | Exists(never_tried)
        )
        restarted = 0
        for send_id in stalled.values_list("pk", flat=True):
            sends.launch_workers(send_id, count=1)
            restarted += 1
        purged = services.purge_unconfirmed()
        self.stdout.write(
            f"started {started} scheduled sends, reaped {reaped} claims, "
            f"restarted {restarted} sends, purged {purged} unconfirmed sign-ups"
        )
