"""Thousands of random and hostile requests to every public endpoint and form.

None may end in a server error, none may leave a partial row behind or enqueue a task, and
every refusal is a page in the reader's language. The staff two-factor pages are fuzzed as a
signed-in user who has an authenticator and has not given a code: nothing typed gets them
past the check or changes their devices.

Every test sends its requests through the `fuzz` fixture (tests/portal/fuzz_figures.py), which
counts them, fails on the first server error and writes the test's figures to
var/fuzz/<test>.json (FUZZ_FIGURES_DIR); `python -m tests.portal.fuzz_figures` prints the
README's table. FUZZ_EXAMPLES (default 150) sets the examples per test; hypothesis runs
derandomized, so every run sends the same requests and a failure can be reproduced.
"""

import json
import os
import string
import time
from collections import Counter
from urllib.parse import quote, quote_from_bytes, urlencode, urlsplit

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from newsletter.models import Subscriber
from portal.models import OutgoingEmail
from tests.portal.fuzz_figures import Figures, FuzzClient

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same requests on every run: a failure can be reproduced
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# For tests whose every example sends a request to each of many addresses.
SWEEP = settings(FUZZ, max_examples=max(10, EXAMPLES // 10))

HOSTILE = st.sampled_from(
    [
        "",
        " ",
        "x" * 10_000,
        "'; DROP TABLE newsletter_subscriber; --",
        '" OR 1=1 --',
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "{{ 7*7 }}",
        "{% debug %}",
        "%00",
        "\x00\x01\x02\x1b",
        "\r\nBcc: obet@example.cz",
        "../../../../etc/passwd",
        "☃" * 300,
        "a@b.cz" * 100,
        "\ud7ff\ue000",
        "\u202e\u200b\ufeff",  # right-to-left override, zero-width space, BOM
        "null",
        "-1",
        "9" * 40,
        "https://evil.example/",
        "//evil.example",
    ]
)
TEXT = st.one_of(HOSTILE, st.text(max_size=400), st.text(alphabet=string.printable, max_size=50))
# A form field's value: text, a wrong type, or the field repeated (a list); a field left out
# is a key the dictionary does not draw.
FIELD = st.one_of(
    TEXT,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.lists(TEXT, min_size=1, max_size=3),
)
# How a form is sent: as a browser does (multipart, url-encoded) or as JSON, which a form
# view must read as no fields at all.
ENCODING = st.sampled_from(["multipart", "multipart", "urlencoded", "json"])
FORM_METHOD = st.sampled_from(["post"] * 6 + ["get", "put", "delete", "head"])

# Stand-ins for tokens that depend on the time of the request, made just before it is sent.
STARTED_AT_A_HUMAN_PACE = "«time-trap token, 30 s old»"
STARTED_JUST_NOW = "«time-trap token, just issued»"
STEP_READ = "«second-step token, 5 s old»"
STEP_AT_ONCE = "«second-step token, just issued»"

ADDRESS = st.one_of(
    st.sampled_from(
        ["jana@seznam.cz", " Jana.Novakova@Seznam.CZ ", "jana@sezanm.cz", "jana@seznam", "@"]
    ),
    FIELD,
)

SIGN_UP_STEP = {"email": "jana@seznam.cz", "language": "cs", "source": "footer",
                "form_started": STARTED_JUST_NOW, "second_step": STEP_READ}  # fmt: skip

SIGNUP_FIELDS = ["email", "language", "source", "page_path", "website", "form_started",
                 "topics", "keep_address", "use_suggestion"]  # fmt: skip


def refusal_is_translated(response, language="cs"):
    """An HTML refusal is a page of the site in the reader's language (a HEAD answer has
    no page)."""
    if response.request.get("REQUEST_METHOD") == "HEAD":
        return True
    if response.status_code < 400 or "text/html" not in response.get("Content-Type", ""):
        return True
    html = response.content.decode(errors="replace")
    return f'<html lang="{language}"' in html


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    # The limits are tested elsewhere; here every request must reach the code under test.
    settings.NEWSLETTER_SIGNUPS_PER_IP = "100000/h"
    settings.NEWSLETTER_SIGNUPS_PER_ADDRESS = "100000/h"
    settings.SEARCH_PER_IP = "100000/h"
    settings.FORM_MIN_FILL_SECONDS = 0
    cache.clear()


FIGURES: list[Figures] = []  # this run's, reported at the end of the module


@pytest.fixture
def fuzz(request, client):
    """The test client, counting: every fuzz test sends its requests through this."""
    figures = Figures(test=request.node.name)
    started = time.monotonic()
    yield FuzzClient(client, figures)
    figures.seconds = round(time.monotonic() - started, 2)
    figures.write()
    FIGURES.append(figures)
    assert figures.server_errors == []


@pytest.fixture(scope="module", autouse=True)
def report_request_counts(request):
    yield
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None and FIGURES:
        total = sum(f.requests for f in FIGURES)
        errors = sum(len(f.server_errors) for f in FIGURES)
        lines = ", ".join(f"{f.test} {f.requests}" for f in FIGURES)
        with capture.global_and_fixture_disabled():  # teardown output is captured otherwise
            reporter.write_line(f"\nfuzz requests: {total}, server errors: {errors} ({lines})")


@pytest.fixture
def enqueued(monkeypatch):
    """The bulletin's tasks enqueued by the views (they still run: the test backend is
    immediate), counted by name."""
    from newsletter import tasks

    counts = Counter()

    class Counted:
        def __init__(self, name, task):
            self.name, self.task = name, task

        def enqueue(self, *args, **kwargs):
            counts[self.name] += 1
            return self.task.enqueue(*args, **kwargs)

    for name in ("process_signup", "process_resend"):
        monkeypatch.setattr(tasks, name, Counted(name, getattr(tasks, name)))
    return counts


def with_tokens(data: dict) -> dict:
    """The data with the stand-ins replaced by tokens issued now."""
    from portal.abuse import form_started_token
    from portal.form_checks import second_step_token

    now = time.time()
    tokens = {
        STARTED_AT_A_HUMAN_PACE: form_started_token(now - 30),
        STARTED_JUST_NOW: form_started_token(now),
        STEP_READ: second_step_token(now - 5),
        STEP_AT_ONCE: second_step_token(now),
    }

    def one(value):
        return tokens.get(value, value) if isinstance(value, str) else value

    return {k: [one(v) for v in value] if isinstance(value, list) else one(value)
            for k, value in data.items()}  # fmt: skip


def send_form(fuzz, method, url, data, encoding, **kwargs):
    """Send data as the encoding says; return the answer and what the view reads as posted
    (Django parses a body into request.POST only for a POST of a form encoding)."""
    if method in ("get", "head"):
        return fuzz.send(method, url, data, **kwargs), {}
    if encoding == "json":
        body, content_type = json.dumps(data), "application/json"
    elif encoding == "urlencoded" or method != "post":
        body = urlencode(data, doseq=True)
        content_type = "application/x-www-form-urlencoded"
    else:
        return fuzz.post(url, data, **kwargs), data
    response = fuzz.send(method, url, body, content_type=content_type, **kwargs)
    return response, (data if method == "post" and encoding == "urlencoded" else {})


def last(posted: dict, name: str) -> str:
    """A field's value as QueryDict.get reads it: the last one sent, "" when missing."""
    value = posted.get(name, "")
    if isinstance(value, list):
        value = value[-1] if value else ""
    return str(value)


def html_of(response) -> str:
    return response.content.decode(errors="replace")


def bulletin_rows():
    return Subscriber.objects.count(), OutgoingEmail.objects.count()


# Search, any path, invalid UTF-8 ----------------------------------------------------------


@FUZZ
@given(query=TEXT, page=TEXT)
def test_search_never_fails(fuzz, home, query, page):
    for url in ("/hledat/", "/en/search/"):
        response = fuzz.get(url, {"q": query, "page": page}, expect={200})
        assert "<script>alert(1)</script>" not in html_of(response)


@FUZZ
@given(path=st.lists(TEXT, min_size=1, max_size=4))
def test_any_path_is_a_page_or_a_translated_404(fuzz, home, path):
    # A leading "//" would make the test client read a host out of the path.
    url = "/" + "/".join(segment.replace("\x00", "") for segment in path).lstrip("/")
    response = fuzz.get(url)
    assert refusal_is_translated(response, "en" if url.startswith("/en/") else "cs")


@FUZZ
@given(raw=st.binary(max_size=200))
def test_invalid_utf8_in_query_strings(fuzz, home, raw):
    query = "q=" + quote_from_bytes(raw)
    for url in ("/hledat/", "/feeds/articles.rss", "/sitemap.xml", "/"):
        fuzz.get(url, QUERY_STRING=query, expect={200})


# The bulletin: sign-up, its second step, resend, links, preferences -----------------------


@FUZZ
@given(
    data=st.dictionaries(st.sampled_from(SIGNUP_FIELDS), FIELD, max_size=len(SIGNUP_FIELDS)),
    method=st.sampled_from(["post", "put", "patch", "delete", "get"]),
    encoding=ENCODING,
)
def test_sign_up_refuses_bad_input_without_a_trace(fuzz, home, enqueued, data, method, encoding):
    before = bulletin_rows()
    response, posted = send_form(fuzz, method, "/odber/", data, encoding,
                                 expect={200, 302, 400, 405})  # fmt: skip
    assert refusal_is_translated(response)
    if response.status_code != 302:
        assert bulletin_rows() == before and not enqueued
    else:
        # Accepted (or quietly dropped as spam): at most one row and its one e-mail.
        assert Subscriber.objects.count() - before[0] in (0, 1)
        assert enqueued["process_signup"] <= 1
    enqueued.clear()


@FUZZ
@given(
    data=st.fixed_dictionaries(
        {
            "email": ADDRESS,
            "language": st.one_of(st.sampled_from(["cs", "en"]), FIELD),
            "source": st.one_of(st.sampled_from(["footer", "page"]), FIELD),
            "form_started": st.one_of(st.just(STARTED_JUST_NOW), FIELD),
            "second_step": st.one_of(st.sampled_from([STEP_READ, STEP_AT_ONCE]), FIELD),
        },
        optional=dict.fromkeys(
            ["page_path", "website", "topics", "keep_address", "use_suggestion"], FIELD
        ),
    ),
    left_out=st.sets(
        st.sampled_from(["email", "language", "source", "form_started", "second_step"]), max_size=3
    ),
    url=st.sampled_from(["/odber/", "/en/subscription/"]),
    method=FORM_METHOD,
    encoding=ENCODING,
)
# Besides the random ones, the paths a person takes: the step confirmed, and sent at once.
@example(data=SIGN_UP_STEP, left_out=set(), url="/odber/", method="post", encoding="multipart")
@example(
    data=SIGN_UP_STEP, left_out=set(), url="/en/subscription/", method="post", encoding="urlencoded"
)
@example(
    data={**SIGN_UP_STEP, "second_step": STEP_AT_ONCE},
    left_out=set(),
    url="/odber/",
    method="post",
    encoding="multipart",
)
def test_the_sign_up_second_step_refuses_bad_input_without_a_trace(
    fuzz, home, enqueued, settings, data, left_out, url, method, encoding
):
    """The "Potvrďte přihlášení" step: a sign-up posted faster than FORM_MIN_FILL_SECONDS
    shows the form again with a second-step token; only a valid one, at least a second old,
    lets the (still validated) sign-up through."""
    settings.FORM_MIN_FILL_SECONDS = 3  # as in production: the time-trap's path is taken
    data = with_tokens({k: v for k, v in data.items() if k not in left_out})
    before = bulletin_rows()
    response, posted = send_form(fuzz, method, url, data, encoding,
                                 expect={200, 302, 400, 405})  # fmt: skip
    english = url.startswith("/en/")
    assert refusal_is_translated(response, "en" if english else "cs")
    step = last(posted, "second_step")
    step_read = bool(step) and _is_a_read_step(step)
    if method not in ("get", "post"):
        assert response.status_code == 405
        fuzz.saw("405")
    elif method == "get":
        assert response.status_code == 200
        fuzz.saw("form")
    elif last(posted, "website"):
        # The honeypot: answered as a success, nothing done.
        assert response.status_code == 302
        fuzz.saw("honeypot")
    elif step_read:
        # Past the step: the form is validated as any other sign-up.
        assert response.status_code in (302, 400)
        assert "data-second-step" not in html_of(response)
        fuzz.saw("step passed (" + ("accepted)" if response.status_code == 302 else "invalid)"))
    else:
        # No valid step token yet (too fast, forged, left out): the step, never a success.
        assert response.status_code == 200
        assert "data-second-step" in html_of(response)
        button = "Confirm sign-up" if english else "Potvrďte přihlášení"
        assert button in html_of(response)
        fuzz.saw("asked to confirm")
    if response.status_code == 302 and step_read and not last(posted, "website"):
        assert enqueued == {"process_signup": 1}
        assert Subscriber.objects.count() - before[0] in (0, 1)
    else:
        assert bulletin_rows() == before and not enqueued
    enqueued.clear()


def _is_a_read_step(token: str) -> bool:
    from portal.form_checks import SECOND_STEP_MIN_SECONDS, _second_step_age

    age = _second_step_age(token)
    return age is not None and age >= SECOND_STEP_MIN_SECONDS


@FUZZ
@given(
    data=st.fixed_dictionaries(
        {
            "email": ADDRESS,
            "form_started": st.one_of(
                st.sampled_from([STARTED_AT_A_HUMAN_PACE, STARTED_JUST_NOW]), FIELD
            ),
        },
        optional={
            "website": FIELD,
            "second_step": st.one_of(st.sampled_from([STEP_READ, STEP_AT_ONCE]), FIELD),
        },
    ),
    left_out=st.sets(st.sampled_from(["email", "form_started"]), max_size=2),
    method=FORM_METHOD,
    encoding=ENCODING,
)
@example(
    data={"email": "jana@seznam.cz", "form_started": STARTED_AT_A_HUMAN_PACE},
    left_out=set(),
    method="post",
    encoding="multipart",
)
@example(
    data={"email": "jana@seznam.cz", "form_started": STARTED_JUST_NOW, "second_step": STEP_READ},
    left_out=set(),
    method="post",
    encoding="urlencoded",
)
@example(
    data={"email": "jana@seznam.cz", "form_started": STARTED_JUST_NOW},
    left_out=set(),
    method="post",
    encoding="multipart",
)
def test_resending_the_confirmation_refuses_bad_input_without_a_trace(
    fuzz, home, enqueued, settings, data, left_out, method, encoding
):
    """/odber/poslat-znovu/: the time-trap (at its production setting), its second step
    ("Potvrďte odeslání") and the address check; only a valid address past both is enqueued,
    and the answer is the same whether or not the address is known."""
    from django.core import signing

    from portal.abuse import _started
    from tests.newsletter.factories import SubscriberFactory

    settings.FORM_MIN_FILL_SECONDS = 3
    if not Subscriber.objects.filter(email="jana@seznam.cz").exists():
        SubscriberFactory(email="jana@seznam.cz", status="pending", confirmed_at=None)
    data = with_tokens({k: v for k, v in data.items() if k not in left_out})
    before = bulletin_rows()
    response, posted = send_form(fuzz, method, "/odber/poslat-znovu/", data, encoding,
                                 expect={200, 302, 405})  # fmt: skip
    assert refusal_is_translated(response)
    step = last(posted, "second_step")
    if step:
        passed_the_checks = _is_a_read_step(step)
    else:
        try:
            passed_the_checks = time.time() - _started(last(posted, "form_started")) >= 3
        except (signing.BadSignature, TypeError, ValueError):  # forged or missing
            passed_the_checks = False
    if method not in ("get", "post"):
        assert response.status_code == 405
        fuzz.saw("405")
    elif method == "get":
        assert response.status_code == 200
        fuzz.saw("form")
    elif last(posted, "website"):
        assert response.status_code == 302
        fuzz.saw("honeypot")
    elif not passed_the_checks:
        assert response.status_code == 200
        assert "data-second-step" in html_of(response)
        assert "Potvrďte odeslání" in html_of(response)
        fuzz.saw("asked to confirm")
    else:
        assert response.status_code in (200, 302)
        assert "data-second-step" not in html_of(response)
        fuzz.saw("checks passed (" + ("sent)" if response.status_code == 302 else "invalid)"))
    if response.status_code == 302 and passed_the_checks and not last(posted, "website"):
        assert enqueued == {"process_resend": 1}
        assert Subscriber.objects.count() == before[0]
        assert OutgoingEmail.objects.count() - before[1] in (0, 1)
    else:
        assert bulletin_rows() == before and not enqueued
    enqueued.clear()


@FUZZ
@given(
    token=TEXT,
    action=st.sampled_from(
        ["potvrdit/{}", "odhlasit/{}", "nastaveni/{}", "nastaveni/{}/export", "nastaveni/{}/smazat"]
    ),
    method=st.sampled_from(["get", "post"]),
)
def test_forged_tokens_are_refused_in_czech(fuzz, home, token, action, method):
    url = f"/odber/{action.format(quote(token, safe=''))}/"
    response = fuzz.send(method, url, expect={404, 410, 405, 400})
    assert refusal_is_translated(response)


@pytest.fixture
def subscriber_with_preferences(home):
    from tests import factories
    from tests.newsletter.factories import SubscriberFactory

    chosen = factories.TopicFactory(name="Sociální práce")
    factories.TopicFactory(name="Bydlení")
    subscriber = SubscriberFactory(email="odberatelka@seznam.cz", language="cs")
    subscriber.topics.set([chosen])
    return subscriber


def _preferences_of(subscriber):
    subscriber.refresh_from_db()
    return subscriber.language, sorted(subscriber.topics.values_list("pk", flat=True))


@FUZZ
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "language": st.one_of(st.sampled_from(["cs", "en", "de", "CS"]), FIELD),
            "topics": st.one_of(
                st.lists(
                    st.sampled_from(["«topic»", "«other topic»", "0", "-1", "9" * 30]), max_size=4
                ),
                FIELD,
            ),
            "email": FIELD,  # not a field of the form: the address cannot be changed here
            "status": FIELD,
        },
    ),
    method=FORM_METHOD,
    encoding=ENCODING,
)
@example(
    data={"language": "en", "topics": ["«topic»", "«other topic»"]},
    method="post",
    encoding="multipart",
)
@example(data={"language": "cs", "topics": ["«topic»", "-1"]}, method="post", encoding="urlencoded")
def test_the_bulletin_preferences_refuse_bad_input_without_a_trace(
    fuzz, subscriber_with_preferences, data, method, encoding
):
    """The preferences form under its secret token URL: a valid language and topics are
    saved, anything else leaves the subscriber as they were; nothing is ever sent."""
    from home.models import Topic
    from newsletter.services import manage_url

    subscriber = subscriber_with_preferences
    topics = list(Topic.objects.order_by("pk").values_list("pk", flat=True))
    names = {"«topic»": str(topics[0]), "«other topic»": str(topics[1])}
    if isinstance(data.get("topics"), list):
        data["topics"] = [names.get(value, value) for value in data["topics"]]
    url = "/" + manage_url(subscriber, "preferences").split("://", 1)[1].split("/", 1)[1]
    before, mails = _preferences_of(subscriber), OutgoingEmail.objects.count()
    email, status = subscriber.email, subscriber.status
    response, posted = send_form(fuzz, method, url, data, encoding, expect={200, 405})
    assert refusal_is_translated(response)
    assert response.status_code == (200 if method in ("get", "post") else 405)
    # Every answer at the secret address, the 405 included, is kept private.
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    after = _preferences_of(subscriber)
    if response.status_code == 200 and response.context["saved"]:
        assert after[0] in ("cs", "en")
        assert set(after[1]) <= set(topics)
        fuzz.saw("saved")
    else:
        assert after == before
        fuzz.saw({405: "405"}.get(response.status_code, "refused" if posted else "form"))
    assert (subscriber.email, subscriber.status) == (email, status)
    assert OutgoingEmail.objects.count() == mails
    # Put back what a valid example saved, so that every example starts from the same state.
    subscriber.language = before[0]
    subscriber.save(update_fields=["language"])
    subscriber.topics.set(before[1])


