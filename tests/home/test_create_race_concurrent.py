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
@pytest.mark.parametrize("first", ["autosave", "publish"])
def test_a_publish_and_an_autosave_at_once_give_one_live_page(
    committed_db, django_user_model, home, section, taxonomy, footer, monkeypatch, first
):
    """The two requests at once, as the browser sends them, in either order: the second
    arrives while the first is adding its page. Without the lock both pass the slug check
    and one ends in a 500."""
    from treebeard.mp_tree import MP_Node

    editor = _user(django_user_model, "metodicka")
    original = MP_Node.add_child
    adding = threading.Event()

    def slow_add_child(self, *args, **kwargs):
        adding.set()
        time.sleep(0.5)  # the first request is still under way when the second arrives
        return original(self, *args, **kwargs)

    autosave_data = article_form(section, taxonomy, footer)
    publish_data = article_form(
        section, taxonomy, footer, title="Sdílené sociální bydlení v obci", **PUBLISH
    )
    # Both forms name the same related article; the second build made another one.
    publish_data["related_pages-0-page"] = autosave_data["related_pages-0-page"]
    # Only now: building the forms adds their related articles to the tree.
    monkeypatch.setattr(MP_Node, "add_child", slow_add_child)
    answers = {}

    def post(name, data, extra):
        from django.db import connection

        client = Client(raise_request_exception=False)
        client.force_login(editor)
        try:
            answers[name] = client.post(add_url(section), data, **extra)
        finally:
            connection.close()

    requests = {
        "autosave": threading.Thread(target=post, args=("autosave", autosave_data, AUTOSAVE)),
        "publish": threading.Thread(target=post, args=("publish", publish_data, {})),
    }
    second = "publish" if first == "autosave" else "autosave"
    requests[first].start()
    assert adding.wait(10), f"the {first} request never reached add_child"
    requests[second].start()
    for thread in requests.values():
        thread.join(20)

    assert answers["publish"].status_code == 302, answers["publish"].content.decode()[:2000]
    autosave = answers["autosave"]
    if first == "autosave":
        assert autosave.status_code == 200 and autosave.json()["success"], autosave.content
    else:  # the page is live by then: the autosave's older text changes nothing
        assert autosave.status_code == 400, autosave.content
        assert autosave.json()["error_code"] == "validation_error"
    [page] = _pages()
    assert page.live and page.title == "Sdílené sociální bydlení v obci"
    assert not page.has_unpublished_changes
