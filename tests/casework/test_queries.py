"""The casework lists' queries: scope, filters, sorting, the tracker's prediction, the team view."""

import datetime as dt

import pytest

from opensend.accounts.roles import Role
from opensend.casework import clock, queries
from opensend.casework.models import PhaseTransfer
from opensend.casework.prediction import STATUTORY_DAYS, Step
from opensend.casework.queries import ListFilter
from tests.casework.factories import (
    AssessmentFactory,
    CaseFactory,
    PhaseTransferFactory,
    PlanFactory,
    ReviewFactory,
)
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2025, 6, 2)
EVERYTHING = ListFilter()


@pytest.fixture
def manager(make_user):
    return make_user(Role.SEND_MANAGER)


@pytest.fixture
def caseworker(make_user):
    return make_user(Role.CASEWORKER)


def case_in(la, **fields):
    return CaseFactory(person__responsible_la=la, **fields)


def ids(rows) -> list[int]:
    return [getattr(row, "case_id", None) or row.pk for row in rows]


class TestMyCases:
    def test_a_caseworker_sees_only_their_own_open_cases(self, caseworker, local_authority):
        mine = case_in(local_authority, caseworker=caseworker)
        case_in(local_authority)  # nobody's
        case_in(local_authority, caseworker=caseworker, stage="closed", closed_on=TODAY)
        assert ids(queries.my_cases(caseworker, TODAY, EVERYTHING)) == [mine.pk]
        assert ids(queries.my_cases(caseworker, TODAY, {})) == [mine.pk]  # as bench/ calls it
        # Asking for someone else's cases changes nothing.
        assert ids(queries.my_cases(caseworker, TODAY, ListFilter(caseworker="none"))) == [mine.pk]

    def test_a_send_manager_sees_the_team_and_filters_by_caseworker(
        self, manager, caseworker, local_authority
    ):
        held = case_in(local_authority, caseworker=caseworker)
        unassigned = case_in(local_authority)
        everyone = queries.my_cases(manager, TODAY, EVERYTHING)
        assert set(ids(everyone)) == {held.pk, unassigned.pk}
        by_worker = ListFilter(caseworker=str(caseworker.pk))
        assert ids(queries.my_cases(manager, TODAY, by_worker)) == [held.pk]
        assert ids(queries.my_cases(manager, TODAY, ListFilter(caseworker="none"))) == [
            unassigned.pk
        ]

    def test_another_local_authoritys_cases_are_never_listed(
        self, manager, local_authority, other_local_authority
    ):
        ours = case_in(local_authority)
        case_in(other_local_authority)
        assert ids(queries.my_cases(manager, TODAY, EVERYTHING)) == [ours.pk]

    @pytest.mark.parametrize(
        ("rag", "expected"),
        [("overdue", ["late"]), ("due soon", ["soon", "today"]), ("on track", ["later"])],
    )
    def test_red_amber_green_filters(self, manager, local_authority, rag, expected):
        due = {
            "late": TODAY - dt.timedelta(days=1),
            "today": TODAY,
            "soon": TODAY + dt.timedelta(days=14),
            "later": TODAY + dt.timedelta(days=15),
        }
        made = {name: case_in(local_authority, next_due_on=day) for name, day in due.items()}
        found = ids(queries.my_cases(manager, TODAY, ListFilter(rag=rag)))
        assert sorted(found) == sorted(made[name].pk for name in expected)
        overdue = ids(queries.my_cases(manager, TODAY, ListFilter(overdue_only=True)))
        assert overdue == [made["late"].pk]

    def test_stage_filter_and_search(self, manager, local_authority):
        asking = case_in(local_authority, person__surname="Quince")
        assessing = AssessmentFactory(case__person__responsible_la=local_authority).case
        assert ids(queries.my_cases(manager, TODAY, ListFilter(stage="assessment"))) == [
            assessing.pk
        ]
        assert ids(queries.my_cases(manager, TODAY, ListFilter(query="quin"))) == [asking.pk]
        by_reference = ListFilter(query=assessing.reference.lower())
        assert ids(queries.my_cases(manager, TODAY, by_reference)) == [assessing.pk]

    def test_sorted_by_due_date_soonest_first_then_by_choice(self, manager, local_authority):
        later = case_in(local_authority, next_due_on=D(2025, 7, 1), person__surname="Able")
        sooner = case_in(local_authority, next_due_on=D(2025, 6, 10), person__surname="Zeal")
        nothing_due = case_in(local_authority, next_due_on=None, person__surname="Moss")
        assert ids(queries.my_cases(manager, TODAY, EVERYTHING)) == [
            sooner.pk,
            later.pk,
            nothing_due.pk,
        ]
        assert ids(queries.my_cases(manager, TODAY, ListFilter(sort="-due"))) == [
            later.pk,
            sooner.pk,
            nothing_due.pk,
        ]
        assert ids(queries.my_cases(manager, TODAY, ListFilter(sort="name"))) == [
            later.pk,
            nothing_due.pk,
            sooner.pk,
        ]


