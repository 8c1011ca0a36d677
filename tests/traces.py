"""Find a string anywhere in the database: every text-like column of every table."""

from django.apps import apps
from django.db import models
from django.db.models.functions import Cast

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def rows_mentioning(needle: str) -> list[str]:
    """ "app.Model#pk.field" for every stored value that contains needle (case-insensitive)."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        for field in meta.concrete_fields:
            if not isinstance(field, TEXT_FIELDS):
                continue
            rows = model._base_manager.all()
            if isinstance(field, models.JSONField):
                rows = rows.alias(_as_text=Cast(field.name, models.TextField()))
                rows = rows.filter(_as_text__icontains=needle)
            else:
                rows = rows.filter(**{f"{field.name}__icontains": needle})
            found += [f"{meta.label}#{pk}.{field.name}" for pk in rows.values_list("pk", flat=True)]
    return found
