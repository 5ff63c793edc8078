"""A SEN2 return as flat, typed polars tables: the input of the statistics.

`frames_from_persons` walks the `Person` records once, gathering each module's values as tuples
(one `attrgetter` call per record), then builds one DataFrame per table and types its columns in
bulk: dates become `pl.Date`, 1/0 flags `pl.Boolean`, ranks `pl.Int8`, codes strings. A value
that does not parse (a bad date, a flag of "Y") becomes null: the validator reports it, the
statistics skip it. Absent elements ("") are null too.

Tables (keys: `person_id` is the person's position in the return, `request_id` the request's):

- `persons`: person_id, birth_date, sex, ethnicity
- `requests`: one row per `<Requests>` with its `<Assessment>`, `<NamedPlan>` and `<ActivePlans>`
  scalars flattened beside it, and `has_assessment`, `has_named_plan`, `has_active_plans`
- `plan_details`: settings named in plans (module 4b)
- `placements`: settings attended (module 5b)
- `needs`: types of need (module 5c)
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import polars as pl

from opensend.returns.sen2.records import (
    ActivePlans,
    Assessment,
    NamedPlan,
    Person,
)

PERSON_COLUMNS = {
    "birth_date": "person_birth_date",
    "sex": "sex",
    "ethnicity": "ethnicity",
}
REQUEST_COLUMNS = {
    "received_date": "received_date",
    "request_source": "request_source",
    "rya": "rya",
    "request_outcome_date": "request_outcome_date",
    "request_outcome": "request_outcome",
    "request_mediation": "request_mediation",
    "request_tribunal": "request_tribunal",
    "exported": "exported",
}
ASSESSMENT_COLUMNS = {
    "assessment_outcome": "assessment_outcome",
    "assessment_outcome_date": "assessment_outcome_date",
    "assessment_mediation": "assessment_mediation",
    "assessment_tribunal": "assessment_tribunal",
    "other_mediation": "other_mediation",
    "other_tribunal": "other_tribunal",
    "week20": "week20",
}
NAMED_PLAN_COLUMNS = {
    "start_date": "start_date",
    "plan_res": "plan_res",
    "plan_wbp": "plan_wbp",
    "pb": "pb",
    "oa": "oa",
    "dp": "dp",
    "cease_date": "cease_date",
    "cease_reason": "cease_reason",
}
ACTIVE_PLANS_COLUMNS = {
    "transfer_la": "transfer_la",
    "review_meeting": "review_meeting",
    "review_outcome": "review_outcome",
    "review_draft": "review_draft",
    "phase_transfer_due_date": "phase_transfer_due_date",
    "phase_transfer_final_date": "phase_transfer_final_date",
    "last_review": "last_review",
}
PLAN_DETAIL_COLUMNS = {
    "urn": "urn",
    "ukprn": "ukprn",
    "sen_setting": "sen_setting",
    "placement_rank": "placement_rank",
    "sen_unit": "sen_unit_indicator",
    "resourced_provision": "resourced_provision_indicator",
}
PLACEMENT_COLUMNS = {
    **PLAN_DETAIL_COLUMNS,
    "entry_date": "entry_date",
    "leaving_date": "leaving_date",
    "res": "res",
    "wbp": "wbp",
}
NEED_COLUMNS = {"sen_type": "sen_type", "sen_type_rank": "sen_type_rank"}

DATES = {
    "birth_date",
    "received_date",
    "request_outcome_date",
    "assessment_outcome_date",
    "start_date",
    "cease_date",
    "review_meeting",
    "review_draft",
    "phase_transfer_due_date",
    "phase_transfer_final_date",
    "last_review",
    "entry_date",
    "leaving_date",
}
FLAGS = {
    "rya",
    "request_mediation",
    "request_tribunal",
    "assessment_mediation",
    "assessment_tribunal",
    "other_mediation",
    "other_tribunal",
    "week20",
    "pb",
    "oa",
    "sen_unit",
    "resourced_provision",
}
RANKS = {"placement_rank", "sen_type_rank"}
PRESENCE = ("has_assessment", "has_named_plan", "has_active_plans")


@dataclass(frozen=True)
class Sen2Frames:
    """One return (or the database for a census date) as flat tables; see the module docstring."""

    persons: pl.DataFrame
    requests: pl.DataFrame
    plan_details: pl.DataFrame
    placements: pl.DataFrame
    needs: pl.DataFrame
    reference_date: dt.date
    la_code: str

    @property
    def year(self) -> int:
        """The collection year (2025 for the January 2025 census)."""
        return self.reference_date.year


def _getter(fields: dict[str, str]) -> Any:
    """One call returning a tuple of a record's values, in the order of `fields`."""
    names = list(fields.values())
    if len(names) == 1:
        only = attrgetter(names[0])
        return lambda record: (only(record),)
    return attrgetter(*names)


_person = _getter(PERSON_COLUMNS)
_request = _getter(REQUEST_COLUMNS)
_assessment = _getter(ASSESSMENT_COLUMNS)
_named_plan = _getter(NAMED_PLAN_COLUMNS)
_active_plans = _getter(ACTIVE_PLANS_COLUMNS)
_plan_detail = _getter(PLAN_DETAIL_COLUMNS)
_placement = _getter(PLACEMENT_COLUMNS)
_need = _getter(NEED_COLUMNS)
_NO_ASSESSMENT = _assessment(Assessment())
_NO_NAMED_PLAN = _named_plan(NamedPlan())
_NO_ACTIVE_PLANS = _active_plans(ActivePlans())


