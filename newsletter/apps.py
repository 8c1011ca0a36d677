from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Zpravodaj"

    def ready(self):
        # Imported for their side effects, here because both need the models loaded (which
        # is what ready() is for): esp_batch registers its system check, webhooks connects
        # anymail's tracking signal.
        from . import webhooks  # noqa: F401
        from .sending import esp_batch  # noqa: F401
