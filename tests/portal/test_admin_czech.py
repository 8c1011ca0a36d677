"""A Czech editor's admin is Czech: no view an editor uses shows one of Wagtail's or
wagtail-localize's English interface strings (their cs catalogues' gaps are filled in
locale/upstream/cs)."""

import contextlib
import importlib.util
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
import wagtail
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.pages.models import ArticlePage, SectionPage
from home.taxonomy.models import Topic

pytestmark = pytest.mark.django_db

SITE = Path(wagtail.__file__).resolve().parent.parent
# Names, and words Czech shares with English: they read the same in both.
ALLOWED = {
    "wagtail",
    "wagtail localize",
    "english",
    "čeština",
    "email",
    "e-mail",
    "slug",
    "url",
    "import",
    "alias",
    "port",
    "minimum",
    "maximum",
    "token",
    "instance",
    "wagtail api v2",
    "wagtail api v3",
    "wagtail routablepage",
}
# Not from a catalogue, so no translation can reach them (Wagtail's to fix):
# Wagtail's shared/headers/_actions.html hard-codes <nav aria-label="Actions">, and the side
# panel's hidden counter prints Python's None before its script fills it in.
UNTRANSLATABLE = {"actions", "none"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sd]|\{\w*\}")
TAG = re.compile(r"<[^>]+>")


def _installed_catalogues(language):
    apps = [app.split(".") for app in settings.INSTALLED_APPS if app.startswith("wagtail")]
    paths = []
    for parts in apps:
        folder = SITE.joinpath(*parts) / "locale" / language / "LC_MESSAGES"
        paths += sorted(folder.glob("*.po"))
    return paths


def _normal(text):
    return " ".join(text.split()).casefold().rstrip(":").strip()


@cache
def english():
    """Wagtail's English msgids: the exact ones, and patterns for those with placeholders
    (each part between HTML tags on its own, as it reaches a text node)."""
    czech = set()  # what a Czech catalogue says differently from English (its msgstr)
    for path in _installed_catalogues("cs") + sorted(
        Path(settings.BASE_DIR, "locale").glob("**/cs/LC_MESSAGES/*.po")
    ):
        for entry in polib.pofile(str(path)):
            forms = [entry.msgstr, *entry.msgstr_plural.values()]
            czech.update(
                _normal(f) for f in forms if f and f not in (entry.msgid, entry.msgid_plural)
            )
    exact, patterns = set(), set()
    for path in _installed_catalogues("en"):
        for entry in polib.pofile(str(path)):
            for msgid in filter(None, [entry.msgid, entry.msgid_plural]):
                for part in TAG.split(msgid):
                    text = _normal(part)
                    literal = PLACEHOLDER.sub("", text)
                    if len(re.findall(r"[a-z]", literal)) < 4 or text in czech | ALLOWED:
                        continue
                    if PLACEHOLDER.search(text):
                        pieces = PLACEHOLDER.split(text)
                        patterns.add(".+".join(re.escape(p) for p in pieces))
                    else:
                        exact.add(text)
    combined = re.compile("|".join(f"(?:{p})" for p in sorted(patterns)))
    return exact, combined


