"""Editors' day, item 7: the autosave's request and the click on Publish at the same time,
each in its own thread and database connection, as a browser sends them
(home/editorial/create_race.py). Committed, so that each request sees the other's rows."""

import threading
import time

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from .test_create_race import AUTOSAVE, PUBLISH, _pages
from .test_editing import add_url, article_form


@pytest.fixture
def taxonomy(committed_db):
    from tests import factories

    return factories.TopicFactory(name="Sociální práce"), factories.AudienceFactory(name="Obce")


def _user(django_user_model, username):
    user = django_user_model.objects.create_user(username, password="x" * 16)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


# Two connections writing at once: SQLite would take them in turn whatever the code does.
@pytest.mark.postgres_only
def test_a_publish_while_the_autosave_is_still_running_gives_one_live_page(
    committed_db, django_user_model, home, section, taxonomy, footer, monkeypatch
):
    """The two requests at once, as the browser sends them: without the lock both pass the
    slug check and one ends in a 500."""
    from treebeard.mp_tree import MP_Node

    editor = _user(django_user_model, "metodicka")
    original = MP_Node.add_child

    def slow_add_child(self, *args, **kwargs):
        time.sleep(0.5)  # the autosave's request is still under way when the click arrives
        return original(self, *args, **kwargs)

    monkeypatch.setattr(MP_Node, "add_child", slow_add_child)
    autosave_data = article_form(section, taxonomy, footer)
    publish_data = article_form(
        section, taxonomy, footer, title="Sdílené sociální bydlení v obci", **PUBLISH
    )
    # Both forms name the same related article; the second build made another one.
    publish_data["related_pages-0-page"] = autosave_data["related_pages-0-page"]
    answers = {}

    def post(name, data, extra):
        from django.db import connection

        client = Client(raise_request_exception=False)
        client.force_login(editor)
        try:
            answers[name] = client.post(add_url(section), data, **extra)
        finally:
            connection.close()

    autosave = threading.Thread(target=post, args=("autosave", autosave_data, AUTOSAVE))
    click = threading.Thread(target=post, args=("publish", publish_data, {}))
    autosave.start()
    time.sleep(0.2)
    click.start()
    autosave.join(20)
    click.join(20)

    assert answers["autosave"].status_code == 200, answers["autosave"].content[:500]
    assert answers["publish"].status_code == 302, answers["publish"].content.decode()[:2000]
    [page] = _pages()
    assert page.live and page.title == "Sdílené sociální bydlení v obci"
