"""The statistics' frames read with SQL are the frames of the exported return.

Each table of `sql_frames.frames_from_sql` is compared with the same table built by the
projection path (`db_frames.frames_from_projection`: the export's records, decided person by
person), after sorting both on every column, and so are the statistics tables computed from
each. The ids are numbered the same way on both paths (people in order of LA code and id,
requests in the order of the return), so the comparison also holds the person and request links.
"""

import datetime as dt

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from opensend.returns.sen2.db_frames import frames_from_database, frames_from_projection
from opensend.returns.sen2.frames import Sen2Frames
from opensend.returns.sen2.sql_frames import frames_from_sql
from opensend.returns.sen2.statistics import EstablishmentLookup, compute_tables, measures
from opensend.returns.statistics_pages import establishment_lookup

D = dt.date
CENSUS_DATES = [D(2024, 1, 18), D(2025, 1, 16), D(2026, 1, 15)]
TABLES = ("persons", "requests", "plan_details", "placements", "needs")


def canonical(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(frame.columns, nulls_last=True)


def same(mine: pl.DataFrame, theirs: pl.DataFrame, name: str) -> None:
    try:
        assert_frame_equal(mine, theirs)
    except AssertionError as difference:
        raise AssertionError(f"{name}: {difference}") from None


def assert_same_frames(fast: Sen2Frames, slow: Sen2Frames) -> None:
    assert (fast.reference_date, fast.la_code) == (slow.reference_date, slow.la_code)
    for name in TABLES:
        mine, theirs = getattr(fast, name), getattr(slow, name)
        assert mine.schema == theirs.schema, name
        same(canonical(mine), canonical(theirs), name)


def assert_same_statistics(fast: Sen2Frames, slow: Sen2Frames, lookup: EstablishmentLookup):
    tables = compute_tables if fast.la_code else measures
    expected = tables(slow, lookup)
    for name, table in tables(fast, lookup).items():
        same(table, expected[name], name)


@pytest.mark.django_db
@pytest.mark.parametrize("census", CENSUS_DATES)
def test_hand_built_casework_same_frames_and_tables_as_the_projection(casework, census):
    la, other = casework
    lookup = EstablishmentLookup(by_urn={"123456": "LA_MAINSTREAM"})
    for authority in (la, other, None):
        fast = frames_from_sql(authority, census)
        slow = frames_from_projection(authority, census)
        assert_same_frames(fast, slow)
        assert_same_statistics(fast, slow, lookup)
    assert frames_from_sql(la, census).requests.height > 10


@pytest.mark.django_db
def test_frames_from_the_database_are_read_with_sql(casework):
    la, _ = casework
    assert_same_frames(
        frames_from_database(la, CENSUS_DATES[1]), frames_from_sql(la, CENSUS_DATES[1])
    )


@pytest.mark.django_db
def test_an_la_without_cases_has_empty_frames_of_the_right_types(local_authority):
    fast = frames_from_sql(local_authority, CENSUS_DATES[1])
    assert_same_frames(fast, frames_from_projection(local_authority, CENSUS_DATES[1]))
    assert fast.requests.height == 0


@pytest.mark.django_db
@pytest.mark.parametrize("census", CENSUS_DATES)
def test_york_demo_same_frames_and_tables_as_the_projection(york, census):
    fast, slow = frames_from_sql(york, census), frames_from_projection(york, census)
    assert fast.requests.height > 1000
    assert_same_frames(fast, slow)
    assert_same_statistics(fast, slow, establishment_lookup())
