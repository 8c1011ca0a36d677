from django.apps import AppConfig


class SchedulerConfig(AppConfig):
    name = "portal.scheduler"
    label = "scheduler"
    verbose_name = "Periodic jobs"
    default_auto_field = "django.db.models.BigAutoField"
