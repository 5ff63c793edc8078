"""EHC plans issued in the calendar year and whether within 20 weeks: `timeliness_20_week.csv`.

Plans issued (AssessmentOutcome Y, dated in the year) after a request received here, including
requests decided before the year (RequestOutcome H with their ReceivedDate), but not plans
transferred in or issued before records began (AssessmentOutcome H), nor plans whose assessment
began in another LA (TransferLA); weeks = days from the request to the issue date / 7. Bands:
within 20 weeks (<= 140 days), over 20 and up to 52 (<= 364), over 52. "Excluding exceptions" leaves
out plans with Week20 = 1. From the 2026 collection: lower-case column names, the mean weeks
and the primary need breakdown, as in DfE's 2026 release.
"""

from __future__ import annotations

import polars as pl

from opensend.core.codelists import NEED_TYPES
from opensend.returns.sen2.frames import Sen2Frames
from opensend.returns.sen2.statistics import topics
from opensend.returns.sen2.statistics.breakdowns import Topic, count_by_topic
from opensend.returns.sen2.statistics.ees import count, percent, tenths

TWENTY_WEEKS = 140
YEAR = 364
BANDS = ["within_20_weeks", "gt20weeks_ltYear", "gt_1_year"]
NEED_LABELS = {c.code: c.label for c in NEED_TYPES if c.code != "NSA"} | {"DS": "Down Syndrome"}
NEED_ORDER = (*sorted(NEED_LABELS.values()), "Not reported")


def _columns_2025() -> list[str]:
    names = ["plans_issued_den", "plans_issued_den_ex"]
    for band, ex in (
        ("within_20_weeks", "20_weeks_ex"),
        ("gt20weeks_ltYear", "gt20weeks_ltYear_ex"),
        ("gt_1_year", "gt_1_year_ex"),
    ):
        names += [f"plans_issued_{band}", f"plans_issued_{ex}"]
        names += [f"pc_plans_issued_{band}", f"PC_plans_issued_{ex}"]
    return names


COLUMNS_2025 = _columns_2025()
COLUMNS_2026 = [c.lower() for c in COLUMNS_2025] + [
    "avg_weeks_issue_plan",
    "avg_weeks_issue_plan_exc",
]


ISSUED = (
    pl.col("has_assessment"),
    pl.col("assessment_outcome") == "Y",
    pl.col("received_date").is_not_null(),
    pl.col("transfer_la").is_null(),
)


def _timing() -> tuple[pl.Expr, ...]:
    """Each plan's days from request to issue, exception flag and band."""
    elapsed = (pl.col("assessment_outcome_date") - pl.col("received_date")).dt.total_days()
    banded = (
        pl.when(elapsed <= TWENTY_WEEKS)
        .then(pl.lit(BANDS[0]))
        .when(elapsed <= YEAR)
        .then(pl.lit(BANDS[1]))
        .otherwise(pl.lit(BANDS[2]))
    )
    return (
        elapsed.alias("days"),
        pl.col("week20").fill_null(False).alias("exception"),
        banded.alias("band"),
    )


def _measures() -> dict[str, pl.Expr]:
    """Plans issued, within each band, and their days, with and without exceptions."""
    days, exception, band = pl.col("days"), pl.col("exception"), pl.col("band")
    measures: dict[str, pl.Expr] = {"den": pl.len(), "den_ex": (~exception).sum()}
    for name in BANDS:
        measures[name] = (band == name).sum()
        measures[f"{name}_ex"] = ((band == name) & ~exception).sum()
    measures["days"] = days.sum()
    measures["days_ex"] = days.filter(~exception).sum()
    return measures


def _values(later: bool) -> tuple[pl.Expr, ...]:
    """The measure columns of the 2025 release, or the 2026 release if `later`."""
    values = [count("den"), count("den_ex")]
    for name in BANDS:
        values += [
            count(name),
            count(f"{name}_ex"),
            percent(name, "den"),
            percent(f"{name}_ex", "den_ex"),
        ]
    if later:
        values += [
            tenths(pl.col("days"), pl.col("den") * 7),
            tenths(pl.col("days_ex"), pl.col("den_ex") * 7),
        ]
    names = COLUMNS_2026 if later else COLUMNS_2025
    return tuple(value.alias(name) for value, name in zip(values, names, strict=True))


TIMING = _timing()
LABELS = (
    topics.AGE_AT_REQUEST_ISSUED.label(pl.col("age")).alias("request_age"),
    pl.col("primary_need")
    .replace_strict(NEED_LABELS, default="Not reported", return_dtype=pl.String)
    .alias("need"),
)
MEASURES = _measures()
VALUES_2025, VALUES_2026 = _values(later=False), _values(later=True)
TOPICS_2025 = (
    Topic("All EHC plans issued"),
    Topic("Child or young persons age", ("request_age",), topics.AGE_AT_REQUEST_ISSUED.order),
    topics.ETHNICITY,
    topics.SEX,
)
TOPICS_2026 = (
    Topic("All EHC plans"),
    Topic("Age at time of request", ("request_age",), topics.AGE_AT_REQUEST_ISSUED.order),
    topics.ETHNICITY,
    Topic("Primary type of need", ("need",), NEED_ORDER),
    topics.SEX,
)


def timeliness_table(assessed: pl.LazyFrame, frames: Sen2Frames) -> pl.LazyFrame:
    """`timeliness_20_week.csv` from the requests whose assessment outcome is dated in the year
    (`population.requests_in_year`)."""
    issued = assessed.filter(*ISSUED)
    later = frames.year >= 2026
    table_topics = TOPICS_2026 if later else TOPICS_2025
    counts = count_by_topic(issued.with_columns(TIMING), table_topics, MEASURES, LABELS)
    return counts.select("breakdown_topic", "breakdown", *(VALUES_2026 if later else VALUES_2025))
