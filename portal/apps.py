from django.apps import AppConfig


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
