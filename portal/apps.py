from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from .spreadsheets import defuse_admin_exports  # Wagtail's admin must be loaded first

        defuse_admin_exports()

        from .caching import invalidation  # its signal receivers need the models loaded
        from .caching.generation import bump_generation  # beside the receivers it serves
        from .caching.resilient_redis import cache_recovered  # beside the receivers it serves

        invalidation.connect()
        # A publish during a cache outage could not retire what it changed: retire it all.
        cache_recovered.connect(
            lambda **_signal: bump_generation(), dispatch_uid="portal-cache-recovered", weak=False
        )
        # A release may render every page differently (a template, a tag, a translation):
        # every deploy runs migrate (docs/deployment.md, make serve), so the copies and
        # fragments the old release rendered are retired there, once per run.
        post_migrate.connect(
            lambda **_signal: bump_generation(),
            sender=self,
            dispatch_uid="portal-release-retires-copies",
            weak=False,
        )
