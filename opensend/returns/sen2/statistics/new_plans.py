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


def _labelled(plans: pl.DataFrame) -> pl.DataFrame:
    return plans.with_columns(topics.AGE_AT_START.label(pl.col("age_at_start")).alias("start_age"))


def newplans_table(plans: pl.DataFrame) -> pl.DataFrame:
    """`newplans.csv`: plans started in the year by the type of setting."""
    table_topics = [
        Topic("New EHC plans"),
        Topic("Age when plan started", ("start_age",), topics.AGE_AT_START.order),
        topics.ETHNICITY,
        topics.SEX,
    ]
    counts = count_by_topic(_labelled(plans), table_topics, setting_counts("new_ehc_plans"))
    return counts.select("breakdown_topic", "breakdown", *setting_columns("new_ehc_plans"))


def sen_need_newplans(plans: pl.DataFrame) -> pl.DataFrame:
    """`sen_need_newplans.csv`: plans started in the year by primary need."""
    table_topics = [
        Topic("All EHC plans"),
        Topic("Child or young persons age", ("start_age",), topics.AGE_AT_START.order),
        topics.ETHNICITY,
        topics.SEX,
        topics.PLACEMENT,
    ]
    counts = count_by_topic(with_need(_labelled(plans)), table_topics, need_counts("ehc_plans"))
    return counts.select("breakdown_topic", "breakdown", *need_columns("ehc_plans"))
