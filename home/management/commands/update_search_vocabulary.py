"""Rebuilds the words the search's "did you mean" knows (home.search.typos)."""

from django.core.management.base import BaseCommand

from home.search.typos import rebuild_vocabulary


class Command(BaseCommand):
    help = "Rebuild the search vocabulary (did you mean) from the published pages."

    def handle(self, *args, **options):
        self.stdout.write(f"{rebuild_vocabulary()} words")
