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


def labelled(plans: pl.DataFrame) -> pl.DataFrame:
    """Live plans with the age, age-at-start and years-in-place labels of the caseload files."""
    return plans.with_columns(
        topics.CURRENT_AGE.label(pl.col("age")).alias("current_age"),
        topics.AGE_AT_START.label(pl.col("age_at_start")).alias("start_age"),
        topics.YEARS_IN_PLACE.label(pl.col("years_in_place")).alias("years"),
    )


def caseload_table(plans: pl.DataFrame) -> pl.DataFrame:
    """`caseload.csv`: live plans by the type of setting attended."""
    table_topics = [
        Topic("All EHC plans"),
        Topic("Age when plan started", ("start_age",), topics.AGE_AT_START.order),
        Topic("Child or young persons age", ("current_age",), topics.CURRENT_AGE.order),
        topics.ETHNICITY,
        topics.SEX,
        Topic("Years EHC plan in place", ("years",), topics.YEARS_IN_PLACE.order),
    ]
    counts = count_by_topic(labelled(plans), table_topics, setting_counts("ehcplans"))
    return counts.select("breakdown_topic", "breakdown", *setting_columns("ehcplans"))


def sen_needs_all_plans(plans: pl.DataFrame) -> pl.DataFrame:
    """`sen_needs_all_plans.csv`: live plans by primary need."""
    table_topics = [
        Topic("All EHC plans"),
        Topic("Child or young persons age", ("current_age",), topics.CURRENT_AGE.order),
        topics.ETHNICITY,
        topics.SEX,
        topics.PLACEMENT,
        Topic("Years EHC plan in place", ("years",), topics.YEARS_IN_PLACE.order),
    ]
    counts = count_by_topic(with_need(labelled(plans)), table_topics, need_counts("ehc_plans"))
    return counts.select("breakdown_topic", "breakdown", *need_columns("ehc_plans"))
