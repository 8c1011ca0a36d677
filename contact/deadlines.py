"""Due dates in working days: weekends and Czech public holidays do not count, and the clock
stops while the contact centre waits for the requester."""

from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=32)
def public_holidays(year: int) -> frozenset[date]:
    import holidays  # a few MiB of calendars, loaded by the first due date a process works out

    return frozenset(holidays.country_holidays("CZ", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days after start (start itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after start up to and including end."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def due_date(received_on: date, response_days: int) -> date:
    return add_working_days(received_on, response_days)


def resumed_due_date(due: date, paused_on: date, today: date) -> date:
    """The due date after a pause: moved on by the working days spent waiting."""
    return add_working_days(due, working_days_between(paused_on, today))
