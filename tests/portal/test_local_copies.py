"""Frame values and routes are kept in each process under the site generation's keys: read
without a round trip, as fresh as the shared cache's, never shared as objects."""

import pytest
from django.core.cache import cache, caches
from django.test import RequestFactory

from portal.caching import frame
from portal.caching.generation import bump_generation
from portal.caching.local_copies import LOCAL_ALIAS, get_versioned, set_versioned


class CountingReads:
    def __init__(self, monkeypatch):
        self.keys = []
        original = cache.get

        def get(key, default=None, version=None):
            self.keys.append(key)
            return original(key, default, version)

        monkeypatch.setattr(cache, "get", get)


def request():
    return RequestFactory().get("/")


def test_a_frame_value_is_read_from_the_shared_cache_once_per_process(monkeypatch):
    computed = []
    frame.frame_cached(request(), "menu", lambda: computed.append(1) or ["Metodika"])
    reads = CountingReads(monkeypatch)

    for _ in range(3):
        assert frame.frame_cached(request(), "menu", lambda: ["other"]) == ["Metodika"]

    assert computed == [1]
    assert [key for key in reads.keys if key.startswith("frame:")] == []


def test_a_value_another_process_stored_is_read_once_then_kept(monkeypatch):
    set_versioned("frame:1:menu", ["z jiného procesu"], 60)
    caches[LOCAL_ALIAS].clear()  # as if this process had never seen it
    reads = CountingReads(monkeypatch)
    assert get_versioned("frame:1:menu") == ["z jiného procesu"]
    assert get_versioned("frame:1:menu") == ["z jiného procesu"]
    assert reads.keys == ["frame:1:menu"]


def test_after_a_change_the_next_request_gets_the_new_value():
    frame.frame_cached(request(), "menu", lambda: ["Starý název"])
    bump_generation()  # what any publish does after its commit
    assert frame.frame_cached(request(), "menu", lambda: ["Nový název"]) == ["Nový název"]


def test_a_request_that_changes_its_copy_changes_no_other_requests():
    frame.frame_cached(request(), "menu", lambda: ["Metodika"])
    first = frame.frame_cached(request(), "menu", list)
    first.append("vloženo jedním požadavkem")
    assert frame.frame_cached(request(), "menu", list) == ["Metodika"]


def test_while_the_shared_cache_does_not_answer_nothing_is_kept(monkeypatch):
    monkeypatch.setattr(frame, "generation", lambda request=None: None)
    values = iter([["první"], ["druhý"]])
    assert frame.frame_cached(request(), "menu", lambda: next(values)) == ["první"]
    assert frame.frame_cached(request(), "menu", lambda: next(values)) == ["druhý"]
    assert len(caches[LOCAL_ALIAS]._cache) == 0


@pytest.mark.django_db
def test_while_the_shared_cache_does_not_answer_no_route_is_remembered(
    client, section, footer, monkeypatch
):
    from portal.caching import routes

    monkeypatch.setattr(routes, "generation", lambda request=None: None)
    assert client.get(section.url).status_code == 200
    assert client.get(section.url).status_code == 200
    assert not [key for key in caches[LOCAL_ALIAS]._cache if "route:" in key]


def test_the_copies_are_bounded():
    local = caches[LOCAL_ALIAS]
    limit = local._max_entries
    for number in range(limit + 50):
        set_versioned(f"frame:1:crumbs:{number}", ["a"] * 10, 60)
    assert len(local._cache) <= limit
