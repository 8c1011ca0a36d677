"""Wagtail's migration 0048 names the default workflow and its task after the group that may
publish: "Moderators approval". The Czech admin shows the name inside its own sentences
("Odeslat ke schválení: …"), so it is given a Czech name; an editor's renamed one is kept."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
CZECH_NAME = "Schválení moderátorem"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_czech(apps, schema_editor):
    rename(apps, WAGTAIL_NAME, CZECH_NAME)


def to_wagtails(apps, schema_editor):
    rename(apps, CZECH_NAME, WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_form_check_outcome"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_czech, to_wagtails)]
