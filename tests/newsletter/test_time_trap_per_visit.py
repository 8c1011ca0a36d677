"""On a page from the page cache the sign-up's time-trap token is issued per visit, by the
request that fills the CSRF token in (/csrf-token/), so the time-trap measures each reader
rather than the first render of the cached copy; one token is good for a few posts only."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import signing

from newsletter.forms import SubscribeForm
from newsletter.models import Subscriber
from portal import abuse
from portal.abuse import FORM_TOKEN_USES, MISSING, REPLAYED, TOO_FAST, form_started_token
from tests import factories
from tests.newsletter.helpers import signup_data

pytestmark = pytest.mark.django_db

FIRST_RENDER = datetime.datetime(2030, 3, 4, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.FORM_MIN_FILL_SECONDS = 3


@pytest.fixture
def article(section, footer):
    return factories.ArticlePageFactory(parent=section, title="Metodika")


def started_at(token):
    return abuse._started(token)


def forms_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select("form.signup-form")


def visit(client, url):
    """What a reader's browser does: load the page, then (site.js) ask for the per-visit
    tokens; the token the form would post is the page's own or, if left empty, the fetched."""
    page = client.get(url)
    fetched = client.get("/csrf-token/").json()
    forms = forms_of(page)
    assert forms
    posted = []
    for form in forms:
        field = form.select_one("input[name=form_started]")
        assert field.has_attr("data-form-started")
        posted.append(field.get("value") or fetched["form_started"])
    return page, fetched, posted


@pytest.mark.parametrize("url", ["/odber/", "article"])
def test_two_visits_to_a_cached_page_get_tokens_stamped_at_each_visit(client, article, home, url):
    url = article.url if url == "article" else url
    with time_machine.travel(FIRST_RENDER, tick=False) as clock:
        first_page, first_fetch, first_posted = visit(client, url)
        clock.shift(168)
        second_page, second_fetch, second_posted = visit(client, url)
    assert second_page["X-Page-Cache"] == "hit"
    assert second_page.content == first_page.content
    # The shared copy carries no start time of its own: the script fills it in per visit.
    for form in forms_of(second_page):
        assert not form.select_one("input[name=form_started]").get("value")
    assert first_fetch["form_started"] != second_fetch["form_started"]
    assert started_at(first_fetch["form_started"]) == int(FIRST_RENDER.timestamp())
    assert started_at(second_fetch["form_started"]) == int(FIRST_RENDER.timestamp()) + 168
    assert set(first_posted).isdisjoint(second_posted)
    assert {started_at(token) for token in second_posted} == {int(FIRST_RENDER.timestamp()) + 168}


def test_a_sign_up_posted_a_second_after_a_cache_hit_is_too_fast(client, article, email_outbox):
    with time_machine.travel(FIRST_RENDER, tick=False) as clock:
        visit(client, article.url)  # the first render, stored for everyone
        clock.shift(168)
        page, _fetched, [token] = visit(client, article.url)
        assert page["X-Page-Cache"] == "hit"
        clock.shift(1)
        data = signup_data(email="robot@seznam.cz", form_started=token)
        assert TOO_FAST in SubscribeForm(data, with_topics=False).spam_reasons()
        email_outbox(client.post, "/odber/", data)
    assert not Subscriber.objects.filter(email="robot@seznam.cz").exists()
    assert not email_outbox.outbox


def test_a_person_who_takes_their_time_on_a_cached_page_is_signed_up(client, article, email_outbox):
    with time_machine.travel(FIRST_RENDER, tick=False) as clock:
        visit(client, article.url)
        clock.shift(168)
        _page, _fetched, [token] = visit(client, article.url)
        clock.shift(20)
        response = email_outbox(
            client.post, "/odber/", signup_data(email="jana@seznam.cz", form_started=token)
        )
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="jana@seznam.cz").exists()
    assert len(email_outbox.outbox) == 1


def test_without_the_page_cache_the_page_carries_its_own_fresh_token(client, article, settings):
    settings.PAGE_CACHE_SECONDS = 0
    with time_machine.travel(FIRST_RENDER, tick=False):
        for form in forms_of(client.get("/odber/")):
            token = form.select_one("input[name=form_started]")["value"]
            assert started_at(token) == int(FIRST_RENDER.timestamp())


def test_csrf_token_endpoint_issues_a_fresh_time_trap_token_each_time(client):
    with time_machine.travel(FIRST_RENDER, tick=False):
        tokens = [client.get("/csrf-token/").json()["form_started"] for _ in range(3)]
    assert len(set(tokens)) == 3
    assert {started_at(token) for token in tokens} == {int(FIRST_RENDER.timestamp())}


def test_one_token_is_good_for_a_few_posts_not_hundreds():
    now = FIRST_RENDER.timestamp()
    token = form_started_token(now - 30)
    reasons = [
        SubscribeForm(signup_data(form_started=token), now=now).spam_reasons()
        for _ in range(FORM_TOKEN_USES + 3)
    ]
    assert reasons[:FORM_TOKEN_USES] == [[]] * FORM_TOKEN_USES
    assert all(REPLAYED in later for later in reasons[FORM_TOKEN_USES:])
    # Another reader's token is counted on its own.
    other = form_started_token(now - 30)
    assert SubscribeForm(signup_data(form_started=other), now=now).spam_reasons() == []


def test_asking_a_form_again_does_not_count_its_post_twice():
    now = FIRST_RENDER.timestamp()
    token = form_started_token(now - 30)
    form = SubscribeForm(signup_data(form_started=token), now=now)
    for _ in range(FORM_TOKEN_USES + 3):
        assert form.spam_reasons() == []


def test_a_cache_that_does_not_answer_counts_nothing(monkeypatch):
    def down(*_args, **_kwargs):
        raise ValueError("the cache does not answer")

    monkeypatch.setattr(abuse.cache, "incr", down)
    now = FIRST_RENDER.timestamp()
    token = form_started_token(now - 30)
    for _ in range(FORM_TOKEN_USES + 3):
        assert SubscribeForm(signup_data(form_started=token), now=now).spam_reasons() == []


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        ("", MISSING),  # a cached page's form sent without its script
        (lambda now: form_started_token(now - 2 * 86400), MISSING),  # a tab left for days
        (lambda now: form_started_token(now - 1), TOO_FAST),
    ],
)
def test_a_missing_or_stale_token_is_the_time_trap_never_the_honeypot(token, reason):
    now = FIRST_RENDER.timestamp()
    posted = token(now) if callable(token) else token
    reasons = SubscribeForm(signup_data(form_started=posted), now=now).spam_reasons()
    assert reasons == [reason]
    assert "honeypot" not in reasons


def test_a_token_issued_before_per_visit_tokens_still_counts_its_time():
    now = int(FIRST_RENDER.timestamp())
    legacy = signing.dumps(now - 30, salt=abuse._SALT)
    assert SubscribeForm(signup_data(form_started=legacy), now=now).spam_reasons() == []
