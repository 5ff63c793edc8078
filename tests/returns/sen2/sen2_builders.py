"""Small synthetic SEN2 returns for the statistics tests (invented people only)."""

from __future__ import annotations

import datetime as dt

from opensend.returns.sen2.records import (
    ActivePlans,
    Assessment,
    NamedPlan,
    Person,
    PlacementDetail,
    Request,
    SenNeed,
)
from opensend.returns.sen2.statistics import EstablishmentLookup

CENSUS = dt.date(2025, 1, 16)
LOOKUP = EstablishmentLookup(by_urn={"100001": "LA_MAINSTREAM", "100002": "ACADEMY_SPECIAL"})


def person(forename: str, born: str, sex: str, ethnicity: str, *requests: Request) -> Person:
    return Person(
        surname="Testperson",
        forename=forename,
        person_birth_date=born,
        sex=sex,
        ethnicity=ethnicity,
        upn_unknown="UN2",
        requests=list(requests),
    )


def small_return() -> list[Person]:
    """Six people whose every count is worked out by hand in test_statistics_small.py."""
    ann = person(
        "Ann",
        "2014-03-01",
        "F",
        "WBRI",
        Request(
            received_date="2024-02-01",
            request_outcome="Y",
            request_outcome_date="2024-03-01",
            rya="0",
            request_source="1",
            assessment=Assessment(
                assessment_outcome="Y",
                assessment_outcome_date="2024-06-01",
                week20="0",
                named_plan=NamedPlan(start_date="2024-06-01", pb="1", dp="E"),
            ),
            active_plans=ActivePlans(
                placements=[
                    PlacementDetail(urn="100001", placement_rank="1", entry_date="2024-06-01")
                ],
                needs=[SenNeed(sen_type="ASD", sen_type_rank="1")],
            ),
        ),
    )
    ben = person(
        "Ben",
        "2008-10-10",
        "M",
        "APKN",
        Request(
            request_outcome="H",
            assessment=Assessment(
                assessment_outcome="H", named_plan=NamedPlan(start_date="2019-05-01")
            ),
            active_plans=ActivePlans(
                placements=[
                    PlacementDetail(
                        sen_setting="OLA", placement_rank="1", entry_date="2019-05-01", res="B"
                    )
                ],
                needs=[SenNeed(sen_type="SEMH", sen_type_rank="1")],
                review_meeting="2024-05-01",
                last_review="2024-05-20",
                review_outcome="M",
                phase_transfer_due_date="2025-02-15",
            ),
        ),
    )
    cara = person(
        "Cara",
        "2016-01-01",
        "F",
        "REFU",
        Request(
            received_date="2024-03-01",
            request_outcome="N",
            request_outcome_date="2024-05-01",
            request_mediation="1",
            rya="0",
        ),
    )
    dan = person(
        "Dan",
        "2006-01-01",
        "M",
        "WOTH",
        Request(received_date="2024-11-01", request_outcome="A", rya="0"),
    )
    eve = person(
        "Eve",
        "2000-06-01",
        "F",
        "WBRI",
        Request(
            request_outcome="H",
            assessment=Assessment(
                assessment_outcome="H",
                named_plan=NamedPlan(
                    start_date="2015-01-01", cease_date="2024-07-31", cease_reason="4"
                ),
            ),
        ),
    )
    fay = person(
        "Fay",
        "2012-09-01",
        "F",
        "WBRI",
        Request(
            received_date="2023-09-01",
            request_outcome="Y",
            request_outcome_date="2023-10-01",
            rya="0",
            assessment=Assessment(assessment_outcome="N", assessment_outcome_date="2024-02-01"),
        ),
    )
    return [ann, ben, cara, dan, eve, fay]
