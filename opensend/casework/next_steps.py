"""What happens next on a case, and by when: the statutory step due soonest.

`next_step(case, today)` reads a case with its assessment, plan, advice, reviews and phase
transfers and returns the pending step with the earliest due date (or None for a closed case).
`refresh_cases` stores each case's stage, closing date and next step on the `Request` row, so the
lists ("My cases", the team view) sort and filter in SQL. The services call it after every change;
the demo and imports call it once for many cases.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.db.models import Prefetch
from django.utils import timezone

from opensend.casework import clock
from opensend.casework.models import AdviceRequest, PhaseTransfer, Plan, Request, Review
from opensend.core import codelists

DRAFT_BEFORE_FINAL_DAYS = clock.DRAFT_RESPONSE_DAYS  # the family's 15 days must fit before week 20


@dataclass(frozen=True)
class NextStep:
    step: str
    due: dt.date
    regulation: str

    def days_left(self, today: dt.date) -> int:
        return clock.days_left(self.due, today)

    def rag(self, today: dt.date) -> str:
        return clock.rag_status(self.due, today)


def _one(obj, name):
    """A one-to-one relation, or None when there is no such row."""
    try:
        return getattr(obj, name)
    except ObjectDoesNotExist:
        return None


def assessment_of(case: Request):
    return _one(case, "assessment")


def plan_of(case: Request) -> Plan | None:
    assessment = assessment_of(case)
    return _one(assessment, "plan") if assessment is not None else None


def stage_and_closing(case: Request) -> tuple[str, dt.date | None]:
    """The case's stage and, once closed, the date it closed."""
    if case.exported_on:
        return Request.Stage.CLOSED, case.exported_on
    if case.outcome in ("N", "W"):
        return Request.Stage.CLOSED, case.outcome_on
    if case.outcome == "A":
        return Request.Stage.REQUEST, None
    assessment = assessment_of(case)
    plan = plan_of(case)
    if case.kind == Request.Kind.REASSESSMENT:
        if assessment is not None and assessment.outcome in ("Y", "N", "W"):
            return Request.Stage.CLOSED, assessment.outcome_on
        return Request.Stage.ASSESSMENT, None
    if assessment is not None and assessment.outcome in ("N", "W"):
        return Request.Stage.CLOSED, assessment.outcome_on
    if plan is not None and plan.ceased_on:
        return Request.Stage.CLOSED, plan.ceased_on
    if plan is not None and plan.issued_on:
        return Request.Stage.PLAN, None
    return Request.Stage.ASSESSMENT, None


def _request_steps(case: Request) -> list[NextStep]:
    if case.kind == Request.Kind.REASSESSMENT:
        assert case.received_on is not None
        due = clock.reassessment_decision_due(case.received_on)
        return [NextStep("Decide whether to re-assess", due, "reg 25(1)")]
    assert case.decision_due_on is not None
    return [NextStep("Decide whether to assess", case.decision_due_on, "reg 5(1)")]


def _assessment_steps(case: Request) -> list[NextStep]:
    steps = [
        NextStep(
            f"Chase advice: {codelists.ADVICE_KINDS.label(advice.kind).lower()}",
            advice.due_on,
            "reg 8(1)",
        )
        for advice in case.advice.all()
        if advice.returned_on is None
    ]
    assessment = assessment_of(case)
    final_due = case.final_plan_due_on
    if case.kind == Request.Kind.REASSESSMENT:
        draft_sent = assessment.reassessment_draft_on if assessment else None
    else:
        plan = plan_of(case)
        draft_sent = plan.draft_sent_on if plan else None
        if draft_sent is None and assessment is not None and assessment.no_plan_notice_due_on:
            steps.append(
                NextStep(
                    "Decide whether to issue a plan",
                    assessment.no_plan_notice_due_on,
                    "reg 10(1)",
                )
            )
    if final_due is None:
        return steps
    if draft_sent is None:
        steps.append(
            NextStep(
                "Send the draft plan",
                final_due - dt.timedelta(days=DRAFT_BEFORE_FINAL_DAYS),
                "reg 13(1), CFA s.38(2)",
            )
        )
    else:
        regulation = "reg 27(2)" if case.kind == Request.Kind.REASSESSMENT else "reg 13(2)"
        steps.append(NextStep("Issue the final plan", final_due, regulation))
    return steps


