"""The return as typed tables: one row per record, values typed, bad values null."""

import datetime as dt

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from opensend.returns.sen2.frames import frames_from_persons
from opensend.returns.sen2.records import Person, Request
from tests.returns.sen2.sen2_builders import CENSUS, small_return


def test_tables_have_a_row_per_record_and_typed_columns():
    frames = frames_from_persons(small_return(), reference_date=CENSUS, la_code="383")
    assert (frames.persons.height, frames.requests.height) == (6, 6)
    assert (frames.placements.height, frames.needs.height) == (2, 2)
    assert frames.year == 2025
    assert frames.requests.schema["received_date"] == pl.Date
    assert frames.requests.schema["rya"] == pl.Boolean
    assert frames.needs.schema["sen_type_rank"] == pl.Int8
    ann = frames.requests.row(0, named=True)
    assert ann["start_date"] == dt.date(2024, 6, 1)
    assert (ann["has_assessment"], ann["has_named_plan"], ann["has_active_plans"]) == (True,) * 3
    assert ann["pb"] is True
    assert (ann["dp"], ann["cease_reason"]) == ("E", None)
    ben = frames.placements.filter(pl.col("person_id") == 1).row(0, named=True)
    assert (ben["sen_setting"], ben["urn"], ben["res"]) == ("OLA", None, "B")


def test_an_empty_return_gives_empty_typed_tables():
    frames = frames_from_persons([], reference_date=CENSUS, la_code="383")
    assert frames.requests.height == 0
    assert frames.requests.schema["start_date"] == pl.Date


@given(st.text(max_size=12), st.text(max_size=3))
def test_values_that_do_not_parse_become_null(date, flag):
    person = Person(person_birth_date=date, requests=[Request(received_date=date, rya=flag)])
    frames = frames_from_persons([person], reference_date=CENSUS, la_code="383")
    received = frames.requests["received_date"][0]
    try:
        expected = dt.datetime.strptime(date, "%Y-%m-%d").date()
    except ValueError:
        expected = None
    if expected is None or len(date) != 10:
        assert received is None or received == expected
    else:
        assert received == expected
    assert frames.requests["rya"][0] == {"1": True, "0": False}.get(flag)
