"""Every write to casework. Each function takes the acting user, runs in one transaction, refuses
steps that cannot happen in the order given (with a message naming both dates), saves with the
actor as author, adds an event to the case timeline and refreshes the case's next step.

Dates are when a step happened, so they may be in the past but never in the future.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from opensend.casework import clock, next_steps
from opensend.casework.events import Verb, record
from opensend.casework.models import (
    AdviceRequest,
    Assessment,
    Dispute,
    NamedSetting,
    PhaseTransfer,
    Plan,
    Request,
    Review,
)
from opensend.core import codelists
from opensend.core.services import save_as
from opensend.people.models import SenStatus


class CaseworkError(Exception):
    """A step refused: `message` says why and what to do; `field` names the form field."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def _require_date(date: dt.date | None, field: str, what: str) -> dt.date:
    if date is None:
        raise CaseworkError(f"Enter the {what}", field)
    if date > timezone.localdate():
        raise CaseworkError(f"The {what} must be today or in the past", field)
    return date


def _not_before(date: dt.date, earlier: dt.date | None, field: str, what: str, than: str) -> None:
    if earlier is not None and date < earlier:
        raise CaseworkError(
            f"The {what} ({_day(date)}) must be on or after {than} ({_day(earlier)})", field
        )


def _refresh(case: Request) -> None:
    next_steps.refresh_cases(Request.objects.filter(pk=case.pk))
    case.refresh_from_db()


def _stage(case: Request) -> str:
    return next_steps.stage_and_closing(case)[0]


def _require_stage(case: Request, *stages: str, doing: str) -> None:
    stage = _stage(case)
    if stage not in stages:
        label = Request.Stage(stage).label.lower()
        raise CaseworkError(f"You cannot {doing}: the case is at the stage '{label}'")


def _assessment(case: Request) -> Assessment:
    assessment = next_steps.assessment_of(case)
    if assessment is None:
        raise CaseworkError("Record the decision to assess first")
    return assessment


# --- requests ---------------------------------------------------------------------------------


@transaction.atomic
def record_request(
    *,
    actor,
    person,
    received_on: dt.date,
    source: str = "",
    in_youth_accommodation: bool = False,
    kind: str = Request.Kind.INITIAL,
    caseworker=None,
    reassessed_plan: Plan | None = None,
) -> Request:
    _require_date(received_on, "received_on", "date the request was received")
    _not_before(received_on, person.birth_date, "received_on", "date received", "the birth date")
    if source and source not in codelists.REQUEST_SOURCES:
        raise CaseworkError(codelists.REQUEST_SOURCES.problem(source) or "", "source")
    if kind == Request.Kind.REASSESSMENT:
        if reassessed_plan is None or not reassessed_plan.is_live:
            raise CaseworkError("A re-assessment needs a plan that is in place")
        _not_before(
            received_on, reassessed_plan.issued_on, "received_on", "date received", "plan issue"
        )
    elif kind != Request.Kind.INITIAL:
        raise CaseworkError("Record transfers in with 'Record a plan transferred in'")
    else:
        open_case = person.ehc_requests.filter(
            closed_on__isnull=True, kind__in=[Request.Kind.INITIAL, Request.Kind.TRANSFER_IN]
        ).first()
        if open_case is not None:
            raise CaseworkError(
                f"{person.full_name} already has an open case ({open_case.reference}): "
                "record the step there, or close it first"
            )
    case = Request(
        person=person,
        local_authority=person.responsible_la,
        caseworker=caseworker or actor,
        kind=kind,
        received_on=received_on,
        source=source,
        in_youth_accommodation=in_youth_accommodation,
        reassessed_plan=reassessed_plan,
        decision_due_on=(
            clock.reassessment_decision_due(received_on)
            if kind == Request.Kind.REASSESSMENT
            else clock.decision_to_assess_due(received_on)
        ),
        final_plan_due_on=(
            None if kind == Request.Kind.REASSESSMENT else clock.final_plan_due(received_on)
        ),
    )
    save_as(case, actor)
    verb = (
        Verb.REASSESSMENT_REQUESTED if kind == Request.Kind.REASSESSMENT else Verb.REQUEST_RECEIVED
    )
    record(case, verb, received_on, actor=actor, source=codelists.REQUEST_SOURCES.label(source))
    _refresh(case)
    return case


