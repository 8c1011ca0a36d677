"""Due dates count working days: no weekends, no Czech public holidays, no waiting time."""

from datetime import date

import pytest

from contact.workflow.deadlines import add_working_days, is_working_day, resumed_due_date
from contact.workflow.deadlines import working_days_between as between


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2026, 11, 25), 1, date(2026, 11, 26)),  # Wednesday to Thursday
        (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday: the weekend does not count
        (date(2026, 11, 28), 1, date(2026, 11, 30)),  # sent on a Saturday
        (date(2026, 11, 25), 10, date(2026, 12, 9)),  # two working weeks
        (date(2026, 11, 16), 1, date(2026, 11, 18)),  # 17 November is a public holiday
        (date(2026, 12, 22), 3, date(2026, 12, 29)),  # Christmas Eve to St Stephen's and a weekend
        (date(2026, 12, 31), 1, date(2027, 1, 4)),  # New Year's Day, then a weekend
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # Good Friday and Easter Monday
        (date(2026, 7, 3), 1, date(2026, 7, 7)),  # Cyril and Methodius, Jan Hus (Sunday, Monday)
        (date(2026, 11, 25), 0, date(2026, 11, 25)),
    ],
)
def test_due_dates_skip_weekends_and_czech_public_holidays(start, days, due):
    assert add_working_days(start, days) == due


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 11, 25), True),
        (date(2026, 11, 28), False),  # Saturday
        (date(2026, 9, 28), False),  # St Wenceslas
        (date(2026, 10, 28), False),  # Independent Czechoslovak State Day
        (date(2026, 5, 8), False),  # Liberation Day
        (date(2026, 12, 23), True),
    ],
)
def test_working_days(day, working):
    assert is_working_day(day) is working


def test_working_days_between_counts_after_the_start_up_to_the_end():
    assert between(date(2026, 11, 27), date(2026, 11, 30)) == 1
    assert between(date(2026, 11, 30), date(2026, 11, 30)) == 0
    assert between(date(2026, 12, 21), date(2026, 12, 31)) == 6


def test_waiting_for_the_requester_moves_the_due_date_by_the_working_days_waited():
    # Waited Tuesday 1 to Friday 4 December: three working days.
    assert resumed_due_date(date(2026, 12, 9), date(2026, 12, 1), date(2026, 12, 4)) == date(
        2026, 12, 14
    )
    # Waiting over a weekend only costs nothing.
    assert resumed_due_date(date(2026, 12, 9), date(2026, 12, 5), date(2026, 12, 6)) == date(
        2026, 12, 9
    )


def test_waiting_over_easter_and_christmas_costs_only_the_working_days_waited():
    # Easter 2027: Good Friday 26 March and Easter Monday 29 March, with the weekend between.
    assert between(date(2027, 3, 25), date(2027, 3, 30)) == 1
    assert add_working_days(date(2027, 3, 25), 2) == date(2027, 3, 31)
    # Christmas 2026: 24 to 26 December are holidays, the 26th and 27th a weekend.
    assert between(date(2026, 12, 23), date(2026, 12, 28)) == 1
    assert resumed_due_date(date(2026, 12, 23), date(2026, 12, 23), date(2026, 12, 28)) == date(
        2026, 12, 28
    )


def test_no_days_to_add_and_no_days_waited_change_nothing():
    # A Saturday start with nothing to add stays on the Saturday, not the next Monday.
    assert add_working_days(date(2026, 11, 28), 0) == date(2026, 11, 28)
    # A pause that ends before it began waited no working days.
    assert between(date(2026, 12, 4), date(2026, 12, 1)) == 0
