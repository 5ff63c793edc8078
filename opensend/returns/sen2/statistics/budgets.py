"""Features of the plans live on the census date: `personal_budgets.csv` (PB, OA, DP),
`residential_settings.csv` (Res of the main placement attended: A 38 to 51 weeks, B 52 weeks)
and `work_based_placements.csv` (WBP of the main placement attended: S supported internship,
A apprenticeship, T traineeship). Each counts only the plans with the feature, so its
breakdown rows are the groups that have some."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from opensend.returns.sen2.statistics import topics
from opensend.returns.sen2.statistics.breakdowns import AgeBands, Topic, count_by_topic
from opensend.returns.sen2.statistics.ees import count

DIRECT_PAYMENTS = {"H": "pb_health", "E": "pb_education", "S": "pb_social", "I": "pb_integrated"}
RESIDENTIAL = {"A": "Res_3851", "B": "Res_52"}
WORK_BASED = {"S": "open_supp_intern", "A": "open_apprentice", "T": "open_trainee"}


@dataclass(frozen=True)
class Feature:
    """One of the three tables: which live plans it counts (`has`), what it counts of them
    (`measures`), its age bands and its topics in DfE's order."""

    has: pl.Expr
    measures: Mapping[str, pl.Expr]
    bands: AgeBands
    topics: tuple[Topic, ...]

    def table(self, plans: pl.LazyFrame) -> pl.LazyFrame:
        """The table from the plans live on the census date."""
        labels = (
            self.bands.label(pl.col("age")).alias("feature_age"),
            *topics.PLACEMENT_LOWER_LABELS,
        )
        counts = count_by_topic(plans.filter(self.has), self.topics, self.measures, labels)
        return counts.select("breakdown_topic", "breakdown", *[count(c) for c in self.measures])


def _topics(all_label: str, bands: AgeBands, age_topic: str) -> tuple[Topic, ...]:
    age = Topic(age_topic, ("feature_age",), bands.order)
    return (Topic(all_label), age, topics.ETHNICITY, topics.SEX, topics.PLACEMENT_LOWER)


def _personal_budgets() -> Feature:
    pb, oa, dp = pl.col("pb").fill_null(False), pl.col("oa").fill_null(False), pl.col("dp")
    measures = {
        "personal_budget": pb.sum(),
        "org_arrangments": oa.sum(),
        **{column: (dp == code).sum() for code, column in DIRECT_PAYMENTS.items()},
    }
    bands = topics.CURRENT_AGE_CAPPED
    return Feature(
        has=pb | oa | dp.is_in(list(DIRECT_PAYMENTS)).fill_null(False),
        measures=measures,
        bands=bands,
        topics=_topics("All personal budgets", bands, "Child or young persons age"),
    )


def _residential_settings() -> Feature:
    res = pl.col("res")
    measures = {column: (res == code).sum() for code, column in RESIDENTIAL.items()}
    bands = topics.CURRENT_AGE_CAPPED
    return Feature(
        has=res.is_in(list(RESIDENTIAL)).fill_null(False),
        measures=measures | {"Res_tot": pl.len()},
        bands=bands,
        topics=_topics("All residential placements", bands, "Child or young persons age"),
    )


def _work_based_placements() -> Feature:
    wbp = pl.col("wbp")
    measures = {column: (wbp == code).sum() for code, column in WORK_BASED.items()}
    bands = topics.YOUNG_PERSON_AGE
    everything, age, *others = _topics("All work based placements", bands, "Young persons age")
    return Feature(
        has=wbp.is_in(list(WORK_BASED)).fill_null(False),
        measures=measures | {"open_wbp": pl.len()},
        bands=bands,
        # DfE lists this file's topics alphabetically, the age last.
        topics=(everything, *others, age),
    )


PERSONAL_BUDGETS = _personal_budgets()
RESIDENTIAL_SETTINGS = _residential_settings()
WORK_BASED_PLACEMENTS = _work_based_placements()


def personal_budgets(plans: pl.LazyFrame) -> pl.LazyFrame:
    """`personal_budgets.csv` from the plans live on the census date."""
    return PERSONAL_BUDGETS.table(plans)


def residential_settings(plans: pl.LazyFrame) -> pl.LazyFrame:
    """`residential_settings.csv` from the plans live on the census date."""
    return RESIDENTIAL_SETTINGS.table(plans)


def work_based_placements(plans: pl.LazyFrame) -> pl.LazyFrame:
    """`work_based_placements.csv` from the plans live on the census date."""
    return WORK_BASED_PLACEMENTS.table(plans)
