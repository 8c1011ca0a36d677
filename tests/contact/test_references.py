"""Reference numbers: SB-<year>-<five digits>, sequential per year, never shared."""

import threading
import time

import pytest
from django.db import connection, transaction

from contact.models import ReferenceCounter
from contact.workflow.references import format_reference, next_reference

pytestmark = pytest.mark.django_db

# A year no other test uses: the concurrency tests commit from their own connections.
CONCURRENT_YEAR = 2101


def test_references_are_sequential_within_a_year_and_start_again_in_the_next():
    assert [next_reference(2026) for _ in range(3)] == [
        "SB-2026-00001",
        "SB-2026-00002",
        "SB-2026-00003",
    ]
    assert next_reference(2027) == "SB-2027-00001"
    assert next_reference(2026) == "SB-2026-00004"


def test_the_format_is_human_friendly():
    assert format_reference(2026, 42) == "SB-2026-00042"
    assert format_reference(2026, 123456) == "SB-2026-123456"


def test_a_rolled_back_transaction_gives_its_number_back():
    next_reference(2026)
    with pytest.raises(RuntimeError), transaction.atomic():
        next_reference(2026)
        raise RuntimeError("the inquiry could not be saved")
    assert next_reference(2026) == "SB-2026-00002"


def run_at_once(take_number, workers=2, hold=0.3):
    """Each worker opens a transaction on its own connection, takes a number at the same
    moment as the others and keeps its transaction open a while before committing."""
    barrier = threading.Barrier(workers)
    taken, errors = [], []

    def work():
        try:
            with transaction.atomic():
                barrier.wait(timeout=10)
                taken.append(take_number())
                time.sleep(hold)
        except Exception as error:  # a worker's failure is the test's to report
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return taken, errors


def naive_next_reference(year):
    """What the counter would be without its lock: read, think, write."""
    counter, _created = ReferenceCounter.objects.get_or_create(year=year)
    number = counter.last_number + 1
    time.sleep(0.1)
    ReferenceCounter.objects.filter(year=year).update(last_number=number)
    return format_reference(year, number)


def in_own_connection(work):
    """Run work committed on a connection of its own (this test's connection would hold its
    row locks until the test ends, and the workers would wait for it)."""

    def run():
        try:
            work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=10)


@pytest.fixture
def concurrent_year():
    def clean():
        ReferenceCounter.objects.filter(year=CONCURRENT_YEAR).delete()

    in_own_connection(clean)
    yield CONCURRENT_YEAR
    in_own_connection(clean)


@pytest.mark.postgres_only
def test_two_transactions_at_once_never_share_a_number(concurrent_year):
    taken, errors = run_at_once(lambda: next_reference(concurrent_year), workers=2)
    assert errors == []
    assert sorted(taken) == ["SB-2101-00001", "SB-2101-00002"]


@pytest.mark.postgres_only
def test_many_transactions_at_once_get_consecutive_numbers(concurrent_year):
    taken, errors = run_at_once(lambda: next_reference(concurrent_year), workers=6, hold=0.05)
    assert errors == []
    assert sorted(taken) == [format_reference(CONCURRENT_YEAR, n) for n in range(1, 7)]


@pytest.mark.postgres_only
def test_the_harness_catches_a_counter_without_a_lock(concurrent_year):
    """The tests above can fail: the same race against an unlocked counter shares a number."""
    in_own_connection(lambda: ReferenceCounter.objects.create(year=CONCURRENT_YEAR))
    taken, errors = run_at_once(lambda: naive_next_reference(concurrent_year), workers=2)
    assert errors == []
    assert len(taken) == 2 and taken[0] == taken[1]
