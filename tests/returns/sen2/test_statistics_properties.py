"""Properties of the statistics over random returns: counts add up, bands sum to their
denominator, percentages lie in 0..100, nobody is counted twice in the caseload."""

import datetime as dt
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opensend.returns.sen2.frames import frames_from_persons
from opensend.returns.sen2.records import (
    ActivePlans,
    Assessment,
    NamedPlan,
    Person,
    PlacementDetail,
    Request,
    SenNeed,
)
from opensend.returns.sen2.settings_lookup import SETTING_COLUMNS
from opensend.returns.sen2.statistics import measures
from tests.returns.sen2.sen2_builders import CENSUS, LOOKUP

days = st.dates(dt.date(2015, 1, 1), dt.date(2025, 1, 16)).map(dt.date.isoformat)
maybe_day = st.one_of(st.just(""), days, st.just("2024-02-30"))
flag = st.sampled_from(["", "0", "1", "Y"])

named_plans = st.builds(
    NamedPlan,
    start_date=days,
    cease_date=st.one_of(st.just(""), days),
    cease_reason=st.sampled_from(["", "1", "5", "9", "X"]),
    pb=flag,
    dp=st.sampled_from(["", "E", "I", "Q"]),
)
assessments = st.builds(
    Assessment,
    assessment_outcome=st.sampled_from(["Y", "N", "A", "W", "H", ""]),
    assessment_outcome_date=maybe_day,
    week20=flag,
    named_plan=st.one_of(st.none(), named_plans),
)
placements = st.builds(
    PlacementDetail,
    urn=st.sampled_from(["", "100001", "100002", "999999"]),
    sen_setting=st.sampled_from(["", "OLA", "NIEO", "EHE"]),
    placement_rank=st.sampled_from(["1", "2"]),
    entry_date=days,
    leaving_date=maybe_day,
    res=st.sampled_from(["", "A", "B"]),
    wbp=st.sampled_from(["", "S", "T"]),
)
active_plans = st.builds(
    ActivePlans,
    placements=st.lists(placements, max_size=2),
    needs=st.lists(
        st.builds(
            SenNeed, sen_type=st.sampled_from(["ASD", "DS", "XX"]), sen_type_rank=st.just("1")
        ),
        max_size=1,
    ),
    review_meeting=maybe_day,
    last_review=maybe_day,
    review_outcome=st.sampled_from(["", "A", "C", "M"]),
)
requests = st.builds(
    Request,
    received_date=maybe_day,
    request_outcome=st.sampled_from(["Y", "N", "A", "W", "H", ""]),
    request_outcome_date=maybe_day,
    rya=flag,
    request_mediation=flag,
    request_tribunal=flag,
    assessment=st.one_of(st.none(), assessments),
    active_plans=st.one_of(st.none(), active_plans),
)
people = st.builds(
    Person,
    person_birth_date=st.one_of(
        st.dates(dt.date(1998, 1, 1), dt.date(2024, 1, 1)).map(dt.date.isoformat), st.just("")
    ),
    sex=st.sampled_from(["M", "F", ""]),
    ethnicity=st.sampled_from(["WBRI", "AMPK", "ZZZZ", ""]),
    requests=st.lists(requests, max_size=3),
)


def numbers(table, column):
    return [int(value) for value in table[column].to_list()]


def first(table, column):
    return int(table[column][0])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(people, max_size=25))
def test_counts_add_up(persons):
    frames = frames_from_persons(persons, reference_date=CENSUS, la_code="383")
    tables = measures(frames, LOOKUP)

    caseload = tables["caseload"]
    live = first(caseload, "ehcplans")
    assert live <= len(persons)  # one plan per person at most
    for row in caseload.iter_rows(named=True):
        assert sum(int(row[column]) for column in SETTING_COLUMNS) == int(row["ehcplans"])
    for topic in caseload["breakdown_topic"].unique().to_list():
        assert (
            sum(numbers(caseload.filter(caseload["breakdown_topic"] == topic), "ehcplans")) == live
        )

    requests = tables["requests"]
    parts = [
        "requests_decided_to_assess",
        "requests_decided_not_to_assess",
        "requests_decision_not_made",
        "requests_withdrawn",
    ]
    for row in requests.iter_rows(named=True):
        assert sum(int(row[p]) for p in parts) == int(row["requests_received_in_year"])

    timeliness = tables["timeliness_20_week"]
    bands = [
        "plans_issued_within_20_weeks",
        "plans_issued_gt20weeks_ltYear",
        "plans_issued_gt_1_year",
    ]
    for row in timeliness.iter_rows(named=True):
        assert sum(int(row[b]) for b in bands) == int(row["plans_issued_den"])
        excluding = ["plans_issued_20_weeks_ex", *[f"{b}_ex" for b in bands[1:]]]
        assert sum(int(row[b]) for b in excluding) == int(row["plans_issued_den_ex"])

    reviews = tables["annual_reviews"]
    for row in reviews.iter_rows(named=True):
        outcomes = ["outcome_amend", "outcome_cease", "outcome_maintan", "no_outcome"]
        assert sum(int(row[o]) for o in outcomes) == int(row["total_review_meeting"])

    for name, table in tables.items():
        for column in table.columns:
            if column.lower().endswith("_pc") or column.lower().startswith("pc_"):
                for value in table[column].to_list():
                    assert value == "x" or 0 <= float(value) <= 100, (name, column, value)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(people, max_size=25))
def test_tables_are_the_same_whatever_the_order_of_the_people(persons):
    """Frames list people and requests in order, which makes the statistics' joins faster;
    out of order (each person's own rows kept in order), the tables are the same."""
    frames = frames_from_persons(persons, reference_date=CENSUS, la_code="383")
    reordered = replace(
        frames,
        **{
            name: getattr(frames, name).sort("person_id", descending=True, maintain_order=True)
            for name in ("persons", "requests", "plan_details", "placements", "needs")
        },
    )
    expected = measures(frames, LOOKUP)
    for name, table in measures(reordered, LOOKUP).items():
        assert table.equals(expected[name]), name
