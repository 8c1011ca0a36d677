"""GET filter forms of the help-point directory and signposts: they never fail.

A value the form does not know (an old link, a typo) is reported in words and ignored, so
the reader still sees a listing, never an error page.
"""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from home.help_points.choices import REGIONS, HelpPointKind
from home.search.analysis import clean_query


class HelpPointFilterForm(forms.Form):
    kraj = forms.ChoiceField(
        label=_("Region"),
        required=False,
        choices=[("", _("All regions")), *REGIONS],
        error_messages={
            "invalid_choice": _("We do not know the region “%(value)s”. All regions are shown.")
        },
    )
    druh = forms.ChoiceField(
        label=_("Kind of help point"),
        required=False,
        choices=[("", _("All kinds")), *HelpPointKind.choices],
        error_messages={
            "invalid_choice": _("We do not know the kind “%(value)s”. All kinds are shown.")
        },
    )
    obec = forms.CharField(
        label=_("Municipality or district, or a name"),
        required=False,
        max_length=100,
        help_text=_(
            "For example Ústí nad Labem, v Brně or poradna; accents, capitals and word endings"
            " do not matter."
        ),
        error_messages={"max_length": _("Type at most %(limit_value)d characters.")},
    )

    def criteria(self) -> dict:
        """The valid part of what was asked: a bad region does not throw away the place."""
        if self.is_bound:
            self.is_valid()
            data = getattr(self, "cleaned_data", {})
        else:
            data = {}
        return {
            "region": data.get("kraj", ""),
            "kind": data.get("druh", ""),
            "place": clean_query(data.get("obec", "")),
        }

    def query_string(self) -> str:
        """The filters in force, for pagination and export links."""
        criteria = self.criteria()
        pairs = [
            ("kraj", criteria["region"]),
            ("druh", criteria["kind"]),
            ("obec", criteria["place"]),
        ]
        return urlencode([(key, value) for key, value in pairs if value])


class RegionForm(forms.Form):
    kraj = forms.ChoiceField(
        label=_("Your region"),
        required=False,
        choices=[("", _("Choose a region")), *REGIONS],
        error_messages={"invalid_choice": _("We do not know the region “%(value)s”.")},
    )

    def region(self) -> str:
        return self.cleaned_data["kraj"] if self.is_valid() else ""
