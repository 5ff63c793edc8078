"""The statutory clock: the dates by which each step of the EHC process is due. Pure Python.

Sources: Children and Families Act 2014 Part 3 ("CFA": s.38 draft plans, s.44 reviews, s.51
appeals); the Special Educational Needs and Disability Regulations 2014, SI 2014/1530 ("reg");
the SEND Code of Practice 0 to 25 (2015, "CoP"); R (L, M & P) v Devon County Council [2022] EWHC
493 (Admin) ("L v Devon"); the Tribunal Procedure (First-tier Tribunal) (Health, Education and
Social Care Chamber) Rules 2008 ("HESC Rules"). docs/clock.md tabulates every rule with worked
examples; docs/decisions/0005-statutory-clock.md records the readings chosen here.

The rules: reg 5 (decide whether to assess, 6 weeks from the request), reg 8 (advice, 6 weeks
from asking), reg 10 (notice of no plan, 16 weeks), reg 13 with CFA s.38 (at least 15 days to
comment on the draft; final plan 20 weeks from the request), CFA s.44 with CoP 9.178 (reviews:
12 months, under-5s every 3 to 6 months), regs 20 and 21 (review report 2 weeks, decision 4 weeks
from the meeting), reg 22 read with L v Devon (amended plan 8 weeks from the proposals, so 12
weeks from the meeting), reg 18 (phase transfers: 15 February, or 31 March into post-16), regs
25 and 27 (re-assessment: 15 days to decide, 14 weeks to the plan), reg 33 (contact the mediation
adviser within 2 months) and HESC Rules r.20 and r.12 (appeal: the later of 2 months from the
decision and 1 month from the mediation certificate).

Conventions, used by every function:

- **Calendar days.** Weeks are 7 calendar days and days are calendar days: school holidays,
  weekends and bank holidays count. The only working-day rule is the Tribunal's own rule for the
  last day an appeal may be received (`appeal_deadline`, HESC Rules r.12).
- **"Within N weeks of X"** ends on X + 7N days; the day of X is day 0. A step done on the due date
  is on time. This is how DfE measures the published timescales ("weeks = days / 7", on time if at
  most N), so a plan issued exactly 140 days after the request is within 20 weeks.
- **"At least N days beginning with X"** counts X as day 1, so the period ends on X + (N - 1).
- **Months** run to the corresponding date of the later month, clamped to that month's end when it
  has no such day: 2 months from 31 December is the last day of February (`add_months`).
- **Exceptions** (regs 5(4), 8(2), 10(4), 13(3), 27(3): school closed 4+ weeks, exceptional personal
  circumstances, family away 4+ weeks, missed appointment) never move a date here. They are
  recorded per case, with a reason, and the case is left out of the "excluding exceptions" measure;
  the due date stays where the regulation puts it.

Each function returns the last day on which the step is on time. Nothing here reads the clock:
pass `today` where a function needs it.
"""

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass
from typing import Literal

from opensend.core.calendar import is_working_day

__all__ = [
    "Deadline",
    "RagStatus",
    "add_months",
    "advice_due",
    "amended_plan_due",
    "appeal_deadline",
    "days_left",
    "decision_to_assess_due",
    "draft_plan_response_due",
    "final_plan_due",
    "is_within_weeks",
    "mediation_contact_deadline",
    "no_plan_notice_due",
    "phase_transfer_deadline",
    "post16_move_deadline",
    "rag_status",
    "reassessment_decision_due",
    "reassessment_final_plan_due",
    "request_deadlines",
    "review_deadlines",
    "review_decision_due",
    "review_due",
    "review_report_due",
    "statutory_review_due",
    "tribunal_filing_day",
    "weeks_between",
    "whole_weeks_between",
]

DECISION_TO_ASSESS_WEEKS = 6  # reg 5(1)
ADVICE_WEEKS = 6  # reg 8(1)
NO_PLAN_NOTICE_WEEKS = 16  # reg 10(1)
FINAL_PLAN_WEEKS = 20  # reg 13(2)
DRAFT_RESPONSE_DAYS = 15  # reg 13(1)(a), CFA s.38(2)
REVIEW_MONTHS = 12  # CFA s.44(1)
UNDER_FIVE_REVIEW_MONTHS = 6  # CoP 9.178: "at least every three to six months"
REVIEW_REPORT_WEEKS = 2  # regs 20(7)-(8), 21(7)
REVIEW_DECISION_WEEKS = 4  # reg 20(10); reg 21 where no school or institution is attended
AMENDED_PLAN_WEEKS_FROM_PROPOSALS = 8  # reg 22(3)
AMENDED_PLAN_WEEKS_FROM_MEETING = 12  # reg 20(10) + reg 22(3), L v Devon
MEDIATION_CONTACT_MONTHS = 2  # reg 33
APPEAL_MONTHS_FROM_DECISION = 2  # HESC Rules r.20
APPEAL_MONTHS_FROM_CERTIFICATE = 1  # HESC Rules r.20
REASSESSMENT_DECISION_DAYS = 15  # reg 25(1)
REASSESSMENT_FINAL_PLAN_WEEKS = 14  # reg 27(2)
POST16_MOVE_MONTHS_BEFORE = 5  # reg 18(2)

