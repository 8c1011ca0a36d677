"""Documents carry the library's metadata; every link to one says its format, size, pages and
language, and offers an accessible format for a PDF."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import GroupCollectionPermission

from home.library.documents import GuidanceDocument, count_pdf_pages
from home.library.rich_text import document_meta
from tests import factories
from tests.home.pdf_fixtures import compressed_pdf, updated_pdf

pytestmark = pytest.mark.django_db


def test_wagtail_uses_the_guidance_document_model():
    assert get_document_model() is GuidanceDocument


def test_page_count_is_read_from_an_uncompressed_pdf():
    document = factories.GuidanceDocumentFactory(pages=14)
    assert document.page_count == 14


def test_page_count_an_editor_entered_is_kept():
    document = factories.GuidanceDocumentFactory(pages=3, page_count=120)
    assert GuidanceDocument.objects.get(pk=document.pk).page_count == 120


def test_page_count_is_read_from_a_pdf_with_compressed_object_streams():
    file = compressed_pdf(pages=7)
    assert b"/Type /Page" not in file.read()  # the pages are only inside the object stream
    document = factories.GuidanceDocumentFactory(file=compressed_pdf(pages=7))
    assert GuidanceDocument.objects.get(pk=document.pk).page_count == 7


def test_pages_rewritten_by_an_incremental_update_are_counted_once():
    file = updated_pdf(pages=5, rewritten=2)
    assert file.read().count(b"/Type /Page ") == 2  # the rewritten pages, in plain text
    assert count_pdf_pages(file) == 5


def test_page_count_is_unknown_when_the_file_does_not_tell():
    broken = SimpleUploadedFile("a.pdf", b"%PDF-1.7\n<< /Type /ObjStm /N 3 >>\n%%EOF")
    assert count_pdf_pages(broken) is None
    assert factories.GuidanceDocumentFactory(file=broken).page_count is None
    text = factories.GuidanceDocumentFactory(file=SimpleUploadedFile("data.csv", b"a,b\n1,2\n"))
    assert text.page_count is None


def edit_form_data(document, **changes):
    data = {
        "title": document.title,
        "collection": document.collection_id,
        "document_type": document.document_type,
        "origin": document.origin,
        "language": document.language,
        "page_count": document.page_count or "",
        "tags": "",
    }
    return {**data, **changes}


def test_a_replaced_file_gets_its_own_page_count(admin_client):
    document = factories.GuidanceDocumentFactory(pages=3)
    url = f"/admin/documents/edit/{document.pk}/"
    response = admin_client.post(url, edit_form_data(document, file=compressed_pdf(pages=9)))
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert document.page_count == 9


def test_a_page_count_the_editor_types_with_a_new_file_is_kept(admin_client):
    document = factories.GuidanceDocumentFactory(pages=3)
    url = f"/admin/documents/edit/{document.pk}/"
    data = edit_form_data(document, file=compressed_pdf(pages=9), page_count="12")
    assert admin_client.post(url, data).status_code == 302
    document.refresh_from_db()
    assert document.page_count == 12


def test_link_details_use_czech_number_formatting_and_plurals():
    document = factories.GuidanceDocumentFactory(pages=14)
    document.file_size = 1258291  # 1.2 MiB
    with translation.override("cs"):
        assert document_meta(document) == "PDF, 1,2 MB, 14 stran"
        document.page_count = 3
        assert document_meta(document) == "PDF, 1,2 MB, 3 strany"
        document.page_count = 1
        assert document_meta(document) == "PDF, 1,2 MB, 1 strana"
    with translation.override("en"):
        assert document_meta(document) == "PDF, 1.2 MB, 1 page, in Czech"


def test_link_details_name_the_language_only_when_it_differs_from_the_page():
    document = factories.GuidanceDocumentFactory(pages=2, language="en")
    document.file_size = 2048
    with translation.override("cs"):
        assert document_meta(document) == "PDF, 2,0 KB, 2 strany, v angličtině"
    with translation.override("en"):
        assert document_meta(document) == "PDF, 2.0 KB, 2 pages"


def test_document_block_shows_details_and_offers_an_accessible_format(client, section):
    pdf = factories.GuidanceDocumentFactory(title="Vzor koncepce", pages=4)
    sheet = factories.GuidanceDocumentFactory(
        title="Tabulka", file=SimpleUploadedFile("tabulka.xlsx", b"PK\x03\x04data")
    )
    article = factories.ArticlePageFactory(
        parent=section,
        body=[
            {"type": "document", "value": {"document": pdf.pk, "title": "", "description": ""}},
            {"type": "document", "value": {"document": sheet.pk, "title": "", "description": ""}},
        ],
    )
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    blocks = soup.select(".document-link")
    assert blocks[0].select_one(".document-link__meta").get_text().startswith("(PDF, ")
    assert "4 strany" in blocks[0].get_text()
    request = blocks[0].select_one(".accessible-format a")
    assert request["href"] == f"/pristupny-format/{pdf.pk}/"
    assert request.get_text() == "Požádat o přístupný formát: Vzor koncepce"
    assert "(XLSX, " in blocks[1].get_text()
    assert blocks[1].select_one(".accessible-format") is None


def test_admin_form_edits_the_metadata_and_offers_czech_terms_only(admin_client):
    from tests.contact.conftest import translate_snippet

    topic = factories.TopicFactory(name="Sociální práce")
    english = factories.Locale.objects.get_or_create(language_code="en")[0]
    translate_snippet(topic, english, name="Social work")
    audience = factories.AudienceFactory(name="Obce")
    document = factories.GuidanceDocumentFactory(title="Analýza", pages=2)
    url = f"/admin/documents/edit/{document.pk}/"
    page = BeautifulSoup(admin_client.get(url).content, "html.parser")
    topic_boxes = page.select("input[name=topics]")
    assert [box["value"] for box in topic_boxes] == [str(topic.pk)]
    response = admin_client.post(
        url,
        {
            "title": "Analýza bytové nouze",
            "collection": document.collection_id,
            "document_type": "analysis",
            "origin": "external",
            "author": "Výzkumný ústav",
            "year": "2024",
            "language": "cs",
            "page_count": "",
            "summary": "Kolik lidí je v bytové nouzi.",
            "topics": [topic.pk],
            "audiences": [audience.pk],
            "in_library": "on",
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    assert (document.document_type, document.origin, document.year) == (
        "analysis",
        "external",
        2024,
    )
    assert list(document.topics.all()) == [topic]
    assert list(document.audiences.all()) == [audience]


def test_admin_form_rejects_a_year_that_is_not_a_number(admin_client):
    document = factories.GuidanceDocumentFactory()
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": "X",
            "collection": document.collection_id,
            "document_type": "analysis",
            "origin": "programme",
            "language": "cs",
            "year": "loni",
        },
    )
    assert response.status_code == 200
    assert "year" in response.context["form"].errors


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_may_manage_and_choose_documents(group):
    granted = set(
        GroupCollectionPermission.objects.filter(group__name=group).values_list(
            "permission__codename", flat=True
        )
    )
    assert {
        "add_guidancedocument",
        "change_guidancedocument",
        "delete_guidancedocument",
        "choose_guidancedocument",
    } <= granted
    assert Group.objects.get(name=group).permissions.filter(codename="change_glossaryterm")


def test_document_links_in_rich_text_carry_the_same_details(client, section):
    document = factories.GuidanceDocumentFactory(title="Leták", pages=2, language="en")
    article = factories.ArticlePageFactory(
        parent=section,
        body=[
            {
                "type": "paragraph",
                "value": f'<p>Viz <a linktype="document" id="{document.pk}">leták</a>.</p>',
            }
        ],
    )
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    link = soup.select_one(".rich-text a[href^='/documents/']")
    assert link.get_text() == "leták"
    assert not link.has_attr("data-document-meta")
    details = link.find_next_sibling("span", class_="document-link__meta")
    assert details.get_text().startswith("(PDF, ")
    assert details.get_text().endswith(", 2 strany, v angličtině)")