ISSUED = D(2025, 3, 1)


def issued_history(la, count, decision=30, drafting=80, finalising=20, issued=ISSUED):
    """`count` plans issued at `la`, each step taking the given number of days."""
    draft = issued - dt.timedelta(days=finalising)
    decided = draft - dt.timedelta(days=drafting)
    received = decided - dt.timedelta(days=decision)
    for _ in range(count):
        PlanFactory(
            assessment__case__person__responsible_la=la,
            assessment__case__received_on=received,
            assessment__case__outcome_on=decided,
            assessment__case__stage="closed",
            assessment__case__closed_on=issued + dt.timedelta(days=400),
            draft_sent_on=draft,
            issued_on=issued,
        )


class TestStepDurations:
    def test_too_little_history_means_statutory_durations(self, local_authority):
        issued_history(local_authority, 5)
        found = queries.step_durations(local_authority, TODAY)
        assert found.days == STATUTORY_DAYS

    def test_medians_of_plans_issued_in_the_last_24_months_at_this_la_only(
        self, local_authority, other_local_authority, django_assert_num_queries
    ):
        issued_history(local_authority, 20, decision=30, drafting=80, finalising=20)
        issued_history(local_authority, 30, decision=99, issued=D(2023, 5, 1))  # too old
        issued_history(other_local_authority, 30, decision=1)
        with django_assert_num_queries(1):
            found = queries.step_durations(local_authority, TODAY)
        assert found.days == {Step.DECISION: 30, Step.DRAFTING: 80, Step.FINALISING: 20}
        assert found.sample_sizes[Step.DECISION] == 20


class TestTracker:
    def test_open_requests_and_assessments_only(self, manager, local_authority):
        asking = case_in(local_authority)
        assessing = AssessmentFactory(case__person__responsible_la=local_authority).case
        PlanFactory(assessment__case__person__responsible_la=local_authority)  # issued
        case_in(local_authority, outcome="N", stage="closed", closed_on=D(2025, 2, 1))
        AssessmentFactory(case__person__responsible_la=local_authority, outcome="N")
        rows = queries.assessment_tracker(manager, TODAY, EVERYTHING)
        assert sorted(ids(rows)) == sorted([asking.pk, assessing.pk])

    def test_week_step_prediction_and_risk(self, manager, local_authority):
        received = D(2025, 1, 6)  # week 21 on TODAY
        late = case_in(local_authority, received_on=received)
        fresh = case_in(local_authority, received_on=TODAY)
        rows = {row.case_id: row for row in queries.assessment_tracker(manager, TODAY, EVERYTHING)}
        assert rows[late.pk].week == clock.whole_weeks_between(received, TODAY) == 21
        assert rows[late.pk].prediction.step == Step.DECISION
        assert rows[late.pk].predicted == TODAY + dt.timedelta(days=98)
        assert rows[late.pk].at_risk
        assert rows[fresh.pk].predicted == clock.final_plan_due(TODAY)
        assert not rows[fresh.pk].at_risk
        assert [row.case_id for row in queries.assessment_tracker(manager, TODAY, EVERYTHING)] == [
            late.pk,
            fresh.pk,
        ]
        at_risk = queries.assessment_tracker(manager, TODAY, ListFilter(at_risk_only=True))
        assert ids(at_risk) == [late.pk]

    def test_the_prediction_uses_the_las_own_medians(self, manager, local_authority):
        issued_history(local_authority, 20, decision=20, drafting=50, finalising=10)
        draft_sent = TODAY - dt.timedelta(days=2)
        plan = PlanFactory(
            assessment__case__person__responsible_la=local_authority,
            assessment__case__received_on=D(2025, 3, 1),
            assessment__case__stage="assessment",
            assessment__outcome="A",
            assessment__outcome_on=None,
            draft_sent_on=draft_sent,
            issued_on=None,
            next_review_due_on=None,
        )
        rows = queries.assessment_tracker(manager, TODAY, ListFilter(stage="finalising"))
        assert ids(rows) == [plan.assessment.case_id]
        assert rows[0].predicted == draft_sent + dt.timedelta(days=10)

    def test_scoped_to_the_users_local_authority(
        self, manager, local_authority, other_local_authority
    ):
        case_in(other_local_authority)
        assert queries.assessment_tracker(manager, TODAY, EVERYTHING) == []


