"""The populations the tables count, one row each, with the labels of every breakdown.

- `live_plans`: plans active on the census date (started on or before it, not ceased on or
  before it, as `projection_rules.state_of` decides), one per person (the latest started, if a
  return holds two);
- `new_plans`: plans that started in the calendar year, except plans transferred in;
- `ceased_plans`: plans ceased in the calendar year.

Each carries the person's sex, ethnicity group and birth date, the plan's primary need (the rank
1 `<SENneed>` of the plan's `<ActivePlans>`) and the type of setting (`setting`, a caseload
column; `placement` and `placement_group` its breakdown labels) of the main (rank 1) placement
attended on the day that matters (census, start, cease), mapped by `settings_lookup`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from opensend.returns.sen2.frames import Sen2Frames
from opensend.returns.sen2.settings_lookup import (
    COMPULSORY_SCHOOL_AGES,
    GROUP_TOTALS,
    SETTING_TYPES,
    establishment_columns,
    sen_setting_columns,
)
from opensend.returns.sen2.statistics.breakdowns import (
    age_on,
    august_before,
    ethnicity_label,
    sex_label,
)

_ESTABLISHMENT_KEYS = {
    f"{kind}|{int(unit)}|{int(resourced)}": column
    for (kind, unit, resourced), column in establishment_columns().items()
}
_PLACEMENT_LABELS = {s.column: s.label for s in SETTING_TYPES}
_GROUP_LABELS = {
    s.column: total.label
    for s in SETTING_TYPES
    for total in GROUP_TOTALS
    if total.group == s.group and total.label
}
PLACE_COLUMNS = ["urn", "ukprn", "sen_setting", "sen_unit", "resourced_provision"]


@dataclass(frozen=True)
class EstablishmentLookup:
    """Establishment types (`codelists.ESTABLISHMENT_TYPES`) by URN (from GIAS) and by UKPRN
    (FE and UKRLP providers). A UKPRN not listed is a UKRLP provider; a URN not listed cannot
    be placed and counts as "placement not recorded"."""

    by_urn: Mapping[str, str] = field(default_factory=dict)
    by_ukprn: Mapping[str, str] = field(default_factory=dict)


def calendar_year(frames: Sen2Frames) -> tuple[dt.date, dt.date]:
    """First and last day of the calendar year before the census."""
    year = frames.reference_date.year - 1
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def in_year(column: str, frames: Sen2Frames) -> pl.Expr:
    first, last = calendar_year(frames)
    return pl.col(column).is_between(first, last)


def people(frames: Sen2Frames) -> pl.LazyFrame:
    """Persons with their sex and ethnicity labels."""
    return frames.persons.lazy().select(
        "person_id",
        "birth_date",
        sex_label(pl.col("sex")).alias("sex_label"),
        ethnicity_label(pl.col("ethnicity")).alias("ethnicity_label"),
    )


def primary_needs(frames: Sen2Frames) -> pl.LazyFrame:
    """The rank 1 need of each request's active plan (the first, if a return holds two)."""
    return (
        frames.needs.lazy()
        .filter(pl.col("sen_type_rank") == 1, pl.col("sen_type").is_not_null())
        .unique("request_id", keep="first", maintain_order=True)
        .select("request_id", pl.col("sen_type").alias("primary_need"))
    )


def setting_of(lookup: EstablishmentLookup, age: pl.Expr) -> pl.Expr:
    """The caseload column of a place (URN, UKPRN or SEN2 setting with the SEN unit and resourced
    provision indicators); `age` on 31 August splits NIEO by compulsory school age."""
    urn, ukprn, sen_setting = pl.col("urn"), pl.col("ukprn"), pl.col("sen_setting")
    kind = (
        pl.when(urn.is_not_null())
        .then(urn.replace_strict(dict(lookup.by_urn), default=None, return_dtype=pl.String))
        .when(ukprn.is_not_null())
        .then(
            ukprn.replace_strict(
                dict(lookup.by_ukprn), default="UKRLP_PROVIDER", return_dtype=pl.String
            )
        )
    )
    key = pl.concat_str(
        kind,
        pl.col("sen_unit").fill_null(False).cast(pl.Int8).cast(pl.String),
        pl.col("resourced_provision").fill_null(False).cast(pl.Int8).cast(pl.String),
        separator="|",
    )
    compulsory = age.is_between(COMPULSORY_SCHOOL_AGES.start, COMPULSORY_SCHOOL_AGES.stop - 1)
    return (
        pl.when(kind.is_not_null())
        .then(key.replace_strict(_ESTABLISHMENT_KEYS, default="placement_unknown"))
        .when((sen_setting == "NIEO") & compulsory.fill_null(False))
        .then(pl.lit("neet_other_csa"))
        .otherwise(
            sen_setting.replace_strict(
                sen_setting_columns(), default="placement_unknown", return_dtype=pl.String
            )
        )
    )


