"""The populations the tables count, one row each, with what their breakdowns are read from.

- `live_plans`: plans active on the census date (started on or before it, not ceased on or
  before it, as `projection_rules.state_of` decides), one per person (the latest started, if a
  return holds two);
- `new_plans`: plans that started in the calendar year, except plans transferred in;
- `ceased_plans`: plans ceased in the calendar year;
- `requests_in_year`: requests received, or whose assessment outcome is dated, in the year.

`populations` computes them all at once, sharing the persons, needs and setting rule; the tables
are queries on them.

Each plan carries the person's sex, ethnicity group and birth date, the plan's primary need (the
rank 1 `<SENneed>` of the plan's `<ActivePlans>`) and the type of setting (`setting`, a caseload
column) of the main (rank 1) placement attended on the day that matters (census, start, cease),
mapped by `settings_lookup`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

import polars as pl

from opensend.returns.sen2.frames import Sen2Frames
from opensend.returns.sen2.settings_lookup import (
    COMPULSORY_SCHOOL_AGES,
    establishment_columns,
    sen_setting_columns,
)
from opensend.returns.sen2.statistics import topics
from opensend.returns.sen2.statistics.breakdowns import (
    age_on,
    august_before,
    ethnicity_label,
    sex_label,
)

# Establishment types as numbers, and each (type, SEN unit, resourced provision) as the number
# type * 4 + unit * 2 + resourced with its caseload column: numbers are quicker to look up.
_TYPE_NUMBERS = {
    kind: number
    for number, kind in enumerate(sorted({kind for kind, _, _ in establishment_columns()}))
}
_COLUMN_OF_PLACE = {
    _TYPE_NUMBERS[kind] * 4 + unit * 2 + resourced: column
    for (kind, unit, resourced), column in establishment_columns().items()
}
# Polars' in-memory engine: for these many small joins and group-bys its streaming engine (the
# default) is slower.
ENGINE: Final = "in-memory"
PLACE_COLUMNS = ["urn", "ukprn", "sen_setting", "sen_unit", "resourced_provision"]
_PERSON_LABELS = (
    sex_label(pl.col("sex")).alias("sex_label"),
    ethnicity_label(pl.col("ethnicity")).alias("ethnicity_label"),
)


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


def marked_sorted(frame: pl.DataFrame, *keys: str) -> list[pl.Expr]:
    """Marks for those of `keys` whose values in `frame` are in ascending order: polars joins on
    a key marked sorted on both sides by merging, several times faster than by hashing. (Frames
    list persons and requests in order; nothing but the speed depends on it.)"""
    return [
        pl.col(key).set_sorted()
        for key in keys
        if frame[key].null_count() == 0 and frame[key].is_sorted()
    ]


def people(frames: Sen2Frames) -> pl.LazyFrame:
    """Persons with their sex and ethnicity labels."""
    persons = frames.persons.lazy().with_columns(marked_sorted(frames.persons, "person_id"))
    return persons.select("person_id", "birth_date", *_PERSON_LABELS)


def primary_needs(frames: Sen2Frames) -> pl.LazyFrame:
    """The rank 1 need of each request's active plan (the first, if a return holds two)."""
    needs = frames.needs.lazy().with_columns(marked_sorted(frames.needs, "request_id"))
    ranked_first = needs.filter(pl.col("sen_type_rank") == 1, pl.col("sen_type").is_not_null())
    return first_of_each(ranked_first, "request_id").select(
        "request_id", pl.col("sen_type").alias("primary_need")
    )


def requests_of_people(frames: Sen2Frames) -> pl.LazyFrame:
    """Every request with its person's birth date and labels (`people`) and its primary need
    (`primary_needs`): what every population is drawn from. In the requests' order, and marked
    so when it is (a join keeps the order asked for, but forgets the marks)."""
    in_order = marked_sorted(frames.requests, "person_id", "request_id")
    return (
        frames.requests.lazy()
        .with_columns(in_order)
        .join(people(frames), on="person_id", how="left", maintain_order="left")
        .with_columns(in_order)
        .join(primary_needs(frames), on="request_id", how="left", maintain_order="left")
        .with_columns(in_order)
    )


def first_of_each(frame: pl.LazyFrame, key: str) -> pl.LazyFrame:
    """The first row of each `key` in the frame, sorted by `key` (a frame marked sorted by it is
    not sorted again). Sorting, then comparing each row with the one before, is faster than
    grouping for keys that are nearly all distinct."""
    column = pl.col(key)
    ordered = frame.sort(key, maintain_order=True)
    return ordered.filter(column.ne_missing(column.shift(1)))


