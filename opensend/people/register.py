"""The register as it stood on any date, in bulk, as a Polars frame.

`register_as_at(on)` reads each table once with plain SQL (facts true on the date only) and joins
them in Polars, so the same code serves a page, a return or an England-sized benchmark. It is the
basis of SEN2, Annex A and the insight dashboards: they are projections of this frame.
"""

import datetime as dt

import polars as pl
from django.db import connection

from opensend.accounts.models import Organisation
from opensend.people.models import Circumstance, Establishment, Need, Person, Placement, SenStatus

PERSON_COLUMNS = ["person_id", "la_id", "birth_date", "sex", "ethnicity"]


def _frame(sql: str, params: list, schema: dict) -> pl.DataFrame:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return pl.DataFrame(rows, schema=list(schema), orient="row").cast(schema, strict=False)


def _current(table: str) -> str:
    return f"{table}.start_date <= %s AND ({table}.end_date IS NULL OR {table}.end_date >= %s)"


def _la_filter(la_ids: list[int] | None, column: str) -> tuple[str, list]:
    if la_ids is None:
        return "", []
    placeholders = ", ".join(["%s"] * len(la_ids)) or "NULL"
    return f" AND {column} IN ({placeholders})", list(la_ids)


def register_as_at(on: dt.date, la_ids: list[int] | None = None) -> pl.DataFrame:
    """One row per person with an SEN status on `on`: identity, age, status, needs, main setting
    and circumstances, as they were that day. `la_ids` limits it to some local authorities."""
    person, status = Person._meta.db_table, SenStatus._meta.db_table
    need, placement = Need._meta.db_table, Placement._meta.db_table
    circumstance, establishment = Circumstance._meta.db_table, Establishment._meta.db_table
    dates = [on, on]
    la_sql, la_params = _la_filter(la_ids, f"{person}.responsible_la_id")
    join_person = f"JOIN {person} ON {person}.id = {{t}}.person_id"

    statuses = _frame(
        f"SELECT {status}.person_id, MIN({status}.provision) FROM {status} "
        f"{join_person.format(t=status)} WHERE {_current(status)}{la_sql} "
        f"GROUP BY {status}.person_id",
        dates + la_params,
        {"person_id": pl.Int64, "provision": pl.Utf8},
    )
    people = _frame(
        f"SELECT id, responsible_la_id, birth_date, sex, ethnicity FROM {person} "
        f"WHERE 1 = 1{la_sql}",
        la_params,
        {
            "person_id": pl.Int64,
            "la_id": pl.Int64,
            "birth_date": pl.Date,
            "sex": pl.Utf8,
            "ethnicity": pl.Utf8,
        },
    )
    needs = _frame(
        f"SELECT {need}.person_id, {need}.rank, {need}.need_type, {need}.start_date FROM {need} "
        f"{join_person.format(t=need)} WHERE {_current(need)}{la_sql}",
        dates + la_params,
        {"person_id": pl.Int64, "rank": pl.Int64, "need_type": pl.Utf8, "start_date": pl.Date},
    )
    settings = _frame(
        f"SELECT {placement}.person_id, {placement}.start_date, {placement}.sen_setting, "
        f"{establishment}.urn, {establishment}.establishment_type, {establishment}.phase, "
        f"{placement}.in_sen_unit, {placement}.in_resourced_provision FROM {placement} "
        f"{join_person.format(t=placement)} "
        f"LEFT JOIN {establishment} ON {establishment}.id = {placement}.establishment_id "
        f"WHERE {placement}.rank = 1 AND {_current(placement)}{la_sql}",
        dates + la_params,
        {
            "person_id": pl.Int64,
            "start_date": pl.Date,
            "sen_setting": pl.Utf8,
            "urn": pl.Utf8,
            "establishment_type": pl.Utf8,
            "phase": pl.Utf8,
            "in_sen_unit": pl.Boolean,
            "in_resourced_provision": pl.Boolean,
        },
    )
    circumstances = _frame(
        f"SELECT DISTINCT {circumstance}.person_id, {circumstance}.kind FROM {circumstance} "
        f"{join_person.format(t=circumstance)} WHERE {_current(circumstance)}{la_sql}",
        dates + la_params,
        {"person_id": pl.Int64, "kind": pl.Utf8},
    )
    return assemble_register(on, people, statuses, needs, settings, circumstances)


def assemble_register(
    on: dt.date,
    people: pl.DataFrame,
    statuses: pl.DataFrame,
    needs: pl.DataFrame,
    settings: pl.DataFrame,
    circumstances: pl.DataFrame,
) -> pl.DataFrame:
    """Join the day's facts onto the people who had an SEN status that day (pure Polars)."""
    latest_need = (
        needs.sort("start_date", descending=True)
        .group_by("person_id", "rank")
        .first()
        .pivot(on="rank", index="person_id", values="need_type", aggregate_function="first")
    )
    for rank, name in (("1", "primary_need"), ("2", "secondary_need")):
        latest_need = (
            latest_need.rename({rank: name})
            if rank in latest_need.columns
            else latest_need.with_columns(pl.lit(None, pl.Utf8).alias(name))
        )
    main_setting = (
        settings.sort("start_date", descending=True)
        .group_by("person_id")
        .first()
        .drop("start_date")
    )
    flags = circumstances.with_columns(pl.lit(True).alias("flag")).pivot(
        on="kind", index="person_id", values="flag", aggregate_function="first"
    )
    census_year = on.year if (on.month, on.day) > (8, 31) else on.year - 1
    reference = dt.date(census_year, 8, 31)
    frame = (
        statuses.join(people, on="person_id", how="inner")
        .join(
            latest_need.select("person_id", "primary_need", "secondary_need"),
            on="person_id",
            how="left",
        )
        .join(main_setting, on="person_id", how="left")
        .join(flags, on="person_id", how="left")
        .with_columns(age=_age_on(pl.col("birth_date"), reference))
    )
    for kind in ("CLA", "CIN", "CP", "FSM", "PP", "EHE", "YC", "DIS", "CSC"):
        frame = frame.with_columns(
            (pl.col(kind).fill_null(False) if kind in frame.columns else pl.lit(False)).alias(kind)
        )
    return frame.sort("person_id")


def _age_on(birth_date: pl.Expr, on: dt.date) -> pl.Expr:
    """Whole years of age on a date, for a column of birth dates."""
    before_birthday = (birth_date.dt.month() > on.month) | (
        (birth_date.dt.month() == on.month) & (birth_date.dt.day() > on.day)
    )
    return (pl.lit(on.year) - birth_date.dt.year() - before_birthday.cast(pl.Int32)).cast(pl.Int32)


def la_codes() -> dict[int, str]:
    return dict(Organisation.objects.filter(kind="la").values_list("pk", "la_code"))
