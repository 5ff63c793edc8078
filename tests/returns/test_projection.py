"""The SEN2 return as a projection of casework: which cases it includes and what each holds, on
hand-built records (the rules as plain rows, then through the database)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opensend.casework.models import Request
from opensend.returns.sen2 import projection
from opensend.returns.sen2.projection_rules import (
    CaseRow,
    DisputeRow,
    NeedRow,
    Period,
    PersonRow,
    PersonRows,
    ReviewRow,
    SettingRow,
    TransferRow,
    assessment_outcome,
    in_scope,
    latest_review,
    person_record,
    request_outcome,
    transfer_of_the_year,
)
from tests.casework.factories import (
    AssessmentFactory,
    CaseFactory,
    DisputeFactory,
    NamedSettingFactory,
    PhaseTransferFactory,
    PlanFactory,
    ReviewFactory,
)
from tests.factories import EstablishmentFactory, NeedFactory, PersonFactory, PlacementFactory

D = dt.date
CENSUS = D(2025, 1, 16)
PERIOD = Period(CENSUS)


def case(**values) -> CaseRow:
    """An initial request received in the period and not yet decided, changed by `values`."""
    row = {
        "id": 1,
        "person_id": 1,
        "kind": "initial",
        "received_on": D(2024, 3, 4),
        "source": "2",
        "rya": False,
        "outcome": "A",
        "outcome_on": None,
        "transferred_from_la": "",
        "exported_to_la": "",
        "exported_on": None,
        "assessment_outcome": None,
        "assessment_on": None,
        "exception": None,
        "plan_id": None,
        "start_date": None,
        "issued_on": None,
        "ceased_on": None,
        "cease_reason": None,
        "personal_budget": None,
        "organised_arrangements": None,
        "direct_payments": None,
        "residential": None,
        "work_based": None,
    }
    row.update(values)
    return CaseRow(**row)


def plan(issued: dt.date, received: dt.date | None = None, **values) -> CaseRow:
    """An initial request decided Y, assessed and issued on `issued`."""
    received = received or issued - dt.timedelta(weeks=18)
    fields = {
        "received_on": received,
        "outcome": "Y",
        "outcome_on": received + dt.timedelta(weeks=5),
        "assessment_outcome": "Y",
        "assessment_on": issued,
        "plan_id": 10,
        "start_date": issued,
        "issued_on": issued,
        "personal_budget": False,
        "organised_arrangements": False,
    }
    return case(**{**fields, **values})


def rows(*cases: CaseRow, **extra) -> PersonRows:
    values = {
        "person": PersonRow(
            1, "Okafor", "Tayo", D(2014, 5, 17), "F", "BAFR", "LS1 4AP", "A123", "", ""
        ),
        "cases": list(cases),
        "named_settings": {},
        "placements": [],
        "needs": [],
        "reviews": {},
        "transfers": {},
        "disputes": {},
    }
    values.update(extra)
    return PersonRows(**values)


class TestScope:
    @pytest.mark.parametrize(
        ("row", "included"),
        [
            (case(), True),  # received in the period, undecided
            (case(received_on=D(2025, 1, 10)), True),  # received after it, before the census
            (case(received_on=D(2025, 1, 17)), False),  # after the census
            (case(received_on=D(2023, 5, 1), outcome="N", outcome_on=D(2023, 6, 1)), False),
            (case(received_on=D(2023, 11, 1), outcome="N", outcome_on=D(2024, 1, 5)), True),
            (case(received_on=D(2023, 5, 1)), True),  # still awaiting a decision: open work
            (  # decided before the period, still being assessed: open work
                case(
                    received_on=D(2023, 5, 1),
                    outcome="Y",
                    outcome_on=D(2023, 6, 1),
                    assessment_outcome="A",
                ),
                True,
            ),
            (  # assessed, no plan, all before the period
                case(
                    received_on=D(2023, 5, 1),
                    outcome="Y",
                    outcome_on=D(2023, 6, 1),
                    assessment_outcome="N",
                    assessment_on=D(2023, 9, 1),
                ),
                False,
            ),
            (plan(D(2019, 4, 1)), True),  # a plan live on the census date
            (plan(D(2019, 4, 1), ceased_on=D(2024, 7, 31), cease_reason="2"), True),
            (plan(D(2019, 4, 1), ceased_on=D(2025, 1, 10), cease_reason="2"), True),
            (plan(D(2019, 4, 1), ceased_on=D(2023, 12, 31), cease_reason="2"), False),
            (plan(D(2019, 4, 1), ceased_on=D(2025, 3, 1), cease_reason="2"), True),  # live then
            (case(kind="reassessment", outcome="Y", outcome_on=D(2024, 5, 1)), False),
            (case(exported_to_la="816", exported_on=D(2024, 5, 1)), True),
            (
                case(received_on=D(2023, 1, 3), exported_to_la="816", exported_on=D(2023, 5, 1)),
                False,
            ),
            (
                case(
                    kind="transfer_in",
                    received_on=None,
                    outcome="H",
                    outcome_on=D(2025, 2, 1),
                    assessment_outcome="H",
                    plan_id=3,
                    start_date=D(2020, 1, 1),
                    issued_on=D(2020, 1, 1),
                ),
                False,  # transferred in after the census
            ),
        ],
    )
    def test_cases_included(self, row, included):
        assert in_scope(row, PERIOD) is included

    def test_decisions_after_the_census_are_not_yet_made(self):
        row = case(outcome="Y", outcome_on=D(2025, 2, 1))
        assert request_outcome(row, PERIOD) == ("A", None)
        row = plan(D(2025, 3, 1), received=D(2024, 10, 1))
        assert assessment_outcome(row, PERIOD) == ("A", None)
        assert in_scope(row, PERIOD)

    def test_decisions_before_the_period_are_historical(self):
        row = plan(D(2024, 3, 1), received=D(2023, 10, 2))
        assert request_outcome(row, PERIOD) == ("H", None)
        assert assessment_outcome(row, PERIOD) == ("Y", D(2024, 3, 1))

    @given(
        received=st.dates(D(2015, 1, 1), D(2026, 1, 1)),
        decide_after=st.integers(0, 400),
        issue_after=st.integers(0, 800),
        outcome=st.sampled_from("YNWA"),
        assessed=st.sampled_from(["Y", "N", "W", "A", None]),
    )
    def test_every_case_in_scope_has_a_reason(
        self, received, decide_after, issue_after, outcome, assessed
    ):
        decided = received + dt.timedelta(days=decide_after)
        row = case(
            received_on=received,
            outcome=outcome,
            outcome_on=None if outcome == "A" else decided,
            assessment_outcome=assessed if outcome == "Y" else None,
            assessment_on=decided + dt.timedelta(days=issue_after) if assessed else None,
        )
        record = person_record(rows(row), PERIOD)
        if not in_scope(row, PERIOD):
            assert record.requests == []
            return
        (request,) = record.requests
        dates = [request.received_date, request.request_outcome_date]
        if request.assessment:
            dates.append(request.assessment.assessment_outcome_date)
        assert all(d <= CENSUS.isoformat() for d in dates if d)
        if request.request_outcome == "H":
            assert request.assessment is not None
            assert request.request_outcome_date == ""


class TestRecords:
    def test_undecided_request(self):
        record = person_record(rows(case(rya=True)), PERIOD)
        assert (record.surname, record.forename, record.sex, record.upn) == (
            "Okafor",
            "Tayo",
            "F",
            "A123",
        )
        (request,) = record.requests
        assert (request.received_date, request.request_source, request.rya) == (
            "2024-03-04",
            "2",
            "1",
        )
        assert (request.request_outcome, request.request_outcome_date) == ("A", "")
        assert request.request_mediation == request.request_tribunal == ""
        assert request.assessment is None

    def test_refusal_with_mediation_and_tribunal(self):
        row = case(outcome="N", outcome_on=D(2024, 4, 10))
        disputes = {1: [DisputeRow(1, "NOT_ASSESS", D(2024, 5, 1), D(2024, 7, 1))]}
        (request,) = person_record(rows(row, disputes=disputes), PERIOD).requests
        assert (request.request_outcome, request.request_outcome_date) == ("N", "2024-04-10")
        assert (request.request_mediation, request.request_tribunal) == ("1", "1")

    def test_tribunal_after_the_census_not_counted(self):
        row = case(outcome="N", outcome_on=D(2024, 4, 10))
        disputes = {1: [DisputeRow(1, "NOT_ASSESS", D(2024, 5, 1), D(2025, 2, 1))]}
        (request,) = person_record(rows(row, disputes=disputes), PERIOD).requests
        assert (request.request_mediation, request.request_tribunal) == ("1", "0")

    def test_new_plan_with_settings_needs_placements_review_and_transfer(self):
        row = plan(
            D(2024, 6, 3),
            received=D(2024, 1, 22),
            exception="PERSONAL",
            direct_payments="I",
            personal_budget=True,
        )
        named = {
            10: [
                SettingRow(10, 2, None, None, "OTH", "Hospital school", False, False),
                SettingRow(10, 1, "100001", "", "", "", True, False),
            ]
        }
        placements = [
            SettingRow(1, 1, "100001", "", "", "", True, False, D(2023, 9, 1), None, "", "", 5),
            SettingRow(1, 2, None, None, "OLA", "", False, False, D(2022, 9, 1), D(2024, 7, 19)),
        ]
        needs = [NeedRow(1, "SLCN", 1, D(2020, 1, 1), 1), NeedRow(1, "ASD", 1, D(2023, 2, 1), 2)]
        reviews = latest_review(
            [
                ReviewRow(10, D(2024, 11, 4), D(2024, 11, 20), "A", D(2024, 12, 2), 7),
                ReviewRow(10, D(2025, 1, 20), None, "", None, 8),  # after the census
            ],
            PERIOD,
        )
        transfers = transfer_of_the_year([TransferRow(10, 2025, D(2025, 2, 15), None)], PERIOD)
        record = person_record(
            rows(
                row,
                named_settings=named,
                placements=placements,
                needs=needs,
                reviews=reviews,
                transfers=transfers,
            ),
            PERIOD,
        )
        (request,) = record.requests
        assert (request.request_outcome, request.request_outcome_date) == ("Y", "2024-02-26")
        assessment = request.assessment
        assert (assessment.assessment_outcome, assessment.assessment_outcome_date) == (
            "Y",
            "2024-06-03",
        )
        assert assessment.week20 == "1"
        assert assessment.assessment_mediation == assessment.other_tribunal == "0"
        plan_record = assessment.named_plan
        assert (plan_record.start_date, plan_record.pb, plan_record.oa, plan_record.dp) == (
            "2024-06-03",
            "1",
            "0",
            "I",
        )
        first, second = plan_record.plan_details
        assert (first.urn, first.placement_rank, first.sen_unit_indicator) == ("100001", "1", "1")
        assert (second.sen_setting, second.sen_setting_other) == ("OTH", "Hospital school")
        active = request.active_plans
        assert [
            (p.urn, p.sen_setting, p.entry_date, p.leaving_date) for p in active.placements
        ] == [
            ("", "OLA", "2022-09-01", "2024-07-19"),
            ("100001", "", "2023-09-01", ""),
        ]
        assert [(n.sen_type, n.sen_type_rank) for n in active.needs] == [("ASD", "1")]
        assert (active.review_meeting, active.last_review, active.review_outcome) == (
            "2024-11-04",
            "2024-11-20",
            "A",
        )
        assert active.review_draft == "2024-12-02"
        assert (active.phase_transfer_due_date, active.phase_transfer_final_date) == (
            "2025-02-15",
            "",
        )
        assert active.transfer_la == ""

    def test_plan_issued_before_the_period_is_historical(self):
        row = plan(D(2021, 5, 4), received=D(2020, 12, 1))
        (request,) = person_record(rows(row), PERIOD).requests
        assert (request.received_date, request.request_outcome) == ("2020-12-01", "H")
        assert request.request_source == request.rya == ""
        assert request.assessment.assessment_outcome == "H"
        assert request.assessment.assessment_outcome_date == request.assessment.week20 == ""
        assert request.assessment.named_plan.start_date == "2021-05-04"
        assert request.active_plans is not None

    def test_older_request_plan_issued_in_the_period_keeps_its_received_date(self):
        row = plan(D(2024, 2, 1), received=D(2023, 6, 1))
        (request,) = person_record(rows(row), PERIOD).requests
        assert (request.received_date, request.request_outcome) == ("2023-06-01", "H")
        assert request.assessment.assessment_outcome == "Y"

    def test_ceased_plan_has_no_active_plans(self):
        row = plan(D(2019, 4, 1), ceased_on=D(2024, 7, 31), cease_reason="3")
        (request,) = person_record(rows(row), PERIOD).requests
        named = request.assessment.named_plan
        assert (named.cease_date, named.cease_reason) == ("2024-07-31", "3")
        assert request.active_plans is None

    def test_cease_after_the_census_not_shown(self):
        row = plan(D(2019, 4, 1), ceased_on=D(2025, 3, 1), cease_reason="3")
        (request,) = person_record(rows(row), PERIOD).requests
        assert request.assessment.named_plan.cease_date == ""
        assert request.active_plans is not None

    def test_transfer_in_during_the_period(self):
        row = case(
            kind="transfer_in",
            received_on=D(2024, 9, 2),
            outcome="H",
            outcome_on=D(2024, 9, 2),
            transferred_from_la="816",
            assessment_outcome="H",
            assessment_on=D(2024, 9, 2),
            plan_id=10,
            start_date=D(2022, 3, 1),
            issued_on=D(2022, 3, 1),
        )
        (request,) = person_record(rows(row), PERIOD).requests
        assert (request.received_date, request.request_outcome) == ("", "H")
        assert request.assessment.assessment_outcome == "H"
        assert request.assessment.named_plan.start_date == "2022-03-01"
        assert request.active_plans.transfer_la == "816"

    def test_exported_request_stops_at_the_request(self):
        row = case(outcome="Y", outcome_on=D(2024, 4, 1), assessment_outcome="A")
        row = row._replace(exported_to_la="816", exported_on=D(2024, 5, 1))
        (request,) = person_record(rows(row), PERIOD).requests
        assert (request.request_outcome, request.exported) == ("Y", "816")
        assert request.assessment is None

    def test_withdrawn_keeps_its_date(self):
        row = case(outcome="W", outcome_on=D(2024, 4, 1))
        (request,) = person_record(rows(row), PERIOD).requests
        assert (request.request_outcome, request.request_outcome_date) == ("W", "2024-04-01")

    def test_sex_not_known_is_left_blank_for_the_validator(self):
        person = rows(case())
        person.person = person.person._replace(sex="U")
        assert person_record(person, PERIOD).sex == ""

    def test_requests_in_date_order_plans_without_requests_first(self):
        transfer = case(
            id=3,
            kind="historical",
            received_on=None,
            outcome="H",
            assessment_outcome="H",
            plan_id=10,
            start_date=D(2012, 1, 1),
            issued_on=D(2012, 1, 1),
        )
        later, earlier = (
            case(id=1, received_on=D(2024, 9, 1)),
            case(id=2, received_on=D(2024, 2, 1)),
        )
        record = person_record(rows(later, earlier, transfer), PERIOD)
        assert [r.received_date for r in record.requests] == ["", "2024-02-01", "2024-09-01"]


# --- through the database -------------------------------------------------------------------------


@pytest.fixture
def person(local_authority):
    return PersonFactory(responsible_la=local_authority, birth_date=D(2014, 5, 17), sex="M")


@pytest.mark.django_db
class TestFromTheDatabase:
    def test_every_stage_lands_in_its_module(self, local_authority, person):
        school = EstablishmentFactory(urn="123456")
        undecided = CaseFactory(person=person, received_on=D(2024, 11, 4))
        refused = DisputeFactory(
            case=CaseFactory(
                person=PersonFactory(responsible_la=local_authority),
                received_on=D(2024, 2, 5),
                outcome="N",
                outcome_on=D(2024, 3, 11),
            ),
            decision_on=D(2024, 3, 11),
            mediation_on=D(2024, 4, 20),
        ).case
        issued = PlanFactory(
            assessment=AssessmentFactory(
                case=CaseFactory(
                    person=PersonFactory(responsible_la=local_authority),
                    received_on=D(2024, 1, 8),
                    outcome="Y",
                    outcome_on=D(2024, 2, 12),
                ),
                outcome="Y",
                outcome_on=D(2024, 5, 13),
                exception="AWAY",
            ),
            draft_sent_on=D(2024, 4, 22),
            issued_on=D(2024, 5, 13),
            personal_budget=True,
            organised_arrangements=True,
        )
        NamedSettingFactory(plan=issued, establishment=school, in_resourced_provision=True)
        PlacementFactory(person=issued.person, establishment=school, start_date=D(2024, 6, 1))
        NeedFactory(person=issued.person, need_type="SEMH", rank=1, start_date=D(2024, 1, 1))
        NeedFactory(person=issued.person, need_type="SLCN", rank=2, start_date=D(2024, 1, 1))
        ReviewFactory(plan=issued, meeting_on=D(2025, 1, 6), due_on=D(2025, 1, 6))
        PhaseTransferFactory(plan=issued, transfer_year=2025)
        outside = CaseFactory(
            person=PersonFactory(responsible_la=local_authority),
            received_on=D(2022, 2, 1),
            outcome="N",
            outcome_on=D(2022, 3, 1),
        )
        reassessment = CaseFactory(
            person=issued.person,
            kind=Request.Kind.REASSESSMENT,
            reassessed_plan=issued,
            received_on=D(2024, 9, 2),
        )
        DisputeFactory(
            case=reassessment, decision="NOT_REASSESS", appeal_registered_on=D(2024, 10, 1)
        )

        persons = list(projection.export_persons(local_authority, CENSUS))
        assert projection.count_persons(local_authority, CENSUS) == 3
        by_name = {p.upn: p for p in persons}
        assert outside.person.upn not in by_name
        assert by_name[undecided.person.upn].requests[0].request_outcome == "A"
        refusal = by_name[refused.person.upn].requests[0]
        assert (refusal.request_outcome, refusal.request_mediation) == ("N", "1")
        (request,) = by_name[issued.person.upn].requests  # the re-assessment is not a request
        assessment = request.assessment
        assert (assessment.assessment_outcome, assessment.week20) == ("Y", "1")
        assert (assessment.other_mediation, assessment.other_tribunal) == ("0", "1")
        named = assessment.named_plan
        assert (named.pb, named.oa) == ("1", "1")
        assert [(d.urn, d.resourced_provision_indicator) for d in named.plan_details] == [
            ("123456", "1")
        ]
        active = request.active_plans
        assert [p.urn for p in active.placements] == ["123456"]
        assert [n.sen_type for n in active.needs] == ["SEMH", "SLCN"]
        assert (active.review_meeting, active.last_review) == ("2025-01-06", "")
        assert active.phase_transfer_due_date == "2025-02-15"

    def test_people_in_id_order_and_other_las_absent(self, local_authority, other_local_authority):
        mine = [
            CaseFactory(
                person=PersonFactory(responsible_la=local_authority), received_on=D(2024, 5, n)
            )
            for n in (3, 1, 2)
        ]
        CaseFactory(
            person=PersonFactory(responsible_la=other_local_authority), received_on=D(2024, 5, 1)
        )
        persons = list(projection.export_persons(local_authority, CENSUS))
        assert [p.upn for p in persons] == [
            c.person.upn for c in sorted(mine, key=lambda c: c.person_id)
        ]

    def test_chunks_read_in_a_fixed_number_of_queries(
        self, local_authority, django_assert_max_num_queries, monkeypatch
    ):
        monkeypatch.setattr(projection, "CHUNK", 2)
        for n in range(6):
            PlanFactory(
                assessment=AssessmentFactory(
                    case=CaseFactory(
                        person=PersonFactory(responsible_la=local_authority),
                        received_on=D(2023, 1, 2 + n),
                        outcome="Y",
                        outcome_on=D(2023, 2, 6),
                    ),
                    outcome="Y",
                    outcome_on=D(2023, 5, 8),
                ),
                issued_on=D(2023, 5, 8),
            )
        with django_assert_max_num_queries(1 + 3 * 10):
            assert len(list(projection.export_persons(local_authority, CENSUS))) == 6


@pytest.mark.django_db
@pytest.mark.parametrize("census", [D(2023, 1, 19), D(2024, 1, 18), CENSUS, D(2026, 1, 15)])
def test_the_database_filter_keeps_every_case_in_scope(local_authority, census):
    """`maybe_in_scope` only narrows: the rules decide, on the same cases either way."""

    def someone():
        return PersonFactory(responsible_la=local_authority)

    CaseFactory(person=someone(), received_on=D(2022, 3, 1))  # never decided
    CaseFactory(person=someone(), received_on=D(2024, 12, 2), outcome="Y", outcome_on=D(2025, 2, 3))
    CaseFactory(person=someone(), received_on=D(2023, 4, 3), outcome="W", outcome_on=D(2024, 1, 8))
    CaseFactory(
        person=someone(), received_on=D(2024, 3, 4), exported_to_la="816", exported_on=D(2024, 5, 1)
    )
    AssessmentFactory(
        case=CaseFactory(
            person=someone(), received_on=D(2022, 5, 2), outcome="Y", outcome_on=D(2022, 6, 6)
        )
    )
    for issued, ceased in [
        (D(2018, 5, 1), None),
        (D(2018, 5, 1), D(2024, 12, 31)),
        (D(2018, 5, 1), D(2025, 1, 10)),
        (D(2023, 11, 6), D(2025, 6, 1)),
        (D(2025, 3, 3), None),
    ]:
        PlanFactory(
            assessment=AssessmentFactory(
                case=CaseFactory(
                    person=someone(),
                    received_on=issued - dt.timedelta(weeks=20),
                    outcome="Y",
                    outcome_on=issued - dt.timedelta(weeks=14),
                ),
                outcome="Y",
                outcome_on=issued,
            ),
            issued_on=issued,
            ceased_on=ceased,
            cease_reason="2" if ceased else "",
        )
    period = Period(census)
    cases = projection.cases_of(local_authority)
    everything = {c.id for c in projection.case_rows(cases) if in_scope(c, period)}
    narrowed = cases.filter(projection.maybe_in_scope(period))
    assert {c.id for c in projection.case_rows(narrowed) if in_scope(c, period)} == everything
    assert everything
