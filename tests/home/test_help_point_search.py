"""The help-point directory searches with the site search's analysis: inflected, unaccented
and stop-worded place and service names find their points, on both databases."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from home.help_points.models import HelpPoint, help_points_in
from home.help_points.search import search_words
from home.search.models import SearchSynonym
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


@pytest.fixture
def directory(home, footer):
    return factories.HelpPointDirectoryPageFactory(parent=home)


@pytest.fixture
def points(db):
    return [
        factories.HelpPointFactory(name="Kontaktní místo Ústí", municipality="Ústí nad Labem"),
        factories.HelpPointFactory(
            name="Poradna pro bydlení",
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
        factories.HelpPointFactory(
            name="Sociální odbor Plzeň",
            kind="municipality",
            municipality="Plzeň",
            district="Plzeň-město",
            region="plzensky",
        ),
    ]


def names(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(h.get_text() for h in soup.select(".help-point h3"))


def test_saving_keeps_the_folded_words_and_stems_of_name_and_place(db):
    point = factories.HelpPointFactory(name="Poradna Brno", municipality="Brno", district="Brno")
    words = point.search_words.split()
    assert {"poradna", "brno", "poradn", "brn"} <= set(words)
    assert point.search_words.startswith(" ") and point.search_words.endswith(" ")
    assert len(words) == len(set(words))


@pytest.mark.parametrize("typed", ["Brně", "v Brně", "BRNE", "brnem", "Brna"])
def test_an_inflected_town_finds_its_points(client, directory, points, typed):
    assert names(client, directory.url, obec=typed) == ["Město Brno"]


@pytest.mark.parametrize("typed", ["Plzni", "v plzni", "Plzně"])
def test_a_stem_that_changes_inside_still_matches(client, directory, points, typed):
    # Plzeň / Plzni / Plzně: the stem, not a shared beginning, links them.
    assert names(client, directory.url, obec=typed) == ["Sociální odbor Plzeň"]


@pytest.mark.parametrize("typed", ["poradnu", "poradny", "Poradně v Ústí nad Orlicí"])
def test_an_inflected_service_name_finds_its_point(client, directory, points, typed):
    assert names(client, directory.url, obec=typed) == ["Poradna pro bydlení"]


def test_every_word_must_match(client, directory, points):
    assert names(client, directory.url, obec="poradnu v Brně") == []
    assert names(client, directory.url, obec="Plzeň Brno") == []


def test_typing_the_beginning_of_a_place_still_finds_it(client, directory, points):
    assert names(client, directory.url, obec="ústí nad lab") == ["Kontaktní místo Ústí"]


def test_stop_words_alone_do_not_list_every_point(client, directory, points):
    # "v" is no longer required, but a query of stop words only is searched as typed.
    assert names(client, directory.url, obec="v") == []


def test_a_synonym_editors_manage_applies(client, directory, points):
    SearchSynonym.objects.create(forms="OSPOD, sociální odbor", locale=Locale.get_default())
    assert names(client, directory.url, obec="ospod v Plzni") == ["Sociální odbor Plzeň"]


def test_an_other_language_directory_still_reads_czech_place_names(db, points):
    english = Locale.objects.get_or_create(language_code="en")[0]
    factories.HelpPointFactory(
        name="Housing advice centre", municipality="Brno", district="Brno-město", locale=english
    )
    found = help_points_in(english.pk, place="in Brně", language="en")
    assert [point.name for point in found] == ["Housing advice centre"]
    found = help_points_in(english.pk, place="advice centres", language="en")
    assert [point.name for point in found] == ["Housing advice centre"]


def test_the_stored_words_match_what_the_search_computes(db, points):
    for point in HelpPoint.objects.select_related("locale"):
        assert point.search_words == search_words(
            point.name, point.municipality, point.district, point.locale.language_code
        )
