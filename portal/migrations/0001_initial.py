"""The project's own tables (the outbox, form-check counts), squashed before anything was deployed."""

from django.db import migrations, models

# Wagtail's migration 0048 names the default workflow and its task after the group that may
# publish: "Moderators approval". The Czech admin shows the name inside its own sentences
# ("Odeslat ke schválení: …"), so it is given a Czech name; an editor's renamed one is kept.
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
    initial = True

    dependencies = [
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [
        migrations.CreateModel(
            name="FormCheckOutcome",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("day", models.DateField(verbose_name="day")),
                ("form", models.CharField(max_length=50, verbose_name="form")),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("accepted", "accepted at once"),
                            ("asked_to_confirm", "asked to confirm"),
                            ("confirmed", "confirmed on the second step"),
                            ("honeypot", "rejected by the honeypot"),
                        ],
                        max_length=20,
                        verbose_name="outcome",
                    ),
                ),
                ("count", models.PositiveIntegerField(default=0, verbose_name="count")),
            ],
            options={
                "verbose_name": "form check outcome",
                "verbose_name_plural": "form check outcomes",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("day", "form", "outcome"), name="one_form_check_count_a_day"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="OutgoingEmail",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "purpose",
                    models.CharField(db_index=True, max_length=100, verbose_name="purpose"),
                ),
                ("to", models.EmailField(blank=True, max_length=320, verbose_name="recipient")),
                (
                    "recipient_domain",
                    models.CharField(blank=True, max_length=255, verbose_name="recipient's domain"),
                ),
                ("subject", models.CharField(blank=True, max_length=300, verbose_name="subject")),
                ("body_text", models.TextField(blank=True)),
                ("body_html", models.TextField(blank=True)),
                ("headers", models.JSONField(blank=True, default=dict)),
                ("reply_to", models.JSONField(blank=True, default=list)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "waiting to be sent"),
                            ("sent", "sent"),
                            ("failed", "failed"),
                        ],
                        default="pending",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                (
                    "next_attempt_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="next attempt"),
                ),
                ("last_error", models.TextField(blank=True, verbose_name="last error")),
                (
                    "message_id",
                    models.CharField(blank=True, max_length=300, verbose_name="message id"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent")),
            ],
            options={
                "verbose_name": "outgoing e-mail",
                "verbose_name_plural": "outgoing e-mails",
                "ordering": ["-created_at"],
                "indexes": [
                    models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
                    models.Index(fields=["status", "created_at"], name="outbox_settled"),
                ],
            },
        ),
        migrations.RunPython(to_czech, to_wagtails),
    ]
