"""The help-point directory: filters, search by municipality however it is typed, exports."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup

from home.help_points import data as help_point_data
from home.help_points.models import HelpPoint
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home, footer):
    return factories.HelpPointDirectoryPageFactory(parent=home)


@pytest.fixture
def points(db):
    return [
        factories.HelpPointFactory(name="Kontaktní místo Ústí", municipality="Ústí nad Labem"),
        factories.HelpPointFactory(
            name="Poradna Ústí",
            kind="ngo",
            municipality="Ústí nad Orlicí",
            district="Ústí nad Orlicí",
            region="pardubicky",
        ),
        factories.HelpPointFactory(
            name="Město Brno",
            kind="municipality",
            municipality="Brno",
            district="Brno-město",
            region="jihomoravsky",
        ),
    ]


def names(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text() for h in soup.select(".help-point h3")]


def test_saving_folds_municipality_and_district_for_search(db):
    point = factories.HelpPointFactory(municipality="Ústí nad Labem", district="Ústí nad Labem")
    assert point.place_folded == "usti nad labem usti nad labem"


@pytest.mark.parametrize("typed", ["Ústí", "usti", "ÚSTÍ", "uSTi nad"])
def test_search_by_municipality_ignores_diacritics_and_case(client, directory, points, typed):
    assert sorted(names(client, directory.url, obec=typed)) == [
        "Kontaktní místo Ústí",
        "Poradna Ústí",
    ]


def test_search_by_district(client, directory, points):
    assert names(client, directory.url, obec="brno-mesto") == ["Město Brno"]


def test_region_and_search_combine(client, directory, points):
    assert names(client, directory.url, obec="usti", kraj="pardubicky") == ["Poradna Ústí"]


def test_kind_filter(client, directory, points):
    assert names(client, directory.url, druh="municipality") == ["Město Brno"]


def test_unknown_region_is_explained_and_the_search_still_applies(client, directory, points):
    response = client.get(directory.url, {"kraj": "mars", "obec": "brno"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Kraj „mars“ neznáme" in soup.select_one(".error-message").get_text()
    assert [h.get_text() for h in soup.select(".help-point h3")] == ["Město Brno"]
    assert soup.select_one("input[name=obec]")["value"] == "brno"


def test_no_match_says_what_to_do(client, directory, points):
    response = client.get(directory.url, {"obec": "Aš"})
    assert "Žádné kontaktní místo neodpovídá" in response.content.decode()


def test_directory_is_paginated_with_filters_kept(client, directory):
    for n in range(25):
        factories.HelpPointFactory(name=f"Místo {n:02d}")
    soup = BeautifulSoup(client.get(directory.url, {"obec": "usti"}).content, "html.parser")
    assert len(soup.select(".help-point")) == 20
    assert soup.select_one(".pagination a[rel=next]")["href"] == "?obec=usti&page=2"
    second = names(client, directory.url, obec="usti", page=2)
    assert len(second) == 5
    assert "25 kontaktních míst" in soup.select_one(".result-count").get_text()


def test_help_points_are_per_language(client, directory, points):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    factories.HelpPointFactory(name="English help point", locale=english)
    assert "English help point" not in names(client, directory.url)


def test_csv_export_of_the_filtered_list_opens_in_excel(client, directory, points):
    response = client.get(directory.url + "export/csv/", {"obec": "ÚSTÍ"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="kontaktni-mista.csv"'
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0][:3] == ["Název", "Druh (popis)", "Kraj (popis)"]
    assert sorted(row[0] for row in rows[1:]) == ["Kontaktní místo Ústí", "Poradna Ústí"]
    assert {row[2] for row in rows[1:]} == {"Ústecký kraj", "Pardubický kraj"}


def test_csv_export_defuses_formulas(client, directory):
    factories.HelpPointFactory(name='=HYPERLINK("http://zly.example","klikni")', note="@SUM(1)")
    body = client.get(directory.url + "export/csv/").content.decode("utf-8")
    row = list(csv.reader(io.StringIO(body[1:])))[1]
    assert row[0] == '\'=HYPERLINK("http://zly.example","klikni")'
    assert row[-1] == "'@SUM(1)"
    # A phone number can build no formula: the spreadsheet shows it without an apostrophe.
    assert row[8] == "+420 800 100 100"


def test_json_export_of_the_filtered_list(client, directory, points):
    response = client.get(directory.url + "export/json/", {"kraj": "jihomoravsky"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["count"] == 1
    item = data["items"][0]
    assert item["name"] == "Město Brno"
    assert item["region"] == "jihomoravsky"
    assert item["region_label"] == "Jihomoravský kraj"
    assert item["kind"] == "municipality"


def test_directory_links_its_exports_with_the_filters(client, directory, points):
    soup = BeautifulSoup(client.get(directory.url, {"kraj": "ustecky"}).content, "html.parser")
    hrefs = [a["href"] for a in soup.select(".export-links a")]
    assert hrefs == [
        "/kontaktni-mista/export/csv/?kraj=ustecky",
        "/kontaktni-mista/export/json/?kraj=ustecky",
    ]


def test_directory_carries_organisation_data_of_the_listed_points(client, directory, points):
    soup = BeautifulSoup(client.get(directory.url, {"obec": "usti"}).content, "html.parser")
    (script,) = soup.find_all("script", type="application/ld+json")
    graph = json.loads(script.string)["@graph"]
    listed = {node["name"]: node for node in graph if "address" in node}
    assert set(listed) == {"Kontaktní místo Ústí", "Poradna Ústí"}
    office = listed["Kontaktní místo Ústí"]
    assert office["@type"] == "GovernmentOrganization"
    assert office["address"]["addressLocality"] == "Ústí nad Labem"
    assert office["address"]["addressRegion"] == "Ústecký kraj"
    assert office["telephone"] == "+420 800 100 100"
    assert listed["Poradna Ústí"]["@type"] == "Organization"


def test_directory_shows_review_info(client, home, footer):
    directory = factories.HelpPointDirectoryPageFactory(parent=home, owner_team="Tým kontaktů")
    soup = BeautifulSoup(client.get(directory.url).content, "html.parser")
    assert "Tým kontaktů" in soup.select_one(".review-info").get_text()


def test_help_point_is_translatable_with_place_details_synchronised(db):
    from wagtail_localize.fields import get_translatable_fields

    fields = {
        field.field_name: field.is_translated(None) for field in get_translatable_fields(HelpPoint)
    }
    assert fields["name"] and fields["opening_hours"] and fields["note"]
    assert not fields["municipality"] and not fields["phone"] and not fields["region"]


def test_directory_query_count_does_not_grow_with_help_points(client, directory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(directory.url, {"obec": "usti"}).status_code == 200
        return len(queries)

    factories.HelpPointFactory.create_batch(5)
    client.get(directory.url)  # warm the per-process caches (site root, locales)
    few = count()
    factories.HelpPointFactory.create_batch(30)
    client.get(directory.url)  # new help points retire the cached frame: warm it again
    assert count() == few


def test_admin_export_has_the_same_columns_as_the_public_one(admin_client, directory):
    """The staff's spreadsheet of help points, like the public export, keeps the note."""
    factories.HelpPointFactory(name="Poradna", note="Pomáhá rodinám s dětmi")
    response = admin_client.get("/admin/snippets/home/helppoint/?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert "Pomáhá rodinám s dětmi" in rows[1]
    assert len(rows[0]) == len(help_point_data.FIELDS)
