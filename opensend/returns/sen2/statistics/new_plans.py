"""New EHC plans in the calendar year: `newplans.csv` (by type of setting) and
`sen_need_newplans.csv` (by primary need)."""

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

LABELS = (
    topics.AGE_AT_START.label(pl.col("age_at_start")).alias("start_age"),
    *topics.PLACEMENT_LABELS,
)
NEWPLANS_TOPICS = (
    Topic("New EHC plans"),
    Topic("Age when plan started", ("start_age",), topics.AGE_AT_START.order),
    topics.ETHNICITY,
    topics.SEX,
)
NEEDS_TOPICS = (
    Topic("All EHC plans"),
    Topic("Child or young persons age", ("start_age",), topics.AGE_AT_START.order),
    topics.ETHNICITY,
    topics.SEX,
    topics.PLACEMENT,
)


def newplans_table(plans: pl.LazyFrame) -> pl.LazyFrame:
    """`newplans.csv`: plans started in the year by the type of setting."""
    counts = count_by_topic(plans, NEWPLANS_TOPICS, setting_counts("new_ehc_plans"), LABELS)
    return counts.select("breakdown_topic", "breakdown", *setting_columns("new_ehc_plans"))


def sen_need_newplans(plans: pl.LazyFrame) -> pl.LazyFrame:
    """`sen_need_newplans.csv`: plans started in the year by primary need."""
    counts = count_by_topic(with_need(plans), NEEDS_TOPICS, need_counts("ehc_plans"), LABELS)
    return counts.select("breakdown_topic", "breakdown", *need_columns("ehc_plans"))