class TestReviews:
    def test_reviews_due_soon_or_overdue_and_reviews_in_progress(self, manager, local_authority):
        la = {"assessment__case__person__responsible_la": local_authority}
        overdue = PlanFactory(**la, next_review_due_on=TODAY - dt.timedelta(days=3))
        soon = PlanFactory(**la, next_review_due_on=TODAY + dt.timedelta(days=50))
        PlanFactory(**la, next_review_due_on=TODAY + dt.timedelta(days=70))  # outside 60 days
        PlanFactory(**la, next_review_due_on=TODAY, ceased_on=D(2025, 5, 1))  # ceased
        meeting = TODAY - dt.timedelta(days=10)
        awaiting = ReviewFactory(
            plan__assessment__case__person__responsible_la=local_authority,
            plan__next_review_due_on=D(2026, 5, 1),
            meeting_on=meeting,
        )
        amending = ReviewFactory(
            plan__assessment__case__person__responsible_la=local_authority,
            plan__next_review_due_on=D(2026, 5, 1),
            meeting_on=meeting,
            decision_on=meeting + dt.timedelta(days=5),
            outcome="A",
            amended_plan_due_on=clock.amended_plan_due(meeting),
        )
        rows = queries.reviews_due(manager, TODAY, EVERYTHING)
        found = {(row.case_id, row.step, row.due) for row in rows}
        case_of = {plan: plan.assessment.case_id for plan in (overdue, soon)}
        assert found == {
            (case_of[overdue], "Hold the annual review", overdue.next_review_due_on),
            (case_of[soon], "Hold the annual review", soon.next_review_due_on),
            (
                awaiting.plan.assessment.case_id,
                "Notify the review decision",
                clock.review_decision_due(meeting),
            ),
            (
                amending.plan.assessment.case_id,
                "Issue the amended plan",
                clock.amended_plan_due(meeting),
            ),
        }
        assert rows[0].case_id == case_of[overdue]  # soonest due first
        longer = queries.reviews_due(manager, TODAY, ListFilter(within_days=90))
        assert len(longer) == 5
        decisions = queries.reviews_due(manager, TODAY, ListFilter(stage="decision"))
        assert ids(decisions) == [awaiting.plan.assessment.case_id]
        overdue_only = queries.reviews_due(manager, TODAY, ListFilter(overdue_only=True))
        assert ids(overdue_only) == [case_of[overdue]]

    def test_another_las_reviews_are_not_listed(self, manager, other_local_authority):
        PlanFactory(
            assessment__case__person__responsible_la=other_local_authority,
            next_review_due_on=TODAY,
        )
        assert queries.reviews_due(manager, TODAY, EVERYTHING) == []


