from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _


class BulletinFeed(Feed):
    """RSS of the issues sent so far, in the archive's language."""

    title = _("Social housing bulletin")
    description = _("Issues of the social housing bulletin (Zpravodaj).")

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return self.index_page.url

    def items(self):
        return self.index_page.sent_issues().order_by("-issue_date", "-pk")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        from django.utils.html import strip_tags

        return strip_tags(item.intro)

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at
