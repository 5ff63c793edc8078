"""Properties of the SEN2 rules over random records: they never raise, and the fast checker
(guards, generated code) finds exactly what the careful one (every rule, one by one) finds."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.core.identifiers import is_valid_upn
from opensend.returns.sen2.records import (
    ActivePlans,
    Assessment,
    Header,
    NamedPlan,
    Person,
    PlacementDetail,
    PlanDetail,
    Request,
    SenNeed,
)
from opensend.returns.sen2.rules import Checker
from opensend.returns.sen2.rules.person import upn_ok
from tests.returns.sen2.rules_support import ULN_B, UPN_A, UPN_D

# Values that sit on the rules' edges, and some that are simply wrong.
POOL = [
    "",
    "",
    "",
    *"YNAWHMFRL0123459",
    "y",
    " Y",
    "ASD",
    "DS",
    "NSA",
    "OTH",
    "NEET",
    "NIEO",
    "EYP",
    "WBRI",
    "UN1",
    "UN2",
    "XXX",
    "383",
    "384",
    "999",
    "107000",
    "10001234",
    "١٢٣٤٥٦",
    "2000-01-01",
    "2014-05-06",
    "2019-09-01",
    "2024-12-31",
    "2025-01-01",
    "2025-01-16",
    "2025-06-20",
    "2026-01-15",
    "2026-02-15",
    "2025-02-30",
    "20250101",
    "2025-1-1",
    "２０２５-01-01",
    "2026-02-02T09:30:00",
    UPN_A,
    UPN_D,
    UPN_A.lower(),
    ULN_B,
    "LS1 4AP",
]
values = st.one_of(st.sampled_from(POOL), st.text(max_size=12))
lines = st.integers(min_value=0, max_value=10_000)


def record(cls: type, **children: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    fields = {
        f.name: values
        for f in dataclasses.fields(cls)
        if f.type == "str" and f.name not in children
    }
    return st.builds(cls, line=lines, **fields, **children)


plan_details = record(PlanDetail)
named_plans = record(NamedPlan, plan_details=st.lists(plan_details, max_size=3))
assessments = record(Assessment, named_plan=st.none() | named_plans)
active_plans = record(
    ActivePlans,
    placements=st.lists(record(PlacementDetail), max_size=3),
    needs=st.lists(record(SenNeed), max_size=3),
)
requests = record(
    Request,
    assessment=st.none() | assessments,
    active_plans=st.none() | active_plans,
)
persons = record(Person, requests=st.lists(requests, max_size=3))
headers = record(Header)


@settings(max_examples=300, deadline=None)
@given(
    header=headers,
    people=st.lists(persons, min_size=1, max_size=4),
    year=st.sampled_from([None, 2025, 2026]),
)
def test_the_fast_checker_finds_what_the_careful_one_finds(
    header: Header, people: list[Person], year: int | None
) -> None:
    fast, careful = Checker(header, year=year), Checker(header, year=year)
    careful._fast = careful._slow  # every rule, guards ignored
    assert fast.check_header() == careful.check_header()
    for person in people:
        found = fast.check_person(person)
        assert found == careful.check_person(person)
        assert not any("could not apply" in problem.message for problem in found)
    assert fast.finish() == careful.finish()


@given(st.text(alphabet="ABCDEFGHJKLMNPQRTUVWXYZ0123456789 io", min_size=12, max_size=14))
def test_the_fast_upn_check_agrees_with_the_register(upn: str) -> None:
    assert upn_ok(upn) == (is_valid_upn(upn) and upn == upn.strip().upper() and " " not in upn)


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_every_upn_with_its_check_letter_is_ok(body: int) -> None:
    from opensend.core.identifiers import upn_check_letter

    digits = f"{body:012d}"
    assert upn_ok(upn_check_letter(digits) + digits)
