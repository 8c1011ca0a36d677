"""RSS and Atom feeds of the document library, with the same filters as the page."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from home.library.models import DocumentLibraryPage
from home.pages.querysets import published

FEED_SIZE = 30


class LibraryRssFeed(Feed):
    def __init__(self, library):
        super().__init__()
        self.library = library

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.form = self.library.filter_form(request)
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Social housing: %(title)s") % {"title": self.library.title}

    def description(self):
        return self.library.intro or self.title()

    def link(self):
        return self.library.get_url(request=self.request)

    def items(self):
        return self.library.filtered_documents(self.form)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return self.request.build_absolute_uri(item.url)

    def item_pubdate(self, item):
        return item.created_at

    def item_author_name(self, item):
        return item.author or None

    def item_enclosures(self, item):
        from django.utils.feedgenerator import Enclosure

        return [
            Enclosure(
                self.request.build_absolute_uri(item.url),
                str(item.file_size or 0),
                item.content_type,
            )
        ]


class LibraryAtomFeed(LibraryRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


def _library():
    library = published(DocumentLibraryPage.objects.filter(locale__language_code=get_language()))
    found = library.select_related("locale").first()
    if found is None:
        raise Http404
    return found


@require_safe
def rss(request):
    return LibraryRssFeed(_library())(request)


@require_safe
def atom(request):
    return LibraryAtomFeed(_library())(request)
