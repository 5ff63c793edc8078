"""Every casework step through the services: what it records, the timeline, the next step, and
the sequences refused."""

import datetime as dt

import pytest

from opensend.accounts.roles import Role
from opensend.casework import services
from opensend.casework.events import Verb
from opensend.casework.models import PhaseTransfer, Request
from opensend.casework.services import CaseworkError
from opensend.people.models import SenStatus
from tests.factories import EstablishmentFactory, PersonFactory, SenStatusFactory

D = dt.date
RECEIVED = D(2025, 3, 3)


@pytest.fixture
def actor(make_user):
    return make_user(Role.CASEWORKER)


@pytest.fixture
def person(local_authority):
    person = PersonFactory(responsible_la=local_authority, birth_date=D(2016, 5, 4))
    SenStatusFactory(person=person, provision="K", start_date=D(2023, 9, 1), end_date=None)
    return person


@pytest.fixture
def case(actor, person):
    return services.record_request(actor=actor, person=person, received_on=RECEIVED, source="1")


def verbs(case):
    return list(case.events.order_by("occurred_on", "pk").values_list("verb", flat=True))


DECIDED = D(2025, 4, 10)
DRAFT, FINAL = D(2025, 6, 20), D(2025, 7, 14)


def assessing(actor, case, decided_on=DECIDED):
    services.decide_whether_to_assess(actor=actor, case=case, assess=True, decided_on=decided_on)
    return case


def issued(actor, case, draft=DRAFT, final=FINAL):
    assessing(actor, case)
    services.send_draft_plan(actor=actor, case=case, sent_on=draft)
    return services.issue_plan(actor=actor, case=case, issued_on=final)


@pytest.mark.django_db
class TestRequest:
    def test_records_due_dates_and_first_step(self, case, actor):
        assert case.decision_due_on == D(2025, 4, 14)
        assert case.final_plan_due_on == D(2025, 7, 21)
        assert (case.stage, case.next_step, case.next_due_on) == (
            "request",
            "Decide whether to assess",
            D(2025, 4, 14),
        )
        assert case.caseworker == actor
        assert case.local_authority == case.person.responsible_la
        assert verbs(case) == [Verb.REQUEST_RECEIVED]

    def test_refuses_a_second_open_request(self, case, actor, person):
        with pytest.raises(CaseworkError, match="already has an open case"):
            services.record_request(actor=actor, person=person, received_on=D(2025, 3, 10))

    def test_refuses_future_and_before_birth(self, actor, person):
        future = dt.date.today() + dt.timedelta(days=3)
        with pytest.raises(CaseworkError) as error:
            services.record_request(actor=actor, person=person, received_on=future)
        assert error.value.field == "received_on"
        with pytest.raises(CaseworkError, match="birth date"):
            services.record_request(actor=actor, person=person, received_on=D(2015, 1, 1))

    def test_decision_before_receipt_is_refused(self, case, actor):
        with pytest.raises(CaseworkError, match=r"\(1 March 2025\).*\(3 March 2025\)") as error:
            services.decide_whether_to_assess(
                actor=actor, case=case, assess=True, decided_on=D(2025, 3, 1)
            )
        assert error.value.field == "decided_on"
        case.refresh_from_db()
        assert case.outcome == "A"
        assert verbs(case) == [Verb.REQUEST_RECEIVED]

    def test_decision_not_to_assess_closes_the_case(self, case, actor):
        services.decide_whether_to_assess(
            actor=actor, case=case, assess=False, decided_on=D(2025, 4, 1)
        )
        assert (case.outcome, case.stage, case.closed_on, case.next_due_on) == (
            "N",
            "closed",
            D(2025, 4, 1),
            None,
        )
        with pytest.raises(CaseworkError, match="already been recorded"):
            services.decide_whether_to_assess(
                actor=actor, case=case, assess=True, decided_on=D(2025, 4, 2)
            )

    def test_withdrawal_before_and_after_the_decision(self, case, actor, person):
        services.withdraw(actor=actor, case=case, withdrawn_on=D(2025, 3, 20))
        assert (case.outcome, case.stage) == ("W", "closed")
        second = services.record_request(actor=actor, person=person, received_on=D(2025, 5, 1))
        assessing(actor, second, D(2025, 6, 1))
        services.withdraw(actor=actor, case=second, withdrawn_on=D(2025, 7, 1))
        second.assessment.refresh_from_db()
        assert second.assessment.outcome == "W"
        assert second.stage == "closed"

    def test_move_away_is_exported(self, case, actor):
        with pytest.raises(CaseworkError, match="not this one"):
            services.record_move_away(actor=actor, case=case, to_la="383", moved_on=D(2025, 4, 1))
        services.record_move_away(actor=actor, case=case, to_la="816", moved_on=D(2025, 4, 1))
        assert (case.exported_to_la, case.stage) == ("816", "closed")


