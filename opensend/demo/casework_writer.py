"""Saves a synthetic partnership's casework history (`casework_history`) in bulk.

Rows go in through `writer.TableWriter` (explicit ids, batches, COPY on PostgreSQL), with the
simple-history "created" row beside each unless `lean`. Each step gets its timeline event as
`casework.events.build` would make it (verb, the record it is about, detail). Cases are shared
among the LA's caseworkers by person, so a family keeps one caseworker.
`casework.next_steps.refresh_cases` then stores each case's stage and next step.
"""

import datetime as dt
import json
from collections import Counter

from django.db.models import NOT_PROVIDED

from opensend.casework import clock
from opensend.casework.events import Verb, with_summary
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
from opensend.core import codelists
from opensend.demo import casework_history as history
from opensend.demo.writer import TableWriter, reset_sequences

MODELS = [Request, AdviceRequest, Assessment, Plan, NamedSetting, Review, PhaseTransfer, Dispute]
LEAN_FROM = dt.date(2023, 1, 1)  # lean (England-wide) loads keep reviews and transfers since
AUTOMATIC = {"id", "recorded_at"}


class Subject:
    """What a timeline event is about, as `events.build` records it (the model's name and the
    row's id), without making a model instance for each of hundreds of thousands of events."""

    __slots__ = ("object_type", "pk")

    def __init__(self, model, pk: int):
        self.object_type = model._meta.model_name
        self.pk = pk


class RowWriter:
    """A TableWriter taking keyword values, with every other column at its default."""

    def __init__(self, model, *, history: bool, now):
        fields = [f for f in model._meta.concrete_fields if f.attname not in ("id",)]
        self.defaults = {}
        for f in fields:
            if f.attname in ("created_at", "modified_at", "recorded_at"):
                self.defaults[f.attname] = now
            elif f.default is not NOT_PROVIDED:
                self.defaults[f.attname] = f.get_default()
            else:
                self.defaults[f.attname] = None if f.null else ""
        self.columns = list(self.defaults)
        self.positions = {c: i for i, c in enumerate(self.columns)}
        self.default_row = list(self.defaults.values())
        self.table = TableWriter(model, self.columns, history=history)

    def add(self, **values) -> int:
        row = self.default_row.copy()
        positions = self.positions
        for column, value in values.items():
            row[positions[column]] = value
        return self.table.add(row)