@transaction.atomic
def decide_whether_to_assess(*, actor, case: Request, assess: bool, decided_on: dt.date) -> Request:
    if case.outcome != "A":
        raise CaseworkError(
            f"The decision has already been recorded: {case.get_outcome_display().lower()}"
        )
    _require_date(decided_on, "decided_on", "date of the decision")
    _not_before(decided_on, case.received_on, "decided_on", "decision", "the request")
    case.outcome, case.outcome_on = ("Y" if assess else "N"), decided_on
    if assess and case.kind == Request.Kind.REASSESSMENT:
        case.final_plan_due_on = clock.reassessment_final_plan_due(decided_on)
    save_as(case, actor)
    if assess:
        assert case.received_on is not None
        save_as(
            Assessment(case=case, no_plan_notice_due_on=clock.no_plan_notice_due(case.received_on)),
            actor,
        )
    verb = Verb.DECIDED_TO_ASSESS if assess else Verb.DECIDED_NOT_TO_ASSESS
    record(case, verb, decided_on, actor=actor)
    _refresh(case)
    return case


@transaction.atomic
def withdraw(*, actor, case: Request, withdrawn_on: dt.date) -> Request:
    _require_stage(case, Request.Stage.REQUEST, Request.Stage.ASSESSMENT, doing="withdraw it")
    _require_date(withdrawn_on, "withdrawn_on", "date of withdrawal")
    _not_before(withdrawn_on, case.received_on, "withdrawn_on", "withdrawal", "the request")
    if case.outcome == "A":
        case.outcome, case.outcome_on = "W", withdrawn_on
        save_as(case, actor)
        record(case, Verb.REQUEST_WITHDRAWN, withdrawn_on, actor=actor)
    else:
        _not_before(withdrawn_on, case.outcome_on, "withdrawn_on", "withdrawal", "the decision")
        assessment = _assessment(case)
        assessment.outcome, assessment.outcome_on = "W", withdrawn_on
        save_as(assessment, actor)
        record(case, Verb.ASSESSMENT_WITHDRAWN, withdrawn_on, actor=actor, subject=assessment)
    _refresh(case)
    return case


@transaction.atomic
def record_move_away(*, actor, case: Request, to_la: str, moved_on: dt.date) -> Request:
    _require_stage(
        case,
        Request.Stage.REQUEST,
        Request.Stage.ASSESSMENT,
        doing="record a move (to end a plan after a move, cease it with reason 5)",
    )
    if not (len(to_la) == 3 and to_la.isdigit()):
        raise CaseworkError("Enter the 3-digit DfE number of the local authority", "to_la")
    if to_la == case.local_authority.la_code:
        raise CaseworkError("Enter the local authority the family moved to, not this one", "to_la")
    _require_date(moved_on, "moved_on", "date of the move")
    _not_before(moved_on, case.received_on, "moved_on", "move", "the request")
    case.exported_to_la, case.exported_on = to_la, moved_on
    save_as(case, actor)
    record(case, Verb.MOVED_AWAY, moved_on, actor=actor, to_la=to_la)
    _refresh(case)
    return case


# --- the assessment ---------------------------------------------------------------------------


@transaction.atomic
def request_advice(
    *, actor, case: Request, kind: str, requested_on: dt.date, adviser: str = ""
) -> AdviceRequest:
    _require_stage(case, Request.Stage.ASSESSMENT, doing="ask for advice")
    if kind not in codelists.ADVICE_KINDS:
        raise CaseworkError(codelists.ADVICE_KINDS.problem(kind) or "", "kind")
    _require_date(requested_on, "requested_on", "date advice was requested")
    _not_before(requested_on, case.outcome_on, "requested_on", "request for advice", "decision")
    advice = save_as(
        AdviceRequest(
            case=case,
            kind=kind,
            adviser=adviser,
            requested_on=requested_on,
            due_on=clock.advice_due(requested_on),
        ),
        actor,
    )
    label = codelists.ADVICE_KINDS.label(kind)
    record(case, Verb.ADVICE_REQUESTED, requested_on, actor=actor, subject=advice, kind=label)
    _refresh(case)
    return advice


