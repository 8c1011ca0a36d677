from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from .spreadsheets import defuse_admin_exports  # Wagtail's admin must be loaded first

        defuse_admin_exports()
