"""GET filter forms of the guidance listings: they work without JavaScript and never fail.

A value the form does not know (an old link, a typo) is reported in words and ignored, so
the reader still sees a listing, never an error page.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class TopicFilterForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "We do not know the topic “%(value)s”. Everything for this audience is shown."
            )
        },
    )

    def __init__(self, data, topics):
        super().__init__(data)
        self.topics = {topic.slug: topic for topic in topics}
        self.fields["topic"].choices = [
            ("", _("All topics")),
            *((topic.slug, topic.name) for topic in topics),
        ]

    def selected_topic(self):
        if not self.is_valid():
            return None
        return self.topics.get(self.cleaned_data["topic"])
