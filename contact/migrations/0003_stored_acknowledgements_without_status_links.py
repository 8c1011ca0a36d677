"""Acknowledgements stored before the thread kept a redacted copy hold the working status
link: replace it with the placeholder the acknowledgement now stores."""

import re

from django.db import migrations

# The status route in both languages (contact.models.pages): …/stav/<token>/, …/status/<token>/
STATUS_LINK = re.compile(r"\S*/(?:stav|status)/[A-Za-z0-9_-]{16,}/?\S*")
PLACEHOLDER = {"cs": "[odkaz na stav dotazu]", "en": "[link to the inquiry's status]"}


def redact_status_links(apps, schema_editor):
    InquiryMessage = apps.get_model("contact", "InquiryMessage")
    stored = InquiryMessage.objects.filter(kind="acknowledgement").select_related("inquiry")
    for message in stored.iterator():
        placeholder = PLACEHOLDER.get(message.inquiry.language, PLACEHOLDER["cs"])
        body = STATUS_LINK.sub(placeholder, message.body)
        if body != message.body:
            message.body = body
            message.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("contact", "0002_fallback_queue")]

    operations = [migrations.RunPython(redact_status_links, migrations.RunPython.noop)]
