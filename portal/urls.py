from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.frame import views as home_views
from home.frame.sitemaps import MultilingualSitemap
from portal.caching import routes
from portal.csrf import csrf_token
from portal.health import healthz, readyz
from portal.media import serve_media
from portal.password_reset import PasswordResetView

urlpatterns = [
    # Before Wagtail's own: the reset request is limited and mails from the task worker.
    path(
        "admin/password_reset/",
        PasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots-txt"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("csrf-token/", csrf_token, name="csrf-token"),
]

# Images for make run and make serve (SERVE_MEDIA); in production the proxy serves them.
urlpatterns.append(
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", serve_media, name="media")
)

# Czech lives at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("", include("home.urls")),
    path("", include("newsletter.urls")),
    path("", include("contact.urls")),
    # Wagtail's own views, with its page-serving view in front of the route cache.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, routes.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