class VisibleText(HTMLParser):
    """Text nodes, title/aria-label/placeholder attributes and the capitalised strings of
    JSON props (the sidebar, StreamField's block definitions), not scripts or styles."""

    ATTRIBUTES = {"title", "aria-label", "placeholder"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self._skip = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.texts += [value for name, value in attrs.items() if name in self.ATTRIBUTES and value]
        if tag in {"script", "style"}:
            self._skip = "json" if "json" in (attrs.get("type") or "") else tag

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._skip = None

    def handle_data(self, data):
        if self._skip == "json":
            with contextlib.suppress(ValueError):
                self.texts += [s for s in _json_strings(json.loads(data)) if s[:1].isupper()]
        elif self._skip is None:
            self.texts.append(data)


def _json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def english_strings(html):
    parser = VisibleText()
    parser.feed(html)
    return english_in(parser.texts)


def english_in(texts):
    """Those of the texts that are one of Wagtail's English msgids."""
    exact, patterns = english()
    found = set()
    for text in texts:
        # Each part of "Dashboard - Wagtail" (the <title>) on its own too.
        for part in {text, *text.split(" - ")}:
            normal = _normal(part)
            if normal in ALLOWED | UNTRANSLATABLE or not re.search(r"[a-z]{2}", normal):
                continue
            if normal in exact or patterns.fullmatch(normal):
                found.add(" ".join(part.split()))
    return found


@pytest.fixture
def czech_editor(client, shared_demo_site, django_user_model):
    """An editor of Wagtail's Editors group and the demo's editors and reviewers, whose admin
    language is Czech."""
    user = django_user_model.objects.create_user(
        "cesky-redaktor", password="x" * 16, is_staff=True, first_name="Jana"
    )
    for name in ["Editors", "Editoři", "Metodici - kontrola"]:
        user.groups.add(Group.objects.get(name=name))
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(
        preferred_language="cs"
    )
    client.force_login(user)
    return user


def _editor_views(home):
    czech = Locale.objects.get(language_code="cs")
    english_locale = Locale.objects.get(language_code="en")
    article = ArticlePage.objects.filter(locale=czech).live().first()
    translated = ArticlePage.objects.filter(locale=english_locale).first()
    in_review = ArticlePage.objects.filter(locale=czech, live=False).first()
    section = SectionPage.objects.filter(locale=czech).first()
    document = get_document_model().objects.first()
    image = get_image_model().objects.first()
    topic = Topic.objects.filter(locale=czech).first()
    topics = Topic.snippet_viewset
    views = {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore", args=[home.pk]),
        "explorer (root)": reverse("wagtailadmin_explore_root"),
        "page edit": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "page create": reverse("wagtailadmin_pages:add", args=["home", "articlepage", section.pk]),
        "page history": reverse("wagtailadmin_pages:history", args=[article.pk]),
        "page search": reverse("wagtailadmin_pages:search") + "?q=bydlení",
        "snippet list": reverse(topics.get_url_name("list")),
        "snippet edit": reverse(topics.get_url_name("edit"), args=[topic.pk]),
        "documents": reverse("wagtaildocs:index"),
        "document edit": reverse("wagtaildocs:edit", args=[document.pk]),
        "images": reverse("wagtailimages:index"),
        "image edit": reverse("wagtailimages:edit", args=[image.pk]),
        "report: locked pages": reverse("wagtailadmin_reports:locked_pages"),
        "report: workflows": reverse("wagtailadmin_reports:workflow"),
        "report: workflow tasks": reverse("wagtailadmin_reports:workflow_tasks"),
        "report: site history": reverse("wagtailadmin_reports:site_history"),
        "account": reverse("wagtailadmin_account"),
    }
    if in_review is not None:  # the demo's draft waiting for the methodologists
        views["page edit (in review)"] = reverse("wagtailadmin_pages:edit", args=[in_review.pk])
    if translated is not None:
        views["translation editor"] = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    return views


def test_an_editors_admin_has_no_english_interface_string(client, czech_editor, shared_demo_site):
    found = {}
    for name, url in _editor_views(shared_demo_site).items():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="cs")
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
        strings = english_strings(response.content.decode())
        if strings:
            found[name] = sorted(strings)
    distinct = {s for strings in found.values() for s in strings}
    report = "\n".join(f"  {name}: {strings}" for name, strings in found.items())
    assert not distinct, f"{len(distinct)} English interface strings in the Czech admin:\n{report}"


def test_the_detector_finds_english(client, czech_editor, shared_demo_site):
    """The check above can fail: the same views in English are full of Wagtail's msgids."""
    UserProfile.objects.filter(user=czech_editor).update(preferred_language="en")
    response = client.get(reverse("wagtailadmin_home"))
    assert {"Dashboard", "Pages"} <= english_strings(response.content.decode())


# Strings of Wagtail's and wagtail-localize's JavaScript (StreamField, autosave, the
# translation editor) that editors meet, with their Czech.
JS_STRINGS = {
    "wagtailadmin_javascript_catalog": {
        "Insert a block": "Vložit blok",
        "Collapse all": "Sbalit vše",
        "Delete": "Smazat",
        "Dashboard": "Nástěnka",
        "Autosave in progress…": "Probíhá automatické ukládání…",
    },
    "wagtail_localize:javascript_catalog": {
        "Delete": "Smazat",
        "Publish in ": "Zveřejnit: ",
        "Stop Synced translation": "Zastavit synchronizovaný překlad",
    },
}


@pytest.mark.parametrize("url_name", sorted(JS_STRINGS))
def test_the_javascript_catalogues_are_czech(client, czech_editor, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    catalogue = json.loads(
        re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S).group(1)
    )
    for msgid, czech in JS_STRINGS[url_name].items():
        assert catalogue.get(msgid) == czech, msgid