RagStatus = Literal["overdue", "due soon", "on track"]
OVERDUE: RagStatus = "overdue"
DUE_SOON: RagStatus = "due soon"
ON_TRACK: RagStatus = "on track"
AMBER_WITHIN_DAYS = 14


# --- arithmetic -----------------------------------------------------------------------------


def _weeks_after(start: dt.date, weeks: int) -> dt.date:
    return start + dt.timedelta(weeks=weeks)


def add_months(date: dt.date, months: int) -> dt.date:
    """The corresponding date `months` calendar months later (earlier if negative), clamped to
    the last day of the target month when it is shorter: 31 December + 2 months is 29 February in
    a leap year and 28 February otherwise; 29 February 2024 + 12 months is 28 February 2025.

    This is the month rule for every period in months here (CFA s.44 reviews, reg 18(2), reg 33
    mediation, HESC Rules r.20 appeals). Raises ValueError if the result is outside
    `datetime.date.min` to `datetime.date.max`.
    """
    year, month_index = divmod(date.month - 1 + months, 12)
    year += date.year
    month = month_index + 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"{date.isoformat()} + {months} months is out of range")
    return dt.date(year, month, min(date.day, monthrange(year, month)[1]))


def weeks_between(start: dt.date, end: dt.date) -> float:
    """Fractional weeks from `start` to `end`: calendar days / 7, as DfE computes timeliness
    (SEN2: weeks = (issue date - received date) / 7). Negative when `end` is before `start`.

    The published measures compare this figure with the limit: a plan issued 140 days after the
    request is 20.0 weeks and so within 20 weeks; 141 days is 20.14 weeks and late. Use
    `is_within_weeks` for that test; `whole_weeks_between` is for display only.
    """
    return (end - start).days / 7


def whole_weeks_between(start: dt.date, end: dt.date) -> int:
    """Whole weeks completed from `start` to `end` (calendar days // 7, towards zero when
    negative), for display such as "20 weeks 6 days". Not the published measure: 146 days is 20
    whole weeks but is not "within 20 weeks" (see `weeks_between`, `is_within_weeks`)."""
    days = (end - start).days
    return days // 7 if days >= 0 else -((-days) // 7)


def is_within_weeks(start: dt.date, end: dt.date, weeks: int) -> bool:
    """Whether `end` is within `weeks` weeks of `start` as DfE measures it: days / 7 <= weeks,
    i.e. at most 7 * weeks calendar days. `end` on the due date counts as within."""
    return (end - start).days <= 7 * weeks


def days_left(due: dt.date, today: dt.date) -> int:
    """Calendar days from `today` to `due`: 0 on the due date, negative once overdue."""
    return (due - today).days


def rag_status(
    due: dt.date, today: dt.date, amber_within_days: int = AMBER_WITHIN_DAYS
) -> RagStatus:
    """Red/amber/green for the casework pages: "overdue" after the due date; "due soon" from
    `amber_within_days` calendar days before it up to and including the due date; otherwise
    "on track". For a step not yet done: once done, show whether it was done in time instead."""
    if amber_within_days < 0:
        raise ValueError("amber_within_days must not be negative")
    left = days_left(due, today)
    if left < 0:
        return OVERDUE
    if left <= amber_within_days:
        return DUE_SOON
    return ON_TRACK


@dataclass(frozen=True, slots=True)
class Deadline:
    """One statutory step and its due date (the last day on which it is on time)."""

    step: str
    due: dt.date
    regulation: str

    def days_left(self, today: dt.date) -> int:
        return days_left(self.due, today)

    def rag(self, today: dt.date, amber_within_days: int = AMBER_WITHIN_DAYS) -> RagStatus:
        return rag_status(self.due, today, amber_within_days)


