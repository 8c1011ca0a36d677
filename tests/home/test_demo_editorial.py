"""The demo shows the editors' side: who may do what, the review workflow, a scheduled article."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from wagtail.models import TaskState, Workflow, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted

from home.demo.editorial import EDITORS, IN_REVIEW, REVIEWERS, SCHEDULED, TASK, WORKFLOW
from home.editorial.review import pages_due
from home.pages.models import ArticlePage, SectionPage
from home.search.misses import top_misses

pytestmark = pytest.mark.django_db


def section_in(language):
    return SectionPage.objects.get(
        slug__in=["metodika", "methodology"], locale__language_code=language
    )


def test_methodology_section_in_both_languages_uses_the_review_workflow(shared_demo_site):
    workflow = Workflow.objects.get(name=WORKFLOW)
    assert [task.name for task in workflow.tasks] == [TASK]
    assert [g.name for g in workflow.tasks[0].specific.groups.all()] == [REVIEWERS]
    for language in ("cs", "en"):
        section = section_in(language)
        assert section.get_workflow() == workflow
        article = ArticlePage.objects.child_of(section).first()
        assert article.get_workflow() == workflow


def test_editors_write_but_only_reviewers_publish(shared_demo_site):
    article = ArticlePage.objects.get(slug="co-je-socialni-bydleni")
    users = get_user_model().objects
    editor = users.get(username="redaktor")
    reviewer = users.get(username="metodik")
    assert editor.groups.filter(name=EDITORS).exists()
    assert reviewer.groups.filter(name=REVIEWERS).exists()
    assert editor.has_perm("wagtailadmin.access_admin")
    editor_can = article.permissions_for_user(editor)
    reviewer_can = article.permissions_for_user(reviewer)
    assert editor_can.can_edit() and not editor_can.can_publish()
    assert reviewer_can.can_edit() and reviewer_can.can_publish()
    # Neither demo account can sign in before an administrator gives it a password.
    assert not editor.has_usable_password() and not reviewer.has_usable_password()
    assert set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True)) >= {
        "access_admin",
        "submit_translation",
    }


def test_a_draft_waits_for_the_methodologists_review(shared_demo_site):
    draft = ArticlePage.objects.get(slug=IN_REVIEW["slug"])
    assert not draft.live
    state = draft.workflow_in_progress and draft.current_workflow_state
    assert state.workflow.name == WORKFLOW
    assert state.current_task_state.task.name == TASK
    assert state.requested_by.username == "redaktor"


def test_one_article_is_approved_and_scheduled(shared_demo_site):
    article = ArticlePage.objects.get(slug=SCHEDULED["slug"])
    assert not article.live
    assert article.go_live_at > timezone.now()
    revision = article.latest_revision
    assert revision.approved_go_live_at == article.go_live_at
    with translation.override("cs"):
        assert article.status_string == "naplánováno"


def test_scheduled_and_draft_articles_stay_out_of_the_english_site(shared_demo_site):
    for spec in (IN_REVIEW, SCHEDULED):
        czech = ArticlePage.objects.get(slug=spec["slug"])
        assert czech.get_translations().count() == 0


def test_demo_dashboard_has_figures_to_show(shared_demo_site):
    assert top_misses()[0] == ("kaucni system", 7)
    assert [page.slug for page in pages_due(within_days=0)][:1] == ["co-je-socialni-bydleni"]


def test_building_the_demo_emails_nobody(mailoutbox, demo_site):
    assert mailoutbox == []
    # The notifiers muted for the demo's submission are back for real editors.
    assert task_submitted.has_listeners(TaskState)
    assert workflow_submitted.has_listeners(WorkflowState)