def is_last_of_each(key: str, *order: str) -> pl.Expr:
    """Whether the row is the last of its `key`'s rows in the order of `order` (whose last
    column tells rows apart)."""
    last = pl.col(order[-1])
    return last == last.sort_by(*order).last().over(key)


def setting_of(lookup: EstablishmentLookup, age: pl.Expr) -> pl.Expr:
    """The caseload column of a place (URN, UKPRN or SEN2 setting with the SEN unit and resourced
    provision indicators), as `topics.SETTING`; `age` on 31 August splits NIEO by compulsory
    school age."""
    urn, ukprn, sen_setting = pl.col("urn"), pl.col("ukprn"), pl.col("sen_setting")
    establishment_type = (
        pl.when(urn.is_not_null())
        .then(urn.replace_strict(_numbered(lookup.by_urn), default=None, return_dtype=pl.Int64))
        .when(ukprn.is_not_null())
        .then(
            ukprn.replace_strict(
                _numbered(lookup.by_ukprn),
                default=_TYPE_NUMBERS["UKRLP_PROVIDER"],
                return_dtype=pl.Int64,
            )
        )
    )
    place = (
        establishment_type * 4
        + pl.col("sen_unit").fill_null(False).cast(pl.Int64) * 2
        + pl.col("resourced_provision").fill_null(False).cast(pl.Int64)
    )
    compulsory = age.is_between(COMPULSORY_SCHOOL_AGES.start, COMPULSORY_SCHOOL_AGES.stop - 1)
    return (
        pl.when(establishment_type.is_not_null())
        .then(
            place.replace_strict(
                _COLUMN_OF_PLACE, default="placement_unknown", return_dtype=pl.String
            )
        )
        .when((sen_setting == "NIEO") & compulsory.fill_null(False))
        .then(pl.lit("neet_other_csa"))
        .otherwise(
            sen_setting.replace_strict(
                sen_setting_columns(), default="placement_unknown", return_dtype=pl.String
            )
        )
        .cast(topics.SETTING)
    )


def for_places(lookup: EstablishmentLookup, frames: Sen2Frames) -> EstablishmentLookup:
    """The part of `lookup` for the URNs and UKPRNs of the return's places: a national lookup
    holds tens of thousands, an LA's places a few hundred."""

    def held(column: str, types: Mapping[str, str]) -> dict[str, str]:
        places = pl.concat([frames.placements[column], frames.plan_details[column]])
        return {key: types[key] for key in places.drop_nulls().unique().to_list() if key in types}

    return EstablishmentLookup(
        by_urn=held("urn", lookup.by_urn), by_ukprn=held("ukprn", lookup.by_ukprn)
    )


def _numbered(types: Mapping[str, str]) -> dict[str, int]:
    """Establishment types (by URN or UKPRN) as `_TYPE_NUMBERS`; -1 for a type that no
    caseload column is for (its places count as not recorded)."""
    return {key: _TYPE_NUMBERS.get(kind, -1) for key, kind in types.items()}


def main_places(frames: Sen2Frames, days: pl.LazyFrame) -> pl.LazyFrame:
    """The rank 1 placement attended on each request's day (`days`: request_id, on): entered on
    or before it and not left before it; the latest entered if several (of two entered the same
    day, the later in the return)."""
    in_order = marked_sorted(frames.placements, "request_id")
    attended = (
        frames.placements.lazy()
        .with_row_index("position")
        .filter(pl.col("placement_rank") == 1)
        .join(days, on="request_id", maintain_order="left")
        .with_columns(in_order)
        .filter(
            pl.col("entry_date") <= pl.col("on"),
            pl.col("leaving_date").is_null() | (pl.col("leaving_date") >= pl.col("on")),
        )
    )
    latest = attended.filter(is_last_of_each("request_id", "entry_date", "position"))
    return latest.select("request_id", *PLACE_COLUMNS, "res", "wbp")


def named_places(frames: Sen2Frames) -> pl.LazyFrame:
    """The rank 1 setting named in each plan."""
    details = frames.plan_details.lazy().with_columns(
        marked_sorted(frames.plan_details, "request_id")
    )
    named = details.filter(pl.col("placement_rank") == 1)
    return first_of_each(named, "request_id").select("request_id", *PLACE_COLUMNS)


@dataclass(frozen=True)
class Populations:
    """What the tables count, each computed once (`populations`): lazy frames on the computed
    tables, for the tables' queries to start from."""

    live: pl.LazyFrame  # plans live on the census date
    new: pl.LazyFrame  # plans started in the calendar year
    ceased: pl.LazyFrame  # plans ceased in the calendar year
    received: pl.LazyFrame  # requests received in the calendar year
    assessed: pl.LazyFrame  # requests whose assessment outcome is dated in the calendar year