@pytest.mark.django_db
class TestAssessment:
    def test_decision_to_assess_opens_the_assessment(self, case, actor):
        assessing(actor, case)
        assert case.assessment.no_plan_notice_due_on == D(2025, 6, 23)
        assert case.stage == "assessment"
        assert (case.next_step, case.next_due_on) == (
            "Decide whether to issue a plan",
            D(2025, 6, 23),
        )

    def test_advice_is_due_in_six_weeks_and_comes_first(self, case, actor):
        assessing(actor, case)
        advice = services.request_advice(
            actor=actor, case=case, kind="EP", requested_on=D(2025, 4, 11)
        )
        assert advice.due_on == D(2025, 5, 23)
        assert case.next_step.startswith("Chase advice")
        assert case.next_due_on == D(2025, 5, 23)
        with pytest.raises(CaseworkError, match="return"):
            services.record_advice_returned(actor=actor, advice=advice, returned_on=D(2025, 4, 1))
        services.record_advice_returned(actor=actor, advice=advice, returned_on=D(2025, 6, 2))
        case.refresh_from_db()
        assert case.next_step == "Decide whether to issue a plan"

    def test_advice_only_while_assessing(self, case, actor):
        with pytest.raises(CaseworkError, match="cannot ask for advice"):
            services.request_advice(actor=actor, case=case, kind="EP", requested_on=D(2025, 3, 4))

    def test_draft_then_final_plan_writes_the_register(self, case, actor, person):
        assessing(actor, case)
        services.send_draft_plan(actor=actor, case=case, sent_on=D(2025, 6, 20))
        assert (case.next_step, case.next_due_on) == ("Issue the final plan", D(2025, 7, 21))
        plan = services.issue_plan(actor=actor, case=case, issued_on=D(2025, 7, 14))
        case.refresh_from_db()
        assert case.assessment.outcome == "Y"
        assert case.assessment.outcome_on == D(2025, 7, 14)
        assert plan.start_date == D(2025, 7, 14)
        assert plan.next_review_due_on == D(2026, 7, 14)
        assert (case.stage, case.next_step) == ("plan", "Hold the annual review")
        statuses = list(SenStatus.objects.filter(person=person).order_by("start_date"))
        assert [(s.provision, s.start_date, s.end_date) for s in statuses] == [
            ("K", D(2023, 9, 1), D(2025, 7, 13)),
            ("E", D(2025, 7, 14), None),
        ]
        assert verbs(case) == [
            Verb.REQUEST_RECEIVED,
            Verb.DECIDED_TO_ASSESS,
            Verb.DRAFT_PLAN_SENT,
            Verb.PLAN_ISSUED,
        ]

    def test_final_before_draft_is_refused(self, case, actor):
        assessing(actor, case)
        with pytest.raises(CaseworkError, match="draft plan before the final"):
            services.issue_plan(actor=actor, case=case, issued_on=D(2025, 7, 1))
        services.send_draft_plan(actor=actor, case=case, sent_on=D(2025, 6, 20))
        with pytest.raises(CaseworkError, match="on or after the draft") as error:
            services.issue_plan(actor=actor, case=case, issued_on=D(2025, 6, 19))
        assert error.value.field == "issued_on"

    def test_decision_not_to_issue(self, case, actor):
        assessing(actor, case)
        services.decide_not_to_issue(actor=actor, case=case, decided_on=D(2025, 6, 1))
        case.refresh_from_db()
        assert (case.assessment.outcome, case.stage) == ("N", "closed")

    def test_exception_is_recorded_and_removed(self, case, actor):
        with pytest.raises(CaseworkError, match="decision to assess first"):
            services.record_exception(actor=actor, case=case, exception="AWAY")
        assessing(actor, case)
        services.record_exception(actor=actor, case=case, exception="AWAY", note="Abroad 5 weeks")
        assert case.assessment.week20_exception
        services.record_exception(actor=actor, case=case, exception="")
        assert not case.assessment.week20_exception
        with pytest.raises(CaseworkError):
            services.record_exception(actor=actor, case=case, exception="NOPE")


