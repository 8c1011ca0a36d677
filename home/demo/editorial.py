"""The editors' side of the demo: groups, the methodology review workflow, an article waiting
for review, an article scheduled to go live, and a few searches that found nothing.

Everything is looked up by a natural key first, so loading the demo again changes nothing.
"""

from contextlib import contextmanager
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.admin import signal_handlers as wagtail_notifiers
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.signals import task_submitted, workflow_submitted

from home.demo.content import OWNER_TEAM
from home.pages.models import ArticlePage, SectionPage
from home.search.models import SearchMiss

EDITORS = "Editoři"
REVIEWERS = "Metodici - kontrola"
WORKFLOW = "Metodická kontrola"
TASK = "Kontrola metodikem"
EDITOR = {
    "username": "redaktor",
    "first_name": "Petr",
    "last_name": "Redaktor",
    "email": "redakce@socialnibydleni.example",
}

# Page actions per group: editors write and submit, reviewers also publish.
EDITOR_PAGE_ACTIONS = ["add_page", "change_page"]
REVIEWER_PAGE_ACTIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_ACTIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
MODEL_ACTIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("home", "view_topic"),
    ("home", "view_audience"),
]

IN_REVIEW = {
    "slug": "sdilene-bydleni-navrh",
    "title": "Sdílené bydlení: co musí obec zajistit",
    "summary": "Návrh článku o sdíleném bydlení, který čeká na metodickou kontrolu. "
    "(ukázkový obsah)",
    "paragraph": "<p>Sdílené bydlení spojuje samostatné pokoje se společnou kuchyní. "
    "Text čeká na kontrolu metodika.</p>",
}
SCHEDULED = {
    "slug": "novela-zakona-o-podpore-bydleni",
    "title": "Co přinese novela zákona o podpoře bydlení",
    "summary": "Přehled změn, které novela přinese obcím a neziskovým organizacím. "
    "(ukázkový obsah)",
    "paragraph": "<p>Článek vyjde automaticky v den, kdy novela nabude účinnosti.</p>",
    "days_ahead": 21,
}
# Folded, as the search view stores them: (query, days ago, searches that day).
SEARCH_MISSES = [
    ("kaucni system", 1, 4),
    ("kaucni system", 8, 3),
    ("prispevek na bydleni", 2, 3),
    ("startovaci byt", 3, 2),
    ("housing first", 5, 2),
    ("dluhy na najemnem", 6, 1),
]

ENGLISH = {
    IN_REVIEW["title"]: "Shared housing: what the municipality must provide",
    IN_REVIEW["slug"]: "shared-housing-draft",
    IN_REVIEW["summary"]: (
        "A draft article on shared housing, waiting for the methodologists' review. (demo content)"
    ),
    "Sdílené bydlení spojuje samostatné pokoje se společnou kuchyní. Text čeká na kontrolu "
    "metodika.": "Shared housing combines private rooms with a shared kitchen. The text is "
    "waiting for a methodologist's review.",
    SCHEDULED["title"]: "What the amended Housing Support Act brings",
    SCHEDULED["slug"]: "housing-support-act-amendment",
    SCHEDULED["summary"]: (
        "An overview of what the amendment changes for municipalities and non-profit "
        "organisations. (demo content)"
    ),
    "Článek vyjde automaticky v den, kdy novela nabude účinnosti.": (
        "The article comes out automatically on the day the amendment takes effect."
    ),
}


def build_editorial_demo(home, owner, log=print) -> list[str]:
    created = []

    def note(was_created, what):
        if was_created:
            created.append(what)
            log(f"  created {what}")

    section = SectionPage.objects.child_of(home).filter(slug="metodika").first()
    if section is None:
        return created
    editors = _group(EDITORS, note)
    reviewers = _group(REVIEWERS, note)
    _page_permissions(editors, home, EDITOR_PAGE_ACTIONS)
    _page_permissions(reviewers, section, REVIEWER_PAGE_ACTIONS)
    for group in (editors, reviewers):
        _model_permissions(group)
    owner.groups.add(reviewers)
    editor = _editor(editors, note)
    workflow = _workflow(reviewers, note)
    for translated_section in section.get_translations(inclusive=True):
        WorkflowPage.objects.get_or_create(page=translated_section, defaults={"workflow": workflow})
    _article_in_review(section, editor, owner, workflow, note)
    _scheduled_article(section, owner, note)
    _search_misses(note)
    return created