def test_a_refused_method_at_a_secret_address_is_kept_private(fuzz, subscriber_with_preferences):
    from newsletter.services import manage_url

    url = urlsplit(manage_url(subscriber_with_preferences, "preferences")).path
    for method in ("put", "delete", "head"):
        response = fuzz.send(method, url, expect={405})
        assert "no-store" in response.get("Cache-Control", ""), method
        assert response.get("Referrer-Policy") == "no-referrer", method


# The contact centre ------------------------------------------------------------------------

CONTACT_FIELDS = ["topic", "message", "requester_type", "region", "name", "email", "website",
                  "form_started", "visit", "page", "intent", "consent"]  # fmt: skip


@pytest.fixture
def contact_centre(home, settings):
    from tests.contact import factories as contact_factories

    settings.CONTACT_RATE_LIMITS = {"per_ip": "100000/h", "per_address": "100000/h",
                                    "suggestions": "100000/h"}  # fmt: skip
    page = contact_factories.ContactPageFactory(parent=home)
    contact_factories.InquiryTopicFactory(name="Sociální bydlení v obci")
    return page


@FUZZ
@given(
    data=st.dictionaries(st.sampled_from(CONTACT_FIELDS), FIELD, max_size=len(CONTACT_FIELDS)),
    url=st.sampled_from(["/napiste-nam/", "/napiste-nam/pripominka/", "/napiste-nam/navrhy/"]),
    method=st.sampled_from(["post", "put", "delete", "get"]),
    encoding=ENCODING,
)
def test_contact_forms_refuse_bad_input_without_a_trace(
    fuzz, contact_centre, data, url, method, encoding
):
    from contact.models import Inquiry

    before = (Inquiry.objects.count(), OutgoingEmail.objects.count())
    response, _posted = send_form(fuzz, method, url, data, encoding,
                                  expect={200, 302, 400, 405, 429})  # fmt: skip
    assert refusal_is_translated(response)
    if response.status_code != 302:
        assert (Inquiry.objects.count(), OutgoingEmail.objects.count()) == before
    else:
        # Accepted: exactly one inquiry (or one kept as suspected spam).
        assert Inquiry.objects.count() - before[0] == 1


