"""The fixed vocabularies of the help-point directory, shared by its models and forms."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The fourteen regions (kraje); values are what ?kraj= carries in addresses.
REGIONS = [
    ("praha", _("Prague")),
    ("stredocesky", _("Central Bohemian Region")),
    ("jihocesky", _("South Bohemian Region")),
    ("plzensky", _("Plzeň Region")),
    ("karlovarsky", _("Karlovy Vary Region")),
    ("ustecky", _("Ústí nad Labem Region")),
    ("liberecky", _("Liberec Region")),
    ("kralovehradecky", _("Hradec Králové Region")),
    ("pardubicky", _("Pardubice Region")),
    ("vysocina", _("Vysočina Region")),
    ("jihomoravsky", _("South Moravian Region")),
    ("olomoucky", _("Olomouc Region")),
    ("zlinsky", _("Zlín Region")),
    ("moravskoslezsky", _("Moravian-Silesian Region")),
]


class HelpPointKind(models.TextChoices):
    HOUSING_CONTACT = "housing", _("Contact point for housing")
    MUNICIPALITY = "municipality", _("Municipality")
    NGO = "ngo", _("NGO partner")
