"""The dashboard says so when no task worker takes tasks (e-mails are then not going out)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import override
from django_tasks_db.models import DBTaskResult, get_date_max

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("spravce", "s@example.cz", "x" * 16)
    client.force_login(user)
    return client


def task_waiting(seconds: int) -> None:
    task = DBTaskResult.objects.create(
        task_path="portal.outbox.deliver",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - timedelta(seconds=seconds)
    )


def dashboard(client) -> str:
    with override("cs"):
        return client.get("/admin/", HTTP_ACCEPT_LANGUAGE="cs").content.decode()


def test_the_dashboard_warns_when_tasks_wait_for_a_worker(admin_client, database_tasks):
    task_waiting(seconds=45 * 60)
    html = dashboard(admin_client)
    assert "Žádný pracovní proces nepřebírá úlohy" in html
    assert "Úloha čeká na pracovní proces 45 minut" in html


def test_no_warning_while_a_worker_keeps_up(admin_client, database_tasks):
    task_waiting(seconds=5)
    assert "Žádný pracovní proces nepřebírá úlohy" not in dashboard(admin_client)