class CaseworkWriter:
    def __init__(self, *, la_id: int, person_ids: dict, establishment_ids: dict, lean: bool):
        self.la_id = la_id
        self.person_ids = person_ids
        self.establishment_ids = establishment_ids
        self.lean = lean
        probe = TableWriter(Request, ["kind"], history=False)
        now = probe.now
        self.rows = {m: RowWriter(m, history=not lean, now=now) for m in MODELS}
        self.events = RowWriter(CaseEvent, history=False, now=now)
        self.plan_ids: dict[int, int] = {}

    def save(self, cases: list[history.Case], caseworkers: list) -> Counter:
        team = [u for u in caseworkers if u is not None]
        order = sorted(cases, key=lambda c: c.kind == "reassessment")  # plans before reassessments
        for case in order:
            person_id = self.person_ids[id(case.person)]
            caseworker = team[person_id % len(team)] if team else None
            self.case(case, person_id, caseworker)
        written = Counter()
        for writer in [*self.rows.values(), self.events]:
            writer.table.flush()
            written[writer.table.model._meta.verbose_name_plural] = writer.table.written
        reset_sequences([*MODELS, CaseEvent])
        return written

    # --- one case ------------------------------------------------------------------------

    def case(self, case: history.Case, person_id: int, caseworker) -> None:
        received = case.received_on
        initial = case.kind == "initial"
        case_id = self.rows[Request].add(
            person_id=person_id,
            local_authority_id=self.la_id,
            caseworker_id=caseworker.pk if caseworker else None,
            kind=case.kind,
            received_on=received or (case.plan.issued_on if case.plan else None),
            source=case.source,
            outcome=case.outcome if case.decided_on or case.outcome in "HW" else "A",
            outcome_on=case.decided_on,
            decision_due_on=clock.decision_to_assess_due(received)
            if initial and received
            else None,
            final_plan_due_on=clock.final_plan_due(received) if initial and received else None,
            transferred_from_la=case.transferred_from_la,
            reassessed_plan_id=self.plan_ids.get(id(case.reassessed)) if case.reassessed else None,
            **dict(zip(("stage", "closed_on"), stage_and_closing(case), strict=True)),
        )
        request = Subject(Request, case_id)
        log = []
        if case.kind == "historical":
            log.append((Verb.HISTORICAL_PLAN, case.plan.issued_on, request, {}))
        elif case.kind == "transfer_in":
            log.append(
                (Verb.TRANSFERRED_IN, received, request, {"from_la": case.transferred_from_la})
            )
        elif received:
            verb = (
                Verb.REASSESSMENT_REQUESTED
                if case.kind == "reassessment"
                else Verb.REQUEST_RECEIVED
            )
            log.append((verb, received, request, {}))
            if case.decided_on:
                verb = {"Y": Verb.DECIDED_TO_ASSESS, "N": Verb.DECIDED_NOT_TO_ASSESS}.get(
                    case.outcome, Verb.REQUEST_WITHDRAWN
                )
                log.append((verb, case.decided_on, request, {}))
        for advice in case.advice:
            advice_id = self.rows[AdviceRequest].add(
                case_id=case_id,
                kind=advice.kind,
                requested_on=advice.requested_on,
                due_on=clock.advice_due(advice.requested_on),
                returned_on=advice.returned_on,
            )
            subject = Subject(AdviceRequest, advice_id)
            label = {"kind": codelists.ADVICE_KINDS.label(advice.kind)}
            log.append((Verb.ADVICE_REQUESTED, advice.requested_on, subject, label))
            if advice.returned_on:
                log.append((Verb.ADVICE_RETURNED, advice.returned_on, subject, label))
        if case.assessment_outcome and (case.outcome in "YH"):
            self.assessment(case, case_id, received, log)
        for dispute in case.disputes:
            self.dispute(dispute, case_id, log)
        if not self.lean:
            actor_name = caseworker.get_full_name() if caseworker else ""
            for verb, day, subject, detail in log:
                if day is None:
                    continue
                self.events.add(
                    case_id=case_id,
                    actor_id=None,
                    actor_name=actor_name,
                    verb=verb.value,
                    object_type=subject.object_type,
                    object_id=subject.pk,
                    occurred_on=day,
                    detail=json.dumps(with_summary(detail)),
                )

    def assessment(self, case: history.Case, case_id: int, received, log) -> None:
        outcome = case.assessment_outcome
        assessment_id = self.rows[Assessment].add(
            case_id=case_id,
            outcome=outcome,
            outcome_on=case.assessment_on if outcome in "YNW" else None,
            no_plan_notice_due_on=clock.no_plan_notice_due(received)
            if case.kind == "initial" and received
            else None,
            exception=case.exception,
            reassessment_draft_on=case.reassessment_draft_on,
        )
        subject = Subject(Assessment, assessment_id)
        if case.reassessment_draft_on:
            log.append((Verb.DRAFT_PLAN_SENT, case.reassessment_draft_on, subject, {}))
        if case.kind == "reassessment" and outcome == "Y":
            log.append((Verb.AMENDED_PLAN_ISSUED, case.assessment_on, subject, {}))
        if case.exception:
            log.append(
                (Verb.EXCEPTION_RECORDED, case.decided_on, subject, {"exception": case.exception})
            )
        if outcome == "N":
            log.append((Verb.DECIDED_NOT_TO_ISSUE, case.assessment_on, subject, {}))
        elif outcome == "W":
            log.append((Verb.ASSESSMENT_WITHDRAWN, case.assessment_on, subject, {}))
        if case.plan is not None and case.kind != "reassessment":
            self.plan(case, case.plan, assessment_id, log)

    def plan(self, case: history.Case, plan: history.Plan, assessment_id: int, log) -> None:
        person_id = self.person_ids[id(case.person)]
        plan_id = self.rows[Plan].add(
            assessment_id=assessment_id,
            person_id=person_id,
            draft_sent_on=plan.draft_sent_on,
            issued_on=plan.issued_on,
            start_date=plan.issued_on,
            ceased_on=plan.ceased_on,
            cease_reason=plan.cease_reason,
            next_review_due_on=plan.next_review_due_on,
        )
        self.plan_ids[id(case)] = plan_id
        subject = Subject(Plan, plan_id)
        if plan.draft_sent_on:
            log.append((Verb.DRAFT_PLAN_SENT, plan.draft_sent_on, subject, {}))
        if plan.issued_on and case.kind == "initial":
            log.append((Verb.PLAN_ISSUED, plan.issued_on, subject, {}))
        if plan.named is not None:
            named = plan.named
            establishment = self.establishment_ids.get(id(named.establishment))
            setting_id = self.rows[NamedSetting].add(
                plan_id=plan_id,
                rank=1,
                establishment_id=establishment,
                sen_setting="" if establishment else (named.sen_setting or "OTH"),
                in_sen_unit=named.in_sen_unit,
                in_resourced_provision=named.in_resourced_provision,
            )
            day = plan.issued_on or plan.draft_sent_on
            log.append((Verb.SETTING_NAMED, day, Subject(NamedSetting, setting_id), {}))
        for review in plan.reviews:
            if self.lean and review.due_on < LEAN_FROM:
                continue
            self.review(review, plan_id, log)
        for transfer in plan.transfers:
            if self.lean and transfer.deadline < LEAN_FROM:
                continue
            transfer_id = self.rows[PhaseTransfer].add(
                plan_id=plan_id,
                move=transfer.move,
                transfer_year=transfer.transfer_year,
                deadline=transfer.deadline,
                next_setting_id=self.establishment_ids.get(id(transfer.next_setting)),
                amended_plan_issued_on=transfer.issued_on,
            )
            subject = Subject(PhaseTransfer, transfer_id)
            start = transfer.deadline - dt.timedelta(days=150)
            log.append(
                (
                    Verb.PHASE_TRANSFER_RECORDED,
                    start,
                    subject,
                    {"move": PhaseTransfer.Move(transfer.move).label},
                )
            )
            if transfer.issued_on:
                log.append((Verb.PHASE_TRANSFER_PLAN_ISSUED, transfer.issued_on, subject, {}))
        if plan.ceased_on:
            detail = {"reason": codelists.CEASE_REASONS.label(plan.cease_reason)}
            if case.moved_to_la:
                detail["to_la"] = case.moved_to_la
            log.append((Verb.PLAN_CEASED, plan.ceased_on, subject, detail))

    def review(self, review: history.Review, plan_id: int, log) -> None:
        meeting = review.meeting_on
        review_id = self.rows[Review].add(
            plan_id=plan_id,
            due_on=review.due_on,
            meeting_on=meeting,
            report_sent_on=review.report_sent_on,
            decision_due_on=clock.review_decision_due(meeting) if meeting else None,
            decision_on=review.decision_on,
            outcome=review.outcome if review.decision_on else "",
            amendment_draft_on=review.amendment_draft_on,
            amended_plan_due_on=clock.amended_plan_due(meeting, review.amendment_draft_on)
            if meeting and review.outcome == "A" and review.decision_on
            else None,
            amended_plan_issued_on=review.amended_plan_issued_on,
        )
        subject = Subject(Review, review_id)
        for verb, day in (
            (Verb.REVIEW_MEETING_HELD, meeting),
            (Verb.REVIEW_REPORT_SENT, review.report_sent_on),
            (Verb.REVIEW_DECIDED, review.decision_on),
            (Verb.AMENDMENT_DRAFT_SENT, review.amendment_draft_on),
            (Verb.AMENDED_PLAN_ISSUED, review.amended_plan_issued_on),
        ):
            if day:
                outcome = codelists.REVIEW_OUTCOMES.label(review.outcome)
                detail = {"outcome": outcome} if verb == Verb.REVIEW_DECIDED else {}
                log.append((verb, day, subject, detail))

    def dispute(self, dispute: history.Dispute, case_id: int, log) -> None:
        dispute_id = self.rows[Dispute].add(
            case_id=case_id,
            decision=dispute.decision,
            decision_on=dispute.decision_on,
            mediation_contact_due_on=clock.mediation_contact_deadline(dispute.decision_on),
            appeal_due_on=clock.appeal_deadline(dispute.decision_on, dispute.certificate_on),
            mediation_on=dispute.mediation_on,
            mediation_outcome=dispute.mediation_outcome,
            certificate_on=dispute.certificate_on,
            appeal_registered_on=dispute.appeal_registered_on,
            hearing_on=dispute.hearing_on,
            tribunal_outcome=dispute.tribunal_outcome,
            tribunal_outcome_on=dispute.tribunal_outcome_on,
            closed_on=dispute.closed_on,
        )
        subject = Subject(Dispute, dispute_id)
        for verb, day, detail in (
            (
                Verb.DISPUTE_RECORDED,
                dispute.decision_on,
                {"decision": codelists.DISPUTED_DECISIONS.label(dispute.decision)},
            ),
            (
                Verb.MEDIATION_HELD,
                dispute.mediation_on,
                {"outcome": codelists.MEDIATION_OUTCOMES.label(dispute.mediation_outcome)},
            ),
            (Verb.APPEAL_REGISTERED, dispute.appeal_registered_on, {}),
            (
                Verb.TRIBUNAL_DECIDED,
                dispute.tribunal_outcome_on,
                {"outcome": codelists.TRIBUNAL_OUTCOMES.label(dispute.tribunal_outcome)},
            ),
            (Verb.DISPUTE_CLOSED, dispute.closed_on, {}),
        ):
            if day:
                log.append((verb, day, subject, detail))


