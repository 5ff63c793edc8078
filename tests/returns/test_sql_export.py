"""The return written straight from the database is, byte for byte, the projection's return.

`sql_export.export_return` (SQL and polars) is compared with `writer.write_return` over
`projection.export_persons` (each person decided in Python, the path the importer shares) on
hand-built casework of every kind and stage (tests/returns/conftest.py) and on the York demo,
for each census date and layout year.
"""

import datetime as dt
import io

import pytest

from opensend.returns import queries
from opensend.returns.sen2.projection import export_persons
from opensend.returns.sen2.sql_export import export_return
from opensend.returns.sen2.validate import validate_return
from opensend.returns.sen2.writer import write_return
from tests.casework.factories import NamedSettingFactory
from tests.factories import PlacementFactory
from tests.returns.conftest import CENSUS_DATES, planned, requested

D = dt.date
NOW = dt.datetime(2026, 1, 2, 9, 30)


def both_ways(la, census: dt.date, year: int) -> tuple[bytes, bytes]:
    header = queries.sen2_header(la, census, now=NOW)
    fast, slow = io.BytesIO(), io.BytesIO()
    written = export_return(fast, header, la, census, year=year)
    assert written == write_return(slow, header, export_persons(la, census), year=year)
    return fast.getvalue(), slow.getvalue()


def assert_same_bytes(fast: bytes, slow: bytes) -> None:
    if fast != slow:  # show the first line that differs
        for number, (mine, theirs) in enumerate(
            zip(fast.splitlines(), slow.splitlines(), strict=False), start=1
        ):
            assert mine == theirs, f"line {number}"
        assert len(fast.splitlines()) == len(slow.splitlines())


def free_text_to_escape(la):
    """A person whose name and setting need escaping, with characters XML cannot hold."""
    case = requested(la, D(2023, 11, 20), outcome="Y", outcome_on=D(2024, 1, 8))
    case.person.surname = "O'Neil & <Smith>"
    case.person.forename = "Zoë\x07 \r"
    case.person.postcode = "LS1 4AP"
    case.person.save()
    plan = planned(case, D(2024, 3, 25), D(2024, 4, 8))
    NamedSettingFactory(
        plan=plan, establishment=None, sen_setting="OTH", sen_setting_other="Farm & <forest>"
    )
    PlacementFactory(
        person=case.person,
        establishment=None,
        sen_setting="OTH",
        sen_setting_other="Hospital > school",
        start_date=D(2024, 4, 8),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("census", CENSUS_DATES[1:])
def test_hand_built_casework_same_bytes_as_the_projection(casework, census):
    la, other = casework
    free_text_to_escape(la)
    for authority in (other, la):
        fast, slow = both_ways(authority, census, census.year)
        assert_same_bytes(fast, slow)
    assert fast.count(b"<Person>") > 3
    assert b"O&apos;Neil" not in fast
    assert b"O'Neil &amp; &lt;Smith&gt;" in fast
    assert b"Zo\xc3\xab &#13;" in fast
    assert b"\x07" not in fast


@pytest.mark.django_db
def test_an_earlier_census_in_a_later_layout_has_the_same_bytes(casework):
    la, _ = casework
    census = CENSUS_DATES[1]
    header = queries.sen2_header(la, census, now=NOW)
    header.year = "2026"
    fast, slow = io.BytesIO(), io.BytesIO()
    export_return(fast, header, la, census, year=2026)
    write_return(slow, header, export_persons(la, census), year=2026)
    assert_same_bytes(fast.getvalue(), slow.getvalue())


@pytest.mark.django_db
def test_an_la_without_cases_writes_an_empty_return(local_authority):
    fast, slow = both_ways(local_authority, CENSUS_DATES[1], 2025)
    assert fast == slow
    assert b"<Person>" not in fast


@pytest.mark.django_db
def test_progress_is_reported_up_to_every_person(casework):
    la, _ = casework
    seen = []
    header = queries.sen2_header(la, CENSUS_DATES[1], now=NOW)
    written = export_return(
        io.BytesIO(),
        header,
        la,
        CENSUS_DATES[1],
        year=2025,
        progress=lambda *step: seen.append(step),
    )
    assert seen[-1] == ("Exporting", written, written)


@pytest.mark.django_db
def test_a_header_of_another_year_is_refused_before_reading(casework):
    la, _ = casework
    header = queries.sen2_header(la, CENSUS_DATES[1], now=NOW)
    with pytest.raises(ValueError, match="Year 2025"):
        export_return(io.BytesIO(), header, la, CENSUS_DATES[1], year=2026)


@pytest.mark.django_db
@pytest.mark.parametrize("census", CENSUS_DATES[1:])
def test_york_demo_same_bytes_as_the_projection(york, census, tmp_path):
    fast, slow = both_ways(york, census, census.year)
    assert_same_bytes(fast, slow)
    path = tmp_path / "york.xml"
    path.write_bytes(fast)
    report = validate_return(path)
    assert report.persons > 1000
    assert report.errors == 0
