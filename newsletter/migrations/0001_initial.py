"""The bulletin's schema, squashed into one migration before anything was deployed."""

import django.db.models.deletion
import django.utils.timezone
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import newsletter.models.subscribers


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="BulletinIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "bulletin",
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, "wagtailcore.page"),
        ),
        migrations.CreateModel(
            name="BulletinPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("issue_date", models.DateField(verbose_name="issue date")),
                ("intro", wagtail.fields.RichTextField(verbose_name="introduction")),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [("teaser", 2), ("text", 3)],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {
                                    "label": "Article",
                                    "page_type": ["home.ArticlePage", "home.NewsPage"],
                                },
                            ),
                            1: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {
                                    "help_text": "Leave empty to use the article's own summary.",
                                    "label": "Summary",
                                    "required": False,
                                },
                            ),
                            2: ("wagtail.blocks.StructBlock", [[("page", 0), ("summary", 1)]], {}),
                            3: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": ["bold", "italic", "link", "ol", "ul"],
                                    "label": "Text",
                                    "template": "blocks/paragraph_block.html",
                                },
                            ),
                        },
                        verbose_name="contents",
                    ),
                ),
            ],
            options={
                "verbose_name": "bulletin issue",
                "verbose_name_plural": "bulletin issues",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="SuppressedAddress",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("address_hash", models.CharField(max_length=64, unique=True)),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("hard_bounce", "hard bounce"),
                            ("soft_bounces", "repeated soft bounces"),
                            ("complaint", "spam complaint"),
                            ("staff", "suppressed by staff"),
                        ],
                        max_length=20,
                        verbose_name="reason",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="since"),
                ),
            ],
            options={
                "verbose_name": "suppressed address",
                "verbose_name_plural": "suppressed addresses",
            },
        ),
        migrations.CreateModel(
            name="Send",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("scheduled", "scheduled"),
                            ("sending", "sending"),
                            ("paused", "paused"),
                            ("done", "done"),
                            ("cancelled", "cancelled"),
                        ],
                        default="scheduled",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("scheduled_for", models.DateTimeField(verbose_name="send at")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("started_at", models.DateTimeField(blank=True, null=True, verbose_name="started")),
                (
                    "finished_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="finished"),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="sent by",
                    ),
                ),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sends",
                        to="newsletter.bulletinpage",
                        verbose_name="issue",
                    ),
                ),
            ],
            options={
                "verbose_name": "send",
                "verbose_name_plural": "sends",
                "ordering": ["-created_at"],
                "permissions": [("send_bulletin", "Can send bulletin issues")],
            },
        ),
        migrations.CreateModel(
            name="SendContent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("language", models.CharField(max_length=10)),
                ("subject", models.CharField(max_length=300)),
                ("html", models.TextField()),
                ("text", models.TextField()),
                ("archive_url", models.URLField(max_length=500)),
                (
                    "send",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="contents",
                        to="newsletter.send",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="Subscriber",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("email", models.EmailField(max_length=254, verbose_name="e-mail")),
                ("email_key", models.CharField(editable=False, max_length=254, unique=True)),
                (
                    "language",
                    models.CharField(
                        choices=[("cs", "Čeština"), ("en", "English")],
                        default="cs",
                        max_length=10,
                        verbose_name="language",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "waiting for confirmation"),
                            ("confirmed", "confirmed"),
                            ("unsubscribed", "unsubscribed"),
                            ("suppressed", "suppressed"),
                        ],
                        db_index=True,
                        default="pending",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "link_secret",
                    models.CharField(
                        default=newsletter.models.subscribers.new_link_secret,
                        editable=False,
                        max_length=32,
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("footer", "footer form"),
                            ("page", "sign-up page"),
                            ("admin", "added by staff"),
                        ],
                        max_length=20,
                        verbose_name="source",
                    ),
                ),
                ("consent_text", models.TextField(verbose_name="consent wording shown")),
                ("consent_at", models.DateTimeField(verbose_name="consent given")),
                (
                    "consent_page",
                    models.CharField(blank=True, max_length=500, verbose_name="page signed up on"),
                ),
                (
                    "consent_language",
                    models.CharField(max_length=10, verbose_name="language of the form"),
                ),
                (
                    "ip_hash",
                    models.CharField(blank=True, max_length=64, verbose_name="hashed IP address"),
                ),
                (
                    "confirmation_sent_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="confirmation sent"),
                ),
                (
                    "confirmed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="confirmed"),
                ),
                (
                    "unsubscribed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="unsubscribed"),
                ),
                (
                    "soft_bounces",
                    models.PositiveSmallIntegerField(default=0, verbose_name="soft bounces"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last changed")),
                (
                    "topics",
                    models.ManyToManyField(
                        blank=True, related_name="+", to="home.topic", verbose_name="topics"
                    ),
                ),
            ],
            options={
                "verbose_name": "subscriber",
                "verbose_name_plural": "subscribers",
                "ordering": ["-created_at"],
                "permissions": [("export_subscribers", "Can find, export and erase subscribers")],
            },
        ),
        migrations.CreateModel(
            name="Delivery",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("language", models.CharField(max_length=10)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "pending"),
                            ("sending", "being sent"),
                            ("sent", "sent"),
                            ("failed", "failed"),
                            ("bounced", "bounced"),
                            ("unsubscribed", "unsubscribed before sending"),
                        ],
                        default="pending",
                        max_length=20,
                    ),
                ),
                ("attempts", models.PositiveSmallIntegerField(default=0)),
                ("next_attempt_at", models.DateTimeField(blank=True, null=True)),
                ("claimed_at", models.DateTimeField(blank=True, null=True)),
                ("claimed_by", models.CharField(blank=True, max_length=100)),
                ("message_id", models.CharField(blank=True, max_length=300)),
                ("error", models.TextField(blank=True)),
                ("sent_at", models.DateTimeField(blank=True, null=True)),
                (
                    "send",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="deliveries",
                        to="newsletter.send",
                    ),
                ),
                (
                    "subscriber",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="deliveries",
                        to="newsletter.subscriber",
                    ),
                ),
            ],
            options={
                "verbose_name": "delivery",
                "verbose_name_plural": "deliveries",
            },
        ),
        migrations.AddConstraint(
            model_name="send",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "cancelled"), _negated=True),
                fields=("page",),
                name="one_send_per_issue",
            ),
        ),
        migrations.AddConstraint(
            model_name="sendcontent",
            constraint=models.UniqueConstraint(
                fields=("send", "language"), name="one_content_per_language"
            ),
        ),
        migrations.AddIndex(
            model_name="subscriber",
            index=models.Index(fields=["status", "language", "id"], name="subscriber_sendable"),
        ),
        migrations.AddIndex(
            model_name="delivery",
            index=models.Index(
                condition=models.Q(("status__in", ["pending", "sending"])),
                fields=["send", "status", "next_attempt_at"],
                name="delivery_due",
            ),
        ),
        migrations.AddIndex(
            model_name="delivery",
            index=models.Index(
                condition=models.Q(("message_id", ""), _negated=True),
                fields=["message_id"],
                name="delivery_message_id",
            ),
        ),
        migrations.AddConstraint(
            model_name="delivery",
            constraint=models.UniqueConstraint(
                fields=("send", "subscriber"), name="one_delivery_per_person"
            ),
        ),
    ]
