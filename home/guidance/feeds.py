"""RSS and Atom feeds of an audience entry point, filtered by topic as its listing is."""

from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from home.guidance.forms import TopicFilterForm
from home.pages.feeds import FEED_SIZE, _GuidanceFeed


class AudienceRssFeed(_GuidanceFeed):
    def get_object(self, request, landing):
        form = TopicFilterForm(request.GET or None, list(landing.topics()))
        # A listing shows everything with a note; a feed has nowhere to put the note.
        if form.is_bound and not form.is_valid():
            raise Http404
        self.landing = landing
        self.topic = form.selected_topic()
        return landing

    def title(self, landing):
        if self.topic is not None:
            return _("%(page)s: %(topic)s") % {"page": landing.title, "topic": self.topic.name}
        return landing.title

    def description(self, landing):
        return landing.intro or landing.title

    def link(self, landing):
        url = landing.get_url(request=self.request)
        return url + (f"?topic={self.topic.slug}" if self.topic else "")

    def feed_url(self, landing):
        return self.request.get_full_path()

    def items(self, landing):
        return landing.articles(self.topic)[:FEED_SIZE]


class AudienceAtomFeed(AudienceRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, landing):
        return self.description(landing)