@transaction.atomic
def record_advice_returned(
    *, actor, advice: AdviceRequest, returned_on: dt.date, quality_note: str = ""
) -> AdviceRequest:
    _require_date(returned_on, "returned_on", "date the advice came back")
    _not_before(returned_on, advice.requested_on, "returned_on", "return", "the request for it")
    advice.returned_on, advice.quality_note = returned_on, quality_note
    save_as(advice, actor)
    weeks = clock.whole_weeks_between(advice.requested_on, returned_on)
    label = codelists.ADVICE_KINDS.label(advice.kind)
    record(
        advice.case,
        Verb.ADVICE_RETURNED,
        returned_on,
        actor=actor,
        subject=advice,
        kind=label,
        weeks=f"after {weeks} weeks",
    )
    _refresh(advice.case)
    return advice


@transaction.atomic
def record_exception(*, actor, case: Request, exception: str, note: str = "") -> Assessment:
    assessment = _assessment(case)
    if exception and exception not in codelists.TIMESCALE_EXCEPTIONS:
        raise CaseworkError(codelists.TIMESCALE_EXCEPTIONS.problem(exception) or "", "exception")
    assessment.exception, assessment.exception_note = exception, note if exception else ""
    save_as(assessment, actor)
    today = timezone.localdate()
    if exception:
        label = codelists.TIMESCALE_EXCEPTIONS.label(exception)
        record(case, Verb.EXCEPTION_RECORDED, today, actor=actor, subject=assessment, reason=label)
    else:
        record(case, Verb.EXCEPTION_REMOVED, today, actor=actor, subject=assessment)
    return assessment


@transaction.atomic
def decide_not_to_issue(*, actor, case: Request, decided_on: dt.date) -> Assessment:
    _require_stage(case, Request.Stage.ASSESSMENT, doing="decide not to issue a plan")
    assessment = _assessment(case)
    _require_date(decided_on, "decided_on", "date of the decision")
    _not_before(decided_on, case.outcome_on, "decided_on", "decision", "the decision to assess")
    assessment.outcome, assessment.outcome_on = "N", decided_on
    save_as(assessment, actor)
    record(case, Verb.DECIDED_NOT_TO_ISSUE, decided_on, actor=actor, subject=assessment)
    _refresh(case)
    return assessment


@transaction.atomic
def send_draft_plan(*, actor, case: Request, sent_on: dt.date):
    """The draft plan (reg 13(1)); for a re-assessment, the draft amended plan."""
    _require_stage(case, Request.Stage.ASSESSMENT, doing="send a draft plan")
    assessment = _assessment(case)
    _require_date(sent_on, "sent_on", "date the draft was sent")
    _not_before(sent_on, case.outcome_on, "sent_on", "draft", "the decision to assess")
    if case.kind == Request.Kind.REASSESSMENT:
        assessment.reassessment_draft_on = sent_on
        save_as(assessment, actor)
        record(case, Verb.DRAFT_PLAN_SENT, sent_on, actor=actor, subject=assessment)
        _refresh(case)
        return assessment
    plan = next_steps.plan_of(case) or Plan(assessment=assessment, person=case.person)
    plan.draft_sent_on = sent_on
    save_as(plan, actor)
    record(case, Verb.DRAFT_PLAN_SENT, sent_on, actor=actor, subject=plan)
    _refresh(case)
    return plan


