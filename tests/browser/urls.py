"""The portal's URLs plus uploaded media, for the browser tests only.

With DEBUG off (as in the test settings) Django serves no media: in production the web server
in front of it does. The browser loads the demo's listing images, so the live server serves
MEDIA_ROOT here, read at request time because the tests point it at a temporary folder.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from portal.urls import urlpatterns as portal_urlpatterns


def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", media),
    *portal_urlpatterns,
]
