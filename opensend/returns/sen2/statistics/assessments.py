"""EHC needs assessments ended in the calendar year: `assessments.csv`.

An assessment counts in the year of its `AssessmentOutcomeDate` (Y plan issued, N not issued,
W withdrawn; A "decision outstanding" only if the return dates it), as the demo's check counts
them: DfE's outstanding count is near zero (62 of 105,340 in 2024). Decisions not to issue are
timed from the request: within 16 weeks or over.
"""

from __future__ import annotations

import polars as pl

from opensend.returns.sen2.statistics import topics
from opensend.returns.sen2.statistics.breakdowns import Topic, count_by_topic
from opensend.returns.sen2.statistics.ees import count, percent

SIXTEEN_WEEKS = 112
OUTCOMES = {
    "Y": "assess_issued",
    "N": "assess_not_issued",
    "A": "assess_not_made",
    "W": "assess_withdrawn",
}


def _measures() -> dict[str, pl.Expr]:
    """What is counted of the assessments ended in the year."""
    outcome = pl.col("assessment_outcome")
    not_issued = outcome == "N"
    days = (pl.col("assessment_outcome_date") - pl.col("received_date")).dt.total_days()
    flags = {
        name: pl.col(name).fill_null(False)
        for name in (
            "assessment_mediation",
            "assessment_tribunal",
            "other_mediation",
            "other_tribunal",
        )
    }
    return {
        "assess_in_year": pl.len(),
        **{column: (outcome == code).sum() for code, column in OUTCOMES.items()},
        "outcome_decision_within_time": (not_issued & (days <= SIXTEEN_WEEKS)).sum(),
        "outcome_decision_over_time": (not_issued & (days > SIXTEEN_WEEKS)).sum(),
        "number_assess_mediation": flags["assessment_mediation"].sum(),
        "number_assess_tribunal": flags["assessment_tribunal"].sum(),
        "number_asssess_mediation_tribunal": (
            flags["assessment_mediation"] & flags["assessment_tribunal"]
        ).sum(),
        "number_other_mediation": flags["other_mediation"].sum(),
        "number_other_tribunal": flags["other_tribunal"].sum(),
        "number_other_mediation_tribunal": (
            flags["other_mediation"] & flags["other_tribunal"]
        ).sum(),
    }


MEASURES = _measures()
ENDED = (pl.col("has_assessment"), pl.col("assessment_outcome").is_in(list(OUTCOMES)))
LABELS = (topics.AGE_AT_REQUEST.label(pl.col("age")).alias("request_age"),)
TOPICS = (
    Topic("All EHC needs assessments"),
    Topic("Child or young persons age", ("request_age",), topics.AGE_AT_REQUEST.order),
    topics.ETHNICITY,
    topics.SEX,
)
_TIMED = pl.col("outcome_decision_within_time") + pl.col("outcome_decision_over_time")
COLUMNS = (
    count("assess_in_year"),
    *[
        expr
        for column in OUTCOMES.values()
        for expr in (count(column), percent(column, "assess_in_year").alias(f"{column}_pc"))
    ],
    count("outcome_decision_within_time"),
    count("outcome_decision_over_time"),
    percent("outcome_decision_within_time", _TIMED).alias("outcome_decision_within_time_pc"),
    percent("outcome_decision_over_time", _TIMED).alias("outcome_decision_over_time_pc"),
    *[count(column) for column in list(MEASURES)[-6:]],
)


def assessments_table(assessed: pl.LazyFrame) -> pl.LazyFrame:
    """`assessments.csv` from the requests whose assessment outcome is dated in the year
    (`population.requests_in_year`)."""
    counts = count_by_topic(assessed.filter(*ENDED), TOPICS, MEASURES, LABELS)
    return counts.select("breakdown_topic", "breakdown", *COLUMNS)
