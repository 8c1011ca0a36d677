from django.db import migrations

FALLBACK_QUEUE_NAME = "Obecné dotazy"


def create_fallback_queue(apps, schema_editor):
    """Every inquiry must land somewhere, from the first day."""
    Queue = apps.get_model("contact", "Queue")
    if not Queue.objects.filter(is_fallback=True).exists():
        queue, _created = Queue.objects.get_or_create(name=FALLBACK_QUEUE_NAME)
        queue.is_fallback = True
        queue.save(update_fields=["is_fallback"])


class Migration(migrations.Migration):
    dependencies = [("contact", "0001_initial")]

    operations = [migrations.RunPython(create_fallback_queue, migrations.RunPython.noop)]
