"""The fixed vocabularies of an inquiry: what kind, how it came, who asks, from where, and
where it stands. Labels are English message ids; the site shows them in Czech first."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    QUESTION = "question", _("question asking for advice")
    FEEDBACK = "feedback", _("feedback on the website's content")


class Channel(models.TextChoices):
    WEB = "web", _("web form")
    PHONE = "phone", _("phone")
    EMAIL = "email", _("e-mail")


class RequesterType(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    NGO = "ngo", _("non-profit organisation")
    PUBLIC = "public", _("member of the public")


class Region(models.TextChoices):
    PRAGUE = "praha", _("Prague")
    CENTRAL_BOHEMIA = "stredocesky", _("Central Bohemian Region")
    SOUTH_BOHEMIA = "jihocesky", _("South Bohemian Region")
    PLZEN = "plzensky", _("Plzeň Region")
    KARLOVY_VARY = "karlovarsky", _("Karlovy Vary Region")
    USTI = "ustecky", _("Ústí nad Labem Region")
    LIBEREC = "liberecky", _("Liberec Region")
    HRADEC_KRALOVE = "kralovehradecky", _("Hradec Králové Region")
    PARDUBICE = "pardubicky", _("Pardubice Region")
    VYSOCINA = "vysocina", _("Vysočina Region")
    SOUTH_MORAVIA = "jihomoravsky", _("South Moravian Region")
    OLOMOUC = "olomoucky", _("Olomouc Region")
    ZLIN = "zlinsky", _("Zlín Region")
    MORAVIA_SILESIA = "moravskoslezsky", _("Moravian-Silesian Region")


class Status(models.TextChoices):
    NEW = "new", _("new")
    IN_PROGRESS = "in_progress", _("in progress")
    WAITING = "waiting", _("waiting for the requester")
    ANSWERED = "answered", _("answered")
    CLOSED = "closed", _("closed")
    SPAM = "spam", _("spam")
    DUPLICATE = "duplicate", _("duplicate")
    REFERRED = "referred", _("referred elsewhere")


# Someone still owes the requester something; the due date runs (except while waiting).
OPEN_STATUSES = frozenset({Status.NEW, Status.IN_PROGRESS, Status.WAITING})
# Work on it is over; retention counts from the moment it got here.
FINISHED_STATUSES = frozenset({Status.ANSWERED, Status.CLOSED, Status.DUPLICATE, Status.REFERRED})

# Where each status may go next. Spam goes back to "new" when a person turns out to be real.
TRANSITIONS = {
    Status.NEW: {
        Status.IN_PROGRESS,
        Status.WAITING,
        Status.ANSWERED,
        Status.CLOSED,
        Status.SPAM,
        Status.DUPLICATE,
        Status.REFERRED,
    },
    Status.IN_PROGRESS: {
        Status.WAITING,
        Status.ANSWERED,
        Status.CLOSED,
        Status.SPAM,
        Status.DUPLICATE,
        Status.REFERRED,
    },
    Status.WAITING: {
        Status.IN_PROGRESS,
        Status.ANSWERED,
        Status.CLOSED,
        Status.DUPLICATE,
        Status.REFERRED,
    },
    Status.ANSWERED: {Status.IN_PROGRESS, Status.WAITING, Status.CLOSED},
    Status.CLOSED: {Status.IN_PROGRESS},
    Status.SPAM: {Status.NEW},
    Status.DUPLICATE: {Status.IN_PROGRESS, Status.CLOSED},
    Status.REFERRED: {Status.IN_PROGRESS, Status.CLOSED},
}


def allowed_next(status) -> list[Status]:
    """The statuses an inquiry in `status` may move to, in the order of the vocabulary."""
    allowed = TRANSITIONS.get(status, set())
    return [choice for choice in Status if choice in allowed]


# What the requester's status page says: less detail than staff see.
PUBLIC_STATUS = {
    Status.NEW: _("received"),
    Status.IN_PROGRESS: _("being worked on"),
    Status.WAITING: _("waiting for information from you"),
    Status.ANSWERED: _("answered"),
    Status.CLOSED: _("closed"),
    Status.DUPLICATE: _("closed"),
    Status.REFERRED: _("passed to someone better placed to answer"),
    Status.SPAM: _("received"),
}
