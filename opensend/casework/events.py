"""The case timeline: one typed event per step, written only by `casework.services` (and the demo).

`record` saves an event for a step someone just recorded; `build` makes an unsaved one for bulk
loading. Verbs are the words a caseworker would use; `describe` turns an event into a sentence.
"""

import datetime as dt

from django.db import models

from opensend.casework.models import CaseEvent, Request


class Verb(models.TextChoices):
    REQUEST_RECEIVED = "request_received", "Request for an assessment received"
    REASSESSMENT_REQUESTED = "reassessment_requested", "Request for a re-assessment received"
    TRANSFERRED_IN = "transferred_in", "Plan transferred in"
    HISTORICAL_PLAN = "historical_plan", "Plan recorded from earlier records"
    DECIDED_TO_ASSESS = "decided_to_assess", "Decided to assess"
    DECIDED_NOT_TO_ASSESS = "decided_not_to_assess", "Decided not to assess"
    REQUEST_WITHDRAWN = "request_withdrawn", "Request withdrawn"
    MOVED_AWAY = "moved_away", "Moved to another local authority before the assessment ended"
    ADVICE_REQUESTED = "advice_requested", "Advice requested"
    ADVICE_RETURNED = "advice_returned", "Advice returned"
    EXCEPTION_RECORDED = "exception_recorded", "20-week exception recorded"
    EXCEPTION_REMOVED = "exception_removed", "20-week exception removed"
    DECIDED_NOT_TO_ISSUE = "decided_not_to_issue", "Decided not to issue a plan"
    ASSESSMENT_WITHDRAWN = "assessment_withdrawn", "Assessment withdrawn"
    DRAFT_PLAN_SENT = "draft_plan_sent", "Draft plan sent"
    PLAN_ISSUED = "plan_issued", "Final plan issued"
    SETTING_NAMED = "setting_named", "Setting named in the plan"
    PLAN_DETAILS_CHANGED = "plan_details_changed", "Plan details changed"
    REVIEW_MEETING_HELD = "review_meeting_held", "Annual review meeting held"
    REVIEW_REPORT_SENT = "review_report_sent", "Review report sent"
    REVIEW_DECIDED = "review_decided", "Review decision notified"
    AMENDMENT_DRAFT_SENT = "amendment_draft_sent", "Draft amended plan sent"
    AMENDED_PLAN_ISSUED = "amended_plan_issued", "Final amended plan issued"
    PHASE_TRANSFER_RECORDED = "phase_transfer_recorded", "Phase transfer review started"
    PHASE_TRANSFER_PLAN_ISSUED = "phase_transfer_plan_issued", "Plan amended for the phase transfer"
    PLAN_CEASED = "plan_ceased", "Plan ceased"
    DISPUTE_RECORDED = "dispute_recorded", "Disagreement recorded"
    MEDIATION_HELD = "mediation_held", "Mediation held"
    APPEAL_REGISTERED = "appeal_registered", "Appeal registered with the Tribunal"
    TRIBUNAL_DECIDED = "tribunal_decided", "Tribunal decision"
    DISPUTE_CLOSED = "dispute_closed", "Disagreement closed"
    CASE_ASSIGNED = "case_assigned", "Case assigned"


def _actor_name(actor) -> str:
    if actor is None:
        return ""
    return actor.get_full_name() or actor.email


def build(
    case: Request,
    verb: Verb,
    occurred_on: dt.date,
    *,
    actor=None,
    subject=None,
    **detail,
) -> CaseEvent:
    """An unsaved event: `subject` is the record the step was about (default: the case)."""
    subject = subject if subject is not None else case
    return CaseEvent(
        case=case,
        actor=actor,
        actor_name=_actor_name(actor),
        verb=verb.value,
        object_type=subject._meta.model_name,
        object_id=subject.pk,
        occurred_on=occurred_on,
        detail=with_summary({key: _plain(value) for key, value in detail.items()}),
    )


def record(case: Request, verb: Verb, occurred_on: dt.date, *, actor=None, subject=None, **detail):
    event = build(case, verb, occurred_on, actor=actor, subject=subject, **detail)
    event.save()
    return event


def with_summary(detail: dict) -> dict:
    """`detail` with its values, in the order given, joined under "summary": PostgreSQL's jsonb
    does not keep the order of keys, so the timeline reads the summary, not the keys."""
    extras = [str(value) for value in detail.values() if value not in ("", None)]
    return {**detail, "summary": ", ".join(extras)}


def describe(event: CaseEvent) -> str:
    """The event as a sentence for the timeline."""
    label = Verb(event.verb).label if event.verb in Verb.values else event.verb
    summary = event.detail.get("summary", "")
    return f"{label}: {summary}" if summary else label


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
