"""Features of the plans live on the census date: `personal_budgets.csv` (PB, OA, DP),
`residential_settings.csv` (Res of the main placement attended: A 38 to 51 weeks, B 52 weeks)
and `work_based_placements.csv` (WBP of the main placement attended: S supported internship,
A apprenticeship, T traineeship). Each counts only the plans with the feature, so its
breakdown rows are the groups that have some."""

from __future__ import annotations

import polars as pl

from opensend.returns.sen2.statistics import topics
from opensend.returns.sen2.statistics.breakdowns import AgeBands, Topic, count_by_topic
from opensend.returns.sen2.statistics.ees import count

DIRECT_PAYMENTS = {"H": "pb_health", "E": "pb_education", "S": "pb_social", "I": "pb_integrated"}
RESIDENTIAL = {"A": "Res_3851", "B": "Res_52"}
WORK_BASED = {"S": "open_supp_intern", "A": "open_apprentice", "T": "open_trainee"}


def _labelled(plans: pl.DataFrame, bands: AgeBands) -> pl.DataFrame:
    return plans.with_columns(
        bands.label(pl.col("age")).alias("feature_age"),
        pl.col("placement").replace(topics.SPECIAL_LOWER),
    )


def _topics(all_label: str, bands: AgeBands, age_topic: str) -> list[Topic]:
    age = Topic(age_topic, ("feature_age",), bands.order)
    return [Topic(all_label), age, topics.ETHNICITY, topics.SEX, topics.PLACEMENT_LOWER]


def personal_budgets(plans: pl.DataFrame) -> pl.DataFrame:
    pb, oa, dp = pl.col("pb").fill_null(False), pl.col("oa").fill_null(False), pl.col("dp")
    with_budget = plans.filter(pb | oa | dp.is_in(list(DIRECT_PAYMENTS)).fill_null(False))
    measures = {
        "personal_budget": pb.sum(),
        "org_arrangments": oa.sum(),
        **{column: (dp == code).sum() for code, column in DIRECT_PAYMENTS.items()},
    }
    bands = topics.CURRENT_AGE_CAPPED
    table_topics = _topics("All personal budgets", bands, "Child or young persons age")
    counts = count_by_topic(_labelled(with_budget, bands), table_topics, measures)
    return counts.select("breakdown_topic", "breakdown", *[count(c) for c in measures])


def residential_settings(plans: pl.DataFrame) -> pl.DataFrame:
    residential = plans.filter(pl.col("res").is_in(list(RESIDENTIAL)).fill_null(False))
    measures = {column: (pl.col("res") == code).sum() for code, column in RESIDENTIAL.items()}
    measures["Res_tot"] = pl.len()
    bands = topics.CURRENT_AGE_CAPPED
    table_topics = _topics("All residential placements", bands, "Child or young persons age")
    counts = count_by_topic(_labelled(residential, bands), table_topics, measures)
    return counts.select("breakdown_topic", "breakdown", *[count(c) for c in measures])


def work_based_placements(plans: pl.DataFrame) -> pl.DataFrame:
    working = plans.filter(pl.col("wbp").is_in(list(WORK_BASED)).fill_null(False))
    measures = {column: (pl.col("wbp") == code).sum() for code, column in WORK_BASED.items()}
    measures["open_wbp"] = pl.len()
    bands = topics.YOUNG_PERSON_AGE
    all_topics = _topics("All work based placements", bands, "Young persons age")
    # DfE lists this file's topics alphabetically, the age last.
    table_topics = [all_topics[0], *all_topics[2:], all_topics[1]]
    counts = count_by_topic(_labelled(working, bands), table_topics, measures)
    return counts.select("breakdown_topic", "breakdown", *[count(c) for c in measures])