@pytest.mark.django_db
class TestPlan:
    def test_review_cycle_with_amendment(self, case, actor):
        plan = issued(actor, case)
        with pytest.raises(CaseworkError, match="on or after the plan's issue"):
            services.record_review_meeting(actor=actor, plan=plan, meeting_on=D(2025, 7, 1))
        review = services.record_review_meeting(actor=actor, plan=plan, meeting_on=D(2026, 6, 30))
        assert review.due_on == D(2026, 7, 14)
        assert review.decision_due_on == D(2026, 7, 28)
        case.refresh_from_db()
        assert (case.next_step, case.next_due_on) == ("Notify the review decision", D(2026, 7, 28))
        with pytest.raises(CaseworkError, match="decision on the review"):
            services.record_review_meeting(actor=actor, plan=plan, meeting_on=D(2026, 7, 2))
        services.record_review_report(actor=actor, review=review, sent_on=D(2026, 7, 7))
        services.record_review_decision(
            actor=actor, review=review, decided_on=D(2026, 7, 20), outcome="A"
        )
        assert review.amended_plan_due_on == D(2026, 9, 22)
        with pytest.raises(CaseworkError, match="draft amended plan before"):
            services.issue_amended_plan(actor=actor, review=review, issued_on=D(2026, 9, 1))
        services.send_amendment_draft(actor=actor, review=review, sent_on=D(2026, 7, 20))
        services.issue_amended_plan(actor=actor, review=review, issued_on=D(2026, 9, 1))
        case.refresh_from_db()
        assert (case.next_step, case.next_due_on) == ("Hold the annual review", D(2027, 6, 30))

    def test_maintain_needs_no_amended_plan(self, case, actor):
        plan = issued(actor, case)
        review = services.record_review_meeting(actor=actor, plan=plan, meeting_on=D(2026, 6, 30))
        services.record_review_decision(
            actor=actor, review=review, decided_on=D(2026, 7, 1), outcome="M"
        )
        with pytest.raises(CaseworkError, match="Only a decision to amend"):
            services.send_amendment_draft(actor=actor, review=review, sent_on=D(2026, 7, 2))

    def test_cease_before_start_is_refused_and_cease_ends_the_plan(self, case, actor, person):
        plan = issued(actor, case)
        with pytest.raises(CaseworkError, match="on or after its start") as error:
            services.cease_plan(actor=actor, plan=plan, ceased_on=D(2025, 7, 1), reason="2")
        assert error.value.field == "ceased_on"
        services.cease_plan(actor=actor, plan=plan, ceased_on=D(2026, 3, 31), reason="2")
        case.refresh_from_db()
        assert (case.stage, case.closed_on) == ("closed", D(2026, 3, 31))
        ehc = SenStatus.objects.get(person=person, provision="E")
        assert ehc.end_date == D(2026, 3, 31)
        with pytest.raises(CaseworkError, match="has ceased"):
            services.record_review_meeting(actor=actor, plan=plan, meeting_on=D(2026, 4, 1))

    def test_phase_transfer_deadline(self, case, actor):
        plan = issued(actor, case)
        year = dt.date.today().year + 1
        transfer = services.start_phase_transfer(
            actor=actor, plan=plan, move=PhaseTransfer.Move.PRIMARY_TO_SECONDARY, transfer_year=year
        )
        assert transfer.deadline == D(year, 2, 15)
        post16 = services.start_phase_transfer(
            actor=actor,
            plan=plan,
            move=PhaseTransfer.Move.SECONDARY_TO_POST16,
            transfer_year=year + 1,
        )
        assert post16.deadline == D(year + 1, 3, 31)
        with pytest.raises(CaseworkError, match="already recorded"):
            services.start_phase_transfer(
                actor=actor, plan=plan, move=PhaseTransfer.Move.INFANT_TO_JUNIOR, transfer_year=year
            )
        services.issue_phase_transfer_plan(actor=actor, transfer=transfer, issued_on=D(2025, 12, 1))
        assert transfer.amended_plan_issued_on == D(2025, 12, 1)

    def test_named_settings_and_details(self, case, actor):
        plan = issued(actor, case)
        school = EstablishmentFactory()
        services.name_setting(actor=actor, plan=plan, rank=1, establishment=school)
        services.name_setting(actor=actor, plan=plan, rank=2, sen_setting="OLA")
        assert [s.rank for s in plan.named_settings.all()] == [1, 2]
        with pytest.raises(CaseworkError, match="not both"):
            services.name_setting(
                actor=actor, plan=plan, rank=1, establishment=school, sen_setting="EHE"
            )
        with pytest.raises(CaseworkError, match="placement-only"):
            services.name_setting(actor=actor, plan=plan, rank=1, sen_setting="NEET")
        with pytest.raises(CaseworkError, match="part of a personal budget|parts of a personal"):
            services.change_plan_details(
                actor=actor,
                plan=plan,
                personal_budget=False,
                organised_arrangements=False,
                direct_payments="E",
                residential="",
                work_based="",
            )
        services.change_plan_details(
            actor=actor,
            plan=plan,
            personal_budget=True,
            organised_arrangements=False,
            direct_payments="I",
            residential="A",
            work_based="S",
        )
        plan.refresh_from_db()
        assert (plan.direct_payments, plan.residential, plan.work_based) == ("I", "A", "S")

    def test_transfer_in_and_reassessment(self, actor, person):
        case = services.record_transfer_in(
            actor=actor,
            person=person,
            from_la="816",
            transferred_on=D(2025, 2, 1),
            start_date=D(2022, 5, 1),
        )
        plan = case.assessment.plan
        assert (case.kind, case.outcome, case.assessment.outcome) == ("transfer_in", "H", "H")
        assert case.transferred_from_la == "816"
        assert case.stage == "plan"
        assert plan.next_review_due_on == D(2025, 5, 1)
        again = services.record_request(
            actor=actor,
            person=person,
            received_on=D(2025, 9, 1),
            kind=Request.Kind.REASSESSMENT,
            reassessed_plan=plan,
        )
        assert (again.next_step, again.next_due_on) == (
            "Decide whether to re-assess",
            D(2025, 9, 16),
        )
        assessing(actor, again, D(2025, 9, 10))
        assert again.final_plan_due_on == D(2025, 12, 17)
        services.send_draft_plan(actor=actor, case=again, sent_on=D(2025, 11, 1))
        services.issue_plan(actor=actor, case=again, issued_on=D(2025, 12, 1))
        again.refresh_from_db()
        assert again.stage == "closed"
        assert again.assessment.outcome == "Y"
        assert SenStatus.objects.filter(person=person, provision="E").count() == 1


