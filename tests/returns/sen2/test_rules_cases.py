"""Every SEN2 value rule: one change to a valid return that breaks it (asserting the rule id,
line, element and value of the problem) and one nearby change that does not."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from opensend.returns.sen2.records import (
    ActivePlans,
    PlacementDetail,
    PlanDetail,
    Request,
    SenNeed,
)
from opensend.returns.sen2.rules import RULES
from tests.returns.sen2.rules_support import (
    ULN_B,
    UPN_A,
    Return,
    active,
    assessment,
    plan,
    request,
    valid_return,
)

Mutation = Callable[[Return], Any]


def change(get: Callable[[Return], Any], **values: Any) -> Mutation:
    def mutate(r: Return) -> None:
        target = get(r)
        for name, value in values.items():
            setattr(target, name, value)

    return mutate


def both(*mutations: Mutation) -> Mutation:
    def mutate(r: Return) -> None:
        for mutation in mutations:
            mutation(r)

    return mutate


def H(r: Return) -> Any:
    return r.header


def A(r: Return) -> Any:
    return r.a


def B(r: Return) -> Any:
    return r.b


def C(r: Return) -> Any:
    return r.c


def D(r: Return) -> Any:
    return r.d


def req(get: Callable[[Return], Any]) -> Callable[[Return], Any]:
    return lambda r: request(get(r))


def ass(get: Callable[[Return], Any]) -> Callable[[Return], Any]:
    return lambda r: assessment(get(r))


def pln(get: Callable[[Return], Any]) -> Callable[[Return], Any]:
    return lambda r: plan(get(r))


def det(get: Callable[[Return], Any], index: int = 0) -> Callable[[Return], Any]:
    return lambda r: plan(get(r)).plan_details[index]


def act(get: Callable[[Return], Any]) -> Callable[[Return], Any]:
    return lambda r: active(get(r))


def plc(get: Callable[[Return], Any], index: int = 0) -> Callable[[Return], Any]:
    return lambda r: active(get(r)).placements[index]


def ned(get: Callable[[Return], Any], index: int = 0) -> Callable[[Return], Any]:
    return lambda r: active(get(r)).needs[index]


def add_live_plan_request(r: Return) -> None:
    second = copy.deepcopy(request(r.b))
    second.line = 80
    assessment_ = second.assessment
    assert assessment_ is not None
    assert assessment_.named_plan is not None
    assessment_.named_plan.line = 85
    r.a.requests.append(second)


def add_open_request(r: Return) -> None:
    second = copy.deepcopy(request(r.c))
    second.line = 220
    second.received_date = "2025-12-01"
    r.c.requests.append(second)


def add_plan_details(*details: PlanDetail) -> Mutation:
    return lambda r: plan(r.b).plan_details.extend(copy.deepcopy(list(details)))


def add_placement(placement: PlacementDetail) -> Mutation:
    return lambda r: active(r.a).placements.append(copy.deepcopy(placement))


def add_need(need: SenNeed) -> Mutation:
    return lambda r: active(r.a).needs.append(copy.deepcopy(need))


def many_other_sources(r: Return) -> None:
    for n in range(12):
        extra = copy.deepcopy(r.c)
        extra.line = 400 + n
        request(extra).request_source = "5"
        r.persons.append(extra)


@dataclass
class Case:
    rule: str
    mutate: Mutation
    element: str
    value: str
    line: int
    year: int = 2026


FAILING = [
    Case("H01", change(H, collection="SEN3"), "Collection", "SEN3", 2),
    Case("H02", change(H, source_level="S"), "SourceLevel", "S", 2),
    Case("H03", change(H, lea="999"), "LEA", "999", 2),
    Case("H04", change(H, year="2024"), "Year", "2024", 2),
    Case("H05", change(H, reference_date="2026-01-16"), "ReferenceDate", "2026-01-16", 2),
    Case("H06", change(H, dmo=""), "DMO", "", 2),
    Case("H07", change(H, dco="y"), "DCO", "y", 2),
    Case("H08", change(H, dsco=""), "DSCO", "", 2),
    Case("H09", change(H, serial_no="1"), "SerialNo", "1", 2),
    Case("H10", change(H, date_time="2026-02-02 09:30"), "DateTime", "2026-02-02 09:30", 2),
    Case("H11", change(H, date_time="2026-01-10T09:00:00"), "DateTime", "2026-01-10T09:00:00", 2),
    Case("P01", change(A, surname=""), "Surname", "", 10),
    Case("P02", change(A, person_birth_date=""), "PersonBirthDate", "", 10),
    Case("P03", change(A, person_birth_date="2014-02-30"), "PersonBirthDate", "2014-02-30", 10),
    Case("P04", change(A, person_birth_date="2026-01-20"), "PersonBirthDate", "2026-01-20", 10),
    Case("P05", change(A, person_birth_date="1995-01-01"), "PersonBirthDate", "1995-01-01", 10),
    Case("P06", change(A, sex="1"), "Sex", "1", 10),
    Case("P07", change(A, ethnicity="WBR"), "Ethnicity", "WBR", 10),
    Case("P08", change(A, upn=""), "UPN", "", 10),
    Case("P09", change(A, upn="A" + UPN_A[1:]), "UPN", "A" + UPN_A[1:], 10),
    Case(
        "P10",
        change(B, unique_learner_number="1234567890"),
        "UniqueLearnerNumber",
        "1234567890",
        100,
    ),
    Case("P11", change(C, upn_unknown="UN4"), "UPNunknown", "UN4", 200),
    Case("P12", change(A, upn_unknown="UN2"), "UPNunknown", "UN2", 10),
    Case(
        "P13",
        change(C, upn_unknown="UN1", person_birth_date="2015-03-01"),
        "UPNunknown",
        "UN1",
        200,
    ),
    Case("P14", change(A, post_code="NOT A CODE"), "PostCode", "NOT A CODE", 10),
    Case("P15", change(C, requests=[]), "Requests", "", 200),
    Case("P16", add_live_plan_request, "NamedPlan", "2025-06-20", 85),
    Case("P17", add_open_request, "Requests", "2025-12-01", 220),
    Case("R01", change(req(C), request_outcome=""), "RequestOutcome", "", 210),
    Case("R02", change(req(C), received_date=""), "ReceivedDate", "", 210),
    Case("R03", change(req(C), rya=""), "RYA", "", 210),
    Case("R04", change(req(B), request_outcome_date=""), "RequestOutcomeDate", "", 110),
    Case(
        "R05",
        change(req(C), request_outcome_date="2025-12-01"),
        "RequestOutcomeDate",
        "2025-12-01",
        210,
    ),
    Case("R06", change(req(C), request_source=""), "RequestSource", "", 210),
    Case("R07", change(req(C), request_source="6"), "RequestSource", "6", 210),
    Case("R08", change(req(C), rya="N"), "RYA", "N", 210),
    Case("R09", change(req(C), received_date="2025-13-01"), "ReceivedDate", "2025-13-01", 210),
    Case("R10", change(req(C), received_date="2026-02-01"), "ReceivedDate", "2026-02-01", 210),
    Case(
        "R11",
        change(req(B), request_outcome_date="2025-01-01"),
        "RequestOutcomeDate",
        "2025-01-01",
        110,
    ),
    Case("R12", change(req(C), received_date="2020-01-01"), "ReceivedDate", "2020-01-01", 210),
    Case("R13", change(req(C), exported="999"), "Exported", "999", 210),
    Case("R14", change(req(B), exported="384"), "Exported", "384", 110),
    Case(
        "R15",
        both(
            change(req(C), request_outcome="N", request_outcome_date="2025-12-01"),
            lambda r: setattr(request(r.c), "assessment", copy.deepcopy(assessment(r.b))),
        ),
        "RequestOutcome",
        "N",
        210,
    ),
    Case("R16", change(req(B), assessment=None), "RequestOutcome", "Y", 110),
    Case(
        "R17",
        change(req(B), received_date="2024-11-01", request_outcome_date="2024-12-01"),
        "RequestOutcome",
        "Y",
        110,
    ),
    Case("A01", change(ass(B), assessment_outcome=""), "AssessmentOutcome", "", 120),
    Case("A02", change(ass(B), assessment_outcome_date=""), "AssessmentOutcomeDate", "", 120),
    Case(
        "A03",
        change(ass(B), assessment_outcome="A", named_plan=None),
        "AssessmentOutcomeDate",
        "2025-06-20",
        120,
    ),
    Case("A04", change(ass(B), week20=""), "Week20", "", 120),
    Case("A05", change(ass(B), assessment_mediation="2"), "AssessmentMediation", "2", 120),
    Case(
        "A06",
        change(ass(B), assessment_outcome_date="2025-06-31"),
        "AssessmentOutcomeDate",
        "2025-06-31",
        120,
    ),
    Case(
        "A07",
        change(ass(B), assessment_outcome_date="2026-02-01"),
        "AssessmentOutcomeDate",
        "2026-02-01",
        120,
    ),
    Case(
        "A08",
        change(ass(B), assessment_outcome_date="2025-03-01"),
        "AssessmentOutcomeDate",
        "2025-03-01",
        120,
    ),
    Case("A09", change(ass(B), assessment_outcome="N"), "AssessmentOutcome", "N", 120),
    Case("A10", change(ass(B), named_plan=None), "AssessmentOutcome", "Y", 120),
    Case("A11", change(ass(A), named_plan=None), "AssessmentOutcome", "H", 30),
    Case(
        "A12",
        both(
            change(req(B), received_date="2024-06-01", request_outcome_date="2024-07-01"),
            change(ass(B), assessment_outcome_date="2024-12-20"),
            change(pln(B), start_date="2024-12-20"),
        ),
        "AssessmentOutcome",
        "Y",
        120,
    ),
    Case("N01", change(pln(B), start_date=""), "StartDate", "", 130),
    Case("N02", change(pln(B), cease_date="2025-10-01"), "CeaseReason", "", 130),
    Case("N03", change(pln(D), cease_reason="0"), "CeaseReason", "0", 330),
    Case("N04", change(pln(D), cease_reason="9"), "CeaseReason", "9", 330),
    Case("N05", change(pln(B), plan_res="C"), "PlanRes", "C", 130),
    Case("N06", change(pln(B), plan_wbp="X"), "PlanWBP", "X", 130),
    Case("N07", change(pln(B), dp="Z"), "DP", "Z", 130),
    Case("N08", change(pln(B), pb="yes"), "PB", "yes", 130),
    Case("N09", change(pln(B), pb="0"), "DP", "E", 130),
    Case("N10", change(pln(B), start_date="20250620"), "StartDate", "20250620", 130),
    Case("N11", change(pln(D), cease_date="2026-03-01"), "CeaseDate", "2026-03-01", 330),
    Case("N12", change(pln(D), cease_date="2018-01-01"), "CeaseDate", "2018-01-01", 330),
    Case("N13", change(pln(B), start_date="2025-01-01"), "StartDate", "2025-01-01", 130),
    Case(
        "N14",
        add_plan_details(
            PlanDetail(urn="100001", placement_rank="2", line=136),
            PlanDetail(urn="100002", placement_rank="2", line=137),
        ),
        "PlanDetail",
        "3",
        137,
    ),
    Case(
        "N15",
        add_plan_details(PlanDetail(urn="100001", placement_rank="1", line=136)),
        "PlacementRank",
        "1",
        130,
    ),
    Case("N16", change(pln(D), cease_date="2023-06-01"), "CeaseDate", "2023-06-01", 330),
    Case("D01", change(det(B), urn="107002"), "UKPRN", "10001234", 135),
    Case("D02", change(det(A), urn="10700"), "URN", "10700", 45),
    Case("D03", change(det(B), ukprn="1000123"), "UKPRN", "1000123", 135),
    Case("D04", change(det(B), ukprn="", sen_setting="NEET"), "SENsetting", "NEET", 135),
    Case("D05", change(det(B), ukprn="", sen_setting="OTH"), "SENsettingOther", "", 135),
    Case("D06", change(det(A), placement_rank="3"), "PlacementRank", "3", 45),
    Case("D07", change(det(A), sen_unit_indicator="Y"), "SENunitIndicator", "Y", 45),
    Case("D08", change(det(B), sen_unit_indicator="1"), "SENunitIndicator", "1", 135),
    Case(
        "AP01",
        change(req(C), active_plans=ActivePlans(needs=[SenNeed("ASD", "1")], line=215)),
        "ActivePlans",
        "",
        215,
    ),
    Case("AP02", change(act(A), transfer_la="383"), "TransferLA", "383", 50),
    Case("AP03", add_need(SenNeed("HI", "2", line=64)), "SENneed", "3", 64),
    Case("AP04", change(ned(A, 1), sen_type_rank="1"), "SENtypeRank", "1", 50),
    Case("AP05", change(ned(A, 1), sen_type="ASD"), "SENtype", "ASD", 50),
    Case("AP06", change(act(A), needs=[]), "SENneed", "", 50),
    Case("AP07", change(act(A), review_outcome="X"), "ReviewOutcome", "X", 50),
    Case("AP08", change(act(A), review_meeting="2025-6-10"), "ReviewMeeting", "2025-6-10", 50),
    Case("AP09", change(act(A), last_review="2026-02-01"), "LastReview", "2026-02-01", 50),
    Case("AP10", change(act(A), review_meeting="2020-01-01"), "ReviewMeeting", "2020-01-01", 50),
    Case("AP11", change(act(A), last_review="2025-06-01"), "LastReview", "2025-06-01", 50),
    Case(
        "AP12",
        change(act(A), review_outcome="A", review_draft="2025-06-01"),
        "ReviewDraft",
        "2025-06-01",
        50,
    ),
    Case(
        "AP13",
        add_placement(
            PlacementDetail(urn="107009", placement_rank="1", entry_date="2025-09-01", line=57)
        ),
        "PlacementRank",
        "1",
        57,
    ),
    Case("AP14", change(plc(A), leaving_date="2025-12-01"), "PlacementDetail", "", 50),
    Case("AP15", change(plc(D), leaving_date=""), "LeavingDate", "", 345),
    Case(
        "AP16",
        change(act(A), review_meeting="", last_review="", review_outcome=""),
        "ReviewMeeting",
        "",
        50,
    ),
    Case("AP17", change(act(A), review_outcome=""), "ReviewOutcome", "", 50),
    Case("AP18", change(act(A), review_meeting=""), "ReviewMeeting", "", 50),
    Case("AP19", change(act(A), review_outcome="A"), "ReviewDraft", "", 50),
    Case("AP20", change(act(A), review_draft="2025-07-01"), "ReviewDraft", "2025-07-01", 50),
    Case(
        "AP21",
        change(act(A), phase_transfer_final_date="2025-02-10"),
        "PhaseTransferDueDate",
        "",
        50,
    ),
    Case("AP22", change(A, person_birth_date="2015-05-06"), "PhaseTransferDueDate", "", 50),
    Case("AP23", change(ned(A), sen_type="NSA"), "SENtype", "NSA", 60),
    Case("AP24", change(ned(A, 1), sen_type_rank=""), "SENtypeRank", "", 62),
    Case("L01", change(plc(A), urn=""), "URN", "", 55),
    Case("L02", change(plc(A), urn="1070000"), "URN", "1070000", 55),
    Case("L03", change(plc(B), ukprn="ABCDEFGH"), "UKPRN", "ABCDEFGH", 145),
    Case("L04", change(plc(A), urn="", sen_setting="XYZ"), "SENsetting", "XYZ", 55),
    Case("L05", change(plc(A), urn="", sen_setting="NIEO"), "SENsettingOther", "", 55),
    Case("L06", change(plc(A), placement_rank=""), "PlacementRank", "", 55),
    Case("L07", change(plc(A), entry_date=""), "EntryDate", "", 55),
    Case("L08", change(plc(A), entry_date="2021-09-31"), "EntryDate", "2021-09-31", 55),
    Case("L09", change(plc(B), entry_date="2026-09-01"), "EntryDate", "2026-09-01", 145),
    Case("L10", change(plc(D), leaving_date="2010-01-01"), "LeavingDate", "2010-01-01", 345),
    Case("L11", change(plc(A), entry_date="2010-09-01"), "EntryDate", "2010-09-01", 55),
    Case(
        "L12",
        change(plc(A), resourced_provision_indicator="2"),
        "ResourcedProvisionIndicator",
        "2",
        55,
    ),
    Case("L13", change(plc(A), res="C"), "Res", "C", 55),
    Case("L14", change(plc(A), wbp="Q"), "WBP", "Q", 55),
    Case("L15", change(plc(A), urn="", sen_setting="NEET"), "SENsetting", "NEET", 55),
    Case("L16", change(plc(B), sen_unit_indicator="1"), "SENunitIndicator", "1", 145),
    Case("P18", change(D, person_birth_date="1999-05-01"), "PersonBirthDate", "1999-05-01", 300),
    Case("F01", change(D, upn=UPN_A), "UPN", UPN_A, 300),
    Case(
        "F02",
        change(C, upn_unknown="", unique_learner_number=ULN_B),
        "UniqueLearnerNumber",
        ULN_B,
        200,
    ),
    Case("F03", many_other_sources, "RequestSource", "5", 0),
]

# Changes close to the failing ones that the rule must accept.
PASSING = [
    ("H06", change(H, dmo="R")),
    ("H08", change(H, dsco="Y")),
    ("H10", change(H, date_time="2026-02-02T09:30:00.5+00:00")),
    ("H11", change(H, date_time="2026-01-15T00:00:00")),
    ("P05", change(A, person_birth_date="2000-01-01")),  # 25 on 31 August 2025
    ("P09", change(A, upn="")),
    ("P12", change(C, upn_unknown="UN9")),
    ("P12", change(A, unique_learner_number=ULN_B)),  # a UPN and a ULN together are fine
    ("P13", change(C, upn_unknown="UN1")),  # aged 4
    ("P14", change(A, post_code="ls14ap")),
    (
        "P15",
        change(C, requests=[Request(request_outcome="W", received_date="2025-05-01", rya="0")]),
    ),
    ("P16", lambda r: r.d.requests.append(copy.deepcopy(request(r.a)))),  # one ceased, one live
    ("R02", change(req(C), request_outcome="H", received_date="")),
    ("R03", change(req(C), request_outcome="H", rya="")),
    ("R04", change(req(C), request_outcome="W")),
    ("R06", change(req(C), request_outcome="H", request_source="")),
    ("R11", change(req(B), request_outcome_date="2025-02-03")),
    ("R13", change(req(C), exported="XXX")),
    ("R15", change(req(B), request_outcome="H")),
    ("R16", change(req(B), exported="384", assessment=None, active_plans=None)),
    ("R17", change(req(B), received_date="2024-12-01", request_outcome_date="2025-01-01")),
    ("A02", change(ass(B), assessment_outcome="H", assessment_outcome_date="")),
    ("A04", change(ass(B), assessment_outcome="N", week20="", named_plan=None)),
    ("A08", change(ass(B), assessment_outcome_date="2025-03-10")),
    ("A09", change(ass(B), assessment_outcome="H")),
    ("N02", change(pln(B), cease_date="2025-10-01", cease_reason="5")),
    ("N09", change(pln(B), pb="1", oa="1")),
    ("N12", change(pln(D), cease_date="2019-01-01")),
    ("N13", both(change(req(A), received_date="2024-05-01"))),
    ("N13", change(ass(B), assessment_outcome="H")),  # transferred in: the plan is older
    ("P05", change(D, person_birth_date="1999-05-01")),  # 26, but the plan ceased: P18
    ("P18", change(A, person_birth_date="1999-05-01")),  # 26 with a live plan: P05
    ("N15", add_plan_details(PlanDetail(urn="100001", placement_rank="2"))),
    ("N16", change(pln(D), cease_date="2025-01-01")),
    ("D04", change(det(B), ukprn="", sen_setting="EYP")),
    ("D05", change(det(B), ukprn="", sen_setting="OTH", sen_setting_other="Hospital education")),
    ("D08", change(det(A), sen_unit_indicator="1")),
    ("AP01", change(ass(A), named_plan=None)),  # H record: the plan is historical
    ("AP02", change(act(A), transfer_la="XXX")),
    ("AP04", change(act(A), needs=[SenNeed("ASD", "1")])),
    ("AP09", change(act(A), phase_transfer_due_date="2026-02-15")),
    ("AP10", change(act(A), review_meeting="2021-03-01")),
    ("AP11", change(act(A), last_review="2025-06-10")),
    (
        "AP13",
        both(
            change(plc(A), leaving_date="2025-09-01"),
            add_placement(
                PlacementDetail(urn="107009", placement_rank="1", entry_date="2025-09-01")
            ),
        ),
    ),
    (
        "AP13",
        add_placement(PlacementDetail(urn="107009", placement_rank="2", entry_date="2025-09-01")),
    ),
    ("AP14", change(plc(A), leaving_date="2026-01-16")),
    ("AP15", change(plc(D), leaving_date="2025-07-20")),
    ("AP16", both(change(act(B), review_meeting=""), change(pln(B), start_date="2025-06-20"))),
    ("AP19", change(act(A), review_outcome="A", review_draft="2025-07-01")),
    ("AP22", change(D, person_birth_date="2015-05-06")),  # 10, but the plan has ceased
    ("AP23", change(ned(A), sen_type="DS")),
    ("L05", change(plc(A), urn="", sen_setting="NIEO", sen_setting_other="Permanently excluded")),
    ("L15", change(plc(B), ukprn="", sen_setting="NEET")),  # aged 17
    ("F01", change(D, upn="")),
]


def test_the_valid_return_has_no_problems() -> None:
    for year in (2025, 2026):
        assert valid_return(year).problems() == []


def test_every_rule_has_a_failing_case() -> None:
    assert sorted({case.rule for case in FAILING}) == sorted(RULES)


@pytest.mark.parametrize("case", FAILING, ids=[case.rule for case in FAILING])
def test_rule_finds_the_problem(case: Case) -> None:
    r = valid_return(case.year)
    case.mutate(r)
    found = [p for p in r.problems() if p.rule == case.rule]
    assert found, f"{case.rule} did not fire"
    problem = found[0]
    assert (problem.line, problem.element, problem.value) == (case.line, case.element, case.value)
    assert problem.severity == RULES[case.rule].severity_in(case.year)
    assert problem.message
    assert problem.fix
    if case.value:
        assert case.value in problem.message
    if case.line >= 10:
        assert problem.person  # names the person


@pytest.mark.parametrize(("rule_id", "mutate"), PASSING, ids=[rule for rule, _ in PASSING])
def test_rule_accepts_the_nearby_value(rule_id: str, mutate: Mutation) -> None:
    r = valid_return()
    mutate(r)
    assert [p for p in r.problems() if p.rule == rule_id] == []


@pytest.mark.parametrize(
    ("rule_id", "mutate", "severity_2025", "severity_2026"),
    [
        ("H08", change(H, dsco=""), "warning", "error"),  # DSCO: voluntary 2025, then mandatory
        ("R06", change(req(C), request_source=""), "warning", "error"),  # RequestSource: same
        ("AP19", change(act(A), review_outcome="A"), None, "warning"),  # ReviewDraft from 2026
        ("AP22", change(A, person_birth_date="2015-05-06"), None, "warning"),  # phase transfers
        ("P06", change(A, sex="1"), "error", "error"),
    ],
)
def test_what_the_year_makes_mandatory(
    rule_id: str, mutate: Mutation, severity_2025: str | None, severity_2026: str
) -> None:
    for year, severity in ((2025, severity_2025), (2026, severity_2026)):
        r = valid_return(year)
        if rule_id == "AP22":  # 10 on 31 August before that year's census
            r.a.person_birth_date = f"{year - 11}-05-06"
        else:
            mutate(r)
        found = [p.severity for p in r.problems() if p.rule == rule_id]
        assert found == ([severity] if severity else [])


def test_ds_is_a_need_from_2025_and_checked_by_year() -> None:
    r = valid_return(2025)
    active(r.a).needs[1].sen_type = "DS"
    assert [p for p in r.problems() if p.rule == "AP23"] == []
