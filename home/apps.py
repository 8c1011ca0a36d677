from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Obsah"

    def ready(self):
        from . import invalidation

        invalidation.connect()