# --- EHC needs assessment and new plans -------------------------------------------------------


def decision_to_assess_due(received: dt.date) -> dt.date:
    """SEND Regulations 2014 reg 5(1): the decision whether to carry out an EHC needs assessment
    must be notified within 6 weeks of the LA receiving the request under CFA 2014 s.36(1) (or of
    becoming responsible for the child under s.24). Due `received` + 42 calendar days.
    Exceptions (reg 5(4)) are recorded per case and do not move this date."""
    return _weeks_after(received, DECISION_TO_ASSESS_WEEKS)


def advice_due(requested: dt.date) -> dt.date:
    """SEND Regulations 2014 reg 8(1): a body asked for advice or information for an EHC needs
    assessment (educational psychologist, health, social care, school) must comply within 6 weeks
    of receiving the request. Pass the day the request reached the body (normally the day it was
    sent). Due `requested` + 42 calendar days. Exceptions (reg 8(2)) do not move this date."""
    return _weeks_after(requested, ADVICE_WEEKS)


def no_plan_notice_due(received: dt.date) -> dt.date:
    """SEND Regulations 2014 reg 10(1): after assessing, a decision not to issue an EHC plan must
    be notified within 16 weeks of receiving the request. Due `received` + 112 calendar days.
    Exceptions (reg 10(4)) do not move this date."""
    return _weeks_after(received, NO_PLAN_NOTICE_WEEKS)


def final_plan_due(received: dt.date) -> dt.date:
    """SEND Regulations 2014 reg 13(2): the final EHC plan must be issued within 20 weeks of
    receiving the request (CoP 9.40). Due `received` + 140 calendar days; a plan issued on that
    day is "within 20 weeks" in DfE's published measure. Exceptions (reg 13(3), applying reg
    10(4)(a) to (d)) are recorded per case and excluded from the headline "within 20 weeks
    excluding exceptions"; they do not move this date."""
    return _weeks_after(received, FINAL_PLAN_WEEKS)


def draft_plan_response_due(draft_sent: dt.date) -> dt.date:
    """SEND Regulations 2014 reg 13(1)(a) and CFA 2014 s.38(2): the family has "at least 15 days,
    beginning with the day on which the draft plan was served" to comment, ask for a school or
    college to be named and ask for a meeting. The day of service is day 1, so the period ends on
    `draft_sent` + 14 calendar days (returned); the LA should not finalise before the next day.
    Pass the day the draft was served (sent by email or by hand). The same 15 days apply to
    proposed amendments after a review (reg 22(2)(c))."""
    return draft_sent + dt.timedelta(days=DRAFT_RESPONSE_DAYS - 1)


def request_deadlines(received: dt.date) -> list[Deadline]:
    """The LA's deadlines for a new request for an EHC needs assessment: 6, 16 and 20 weeks
    (42, 112 and 140 calendar days) from `received` (SEND Regulations 2014 regs 5, 10 and 13)."""
    return [
        Deadline("Decide whether to assess", decision_to_assess_due(received), "reg 5(1)"),
        Deadline(
            "Notify a decision not to issue a plan", no_plan_notice_due(received), "reg 10(1)"
        ),
        Deadline("Issue the final EHC plan", final_plan_due(received), "reg 13(2)"),
    ]


# --- reviews ----------------------------------------------------------------------------------


def _fifth_birthday(birth_date: dt.date) -> dt.date:
    # A 29 February birthday counts from 1 March, as opensend.core.dates.age_on does.
    try:
        return birth_date.replace(year=birth_date.year + 5)
    except ValueError:
        return dt.date(birth_date.year + 5, 3, 1)


def statutory_review_due(last_review_or_issue: dt.date) -> dt.date:
    """CFA 2014 s.44(1): the plan must be reviewed within 12 months of the date it was first
    issued, then within 12 months of the last review. Due 12 calendar months after
    `last_review_or_issue` (the anniversary; 29 February runs to 28 February). The legal limit
    for every age; `review_due` adds the Code of Practice advice for under-5s."""
    return add_months(last_review_or_issue, REVIEW_MONTHS)


