from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact centre")

    def ready(self):
        # Imported here, not at the top: the views import the models, which are not loaded
        # while the app registry is being filled.
        from .public import views

        # The page's routes call the views; the models never import them (dependencies run
        # one way: models, then services, then views).
        self.get_model("ContactPage").public_views = views
