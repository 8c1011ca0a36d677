"""Thousands of random and hostile requests to every public endpoint.

None may end in a server error, none may leave a partial row behind, and every refusal is a
page in the reader's language. FUZZ_EXAMPLES (default 150) sets the examples per test.
"""

import os
import string

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsletter.models import Subscriber
from portal.models import OutgoingEmail

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same requests on every run: a failure can be reproduced
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

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
        "null",
        "-1",
        "9" * 40,
    ]
)
TEXT = st.one_of(HOSTILE, st.text(max_size=400), st.text(alphabet=string.printable, max_size=50))

SIGNUP_FIELDS = ["email", "language", "source", "page_path", "website", "form_started",
                 "topics", "keep_address", "use_suggestion"]  # fmt: skip


def refusal_is_translated(response, language="cs"):
    """An HTML refusal is a page of the site in the reader's language."""
    if response.status_code < 400 or "text/html" not in response.get("Content-Type", ""):
        return True
    html = response.content.decode(errors="replace")
    return f'<html lang="{language}"' in html


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    # The limits are tested elsewhere; here every request must reach the code under test.
    settings.NEWSLETTER_SIGNUPS_PER_IP = "100000/h"
    settings.NEWSLETTER_SIGNUPS_PER_ADDRESS = "100000/h"
    settings.FORM_MIN_FILL_SECONDS = 0
    cache.clear()


@FUZZ
@given(query=TEXT, page=TEXT)
def test_search_never_fails(client, home, query, page):
    for url in ("/hledat/", "/en/search/"):
        response = client.get(url, {"q": query, "page": page})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode(errors="replace")


@FUZZ
@given(path=st.lists(TEXT, min_size=1, max_size=4))
def test_any_path_is_a_page_or_a_translated_404(client, home, path):
    # A leading "//" would make the test client read a host out of the path.
    url = "/" + "/".join(segment.replace("\x00", "") for segment in path).lstrip("/")
    response = client.get(url)
    assert response.status_code < 500
    assert refusal_is_translated(response, "en" if url.startswith("/en/") else "cs")


@FUZZ
@given(
    data=st.dictionaries(st.sampled_from(SIGNUP_FIELDS), TEXT, max_size=len(SIGNUP_FIELDS)),
    method=st.sampled_from(["post", "put", "patch", "delete", "get"]),
)
def test_sign_up_refuses_bad_input_without_a_trace(client, home, data, method):
    before = (Subscriber.objects.count(), OutgoingEmail.objects.count())
    response = getattr(client, method)("/odber/", data)
    assert response.status_code in (200, 302, 400, 405)
    assert refusal_is_translated(response)
    if response.status_code != 302:
        assert (Subscriber.objects.count(), OutgoingEmail.objects.count()) == before
    else:
        # Accepted (or quietly dropped as spam): at most one row and its one e-mail.
        assert Subscriber.objects.count() - before[0] in (0, 1)


@FUZZ
@given(
    token=TEXT,
    action=st.sampled_from(["potvrdit", "odhlasit", "nastaveni"]),
    method=st.sampled_from(["get", "post"]),
)
def test_forged_tokens_are_refused_in_czech(client, home, token, action, method):
    from urllib.parse import quote

    response = getattr(client, method)(f"/odber/{action}/{quote(token, safe='')}/")
    assert response.status_code in (404, 410, 405, 400)
    assert refusal_is_translated(response)


@FUZZ
@given(raw=st.binary(max_size=200))
def test_invalid_utf8_in_query_strings(client, home, raw):
    from urllib.parse import quote_from_bytes

    query = "q=" + quote_from_bytes(raw)
    for url in ("/hledat/", "/feeds/articles.rss", "/sitemap.xml", "/"):
        response = client.get(url, QUERY_STRING=query)
        assert response.status_code < 500


def test_wrong_methods_get_a_translated_405(client, home):
    for url in ("/hledat/", "/robots.txt", "/healthz", "/odber/zkontrolujte-schranku/"):
        response = client.post(url)
        assert response.status_code == 405
        assert response["Allow"]
        assert "Tuto akci zde nelze provést" in response.content.decode()


