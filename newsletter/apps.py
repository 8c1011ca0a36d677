from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Zpravodaj"

    def ready(self):
        # Imported for their side effects, here because both need the models loaded (which
        # is what ready() is for): esp_batch and trial_sends register their system checks,
        # webhooks connects anymail's tracking signal.
        from . import webhooks  # noqa: F401
        from .sending import esp_batch, trial_sends  # noqa: F401