@pytest.mark.django_db
class TestDisputesAndTeam:
    def test_dispute_deadlines_and_sequence(self, case, actor):
        services.decide_whether_to_assess(
            actor=actor, case=case, assess=False, decided_on=D(2025, 4, 10)
        )
        dispute = services.record_dispute(
            actor=actor, case=case, decision="NOT_ASSESS", decision_on=D(2025, 4, 10)
        )
        assert dispute.mediation_contact_due_on == D(2025, 6, 10)
        assert dispute.appeal_due_on == D(2025, 6, 10)
        with pytest.raises(CaseworkError, match="appeal was registered"):
            services.update_dispute(actor=actor, dispute=dispute, hearing_on=D(2025, 9, 1))
        with pytest.raises(CaseworkError, match="on or after the appeal"):
            services.update_dispute(
                actor=actor,
                dispute=dispute,
                appeal_registered_on=D(2025, 6, 1),
                hearing_on=D(2025, 5, 1),
            )
        services.update_dispute(
            actor=actor,
            dispute=dispute,
            mediation_on=D(2025, 5, 1),
            mediation_outcome="NOT_AGREED",
            certificate_on=D(2025, 5, 20),
            appeal_registered_on=D(2025, 6, 15),
            hearing_on=D(2025, 10, 1),
            tribunal_outcome="UPHELD",
            tribunal_outcome_on=D(2025, 10, 20),
        )
        assert dispute.appeal_due_on == D(2025, 6, 20)
        assert verbs(case)[-3:] == [
            Verb.MEDIATION_HELD,
            Verb.APPEAL_REGISTERED,
            Verb.TRIBUNAL_DECIDED,
        ]

    def test_assign_cases_within_the_team(self, case, actor, make_user, other_local_authority):
        manager = make_user(Role.SEND_MANAGER)
        colleague = make_user(Role.CASEWORKER)
        assert services.assign_cases(actor=manager, cases=[case], caseworker=colleague) == 1
        case.refresh_from_db()
        assert case.caseworker == colleague
        assert verbs(case)[-1] == Verb.CASE_ASSIGNED
        outsider = make_user(Role.CASEWORKER, organisation=other_local_authority)
        with pytest.raises(CaseworkError, match="in your team"):
            services.assign_cases(actor=manager, cases=[case], caseworker=outsider)
        york_manager = make_user(Role.SEND_MANAGER, organisation=other_local_authority)
        assert services.assign_cases(actor=york_manager, cases=[case], caseworker=outsider) == 0