@FUZZ
@given(
    token=TEXT,
    route=st.sampled_from(["odeslano", "stav", "clanek"]),
    method=st.sampled_from(["get", "post"]),
)
def test_forged_contact_tokens_reveal_nothing(fuzz, contact_centre, token, route, method):
    url = f"/napiste-nam/{route}/{quote(token, safe='')}/"
    response = fuzz.send(method, url, expect={302, 404, 405, 400, 410})
    assert refusal_is_translated(response)


@FUZZ
@given(page_id=st.one_of(st.integers(min_value=-5, max_value=2**63), TEXT))
def test_page_feedback_links_accept_only_real_pages(fuzz, contact_centre, page_id):
    response = fuzz.get(f"/pripominka-ke-strance/{quote(str(page_id), safe='')}/",
                        expect={302, 404})  # fmt: skip
    assert refusal_is_translated(response)


def test_page_feedback_link_of_a_real_page_leads_to_the_form(fuzz, contact_centre, home):
    response = fuzz.get(f"/pripominka-ke-strance/{home.pk}/", expect={302})
    assert response["Location"].startswith("/napiste-nam/pripominka/")


# Query parameters of every listing and search box -----------------------------------------


LIBRARY_FILTERS = ["q", "type", "audience", "topic", "year", "language"]