def review_due(
    last_review_or_issue: dt.date,
    birth_date: dt.date,
    under_five_months: int = UNDER_FIVE_REVIEW_MONTHS,
) -> dt.date:
    """When the next review of an EHC plan is due: CFA 2014 s.44(1) with CoP 9.178.

    s.44(1) requires a review within 12 months of the plan's issue and then of the last review.
    For a child under 5, CoP 9.178 says LAs should consider reviewing at least every 3 to 6 months
    (guidance, not a statutory limit). Rule used: the review is due `under_five_months` (default 6)
    calendar months after `last_review_or_issue` if the child is still under 5 on that date;
    otherwise 12 months after it (`statutory_review_due`). So a review at 4 years 2 months is next
    due at 4 years 8 months, while a review at 4 years 8 months is next due at 5 years 8 months.
    A 29 February birthday makes the child 5 on 1 March; months clamp to month end (`add_months`).
    """
    if not 1 <= under_five_months <= REVIEW_MONTHS:
        raise ValueError("under_five_months must be between 1 and 12")
    sooner = add_months(last_review_or_issue, under_five_months)
    if sooner < _fifth_birthday(birth_date):
        return sooner
    return statutory_review_due(last_review_or_issue)


def review_report_due(meeting: dt.date) -> dt.date:
    """SEND Regulations 2014 regs 20(7)-(8) and 21(7): the review report must be sent to the LA
    and everyone invited within 2 weeks of the review meeting. Due `meeting` + 14 calendar days."""
    return _weeks_after(meeting, REVIEW_REPORT_WEEKS)


def review_decision_due(meeting: dt.date) -> dt.date:
    """SEND Regulations 2014 reg 20(10) (reg 21 where the child or young person attends no school
    or institution): the LA must decide, and notify, whether it will maintain the plan unchanged,
    amend it or cease it within 4 weeks of the review meeting; L v Devon holds that a decision to
    amend must come with the proposed amendments (reg 22(2)). Due `meeting` + 28 calendar days."""
    return _weeks_after(meeting, REVIEW_DECISION_WEEKS)


def amended_plan_due(meeting: dt.date, proposals_sent: dt.date | None = None) -> dt.date:
    """The final amended plan after a review: SEND Regulations 2014 reg 22(3) read with reg 20(10)
    and R (L, M & P) v Devon CC [2022] EWHC 493 (Admin).

    reg 22(3) allows 8 weeks from sending the proposed amendments; L v Devon holds that the
    proposals must go with the decision due within 4 weeks of the meeting, so the amended plan is
    due no later than 12 weeks (84 calendar days) after the review meeting. Without
    `proposals_sent` the 12-week date is returned. With it, the earlier of `proposals_sent` + 8
    weeks and `meeting` + 12 weeks: proposals sent early bring the date forward; proposals sent
    late (already a breach of reg 20(10)) do not push it back.
    """
    latest = _weeks_after(meeting, AMENDED_PLAN_WEEKS_FROM_MEETING)
    if proposals_sent is None:
        return latest
    return min(_weeks_after(proposals_sent, AMENDED_PLAN_WEEKS_FROM_PROPOSALS), latest)


def review_deadlines(meeting: dt.date, proposals_sent: dt.date | None = None) -> list[Deadline]:
    """The deadlines that follow a review meeting: report 2 weeks, decision 4 weeks, amended plan
    12 weeks (14, 28 and 84 calendar days; SEND Regulations 2014 regs 20 to 22, L v Devon)."""
    return [
        Deadline("Send the review report", review_report_due(meeting), "reg 20(7)-(8), reg 21(7)"),
        Deadline(
            "Notify the decision to maintain, amend or cease",
            review_decision_due(meeting),
            "reg 20(10), reg 21",
        ),
        Deadline(
            "Issue the final amended plan",
            amended_plan_due(meeting, proposals_sent),
            "reg 22(3); L v Devon [2022] EWHC 493 (Admin)",
        ),
    ]


def phase_transfer_deadline(transfer_year: int, to_post16: bool) -> dt.date:
    """SEND Regulations 2014 reg 18(1): when a child or young person is within 12 months of a
    transfer between phases (reg 2: early years to school, infant to junior, primary to middle,
    primary to secondary, middle to secondary, secondary to post-16), the plan must be reviewed
    and, where necessary, amended to name the new school or college by 15 February in the
    calendar year of transfer (reg 18(1)(b)), or by 31 March for a move from secondary school to a
    post-16 institution (reg 18(1)(a), `to_post16=True`).

    `transfer_year` is the calendar year in which the transfer happens, normally the year of the
    September in which the child starts the new phase: a child moving from Year 6 to Year 7 in
    September 2026 has transfer_year 2026 and a deadline of 15 February 2026, in the spring term of
    their last year at primary school.

    The regulation says "before" that date; the sector, DfE's SEN2 phase-transfer items and this
    module use the named date itself as the deadline (docs/decisions/0005-statutory-clock.md).
    For a move between post-16 institutions at another time, see `post16_move_deadline`.
    """
    return dt.date(transfer_year, 3, 31) if to_post16 else dt.date(transfer_year, 2, 15)


