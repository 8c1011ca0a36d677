"""Loading the demo content queues background work that all succeeds: the first `make run`
logged two failed reference-index tasks (RelatedPage.DoesNotExist) from the translation."""

import pytest
from wagtail.models import Locale, ReferenceIndex

from home.pages.models import ArticlePage, RelatedPage
from tests.conftest import build_demo_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_tasks(settings):
    """Tasks go to the database, as with `make run`, instead of running at once."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def run_queued_tasks():
    """What db_worker does with each queued task; the failures, as "path: error"."""
    from django_tasks_db.models import DBTaskResult

    failures, ran = [], []
    for result in DBTaskResult.objects.order_by("enqueued_at"):
        arguments = result.args_kwargs
        try:
            result.task.call(*arguments["args"], **arguments["kwargs"])
        except Exception as error:  # every failure is reported
            failures.append(f"{result.task_path}{tuple(arguments['args'])}: {error!r}")
        ran.append(result.task_path)
    return ran, failures


def test_the_demo_loader_queues_no_task_that_fails(queued_tasks):
    build_demo_site()
    ran, failures = run_queued_tasks()
    assert "wagtail.tasks.update_reference_index_task" in ran
    assert failures == []
    # The English pages' related articles are in the reference index all the same.
    english = Locale.objects.get(language_code="en")
    translated = ArticlePage.objects.filter(locale=english, related_pages__isnull=False).first()
    assert translated is not None
    related = {link.page_id for link in RelatedPage.objects.filter(source=translated)}
    indexed = {
        int(reference.to_object_id)
        for reference in ReferenceIndex.get_references_for_object(translated)
        if reference.model_path.startswith("related_pages")
    }
    assert related and related <= indexed
