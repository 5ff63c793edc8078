"""EHC plans ceased in the calendar year, by reason: `ceased_plans.csv`.

DfE's data guidance labels `not_rec` "ceased for other reasons" and `other` "reason is not
recorded"; we follow the guidance: reason 9 (other) counts in `not_rec`, a missing or unknown
reason in `other`.
"""

from __future__ import annotations

import polars as pl

from opensend.returns.sen2.statistics import topics
from opensend.returns.sen2.statistics.breakdowns import Topic, count_by_topic
from opensend.returns.sen2.statistics.ees import count

REASON_COLUMNS = {
    "1": "max_age",
    "2": "needs_met",
    "3": "he",
    "4": "employ",
    "5": "transfer",
    "6": "no_engage",
    "7": "moved_outside_eng",
    "8": "deceased",
    "9": "not_rec",
}
COLUMNS = [*REASON_COLUMNS.values(), "other", "total_ceased"]

REASON = pl.col("cease_reason").replace_strict(REASON_COLUMNS, default="other")
MEASURES = {column: REASON.eq(column).sum() for column in COLUMNS[:-1]} | {"total_ceased": pl.len()}
LABELS = (
    topics.AGE_AT_CEASE.label(pl.col("age_at_cease")).alias("cease_age"),
    topics.YEARS_HELD.label(pl.col("years_held")).alias("held"),
    *topics.PLACEMENT_LABELS,
)
TOPICS = (
    Topic("All ceased EHC plans"),
    Topic("Age plan ceased", ("cease_age",), topics.AGE_AT_CEASE.order),
    topics.ETHNICITY,
    topics.SEX,
    topics.PLACEMENT,
    Topic("Years plan held", ("held",), topics.YEARS_HELD.order),
)
VALUES = tuple(count(column) for column in COLUMNS)


def ceased_table(plans: pl.LazyFrame) -> pl.LazyFrame:
    """`ceased_plans.csv` from the plans ceased in the year (`population.ceased_plans`)."""
    counts = count_by_topic(plans, TOPICS, MEASURES, LABELS)
    return counts.select("breakdown_topic", "breakdown", *VALUES)