@pytest.fixture
def listings(home, settings, contact_centre):
    """Every address with a query parameter of its own, and the parameters it reads; each
    also gets ?page= and a parameter it does not know."""
    from django.urls import reverse
    from django.utils import translation

    from tests import factories
    from tests.newsletter.factories import BulletinIndexPageFactory

    settings.PAGE_CACHE_SECONDS = 600  # ?page= goes through the page cache's checks too
    directory = factories.HelpPointDirectoryPageFactory(parent=home)
    with translation.override("en"):
        english_next = reverse("search-next")
    return {
        "/": [],
        factories.SectionPageFactory(parent=home).url: [],
        factories.NewsIndexPageFactory(parent=home).url: [],
        factories.TopicIndexPageFactory(parent=home).url: [],
        factories.DocumentLibraryPageFactory(parent=home).url: LIBRARY_FILTERS,
        BulletinIndexPageFactory(parent=home).url: ["q"],  # /zpravodaj/
        directory.url: ["obec", "kraj", "druh"],  # /kontaktni-mista/
        directory.url + "export/csv/": ["obec", "kraj", "druh"],
        directory.url + "export/json/": ["obec", "kraj", "druh"],
        factories.GlossaryPageFactory(parent=home).url: ["q"],  # /slovnik-pojmu/
        "/hledat/": ["q"],
        "/en/search/": ["q"],
        "/hledat/dal/": ["to", "via"],
        english_next: ["to", "via"],
        "/napiste-nam/": ["dotaz", "document"],
    }


