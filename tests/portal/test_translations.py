"""The interface speaks Czech and English: every template string has both translations."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]


def catalogue(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", ["cs", "en"])
def test_catalogue_translates_every_entry(language):
    po = catalogue(language)
    assert po.percent_translated() == 100, [entry.msgid for entry in po.untranslated_entries()]
    assert not po.fuzzy_entries()


KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
}
SOURCE_DIRS = ["portal", "home", "newsletter", "contact", "templates"]


def strings_in_the_code() -> dict[str, str]:
    """Every translatable string, found the way makemessages finds them.

    Templates go through Django's own templatize() (what makemessages feeds to xgettext);
    Python goes through Babel's extractor. No gettext install is needed.
    """
    import io

    from babel.messages.extract import extract_python
    from django.utils.translation.template import templatize

    found = {}
    for directory in SOURCE_DIRS:
        for path in sorted((ROOT / directory).rglob("*")):
            if path.suffix not in {".py", ".html", ".txt"} or "migrations" in path.parts:
                continue
            source = path.read_text(encoding="utf-8")
            if path.suffix != ".py":
                source = templatize(source, origin=str(path))
            for _line, function, message, _comments in extract_python(
                io.BytesIO(source.encode()), KEYWORDS.keys(), [], {}
            ):
                # pgettext's first argument is the context; the message is the second.
                if function.startswith("pgettext"):
                    msgid = message[1]
                else:
                    msgid = message[0] if isinstance(message, tuple) else message
                if msgid:
                    found[msgid] = str(path.relative_to(ROOT))
    return found


@pytest.mark.parametrize("language", ["cs", "en"])
def test_catalogue_has_every_string_of_the_code(language):
    known = {entry.msgid for entry in catalogue(language) if entry.translated()}
    missing = {msgid: where for msgid, where in strings_in_the_code().items() if msgid not in known}
    assert not missing, f"run `make messages-update` and translate: {missing}"


@pytest.mark.django_db
def test_czech_is_the_default_language(client, home):
    response = client.get("/")
    assert response["Content-Language"] == "cs"


def test_translated_strings_render_in_czech():
    with translation.override("cs"):
        assert translation.gettext("Search") == "Hledat"
        assert translation.gettext("search/") == "hledat/"


def test_english_catalogue_is_the_identity():
    """Message ids are English, so every English translation must equal its id (a fuzzy
    match carried over by msgmerge would otherwise put a wrong word on the English site)."""
    wrong = [
        entry.msgid
        for entry in catalogue("en")
        if (entry.msgstr_plural and entry.msgstr_plural != {0: entry.msgid, 1: entry.msgid_plural})
        or (not entry.msgid_plural and entry.msgstr != entry.msgid)
    ]
    assert not wrong
