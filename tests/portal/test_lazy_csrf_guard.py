"""No template of a page that may be cached for everyone writes a CSRF token into it.

A token in a shared copy would be one reader's token served to all (and Django's CSRF cookie
would be set on a cached response). Forms on such pages use {% lazy_csrf_token %}, which
leaves the field for static/js/site.js to fill per visit. The page cache refuses to store a
page that called {% csrf_token %} anyway (portal.caching.page_cache); this guard keeps the
cacheable pages cacheable, in the manner of foundation.mozilla.org's template check.
"""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# The templates that public, cacheable pages are made of: the frame, the content pages, the
# bulletin's archive and every include and block they may pull in.
CACHEABLE = [
    "base.html",
    "404.html",
    "home",
    "blocks",
    "includes",
    "newsletter/bulletin_page.html",
    "newsletter/bulletin_index_page.html",
    "newsletter/includes",
    "newsletter/blocks",
    "contact/includes",
]
CSRF_TOKEN_TAG = re.compile(r"{%-?\s*csrf_token\s*-?%}")


def _templates():
    for name in CACHEABLE:
        path = TEMPLATES / name
        yield from sorted(path.rglob("*.html")) if path.is_dir() else [path]


def test_the_guard_reads_the_templates():
    names = {path.relative_to(TEMPLATES).as_posix() for path in _templates()}
    assert "base.html" in names
    assert "includes/footer.html" in names
    assert "newsletter/includes/signup_form.html" in names
    assert len(names) > 30


@pytest.mark.parametrize(
    "path", list(_templates()), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_no_csrf_token_on_a_cacheable_page(path):
    assert not CSRF_TOKEN_TAG.search(path.read_text()), (
        f"{path.relative_to(TEMPLATES)} uses {{% csrf_token %}}: use {{% lazy_csrf_token %}}"
    )


def test_the_pattern_catches_every_spelling():
    for spelling in ("{% csrf_token %}", "{%csrf_token%}", "{%- csrf_token -%}"):
        assert CSRF_TOKEN_TAG.search(spelling)
    assert not CSRF_TOKEN_TAG.search("{% lazy_csrf_token %}")
