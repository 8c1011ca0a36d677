"""E-mails are built from templates in the recipient's language, with CSS inlined."""

from portal.mail import absolute_url, inline_css


def test_absolute_urls_use_the_public_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://socialnibydleni.example"
    assert absolute_url("/zpravodaj/") == "https://socialnibydleni.example/zpravodaj/"
    settings.WAGTAILADMIN_BASE_URL = "https://socialnibydleni.example/"
    assert absolute_url("en/") == "https://socialnibydleni.example/en/"


def test_css_is_inlined_for_mail_clients():
    html = "<html><head><style>p { color: red; }</style></head><body><p>x</p></body></html>"
    inlined = inline_css(html)
    assert '<p style="color: red;">x</p>' in inlined
    assert "<style>" not in inlined
