"""A small valid SEN2 return for the rule tests (synthetic people), and helpers to check it.

Four persons, each with known record lines so a test can assert where a problem points:
- A (line 10): a plan from before the period (H records) live on the census date, reviewed.
- B (line 100): a request in the period, assessed, plan issued; a young person with a ULN.
- C (line 200): an open request (no decision yet), no UPN yet (UN2).
- D (line 300): a plan from before the period that ceased in the period.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from opensend.core.identifiers import make_uln, make_upn
from opensend.returns.sen2.records import (
    ActivePlans,
    Assessment,
    Header,
    NamedPlan,
    Person,
    PlacementDetail,
    PlanDetail,
    Problem,
    Request,
    SenNeed,
)
from opensend.returns.sen2.validate import validate_records

UPN_A = make_upn(383, 2001, 19, 1)
UPN_D = make_upn(383, 2001, 19, 2)
ULN_B = make_uln(123456789) or ""


def header(year: int = 2026) -> Header:
    reference = {2025: "2025-01-16", 2026: "2026-01-15"}[year]
    return Header(
        year=str(year),
        reference_date=reference,
        lea="383",
        software_code="OpenSEND",
        release="1.0",
        serial_no="001",
        date_time=f"{year}-02-02T09:30:00",
        dmo="Y",
        dco="N",
        dsco="R",
        line=2,
    )


def person_a(year: int) -> Person:
    """A plan made before the period (H), live on the census date, reviewed in the period."""
    y = year - 1
    return Person(
        surname="Testperson",
        forename="Ava",
        person_birth_date=f"{y - 11}-05-06",
        sex="F",
        ethnicity="WBRI",
        post_code="LS1 4AP",
        upn=UPN_A,
        line=10,
        requests=[
            Request(
                request_outcome="H",
                line=20,
                assessment=Assessment(
                    assessment_outcome="H",
                    line=30,
                    named_plan=NamedPlan(
                        start_date=f"{y - 4}-03-01",
                        plan_details=[
                            PlanDetail(
                                urn="107000",
                                placement_rank="1",
                                sen_unit_indicator="0",
                                resourced_provision_indicator="0",
                                line=45,
                            )
                        ],
                        pb="0",
                        line=40,
                    ),
                ),
                active_plans=ActivePlans(
                    placements=[
                        PlacementDetail(
                            urn="107000",
                            placement_rank="1",
                            entry_date=f"{y - 4}-09-01",
                            sen_unit_indicator="0",
                            resourced_provision_indicator="0",
                            line=55,
                        )
                    ],
                    needs=[SenNeed("ASD", "1", line=60), SenNeed("SLCN", "2", line=62)],
                    review_meeting=f"{y}-06-10",
                    last_review=f"{y}-06-20",
                    review_outcome="M",
                    line=50,
                ),
            )
        ],
    )


def person_b(year: int) -> Person:
    """A request in the period, assessed, plan issued: a young person (17) with a ULN."""
    y = year - 1
    return Person(
        surname="Examplename",
        forename="Ben",
        person_birth_date=f"{y - 17}-01-10",
        sex="M",
        ethnicity="MWBC",
        unique_learner_number=ULN_B,
        line=100,
        requests=[
            Request(
                received_date=f"{y}-02-03",
                request_source="1",
                rya="0",
                request_outcome_date=f"{y}-03-10",
                request_outcome="Y",
                request_mediation="0",
                request_tribunal="0",
                line=110,
                assessment=Assessment(
                    assessment_outcome="Y",
                    assessment_outcome_date=f"{y}-06-20",
                    assessment_mediation="0",
                    assessment_tribunal="0",
                    other_mediation="0",
                    other_tribunal="0",
                    week20="0",
                    line=120,
                    named_plan=NamedPlan(
                        start_date=f"{y}-06-20",
                        plan_details=[PlanDetail(ukprn="10001234", placement_rank="1", line=135)],
                        pb="1",
                        oa="0",
                        dp="E",
                        line=130,
                    ),
                ),
                active_plans=ActivePlans(
                    placements=[
                        PlacementDetail(
                            ukprn="10001234", placement_rank="1", entry_date=f"{y}-09-01", line=145
                        )
                    ],
                    needs=[SenNeed("SEMH", "1", line=150)],
                    line=140,
                ),
            )
        ],
    )


def person_c(year: int) -> Person:
    """An open request: no decision yet; a young child with no UPN yet."""
    y = year - 1
    return Person(
        surname="Sampleton",
        forename="Cara",
        person_birth_date=f"{y - 4}-07-01",
        sex="F",
        ethnicity="AIND",
        upn_unknown="UN2",
        line=200,
        requests=[
            Request(
                received_date=f"{y}-11-03",
                request_source="3",
                rya="0",
                request_outcome="A",
                line=210,
            )
        ],
    )


def person_d(year: int) -> Person:
    """A plan from before the period that ceased in it (needs met), last placement ended."""
    y = year - 1
    return Person(
        surname="Madeup",
        forename="Dev",
        person_birth_date=f"{y - 16}-01-10",
        sex="M",
        ethnicity="BAFR",
        upn=UPN_D,
        line=300,
        requests=[
            Request(
                request_outcome="H",
                line=310,
                assessment=Assessment(
                    assessment_outcome="H",
                    line=320,
                    named_plan=NamedPlan(
                        start_date=f"{y - 6}-01-01",
                        plan_details=[PlanDetail(urn="107001", placement_rank="1", line=335)],
                        cease_date=f"{y}-07-20",
                        cease_reason="2",
                        line=330,
                    ),
                ),
                active_plans=ActivePlans(
                    placements=[
                        PlacementDetail(
                            urn="107001",
                            placement_rank="1",
                            entry_date=f"{y - 6}-09-01",
                            leaving_date=f"{y}-07-20",
                            line=345,
                        )
                    ],
                    needs=[SenNeed("MLD", "1", line=350)],
                    review_meeting=f"{y}-05-01",
                    last_review=f"{y}-05-20",
                    review_outcome="C",
                    line=340,
                ),
            )
        ],
    )


@dataclass
class Return:
    """A return in memory, with short names for the records tests change."""

    header: Header
    persons: list[Person]
    year: int

    @property
    def a(self) -> Person:
        return self.persons[0]

    @property
    def b(self) -> Person:
        return self.persons[1]

    @property
    def c(self) -> Person:
        return self.persons[2]

    @property
    def d(self) -> Person:
        return self.persons[3]

    def problems(self) -> list[Problem]:
        return validate_records(self.header, self.persons, year=self.year)


def valid_return(year: int = 2026) -> Return:
    persons = [person_a(year), person_b(year), person_c(year), person_d(year)]
    return Return(header(year), copy.deepcopy(persons), year)


def request(person: Person) -> Request:
    return person.requests[0]


def assessment(person: Person) -> Assessment:
    found = person.requests[0].assessment
    assert found is not None
    return found


def plan(person: Person) -> NamedPlan:
    found = assessment(person).named_plan
    assert found is not None
    return found


def active(person: Person) -> ActivePlans:
    found = person.requests[0].active_plans
    assert found is not None
    return found
