"""The footer is rendered once per language and site generation; each page fills in its own
sign-up source address, time-trap token and CSRF field."""

import pytest
from bs4 import BeautifulSoup
from django.core import signing

from portal.abuse import _SALT as TIME_TRAP_SALT
from portal.caching.fragments import CSRF_FIELD, FORM_STARTED, PAGE_PATH

pytestmark = pytest.mark.django_db


def footer_form(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("footer form.signup-form")


def test_each_page_gets_its_own_address_and_a_valid_fresh_time_trap(client, home, section, footer):
    forms = {url: footer_form(client.get(url)) for url in ("/", section.url)}
    for url, form in forms.items():
        assert form.select_one("[name=page_path]")["value"] == url
        token = form.select_one("[name=form_started]")["value"]
        assert isinstance(signing.loads(token, salt=TIME_TRAP_SALT), int)


def test_no_placeholder_is_left_in_a_page(client, home, section, footer):
    for url in ("/", section.url, "/", section.url):
        html = client.get(url).content.decode()
        for placeholder in (PAGE_PATH, FORM_STARTED, CSRF_FIELD):
            assert placeholder not in html


def test_the_footer_is_rendered_once_for_many_pages(client, home, section, footer):
    first = client.get("/")
    second = client.get(section.url)
    rendered_first = [template.name for template in first.templates]
    rendered_second = [template.name for template in second.templates]
    assert "includes/footer.html" in rendered_first
    assert "includes/footer.html" not in rendered_second
    assert "Kontaktní centrum projektu Podpora" in second.content.decode()
    assert footer_form(second) is not None


def test_an_address_with_markup_characters_is_escaped(client, home, footer):
    client.get("/")  # the shared footer exists before the odd address arrives
    response = client.get('/a"b<c>/')
    assert response.status_code == 404
    html = response.content.decode()
    assert 'value="/a&quot;b&lt;c&gt;/"' in html
    assert '/a"b<c>/' not in html


def test_without_the_page_cache_the_form_carries_a_real_csrf_token(client, home, footer, settings):
    settings.PAGE_CACHE_SECONDS = 0
    token = footer_form(client.get("/")).select_one("[name=csrfmiddlewaretoken]")["value"]
    assert len(token) >= 32


def test_with_the_page_cache_the_form_leaves_the_token_to_the_script(
    client, home, footer, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    field = footer_form(client.get("/")).select_one("[name=csrfmiddlewaretoken]")
    assert field["value"] == ""
    assert field.has_attr("data-csrf-token")


def test_an_edited_footer_shows_on_the_next_page(client, home, section, footer):
    client.get("/")
    footer.help_prompt = "Nenašli jste, co hledáte? Zeptejte se nás."
    footer.save()
    assert "Nenašli jste, co hledáte? Zeptejte se nás." in client.get(section.url).content.decode()
