from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Obsah"

    def ready(self):
        from .glossary import connect_signals

        connect_signals()
