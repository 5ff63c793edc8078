"""The statistics' frames straight from the database, for one LA (or all) and any census date.

The frames are exactly what the LA's return for that date would hold. `frames_from_database`
reads them with SQL (`sql_frames.frames_from_sql`: a handful of queries, the rules of
`projection_rules` mirrored in SQL and polars), in seconds for the whole country.
`frames_from_projection` builds the same frames the slow, sure way: the export's own
`projection.export_persons`, each person decided by `projection_rules.person_record` (the code
the export and the importer use). tests/returns/test_sql_frames.py holds the two equal, so the
fast path cannot drift from the return.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from opensend.accounts.models import Organisation
from opensend.accounts.roles import OrganisationKind
from opensend.returns.sen2.frames import Sen2Frames, frames_from_persons
from opensend.returns.sen2.projection import export_persons
from opensend.returns.sen2.sql_frames import frames_from_sql


def frames_from_database(la: Organisation | None, reference_date: dt.date) -> Sen2Frames:
    """The return of `la` for the census on `reference_date` as frames; with `la` None, every
    LA's returns stacked (ids kept apart; `la_code` is then "" and each table's rows are the
    country's: use `statistics.measures`, which writes no geography)."""
    return frames_from_sql(la, reference_date)


def frames_from_projection(la: Organisation | None, reference_date: dt.date) -> Sen2Frames:
    """The same frames as `frames_from_database`, built from the exported return's records
    (slow: Python per person; the reference the SQL path is tested against)."""
    if la is not None:
        return frames_from_persons(
            export_persons(la, reference_date), reference_date=reference_date, la_code=la.la_code
        )
    authorities = Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY).order_by(
        "la_code"
    )
    parts = [frames_from_projection(authority, reference_date) for authority in authorities]
    return stacked(parts, reference_date)


def stacked(parts: list[Sen2Frames], reference_date: dt.date) -> Sen2Frames:
    """Several returns as one set of frames, person and request ids renumbered to stay apart."""
    persons_seen = requests_seen = 0
    tables: dict[str, list[pl.DataFrame]] = {
        name: [] for name in ("persons", "requests", "plan_details", "placements", "needs")
    }
    for part in parts:
        for name in tables:
            table: pl.DataFrame = getattr(part, name)
            shifts = [pl.col("person_id") + persons_seen]
            if "request_id" in table.columns:
                shifts.append(pl.col("request_id") + requests_seen)
            tables[name].append(table.with_columns(shifts))
        persons_seen += part.persons.height
        requests_seen += part.requests.height
    empty = frames_from_persons([], reference_date=reference_date, la_code="")
    return Sen2Frames(
        **{
            name: pl.concat(frames) if frames else getattr(empty, name)
            for name, frames in tables.items()
        },
        reference_date=reference_date,
        la_code="",
    )