def test_the_gap_fills_keep_the_upstream_headers_and_placeholders():
    for domain in ["django", "djangojs"]:
        po = polib.pofile(
            str(Path(settings.BASE_DIR, f"locale/upstream/cs/LC_MESSAGES/{domain}.po"))
        )
        assert po.metadata["Language"] == "cs"
        assert po.metadata["Plural-Forms"].startswith("nplurals=4;")
        for entry in po:
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if not text:
                    continue
                source = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
                assert set(PLACEHOLDER.findall(text)) <= source, entry.msgid
            if not entry.msgid_plural:
                assert set(PLACEHOLDER.findall(entry.msgstr)) == set(
                    PLACEHOLDER.findall(entry.msgid)
                ), entry.msgid


@pytest.mark.parametrize(
    ("msgid", "czech"),
    [
        ("Locales", "Jazyky"),  # not "Místní nastavení"
        ("Delete", "Smazat"),  # not "Zrušit" (cancel)
        ("Dashboard", "Nástěnka"),
        ("Live", "Zveřejněno"),  # the project's word, not "Publikováno"
        ("Published", "Zveřejněno"),
        ("Publish", "Zveřejnit"),
        ("Add %(model_name)s", "Přidat: %(model_name)s"),  # no declension needed
        ("Submit to %(workflow_name)s", "Odeslat ke schválení: %(workflow_name)s"),
    ],
)
def test_wrong_upstream_translations_are_overridden(msgid, czech):
    with translation.override("cs"):
        assert translation.gettext(msgid) == czech


def test_time_spans_read_after_pred():
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    def simple(when):
        return timesince_simple(when).replace("\xa0", " ")  # Django keeps "34 minutami" whole

    with translation.override("cs"):
        now = timezone.now()
        assert simple(now - timedelta(minutes=34)) == "před 34 minutami"
        assert simple(now - timedelta(hours=1, minutes=5)) == "před 1 hodinou"
        assert simple(now - timedelta(days=3)) == "před 3 dny"
        assert simple(now) == "právě teď"


def test_the_gap_finder_finds_no_gap():
    """Every msgid of the installed Wagtail apps' and wagtail-localize's en catalogues has a
    Czech translation (upstream's or locale/upstream's)."""
    script = Path(settings.BASE_DIR, "locale/upstream/find_gaps.py")
    spec = importlib.util.spec_from_file_location("find_gaps", script)
    find_gaps = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(find_gaps)
    gaps = [
        (domain, entry.msgid)
        for domain in ["django", "djangojs"]
        for _app, entry in find_gaps.gaps(domain)
    ]
    assert not gaps, f"{len(gaps)} untranslated: {gaps[:20]}"


ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)


def _translation_editor_comments(html):
    """The comments under the segments of wagtail-localize's editor (its React props)."""
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', html)
    assert match, "no translation editor on the page"
    import html as html_module

    props = json.loads(html_module.unescape(match.group(1)))
    return [
        segment["comment"]
        for segment in props["initialStringTranslations"]
        if segment.get("comment")
    ]


def test_the_translation_editor_dates_a_translation_in_czech(
    client, czech_editor, shared_demo_site
):
    """wagtail-localize wrote "Přeloženo ručně 2 December 2026" (strftime's English month);
    the project formats it as Django's date filter does (home/editorial/translation_dates.py)."""
    import datetime

    from django.utils import timezone
    from wagtail_localize.models import StringTranslation

    translated = ArticlePage.objects.filter(locale__language_code="en").first()
    strings = StringTranslation.objects.filter(
        locale=translated.locale, context__object_id=translated.translation_key
    )
    assert strings.exists()
    when = timezone.make_aware(datetime.datetime(2026, 12, 2, 10, 30))
    strings.update(
        updated_at=when, translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, tool_name=""
    )
    response = client.get(
        reverse("wagtailadmin_pages:edit", args=[translated.pk]), HTTP_ACCEPT_LANGUAGE="cs"
    )
    assert response.status_code == 200
    comments = _translation_editor_comments(response.content.decode())
    assert comments
    assert set(comments) == {"Přeloženo ručně 2. prosince 2026"}
    assert not [comment for comment in comments if ENGLISH_MONTHS.search(comment)]

    # And in English for an editor whose admin is English.
    UserProfile.objects.filter(user=czech_editor).update(preferred_language="en")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    assert set(_translation_editor_comments(response.content.decode())) == {
        "Translated manually on Dec. 2, 2026"
    }