def frames_from_persons(
    persons: Iterable[Person], *, reference_date: dt.date, la_code: str
) -> Sen2Frames:
    """The return's records as typed tables (see the module docstring).

    The garbage collector is paused while the rows are gathered: the rows are millions of
    short-lived tuples that hold no cycles, and collecting during the walk doubles its time.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _frames(persons, reference_date, la_code)
    finally:
        if collecting:
            gc.enable()


def _frames(persons: Iterable[Person], reference_date: dt.date, la_code: str) -> Sen2Frames:
    person_rows: list[tuple[Any, ...]] = []
    owners: list[int] = []  # the person of each request
    rows: dict[str, list[tuple[Any, ...]]] = {
        "request": [],
        "assessment": [],
        "named_plan": [],
        "active_plans": [],
        "presence": [],
        "plan_detail": [],
        "placement": [],
        "need": [],
    }
    request_rows, assessment_rows, plan_rows, active_rows = (
        rows["request"],
        rows["assessment"],
        rows["named_plan"],
        rows["active_plans"],
    )
    presence_rows, detail_rows, placement_rows, need_rows = (
        rows["presence"],
        rows["plan_detail"],
        rows["placement"],
        rows["need"],
    )
    request_id = 0
    for person_id, person in enumerate(persons):
        person_rows.append(_person(person))
        for request in person.requests:
            owners.append(person_id)
            request_rows.append(_request(request))
            assessment = request.assessment
            plan = assessment.named_plan if assessment is not None else None
            active = request.active_plans
            assessment_rows.append(
                _assessment(assessment) if assessment is not None else _NO_ASSESSMENT
            )
            presence_rows.append((assessment is not None, plan is not None, active is not None))
            if plan is None:
                plan_rows.append(_NO_NAMED_PLAN)
            else:
                plan_rows.append(_named_plan(plan))
                for detail in plan.plan_details:
                    detail_rows.append((request_id, *_plan_detail(detail)))
            if active is None:
                active_rows.append(_NO_ACTIVE_PLANS)
            else:
                active_rows.append(_active_plans(active))
                for placement in active.placements:
                    placement_rows.append((request_id, *_placement(placement)))
                for need in active.needs:
                    need_rows.append((request_id, *_need(need)))
            request_id += 1
    owner = pl.Series("person_id", owners, dtype=pl.Int64)
    requests = pl.concat(
        [
            pl.DataFrame([owner, pl.Series("request_id", range(request_id), dtype=pl.Int64)]),
            _table(request_rows, list(REQUEST_COLUMNS)),
            _table(assessment_rows, list(ASSESSMENT_COLUMNS)),
            _table(plan_rows, list(NAMED_PLAN_COLUMNS)),
            _table(active_rows, list(ACTIVE_PLANS_COLUMNS)),
            _table(presence_rows, list(PRESENCE)),
        ],
        how="horizontal",
    )
    return Sen2Frames(
        persons=pl.concat(
            [
                pl.DataFrame([pl.Series("person_id", range(len(person_rows)), dtype=pl.Int64)]),
                _table(person_rows, list(PERSON_COLUMNS)),
            ],
            how="horizontal",
        ),
        requests=requests,
        plan_details=_owned(detail_rows, list(PLAN_DETAIL_COLUMNS), owner),
        placements=_owned(placement_rows, list(PLACEMENT_COLUMNS), owner),
        needs=_owned(need_rows, list(NEED_COLUMNS), owner),
        reference_date=reference_date,
        la_code=la_code,
    )


def _owned(rows: list[tuple[Any, ...]], names: list[str], owner: pl.Series) -> pl.DataFrame:
    """A child table keyed by request, with the request's person beside it."""
    table = _table(rows, ["request_id", *names])
    person_id = owner.gather(table["request_id"]) if table.height else owner.clear()
    return table.select(person_id.alias("person_id"), pl.all())


def _table(rows: list[tuple[Any, ...]], names: Sequence[str]) -> pl.DataFrame:
    """Columns from row tuples, typed: keys Int64, dates, flags, ranks; codes as strings."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    return typed(
        pl.DataFrame(
            [
                pl.Series(name, values, dtype=_RAW_TYPES.get(name, pl.String))
                for name, values in zip(names, columns, strict=True)
            ]
        )
    )


def typed(frame: pl.DataFrame) -> pl.DataFrame:
    """String columns as the statistics read them; shared with `db_frames` (which reads text)."""
    casts = []
    for name, dtype in frame.schema.items():
        if dtype != pl.String:
            continue
        column = pl.col(name)
        if name in DATES:
            casts.append(column.str.to_date("%Y-%m-%d", strict=False))
        elif name in FLAGS:
            casts.append(column.replace_strict(_FLAG_VALUES, default=None, return_dtype=pl.Boolean))
        elif name in RANKS:
            casts.append(column.cast(pl.Int8, strict=False))
        else:
            casts.append(pl.when(column != "").then(column.str.strip_chars()))
    return frame.with_columns(casts)


_FLAG_VALUES = {"1": True, "0": False}
_RAW_TYPES: dict[str, pl.DataType] = {
    "request_id": pl.Int64(),
    **{name: pl.Boolean() for name in PRESENCE},
}