def stage_and_closing(case: history.Case) -> tuple[str, dt.date | None]:
    """The case's stage and closing date, as `casework.next_steps` works them out (it refreshes
    them after saving; lean England-wide loads keep these)."""
    plan = case.plan
    if case.outcome in ("N", "W"):
        return Request.Stage.CLOSED, case.decided_on
    if case.outcome == "A" or (case.kind == "initial" and case.decided_on is None):
        return Request.Stage.REQUEST, None
    if case.assessment_outcome in ("N", "W") or case.kind == "reassessment":
        if case.assessment_outcome in ("Y", "N", "W"):
            return Request.Stage.CLOSED, case.assessment_on
        return Request.Stage.ASSESSMENT, None
    if plan is not None and plan.ceased_on:
        return Request.Stage.CLOSED, plan.ceased_on
    if plan is not None and plan.issued_on:
        return Request.Stage.PLAN, None
    return Request.Stage.ASSESSMENT, None


def save_casework(
    cases: list[history.Case],
    *,
    la_id: int,
    person_ids: dict,
    establishment_ids: dict,
    caseworkers: list,
    lean: bool,
) -> Counter:
    writer = CaseworkWriter(
        la_id=la_id, person_ids=person_ids, establishment_ids=establishment_ids, lean=lean
    )
    return writer.save(cases, caseworkers)