@transaction.atomic
def issue_plan(*, actor, case: Request, issued_on: dt.date, start_date: dt.date | None = None):
    """The final plan (reg 13(2)); for a re-assessment, the final amended plan (reg 27)."""
    _require_stage(case, Request.Stage.ASSESSMENT, doing="issue a plan")
    assessment = _assessment(case)
    _require_date(issued_on, "issued_on", "date the final plan was issued")
    if case.kind == Request.Kind.REASSESSMENT:
        if assessment.reassessment_draft_on is None:
            raise CaseworkError("Record the draft amended plan before the final one", "issued_on")
        _not_before(issued_on, assessment.reassessment_draft_on, "issued_on", "final", "draft")
        assessment.outcome, assessment.outcome_on = "Y", issued_on
        save_as(assessment, actor)
        record(case, Verb.AMENDED_PLAN_ISSUED, issued_on, actor=actor, subject=assessment)
        _refresh(case)
        return assessment
    plan = next_steps.plan_of(case)
    if plan is None or plan.draft_sent_on is None:
        raise CaseworkError("Record the draft plan before the final plan", "issued_on")
    _not_before(issued_on, plan.draft_sent_on, "issued_on", "final plan", "the draft plan")
    start_date = start_date or issued_on
    _not_before(start_date, case.received_on, "start_date", "plan start", "the request")
    plan.issued_on, plan.start_date = issued_on, start_date
    plan.next_review_due_on = clock.review_due(issued_on, case.person.birth_date)
    save_as(plan, actor)
    assessment.outcome, assessment.outcome_on = "Y", issued_on
    save_as(assessment, actor)
    _start_ehc_status(actor, case.person, start_date)
    weeks = clock.whole_weeks_between(case.received_on, issued_on) if case.received_on else None
    record(case, Verb.PLAN_ISSUED, issued_on, actor=actor, subject=plan, weeks=f"week {weeks}")
    _refresh(case)
    return plan


def _start_ehc_status(actor, person, start: dt.date) -> None:
    """The register shows the plan from its start: SEN support ends the day before."""
    current = person.sen_statuses.filter(end_date__isnull=True).first()
    if current is not None and current.provision == "E":
        return
    if current is not None:
        current.end_date = max(current.start_date, start - dt.timedelta(days=1))
        save_as(current, actor)
    save_as(SenStatus(person=person, provision="E", start_date=start), actor)


@transaction.atomic
def record_transfer_in(
    *,
    actor,
    person,
    from_la: str,
    transferred_on: dt.date,
    start_date: dt.date,
    caseworker=None,
) -> Request:
    """A plan maintained by another LA that this LA now maintains (SEN2 TransferLA; H/H)."""
    if not (len(from_la) == 3 and from_la.isdigit()):
        raise CaseworkError("Enter the 3-digit DfE number of the local authority", "from_la")
    if from_la == person.responsible_la.la_code:
        raise CaseworkError("Enter the local authority the plan came from", "from_la")
    _require_date(transferred_on, "transferred_on", "date of the transfer")
    _require_date(start_date, "start_date", "date the plan started")
    _not_before(transferred_on, start_date, "transferred_on", "transfer", "the plan's start")
    _not_before(start_date, person.birth_date, "start_date", "plan start", "the birth date")
    case = save_as(
        Request(
            person=person,
            local_authority=person.responsible_la,
            caseworker=caseworker or actor,
            kind=Request.Kind.TRANSFER_IN,
            outcome="H",
            outcome_on=transferred_on,
            transferred_from_la=from_la,
        ),
        actor,
    )
    assessment = save_as(Assessment(case=case, outcome="H", outcome_on=transferred_on), actor)
    review_due = clock.review_due(start_date, person.birth_date)
    plan = save_as(
        Plan(
            assessment=assessment,
            person=person,
            issued_on=start_date,
            start_date=start_date,
            next_review_due_on=max(review_due, clock.add_months(transferred_on, 3)),
        ),
        actor,
    )
    _start_ehc_status(actor, person, transferred_on)
    record(case, Verb.TRANSFERRED_IN, transferred_on, actor=actor, subject=plan, from_la=from_la)
    _refresh(case)
    return case


