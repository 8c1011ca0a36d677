"""Editors build entry points, FAQ pages, signposts and the help-point directory in the admin."""

import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.guidance.models import AudienceLandingPage, FaqPage, HelpSignpostPage
from home.help_points.models import HelpPoint
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("metodicka", password="x" * 16)
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


@pytest.fixture
def landing(home):
    return factories.AudienceLandingPageFactory(parent=home, slug="jsem-obec")


def add_url(model, parent):
    return f"/admin/pages/add/home/{model}/{parent.pk}/"


def publish(**data):
    return nested_form_data({**data, "action-publish": "publish"})


def test_editor_publishes_an_audience_entry_point(client, editor, home):
    audience = factories.AudienceFactory(name="Obce")
    data = publish(
        title="Jsem obec", slug="jsem-obec", audience=audience.pk, intro="Pro obce.",
        last_reviewed="2026-11-02", owner_team="Metodický tým",
    )  # fmt: skip
    response = client.post(add_url("audiencelandingpage", home), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = AudienceLandingPage.objects.get(slug="jsem-obec")
    assert page.live and page.audience == audience
    assert str(page.next_review_due) == "2027-11-02"


def test_second_entry_point_for_an_audience_is_refused_in_the_form(client, editor, home, landing):
    data = publish(title="Znovu obec", slug="znovu", audience=landing.audience_id)
    response = client.post(add_url("audiencelandingpage", home), data)
    assert response.status_code == 200
    assert "Tato cílová skupina už svůj rozcestník má" in response.content.decode()
    assert not AudienceLandingPage.objects.filter(slug="znovu").exists()


def test_editor_publishes_a_faq_page(client, editor, landing):
    data = publish(
        title="Časté otázky",
        slug="caste-otazky",
        intro="Odpovědi.",
        questions=streamfield(
            [
                ("question", {"question": "První?", "answer": rich_text("<p>Ano.</p>"),
                              "read_more": ""}),
                ("question", {"question": "Druhá?", "answer": rich_text("<p>Ne.</p>"),
                              "read_more": ""}),
            ]
        ),
    )  # fmt: skip
    response = client.post(add_url("faqpage", landing), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    faq = FaqPage.objects.get(slug="caste-otazky")
    assert [value["question"] for _n, _a, value in faq.numbered_questions()] == ["První?", "Druhá?"]


def test_faq_page_needs_a_question(client, editor, landing):
    data = publish(title="Prázdné", slug="prazdne", questions=streamfield([]))
    response = client.post(add_url("faqpage", landing), data)
    assert response.status_code == 200
    assert not FaqPage.objects.filter(slug="prazdne").exists()


def test_editor_publishes_a_help_signpost(client, editor, landing, footer):
    situation = {
        "title": "Nemám na nájem",
        "description": "Peníze nestačí.",
        "steps": streamfield([("item", "Ozvěte se pronajímateli.")]),
    }
    data = publish(
        title="Kam se obrátit",
        slug="kam-se-obratit",
        contact_centre=footer.contact_centre.pk,
        situations=streamfield(
            [("group", {"heading": "Mám bydlení, ale…",
                        "situations": streamfield([("item", situation)])})]
        ),
    )  # fmt: skip
    response = client.post(add_url("helpsignpostpage", landing), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    signpost = HelpSignpostPage.objects.get(slug="kam-se-obratit")
    group = signpost.situations[0].value
    assert list(group["situations"][0]["steps"]) == ["Ozvěte se pronajímateli."]


def test_editor_adds_a_help_point_and_finds_it_in_the_list(client, editor):
    data = {
        "name": "Kontaktní místo Ústí",
        "kind": "housing",
        "region": "ustecky",
        "district": "Ústí nad Labem",
        "municipality": "Ústí nad Labem",
        "street_address": "Velká Hradební 1",
        "postal_code": "400 01",
        "opening_hours": "Po–Pá",
        "phone": "+420 800 100 100",
        "email": "usti@socialnibydleni.example",
        "website": "",
        "note": "",
    }
    response = client.post("/admin/snippets/home/helppoint/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    point = HelpPoint.objects.get(name="Kontaktní místo Ústí")
    assert point.place_folded == "usti nad labem usti nad labem"
    listing = client.get("/admin/snippets/home/helppoint/", {"region": "ustecky"})
    assert "Kontaktní místo Ústí" in listing.content.decode()
    empty = client.get("/admin/snippets/home/helppoint/", {"region": "praha"})
    assert "Kontaktní místo Ústí" not in empty.content.decode()


def test_help_point_form_refuses_an_unknown_region(client, editor):
    data = {"name": "X", "kind": "housing", "region": "mars", "district": "D", "municipality": "M"}
    response = client.post("/admin/snippets/home/helppoint/add/", data)
    assert response.status_code == 200
    assert not HelpPoint.objects.exists()


def test_help_points_can_be_exported_from_the_admin(client, editor):
    factories.HelpPointFactory(name="Místo pro export")
    response = client.get("/admin/snippets/home/helppoint/", {"export": "csv"})
    assert response.status_code == 200
    assert "Místo pro export" in b"".join(response.streaming_content).decode()


def test_editor_searches_help_points_by_municipality_in_the_admin(
    client, editor, django_capture_on_commit_callbacks
):
    # The search index is updated once the saving transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        factories.HelpPointFactory(name="Místo v Ústí", municipality="Ústí nad Labem")
        factories.HelpPointFactory(name="Místo v Brně", municipality="Brno", district="Brno-město")
    response = client.get("/admin/snippets/home/helppoint/", {"q": "Brno"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Místo v Brně" in content
    assert "Místo v Ústí" not in content
    folded = client.get("/admin/snippets/home/helppoint/", {"q": "usti"}).content.decode()
    assert "Místo v Ústí" in folded
    assert "Místo v Brně" not in folded
