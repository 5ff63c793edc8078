"""Factories for synthetic casework records (never real people).

They write rows directly, without the services' checks or timeline events: use them to set up a
case at a given stage; use `opensend.casework.services` to test the steps themselves."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from opensend.casework import clock
from opensend.casework.models import (
    AdviceRequest,
    Assessment,
    CaseEvent,
    Dispute,
    NamedSetting,
    PhaseTransfer,
    Plan,
    Request,
    Review,
)
from tests.factories import PersonFactory

RECEIVED = dt.date(2025, 1, 6)


class CaseFactory(DjangoModelFactory):
    """A request for an EHC needs assessment, received and not yet decided."""

    class Meta:
        model = Request

    person = factory.SubFactory(PersonFactory)
    local_authority = factory.SelfAttribute("person.responsible_la")
    received_on = RECEIVED
    source = "1"
    outcome = "A"
    decision_due_on = factory.LazyAttribute(lambda o: clock.decision_to_assess_due(o.received_on))
    final_plan_due_on = factory.LazyAttribute(lambda o: clock.final_plan_due(o.received_on))
    next_step = "Decide whether to assess"
    next_due_on = factory.SelfAttribute("decision_due_on")
    next_regulation = "reg 5(1)"


class AssessmentFactory(DjangoModelFactory):
    """An assessment under way: the case's request was decided Y."""

    class Meta:
        model = Assessment

    case = factory.SubFactory(
        CaseFactory, outcome="Y", outcome_on=RECEIVED + dt.timedelta(weeks=5), stage="assessment"
    )
    outcome = "A"
    no_plan_notice_due_on = factory.LazyAttribute(
        lambda o: clock.no_plan_notice_due(o.case.received_on)
    )


class AdviceRequestFactory(DjangoModelFactory):
    class Meta:
        model = AdviceRequest

    case = factory.LazyAttribute(lambda o: AssessmentFactory().case)
    kind = "EP"
    requested_on = RECEIVED + dt.timedelta(weeks=6)
    due_on = factory.LazyAttribute(lambda o: clock.advice_due(o.requested_on))


class PlanFactory(DjangoModelFactory):
    """An issued plan (draft sent, final issued in week 18)."""

    class Meta:
        model = Plan
        skip_postgeneration_save = True

    assessment = factory.SubFactory(
        AssessmentFactory, outcome="Y", outcome_on=RECEIVED + dt.timedelta(weeks=18)
    )
    person = factory.SelfAttribute("assessment.case.person")
    draft_sent_on = RECEIVED + dt.timedelta(weeks=15)
    issued_on = RECEIVED + dt.timedelta(weeks=18)
    start_date = factory.SelfAttribute("issued_on")
    next_review_due_on = factory.LazyAttribute(lambda o: clock.statutory_review_due(o.issued_on))

    @factory.post_generation
    def stage(obj, create, extracted, **kwargs):
        if create and obj.issued_on and not obj.ceased_on:
            Request.objects.filter(pk=obj.assessment.case_id).update(stage="plan")


class NamedSettingFactory(DjangoModelFactory):
    class Meta:
        model = NamedSetting

    plan = factory.SubFactory(PlanFactory)
    rank = 1
    establishment = factory.SubFactory("tests.factories.EstablishmentFactory")


class ReviewFactory(DjangoModelFactory):
    """A review whose meeting was held, waiting for the decision."""

    class Meta:
        model = Review

    plan = factory.SubFactory(PlanFactory)
    due_on = factory.LazyAttribute(lambda o: clock.statutory_review_due(o.plan.issued_on))
    meeting_on = factory.SelfAttribute("due_on")
    decision_due_on = factory.LazyAttribute(lambda o: clock.review_decision_due(o.meeting_on))


class PhaseTransferFactory(DjangoModelFactory):
    class Meta:
        model = PhaseTransfer

    plan = factory.SubFactory(PlanFactory)
    move = PhaseTransfer.Move.PRIMARY_TO_SECONDARY
    transfer_year = 2026
    deadline = factory.LazyAttribute(
        lambda o: clock.phase_transfer_deadline(o.transfer_year, o.move == "post16")
    )


class DisputeFactory(DjangoModelFactory):
    class Meta:
        model = Dispute

    case = factory.SubFactory(CaseFactory, outcome="N", outcome_on=RECEIVED + dt.timedelta(weeks=6))
    decision = "NOT_ASSESS"
    decision_on = RECEIVED + dt.timedelta(weeks=6)
    mediation_contact_due_on = factory.LazyAttribute(
        lambda o: clock.mediation_contact_deadline(o.decision_on)
    )
    appeal_due_on = factory.LazyAttribute(lambda o: clock.appeal_deadline(o.decision_on))


class CaseEventFactory(DjangoModelFactory):
    class Meta:
        model = CaseEvent

    case = factory.SubFactory(CaseFactory)
    verb = "request_received"
    object_type = "request"
    object_id = factory.SelfAttribute("case.pk")
    occurred_on = RECEIVED