# --- the plan ---------------------------------------------------------------------------------


def _require_live(plan: Plan, doing: str) -> None:
    if not plan.is_live:
        state = "has ceased" if plan.ceased_on else "has not been issued yet"
        raise CaseworkError(f"You cannot {doing}: the plan {state}")


@transaction.atomic
def name_setting(
    *,
    actor,
    plan: Plan,
    rank: int,
    establishment=None,
    sen_setting: str = "",
    sen_setting_other: str = "",
    in_sen_unit: bool = False,
    in_resourced_provision: bool = False,
) -> NamedSetting:
    if rank not in (1, 2):
        raise CaseworkError("A plan names a main setting (1) and at most one more (2)", "rank")
    if bool(establishment) == bool(sen_setting):
        raise CaseworkError(
            "Choose either a school or setting, or an SEN2 setting code, not both", "establishment"
        )
    if sen_setting and (
        sen_setting not in codelists.SEN_SETTINGS
        or sen_setting in codelists.PLAN_ONLY_EXCLUDED_SETTINGS
    ):
        raise CaseworkError(
            "A plan can name OLA, OPA, EHE, EYP or OTH, not a placement-only code", "sen_setting"
        )
    if sen_setting == "OTH" and not sen_setting_other:
        raise CaseworkError("Say what kind of setting is named", "sen_setting_other")
    named = plan.named_settings.filter(rank=rank).first() or NamedSetting(plan=plan, rank=rank)
    named.establishment, named.sen_setting = establishment, sen_setting
    named.sen_setting_other = sen_setting_other
    named.in_sen_unit, named.in_resourced_provision = in_sen_unit, in_resourced_provision
    save_as(named, actor)
    record(
        plan.case,
        Verb.SETTING_NAMED,
        timezone.localdate(),
        actor=actor,
        subject=named,
        setting=named.setting_name,
        rank="main" if rank == 1 else "second",
    )
    return named


@transaction.atomic
def change_plan_details(
    *,
    actor,
    plan: Plan,
    personal_budget: bool,
    organised_arrangements: bool,
    direct_payments: str,
    residential: str,
    work_based: str,
) -> Plan:
    for value, code_list, field in (
        (direct_payments, codelists.DIRECT_PAYMENTS, "direct_payments"),
        (residential, codelists.RESIDENTIAL, "residential"),
        (work_based, codelists.WORK_BASED, "work_based"),
    ):
        if value and value not in code_list:
            raise CaseworkError(code_list.problem(value) or "", field)
    if (organised_arrangements or direct_payments) and not personal_budget:
        raise CaseworkError(
            "Organised arrangements and direct payments are parts of a personal budget: "
            "tick 'Personal budget taken up' too",
            "personal_budget",
        )
    plan.personal_budget, plan.organised_arrangements = personal_budget, organised_arrangements
    plan.direct_payments, plan.residential, plan.work_based = (
        direct_payments,
        residential,
        work_based,
    )
    save_as(plan, actor)
    record(plan.case, Verb.PLAN_DETAILS_CHANGED, timezone.localdate(), actor=actor, subject=plan)
    return plan


@transaction.atomic
def cease_plan(*, actor, plan: Plan, ceased_on: dt.date, reason: str) -> Plan:
    _require_live(plan, "cease it")
    if reason not in codelists.CEASE_REASONS:
        raise CaseworkError("Choose why the plan ceased", "reason")
    _require_date(ceased_on, "ceased_on", "date the plan ceased")
    _not_before(ceased_on, plan.start_date, "ceased_on", "date the plan ceased", "its start")
    plan.ceased_on, plan.cease_reason = ceased_on, reason
    save_as(plan, actor)
    current = plan.person.sen_statuses.filter(provision="E", end_date__isnull=True).first()
    if current is not None:
        current.end_date = max(ceased_on, current.start_date)
        save_as(current, actor)
    label = codelists.CEASE_REASONS.label(reason)
    record(plan.case, Verb.PLAN_CEASED, ceased_on, actor=actor, subject=plan, reason=label)
    _refresh(plan.case)
    return plan


