from django.apps import AppConfig

from portal.resilient_cache import cache_recovered


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Obsah"

    def ready(self):
        from .glossary import connect_signals

        connect_signals()

        from . import invalidation

        invalidation.connect()

        from .cache import retire_everything_after_an_outage

        cache_recovered.connect(retire_everything_after_an_outage)
