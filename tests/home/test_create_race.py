"""Editors' day, item 7: a click on Publish that races the create view's first autosave
(home/editorial/create_race.py) publishes the editor's page, and nothing else changes."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, Revision

from home.editorial import create_race
from home.pages.models import ArticlePage
from tests import factories

from .test_editing import add_url, article_form

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}
PUBLISH = {"action-publish": "publish"}


def _user(django_user_model, username, group="Moderators"):
    user = django_user_model.objects.create_user(username, password="x" * 16)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(client, django_user_model):
    user = _user(django_user_model, "metodicka")
    client.force_login(user)
    return user


@pytest.fixture
def taxonomy(db):
    return factories.TopicFactory(name="Sociální práce"), factories.AudienceFactory(name="Obce")


@pytest.fixture
def form(section, taxonomy, footer):
    def build(**overrides):
        return article_form(section, taxonomy, footer, **overrides)

    return build


def _autosave(client, section, data):
    response = client.post(add_url(section), data, **AUTOSAVE)
    assert response.status_code == 200, response.content.decode()[:500]
    return response.json()


def _pages(slug="sdilene-bydleni"):
    return list(Page.objects.filter(slug=slug))


def test_a_publish_after_the_autosave_created_the_draft_publishes_that_draft(
    client, editor, section, form
):
    created = _autosave(client, section, form())
    assert created["success"] is True
    [draft] = _pages()
    assert not draft.live

    # The click still posts the create form (its action not yet switched), same slug.
    response = client.post(
        add_url(section), form(title="Sdílené sociální bydlení v obci", **PUBLISH)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response.url == f"/admin/pages/{section.pk}/"
    [page] = _pages()
    assert page.pk == draft.pk == created["pk"]
    article = ArticlePage.objects.get(pk=page.pk)
    assert article.live and article.title == "Sdílené sociální bydlení v obci"
    assert article.page_topics.count() == 1 and article.related_pages.count() == 1
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == 2
    assert client.get(article.url).status_code == 200
    # Wagtail's own confirmation follows, in Czech.
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("zveřejněna" in message for message in messages), messages


def test_a_save_draft_click_after_the_autosave_saves_a_revision_of_that_draft(
    client, editor, section, form
):
    _autosave(client, section, form())
    response = client.post(add_url(section), form(summary="Nové shrnutí."))
    [page] = _pages()
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
    assert page.specific.get_latest_revision_as_object().summary == "Nové shrnutí."


def test_an_editor_who_may_not_publish_only_saves_the_draft(
    client, django_user_model, section, form
):
    """The edit view applies the click with the editor's own permissions."""
    editor = _user(django_user_model, "redaktor", group="Editors")
    client.force_login(editor)
    _autosave(client, section, form())
    response = client.post(add_url(section), form(**PUBLISH))
    assert response.status_code in (200, 302)
    [page] = _pages()
    assert not page.live


def test_a_second_autosave_with_the_slug_gets_the_validation_error(client, editor, section, form):
    """An autosave may carry older text than the click that created the page: it changes
    nothing and says why, as Wagtail does."""
    _autosave(client, section, form())
    [draft] = _pages()
    answer = client.post(add_url(section), form(title="Starší text"), **AUTOSAVE).json()
    assert answer["success"] is False and answer["error_code"] == "validation_error"
    assert answer["error_message"] == "Formulář obsahuje chyby, po uložení se zvýrazní."
    assert [page.pk for page in _pages()] == [draft.pk]
    assert Page.objects.get(pk=draft.pk).title == "Sdílené sociální bydlení"


def test_an_autosave_arriving_after_the_publish_changes_nothing(client, editor, section, form):
    """The other order: the click created and published the page, the autosave's request
    (sent before the click) arrives later with the older text."""
    response = client.post(add_url(section), form(title="Zveřejněné znění", **PUBLISH))
    assert response.status_code == 302
    answer = client.post(add_url(section), form(title="Starší znění"), **AUTOSAVE).json()
    assert answer["success"] is False and answer["error_code"] == "validation_error"
    [page] = _pages()
    assert page.live and page.title == "Zveřejněné znění"
    assert not page.has_unpublished_changes