def populations(frames: Sen2Frames, lookup: EstablishmentLookup) -> Populations:
    """Every population the tables count, computed together in one polars query, drawn from
    the requests joined once to the persons and needs.

    Computing them before the tables, rather than in the tables' query, is as fast for an LA
    and a little slower nationally (every column is kept), but does not depend on polars
    finding what the tables share: left to do so, it plans the tables' query more slowly."""
    requests = requests_of_people(frames)
    setting = setting_of(for_places(lookup, frames), pl.col("age"))
    placed = Placed(august_before(frames.reference_date), setting)
    queries = {
        "live": live_plans(frames, requests, placed),
        "new": new_plans(frames, requests, placed),
        "ceased": ceased_plans(frames, requests, placed),
        "received": requests_in_year(frames, requests, "received_date"),
        "assessed": requests_in_year(frames, requests, "assessment_outcome_date"),
    }
    computed = pl.collect_all(queries.values(), engine=ENGINE)
    return Populations(
        **{name: frame.lazy() for name, frame in zip(queries, computed, strict=True)}
    )


@dataclass(frozen=True)
class Placed:
    """Adds to plans the type of setting of their place (`setting_of`, read with the age on
    31 August before the census)."""

    august: dt.date
    setting: pl.Expr

    def __call__(self, plans: pl.LazyFrame, places: pl.LazyFrame) -> pl.LazyFrame:
        """`plans` (from `requests_of_people`) with `age` and `setting`; `places` gives each
        plan's place (request_id, `PLACE_COLUMNS`)."""
        joined = plans.join(places, on="request_id", how="left").with_columns(
            age_on(pl.col("birth_date"), self.august).alias("age")
        )
        return joined.with_columns(self.setting.alias("setting"))


def live_plans(frames: Sen2Frames, requests: pl.LazyFrame, placed: Placed) -> pl.LazyFrame:
    """Plans active on the census date, one per person; see the module docstring."""
    census = frames.reference_date
    live = requests.filter(
        pl.col("has_named_plan"),
        pl.col("start_date") <= census,
        pl.col("cease_date").is_null() | (pl.col("cease_date") > census),
    )
    latest = live.filter(is_last_of_each("person_id", "start_date", "request_id"))
    days = latest.select("request_id", pl.lit(census).alias("on"))
    return placed(latest, main_places(frames, days)).with_columns(
        age_on(pl.col("start_date"), census).alias("years_in_place"),
        age_on(pl.col("birth_date"), pl.col("start_date")).alias("age_at_start"),
    )


def new_plans(frames: Sen2Frames, requests: pl.LazyFrame, placed: Placed) -> pl.LazyFrame:
    """Plans started in the calendar year after an assessment here (AssessmentOutcome Y):
    not plans transferred in or issued before records began (H). Setting: the main placement
    attended on the start date, else the main setting named in the plan."""
    started = requests.filter(
        pl.col("has_named_plan"),
        in_year("start_date", frames),
        pl.col("assessment_outcome") == "Y",
    )
    days = started.select("request_id", pl.col("start_date").alias("on"))
    attended = main_places(frames, days)
    named = (
        named_places(frames)
        .join(days, on="request_id", how="semi")
        .join(attended, on="request_id", how="anti")
    )
    places = pl.concat([attended.select("request_id", *PLACE_COLUMNS), named])
    return placed(started, places).with_columns(
        age_on(pl.col("birth_date"), pl.col("start_date")).alias("age_at_start")
    )


def ceased_plans(frames: Sen2Frames, requests: pl.LazyFrame, placed: Placed) -> pl.LazyFrame:
    """Plans ceased in the calendar year; setting: the main placement on the day it ceased."""
    ceased = requests.filter(pl.col("has_named_plan"), in_year("cease_date", frames))
    days = ceased.select("request_id", pl.col("cease_date").alias("on"))
    return placed(ceased, main_places(frames, days)).with_columns(
        age_on(pl.col("birth_date"), pl.col("cease_date")).alias("age_at_cease"),
        age_on(pl.col("start_date"), pl.col("cease_date")).alias("years_held"),
    )


def requests_in_year(frames: Sen2Frames, requests: pl.LazyFrame, date_column: str) -> pl.LazyFrame:
    """Requests (from `requests_of_people`) whose `date_column` falls in the calendar year, with
    the person's age on the date received."""
    return requests.filter(in_year(date_column, frames)).with_columns(
        age_on(pl.col("birth_date"), pl.col("received_date")).alias("age")
    )
