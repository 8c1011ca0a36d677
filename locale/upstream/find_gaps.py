"""List the msgids of Wagtail's and wagtail-localize's English catalogues that their Czech
catalogues leave untranslated (or that this directory does not fill yet).

    .venv/bin/python locale/upstream/find_gaps.py [--all] [--domain django|djangojs]

A msgid counts as translated when the compiled cs catalogue of an installed app (same domain),
Django's own, or locale/upstream/cs translates it (Django merges them all into one catalogue).
"""

import argparse
import sys
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
SITE = Path(polib.__file__).resolve().parent
# The apps of INSTALLED_APPS that ship catalogues (portal/settings/base.py).
APPS = [
    "wagtail_localize",
    "wagtail_localize/locales",
    "wagtail/contrib/forms",
    "wagtail/contrib/redirects",
    "wagtail/contrib/settings",
    "wagtail/embeds",
    "wagtail/sites",
    "wagtail/users",
    "wagtail/snippets",
    "wagtail/documents",
    "wagtail/images",
    "wagtail/search",
    "wagtail/admin",
    "wagtail/locales",
    "wagtail",
]
# wagtail_localize.locales stands in for wagtail.locales, which is not installed: its views and
# templates (and msgids) are used, its catalogue is not loaded.
NOT_LOADED = {"wagtail/locales"}


def key(entry):
    return (entry.msgctxt, entry.msgid)


def translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def catalogue(path):
    return polib.pofile(str(path)) if path.exists() else []


def compiled(path):
    """What Django reads: the .mo beside a .po (an app's .po can be newer than its .mo)."""
    mo = path.with_suffix(".mo")
    return polib.mofile(str(mo)) if mo.exists() else catalogue(path)


def gaps(domain, include_filled=False):
    done = set()
    sources = [
        SITE / app / "locale" / "cs" / "LC_MESSAGES" / f"{domain}.po"
        for app in APPS
        if app not in NOT_LOADED
    ]
    if domain == "django":
        sources.append(SITE / "django" / "conf" / "locale" / "cs" / "LC_MESSAGES" / "django.po")
    for path in sources:
        done.update(key(e) for e in compiled(path) if translated(e))
    filled = {
        key(e) for e in catalogue(HERE / "cs" / "LC_MESSAGES" / f"{domain}.po") if translated(e)
    }
    seen = set()
    for app in APPS:
        for entry in catalogue(SITE / app / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"):
            k = key(entry)
            if entry.obsolete or not entry.msgid or k in done or k in seen:
                continue
            if k in filled and not include_filled:
                continue
            seen.add(k)
            yield app, entry


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--domain", choices=["django", "djangojs"])
    parser.add_argument("--all", action="store_true", help="also list the gaps filled here")
    args = parser.parse_args()
    total = 0
    for domain in [args.domain] if args.domain else ["django", "djangojs"]:
        for app, entry in gaps(domain, args.all):
            total += 1
            ctx = f" [{entry.msgctxt}]" if entry.msgctxt else ""
            plural = f" | {entry.msgid_plural!r}" if entry.msgid_plural else ""
            sys.stdout.write(f"{domain}\t{app}{ctx}\t{entry.msgid!r}{plural}\n")
    sys.stderr.write(f"{total} untranslated\n")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
