"""Response headers as Mozilla's HTTP Observatory grades them, on every public page."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

PUBLIC_URLS = ["/", "/hledat/?q=bydleni", "/odber/", "/sitemap.xml", "/robots.txt", "/neni/"]


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.strip().split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_carry_a_strict_content_security_policy(client, home, footer, url):
    response = client.get(url)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_carry_the_other_security_headers(client, home, footer, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()", "payment=()"):
        assert feature in permissions
    assert len(response["X-Request-ID"]) == 32


def test_the_admin_keeps_working_under_its_own_policy(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "a@mpsv.example", "x" * 16)
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert not any(source.startswith("http") for values in policy.values() for source in values), (
        "no third-party host, even in the admin"
    )


@override_settings(SECURE_HTTPS=True)
def test_https_sites_ask_browsers_to_upgrade_requests(client, home):
    assert "upgrade-insecure-requests" in client.get("/")["Content-Security-Policy"]


def test_uploaded_documents_cannot_run_script_on_the_site(client, home):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents import get_document_model

    document = get_document_model()(
        title="Zpráva",
        file=SimpleUploadedFile("zprava.txt", b"<script>alert(1)</script>"),
    )
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    # Wagtail's own policy for served documents: nothing in them may load or run.
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_document_and_image_uploads_refuse_html_and_svg(settings):
    for extension in ("html", "htm", "svg", "js", "xhtml"):
        assert extension not in settings.WAGTAILDOCS_EXTENSIONS
        assert extension not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024


def test_cookies_are_httponly_and_same_site(client, home, footer):
    response = client.get("/")
    csrf = response.cookies["csrftoken"]
    assert csrf["samesite"] == "Lax"
    from django.conf import settings

    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600
