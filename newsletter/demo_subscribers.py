"""Demo bulletin subscribers, so that the editors' chart of subscribers over time has a story.

They are made with the model, never through the sign-up service: the demo sends no
confirmation e-mail. Every address is at a domain reserved for examples (RFC 2606), so
nothing could reach a person even if an issue were sent from the demo. The dates count back
from the moment the demo is loaded (the chart shows the last twelve weeks from today), drawn
from a fixed seed. They are one set, looked up by address first: loading the demo again adds
nothing.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone, translation

from home.taxonomy.models import Topic

from .forms import PRIVACY_NOTICE
from .models import Subscriber
from .models.subscribers import address_key

SEED = 20261120
# Sign-ups over the last half year, more of them lately (the bulletin is catching on).
HISTORY_DAYS = 182
CONFIRMED = 42
UNSUBSCRIBED = 5
PENDING = 2
DOMAINS = ("example.com", "example.org", "example.net")

CZECH_PEOPLE = [
    ("jana", "novakova"),
    ("petr", "svoboda"),
    ("lucie", "dvorakova"),
    ("tomas", "cerny"),
    ("eva", "prochazkova"),
    ("martin", "kucera"),
    ("hana", "vesela"),
    ("jiri", "horak"),
    ("katerina", "nemcova"),
    ("pavel", "marek"),
    ("marie", "pospisilova"),
    ("jan", "hajek"),
    ("veronika", "kralova"),
    ("lukas", "jelinek"),
    ("alena", "ruzickova"),
    ("michal", "benes"),
    ("zuzana", "fialova"),
    ("david", "sedlacek"),
    ("tereza", "dolezalova"),
    ("ondrej", "zeman"),
    ("barbora", "kolarova"),
    ("jakub", "navratil"),
    ("monika", "cermakova"),
    ("vojtech", "urban"),
    ("petra", "vanekova"),
    ("filip", "blaha"),
    ("simona", "kristova"),
    ("roman", "kopecky"),
    ("ivana", "holubova"),
    ("radek", "konecny"),
    ("klara", "mala"),
    ("milan", "stepanek"),
]
# Municipal offices and non-profits sign up with a shared mailbox.
CZECH_MAILBOXES = [
    "socialni.odbor.lhota",
    "bytovy.odbor.horni.ves",
    "podatelna.mestys.brezina",
    "socialni.prace.dolni.lhota",
    "nno.domov.pro.vsechny",
    "poradna.bydleni.sever",
    "komunitni.centrum.jih",
    "obec.zahradky",
]
ENGLISH_PEOPLE = [
    ("anna", "smith"),
    ("james", "brown"),
    ("sofia", "garcia"),
    ("olena", "kovalenko"),
    ("mark", "taylor"),
    ("laura", "wilson"),
    ("andrii", "shevchenko"),
    ("emma", "clarke"),
    ("daniel", "murphy"),
    ("maria", "rossi"),
]
# Every fifth subscriber reads the English site.
ENGLISH_EVERY = 5


@dataclass(frozen=True)
class DemoSubscriber:
    email: str
    language: str
    status: str
    signed_up: datetime
    source: str
    topics: tuple[int, ...]
    confirmed: datetime | None = None
    unsubscribed: datetime | None = None


def demo_subscribers(now: datetime) -> list[DemoSubscriber]:
    """The same people every time; only the dates move with `now`."""
    rng = random.Random(SEED)  # noqa: S311 - repeatable demo data, not a secret
    czech = [f"{first}.{last}" for first, last in CZECH_PEOPLE] + CZECH_MAILBOXES
    english = [f"{first}.{last}" for first, last in ENGLISH_PEOPLE]
    rng.shuffle(czech)
    rng.shuffle(english)
    total = CONFIRMED + UNSUBSCRIBED + PENDING
    # Days ago, oldest first and skewed towards today (a power of a uniform number piles
    # up near zero).
    ages = sorted((rng.random() ** 1.5 * HISTORY_DAYS for _ in range(total)), reverse=True)
    # Some of those who confirmed left again; not among the newest, who have hardly begun.
    leaving = set(rng.sample(range(total - PENDING - 5), UNSUBSCRIBED))
    people = []
    for index, age in enumerate(ages):
        language = "en" if index % ENGLISH_EVERY == ENGLISH_EVERY - 1 else "cs"
        local = (english if language == "en" else czech).pop()
        signed_up = now - timedelta(days=age, minutes=rng.randrange(24 * 60))
        person = {
            "email": f"{local}@{DOMAINS[index % len(DOMAINS)]}",
            "language": language,
            "signed_up": signed_up,
            "source": rng.choice([Subscriber.Source.FOOTER] * 3 + [Subscriber.Source.PAGE]),
            "topics": tuple(sorted(rng.sample(range(5), rng.choice((0, 0, 1, 2))))),
        }
        confirmed = min(now, signed_up + timedelta(minutes=rng.randrange(3, 600)))
        if index >= total - PENDING:
            # The newest sign-ups have not clicked their confirmation link yet.
            people.append(DemoSubscriber(status=Subscriber.Status.PENDING, **person))
        elif index in leaving:
            gone = confirmed + (now - confirmed) * rng.uniform(0.3, 0.9)
            people.append(
                DemoSubscriber(
                    status=Subscriber.Status.UNSUBSCRIBED,
                    confirmed=confirmed,
                    unsubscribed=gone,
                    **person,
                )
            )
        else:
            people.append(
                DemoSubscriber(status=Subscriber.Status.CONFIRMED, confirmed=confirmed, **person)
            )
    return people


def build_demo_subscribers(home, log) -> list[str]:
    people = demo_subscribers(timezone.now())
    # One set: once any of them is there, nothing is added, so an unconfirmed sign-up that
    # the maintenance command purged does not come back with a new date.
    keys = [address_key(person.email) for person in people]
    if Subscriber.objects.filter(email_key__in=keys).exists():
        return []
    topics = {
        language: list(Topic.objects.filter(locale__language_code=language).order_by("pk"))
        for language in ("cs", "en")
    }
    for person in people:
        _create(person, topics[person.language])
    log(f"  created {len(people)} demo bulletin subscribers")
    return [f"subscriber {person.email}" for person in people]


def _create(person: DemoSubscriber, topics) -> Subscriber:
    with translation.override(person.language):
        consent_text = str(PRIVACY_NOTICE)
        # The footer form sits on every page; the home page stands for them here.
        page = (
            reverse("newsletter:subscribe")
            if person.source == Subscriber.Source.PAGE
            else reverse("wagtail_serve", args=[""])
        )
    subscriber = Subscriber.objects.create(
        email=person.email,
        language=person.language,
        status=person.status,
        source=person.source,
        consent_text=consent_text,
        consent_at=person.signed_up,
        consent_page=page,
        consent_language=person.language,
        confirmation_sent_at=person.signed_up,
        confirmed_at=person.confirmed,
        unsubscribed_at=person.unsubscribed,
    )
    subscriber.topics.set([topics[index] for index in person.topics if index < len(topics)])
    # The row's own timestamps say when the person signed up, as a real sign-up's would.
    last_change = person.unsubscribed or person.confirmed or person.signed_up
    Subscriber.objects.filter(pk=subscriber.pk).update(
        created_at=person.signed_up, updated_at=last_change
    )
    return subscriber