class TestPhaseTransfers:
    def test_school_year_arithmetic(self):
        assert queries.school_year_start(D(2025, 8, 31)) == 2024
        assert queries.school_year_start(D(2025, 9, 1)) == 2025
        # Year 6 in 2025/26: aged 10 on 31 August 2025.
        assert queries.born_between(10, 2025) == (D(2014, 9, 1), D(2015, 8, 31))

    def test_started_reviews_and_children_moving_next_september(self, manager, local_authority):
        today = D(2025, 10, 1)  # school year 2025/26: moves in September 2026
        started = PhaseTransferFactory(
            plan__assessment__case__person__responsible_la=local_authority, transfer_year=2026
        )
        PhaseTransferFactory(
            plan__assessment__case__person__responsible_la=local_authority,
            amended_plan_issued_on=D(2025, 2, 1),
            transfer_year=2025,
        )
        year_6 = PlanFactory(
            assessment__case__person=PersonFactory(
                responsible_la=local_authority, birth_date=D(2015, 3, 1)
            )
        )
        year_11 = PlanFactory(
            assessment__case__person=PersonFactory(
                responsible_la=local_authority, birth_date=D(2009, 12, 1)
            )
        )
        PlanFactory(  # Year 5: moves in 2027
            assessment__case__person=PersonFactory(
                responsible_la=local_authority, birth_date=D(2016, 3, 1)
            )
        )
        rows = {row.case_id: row for row in queries.phase_transfers_due(manager, today, EVERYTHING)}
        started_case = started.plan.assessment.case_id
        assert set(rows) == {started_case, year_6.assessment.case_id, year_11.assessment.case_id}
        assert rows[started_case].started
        assert rows[year_6.assessment.case_id].due == D(2026, 2, 15)
        assert rows[year_6.assessment.case_id].move == PhaseTransfer.Move.PRIMARY_TO_SECONDARY
        assert not rows[year_6.assessment.case_id].started
        assert rows[year_11.assessment.case_id].due == D(2026, 3, 31)
        assert rows[year_11.assessment.case_id].move == PhaseTransfer.Move.SECONDARY_TO_POST16
        post16 = queries.phase_transfers_due(manager, today, ListFilter(stage="post16"))
        assert ids(post16) == [year_11.assessment.case_id]

    def test_a_child_with_a_transfer_recorded_is_listed_once(self, manager, local_authority):
        person = PersonFactory(responsible_la=local_authority, birth_date=D(2015, 3, 1))
        transfer = PhaseTransferFactory(plan__assessment__case__person=person, transfer_year=2026)
        rows = queries.phase_transfers_due(manager, D(2025, 10, 1), EVERYTHING)
        assert [(row.case_id, row.started) for row in rows] == [
            (transfer.plan.assessment.case_id, True)
        ]


class TestTeamCaseload:
    def test_counts_per_caseworker_with_an_unassigned_row(
        self, manager, caseworker, make_user, local_authority, other_local_authority
    ):
        make_user(Role.CASEWORKER, organisation=other_local_authority, full_name="Yorkie")
        make_user(Role.ANALYST, full_name="Not a caseworker")
        case_in(local_authority, caseworker=caseworker, next_due_on=TODAY - dt.timedelta(days=1))
        case_in(local_authority, caseworker=caseworker, next_due_on=TODAY + dt.timedelta(days=3))
        case_in(local_authority, received_on=D(2024, 12, 1), next_due_on=TODAY)  # at risk
        PlanFactory(
            assessment__case__person__responsible_la=local_authority,
            assessment__case__caseworker=caseworker,
            assessment__case__next_due_on=TODAY + dt.timedelta(days=200),
        )
        rows = {row.name: row for row in queries.team_caseload(manager, TODAY)}
        assert set(rows) == {caseworker.full_name, manager.full_name, "Not assigned"}
        mine = rows[caseworker.full_name]
        assert (mine.open_cases, mine.live_plans, mine.overdue, mine.due_soon) == (2, 1, 1, 1)
        assert mine.at_risk == 2  # received 6 January, undecided on 2 June
        nobody = rows["Not assigned"]
        assert (nobody.open_cases, nobody.due_soon, nobody.at_risk) == (1, 1, 1)
        totals = queries.caseload_totals(list(rows.values()))
        assert (totals.open_cases, totals.at_risk) == (3, 3)