def _group(name, note):
    group, was_created = Group.objects.get_or_create(name=name)
    note(was_created, f"group {name}")
    return group


def _page_permissions(group, page, codenames):
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ):
        for translated in page.get_translations(inclusive=True):
            GroupPagePermission.objects.get_or_create(
                group=group, page=translated, permission=permission
            )


def _model_permissions(group):
    for app_label, codename in MODEL_ACTIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    root = Collection.get_first_root_node()
    for app_label, codename in MEDIA_ACTIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def _editor(editors, note):
    """An editor's account that cannot sign in until an administrator sets a password."""
    user, was_created = get_user_model().objects.get_or_create(
        username=EDITOR["username"], defaults={**EDITOR, "is_staff": True}
    )
    if was_created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(editors)
    note(was_created, f"editor {user.username}")
    return user


def _workflow(reviewers, note):
    workflow, was_created = Workflow.objects.get_or_create(name=WORKFLOW)
    task, _task_created = GroupApprovalTask.objects.get_or_create(name=TASK)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    note(was_created, f"workflow {WORKFLOW}")
    return workflow


def _new_article(section, spec, author, content_owner, **fields):
    existing = ArticlePage.objects.child_of(section).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing, False
    today = timezone.localdate()
    page = ArticlePage(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        body=[{"type": "paragraph", "value": spec["paragraph"]}],
        locale=section.locale,
        live=False,
        owner=author,
        content_owner=content_owner,
        owner_team=OWNER_TEAM,
        last_reviewed=today,
        next_review_due=today + timedelta(days=settings.REVIEW_INTERVAL_DAYS),
        **fields,
    )
    section.add_child(instance=page)
    return page, True


def _article_in_review(section, editor, owner, workflow, note):
    """A draft an editor wrote and submitted: the reviewers see it on their dashboard."""
    page, was_created = _new_article(section, IN_REVIEW, editor, owner)
    if was_created:
        page.save_revision(user=editor)
        with without_submission_emails():
            workflow.start(page, editor)
    note(was_created, f"article in review {page.title}")


def _scheduled_article(section, owner, note):
    """Approved and scheduled: it goes live by itself (manage.py publish_scheduled)."""
    day = timezone.localdate() + timedelta(days=SCHEDULED["days_ahead"])
    go_live_at = timezone.make_aware(datetime.combine(day, time(8, 0)))
    page, was_created = _new_article(section, SCHEDULED, owner, owner, go_live_at=go_live_at)
    if was_created:
        page.save_revision(user=owner).publish(user=owner)
    note(was_created, f"scheduled article {page.title}")


def _search_misses(note):
    if SearchMiss.objects.exists():
        return
    today = timezone.localdate()
    SearchMiss.objects.bulk_create(
        SearchMiss(query=query, day=today - timedelta(days=ago), count=count)
        for query, ago, count in SEARCH_MISSES
    )
    note(True, "searches without results")


@contextmanager
def without_submission_emails():
    """Building the demo e-mails nobody: Wagtail's "submitted for review" notifiers are
    muted while the demo submits its draft, then connected again as they were."""
    notifiers = [
        (
            task_submitted,
            wagtail_notifiers.task_submission_email_notifier,
            TaskState,
            "group_approval_task_submitted_email_notification",
        ),
        (
            workflow_submitted,
            wagtail_notifiers.workflow_submission_email_notifier,
            WorkflowState,
            "workflow_state_submitted_email_notification",
        ),
    ]
    muted = [
        (signal, receiver, sender, uid)
        for signal, receiver, sender, uid in notifiers
        if signal.disconnect(sender=sender, dispatch_uid=uid)
    ]
    try:
        yield
    finally:
        for signal, receiver, sender, uid in muted:
            signal.connect(receiver, sender=sender, dispatch_uid=uid)
