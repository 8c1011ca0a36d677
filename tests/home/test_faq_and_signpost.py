"""FAQ pages (numbered, anchored, FAQPage data, open without JavaScript) and the help signpost."""

import json

import pytest
from bs4 import BeautifulSoup

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def landing(home, footer):
    return factories.AudienceLandingPageFactory(parent=home, slug="jsem-nno")


def soup_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld_types(soup):
    (script,) = soup.find_all("script", type="application/ld+json")
    return {node["@type"]: node for node in json.loads(script.string)["@graph"]}


def test_faq_questions_are_numbered_with_an_anchor_each(client, landing):
    faq = factories.FaqPageFactory(parent=landing)
    soup = soup_of(client, faq.url)
    items = soup.select("ol.faq details")
    assert [item["id"] for item in items] == ["otazka-1", "otazka-2", "otazka-3"]
    assert [item.summary.get_text(" ", strip=True) for item in items] == [
        "1. Otázka číslo 1?",
        "2. Otázka číslo 2?",
        "3. Otázka číslo 3?",
    ]
    contents = [a["href"] for a in soup.select("nav.toc a")]
    assert contents == ["#otazka-1", "#otazka-2", "#otazka-3"]


def test_faq_answers_are_in_the_html_without_javascript(client, landing):
    faq = factories.FaqPageFactory(parent=landing)
    soup = soup_of(client, faq.url)
    answer = soup.select_one("#otazka-2 .accordion__answer")
    assert answer.get_text(strip=True) == "Odpověď 2."
    # The answers open for print: the print stylesheet and site.js's beforeprint.
    assert soup.find("link", href="/static/css/guidance.css")
    assert soup.find("script", src="/static/js/faq.js")


def test_faq_question_links_its_article(client, landing, section):
    article = factories.ArticlePageFactory(parent=section, title="Spolupráce s obcí")
    faq = factories.FaqPageFactory(
        parent=landing,
        questions=[
            {
                "type": "question",
                "value": {
                    "question": "Jak spolupracovat?",
                    "answer": "<p>Spolu.</p>",
                    "read_more": article.pk,
                },
            }
        ],
    )
    link = soup_of(client, faq.url).select_one("#otazka-1 .faq__more a")
    assert link["href"] == article.url


def test_faq_page_carries_faqpage_structured_data(client, landing):
    faq = factories.FaqPageFactory(parent=landing)
    data = json_ld_types(soup_of(client, faq.url))
    questions = data["FAQPage"]["mainEntity"]
    assert [q["name"] for q in questions] == [f"Otázka číslo {n}?" for n in (1, 2, 3)]
    assert questions[1]["acceptedAnswer"] == {"@type": "Answer", "text": "Odpověď 2."}
    assert questions[0]["url"].endswith(f"{faq.url}#otazka-1")
    assert "BreadcrumbList" in data


def test_faq_shows_review_info(client, landing):
    faq = factories.FaqPageFactory(parent=landing, owner_team="Metodický tým")
    assert "Metodický tým" in soup_of(client, faq.url).select_one(".review-info").get_text()


def test_signpost_lists_situations_with_steps_and_the_contact_centre(client, landing, footer):
    signpost = factories.HelpSignpostPageFactory(
        parent=landing, contact_centre=footer.contact_centre, owner_team="Metodický tým"
    )
    soup = soup_of(client, signpost.url)
    group = soup.select_one("section.situation-group")
    assert group.h2.get_text() == "Mám bydlení, ale…"
    assert group.h3.get_text() == "Nemám na nájem"
    assert [li.get_text() for li in group.select("ol li")] == [
        "Ozvěte se pronajímateli.",
        "Zajděte na úřad práce.",
    ]
    assert soup.select_one("a[href='#situace-1']")
    assert footer.contact_centre.name in soup.select_one(".contact-box").get_text()
    assert "Metodický tým" in soup.select_one(".review-info").get_text()


def test_signpost_shows_the_help_points_of_the_chosen_region(client, home, landing):
    signpost = factories.HelpSignpostPageFactory(parent=landing)
    factories.HelpPointDirectoryPageFactory(parent=home)
    factories.HelpPointFactory(name="Místo v Ústí", region="ustecky")
    factories.HelpPointFactory(name="Místo v Brně", region="jihomoravsky", municipality="Brno")
    soup = soup_of(client, signpost.url, kraj="ustecky")
    assert [h.get_text() for h in soup.select(".help-point h3")] == ["Místo v Ústí"]
    more = soup.select_one("#nearest-help a[href*='kraj=ustecky']")
    assert more["href"] == "/kontaktni-mista/?kraj=ustecky"


def test_signpost_without_a_region_shows_no_help_points_and_asks_for_one(client, landing):
    signpost = factories.HelpSignpostPageFactory(parent=landing)
    factories.HelpPointFactory()
    soup = soup_of(client, signpost.url)
    assert not soup.select(".help-point")
    assert soup.select_one("#nearest-help form select[name=kraj]")


def test_signpost_with_an_unknown_region_explains_and_still_renders(client, landing):
    signpost = factories.HelpSignpostPageFactory(parent=landing)
    soup = soup_of(client, signpost.url, kraj="atlantida")
    assert "Kraj „atlantida“ neznáme" in soup.select_one(".error-message").get_text()
    assert soup.select_one("section.situation-group")
