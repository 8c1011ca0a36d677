"""sitemap.xml with every language's pages and, for each, its real translations."""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import F, Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.pages.querysets import published

# An alias of a page in another language shows untranslated text: not a page of its own.
MIRRORED_ALIAS = Q(alias_of__isnull=False) & ~Q(alias_of__locale_id=F("locale_id"))


class MultilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        in_a_home = reduce(or_, (Q(path__startswith=home.path) for home in homes))
        pages = (
            published(Page.objects.filter(in_a_home))
            .exclude(MIRRORED_ALIAS)
            .select_related("locale")
            .order_by("locale__language_code", "path")
        )
        pages = list(pages)
        self._alternates = defaultdict(dict)
        for page in pages:
            url = page.get_full_url(self.request)
            page.sitemap_url = url
            self._alternates[page.translation_key][page.locale.language_code] = url
        return pages

    def _urls(self, page, protocol, domain):
        urls = []
        for page_object in self.paginator.page(page).object_list:
            alternates = self._alternates[page_object.translation_key]
            entry = {
                "item": page_object,
                "location": page_object.sitemap_url,
                "lastmod": page_object.last_published_at or page_object.latest_revision_created_at,
                "alternates": [],
            }
            if len(alternates) > 1:
                entry["alternates"] = [
                    {"lang_code": code, "location": url} for code, url in sorted(alternates.items())
                ]
            urls.append(entry)
        return urls
