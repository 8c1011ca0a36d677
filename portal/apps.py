from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from .spreadsheets import defuse_admin_exports  # Wagtail's admin must be loaded first

        defuse_admin_exports()

        from .caching import invalidation  # its signal receivers need the models loaded

        # Kept beside the receivers they connect, which need the models loaded too.
        from .caching.generation import bump_generation
        from .caching.resilient_redis import cache_recovered

        invalidation.connect()
        # A publish during a cache outage could not retire what it changed: retire it all.
        cache_recovered.connect(
            lambda **_signal: bump_generation(), dispatch_uid="portal-cache-recovered", weak=False
        )
