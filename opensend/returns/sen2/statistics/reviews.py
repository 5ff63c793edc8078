"""Annual reviews of the plans live on the census date: `annual_reviews.csv`.

A review is expected where the plan started before the calendar year. Of those, the review
meeting (`ReviewMeeting`) by year; of those with a meeting, the decision (`LastReview`) by year,
or not yet due (meeting within 4 weeks of the census) or outstanding; the outcome
(`ReviewOutcome`); and whether the decision came within 4 weeks (28 days) of the meeting.
Year columns are named after the collection (`review_meeting_25` for the 2025 return).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache

import polars as pl

from opensend.returns.sen2.statistics import topics
from opensend.returns.sen2.statistics.breakdowns import Topic, count_by_topic
from opensend.returns.sen2.statistics.ees import count, percent

FOUR_WEEKS = 28
OUTCOMES = {"A": "outcome_amend", "C": "outcome_cease", "M": "outcome_maintan"}
LABELS = (
    topics.REVIEW_AGE.label(pl.col("age")).alias("review_age"),
    topics.YEARS_IN_PLACE.label(pl.col("years_in_place")).alias("years"),
    *topics.PLACEMENT_LABELS,
)
TOPICS = (
    Topic("All annual reviews"),
    Topic("Child or young persons age", ("review_age",), topics.REVIEW_AGE.order),
    topics.ETHNICITY,
    topics.SEX,
    topics.PLACEMENT,
    Topic("Years EHC plan in place", ("years",), topics.YEARS_IN_PLACE.order),
)
DIFFERENCES = (
    (pl.col("total_ehc_plans") - pl.col("review_expected")).alias("review_not_expected"),
    (pl.col("review_expected") - pl.col("total_review_meeting")).alias("no_review_meeting"),
)


def reviews_table(plans: pl.LazyFrame, reference_date: dt.date) -> pl.LazyFrame:
    """`annual_reviews.csv` from the plans live on the census date."""
    measures, values = _columns(reference_date)
    counts = count_by_topic(plans, TOPICS, measures, LABELS)
    return counts.with_columns(DIFFERENCES).select("breakdown_topic", "breakdown", *values)


@cache
def _columns(reference_date: dt.date) -> tuple[Mapping[str, pl.Expr], tuple[pl.Expr, ...]]:
    """What is counted of the plans, and the table's columns, for a census on that date (the
    year columns are named after it)."""
    year = reference_date.year - 1
    this, last = f"{(year + 1) % 100:02d}", f"{year % 100:02d}"
    expected = pl.col("start_date") < dt.date(year, 1, 1)
    meeting = pl.col("review_meeting")
    decision = pl.col("last_review")
    met = expected & meeting.is_not_null()
    decided = met & decision.is_not_null()
    days = (decision - meeting).dt.total_days()
    waiting = (pl.lit(reference_date) - meeting).dt.total_days()
    names = {
        "meeting_this": f"review_meeting_{this}",
        "meeting_last": f"review_meeting_{last}",
        "meeting_prior": f"review_meeting_prior_{last}",
        "decision_this": f"review_decision{this}",
        "decision_last": f"review_decision{last}",
        "decision_prior": f"review_decision_prior{last}",
    }
    measures = {
        "total_ehc_plans": pl.len(),
        "review_expected": expected.sum(),
        names["meeting_this"]: (met & (meeting.dt.year() == year + 1)).sum(),
        names["meeting_last"]: (met & (meeting.dt.year() == year)).sum(),
        names["meeting_prior"]: (met & (meeting.dt.year() < year)).sum(),
        "total_review_meeting": met.sum(),
        names["decision_this"]: (decided & (decision.dt.year() == year + 1)).sum(),
        names["decision_last"]: (decided & (decision.dt.year() == year)).sum(),
        names["decision_prior"]: (decided & (decision.dt.year() < year)).sum(),
        "review_decision_not_due": (met & decision.is_null() & (waiting <= FOUR_WEEKS)).sum(),
        "review_decision_outstanding": (met & decision.is_null() & (waiting > FOUR_WEEKS)).sum(),
        **{
            column: (met & (pl.col("review_outcome") == code)).sum()
            for code, column in OUTCOMES.items()
        },
        "no_outcome": (
            met & ~pl.col("review_outcome").is_in(list(OUTCOMES)).fill_null(False)
        ).sum(),
        "number_decsion_4weeks": (decided & (days <= FOUR_WEEKS)).sum(),
        "number_decision_gt_4weeks": (decided & (days > FOUR_WEEKS)).sum(),
    }
    timed = pl.col("number_decsion_4weeks") + pl.col("number_decision_gt_4weeks")
    order = [
        "total_ehc_plans",
        "review_expected",
        "review_not_expected",
        names["meeting_this"],
        names["meeting_last"],
        names["meeting_prior"],
        "total_review_meeting",
        "no_review_meeting",
        names["decision_this"],
        names["decision_last"],
        names["decision_prior"],
        "review_decision_not_due",
        "review_decision_outstanding",
        *OUTCOMES.values(),
        "no_outcome",
        "number_decsion_4weeks",
        "number_decision_gt_4weeks",
    ]
    values = (
        *[count(column) for column in order],
        percent("number_decsion_4weeks", timed).alias("pc_decsion_4weeks"),
        percent("number_decision_gt_4weeks", timed).alias("pc_decision_gt_4weeks"),
    )
    return measures, values