def _assert_refused(response, page, title):
    assert response.status_code == 200
    html = response.content.decode()
    # Wagtail's validation error, in Czech (locale/upstream/cs fills its catalogue's gap).
    assert "Stránku nelze vytvořit kvůli chybám ve formuláři." in html
    assert "už v nadřazené stránce používá jiná stránka" in html
    page.refresh_from_db()
    assert page.title == title
    assert len(_pages()) == 1


def test_another_users_draft_with_the_slug_is_not_touched(
    client, django_user_model, editor, section, form
):
    other = Client()
    other.force_login(_user(django_user_model, "kolegyne"))
    _autosave(other, section, form(title="Koncept kolegyně"))
    [draft] = _pages()
    response = client.post(add_url(section), form(**PUBLISH))
    _assert_refused(response, draft, "Koncept kolegyně")
    assert not draft.live


def test_a_live_page_with_the_slug_is_not_overwritten(client, editor, section, form):
    live = factories.ArticlePageFactory(
        parent=section, title="Zveřejněný článek", slug="sdilene-bydleni", owner=editor
    )
    live.save_revision(user=editor).publish()
    response = client.post(add_url(section), form(**PUBLISH))
    _assert_refused(response, live, "Zveřejněný článek")


def test_an_unpublished_page_that_was_once_live_is_not_overwritten(client, editor, section, form):
    page = factories.ArticlePageFactory(
        parent=section, title="Stažený článek", slug="sdilene-bydleni", owner=editor
    )
    page.save_revision(user=editor).publish()
    page.unpublish(user=editor)
    response = client.post(add_url(section), form(**PUBLISH))
    _assert_refused(response, page, "Stažený článek")


def test_an_old_draft_of_the_same_editor_is_not_overwritten(client, editor, section, form):
    _autosave(client, section, form(title="Loňský koncept"))
    [draft] = _pages()
    long_ago = timezone.now() - datetime.timedelta(days=1)
    Revision.page_revisions.filter(object_id=str(draft.pk)).update(created_at=long_ago)
    response = client.post(add_url(section), form(**PUBLISH))
    _assert_refused(response, draft, "Loňský koncept")


def test_a_draft_someone_else_has_edited_is_not_overwritten(
    client, django_user_model, editor, section, form
):
    _autosave(client, section, form(title="Společný koncept"))
    [draft] = _pages()
    draft.specific.save_revision(user=_user(django_user_model, "kolega"))
    response = client.post(add_url(section), form(**PUBLISH))
    _assert_refused(response, draft, "Společný koncept")


def test_a_draft_of_another_page_type_is_not_overwritten(client, editor, section, form):
    other = factories.StandardPageFactory(
        parent=section, title="Jiný typ", slug="sdilene-bydleni", owner=editor, live=False
    )
    other.save_revision(user=editor)
    response = client.post(add_url(section), form(**PUBLISH))
    _assert_refused(response, other, "Jiný typ")


def test_a_slug_left_empty_is_the_titles(rf):
    request = rf.post("/", {"title": "Zpravodaj – prosinec 2026", "slug": ""})
    assert create_race.posted_slug(request) == "zpravodaj-prosinec-2026"


def test_other_hooks_see_each_request_once(client, editor, section, form):
    """The create view runs again under the lock, this hook's first: other
    before_create_page hooks see each creation once, as without it; the click applied to the
    draft is an edit, and before_edit_page hooks see it."""
    from wagtail import hooks

    calls = []

    def creating(request, parent_page, page_class):
        calls.append(("create", request.method))

    def editing(request, page):
        calls.append(("edit", request.method))

    with (
        hooks.register_temporarily("before_create_page", creating),
        hooks.register_temporarily("before_edit_page", editing),
    ):
        client.get(add_url(section))
        _autosave(client, section, form())
        client.post(add_url(section), form(**PUBLISH))
    assert calls == [("create", "GET"), ("create", "POST"), ("edit", "POST")]
    [page] = _pages()
    assert page.live
