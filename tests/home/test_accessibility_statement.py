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
    assert "z důvodu nesouladů a výjimek uvedených níže" in text
    assert "Starší dokumenty PDF nemají strukturu." in text
    assert "vypracováno dne 1. 9. 2026" in text
    assert (
        "Metoda použitá k vypracování prohlášení: vlastní posouzení provedené subjektem "
        "veřejného sektoru." in text
    )
    assert "naposledy přezkoumáno dne 1. 10. 2026" in text
    assert "Digitální a informační agentur" in text
    contact = main.select_one(".statement-contact")
    assert contact.find("a", href="mailto:pristupnost@socialnibydleni.example")
    assert contact.find("a", href="tel:+420800000000").get_text() == "+420 800 000 000"
    contents = [(a["href"], a.get_text()) for a in main.select(".toc a")]
    assert contents[0] == ("#stav-souladu", "Stav souladu")
    assert [href for href, _text in contents] == [
        f"#{h2['id']}" for h2 in main.select(".accessibility-statement > h2")
    ]
    report = main.find("a", string="Oznámit problém s přístupností")
    assert report["href"] == f"/pripominka-ke-strance/{statement.pk}/"
    assert "Odpovídá: Tým přístupnosti" in main.select_one(".review-info").get_text()


def test_additional_information_gets_its_own_section_only_when_given(client, home):
    plain = factories.AccessibilityStatementPageFactory(parent=home)
    assert "Další informace" not in client.get(plain.url).content.decode()
    plain.delete()
    statement = factories.AccessibilityStatementPageFactory(
        parent=home, additional_information="<p>Opravy dokončíme do konce roku 2027.</p>"
    )
    soup = BeautifulSoup(client.get(statement.url).content, "html.parser")
    section = soup.find("h2", id="dalsi-informace")
    assert section.get_text() == "Další informace"
    assert "Opravy dokončíme" in section.find_next_sibling("p").get_text()
    assert soup.select(".toc a")[-1]["href"] == "#dalsi-informace"


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
    from home.accessibility.models import AccessibilityStatementPage

    assert not AccessibilityStatementPage.can_create_at(home)


def test_empty_paragraphs_left_by_the_editor_show_no_section(client, home):
    statement = factories.AccessibilityStatementPageFactory(
        parent=home,
        compliance_status="full",
        non_compliance="<p></p>",
        alternatives='<p data-block-key="x1"> </p>',
        additional_information="<p></p>",
    )
    soup = BeautifulSoup(client.get(statement.url).content, "html.parser")
    assert [h2["id"] for h2 in soup.select(".accessibility-statement > h2")] == [
        "stav-souladu",
        "vypracovani",
        "zpetna-vazba",
        "prosazovani",
    ]
    assert not soup.select(".accessibility-statement h3")


ADD_URL = "/admin/pages/add/home/accessibilitystatementpage/{home}/"


def statement_form(**changes):
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    data = {
        "title": "Prohlášení o přístupnosti",
        "slug": "prohlaseni",
        "body_name": "Ministerstvo práce a sociálních věcí",
        "website": "https://socialnibydleni.example",
        "compliance_status": "full",
        "non_compliance": rich_text(""),
        "disproportionate_burden": rich_text(""),
        "out_of_scope": rich_text(""),
        "alternatives": rich_text(""),
        "prepared_on": "2026-09-01",
        "assessment_method": "self",
        "feedback": rich_text("<p>Napište nám.</p>"),
        "contact_email": "pristupnost@socialnibydleni.example",
        "contact_phone": "",
        "enforcement": rich_text("<p>Digitální a informační agentura.</p>"),
        "additional_information": rich_text(""),
        "last_reviewed": "2026-10-01",
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
    }
    data.update(
        {
            key: rich_text(value) if key in RICH_TEXT and value is not None else value
            for key, value in changes.items()
        }
    )
    return nested_form_data({key: value for key, value in data.items() if value is not None})


RICH_TEXT = {"non_compliance", "disproportionate_burden", "feedback", "enforcement"}


def publish(admin_client, home, form):
    return admin_client.post(ADD_URL.format(home=home.pk), {**form, "action-publish": "1"})


def test_editor_creates_the_statement_in_the_admin_and_required_parts_are_enforced(
    admin_client, home
):
    from home.accessibility.models import AccessibilityStatementPage

    incomplete = statement_form(prepared_on=None, feedback=None, contact_email=None)
    response = publish(admin_client, home, incomplete)
    assert response.status_code == 200
    assert {"prepared_on", "feedback", "contact_email"} <= set(response.context["form"].errors)
    # A draft may leave the texts and the parts that depend on each other unfinished
    # (Wagtail defers required fields); publishing may not.
    unfinished = statement_form(
        feedback=None, contact_email=None, compliance_status="partial", last_reviewed=""
    )
    draft = admin_client.post(ADD_URL.format(home=home.pk), unfinished)
    assert draft.status_code == 302
    assert not AccessibilityStatementPage.objects.get(slug="prohlaseni").live
    AccessibilityStatementPage.objects.get(slug="prohlaseni").delete()

    assert publish(admin_client, home, statement_form()).status_code == 302
    page = AccessibilityStatementPage.objects.get(slug="prohlaseni")
    assert page.live
    assert page.contact_email == "pristupnost@socialnibydleni.example"
    assert page.next_review_due.isoformat() == "2027-10-01"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        # Fully compliant, yet listing a failure or an exemption.
        ({"non_compliance": "<p>Videa nemají titulky.</p>"}, "non_compliance"),
        ({"disproportionate_burden": "<p>Archiv.</p>"}, "disproportionate_burden"),
        # Partially or not compliant, without saying what is not accessible.
        ({"compliance_status": "partial"}, "non_compliance"),
        (
            {"compliance_status": "none", "disproportionate_burden": "<p>Archiv.</p>"},
            "non_compliance",
        ),
        # An emptied editor leaves an empty paragraph behind: that says nothing.
        ({"feedback": ""}, "feedback"),
        ({"enforcement": "<p> </p>"}, "enforcement"),
        # The date of the last review is part of the statement, and follows its preparation.
        ({"last_reviewed": ""}, "last_reviewed"),
        ({"last_reviewed": "2026-08-31"}, "last_reviewed"),
    ],
)
def test_parts_that_depend_on_each_other_are_checked_before_publishing(
    admin_client, home, changes, field
):
    response = publish(admin_client, home, statement_form(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors


@pytest.mark.parametrize(
    "changes",
    [
        {"compliance_status": "partial", "disproportionate_burden": "<p>Archiv.</p>"},
        {"compliance_status": "partial", "non_compliance": "<p>Videa nemají titulky.</p>"},
        {"compliance_status": "none", "non_compliance": "<p>Nic není přístupné.</p>"},
    ],
)
def test_a_consistent_statement_is_published(admin_client, home, changes):
    assert publish(admin_client, home, statement_form(**changes)).status_code == 302
