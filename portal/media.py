"""Uploaded images served by the web process, for `make run` and `make serve` only.

In production the proxy or a bucket serves media (docs/deployment.md); `SERVE_MEDIA` turns
this view on where there is none, so that the demo shows its images. Only Wagtail's image
folders are served: documents live under MEDIA_ROOT too, and they must go through Wagtail's
document view, which applies their collection's privacy (WAGTAILDOCS_SERVE_METHOD).
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

PUBLIC_FOLDERS = ("images/", "original_images/")


@require_safe
def serve_media(request, path):
    # Normalised first, as serve() will: "images/../documents/x.pdf" is a document.
    path = posixpath.normpath(path).lstrip("/")
    if not settings.SERVE_MEDIA or not path.startswith(PUBLIC_FOLDERS):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    # A rendition's name changes with its image; an original is replaced under a new name.
    response["Cache-Control"] = "public, max-age=86400"
    return response
