"""What a public form does with a submission that looks automated, and how often it happens.

A person can be faster than the time-trap (browser autofill and Enter take under a second) or
come back to a page left open overnight, so a submission the time-trap suspects is never
answered with a fake success: it gets a second, human step - the same form again, filled in as
sent, with one button to confirm. That step carries a token of its own (signed, dated); a
submission with a valid one at least SECOND_STEP_MIN_SECONDS old goes through, whatever the
time-trap says (a person reads one sentence and clicks; a program that wants to pass it has
to fetch, parse and wait, which it could have done for the time-trap itself).

Only the honeypot still gets the quiet treatment: the field is hidden from people and from
assistive technology and is never autofilled (autocomplete=off, tabindex=-1), so only a
program fills it in; a second step would just tell that program which field gave it away.

Every decision is counted per form and day in FormCheckOutcome (one statement, the same for
every submission, so the count adds nothing that could tell one address from another).
"""

import time

from django.core import signing
from django.db import connection
from django.utils import timezone

from .models import FormCheckOutcome

Outcome = FormCheckOutcome.Outcome

SECOND_STEP_FIELD = "second_step"
# A person on the second step reads one sentence and presses the one button.
SECOND_STEP_MIN_SECONDS = 1
SECOND_STEP_MAX_SECONDS = 24 * 3600
_SALT = "portal.form-checks.second-step"


def second_step_token(now: float | None = None) -> str:
    # In milliseconds: "at least a second" must not be met by crossing a second's boundary.
    return signing.dumps(int((now or time.time()) * 1000), salt=_SALT)


def _second_step_age(value: str, now: float | None = None) -> float | None:
    try:
        started = int(signing.loads(value, salt=_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return (now or time.time()) - started / 1000


def decide(form, now: float | None = None) -> str:
    """The path of a bound HumanCheckMixin form's submission (an Outcome value):

    HONEYPOT - answer as if it succeeded and do nothing;
    ASKED_TO_CONFIRM - show the second step (the form again, one button);
    ACCEPTED, CONFIRMED - go on: validate and act (count it once it is acted on).
    """
    reasons = form.spam_reasons()
    if "honeypot" in reasons:
        return Outcome.HONEYPOT
    step = form.data.get(SECOND_STEP_FIELD)
    if step:
        age = _second_step_age(step, now)
        if age is not None and SECOND_STEP_MIN_SECONDS <= age <= SECOND_STEP_MAX_SECONDS:
            return Outcome.CONFIRMED
        return Outcome.ASKED_TO_CONFIRM  # too quick even for the second step, or forged
    return Outcome.ASKED_TO_CONFIRM if reasons else Outcome.ACCEPTED


def record(form_name: str, outcome: str, day=None) -> None:
    """Count one outcome of one form today: a single upsert, whoever submitted what."""
    table = connection.ops.quote_name(FormCheckOutcome._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, form, outcome, count) VALUES (%s, %s, %s, 1) "  # noqa: S608 - the table name is ours
            f"ON CONFLICT (day, form, outcome) DO UPDATE SET count = {table}.count + 1",
            [day or timezone.localdate(), form_name, str(outcome)],
        )


def counts(form_name: str, day=None) -> dict[str, int]:
    """Today's (or a day's) counts of one form, by outcome."""
    rows = FormCheckOutcome.objects.filter(form=form_name, day=day or timezone.localdate())
    return dict(rows.values_list("outcome", "count"))
