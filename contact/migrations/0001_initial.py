"""The contact centre's schema, squashed into one migration before anything was deployed."""

import uuid

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

FALLBACK_QUEUE_NAME = "Obecné dotazy"


def create_fallback_queue(apps, schema_editor):
    """Every inquiry must land somewhere, from the first day."""
    Queue = apps.get_model("contact", "Queue")
    if not Queue.objects.filter(is_fallback=True).exists():
        queue, _created = Queue.objects.get_or_create(name=FALLBACK_QUEUE_NAME)
        queue.is_fallback = True
        queue.save(update_fields=["is_fallback"])


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ReferenceCounter",
            fields=[
                ("year", models.PositiveSmallIntegerField(primary_key=True, serialize=False)),
                ("last_number", models.PositiveIntegerField(default=0)),
            ],
            options={
                "verbose_name": "reference counter",
            },
        ),
        migrations.CreateModel(
            name="ContactPage",
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
                (
                    "intro",
                    models.TextField(
                        blank=True,
                        help_text="Who answers, and what the contact centre can and cannot help with.",
                        verbose_name="introduction to the question form",
                    ),
                ),
                (
                    "feedback_intro",
                    models.TextField(blank=True, verbose_name="introduction to the feedback form"),
                ),
                (
                    "privacy_page",
                    models.ForeignKey(
                        blank=True,
                        help_text="The form links to it: how we handle the personal data people send.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="privacy notice",
                    ),
                ),
            ],
            options={
                "verbose_name": "contact centre page",
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, "wagtailcore.page"),
        ),
        migrations.CreateModel(
            name="Inquiry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "reference",
                    models.CharField(
                        blank=True,
                        editable=False,
                        max_length=20,
                        null=True,
                        unique=True,
                        verbose_name="reference",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("question", "question asking for advice"),
                            ("feedback", "feedback on the website's content"),
                        ],
                        default="question",
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "channel",
                    models.CharField(
                        choices=[("web", "web form"), ("phone", "phone"), ("email", "e-mail")],
                        default="web",
                        max_length=10,
                        verbose_name="received by",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("new", "new"),
                            ("in_progress", "in progress"),
                            ("waiting", "waiting for the requester"),
                            ("answered", "answered"),
                            ("closed", "closed"),
                            ("spam", "spam"),
                            ("duplicate", "duplicate"),
                            ("referred", "referred elsewhere"),
                        ],
                        db_index=True,
                        default="new",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "region",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("praha", "Prague"),
                            ("stredocesky", "Central Bohemian Region"),
                            ("jihocesky", "South Bohemian Region"),
                            ("plzensky", "Plzeň Region"),
                            ("karlovarsky", "Karlovy Vary Region"),
                            ("ustecky", "Ústí nad Labem Region"),
                            ("liberecky", "Liberec Region"),
                            ("kralovehradecky", "Hradec Králové Region"),
                            ("pardubicky", "Pardubice Region"),
                            ("vysocina", "Vysočina Region"),
                            ("jihomoravsky", "South Moravian Region"),
                            ("olomoucky", "Olomouc Region"),
                            ("zlinsky", "Zlín Region"),
                            ("moravskoslezsky", "Moravian-Silesian Region"),
                        ],
                        max_length=20,
                        verbose_name="region",
                    ),
                ),
                (
                    "requester_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("municipality", "municipality"),
                            ("ngo", "non-profit organisation"),
                            ("public", "member of the public"),
                        ],
                        max_length=20,
                        verbose_name="requester type",
                    ),
                ),
                ("name", models.CharField(blank=True, max_length=200, verbose_name="name")),
                (
                    "email",
                    models.EmailField(
                        blank=True, db_index=True, max_length=254, verbose_name="e-mail"
                    ),
                ),
                ("phone", models.CharField(blank=True, max_length=50, verbose_name="phone")),
                ("message", models.TextField(verbose_name="message")),
                (
                    "page_url",
                    models.CharField(
                        blank=True, max_length=500, verbose_name="address of the page"
                    ),
                ),
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
                    "received_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="received"
                    ),
                ),
                ("due_date", models.DateField(blank=True, null=True, verbose_name="answer due")),
                (
                    "paused_on",
                    models.DateField(
                        blank=True, editable=False, null=True, verbose_name="waiting since"
                    ),
                ),
                (
                    "finished_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="finished"
                    ),
                ),
                (
                    "status_token_hash",
                    models.CharField(
                        blank=True, editable=False, max_length=64, null=True, unique=True
                    ),
                ),
                (
                    "spam_reasons",
                    models.JSONField(
                        blank=True, default=list, verbose_name="why it looked automated"
                    ),
                ),
                ("client_hash", models.CharField(blank=True, editable=False, max_length=64)),
                (
                    "anonymised_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="anonymised"
                    ),
                ),
                (
                    "assignee",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="assigned_inquiries",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="assignee",
                    ),
                ),
                (
                    "logged_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="logged by",
                    ),
                ),
                (
                    "page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="page the feedback is about",
                    ),
                ),
            ],
            options={
                "verbose_name": "inquiry",
                "verbose_name_plural": "inquiries",
                "ordering": ["-received_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="InquiryMessage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("acknowledgement", "acknowledgement"), ("reply", "reply")],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("subject", models.CharField(max_length=300, verbose_name="subject")),
                ("body", models.TextField(verbose_name="text")),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="created"),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="author",
                    ),
                ),
                (
                    "email",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="portal.outgoingemail",
                    ),
                ),
                (
                    "inquiry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="messages",
                        to="contact.inquiry",
                    ),
                ),
            ],
            options={
                "verbose_name": "message to the requester",
                "verbose_name_plural": "messages to the requester",
                "ordering": ["created_at", "pk"],
            },
        ),
        migrations.CreateModel(
            name="InquiryTopic",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last changed")),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                (
                    "description",
                    models.CharField(
                        blank=True,
                        help_text="Shown under the topic in the form.",
                        max_length=300,
                        verbose_name="hint",
                    ),
                ),
                ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "inquiry topic",
                "verbose_name_plural": "inquiry topics",
                "ordering": ["sort_order", "name"],
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="inquiry",
            name="topic",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="inquiries",
                to="contact.inquirytopic",
                verbose_name="topic",
            ),
        ),
        migrations.CreateModel(
            name="InternalNote",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("body", models.TextField(verbose_name="note")),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="created"),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="author",
                    ),
                ),
                (
                    "inquiry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notes",
                        to="contact.inquiry",
                    ),
                ),
            ],
            options={
                "verbose_name": "internal note",
                "verbose_name_plural": "internal notes",
                "ordering": ["created_at", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Queue",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                (
                    "mailbox",
                    models.EmailField(
                        blank=True,
                        help_text="Notified of every new inquiry in this queue, besides its members.",
                        max_length=254,
                        verbose_name="shared mailbox",
                    ),
                ),
                (
                    "assignment",
                    models.CharField(
                        choices=[
                            ("manual", "manual: staff take inquiries themselves"),
                            ("default_owner", "to the default owner"),
                            ("round_robin", "round robin among available members"),
                        ],
                        default="manual",
                        max_length=20,
                        verbose_name="assignment",
                    ),
                ),
                (
                    "response_days",
                    models.PositiveSmallIntegerField(
                        default=10, verbose_name="answer within (working days)"
                    ),
                ),
                (
                    "retention_months",
                    models.PositiveSmallIntegerField(
                        default=24, verbose_name="anonymise finished inquiries after (months)"
                    ),
                ),
                (
                    "is_fallback",
                    models.BooleanField(
                        default=False,
                        help_text="Receives every inquiry that no rule and no topic sends elsewhere.",
                        verbose_name="fallback queue",
                    ),
                ),
                (
                    "default_owner",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="default owner",
                    ),
                ),
                (
                    "last_assigned",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "queue",
                "verbose_name_plural": "queues",
                "ordering": ["name"],
            },
        ),
        migrations.AddField(
            model_name="inquirytopic",
            name="queue",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="topics",
                to="contact.queue",
                verbose_name="queue",
            ),
        ),
        migrations.AddField(
            model_name="inquiry",
            name="queue",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="inquiries",
                to="contact.queue",
                verbose_name="queue",
            ),
        ),
        migrations.CreateModel(
            name="QueueMembership",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "available",
                    models.BooleanField(
                        default=True,
                        help_text="Round robin skips members who are away.",
                        verbose_name="available",
                    ),
                ),
                (
                    "queue",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="contact.queue",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="queue_memberships",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "queue member",
                "verbose_name_plural": "queue members",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="RoutingRule",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "name",
                    models.CharField(
                        help_text="What the rule is for.", max_length=100, verbose_name="name"
                    ),
                ),
                ("active", models.BooleanField(default=True, verbose_name="active")),
                (
                    "kind",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("question", "question asking for advice"),
                            ("feedback", "feedback on the website's content"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "region",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("praha", "Prague"),
                            ("stredocesky", "Central Bohemian Region"),
                            ("jihocesky", "South Bohemian Region"),
                            ("plzensky", "Plzeň Region"),
                            ("karlovarsky", "Karlovy Vary Region"),
                            ("ustecky", "Ústí nad Labem Region"),
                            ("liberecky", "Liberec Region"),
                            ("kralovehradecky", "Hradec Králové Region"),
                            ("pardubicky", "Pardubice Region"),
                            ("vysocina", "Vysočina Region"),
                            ("jihomoravsky", "South Moravian Region"),
                            ("olomoucky", "Olomouc Region"),
                            ("zlinsky", "Zlín Region"),
                            ("moravskoslezsky", "Moravian-Silesian Region"),
                        ],
                        max_length=20,
                        verbose_name="region",
                    ),
                ),
                (
                    "requester_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("municipality", "municipality"),
                            ("ngo", "non-profit organisation"),
                            ("public", "member of the public"),
                        ],
                        max_length=20,
                        verbose_name="requester type",
                    ),
                ),
                (
                    "keywords",
                    models.CharField(
                        blank=True,
                        help_text="Matches when the message contains one of these words (separated by commas); case and diacritics do not matter.",
                        max_length=200,
                        verbose_name="keywords",
                    ),
                ),
                (
                    "queue",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="rules",
                        to="contact.queue",
                        verbose_name="queue",
                    ),
                ),
            ],
            options={
                "verbose_name": "routing rule",
                "verbose_name_plural": "routing rules",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="inquiry",
            name="routed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="contact.routingrule",
                verbose_name="routing rule",
            ),
        ),
        migrations.CreateModel(
            name="CannedAnswer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last changed")),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                (
                    "body",
                    models.TextField(
                        help_text="Plain text; the links below are added after it.",
                        verbose_name="text",
                    ),
                ),
                (
                    "links",
                    wagtail.fields.StreamField(
                        [("page", 0)],
                        blank=True,
                        block_lookup={
                            0: ("wagtail.blocks.PageChooserBlock", (), {"label": "Page"})
                        },
                        verbose_name="links to pages",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "canned answer",
                "verbose_name_plural": "canned answers",
                "ordering": ["title"],
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.CreateModel(
            name="ArticleSuggestion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("visit", models.CharField(db_index=True, max_length=32)),
                ("language", models.CharField(max_length=10, verbose_name="language")),
                (
                    "shown_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="shown"),
                ),
                (
                    "followed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="followed"),
                ),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="article",
                    ),
                ),
                (
                    "inquiry",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="suggestions",
                        to="contact.inquiry",
                        verbose_name="inquiry sent anyway",
                    ),
                ),
            ],
            options={
                "verbose_name": "article suggestion",
                "verbose_name_plural": "article suggestions",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("visit", "page"), name="one_suggestion_per_visit"
                    )
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="queue",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_fallback", True)),
                fields=("is_fallback",),
                name="one_fallback_queue",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="inquirytopic",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="queuemembership",
            constraint=models.UniqueConstraint(
                fields=("queue", "user"), name="one_membership_per_queue"
            ),
        ),
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(fields=["queue", "status"], name="inquiry_queue_status"),
        ),
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(fields=["status", "due_date"], name="inquiry_status_due"),
        ),
        migrations.RunPython(create_fallback_queue, migrations.RunPython.noop),
    ]
