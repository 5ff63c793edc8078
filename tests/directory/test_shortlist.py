"""The session shortlist and shared lists: order, limits, and reading whatever is stored."""

import uuid

from hypothesis import given
from hypothesis import strategies as st

from opensend.directory import shortlist

A, B, C = (uuid.UUID(int=n) for n in (1, 2, 3))


def test_adding_keeps_the_order_and_ignores_repeats():
    session = {}
    assert shortlist.add(session, A)
    assert shortlist.add(session, str(B))
    assert not shortlist.add(session, A)
    assert shortlist.ids(session) == [A, B]
    assert session[shortlist.SESSION_KEY] == [str(A), str(B)]
    assert shortlist.contains(session, B)
    assert not shortlist.contains(session, C)


def test_removing_and_emptying():
    session = {}
    shortlist.add(session, A)
    shortlist.add(session, B)
    assert shortlist.remove(session, A)
    assert not shortlist.remove(session, A)
    assert not shortlist.remove(session, "not an id")
    assert shortlist.ids(session) == [B]
    shortlist.remove(session, B)
    assert shortlist.SESSION_KEY not in session


def test_the_shortlist_holds_at_most_the_limit():
    session = {}
    for n in range(shortlist.LIMIT):
        assert shortlist.add(session, uuid.UUID(int=n + 10))
    assert shortlist.is_full(session)
    assert not shortlist.add(session, A)
    assert len(shortlist.ids(session)) == shortlist.LIMIT


def test_ids_that_are_not_ids_are_never_added():
    session = {}
    for bad in ("", "x", None, 12, "1" * 1000, "../etc"):
        assert not shortlist.add(session, bad)
    assert session == {}


def test_a_damaged_session_reads_as_what_can_be_understood():
    assert shortlist.ids({shortlist.SESSION_KEY: "not a list"}) == []
    assert shortlist.ids({shortlist.SESSION_KEY: [str(A), 7, None, "junk", str(A), str(B)]}) == [
        A,
        B,
    ]


def test_keep_only_drops_what_is_gone():
    session = {}
    for service in (A, B, C):
        shortlist.add(session, service)
    shortlist.keep_only(session, [C, A])
    assert shortlist.ids(session) == [A, C]


def test_a_shared_list_reads_back():
    value = shortlist.share_value([A, B, A, C])
    assert value == f"{A},{B},{C}"
    assert shortlist.parse_ids(value) == [A, B, C]
    assert shortlist.parse_ids(f" {A} ,, junk,{str(B).upper()}") == [A, B]
    assert shortlist.parse_ids(None) == []
    assert shortlist.parse_ids("") == []


def test_a_shared_list_is_capped():
    many = [uuid.UUID(int=n + 1) for n in range(shortlist.LIMIT + 20)]
    assert shortlist.parse_ids(",".join(map(str, many))) == many[: shortlist.LIMIT]


@given(st.text(max_size=3000))
def test_any_text_parses_to_a_short_list_of_distinct_ids(text):
    found = shortlist.parse_ids(text)
    assert len(found) <= shortlist.LIMIT
    assert len(set(found)) == len(found)
    assert all(isinstance(i, uuid.UUID) for i in found)


@given(st.lists(st.uuids(), max_size=80))
def test_share_and_parse_round_trip(ids):
    distinct = list(dict.fromkeys(ids))[: shortlist.LIMIT]
    assert shortlist.parse_ids(shortlist.share_value(ids)) == distinct


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 60)), max_size=150))
def test_adds_and_removes_keep_the_invariants(steps):
    session: dict = {}
    model: list[uuid.UUID] = []
    for adding, n in steps:
        service = uuid.UUID(int=n + 1)
        if adding:
            changed = shortlist.add(session, service)
            expect = service not in model and len(model) < shortlist.LIMIT
            if expect:
                model.append(service)
        else:
            changed = shortlist.remove(session, service)
            expect = service in model
            if expect:
                model.remove(service)
        assert changed == expect
        assert shortlist.ids(session) == model
        assert len(model) <= shortlist.LIMIT
