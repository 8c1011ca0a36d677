"""Uploaded images are served where no proxy is (make run, make serve); documents never are."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "photo.width-800.webp").write_bytes(b"RIFF-webp")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "private.pdf").write_bytes(b"%PDF-secret")
    return tmp_path


@override_settings(SERVE_MEDIA=True)
def test_an_image_rendition_is_served(client, media_files):
    response = client.get("/media/images/photo.width-800.webp")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"RIFF-webp"


@override_settings(SERVE_MEDIA=True)
def test_a_document_file_is_never_served_past_wagtails_privacy(client, media_files):
    assert client.get("/media/documents/private.pdf").status_code == 404


@override_settings(SERVE_MEDIA=True)
@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../documents/private.pdf",
        "/media/images/%2e%2e/documents/private.pdf",
        "/media/images/",
    ],
)
def test_no_way_out_of_the_image_folders(client, media_files, path):
    assert client.get(path).status_code == 404


@override_settings(SERVE_MEDIA=False)
def test_off_in_production_by_default(client, media_files):
    assert client.get("/media/images/photo.width-800.webp").status_code == 404