@SWEEP
@given(value=FIELD)
def test_every_query_parameter_of_every_listing_and_search_box(fuzz, listings, value):
    """?page= on listings and pages without pagination, and the search boxes of the site
    search, the bulletin archive (/zpravodaj/?q=), the help-point directory
    (/kontaktni-mista/?obec=) and the glossary (/slovnik-pojmu/?q=): never a server error,
    never a stored page for a query the page did not choose, never a redirect off the site."""
    for url, names in listings.items():
        for name in [*names, "page", "utm_source"]:
            response = fuzz.get(url, {name: value}, expect={200, 302})
            assert refusal_is_translated(response)
            # A miss is a page just stored: these listings have one page, so no query chose
            # one.
            if response.get("X-Page-Cache") == "miss":
                pytest.fail(f"{url}?{name}={value!r} was stored in the page cache")
            if response.status_code == 302:
                assert response["Location"].startswith("/"), response["Location"]
                assert not response["Location"].startswith("//"), response["Location"]
            assert "<script>alert(1)</script>" not in html_of(response)


# Staff: password reset and the two-factor pages -------------------------------------------


@FUZZ
@given(email=FIELD, encoding=ENCODING)
def test_the_staff_password_reset_refuses_bad_input_without_a_trace(
    fuzz, home, email, encoding, settings
):
    settings.PASSWORD_RESET_PER_IP = "100000/h"
    settings.PASSWORD_RESET_PER_ADDRESS = "100000/h"
    before = OutgoingEmail.objects.count()
    send_form(fuzz, "post", "/admin/password_reset/", {"email": email}, encoding, expect={200, 302})
    assert OutgoingEmail.objects.count() == before  # no account: no mail, whatever was typed


