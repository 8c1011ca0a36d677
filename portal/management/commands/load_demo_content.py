from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.caching.invalidation import content_changed
from portal.demo import build_demo_site


class Command(BaseCommand):
    help = "Create the demo site (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 1
        created = build_demo_site(log=self.stdout.write if verbose else lambda _msg: None)
        if created:
            # Index now, so that search works before the task worker has caught up.
            call_command("update_index", verbosity=0)
            # The builder writes some rows with QuerySet.update(), which sends no signal.
            content_changed("demo content loaded")
            self.stdout.write(self.style.SUCCESS(f"Demo content: created {len(created)} objects."))
        else:
            self.stdout.write("Demo content: already in place, nothing changed.")
