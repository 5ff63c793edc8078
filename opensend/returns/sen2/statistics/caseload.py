"""EHC plans as at January: `caseload.csv` (by type of setting attended) and
`sen_needs_all_plans.csv` (by primary need)."""

from __future__ import annotations

import polars as pl

from opensend.returns.sen2.statistics import topics
from opensend.returns.sen2.statistics.breakdowns import Topic, count_by_topic
from opensend.returns.sen2.statistics.measures import (
    need_columns,
    need_counts,
    setting_columns,
    setting_counts,
    with_need,
)

# The labels of the caseload files' ages and years in place, and of the type of placement.
LABELS = (
    topics.CURRENT_AGE.label(pl.col("age")).alias("current_age"),
    topics.AGE_AT_START.label(pl.col("age_at_start")).alias("start_age"),
    topics.YEARS_IN_PLACE.label(pl.col("years_in_place")).alias("years"),
    *topics.PLACEMENT_LABELS,
)
ALL_PLANS = Topic("All EHC plans")
CURRENT_AGE = Topic("Child or young persons age", ("current_age",), topics.CURRENT_AGE.order)
YEARS = Topic("Years EHC plan in place", ("years",), topics.YEARS_IN_PLACE.order)
CASELOAD_TOPICS = (
    ALL_PLANS,
    Topic("Age when plan started", ("start_age",), topics.AGE_AT_START.order),
    CURRENT_AGE,
    topics.ETHNICITY,
    topics.SEX,
    YEARS,
)
NEEDS_TOPICS = (ALL_PLANS, CURRENT_AGE, topics.ETHNICITY, topics.SEX, topics.PLACEMENT, YEARS)


def caseload_table(plans: pl.LazyFrame) -> pl.LazyFrame:
    """`caseload.csv`: live plans by the type of setting attended."""
    counts = count_by_topic(plans, CASELOAD_TOPICS, setting_counts("ehcplans"), LABELS)
    return counts.select("breakdown_topic", "breakdown", *setting_columns("ehcplans"))


def sen_needs_all_plans(plans: pl.LazyFrame) -> pl.LazyFrame:
    """`sen_needs_all_plans.csv`: live plans by primary need."""
    counts = count_by_topic(with_need(plans), NEEDS_TOPICS, need_counts("ehc_plans"), LABELS)
    return counts.select("breakdown_topic", "breakdown", *need_columns("ehc_plans"))
