"""The admin's Contact centre: staff see and work only their queues' inquiries."""

import csv
import io
import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation
from wagtail.admin.menu import admin_menu
from wagtail.models import ModelLogEntry

from contact.models import ArticleSuggestion, Channel, Inquiry, Status
from tests import factories as content

from .factories import InquiryFactory, QueueFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/contact/inquiries/"


def detail(inquiry):
    return f"{INDEX}edit/{inquiry.pk}/"


def references(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(a.get_text(strip=True) for a in soup.select("table.listing td.title a"))


@pytest.fixture
def other_queue():
    return QueueFactory(name="Obsah webu", members=[UserFactory()])


@pytest.fixture
def mine(queue):
    return InquiryFactory(queue=queue, reference="SB-2026-00001")


@pytest.fixture
def theirs(other_queue):
    return InquiryFactory(queue=other_queue, reference="SB-2026-00002")


@pytest.fixture
def signed_in(client, staff):
    client.force_login(staff)
    return client


def test_staff_see_only_the_inquiries_of_their_queues(signed_in, mine, theirs):
    response = signed_in.get(INDEX)
    assert response.status_code == 200
    assert references(response) == [mine.reference]
    assert signed_in.get(detail(mine)).status_code == 200
    assert signed_in.get(detail(theirs)).status_code == 404
    response = signed_in.post(detail(theirs), {"action": "note", "note-body": "Cizí"})
    assert response.status_code == 404
    assert not theirs.notes.exists()
    for view in ("history", "usage"):
        assert signed_in.get(f"{INDEX}{view}/{mine.pk}/").status_code == 200
        response = signed_in.get(f"{INDEX}{view}/{theirs.pk}/")
        assert response.status_code == 404
        assert theirs.reference not in response.content.decode()


def test_only_superusers_delete_and_only_what_they_see(signed_in, client, mine):
    assert signed_in.get(f"{INDEX}delete/{mine.pk}/").status_code in (302, 403)
    assert Inquiry.objects.filter(pk=mine.pk).exists()
    client.force_login(UserFactory(is_superuser=True))
    assert client.post(f"{INDEX}delete/{mine.pk}/").status_code == 302
    assert not Inquiry.objects.filter(pk=mine.pk).exists()
    assert ModelLogEntry.objects.filter(action="wagtail.delete").exists()


def test_superusers_can_edit_the_routing_data(client, queue, topic):
    client.force_login(UserFactory(is_superuser=True))
    for path in (
        "/admin/contact/queues/",
        "/admin/contact/queues/new/",
        f"/admin/contact/queues/edit/{queue.pk}/",
        "/admin/contact/routing-rules/",
        "/admin/contact/routing-rules/new/",
        "/admin/snippets/contact/inquirytopic/",
        f"/admin/snippets/contact/inquirytopic/edit/{topic.pk}/",
        "/admin/snippets/contact/cannedanswer/add/",
    ):
        assert client.get(path).status_code == 200, path


def test_superusers_see_every_queue(client, mine, theirs):
    client.force_login(UserFactory(is_superuser=True))
    assert references(client.get(INDEX)) == [mine.reference, theirs.reference]


def menu_for(user, rf):
    """The admin menu's labels as the user sees them, submenus as (label, [labels])."""
    request = rf.get("/admin/")
    request.user = user
    labels = []
    for item in admin_menu.menu_items_for_request(request):
        submenu = getattr(item, "menu", None)
        if submenu is None:
            labels.append(str(item.label))
        else:
            labels.append(
                (str(item.label), [str(i.label) for i in submenu.menu_items_for_request(request)])
            )
    return labels


def test_admin_users_outside_every_queue_see_no_contact_centre(client, mine, rf):
    outsider = UserFactory()
    client.force_login(outsider)
    response = client.get(INDEX)
    assert response.status_code in (302, 403)
    assert mine.reference not in response.content.decode()
    assert not [item for item in menu_for(outsider, rf) if "Kontaktní centrum" in item]


def test_members_find_the_contact_centre_in_the_menu(staff, queue, rf):
    with translation.override("cs"):
        menu = dict(item for item in menu_for(staff, rf) if isinstance(item, tuple))
    assert menu["Kontaktní centrum"] == [
        "Dotazy",
        "Moje",
        "Nepřiděleno",
        "Po termínu",
        "Spam",
        "Osobní údaje",
        "Návrhy článků",
    ]


def test_superusers_also_manage_queues_rules_topics_and_canned_answers(rf):
    with translation.override("cs"):
        menu = dict(
            item for item in menu_for(UserFactory(is_superuser=True), rf) if isinstance(item, tuple)
        )
    assert menu["Kontaktní centrum"][5:9] == [
        "Fronty",
        "Pravidla směrování",
        "Témata",
        "Připravené odpovědi",
    ]


def test_spam_stays_out_of_the_lists_except_its_own_view(signed_in, queue, mine):
    spam = InquiryFactory(queue=queue, status=Status.SPAM, reference=None)
    assert references(signed_in.get(INDEX)) == [mine.reference]
    listed = references(signed_in.get(INDEX, {"view": "spam"}))
    assert listed == [str(spam)]
    assert references(signed_in.get(INDEX, {"status": "spam"})) == [str(spam)]


def test_the_ready_made_views_mine_unassigned_and_overdue(signed_in, queue, staff):
    yesterday = timezone.localdate() - timedelta(days=1)
    assigned = InquiryFactory(queue=queue, assignee=staff, reference="SB-2026-00011")
    unassigned = InquiryFactory(queue=queue, reference="SB-2026-00012")
    overdue = InquiryFactory(queue=queue, due_date=yesterday, reference="SB-2026-00013")
    InquiryFactory(  # waiting: its clock is stopped, so it is never overdue
        queue=queue, due_date=yesterday, status=Status.WAITING, reference="SB-2026-00014"
    )
    InquiryFactory(queue=queue, status=Status.CLOSED, reference="SB-2026-00015")
    assert references(signed_in.get(INDEX, {"view": "mine"})) == [assigned.reference]
    assert references(signed_in.get(INDEX, {"view": "unassigned"})) == [
        unassigned.reference,
        overdue.reference,
        "SB-2026-00014",
    ]
    assert references(signed_in.get(INDEX, {"view": "overdue"})) == [overdue.reference]
    assert references(signed_in.get(INDEX, {"overdue": "true"})) == [overdue.reference]


def test_lists_filter_by_status_queue_topic_and_assignee(signed_in, queue, topic, staff):
    second_queue = QueueFactory(members=[staff])
    on_topic = InquiryFactory(queue=queue, topic=topic, reference="SB-2026-00021")
    elsewhere = InquiryFactory(queue=second_queue, reference="SB-2026-00022")
    answered = InquiryFactory(
        queue=queue, status=Status.ANSWERED, assignee=staff, reference="SB-2026-00023"
    )
    assert references(signed_in.get(INDEX, {"queue": second_queue.pk})) == [elsewhere.reference]
    assert references(signed_in.get(INDEX, {"topic": topic.pk})) == [on_topic.reference]
    assert references(signed_in.get(INDEX, {"status": "answered"})) == [answered.reference]
    assert references(signed_in.get(INDEX, {"assignee": staff.pk})) == [answered.reference]


def test_the_detail_shows_the_thread(signed_in, mine, staff):
    from contact.workflow import services

    services.add_note(mine, "Ověřit u metodika", by=staff)
    services.reply(mine, "Dobrý den, posíláme odpověď.", by=staff)
    soup = BeautifulSoup(signed_in.get(detail(mine)).content, "html.parser")
    thread = soup.select_one(".contact-inquiry__thread").get_text(" ", strip=True)
    assert mine.message in thread
    assert "Ověřit u metodika" in thread
    assert "posíláme odpověď" in thread
    assert "Čeká na odeslání" in thread  # the outbox has not sent it yet


@pytest.mark.parametrize(
    ("data", "check", "action"),
    [
        (
            {"action": "assign", "assign-assignee": "STAFF"},
            lambda inquiry, staff: inquiry.assignee == staff,
            "contact.inquiry.assigned",
        ),
        (
            {"action": "status", "status-status": "in_progress"},
            lambda inquiry, staff: inquiry.status == Status.IN_PROGRESS,
            "contact.inquiry.status_changed",
        ),
        (
            {"action": "note", "note-body": "Zavolat v pondělí"},
            lambda inquiry, staff: inquiry.notes.get().author == staff,
            "contact.inquiry.note_added",
        ),
        (
            {"action": "reply", "reply-body": "Dobrý den, odpověď.", "reply-then": "answered"},
            lambda inquiry, staff: (
                inquiry.status == Status.ANSWERED and inquiry.messages.get().author == staff
            ),
            "contact.inquiry.replied",
        ),
    ],
)
def test_every_action_is_done_from_the_detail_and_audit_logged(
    signed_in, mine, staff, data, check, action
):
    data = {key: str(staff.pk) if value == "STAFF" else value for key, value in data.items()}
    response = signed_in.post(detail(mine), data)
    assert response.status_code == 302
    mine.refresh_from_db()
    assert check(mine, staff)
    entry = ModelLogEntry.objects.get(action=action)
    assert (entry.object_id, entry.user) == (str(mine.pk), staff)
    history = signed_in.get(f"{INDEX}history/{mine.pk}/")
    assert history.status_code == 200


def test_a_refused_action_says_why_and_keeps_what_was_typed(signed_in, queue):
    no_address = InquiryFactory(queue=queue, email="")
    response = signed_in.post(detail(no_address), {"action": "note", "note-body": ""})
    assert response.status_code == 200
    assert "Toto pole je povinné." in response.content.decode()
    answered = InquiryFactory(queue=queue, status=Status.CLOSED, reference="SB-2026-00031")
    response = signed_in.post(detail(answered), {"action": "status", "status-status": "spam"})
    assert response.status_code == 200
    answered.refresh_from_db()
    assert answered.status == Status.CLOSED


def test_canned_answers_prefill_the_reply(signed_in, mine):
    from .factories import CannedAnswerFactory

    answer = CannedAnswerFactory(body="Dobrý den,\nviz metodika.")
    soup = BeautifulSoup(signed_in.get(detail(mine), {"canned": answer.pk}).content, "html.parser")
    assert soup.find("textarea", attrs={"name": "reply-body"}).get_text().strip() == (
        "Dobrý den,\nviz metodika."
    )


def test_the_csv_export_holds_only_the_users_queues_and_no_personal_data(signed_in, mine, theirs):
    response = signed_in.get(INDEX, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Číslo dotazu", "Přijato", "Druh"]
    assert [row[0] for row in rows[1:]] == [mine.reference]
    flat = " ".join(" ".join(row) for row in rows)
    assert mine.email not in flat and mine.message not in flat


def test_staff_log_a_phone_inquiry(signed_in, staff, queue, topic):
    response = signed_in.post(
        f"{INDEX}new/",
        {
            "channel": Channel.PHONE,
            "kind": "question",
            "topic": topic.pk,
            "language": "cs",
            "name": "Petr Svoboda",
            "phone": "+420 600 123 456",
            "email": "",
            "message": "Volal kvůli nájemní smlouvě.",
        },
    )
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail(inquiry)
    assert (inquiry.channel, inquiry.logged_by, inquiry.queue) == (Channel.PHONE, staff, queue)
    assert inquiry.reference.startswith("SB-")


@pytest.mark.parametrize(
    "address",
    ["obet@localhost", "obet@[127.0.0.1]", "obet@mailinator.com", "a" * 65 + "@seznam.cz"],
)
def test_a_logged_inquiry_refuses_what_the_public_form_refuses(signed_in, topic, address):
    """The acknowledgement of an inquiry staff log is mailed too: the same check applies."""
    response = signed_in.post(
        f"{INDEX}new/",
        {
            "channel": "email",
            "kind": "question",
            "topic": topic.pk,
            "language": "cs",
            "message": "Dotaz",
            "acknowledge": "on",
            "email": address,
        },
    )
    assert response.status_code == 200
    assert "Neplatný e-mail." in response.content.decode()
    assert not Inquiry.objects.exists()


def test_logging_with_an_acknowledgement_needs_an_address(signed_in, topic):
    response = signed_in.post(
        f"{INDEX}new/",
        {
            "channel": "email",
            "kind": "question",
            "language": "cs",
            "message": "Dotaz",
            "acknowledge": "on",
            "email": "",
        },
    )
    assert response.status_code == 200
    assert "Zadejte e-mail, nebo potvrzení neposílejte." in response.content.decode()
    assert not Inquiry.objects.exists()


def test_the_dashboard_counts_the_users_queues(signed_in, queue, staff, theirs):
    yesterday = timezone.localdate() - timedelta(days=1)
    InquiryFactory(queue=queue, reference="SB-2026-00041")
    InquiryFactory(queue=queue, assignee=staff, due_date=yesterday, reference="SB-2026-00042")
    InquiryFactory(queue=queue, status=Status.ANSWERED, reference="SB-2026-00043")
    soup = BeautifulSoup(signed_in.get("/admin/").content, "html.parser")
    counts = {tag["data-count"]: tag.get_text() for tag in soup.select("[data-count]")}
    assert counts == {"open": "2", "unassigned": "1", "overdue": "1", "mine": "1"}


def test_personal_data_is_found_exported_and_erased_by_address(signed_in, queue, theirs):
    address = "jana@example.cz"
    first = InquiryFactory(queue=queue, email=address, reference="SB-2026-00051")
    InquiryFactory(queue=theirs.queue, email=address, reference="SB-2026-00052")
    url = "/admin/contact/personal-data/"
    found = signed_in.get(url, {"email": "JANA@example.cz"}).content.decode()
    assert first.reference in found and "SB-2026-00052" not in found
    assert "ve frontě, kterou nevidíte" in found

    export = signed_in.post(url, {"email": address, "action": "export"})
    document = json.loads(export.content)
    assert [item["reference"] for item in document["inquiries"]] == [first.reference]
    assert document["inquiries"][0]["message"] == first.message
    assert ModelLogEntry.objects.filter(action="contact.inquiry.exported").count() == 1

    signed_in.post(url, {"email": address, "action": "erase"})  # not confirmed
    first.refresh_from_db()
    assert first.email == address
    signed_in.post(url, {"email": address, "action": "erase", "confirm": "1"})
    first.refresh_from_db()
    assert (first.email, first.name, first.message) == ("", "", "—")
    assert Inquiry.objects.get(reference="SB-2026-00052").email == address  # not this user's


def test_the_suggestions_report_counts_what_the_content_answered(signed_in, section, queue):
    article = content.ArticlePageFactory(parent=section, title="Zřízení bytu")
    inquiry = InquiryFactory(queue=queue)
    now = timezone.now()
    ArticleSuggestion.objects.create(visit="1" * 32, page=article, language="cs", followed_at=now)
    ArticleSuggestion.objects.create(visit="2" * 32, page=article, language="cs")
    ArticleSuggestion.objects.create(
        visit="3" * 32, page=article, language="cs", followed_at=now, inquiry=inquiry
    )
    soup = BeautifulSoup(signed_in.get("/admin/contact/suggestions/").content, "html.parser")
    totals = {tag["data-total"]: tag.get_text() for tag in soup.select("[data-total]")}
    assert totals == {"shown": "3", "followed": "2", "answered": "1", "asked_anyway": "1"}
    assert "Zřízení bytu" in soup.select_one("table.listing").get_text()