# --- reviews and phase transfers --------------------------------------------------------------


@transaction.atomic
def record_review_meeting(*, actor, plan: Plan, meeting_on: dt.date) -> Review:
    _require_live(plan, "record a review")
    _require_date(meeting_on, "meeting_on", "date of the review meeting")
    _not_before(meeting_on, plan.issued_on, "meeting_on", "review meeting", "the plan's issue")
    waiting = plan.reviews.filter(meeting_on__isnull=False, decision_on__isnull=True).first()
    if waiting is not None:
        raise CaseworkError(
            f"Record the decision on the review of {_day(waiting.meeting_on)} first", "meeting_on"
        )
    last = plan.reviews.filter(meeting_on__isnull=False).order_by("-meeting_on").first()
    if last is not None:
        _not_before(meeting_on, last.meeting_on, "meeting_on", "meeting", "the last review")
    review = save_as(
        Review(
            plan=plan,
            due_on=plan.next_review_due_on or clock.statutory_review_due(plan.issued_on),
            meeting_on=meeting_on,
            decision_due_on=clock.review_decision_due(meeting_on),
        ),
        actor,
    )
    plan.next_review_due_on = clock.review_due(meeting_on, plan.person.birth_date)
    save_as(plan, actor)
    record(plan.case, Verb.REVIEW_MEETING_HELD, meeting_on, actor=actor, subject=review)
    _refresh(plan.case)
    return review


@transaction.atomic
def record_review_report(*, actor, review: Review, sent_on: dt.date) -> Review:
    _require_date(sent_on, "sent_on", "date the report was sent")
    _not_before(sent_on, review.meeting_on, "sent_on", "report", "the meeting")
    review.report_sent_on = sent_on
    save_as(review, actor)
    record(review.plan.case, Verb.REVIEW_REPORT_SENT, sent_on, actor=actor, subject=review)
    return review


@transaction.atomic
def record_review_decision(*, actor, review: Review, decided_on: dt.date, outcome: str) -> Review:
    if review.decision_on is not None:
        raise CaseworkError("The decision on this review has already been recorded")
    if outcome not in codelists.REVIEW_OUTCOMES:
        raise CaseworkError("Choose whether to maintain, amend or cease the plan", "outcome")
    _require_date(decided_on, "decided_on", "date the decision was notified")
    _not_before(decided_on, review.meeting_on, "decided_on", "decision", "the review meeting")
    review.decision_on, review.outcome = decided_on, outcome
    if outcome == "A":
        assert review.meeting_on is not None
        review.amended_plan_due_on = clock.amended_plan_due(review.meeting_on)
    save_as(review, actor)
    label = codelists.REVIEW_OUTCOMES.label(outcome)
    record(
        review.plan.case,
        Verb.REVIEW_DECIDED,
        decided_on,
        actor=actor,
        subject=review,
        outcome=label,
    )
    _refresh(review.plan.case)
    return review


def _require_amendment(review: Review) -> None:
    if review.outcome != "A":
        raise CaseworkError("Only a decision to amend the plan leads to an amended plan")


@transaction.atomic
def send_amendment_draft(*, actor, review: Review, sent_on: dt.date) -> Review:
    _require_amendment(review)
    _require_date(sent_on, "sent_on", "date the draft amended plan was sent")
    _not_before(sent_on, review.meeting_on, "sent_on", "draft", "the review meeting")
    review.amendment_draft_on = sent_on
    save_as(review, actor)
    record(review.plan.case, Verb.AMENDMENT_DRAFT_SENT, sent_on, actor=actor, subject=review)
    return review


