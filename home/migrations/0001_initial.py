"""The content app's schema, squashed into one migration before anything was deployed."""

import uuid

import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
import taggit.managers
import wagtail.contrib.routable_page.models
import wagtail.fields
import wagtail.models.media
from django.conf import settings
from django.db import migrations, models

# What the old separate data migrations did, kept in the one initial migration (nothing was
# deployed before it was squashed): the editors' permissions, and PostgreSQL search indexes.
GROUPS = ["Editors", "Moderators"]
SNIPPET_MODELS = [
    "topic",
    "audience",
    "contactcentre",
    "footercontent",
    "sitenotice",
    "glossaryterm",
    "helppoint",
]
DOCUMENT_ACTIONS = ["add", "change", "delete", "choose"]
ENTRY_INDEX = "home_search_title_body_gin"
PAGE_INDEX = "home_page_id_text"


def grant_editor_permissions(apps, schema_editor):
    """Wagtail's Editors and Moderators manage the content snippets, and keep what Wagtail
    gave them on its own document model: the documents of the root collection."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; they are needed now. The historical
    # app config must look like it has models for create_permissions to look at it.
    app_config = apps.get_app_config("home")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    snippet_permissions = Permission.objects.filter(
        content_type__app_label="home",
        codename__in=[f"{a}_{m}" for m in SNIPPET_MODELS for a in ("add", "change", "delete")],
    )
    document_permissions = Permission.objects.filter(
        content_type__app_label="home",
        codename__in=[f"{action}_guidancedocument" for action in DOCUMENT_ACTIONS],
    )
    root = Collection.objects.filter(depth=1).first()
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*snippet_permissions)
        if root is None:
            continue
        for permission in document_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def revoke_editor_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="home")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


def create_search_indexes(apps, schema_editor):
    """Indexes that let PostgreSQL answer the portal's search without scanning
    (home.search.hits). A GIN index on ``title || body`` of Wagtail's search index table,
    which its own per-column indexes cannot serve (``fastupdate`` off: a page is published
    far less often than the site is searched), and a btree index on the page's key as text,
    which index entries join on. SQLite searches through FTS5 and runs no such query."""
    if schema_editor.connection.vendor != "postgresql":
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    pages = apps.get_model("wagtailcore", "Page")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {ENTRY_INDEX} ON {entries} "
        "USING gin ((title || body)) WITH (fastupdate = off)"
    )
    # The expression must read exactly as Django casts a page's key for object_id.
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {PAGE_INDEX} ON {pages} (((id)::varchar(50)))"
    )


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {ENTRY_INDEX}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {PAGE_INDEX}")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AudienceIndexPage",
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
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "audience index",
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, "wagtailcore.page"),
        ),
        migrations.CreateModel(
            name="HomePage",
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
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "home page",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="NewsIndexPage",
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
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "news index",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="SectionPage",
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
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "section",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="StandardPage",
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
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("heading", 2),
                            ("paragraph", 3),
                            ("callout", 7),
                            ("quote", 10),
                            ("document", 14),
                            ("accordion", 19),
                            ("contact_box", 22),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Heading", "max_length": 200},
                            ),
                            1: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("h2", "Section heading (H2)"),
                                        ("h3", "Subheading (H3)"),
                                    ],
                                    "label": "Level",
                                },
                            ),
                            2: ("wagtail.blocks.StructBlock", [[("heading", 0), ("level", 1)]], {}),
                            3: ("home.pages.blocks.ParagraphBlock", (), {}),
                            4: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("info", "Information"),
                                        ("warning", "Warning"),
                                        ("tip", "Tip"),
                                    ],
                                    "label": "Tone",
                                },
                            ),
                            5: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Title", "max_length": 200, "required": False},
                            ),
                            6: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "link",
                                        "document-link",
                                        "ol",
                                        "ul",
                                        "superscript",
                                    ],
                                    "label": "Text",
                                },
                            ),
                            7: (
                                "wagtail.blocks.StructBlock",
                                [[("tone", 4), ("title", 5), ("text", 6)]],
                                {},
                            ),
                            8: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                            9: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Attribution", "max_length": 200, "required": False},
                            ),
                            10: (
                                "wagtail.blocks.StructBlock",
                                [[("quote", 8), ("attribution", 9)]],
                                {},
                            ),
                            11: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"label": "Document"},
                            ),
                            12: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty to use the document's title.",
                                    "label": "Link text",
                                    "max_length": 255,
                                    "required": False,
                                },
                            ),
                            13: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "Short description", "required": False},
                            ),
                            14: (
                                "wagtail.blocks.StructBlock",
                                [[("document", 11), ("title", 12), ("description", 13)]],
                                {},
                            ),
                            15: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Question", "max_length": 300},
                            ),
                            16: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "link",
                                        "document-link",
                                        "ol",
                                        "ul",
                                        "superscript",
                                    ],
                                    "label": "Answer",
                                },
                            ),
                            17: (
                                "wagtail.blocks.StructBlock",
                                [[("question", 15), ("answer", 16)]],
                                {},
                            ),
                            18: (
                                "wagtail.blocks.ListBlock",
                                (17,),
                                {"label": "Questions", "min_num": 1},
                            ),
                            19: ("wagtail.blocks.StructBlock", [[("title", 5), ("items", 18)]], {}),
                            20: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Heading", "max_length": 200, "required": False},
                            ),
                            21: (
                                "wagtail.snippets.blocks.SnippetChooserBlock",
                                ("home.ContactCentre",),
                                {"label": "Contact"},
                            ),
                            22: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 20), ("contact", 21)]],
                                {},
                            ),
                        },
                        verbose_name="body",
                    ),
                ),
            ],
            options={
                "verbose_name": "standard page",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="TopicIndexPage",
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
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "topic index",
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, "wagtailcore.page"),
        ),
        migrations.CreateModel(
            name="AccessibilityStatementPage",
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
                    "owner_team",
                    models.CharField(
                        blank=True,
                        help_text="Shown to readers, for example “Methodology team”.",
                        max_length=120,
                        verbose_name="responsible team",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(blank=True, null=True, verbose_name="last reviewed"),
                ),
                (
                    "next_review_due",
                    models.DateField(
                        blank=True,
                        help_text="Left empty, it is set to a year after the last review.",
                        null=True,
                        verbose_name="next review due",
                    ),
                ),
                (
                    "body_name",
                    models.CharField(
                        help_text="The body that publishes the website, for example the ministry.",
                        max_length=255,
                        verbose_name="public body",
                    ),
                ),
                (
                    "website",
                    models.CharField(
                        help_text="The address of the website.",
                        max_length=255,
                        verbose_name="website covered",
                    ),
                ),
                (
                    "compliance_status",
                    models.CharField(
                        choices=[
                            ("full", "fully compliant"),
                            ("partial", "partially compliant"),
                            ("none", "not compliant"),
                        ],
                        default="partial",
                        max_length=20,
                        verbose_name="compliance status",
                    ),
                ),
                (
                    "non_compliance",
                    wagtail.fields.RichTextField(
                        blank=True,
                        help_text="What is not accessible: the shortcoming and the requirement it breaks.",
                        verbose_name="content that is not accessible, and why",
                    ),
                ),
                (
                    "disproportionate_burden",
                    wagtail.fields.RichTextField(
                        blank=True, verbose_name="disproportionate burden"
                    ),
                ),
                (
                    "out_of_scope",
                    wagtail.fields.RichTextField(
                        blank=True, verbose_name="content outside the law's scope"
                    ),
                ),
                (
                    "alternatives",
                    wagtail.fields.RichTextField(
                        blank=True,
                        help_text="How a person gets what is not accessible, for example on request.",
                        verbose_name="accessible alternatives",
                    ),
                ),
                ("prepared_on", models.DateField(verbose_name="statement prepared on")),
                (
                    "assessment_method",
                    models.CharField(
                        choices=[
                            ("self", "a self-assessment by the body"),
                            ("third_party", "an assessment by a third party"),
                        ],
                        default="self",
                        max_length=20,
                        verbose_name="how the website was assessed",
                    ),
                ),
                (
                    "feedback",
                    wagtail.fields.RichTextField(
                        help_text="How to report an accessibility problem or ask for an accessible format.",
                        verbose_name="feedback and contact",
                    ),
                ),
                (
                    "contact_email",
                    models.EmailField(
                        help_text="Of the person or team that answers reports about accessibility.",
                        max_length=254,
                        verbose_name="contact e-mail",
                    ),
                ),
                (
                    "contact_phone",
                    models.CharField(blank=True, max_length=50, verbose_name="contact phone"),
                ),
                (
                    "enforcement",
                    wagtail.fields.RichTextField(
                        help_text="What a person can do when the answer is unsatisfactory, with the supervising body's name, address and website: since 1 April 2023 the Digital and Information Agency (Digitální a informační agentura), no longer the Ministry of the Interior.",
                        verbose_name="enforcement procedure",
                    ),
                ),
                (
                    "additional_information",
                    wagtail.fields.RichTextField(
                        blank=True,
                        help_text="Optional: for example plans to fix what is not accessible yet.",
                        verbose_name="additional information",
                    ),
                ),
                (
                    "content_owner",
                    models.ForeignKey(
                        blank=True,
                        help_text="The person reminded when the page is due for review.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="content owner",
                    ),
                ),
            ],
            options={
                "verbose_name": "accessibility statement",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="ArticlePage",
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
                    "summary",
                    models.TextField(
                        help_text="One or two sentences shown in listings, search results and previews.",
                        max_length=600,
                        verbose_name="summary",
                    ),
                ),
                (
                    "owner_team",
                    models.CharField(
                        blank=True,
                        help_text="Shown to readers, for example “Methodology team”.",
                        max_length=120,
                        verbose_name="responsible team",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(blank=True, null=True, verbose_name="last reviewed"),
                ),
                (
                    "next_review_due",
                    models.DateField(
                        blank=True,
                        help_text="Left empty, it is set to a year after the last review.",
                        null=True,
                        verbose_name="next review due",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("heading", 2),
                            ("paragraph", 3),
                            ("callout", 7),
                            ("quote", 10),
                            ("document", 14),
                            ("accordion", 19),
                            ("contact_box", 22),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Heading", "max_length": 200},
                            ),
                            1: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("h2", "Section heading (H2)"),
                                        ("h3", "Subheading (H3)"),
                                    ],
                                    "label": "Level",
                                },
                            ),
                            2: ("wagtail.blocks.StructBlock", [[("heading", 0), ("level", 1)]], {}),
                            3: ("home.pages.blocks.ParagraphBlock", (), {}),
                            4: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("info", "Information"),
                                        ("warning", "Warning"),
                                        ("tip", "Tip"),
                                    ],
                                    "label": "Tone",
                                },
                            ),
                            5: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Title", "max_length": 200, "required": False},
                            ),
                            6: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "link",
                                        "document-link",
                                        "ol",
                                        "ul",
                                        "superscript",
                                    ],
                                    "label": "Text",
                                },
                            ),
                            7: (
                                "wagtail.blocks.StructBlock",
                                [[("tone", 4), ("title", 5), ("text", 6)]],
                                {},
                            ),
                            8: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                            9: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Attribution", "max_length": 200, "required": False},
                            ),
                            10: (
                                "wagtail.blocks.StructBlock",
                                [[("quote", 8), ("attribution", 9)]],
                                {},
                            ),
                            11: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"label": "Document"},
                            ),
                            12: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty to use the document's title.",
                                    "label": "Link text",
                                    "max_length": 255,
                                    "required": False,
                                },
                            ),
                            13: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "Short description", "required": False},
                            ),
                            14: (
                                "wagtail.blocks.StructBlock",
                                [[("document", 11), ("title", 12), ("description", 13)]],
                                {},
                            ),
                            15: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Question", "max_length": 300},
                            ),
                            16: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "link",
                                        "document-link",
                                        "ol",
                                        "ul",
                                        "superscript",
                                    ],
                                    "label": "Answer",
                                },
                            ),
                            17: (
                                "wagtail.blocks.StructBlock",
                                [[("question", 15), ("answer", 16)]],
                                {},
                            ),
                            18: (
                                "wagtail.blocks.ListBlock",
                                (17,),
                                {"label": "Questions", "min_num": 1},
                            ),
                            19: ("wagtail.blocks.StructBlock", [[("title", 5), ("items", 18)]], {}),
                            20: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Heading", "max_length": 200, "required": False},
                            ),
                            21: (
                                "wagtail.snippets.blocks.SnippetChooserBlock",
                                ("home.ContactCentre",),
                                {"label": "Contact"},
                            ),
                            22: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 20), ("contact", 21)]],
                                {},
                            ),
                        },
                        verbose_name="body",
                    ),
                ),
                (
                    "content_owner",
                    models.ForeignKey(
                        blank=True,
                        help_text="The person reminded when the page is due for review.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="content owner",
                    ),
                ),
                (
                    "listing_image",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="listing image",
                    ),
                ),
            ],
            options={
                "verbose_name": "article",
                "verbose_name_plural": "articles",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="Audience",
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
                    "slug",
                    models.SlugField(
                        help_text="The last part of the term's web address.",
                        max_length=100,
                        verbose_name="slug",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="description")),
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
                "verbose_name": "audience",
                "verbose_name_plural": "audiences",
                "ordering": ["sort_order", "name"],
                "abstract": False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="AudienceLandingPage",
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
                    "owner_team",
                    models.CharField(
                        blank=True,
                        help_text="Shown to readers, for example “Methodology team”.",
                        max_length=120,
                        verbose_name="responsible team",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(blank=True, null=True, verbose_name="last reviewed"),
                ),
                (
                    "next_review_due",
                    models.DateField(
                        blank=True,
                        help_text="Left empty, it is set to a year after the last review.",
                        null=True,
                        verbose_name="next review due",
                    ),
                ),
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
                (
                    "audience",
                    models.ForeignKey(
                        help_text="Articles for this audience are listed here; one page per audience.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="landing_pages",
                        to="home.audience",
                        verbose_name="audience",
                    ),
                ),
                (
                    "content_owner",
                    models.ForeignKey(
                        blank=True,
                        help_text="The person reminded when the page is due for review.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="content owner",
                    ),
                ),
            ],
            options={
                "verbose_name": "audience entry point",
                "verbose_name_plural": "audience entry points",
            },
            bases=(
                wagtail.contrib.routable_page.models.RoutablePageMixin,
                "wagtailcore.page",
                models.Model,
            ),
        ),
        migrations.CreateModel(
            name="ContactCentre",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last changed")),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                (
                    "notice",
                    wagtail.fields.RichTextField(
                        blank=True,
                        help_text="For example a temporary limitation of the contact centre's service.",
                        verbose_name="notice",
                    ),
                ),
                ("phone", models.CharField(blank=True, max_length=50, verbose_name="phone")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail")),
                ("opening_hours", models.TextField(blank=True, verbose_name="opening hours")),
                ("address", models.TextField(blank=True, verbose_name="address")),
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
                "verbose_name": "contact centre",
                "verbose_name_plural": "contact centres",
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="DocumentLibraryPage",
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
                    "owner_team",
                    models.CharField(
                        blank=True,
                        help_text="Shown to readers, for example “Methodology team”.",
                        max_length=120,
                        verbose_name="responsible team",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(blank=True, null=True, verbose_name="last reviewed"),
                ),
                (
                    "next_review_due",
                    models.DateField(
                        blank=True,
                        help_text="Left empty, it is set to a year after the last review.",
                        null=True,
                        verbose_name="next review due",
                    ),
                ),
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
                (
                    "content_owner",
                    models.ForeignKey(
                        blank=True,
                        help_text="The person reminded when the page is due for review.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="content owner",
                    ),
                ),
            ],
            options={
                "verbose_name": "document library",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="FaqPage",
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
                    "owner_team",
                    models.CharField(
                        blank=True,
                        help_text="Shown to readers, for example “Methodology team”.",
                        max_length=120,
                        verbose_name="responsible team",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(blank=True, null=True, verbose_name="last reviewed"),
                ),
                (
                    "next_review_due",
                    models.DateField(
                        blank=True,
                        help_text="Left empty, it is set to a year after the last review.",
                        null=True,
                        verbose_name="next review due",
                    ),
                ),
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
                (
                    "questions",
                    wagtail.fields.StreamField(
                        [("question", 3)],
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Question", "max_length": 300},
                            ),
                            1: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "link",
                                        "document-link",
                                        "ol",
                                        "ul",
                                        "superscript",
                                    ],
                                    "label": "Answer",
                                },
                            ),
                            2: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {
                                    "help_text": "An article that answers the question in full.",
                                    "label": "Read more",
                                    "required": False,
                                },
                            ),
                            3: (
                                "wagtail.blocks.StructBlock",
                                [[("question", 0), ("answer", 1), ("read_more", 2)]],
                                {},
                            ),
                        },
                        verbose_name="questions",
                    ),
                ),
                (
                    "content_owner",
                    models.ForeignKey(
                        blank=True,
                        help_text="The person reminded when the page is due for review.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="content owner",
                    ),
                ),
            ],
            options={
                "verbose_name": "FAQ page",
                "verbose_name_plural": "FAQ pages",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="FooterContent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last changed")),
                (
                    "newsletter_heading",
                    models.CharField(
                        default="Přihlaste se k odběru novinek a Zpravodaje sociálního bydlení",
                        max_length=200,
                        verbose_name="newsletter heading",
                    ),
                ),
                (
                    "help_prompt",
                    models.CharField(
                        default="Nevíte si rady?", max_length=200, verbose_name="help prompt"
                    ),
                ),
                (
                    "feedback_prompt",
                    models.CharField(
                        default="Máte připomínky k obsahu webu?",
                        max_length=200,
                        verbose_name="feedback prompt",
                    ),
                ),
                (
                    "write_to_us_label",
                    models.CharField(
                        default="Napište nám", max_length=100, verbose_name="write-to-us link text"
                    ),
                ),
                (
                    "funding_statement",
                    wagtail.fields.RichTextField(blank=True, verbose_name="funding statement"),
                ),
                (
                    "registration_number",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="project registration number"
                    ),
                ),
                (
                    "social_links",
                    wagtail.fields.StreamField(
                        [("link", 2)],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Label", "max_length": 100},
                            ),
                            1: ("wagtail.blocks.URLBlock", (), {"label": "Address"}),
                            2: ("wagtail.blocks.StructBlock", [[("label", 0), ("url", 1)]], {}),
                        },
                        verbose_name="social media",
                    ),
                ),
                (
                    "contact_centre",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="home.contactcentre",
                        verbose_name="contact centre",
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
                (
                    "write_to_us_page",
                    models.ForeignKey(
                        blank=True,
                        help_text='Where "Write to us" leads; the contact centre\'s e-mail when empty.',
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="write-to-us page",
                    ),
                ),
            ],
            options={
                "verbose_name": "footer",
                "verbose_name_plural": "footer",
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="GlossaryPage",
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
                    "owner_team",
                    models.CharField(
                        blank=True,
                        help_text="Shown to readers, for example “Methodology team”.",
                        max_length=120,
                        verbose_name="responsible team",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(blank=True, null=True, verbose_name="last reviewed"),
                ),
                (
                    "next_review_due",
                    models.DateField(
                        blank=True,
                        help_text="Left empty, it is set to a year after the last review.",
                        null=True,
                        verbose_name="next review due",
                    ),
                ),
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
                (
                    "content_owner",
                    models.ForeignKey(
                        blank=True,
                        help_text="The person reminded when the page is due for review.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="content owner",
                    ),
                ),
            ],
            options={
                "verbose_name": "glossary",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="GlossaryTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last changed")),
                ("term", models.CharField(max_length=120, verbose_name="term")),
                (
                    "slug",
                    models.SlugField(
                        help_text="The anchor of the term on the glossary page.",
                        max_length=120,
                        verbose_name="slug",
                    ),
                ),
                ("definition", wagtail.fields.RichTextField(verbose_name="definition")),
                (
                    "synonyms",
                    models.CharField(
                        blank=True,
                        help_text="Separated by commas: abbreviations and inflected forms that articles use, for example “sociálního bytu, sociální byty”.",
                        max_length=500,
                        verbose_name="other forms and abbreviations",
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
                "verbose_name": "glossary term",
                "verbose_name_plural": "glossary terms",
                "ordering": ["term"],
                "abstract": False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="HelpPoint",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="last changed")),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("housing", "Contact point for housing"),
                            ("municipality", "Municipality"),
                            ("ngo", "NGO partner"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "region",
                    models.CharField(
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
                    "district",
                    models.CharField(
                        help_text="The okres.", max_length=100, verbose_name="district"
                    ),
                ),
                ("municipality", models.CharField(max_length=100, verbose_name="municipality")),
                (
                    "street_address",
                    models.CharField(blank=True, max_length=200, verbose_name="street and number"),
                ),
                (
                    "postal_code",
                    models.CharField(blank=True, max_length=10, verbose_name="postcode"),
                ),
                ("opening_hours", models.TextField(blank=True, verbose_name="opening hours")),
                ("phone", models.CharField(blank=True, max_length=50, verbose_name="phone")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail")),
                ("website", models.URLField(blank=True, verbose_name="website")),
                (
                    "note",
                    models.TextField(
                        blank=True, help_text="For example who it helps.", verbose_name="note"
                    ),
                ),
                (
                    "place_folded",
                    models.CharField(db_index=True, default="", editable=False, max_length=210),
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
                "verbose_name": "help point",
                "verbose_name_plural": "help points",
                "ordering": ["region", "municipality", "name"],
                "abstract": False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="HelpPointDirectoryPage",
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
                    "owner_team",
                    models.CharField(
                        blank=True,
                        help_text="Shown to readers, for example “Methodology team”.",
                        max_length=120,
                        verbose_name="responsible team",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(blank=True, null=True, verbose_name="last reviewed"),
                ),
                (
                    "next_review_due",
                    models.DateField(
                        blank=True,
                        help_text="Left empty, it is set to a year after the last review.",
                        null=True,
                        verbose_name="next review due",
                    ),
                ),
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
                (
                    "content_owner",
                    models.ForeignKey(
                        blank=True,
                        help_text="The person reminded when the page is due for review.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="content owner",
                    ),
                ),
            ],
            options={
                "verbose_name": "help point directory",
            },
            bases=(
                wagtail.contrib.routable_page.models.RoutablePageMixin,
                "wagtailcore.page",
                models.Model,
            ),
        ),
        migrations.CreateModel(
            name="HelpSignpostPage",
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
                    "owner_team",
                    models.CharField(
                        blank=True,
                        help_text="Shown to readers, for example “Methodology team”.",
                        max_length=120,
                        verbose_name="responsible team",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(blank=True, null=True, verbose_name="last reviewed"),
                ),
                (
                    "next_review_due",
                    models.DateField(
                        blank=True,
                        help_text="Left empty, it is set to a year after the last review.",
                        null=True,
                        verbose_name="next review due",
                    ),
                ),
                ("intro", models.TextField(blank=True, verbose_name="introduction")),
                (
                    "situations",
                    wagtail.fields.StreamField(
                        [("group", 7)],
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "For example “I have no home”.",
                                    "label": "Heading",
                                    "max_length": 200,
                                },
                            ),
                            1: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Situation", "max_length": 200},
                            ),
                            2: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "In plain words", "required": False},
                            ),
                            3: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Step", "max_length": 400},
                            ),
                            4: (
                                "wagtail.blocks.ListBlock",
                                (3,),
                                {"label": "What to do", "min_num": 1},
                            ),
                            5: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 1), ("description", 2), ("steps", 4)]],
                                {},
                            ),
                            6: (
                                "wagtail.blocks.ListBlock",
                                (5,),
                                {"label": "Situations", "min_num": 1},
                            ),
                            7: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 0), ("situations", 6)]],
                                {},
                            ),
                        },
                        verbose_name="situations",
                    ),
                ),
                (
                    "contact_centre",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="home.contactcentre",
                        verbose_name="contact centre",
                    ),
                ),
                (
                    "content_owner",
                    models.ForeignKey(
                        blank=True,
                        help_text="The person reminded when the page is due for review.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="content owner",
                    ),
                ),
            ],
            options={
                "verbose_name": "help signpost",
                "verbose_name_plural": "help signposts",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="NewsPage",
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
                    "summary",
                    models.TextField(
                        help_text="One or two sentences shown in listings, search results and previews.",
                        max_length=600,
                        verbose_name="summary",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("heading", 2),
                            ("paragraph", 3),
                            ("callout", 7),
                            ("quote", 10),
                            ("document", 14),
                            ("accordion", 19),
                            ("contact_box", 22),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Heading", "max_length": 200},
                            ),
                            1: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("h2", "Section heading (H2)"),
                                        ("h3", "Subheading (H3)"),
                                    ],
                                    "label": "Level",
                                },
                            ),
                            2: ("wagtail.blocks.StructBlock", [[("heading", 0), ("level", 1)]], {}),
                            3: ("home.pages.blocks.ParagraphBlock", (), {}),
                            4: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("info", "Information"),
                                        ("warning", "Warning"),
                                        ("tip", "Tip"),
                                    ],
                                    "label": "Tone",
                                },
                            ),
                            5: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Title", "max_length": 200, "required": False},
                            ),
                            6: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "link",
                                        "document-link",
                                        "ol",
                                        "ul",
                                        "superscript",
                                    ],
                                    "label": "Text",
                                },
                            ),
                            7: (
                                "wagtail.blocks.StructBlock",
                                [[("tone", 4), ("title", 5), ("text", 6)]],
                                {},
                            ),
                            8: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                            9: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Attribution", "max_length": 200, "required": False},
                            ),
                            10: (
                                "wagtail.blocks.StructBlock",
                                [[("quote", 8), ("attribution", 9)]],
                                {},
                            ),
                            11: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"label": "Document"},
                            ),
                            12: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty to use the document's title.",
                                    "label": "Link text",
                                    "max_length": 255,
                                    "required": False,
                                },
                            ),
                            13: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "Short description", "required": False},
                            ),
                            14: (
                                "wagtail.blocks.StructBlock",
                                [[("document", 11), ("title", 12), ("description", 13)]],
                                {},
                            ),
                            15: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Question", "max_length": 300},
                            ),
                            16: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "link",
                                        "document-link",
                                        "ol",
                                        "ul",
                                        "superscript",
                                    ],
                                    "label": "Answer",
                                },
                            ),
                            17: (
                                "wagtail.blocks.StructBlock",
                                [[("question", 15), ("answer", 16)]],
                                {},
                            ),
                            18: (
                                "wagtail.blocks.ListBlock",
                                (17,),
                                {"label": "Questions", "min_num": 1},
                            ),
                            19: ("wagtail.blocks.StructBlock", [[("title", 5), ("items", 18)]], {}),
                            20: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Heading", "max_length": 200, "required": False},
                            ),
                            21: (
                                "wagtail.snippets.blocks.SnippetChooserBlock",
                                ("home.ContactCentre",),
                                {"label": "Contact"},
                            ),
                            22: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 20), ("contact", 21)]],
                                {},
                            ),
                        },
                        verbose_name="body",
                    ),
                ),
                (
                    "date",
                    models.DateField(
                        help_text="The date the news is about or was issued.", verbose_name="date"
                    ),
                ),
                (
                    "listing_image",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="listing image",
                    ),
                ),
            ],
            options={
                "verbose_name": "news item",
                "verbose_name_plural": "news",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="PageAudience",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "audience",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="page_links",
                        to="home.audience",
                        verbose_name="audience",
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
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="page_audiences",
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "page audience",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="RelatedPage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="page",
                    ),
                ),
                (
                    "source",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="related_pages",
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "related article",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ReviewReminder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("week", models.DateField(verbose_name="week starting")),
                ("page_count", models.PositiveIntegerField(verbose_name="pages listed")),
                ("sent_at", models.DateTimeField(auto_now_add=True, verbose_name="sent")),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="content owner",
                    ),
                ),
            ],
            options={
                "verbose_name": "review reminder",
                "verbose_name_plural": "review reminders",
            },
        ),
        migrations.CreateModel(
            name="SearchMiss",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("query", models.CharField(max_length=100, verbose_name="search query")),
                ("day", models.DateField(db_index=True, verbose_name="day")),
                ("count", models.PositiveIntegerField(default=1, verbose_name="searches")),
            ],
            options={
                "verbose_name": "search without results",
                "verbose_name_plural": "searches without results",
                "constraints": [
                    models.UniqueConstraint(fields=("query", "day"), name="one_miss_a_day")
                ],
            },
        ),
        migrations.CreateModel(
            name="SiteNotice",
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
                ("message", wagtail.fields.RichTextField(verbose_name="message")),
                (
                    "tone",
                    models.CharField(
                        choices=[("info", "Information"), ("warning", "Warning")],
                        default="info",
                        max_length=20,
                        verbose_name="tone",
                    ),
                ),
                ("active", models.BooleanField(default=False, verbose_name="shown")),
                (
                    "starts_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="show from"),
                ),
                ("ends_at", models.DateTimeField(blank=True, null=True, verbose_name="show until")),
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
                "verbose_name": "site notice",
                "verbose_name_plural": "site notices",
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="Topic",
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
                    "slug",
                    models.SlugField(
                        help_text="The last part of the term's web address.",
                        max_length=100,
                        verbose_name="slug",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="description")),
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
                "verbose_name": "topic",
                "verbose_name_plural": "topics",
                "ordering": ["sort_order", "name"],
                "abstract": False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="PageTopic",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
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
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="page_topics",
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "topic",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="page_links",
                        to="home.topic",
                        verbose_name="topic",
                    ),
                ),
            ],
            options={
                "verbose_name": "page topic",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="GuidanceDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                ("file", models.FileField(upload_to="documents", verbose_name="file")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("file_size", models.PositiveBigIntegerField(editable=False, null=True)),
                ("file_hash", models.CharField(blank=True, editable=False, max_length=40)),
                (
                    "document_type",
                    models.CharField(
                        choices=[
                            ("methodology", "Methodology"),
                            ("analysis", "Analysis"),
                            ("leaflet", "Leaflet"),
                            ("other", "Other"),
                        ],
                        default="methodology",
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                (
                    "origin",
                    models.CharField(
                        choices=[("programme", "The programme"), ("external", "External")],
                        default="programme",
                        max_length=20,
                        verbose_name="origin",
                    ),
                ),
                ("author", models.CharField(blank=True, max_length=255, verbose_name="author")),
                (
                    "year",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="year"),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("cs", "Czech"),
                            ("en", "English"),
                            ("sk", "Slovak"),
                            ("de", "German"),
                        ],
                        default="cs",
                        max_length=10,
                        verbose_name="language",
                    ),
                ),
                (
                    "page_count",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Left empty, it is read from a PDF when possible.",
                        null=True,
                        verbose_name="number of pages",
                    ),
                ),
                ("summary", models.TextField(blank=True, max_length=600, verbose_name="summary")),
                (
                    "in_library",
                    models.BooleanField(
                        default=True,
                        help_text="Untick for files that only belong to one article.",
                        verbose_name="listed in the document library",
                    ),
                ),
                (
                    "audiences",
                    models.ManyToManyField(
                        blank=True,
                        related_name="documents",
                        to="home.audience",
                        verbose_name="audiences",
                    ),
                ),
                (
                    "collection",
                    models.ForeignKey(
                        default=wagtail.models.media.get_root_collection_id,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.collection",
                        verbose_name="collection",
                    ),
                ),
                (
                    "tags",
                    taggit.managers.TaggableManager(
                        blank=True,
                        help_text=None,
                        through="taggit.TaggedItem",
                        to="taggit.Tag",
                        verbose_name="tags",
                    ),
                ),
                (
                    "uploaded_by_user",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by user",
                    ),
                ),
                (
                    "topics",
                    models.ManyToManyField(
                        blank=True, related_name="documents", to="home.topic", verbose_name="topics"
                    ),
                ),
            ],
            options={
                "verbose_name": "document",
                "verbose_name_plural": "documents",
                "permissions": [("choose_guidancedocument", "Can choose document")],
                "abstract": False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddConstraint(
            model_name="audience",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"), name="unique_audience_slug_per_locale"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="audience",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterUniqueTogether(
            name="contactcentre",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="footercontent",
            constraint=models.UniqueConstraint(fields=("locale",), name="one_footer_per_locale"),
        ),
        migrations.AlterUniqueTogether(
            name="footercontent",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="glossaryterm",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"), name="unique_glossary_slug_per_locale"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="glossaryterm",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterUniqueTogether(
            name="helppoint",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterUniqueTogether(
            name="pageaudience",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="reviewreminder",
            constraint=models.UniqueConstraint(
                fields=("owner", "week"), name="one_review_reminder_a_week"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="sitenotice",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"), name="unique_topic_slug_per_locale"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="topic",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterUniqueTogether(
            name="pagetopic",
            unique_together={("translation_key", "locale")},
        ),
        migrations.RunPython(grant_editor_permissions, revoke_editor_permissions),
        migrations.RunPython(create_search_indexes, drop_search_indexes, elidable=False),
    ]
