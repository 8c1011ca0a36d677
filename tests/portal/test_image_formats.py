"""Every image format editors may upload is one the installed libraries can read and resize.

pillow-heif is kept out of the environment (pyproject.toml's override: it held 7.4 MiB in
every web worker for HEIC, a format WAGTAILIMAGES_EXTENSIONS does not accept). These tests
fail if a format is accepted that nothing installed can open, or if the library comes back.
"""

import io
import sys

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

PILLOW_FORMATS = {"gif": "GIF", "jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}


def _picture(extension: str) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), (200, 30, 30)).save(buffer, PILLOW_FORMATS[extension])
    return buffer.getvalue()


def test_the_heif_plugin_is_neither_installed_nor_loaded():
    with pytest.raises(ImportError):
        __import__("pillow_heif")
    assert "pillow_heif" not in sys.modules


def test_heic_is_not_accepted_since_nothing_could_read_it():
    assert "heic" not in settings.WAGTAILIMAGES_EXTENSIONS


@pytest.mark.django_db
@pytest.mark.parametrize("extension", settings.WAGTAILIMAGES_EXTENSIONS)
def test_each_accepted_format_uploads_and_resizes(extension):
    upload = SimpleUploadedFile(f"obrazek.{extension}", _picture(extension))
    cleaned = WagtailImageField().clean(upload)
    image = get_image_model().objects.create(title="Obrázek", file=cleaned)
    rendition = image.get_rendition("width-20")
    assert rendition.width == 20