STAFF_PASSWORD = "správné-heslo-2026"
CORRECT_PASSWORD = "«the user's password»"
VICTIMS_CODE = "«a current code of the user's authenticator»"
ATTACKERS_CODE = "«a current code of an unconfirmed authenticator»"
CODE = st.one_of(
    TEXT,
    st.from_regex(r"\A[0-9]{6}\Z"),
    st.from_regex(r"\A ?[0-9]{3}[ -]?[0-9]{3} ?\Z"),
    st.from_regex(r"\A[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}\Z"),  # shaped like a recovery code
    st.integers(min_value=-1, max_value=10**7),
    st.lists(st.from_regex(r"\A[0-9]{6}\Z"), min_size=2, max_size=5),  # one per field copy
)


@pytest.fixture
def unverified_staff(fuzz, django_user_model):
    """Signed in with the password, an authenticator set up, no code given in this session;
    with recovery codes, and with an unconfirmed authenticator an attacker may have added."""
    from django.contrib.auth.models import Permission
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from portal.two_factor import new_recovery_codes

    user = django_user_model.objects.create_user(
        "metodicka", "metodicka@mpsv.example", STAFF_PASSWORD, is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    victims = TOTPDevice.objects.create(user=user, name="telefon", confirmed=True)
    new_recovery_codes(user)
    attackers = TOTPDevice.objects.create(user=user, name="útočník", confirmed=False)
    fuzz.client.force_login(user)
    return user, victims, attackers


def _current_codes(device) -> set[str]:
    """Every code the device would accept about now (its tolerance, and a step to spare)."""
    from django_otp.oath import totp

    return {
        f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"
        for drift in range(device.drift - device.tolerance - 1, device.drift + device.tolerance + 2)
    }


def _code_now(device) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def _devices(user):
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return (
        sorted(TOTPDevice.objects.filter(user=user).values_list("pk", "key", "confirmed")),
        sorted(StaticDevice.objects.filter(user=user).values_list("pk", "confirmed")),
        sorted(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)),
    )


