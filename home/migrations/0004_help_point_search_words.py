"""Help points keep the folded words and stems of their name and place for the directory's
search (home.help_points.search); existing points get them here."""

from django.db import migrations, models

from home.help_points.search import search_words


def fill_search_words(apps, schema_editor):
    HelpPoint = apps.get_model("home", "HelpPoint")
    for point in HelpPoint.objects.select_related("locale").iterator():
        point.search_words = search_words(
            point.name, point.municipality, point.district, point.locale.language_code
        )
        point.save(update_fields=["search_words"])


class Migration(migrations.Migration):
    dependencies = [("home", "0003_image_and_table_blocks")]

    operations = [
        migrations.AddField(
            model_name="helppoint",
            name="search_words",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_words, migrations.RunPython.noop),
    ]
