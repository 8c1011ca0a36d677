import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

django_application = get_wsgi_application()

# Imported once Django is set up: the layer reads the settings and the cache.
from portal.caching.early_hits import PageCacheHitsFirst  # noqa: E402

application = PageCacheHitsFirst(django_application)
