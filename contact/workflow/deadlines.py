"""Due dates in working days: weekends and Czech public holidays do not count, and the clock
stops while the contact centre waits for the requester."""

from datetime import date, timedelta
from functools import cache


@cache
def czech_calendar():
    """The Czech working-day calendar; it adds each year's holidays when first asked about it."""
    import holidays  # a few MiB of calendars, loaded by the first due date a process works out

    return holidays.CZ()


def is_working_day(day: date) -> bool:
    return czech_calendar().is_working_day(day)


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days after start (start itself does not count)."""
    if days <= 0:
        # get_nth_working_day(start, 0) would move a weekend start on to Monday; no days
        # to add means the start itself.
        return start
    return czech_calendar().get_nth_working_day(start, days)


def working_days_between(start: date, end: date) -> int:
    """Working days after start up to and including end."""
    if end <= start:
        # get_working_days_count swaps a reversed range instead of counting nothing.
        return 0
    return czech_calendar().get_working_days_count(start + timedelta(days=1), end)


def due_date(received_on: date, response_days: int) -> date:
    return add_working_days(received_on, response_days)


def resumed_due_date(due: date, paused_on: date, today: date) -> date:
    """The due date after a pause: moved on by the working days spent waiting."""
    return add_working_days(due, working_days_between(paused_on, today))
