"""Counts an LA's saved casework for one calendar year the way DfE's statistics count SEN2
(reference/sen2.md §4), to check the demo against the published figures. Small on purpose: the
casework statistics of Step 3 replace it.

- Requests: received in the year, by their outcome as the return made in the following January
  would have reported it (a decision after that date is "not yet made").
- Assessments: ended in the year (plan issued, not issued, withdrawn). DfE's "decision
  outstanding" (`assess_not_made`) is 0 for Leeds and York, and `assess_in_year` is the sum of
  the other three: assessments still open at the year end are not counted, so nor are they here.
- Timeliness: plans issued in the year after a request made here; weeks = days / 7 from the
  request; within 20, over 20 and up to 52, over 52; with and without 20-week exceptions.
- New plans: plans starting in the year, except transfers in. Ceased: by date ceased and reason.
- Reviews (2024): plans maintained on census day and issued before the year; where their latest
  review meeting on or before census day fell, its outcome, and decisions within 4 weeks.
"""

import datetime as dt
from collections import Counter

from opensend.casework.models import Assessment, Plan, Request, Review
from opensend.demo.casework_history import census_day


def requests_in(la, year: int) -> Counter:
    census = census_day(year + 1)
    counts: Counter = Counter()
    rows = Request.objects.filter(
        local_authority=la, kind=Request.Kind.INITIAL, received_on__year=year
    ).values_list("received_on", "outcome", "outcome_on")
    for received, outcome, outcome_on in rows:
        counts["received"] += 1
        if outcome == "W":
            counts["withdrawn"] += 1
        elif outcome in "YN" and outcome_on and outcome_on <= census:
            counts["assess" if outcome == "Y" else "not_assess"] += 1
            counts["six_weeks" if (outcome_on - received).days <= 42 else "over_6_weeks"] += 1
        else:
            counts["not_made"] += 1
    return counts


def assessments_in(la, year: int) -> Counter:
    rows = Assessment.objects.filter(
        case__local_authority=la, outcome__in="YNW", outcome_on__year=year
    ).values_list("outcome", flat=True)
    return Counter({"Y": "issued", "N": "not_issued", "W": "withdrawn"}[o] for o in rows)


def timeliness_in(la, year: int) -> Counter:
    counts: Counter = Counter()
    rows = Assessment.objects.filter(
        case__local_authority=la,
        case__kind=Request.Kind.INITIAL,
        case__transferred_from_la="",
        outcome="Y",
        plan__issued_on__year=year,
    ).values_list("case__received_on", "plan__issued_on", "exception")
    for received, issued, exception in rows:
        days = (issued - received).days
        band = "within_20" if days <= 140 else ("20_to_52" if days <= 364 else "over_52")
        counts["den"] += 1
        counts[band] += 1
        if not exception:
            counts["den_ex"] += 1
            counts[f"{band}_ex"] += 1
    return counts


def new_plans_in(la, year: int) -> int:
    return (
        Plan.objects.filter(assessment__case__local_authority=la, start_date__year=year)
        .exclude(assessment__case__kind=Request.Kind.TRANSFER_IN)
        .count()
    )


def ceased_in(la, year: int) -> Counter:
    rows = Plan.objects.filter(
        assessment__case__local_authority=la, ceased_on__year=year
    ).values_list("cease_reason", flat=True)
    counts = Counter(rows)
    counts["total"] = sum(counts.values())
    return counts


def reviews_2024(la) -> Counter:
    census = census_day(2025)
    plans = Plan.objects.filter(
        assessment__case__local_authority=la,
        issued_on__lt=dt.date(2024, 1, 1),
        start_date__lte=census,
    ).exclude(ceased_on__lt=census)
    latest: dict[int, tuple] = {}
    reviews = Review.objects.filter(plan__in=plans, meeting_on__lte=census).values_list(
        "plan_id", "meeting_on", "decision_on", "outcome"
    )
    for plan_id, meeting, decision, outcome in reviews:
        if plan_id not in latest or meeting > latest[plan_id][0]:
            latest[plan_id] = (meeting, decision, outcome)
    counts: Counter = Counter(expected=plans.count())
    for meeting, decision, outcome in latest.values():
        counts["meetings"] += 1
        counts[{2024: "meeting_24", 2025: "meeting_25"}.get(meeting.year, "meeting_prior_24")] += 1
        if decision and decision <= census and outcome:
            counts[{"A": "amend", "C": "cease", "M": "maintain"}[outcome]] += 1
            counts["in_4_weeks" if (decision - meeting).days <= 28 else "over_4_weeks"] += 1
        else:
            counts["no_outcome"] += 1
    counts["no_meeting"] = counts["expected"] - counts["meetings"]
    return counts
