"""Breakdowns as DfE publishes them: topics, their labels and their order, and counting a
population by every topic at once.

A population is a LazyFrame with one row per counted thing (a plan, a request) and, for each
topic, a column of labels or the values its labels come from. `count_by_topic` counts it by each
topic's label column(s) and stacks the results under `breakdown_topic` and `breakdown`, in DfE's
order of topics and labels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import polars as pl

from opensend.core.codelists import ETHNICITY_GROUPS, ETHNICITY_MAIN_CODE, ethnicity_group
from opensend.returns.sen2.settings_lookup import GROUP_TOTALS, SETTING_TYPES

SEX_LABELS = {"M": "Male", "F": "Female"}
SEX_ORDER = ("Female", "Male", "Unknown")
ETHNICITY_ORDER = tuple(dict.fromkeys(ETHNICITY_GROUPS.values()))
ETHNICITY_LABELS = {code: ethnicity_group(code) for code in ETHNICITY_MAIN_CODE}


@dataclass(frozen=True)
class Topic:
    """A `breakdown_topic`: label columns of the population (rows of each are stacked; none for
    the one "all" row, labelled with the topic's name) and the order of its labels."""

    name: str
    columns: tuple[str, ...] = ()
    order: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgeBands:
    """Ages as one table labels them: `low_label` at or under `low`, `high_label` at or over
    `high`, `pattern` (with {}) between, `unknown` without a birth date."""

    low: int
    low_label: str
    high: int
    high_label: str
    pattern: str
    unknown: str
    singular: str = ""  # the label of low + 1 where the pattern's plural does not fit ("1 year")

    @property
    def order(self) -> tuple[str, ...]:
        middle = [self.python_label(age) for age in range(self.low + 1, self.high)]
        return (self.low_label, *middle, self.high_label, self.unknown)

    def label(self, age: pl.Expr) -> pl.Expr:
        prefix, _, suffix = self.pattern.partition("{}")
        return (
            pl.when(age.is_null())
            .then(pl.lit(self.unknown))
            .when(age <= self.low)
            .then(pl.lit(self.low_label))
            .when(age >= self.high)
            .then(pl.lit(self.high_label))
            .when(age == self.low + 1)
            .then(pl.lit(self.singular or self.pattern.format(self.low + 1)))
            .otherwise(pl.lit(prefix) + age.cast(pl.String) + pl.lit(suffix))
        )

    def python_label(self, age: int | None) -> str:
        """The same label in plain Python (for the pandas reference and tests)."""
        if age is None:
            return self.unknown
        if age <= self.low:
            return self.low_label
        if age >= self.high:
            return self.high_label
        if age == self.low + 1 and self.singular:
            return self.singular
        return self.pattern.format(age)


def age_on(birth: pl.Expr, on: pl.Expr | dt.date) -> pl.Expr:
    """Whole years from `birth` to `on` (null if either is null)."""
    day = on if isinstance(on, pl.Expr) else pl.lit(on, dtype=pl.Date)
    before_birthday = (day.dt.month().cast(pl.Int32) * 100 + day.dt.day()) < (
        birth.dt.month().cast(pl.Int32) * 100 + birth.dt.day()
    )
    return day.dt.year() - birth.dt.year() - before_birthday.cast(pl.Int32)


def august_before(reference_date: dt.date) -> dt.date:
    """31 August before the census: ages in as-at-January tables are ages on this day."""
    return dt.date(reference_date.year - 1, 8, 31)


def sex_label(sex: pl.Expr) -> pl.Expr:
    return sex.replace_strict(SEX_LABELS, default="Unknown", return_dtype=pl.String)


def ethnicity_label(ethnicity: pl.Expr) -> pl.Expr:
    return ethnicity.replace_strict(
        ETHNICITY_LABELS, default="Unclassified", return_dtype=pl.String
    )


def placement_order(special_label: str = "") -> tuple[str, ...]:
    """Type of placement labels in DfE's order, each group followed by its total."""
    totals = {total.group: total.label for total in GROUP_TOTALS if total.label}
    order: list[str] = []
    for index, setting in enumerate(SETTING_TYPES):
        label = special_label if special_label and setting.column == "special_academy_free" else ""
        order.append(label or setting.label)
        following = SETTING_TYPES[index + 1].group if index + 1 < len(SETTING_TYPES) else ""
        if following != setting.group and setting.group in totals:
            order.append(totals[setting.group])
    return tuple(dict.fromkeys(order))


def count_by_topic(
    population: pl.LazyFrame,
    topics: Sequence[Topic],
    measures: Mapping[str, pl.Expr],
    labels: Sequence[pl.Expr] = (),
) -> pl.LazyFrame:
    """Measures (aggregations that add up: counts and sums) per label of each topic, stacked in
    DfE's order.

    A topic's label column is either a column of the population or one of `labels`, computed
    from the population's columns (an age band from the age). The population is counted once
    by every combination of the values the labels come from, so a measure is evaluated once per
    row and a label once per combination, whatever the number of topics; those counts are then
    added up by each label of each topic, all topics in one grouping. Labels that no row has
    are left out, as in DfE's files; the "all" row is always there.
    """
    keys = _keys(tuple(topics))
    derived = [label for label in labels if label.meta.output_name() in keys.columns]
    computed = {label.meta.output_name() for label in derived}
    read = [name for label in derived for name in label.meta.root_names()]
    values = [*read, *(column for column in keys.columns if column not in computed)]
    combinations = (
        population.group_by(list(dict.fromkeys(values)))
        .agg(expr.cast(pl.Int64).alias(name) for name, expr in measures.items())
        .with_columns(derived)
    )
    totals = [pl.col(name).sum() for name in measures]
    alls = [combinations.select(*row, *totals) for row in keys.all_rows]
    by_label = (
        combinations.select(*keys.labels, *measures)
        .unpivot(
            on=list(keys.columns),
            index=list(measures),
            variable_name="_column",
            value_name="breakdown",
        )
        .filter(pl.col("breakdown").is_not_null())
        .group_by("_column", "breakdown")
        .agg(totals)
        .select(*keys.labelled_row, *measures)
    )
    return (
        pl.concat([*alls, by_label]).sort("_topic", "_order", "breakdown").drop("_topic", "_order")
    )


@dataclass(frozen=True)
class _Keys:
    """The columns that place a table's rows: label columns (each in one topic), the "all" rows,
    and the expressions that name and place a row from its label column and label."""

    columns: tuple[str, ...]
    labels: tuple[pl.Expr, ...]  # the label columns as text
    all_rows: tuple[tuple[pl.Expr, ...], ...]
    labelled_row: tuple[pl.Expr, ...]


@cache
def _keys(topics: tuple[Topic, ...]) -> _Keys:
    """The table's `_Keys`, built once for each set of topics."""
    names = {column: topic.name for topic in topics for column in topic.columns}
    ranks = {column: rank for rank, topic in enumerate(topics) for column in topic.columns}
    positions = {
        f"{column}\t{label}": position
        for topic in topics
        for column in topic.columns
        for position, label in enumerate(topic.order)
    }
    column, label = pl.col("_column"), pl.col("breakdown")
    return _Keys(
        columns=tuple(names),
        labels=tuple(pl.col(name).cast(pl.String) for name in names),
        all_rows=tuple(
            (
                pl.lit(topic.name, dtype=pl.String).alias("breakdown_topic"),
                pl.lit(topic.name, dtype=pl.String).alias("breakdown"),
                pl.lit(rank, dtype=pl.Int64).alias("_topic"),
                pl.lit(0, dtype=pl.Int64).alias("_order"),
            )
            for rank, topic in enumerate(topics)
            if not topic.columns
        ),
        labelled_row=(
            column.replace_strict(names, return_dtype=pl.String).alias("breakdown_topic"),
            label,
            column.replace_strict(ranks, return_dtype=pl.Int64).alias("_topic"),
            # Labels DfE does not list go after those it does.
            pl.concat_str(column, label, separator="\t")
            .replace_strict(positions, default=len(positions), return_dtype=pl.Int64)
            .alias("_order"),
        ),
    )
