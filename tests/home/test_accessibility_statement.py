"""The accessibility statement in the structure Czech public bodies must publish, linked from
every page's footer at no cost in queries."""

import pytest
from bs4 import BeautifulSoup

from tests import factories
from tests.contact.conftest import translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(home):
    return factories.AccessibilityStatementPageFactory(parent=home)


def test_statement_has_every_section_of_the_czech_template(client, statement):
    soup = BeautifulSoup(client.get(statement.url).content, "html.parser")
    main = soup.select_one("main")
    assert [h2.get_text() for h2 in main.select(".accessibility-statement > h2")] == [
        "Stav souladu",
        "Nepřístupný obsah",
        "Vypracování tohoto prohlášení o přístupnosti",
        "Zpětná vazba a kontaktní údaje",
        "Postup pro vymáhání práva",
    ]
    text = main.get_text(" ", strip=True)
    assert "Ministerstvo práce a sociálních věcí se zavazuje" in text
    assert "zákonem č. 99/2019 Sb." in text
    assert "https://socialnibydleni.example" in text
    assert "jsou částečně v souladu se zákonem č. 99/2019 Sb." in text
    assert "Starší dokumenty PDF nemají strukturu." in text
    assert "vypracováno dne 1. 9. 2026" in text
    assert "vlastním posouzením subjektu" in text
    assert "naposledy přezkoumáno dne 1. 10. 2026" in text
    assert "Ministerstvo vnitra" in text
    contents = [(a["href"], a.get_text()) for a in main.select(".toc a")]
    assert contents[0] == ("#stav-souladu", "Stav souladu")
    assert [href for href, _text in contents] == [
        f"#{h2['id']}" for h2 in main.select(".accessibility-statement > h2")
    ]
    report = main.find("a", string="Oznámit problém s přístupností")
    assert report["href"] == f"/pripominka-ke-strance/{statement.pk}/"
    assert "Odpovídá: Tým přístupnosti" in main.select_one(".review-info").get_text()


@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        ("full", "jsou v souladu se zákonem"),
        ("none", "nejsou v souladu se zákonem"),
    ],
)
def test_statement_says_the_compliance_status(client, home, status, sentence):
    page = factories.AccessibilityStatementPageFactory(parent=home, compliance_status=status)
    assert sentence in client.get(page.url).content.decode()


def test_every_page_footer_links_the_statement_in_its_language(client, home, statement, section):
    article = factories.ArticlePageFactory(parent=section)
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    link = soup.select_one("footer").find("a", string="Prohlášení o přístupnosti")
    assert link["href"] == "/pristupnost/"
    assert client.get(link["href"])["Location"] == statement.url

    english = factories.Locale.objects.get_or_create(language_code="en")[0]
    translate_page(home, english, slug="social-housing")
    translated = translate_page(statement, english, title="Accessibility statement")
    assert client.get("/en/accessibility/")["Location"] == translated.url


def test_english_reader_gets_the_czech_statement_when_there_is_no_english_one(client, statement):
    factories.Locale.objects.get_or_create(language_code="en")
    assert client.get("/en/accessibility/")["Location"] == statement.url


def test_without_a_statement_the_footer_link_is_404(client, home):
    assert client.get("/pristupnost/").status_code == 404


def test_the_footer_link_costs_no_query(client, home, statement, django_assert_num_queries):
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    template = Template("{% load i18n %}{% url 'accessibility-statement' %}")
    with django_assert_num_queries(0):
        assert template.render(Context({"request": request})) == "/pristupnost/"


def test_only_one_statement_per_language(home, statement):
    from home.models import AccessibilityStatementPage

    assert not AccessibilityStatementPage.can_create_at(home)


def test_editor_creates_the_statement_in_the_admin_and_required_parts_are_enforced(
    admin_client, home
):
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    from home.models import AccessibilityStatementPage

    url = f"/admin/pages/add/home/accessibilitystatementpage/{home.pk}/"
    data = {
        "title": "Prohlášení o přístupnosti",
        "slug": "prohlaseni",
        "body_name": "Ministerstvo práce a sociálních věcí",
        "website": "https://socialnibydleni.example",
        "compliance_status": "full",
        "prepared_on": "2026-09-01",
        "assessment_method": "self",
        "feedback": rich_text("<p>Napište nám.</p>"),
        "enforcement": rich_text("<p>Ministerstvo vnitra.</p>"),
        "last_reviewed": "2026-10-01",
    }
    form = nested_form_data({**data, "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0}})
    missing = {key: value for key, value in form.items() if key not in ("feedback", "prepared_on")}
    # Drafts may leave text empty (Wagtail defers it); publishing may not.
    response = admin_client.post(url, {**missing, "action-publish": "action-publish"})
    assert response.status_code == 200
    assert {"prepared_on", "feedback"} <= set(response.context["form"].errors)
    assert admin_client.post(url, {**form, "action-publish": "1"}).status_code == 302
    page = AccessibilityStatementPage.objects.get(slug="prohlaseni")
    assert page.live
    assert page.next_review_due.isoformat() == "2027-10-01"