def post16_move_deadline(transfer_date: dt.date) -> dt.date:
    """SEND Regulations 2014 reg 18(2): for a move from one post-16 institution to another at any
    other time, the plan must be reviewed and amended at least 5 months before the transfer. Due
    5 calendar months before `transfer_date` (clamped to month end by `add_months`)."""
    return add_months(transfer_date, -POST16_MOVE_MONTHS_BEFORE)


# --- re-assessment ----------------------------------------------------------------------------


def reassessment_decision_due(request: dt.date) -> dt.date:
    """SEND Regulations 2014 reg 25(1): the LA must notify its decision whether to re-assess
    within 15 calendar days of receiving a request for a re-assessment. Due `request` + 15."""
    return request + dt.timedelta(days=REASSESSMENT_DECISION_DAYS)


def reassessment_final_plan_due(notified: dt.date) -> dt.date:
    """SEND Regulations 2014 reg 27(2): after a re-assessment, the amended or replacement plan
    must be issued within 14 weeks of the LA's reg 25(1) notification that it will re-assess (or
    of deciding under CFA 2014 s.44(3) that a re-assessment is necessary). Note the clock starts
    at that notification, not at the request: the request itself has `reassessment_decision_due`.
    Due `notified` + 98 calendar days. Exceptions (reg 27(3)) do not move this date."""
    return _weeks_after(notified, REASSESSMENT_FINAL_PLAN_WEEKS)


# --- disagreements: mediation and appeals -------------------------------------------------------


def mediation_contact_deadline(decision_date: dt.date) -> dt.date:
    """SEND Regulations 2014 reg 33: a parent or young person who wants to appeal must contact the
    mediation adviser within 2 months of the written notice of the LA's decision. Due 2 calendar
    months after `decision_date` (31 December runs to the end of February, `add_months`)."""
    return add_months(decision_date, MEDIATION_CONTACT_MONTHS)


def _first_working_day_after(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def tribunal_filing_day(period_end: dt.date) -> dt.date:
    """The last day the Tribunal must receive an appeal whose time limit ends on `period_end`,
    under HESC Rules r.12: a limit ending on any day in August runs to the first working day after
    31 August, one ending 25 December to 1 January to the first working day after 1 January
    (r.12(3)(a), special educational needs cases), and one ending on another non-working day to
    the next working day (r.12(2)).

    r.12(3)(a) is read on the day the limit itself ends: a limit ending on Saturday 23 December
    runs to the next working day (27 December in 2023), not into January, and one ending on
    Saturday 31 July to Monday 2 August. This is the earlier, safer reading. Working days are
    those of r.1(3): not a weekend, Christmas Day, Good Friday or a bank holiday in England and
    Wales (`opensend.core.calendar`)."""
    if period_end.month == 8:
        return _first_working_day_after(dt.date(period_end.year, 8, 31))
    if (period_end.month, period_end.day) >= (12, 25):
        return _first_working_day_after(dt.date(period_end.year + 1, 1, 1))
    if (period_end.month, period_end.day) == (1, 1):
        return _first_working_day_after(period_end)
    if not is_working_day(period_end):
        return _first_working_day_after(period_end)
    return period_end


def appeal_deadline(
    decision_date: dt.date, mediation_certificate_date: dt.date | None = None
) -> dt.date:
    """The last day for the First-tier Tribunal (SEND) to receive an appeal under CFA 2014 s.51:
    HESC Rules r.20, the later of 2 calendar months after the written notice of the decision
    (`decision_date`, the date of the decision letter) and 1 calendar month after the date the
    mediation certificate was issued (if there is one). Months clamp to month
    end (`add_months`). The result is then moved as HESC Rules r.12 requires
    (`tribunal_filing_day`): limits ending in August run to the first working day of September,
    limits ending 25 December to 1 January to the first working day of January, and limits ending
    on a weekend or bank holiday to the next working day. Disability discrimination claims have
    other limits and are not covered."""
    period_end = add_months(decision_date, APPEAL_MONTHS_FROM_DECISION)
    if mediation_certificate_date is not None:
        period_end = max(
            period_end, add_months(mediation_certificate_date, APPEAL_MONTHS_FROM_CERTIFICATE)
        )
    return tribunal_filing_day(period_end)
