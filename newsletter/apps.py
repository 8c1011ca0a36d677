from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Zpravodaj"

    def ready(self):
        from . import (
            webhooks,  # noqa: F401 - connects anymail's tracking signal
        )
        from .sending import esp_batch  # noqa: F401 - registers its system check
