"""The statutory dates of one case, each step's due date beside the date it was done.

Reads the records of a case (already loaded) and returns rows for the case page: what was due, when
it was done, and whether that was on time, or for a step still to do, how it stands today (the
clock's red, amber, green). No writes and no queries of its own.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from opensend.casework import clock
from opensend.core import codelists

ON_TIME = "done on time"
LATE = "done late"


@dataclass(frozen=True)
class DateRow:
    step: str
    due: dt.date | None
    done: dt.date | None
    regulation: str = ""
    detail: str = ""
    pending: bool = True  # False when the step will not happen now (the case moved on or closed)

    def status(self, today: dt.date) -> str:
        """Done on time, done late, or for a step still due the clock's RAG; "" if neither
        applies (nothing due, or a step that no longer needs doing)."""
        if self.done is not None:
            if self.due is None:
                return ""
            return ON_TIME if self.done <= self.due else LATE
        if self.due is None or not self.pending:
            return ""
        return clock.rag_status(self.due, today)


TAG_CLASSES = {
    ON_TIME: "govuk-tag--green",
    LATE: "govuk-tag--red",
    clock.OVERDUE: "govuk-tag--red",
    clock.DUE_SOON: "govuk-tag--yellow",
    clock.ON_TRACK: "govuk-tag--blue",
}


def tag_class(status: str) -> str:
    return TAG_CLASSES.get(status, "govuk-tag--grey")


def request_rows(case: Any, assessment: Any, plan: Any) -> list[DateRow]:
    """Received, the decision to assess, advice, the 16-week notice, draft and final plan."""
    open_case = case.closed_on is None
    deciding = case.outcome == "A" and open_case
    rows = [DateRow("Request received", None, case.received_on)]
    if case.decision_due_on or case.outcome in ("Y", "N"):
        decided = case.outcome_on if case.outcome in ("Y", "N") else None
        regulation = "reg 25(1)" if case.kind == "reassessment" else "reg 5(1)"
        rows.append(
            DateRow(
                "Decision whether to assess",
                case.decision_due_on,
                decided,
                regulation,
                detail=codelists.REQUEST_OUTCOMES.label(case.outcome) if decided else "",
                pending=deciding,
            )
        )
    if assessment is None:
        if deciding and case.final_plan_due_on:
            rows.append(DateRow("Final plan issued", case.final_plan_due_on, None, "reg 13(2)"))
        return rows
    if assessment.outcome == "H":
        return rows
    assessing = assessment.outcome == "A" and open_case
    for advice in case.advice.all():
        who = codelists.ADVICE_KINDS.label(advice.kind)
        rows.append(
            DateRow(
                f"Advice: {who}",
                advice.due_on,
                advice.returned_on,
                "reg 8(1)",
                detail=advice.adviser,
                pending=assessing,
            )
        )
    if assessment.no_plan_notice_due_on and (
        assessment.outcome == "N" or (assessing and not (plan and plan.draft_sent_on))
    ):
        rows.append(
            DateRow(
                "Notice that no plan will be issued",
                assessment.no_plan_notice_due_on,
                assessment.outcome_on if assessment.outcome == "N" else None,
                "reg 10(1)",
                pending=assessing,
            )
        )
    draft_sent = _draft_sent(case, assessment, plan)
    if draft_sent:
        rows.append(
            DateRow(
                "Draft plan sent",
                None,
                draft_sent,
                "reg 13(1)",
                detail="Family's comments due by "
                f"{_day(clock.draft_plan_response_due(draft_sent))}",
            )
        )
    if case.final_plan_due_on and assessment.outcome in ("A", "Y"):
        issued = _final_issued(case, assessment, plan)
        regulation = "reg 27(2)" if case.kind == "reassessment" else "reg 13(2)"
        detail = ""
        if issued and case.received_on:
            detail = f"{weeks_taken(case.received_on, issued)} from the request"
        if assessment.exception:
            exception = codelists.TIMESCALE_EXCEPTIONS.label(assessment.exception)
            detail = f"{detail}. Exception: {exception}" if detail else f"Exception: {exception}"
        rows.append(
            DateRow(
                "Final plan issued",
                case.final_plan_due_on,
                issued,
                regulation,
                detail=detail,
                pending=assessing,
            )
        )
    return rows


def _draft_sent(case: Any, assessment: Any, plan: Any) -> dt.date | None:
    sent: dt.date | None = (
        assessment.reassessment_draft_on
        if case.kind == "reassessment"
        else (plan.draft_sent_on if plan else None)
    )
    return sent


def _final_issued(case: Any, assessment: Any, plan: Any) -> dt.date | None:
    if case.kind == "reassessment":
        issued: dt.date | None = assessment.outcome_on if assessment.outcome == "Y" else None
    else:
        issued = plan.issued_on if plan else None
    return issued


def weeks_taken(start: dt.date, end: dt.date) -> str:
    """Weeks taken for reading, like "20 weeks 3 days" (the published test is
    `clock.is_within_weeks`)."""
    weeks = clock.whole_weeks_between(start, end)
    days = (end - start).days - 7 * weeks
    text = f"{weeks} week{'s' if weeks != 1 else ''}"
    if days:
        text += f" {days} day{'s' if days != 1 else ''}"
    return text


def review_rows(review: Any) -> list[DateRow]:
    """The dates that follow one review meeting (regs 20 to 22)."""
    decided = review.decision_on is not None
    rows = [DateRow("Review meeting", review.due_on, review.meeting_on, "CFA s.44(1)")]
    if review.meeting_on:
        rows.append(
            DateRow(
                "Review report sent",
                clock.review_report_due(review.meeting_on),
                review.report_sent_on,
                "reg 20(7)-(8)",
                pending=review.report_sent_on is None,
            )
        )
        rows.append(
            DateRow(
                "Decision notified",
                review.decision_due_on,
                review.decision_on,
                "reg 20(10)",
                detail=codelists.REVIEW_OUTCOMES.label(review.outcome),
            )
        )
    if decided and review.outcome == "A":
        rows.append(DateRow("Draft amended plan sent", None, review.amendment_draft_on))
        rows.append(
            DateRow(
                "Final amended plan issued",
                review.amended_plan_due_on,
                review.amended_plan_issued_on,
                "reg 22(3)",
            )
        )
    return rows


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"