def test_a_failed_csrf_check_is_a_translated_403(home):
    from django.test import Client

    # The sign-up recovers its form (tests/newsletter/test_csrf_recovery.py); other posts
    # get the explanation.
    response = Client(enforce_csrf_checks=True).post("/hledat/", {"q": "byty"})
    assert response.status_code == 403
    assert "Formulář vypršel" in response.content.decode()


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
    data=st.dictionaries(st.sampled_from(CONTACT_FIELDS), TEXT, max_size=len(CONTACT_FIELDS)),
    url=st.sampled_from(["/napiste-nam/", "/napiste-nam/pripominka/", "/napiste-nam/navrhy/"]),
    method=st.sampled_from(["post", "put", "delete", "get"]),
)
def test_contact_forms_refuse_bad_input_without_a_trace(client, contact_centre, data, url, method):
    from contact.models import Inquiry

    before = (Inquiry.objects.count(), OutgoingEmail.objects.count())
    response = getattr(client, method)(url, data)
    assert response.status_code in (200, 302, 400, 405, 429)
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
def test_forged_contact_tokens_reveal_nothing(client, contact_centre, token, route, method):
    from urllib.parse import quote

    response = getattr(client, method)(f"/napiste-nam/{route}/{quote(token, safe='')}/")
    assert response.status_code in (302, 404, 405, 400, 410)
    assert refusal_is_translated(response)


@FUZZ
@given(page_id=st.one_of(st.integers(min_value=-5, max_value=2**63), TEXT))
def test_page_feedback_links_accept_only_real_pages(client, contact_centre, page_id):
    from urllib.parse import quote

    response = client.get(f"/pripominka-ke-strance/{quote(str(page_id), safe='')}/")
    assert response.status_code in (302, 404)
    assert refusal_is_translated(response)


def test_page_feedback_link_of_a_real_page_leads_to_the_form(client, contact_centre, home):
    response = client.get(f"/pripominka-ke-strance/{home.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/napiste-nam/pripominka/")


REQUESTS = {}  # test -> requests sent, reported at the end of the module


def sent(test: str, count: int = 1) -> None:
    REQUESTS[test] = REQUESTS.get(test, 0) + count


@pytest.fixture(scope="module", autouse=True)
def report_request_counts(request):
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and REQUESTS:
        total = sum(REQUESTS.values())
        lines = ", ".join(f"{name} {count}" for name, count in sorted(REQUESTS.items()))
        reporter.write_line(f"fuzz requests: {total} ({lines})")


@pytest.fixture
def searchable_pages(home, settings):
    from tests.newsletter.factories import BulletinIndexPageFactory

    settings.SEARCH_PER_IP = "100000/h"
    settings.PAGE_CACHE_SECONDS = 600  # ?page= goes through the page cache's checks too
    from tests import factories

    section = factories.SectionPageFactory(parent=home)
    return [
        section.url,
        "/",
        BulletinIndexPageFactory(parent=home).url,
        factories.HelpPointDirectoryPageFactory(parent=home).url,
        factories.GlossaryPageFactory(parent=home).url,
    ]


@FUZZ
@given(
    value=TEXT,
    name=st.sampled_from(["page", "q", "obec", "kraj", "utm_source"]),
    index=st.integers(min_value=0, max_value=4),
)
def test_every_query_parameter_of_every_listing_and_search_box(
    client, searchable_pages, value, name, index
):
    """?page= on listings and pages without pagination, and the bulletin archive's, the
    help-point directory's and the glossary's search boxes: never a server error, never a
    stored page for a query the page did not choose."""
    url = searchable_pages[index]
    response = client.get(url, {name: value})
    sent("query parameters")
    assert response.status_code < 500
    assert refusal_is_translated(response)
    # A miss is a page just stored: these listings have one page, so no query chose one.
    if response.get("X-Page-Cache") == "miss":
        pytest.fail(f"{url}?{name}={value!r} was stored in the page cache")
    assert "<script>alert(1)</script>" not in response.content.decode(errors="replace")


@FUZZ
@given(email=TEXT)
def test_the_staff_password_reset_refuses_bad_input_without_a_trace(client, home, email, settings):
    settings.PASSWORD_RESET_PER_IP = "100000/h"
    settings.PASSWORD_RESET_PER_ADDRESS = "100000/h"
    before = OutgoingEmail.objects.count()
    response = client.post("/admin/password_reset/", {"email": email})
    sent("staff password reset")
    assert response.status_code < 500
    assert OutgoingEmail.objects.count() == before  # no account: no mail, whatever was typed


def test_the_probes_answer_whatever_the_method(client, home):
    for url in ("/healthz", "/readyz"):
        for method in ("get", "head", "post", "put", "delete"):
            response = getattr(client, method)(url)
            sent("probes")
            assert response.status_code in (200, 405)
            assert response.status_code == 200 or method not in ("get", "head")