def _assert_still_unverified(fuzz, user, devices_before):
    from django_otp import DEVICE_ID_SESSION_KEY

    assert DEVICE_ID_SESSION_KEY not in fuzz.session
    assert _devices(user) == devices_before  # no device created, confirmed or deleted
    closed = fuzz.get("/admin/pages/", expect={302})
    assert closed["Location"].startswith("/admin/two-factor/verify/")


def _typed(values, victims, attackers):
    """The stand-ins replaced by what they stand for."""
    names = {
        CORRECT_PASSWORD: STAFF_PASSWORD,
        VICTIMS_CODE: _code_now(victims),
        ATTACKERS_CODE: _code_now(attackers),
    }

    def one(value):
        return names.get(value, value) if isinstance(value, str) else value

    return {k: [one(v) for v in value] if isinstance(value, list) else one(value)
            for k, value in values.items()}  # fmt: skip


def _normalised_values(value) -> set[str]:
    from portal.two_factor import _normalised

    values = value if isinstance(value, list) else [value]
    return {_normalised(str(v)) for v in values}


@FUZZ
@given(
    data=st.fixed_dictionaries(
        {"code": CODE},
        optional={"next": TEXT, "password": st.one_of(st.just(CORRECT_PASSWORD), FIELD)},
    ),
    left_out=st.sampled_from([False] * 5 + [True]),
    throttled=st.sampled_from([False] * 3 + [True]),
    method=FORM_METHOD,
    encoding=ENCODING,
)
@example(
    data={"code": "000000"}, left_out=False, throttled=False, method="post", encoding="multipart"
)
@example(
    data={"code": "abcd-efgh-jkmn", "next": "https://evil.example/"},
    left_out=False,
    throttled=False,
    method="post",
    encoding="urlencoded",
)
@example(
    data={"code": ATTACKERS_CODE},
    left_out=False,
    throttled=False,
    method="post",
    encoding="multipart",
)
def test_no_fuzzed_code_gets_past_the_two_factor_check(
    fuzz, unverified_staff, data, left_out, throttled, method, encoding
):
    """The verify page, as a staff member with an authenticator who has not given a code:
    whatever is typed (short of the one current code, which a fuzzer cannot know), the
    answer is the form again, the session stays unverified and no device changes."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, victims, attackers = unverified_staff
    data = _typed(data, victims, attackers)
    # The current code would (rightly) pass; a random six digits is one in a million.
    assume(not (_normalised_values(data["code"]) & _current_codes(victims)))
    if left_out:
        del data["code"]
    if not throttled:  # a fresh device: the code is checked, not just refused as too quick
        for model in (TOTPDevice, StaticDevice):
            model.objects.filter(user=user).update(
                throttling_failure_count=0, throttling_failure_timestamp=None
            )
    before = _devices(user)
    response, _posted = send_form(fuzz, method, "/admin/two-factor/verify/", data, encoding,
                                  expect={200})  # fmt: skip
    if method != "head":
        assert 'name="code"' in html_of(response)
    html = html_of(response)
    if "Příliš mnoho chybných kódů" in html:
        fuzz.saw("too many wrong codes")
    elif "Kód není správný" in html:
        fuzz.saw("wrong code")
    else:
        fuzz.saw("form")
    _assert_still_unverified(fuzz, user, before)


@FUZZ
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "code": st.one_of(st.sampled_from([ATTACKERS_CODE, VICTIMS_CODE]), CODE),
            "password": st.one_of(st.just(CORRECT_PASSWORD), FIELD),
            "next": TEXT,
        },
    ),
    method=FORM_METHOD,
    encoding=ENCODING,
)
@example(
    data={"code": ATTACKERS_CODE, "password": CORRECT_PASSWORD, "next": "/admin/pages/"},
    method="post",
    encoding="multipart",
)
@example(
    data={"code": ATTACKERS_CODE, "password": CORRECT_PASSWORD},
    method="post",
    encoding="urlencoded",
)
@example(
    data={"code": VICTIMS_CODE, "password": CORRECT_PASSWORD}, method="post", encoding="multipart"
)
def test_no_fuzzed_post_enrols_an_authenticator_before_verification(
    fuzz, unverified_staff, data, method, encoding
):
    """The set-up page, as the same user: not even the right password with a current code
    of an authenticator of the attacker's own enrols it; every answer sends to the verify
    page (on this site), and no device is created, confirmed or deleted."""
    user, victims, attackers = unverified_staff
    data = _typed(data, victims, attackers)
    before = _devices(user)
    response, _posted = send_form(fuzz, method, "/admin/two-factor/setup/", data, encoding,
                                  expect={302})  # fmt: skip
    assert response["Location"].startswith("/admin/two-factor/verify/")
    if method == "post" and encoding != "json" and data.get("password") == STAFF_PASSWORD:
        attackers_code = data.get("code") == _code_now(attackers)
        fuzz.saw("right password and the attacker's code" if attackers_code else
                 "right password")  # fmt: skip
    else:
        fuzz.saw("sent to verify")
    _assert_still_unverified(fuzz, user, before)


# Methods, CSRF and probes ------------------------------------------------------------------


def test_wrong_methods_get_a_translated_405(fuzz, home):
    for url in ("/hledat/", "/robots.txt", "/healthz", "/odber/zkontrolujte-schranku/"):
        response = fuzz.post(url, expect={405})
        assert response["Allow"]
        assert "Tuto akci zde nelze provést" in response.content.decode()


def test_a_failed_csrf_check_is_a_translated_403(fuzz, home):
    from django.test import Client

    # The sign-up recovers its form (tests/newsletter/test_csrf_recovery.py); other posts
    # get the explanation.
    strict = fuzz.using(Client(enforce_csrf_checks=True))
    response = strict.post("/hledat/", {"q": "byty"}, expect={403})
    assert "Formulář vypršel" in response.content.decode()


def test_the_probes_answer_whatever_the_method(fuzz, home):
    for url in ("/healthz", "/readyz"):
        for method in ("get", "head", "post", "put", "delete"):
            expect = {200} if method in ("get", "head") else {200, 405}
            fuzz.send(method, url, expect=expect)