@transaction.atomic
def issue_amended_plan(*, actor, review: Review, issued_on: dt.date) -> Review:
    _require_amendment(review)
    if review.amendment_draft_on is None:
        raise CaseworkError("Record the draft amended plan before the final one", "issued_on")
    _require_date(issued_on, "issued_on", "date the amended plan was issued")
    _not_before(issued_on, review.amendment_draft_on, "issued_on", "final", "the draft")
    review.amended_plan_issued_on = issued_on
    save_as(review, actor)
    record(review.plan.case, Verb.AMENDED_PLAN_ISSUED, issued_on, actor=actor, subject=review)
    _refresh(review.plan.case)
    return review


@transaction.atomic
def start_phase_transfer(
    *, actor, plan: Plan, move: str, transfer_year: int, next_setting=None
) -> PhaseTransfer:
    _require_live(plan, "start a phase transfer")
    if move not in PhaseTransfer.Move.values:
        raise CaseworkError("Choose the move between phases", "move")
    this_year = timezone.localdate().year
    if not this_year - 1 <= transfer_year <= this_year + 2:
        raise CaseworkError(
            f"Enter a year of transfer between {this_year - 1} and {this_year + 2}",
            "transfer_year",
        )
    if plan.phase_transfers.filter(transfer_year=transfer_year).exists():
        raise CaseworkError(f"A transfer in {transfer_year} is already recorded", "transfer_year")
    transfer = save_as(
        PhaseTransfer(
            plan=plan,
            move=move,
            transfer_year=transfer_year,
            deadline=clock.phase_transfer_deadline(
                transfer_year, move == PhaseTransfer.Move.SECONDARY_TO_POST16
            ),
            next_setting=next_setting,
        ),
        actor,
    )
    record(
        plan.case,
        Verb.PHASE_TRANSFER_RECORDED,
        timezone.localdate(),
        actor=actor,
        subject=transfer,
        move=transfer.get_move_display(),
        due=_day(transfer.deadline),
    )
    _refresh(plan.case)
    return transfer


@transaction.atomic
def issue_phase_transfer_plan(
    *, actor, transfer: PhaseTransfer, issued_on: dt.date, next_setting=None
) -> PhaseTransfer:
    _require_date(issued_on, "issued_on", "date the amended plan was issued")
    _not_before(issued_on, transfer.plan.issued_on, "issued_on", "amended plan", "the plan")
    transfer.amended_plan_issued_on = issued_on
    transfer.next_setting = next_setting or transfer.next_setting
    save_as(transfer, actor)
    late = issued_on > transfer.deadline
    record(
        transfer.plan.case,
        Verb.PHASE_TRANSFER_PLAN_ISSUED,
        issued_on,
        actor=actor,
        subject=transfer,
        timeliness="after the deadline" if late else "on time",
    )
    _refresh(transfer.plan.case)
    return transfer


# --- disagreements ----------------------------------------------------------------------------


@transaction.atomic
def record_dispute(*, actor, case: Request, decision: str, decision_on: dt.date) -> Dispute:
    if decision not in codelists.DISPUTED_DECISIONS:
        raise CaseworkError("Choose the decision the family disagrees with", "decision")
    _require_date(decision_on, "decision_on", "date of the decision letter")
    _not_before(decision_on, case.received_on, "decision_on", "decision", "the request")
    dispute = save_as(
        Dispute(
            case=case,
            decision=decision,
            decision_on=decision_on,
            mediation_contact_due_on=clock.mediation_contact_deadline(decision_on),
            appeal_due_on=clock.appeal_deadline(decision_on),
        ),
        actor,
    )
    label = codelists.DISPUTED_DECISIONS.label(decision)
    record(case, Verb.DISPUTE_RECORDED, decision_on, actor=actor, subject=dispute, decision=label)
    return dispute


DISPUTE_STEPS = [
    # field, what, must not be before (field), event verb
    ("mediation_on", "mediation meeting", "decision_on", Verb.MEDIATION_HELD),
    ("certificate_on", "mediation certificate", "decision_on", None),
    ("appeal_registered_on", "appeal", "decision_on", Verb.APPEAL_REGISTERED),
    ("hearing_on", "hearing", "appeal_registered_on", None),
    ("tribunal_outcome_on", "Tribunal's decision", "appeal_registered_on", Verb.TRIBUNAL_DECIDED),
    ("closed_on", "closing date", "decision_on", Verb.DISPUTE_CLOSED),
]