def main_places(frames: Sen2Frames, days: pl.LazyFrame) -> pl.LazyFrame:
    """The rank 1 placement attended on each request's day (`days`: request_id, on): entered on
    or before it and not left before it; the latest entered if several."""
    return (
        frames.placements.lazy()
        .filter(pl.col("placement_rank") == 1)
        .join(days, on="request_id")
        .filter(
            pl.col("entry_date") <= pl.col("on"),
            pl.col("leaving_date").is_null() | (pl.col("leaving_date") >= pl.col("on")),
        )
        .sort("entry_date")
        .unique("request_id", keep="last")
        .select("request_id", *PLACE_COLUMNS, "res", "wbp")
    )


def named_places(frames: Sen2Frames) -> pl.LazyFrame:
    """The rank 1 setting named in each plan."""
    return (
        frames.plan_details.lazy()
        .filter(pl.col("placement_rank") == 1)
        .unique("request_id", keep="first", maintain_order=True)
        .select("request_id", *PLACE_COLUMNS)
    )


def _with_details(
    frames: Sen2Frames,
    plans: pl.LazyFrame,
    places: pl.LazyFrame,
    lookup: EstablishmentLookup,
) -> pl.LazyFrame:
    """Plans (request_id, person_id, ...) with person, primary need and setting columns."""
    august = august_before(frames.reference_date)
    joined = (
        plans.join(people(frames), on="person_id", how="left")
        .join(primary_needs(frames), on="request_id", how="left")
        .join(places, on="request_id", how="left")
        .with_columns(age_on(pl.col("birth_date"), august).alias("age"))
    )
    return joined.with_columns(setting_of(lookup, pl.col("age")).alias("setting")).with_columns(
        pl.col("setting").replace_strict(_PLACEMENT_LABELS).alias("placement"),
        pl.col("setting")
        .replace_strict(_GROUP_LABELS, default=None, return_dtype=pl.String)
        .alias("placement_group"),
    )


def live_plans(frames: Sen2Frames, lookup: EstablishmentLookup) -> pl.DataFrame:
    """Plans active on the census date, one per person; see the module docstring."""
    census = frames.reference_date
    plans = (
        frames.requests.lazy()
        .filter(
            pl.col("has_named_plan"),
            pl.col("start_date") <= census,
            pl.col("cease_date").is_null() | (pl.col("cease_date") > census),
        )
        .sort("start_date", "request_id")
        .unique("person_id", keep="last")
    )
    days = plans.select("request_id", pl.lit(census).alias("on"))
    details = _with_details(frames, plans, main_places(frames, days), lookup)
    return details.with_columns(
        age_on(pl.col("start_date"), census).alias("years_in_place"),
        age_on(pl.col("birth_date"), pl.col("start_date")).alias("age_at_start"),
    ).collect()


def new_plans(frames: Sen2Frames, lookup: EstablishmentLookup) -> pl.DataFrame:
    """Plans started in the calendar year after an assessment here (AssessmentOutcome Y):
    not plans transferred in or issued before records began (H). Setting: the main placement
    attended on the start date, else the main setting named in the plan."""
    plans = frames.requests.lazy().filter(
        pl.col("has_named_plan"),
        in_year("start_date", frames),
        pl.col("assessment_outcome") == "Y",
    )
    days = plans.select("request_id", pl.col("start_date").alias("on"))
    attended = main_places(frames, days)
    named = named_places(frames).join(attended, on="request_id", how="anti")
    places = pl.concat([attended.select("request_id", *PLACE_COLUMNS), named])
    return (
        _with_details(frames, plans, places, lookup)
        .with_columns(age_on(pl.col("birth_date"), pl.col("start_date")).alias("age_at_start"))
        .collect()
    )


def ceased_plans(frames: Sen2Frames, lookup: EstablishmentLookup) -> pl.DataFrame:
    """Plans ceased in the calendar year; setting: the main placement on the day it ceased."""
    plans = frames.requests.lazy().filter(pl.col("has_named_plan"), in_year("cease_date", frames))
    days = plans.select("request_id", pl.col("cease_date").alias("on"))
    details = _with_details(frames, plans, main_places(frames, days), lookup)
    return details.with_columns(
        age_on(pl.col("birth_date"), pl.col("cease_date")).alias("age_at_cease"),
        age_on(pl.col("start_date"), pl.col("cease_date")).alias("years_held"),
    ).collect()


def requests_in_year(frames: Sen2Frames, date_column: str) -> pl.DataFrame:
    """Requests whose `date_column` falls in the calendar year, with the person's labels and
    age on the date received."""
    return (
        frames.requests.lazy()
        .filter(in_year(date_column, frames))
        .join(people(frames), on="person_id", how="left")
        .with_columns(age_on(pl.col("birth_date"), pl.col("received_date")).alias("age"))
        .collect()
    )