def _plan_steps(plan: Plan) -> list[NextStep]:
    steps = []
    open_review = None
    for review in plan.reviews.all():
        if review.meeting_on and review.decision_on is None:
            open_review = review
            assert review.decision_due_on is not None
            steps.append(
                NextStep("Notify the review decision", review.decision_due_on, "reg 20(10)")
            )
        elif review.outcome == "A" and review.amended_plan_issued_on is None:
            open_review = review
            assert review.amended_plan_due_on is not None
            steps.append(
                NextStep("Issue the amended plan", review.amended_plan_due_on, "reg 22(3)")
            )
    for transfer in plan.phase_transfers.all():
        if transfer.amended_plan_issued_on is None:
            steps.append(
                NextStep(
                    f"Amend the plan for the move: {transfer.get_move_display().lower()}",
                    transfer.deadline,
                    "reg 18(1)",
                )
            )
    if open_review is None and plan.next_review_due_on:
        steps.append(NextStep("Hold the annual review", plan.next_review_due_on, "CFA s.44(1)"))
    return steps


def next_step(case: Request, today: dt.date | None = None) -> NextStep | None:
    """The pending statutory step due soonest, or None when the case is closed."""
    stage, _closed_on = stage_and_closing(case)
    if stage == Request.Stage.REQUEST:
        steps = _request_steps(case)
    elif stage == Request.Stage.ASSESSMENT:
        steps = _assessment_steps(case)
    elif stage == Request.Stage.PLAN:
        plan = plan_of(case)
        assert plan is not None
        steps = _plan_steps(plan)
    else:
        steps = []
    return min(steps, key=lambda step: (step.due, step.step), default=None)


def with_case_records(queryset):
    """`queryset` with everything `next_step` reads loaded in a fixed number of queries."""
    return queryset.select_related("assessment__plan").prefetch_related(
        Prefetch("advice", queryset=AdviceRequest.objects.order_by("requested_on", "pk")),
        Prefetch("assessment__plan__reviews", queryset=Review.objects.order_by("due_on", "pk")),
        Prefetch("assessment__plan__phase_transfers", queryset=PhaseTransfer.objects.all()),
    )


REFRESHED_FIELDS = ["stage", "closed_on", "next_step", "next_due_on", "next_regulation"]


def refresh_cases(queryset, today: dt.date | None = None, batch_size: int = 5000) -> int:
    """Recompute stage, closing date and next step for every case in `queryset` and save the ones
    that changed, in batches. Saves with one prepared UPDATE per batch (`executemany`), which is
    far faster than `bulk_update`'s CASE expressions for thousands of rows. Returns how many
    cases changed."""
    today = today or timezone.localdate()
    ids = list(queryset.order_by().values_list("pk", flat=True))
    table = connection.ops.quote_name(Request._meta.db_table)
    columns = ", ".join(f"{connection.ops.quote_name(f)} = %s" for f in REFRESHED_FIELDS)
    total = 0
    for start in range(0, len(ids), batch_size):
        cases = with_case_records(Request.objects.filter(pk__in=ids[start : start + batch_size]))
        rows = [_row(case) for case in cases if _refresh(case, today)]
        if rows:
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {table} SET {columns} WHERE id = %s", rows)
        total += len(rows)
    return total


def _row(case: Request) -> tuple:
    adapt = connection.ops.adapt_datefield_value
    values = [getattr(case, name) for name in REFRESHED_FIELDS]
    return (*[adapt(v) if isinstance(v, dt.date) else v for v in values], case.pk)


def _refresh(case: Request, today: dt.date) -> bool:
    stage, closed_on = stage_and_closing(case)
    step = next_step(case, today)
    values = {
        "stage": stage,
        "closed_on": closed_on,
        "next_step": step.step if step else "",
        "next_due_on": step.due if step else None,
        "next_regulation": step.regulation if step else "",
    }
    if all(getattr(case, name) == value for name, value in values.items()):
        return False
    for name, value in values.items():
        setattr(case, name, value)
    return True