@transaction.atomic
def update_dispute(
    *,
    actor,
    dispute: Dispute,
    mediation_on: dt.date | None = None,
    mediation_outcome: str = "",
    certificate_on: dt.date | None = None,
    appeal_registered_on: dt.date | None = None,
    hearing_on: dt.date | None = None,
    tribunal_outcome: str = "",
    tribunal_outcome_on: dt.date | None = None,
    closed_on: dt.date | None = None,
) -> Dispute:
    values = {
        "mediation_on": mediation_on,
        "certificate_on": certificate_on,
        "appeal_registered_on": appeal_registered_on,
        "hearing_on": hearing_on,
        "tribunal_outcome_on": tribunal_outcome_on,
        "closed_on": closed_on,
    }
    if mediation_outcome and mediation_outcome not in codelists.MEDIATION_OUTCOMES:
        raise CaseworkError("Choose how mediation ended", "mediation_outcome")
    if tribunal_outcome and tribunal_outcome not in codelists.TRIBUNAL_OUTCOMES:
        raise CaseworkError("Choose the Tribunal's decision", "tribunal_outcome")
    if (hearing_on or tribunal_outcome or tribunal_outcome_on) and not appeal_registered_on:
        raise CaseworkError("Enter the date the appeal was registered", "appeal_registered_on")
    if bool(tribunal_outcome) != bool(tribunal_outcome_on):
        field = "tribunal_outcome_on" if tribunal_outcome else "tribunal_outcome"
        raise CaseworkError("Enter both the Tribunal's decision and its date", field)
    changed = []
    for field, what, after, verb in DISPUTE_STEPS:
        date = values[field]
        if date is None:
            continue
        _require_date(date, field, f"date of the {what}")
        earlier = values.get(after) or getattr(dispute, after)
        than = "the decision" if after == "decision_on" else "the appeal"
        _not_before(date, earlier, field, what, than)
        if getattr(dispute, field) != date and verb is not None:
            changed.append((verb, date))
    for field, date in values.items():
        setattr(dispute, field, date)
    dispute.mediation_outcome, dispute.tribunal_outcome = mediation_outcome, tribunal_outcome
    dispute.appeal_due_on = clock.appeal_deadline(dispute.decision_on, certificate_on)
    save_as(dispute, actor)
    for verb, date in changed:
        detail = {}
        if verb == Verb.TRIBUNAL_DECIDED:
            detail["outcome"] = codelists.TRIBUNAL_OUTCOMES.label(tribunal_outcome)
        if verb == Verb.MEDIATION_HELD and mediation_outcome:
            detail["outcome"] = codelists.MEDIATION_OUTCOMES.label(mediation_outcome)
        record(dispute.case, verb, date, actor=actor, subject=dispute, **detail)
    return dispute


# --- the team -----------------------------------------------------------------------------------


@transaction.atomic
def assign_cases(*, actor, cases, caseworker) -> int:
    """Give `cases` (those the actor can see) to `caseworker`, a caseworker or SEND manager in
    the actor's organisation."""
    from opensend.accounts.roles import Role

    if (
        caseworker is None
        or not caseworker.is_active
        or caseworker.organisation_id != actor.organisation_id
        or caseworker.role not in (Role.CASEWORKER, Role.SEND_MANAGER)
    ):
        raise CaseworkError("Choose a caseworker in your team", "caseworker")
    moving = list(Request.objects.visible_to(actor).filter(pk__in=[c.pk for c in cases]))
    today = timezone.localdate()
    count = 0
    for case in moving:
        if case.caseworker_id == caseworker.pk:
            continue
        case.caseworker = caseworker
        save_as(case, actor)
        record(case, Verb.CASE_ASSIGNED, today, actor=actor, to=caseworker.get_full_name())
        count += 1
    return count
