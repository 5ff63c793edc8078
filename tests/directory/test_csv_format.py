"""The directory's CSV layout: every valid row round-trips; every bad cell names its row and
column. Pure Python: no database."""

import csv
import dataclasses
import datetime as dt
import io
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.directory import csv_format
from opensend.directory.csv_format import (
    COLUMN_NAMES,
    ServiceRow,
    Session,
    fold,
    parse_services,
    services_csv,
)

# Strategies -------------------------------------------------------------------------------------

_letters = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters=";\ufeff"
)


def _words(max_size: int = 30, min_size: int = 1):
    return (
        st.text(_letters, min_size=min_size, max_size=max_size)
        .map(lambda text: " ".join(text.split()))
        .filter(lambda text: len(text) >= min_size)
    )


_multiline = st.lists(_words(40), min_size=1, max_size=3).map("\n".join)
_label = st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True)
_urls = st.builds(
    lambda host, path: f"https://{host}.example.org{path}",
    _label,
    st.sampled_from(["", "/", "/saturday", "/a/b?c=1"]),
)
_emails = st.builds(lambda a, b: f"{a}@{b}.example.org", _label, _label)
_phones = st.builds(
    lambda prefix, digits: prefix + digits,
    st.sampled_from(["0", "+44 ", "(0", "Freephone 0"]),
    st.from_regex(r"[0-9]{3,6}( [0-9]{3,6})?", fullmatch=True),
)
_names = st.lists(_words(40), max_size=4, unique_by=fold).map(tuple)
_postcodes = st.sampled_from(["YO1 7HH", "LS1 4AP", "SW1A 1AA", "B1 1AA", "M1 1AE"])
_times = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))


@st.composite
def _sessions(draw):
    opens = draw(_times)
    closes = draw(_times.filter(lambda t: t > opens))
    return Session(draw(st.integers(0, 6)), opens, closes)


@st.composite
def service_rows(draw) -> ServiceRow:
    ages = sorted(draw(st.lists(st.integers(0, 25), min_size=2, max_size=2)))
    low = draw(st.sampled_from([None, ages[0]]))
    high = draw(st.sampled_from([None, ages[1]]))
    free = draw(st.booleans())
    venues = draw(_names)
    with_address = len(venues) == 1 and draw(st.booleans())
    contact_name = draw(st.one_of(st.just(""), _words(40)))
    optional = lambda strategy: st.one_of(st.just(""), strategy)  # noqa: E731
    return ServiceRow(
        id=draw(st.one_of(st.none(), st.uuids())),
        provider=draw(_words(60)),
        provider_description=draw(optional(_multiline)),
        name=draw(_words(60)),
        description=draw(_multiline),
        status=draw(st.sampled_from(["active", "temporarily closed", "inactive", "defunct"])),
        url=draw(optional(_urls)),
        email=draw(optional(_emails)),
        phone=draw(optional(_phones)),
        minimum_age=low,
        maximum_age=high,
        free=free,
        fees=draw(_multiline if not free else optional(_multiline)),
        cost_amount=draw(
            st.one_of(st.none(), st.integers(0, 99_999_999).map(lambda p: Decimal(p) / 100))
        ),
        referral_required=draw(st.booleans()),
        how_to_access=draw(optional(_multiline)),
        send_support=draw(optional(_multiline)),
        categories=draw(_names),
        needs=draw(_names),
        delivery=draw(_names),
        venues=venues,
        venue_address=draw(_words(60)) if with_address else "",
        venue_town=draw(_words(60)) if with_address else "",
        venue_postcode=draw(_postcodes) if with_address else "",
        opening_times=tuple(sorted(set(draw(st.lists(_sessions(), max_size=6))))),
        schedule_description=draw(optional(_words(100))),
        alert=draw(optional(_words(100))),
        contact_name=contact_name,
        contact_phone=draw(optional(_phones)) if contact_name else "",
        contact_email=draw(optional(_emails)) if contact_name else "",
        service_area=draw(_names),
    )


def _file(*rows: dict[str, str], columns=None) -> bytes:
    """Rows of cells as a CSV file (every column unless `columns` says otherwise)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    columns = columns or COLUMN_NAMES
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(name, "") for name in columns])
    return buffer.getvalue().encode("utf-8")


def _cells(**changes) -> dict[str, str]:
    cells = {
        "provider": "Riverside Play Trust",
        "name": "Saturday Play Club",
        "description": "Inclusive play sessions.",
        "free": "yes",
    }
    cells.update(changes)
    return cells


def _errors(content: bytes) -> list[str]:
    return [str(error) for error in parse_services(content, file_name="services.csv").log.errors]


# Round trip -------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(service_rows(), min_size=1, max_size=4))
def test_any_valid_row_reads_back_as_the_same_row(rows):
    result = parse_services(services_csv(rows), file_name="services.csv")
    assert [str(e) for e in result.log.errors] == []
    expected = [dataclasses.replace(row, row_number=n) for n, row in enumerate(rows, start=2)]
    assert result.rows == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(_sessions(), max_size=10))
def test_opening_times_read_back_however_they_are_grouped(sessions):
    text = csv_format.format_opening_times(sessions)
    assert csv_format.parse_opening_times(text) == tuple(sorted(set(sessions)))


def test_an_export_row_is_written_as_people_read_it():
    row = ServiceRow(
        id=uuid.UUID("6f1c2b0e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"),
        provider="Riverside Play Trust",
        name="Saturday Play Club",
        description="Play",
        free=False,
        fees="£5",
        cost_amount=Decimal("5"),
        phone="+44 1904 000000",
        categories=("Arts, music and drama", "Sport and physical activity"),
        opening_times=csv_format.parse_opening_times("Mon-Fri 09:00-17:00; Sat 10:00-12:00"),
        last_reviewed=dt.date(2026, 3, 1),
    )
    content = services_csv([row])
    assert content.startswith(csv_format.UTF8_BOM)
    cells = dict(zip(*csv.reader(io.StringIO(content.decode("utf-8-sig"))), strict=True))
    assert cells["free"] == "no"
    assert cells["cost_amount"] == "5.00"
    assert cells["phone"] == "'+44 1904 000000"  # not run as a formula by a spreadsheet
    assert cells["categories"] == "Arts, music and drama; Sport and physical activity"
    assert cells["opening_times"] == "Mon-Fri 09:00-17:00; Sat 10:00-12:00"
    assert cells["last_reviewed"] == "2026-03-01"


# Reading what people type -----------------------------------------------------------------------


def test_headers_ignore_case_spaces_and_a_byte_order_mark_and_blank_rows_are_skipped():
    content = (
        b"\xef\xbb\xbfID,Provider,Name,Description,Is Free,Minimum Age,Opening-Times\r\n"
        b",Riverside Play Trust,Club,Play,YES,5,monday to wednesday 9.30 - 12:00\r\n"
        b",,,,,,\r\n"
    )
    result = parse_services(content, file_name="services.csv")
    assert result.ok
    assert result.row_count == 1
    (row,) = result.rows
    assert row.free is True
    assert row.minimum_age == 5
    assert [str(s) for s in row.opening_times] == [
        "Mon 09:30-12:00",
        "Tue 09:30-12:00",
        "Wed 09:30-12:00",
    ]
    assert not row.has("needs")  # left out of the file: an update keeps what the service has


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"status": "Temporarily closed"}, ("status", "temporarily closed")),
        ({"status": ""}, ("status", "active")),
        ({"url": "www.riverside.example.org"}, ("url", "https://www.riverside.example.org")),
        ({"cost_amount": "£1,250"}, ("cost_amount", Decimal("1250.00"))),
        ({"needs": "Autism;  slcn ; autism;"}, ("needs", ("Autism", "slcn"))),
        ({"venue_postcode": "yo17hh", "venues": "Hall", "venue_address": "1 Lane",
          "venue_town": "York"}, ("venue_postcode", "YO1 7HH")),
        ({"referral_required": ""}, ("referral_required", False)),
        ({"phone": "'+44 1904 000000"}, ("phone", "+44 1904 000000")),
    ],
)  # fmt: skip
def test_cells_are_read_generously(cells, expected):
    result = parse_services(_file(_cells(**cells)), file_name="services.csv")
    assert result.ok, [str(e) for e in result.log.errors]
    column, value = expected
    assert getattr(result.rows[0], column) == value


# Problems ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"id": "not-an-id"}, "id", "not a service id"),
        ({"provider": ""}, "provider", "Enter the provider's name"),
        ({"name": ""}, "name", "Enter the service's name"),
        ({"name": "x" * 201}, "name", "201 characters long"),
        ({"description": ""}, "description", "Enter a description"),
        ({"status": "open-ish"}, "status", "Enter one of active (Open)"),
        ({"url": "not a web address"}, "url", "Enter a web address"),
        ({"email": "play.example.org"}, "email", "Enter an email address"),
        ({"phone": "call us"}, "phone", "Enter a phone number"),
        ({"minimum_age": "five"}, "minimum_age", "whole years"),
        ({"maximum_age": "26"}, "maximum_age", "ages 0 to 25"),
        ({"minimum_age": "12", "maximum_age": "5"}, "maximum_age", "below the youngest"),
        ({"free": ""}, "free", "Enter yes if the service is free"),
        ({"free": "sometimes"}, "free", "Enter yes or no"),
        ({"free": "no", "fees": ""}, "fees", "Say what the service costs"),
        ({"cost_amount": "5.555"}, "cost_amount", "Enter the price in pounds"),
        ({"referral_required": "maybe"}, "referral_required", "Enter yes or no"),
        ({"opening_times": "Mon 9-5"}, "opening_times", "like Mon 09:00-17:00"),
        ({"opening_times": "Funday 09:00-10:00"}, "opening_times", "'funday' is not a day"),
        ({"opening_times": "Mon 17:00-09:00"}, "opening_times", "closing time must be after"),
        ({"opening_times": "Mon 25:00-26:00"}, "opening_times", "not a real 24-hour time"),
        ({"venue_address": "1 Lane", "venue_postcode": "YO1 7HH", "venues": "Hall"},
         "venue_town", "together"),
        ({"venue_address": "1 Lane", "venue_town": "York", "venue_postcode": "YO1 7HH",
          "venues": "Hall; Barn"}, "venues", "the one venue the address is for"),
        ({"venue_postcode": "YO1", "venues": "Hall", "venue_address": "1 Lane",
          "venue_town": "York"}, "venue_postcode", "whole postcode"),
        ({"contact_phone": "01904 000000"}, "contact_name", "Enter a name for the contact"),
        ({"schedule_description": "x" * 301}, "schedule_description", "the most OpenSEND keeps"),
    ],
)  # fmt: skip
def test_a_bad_cell_is_reported_with_its_row_and_column(cells, column, words):
    errors = _errors(_file(_cells(name="First"), _cells(**cells)))
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"services.csv, row 3, column {column}, value ")
    assert words in errors[0]


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["minimum_age", "maximum_age"]),
    st.one_of(st.integers(26, 10_000), st.integers(-10_000, -1)).map(str),
    st.integers(2, 6),
)
def test_any_age_outside_0_to_25_names_its_row_and_column(column, value, row_number):
    rows = [_cells(name=f"Service {n}") for n in range(2, row_number)]
    rows.append(_cells(**{column: value}))
    errors = _errors(_file(*rows))
    assert len(errors) == 1
    assert errors[0].startswith(f"services.csv, row {row_number}, column {column}, value ")


@settings(max_examples=100, deadline=None)
@given(_words(20).filter(lambda w: fold(w) not in ("yes", "no", "y", "n", "true", "false")))
def test_anything_but_yes_or_no_in_free_names_the_column(value):
    errors = _errors(_file(_cells(free=value)))
    assert len(errors) == 1
    assert "row 2, column free" in errors[0]


def test_header_problems_are_reported_and_no_row_is_read():
    content = _file(
        _cells(), columns=["id", "provider", "name", "descripton", "free", "free", "colour"]
    )
    errors = _errors(content)
    assert any(
        "'descripton' is not a column" in e and "Did you mean description?" in e for e in errors
    )
    assert any("'colour' is not a column" in e and "Did you mean" not in e for e in errors)
    assert any("The column free appears 2 times (columns E, F)" in e for e in errors)
    assert any("row 1, column description: The column description is missing" in e for e in errors)
    assert parse_services(content, file_name="services.csv").rows == []


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "The file is empty"),
        (b"id,provider,name,description,free\r\n", "no services"),
        (b"id;provider;name;description;free\r\n;a;b;c;yes\r\n", "separated by semicolons"),
        ("id,provider,name,description,free\n,Café,b,c,yes\n".encode("cp1252"),
         "not saved as UTF-8"),
        ("id,provider\n".encode("utf-16"), "UTF-16"),
        (b'id,provider,name,description,free\r\n,"a,b,c,yes\r\n', "cannot be read as CSV"),
        (b"id,provider,name,description,free\r\n,a,b,c,yes,extra\r\n", "has 6 values"),
    ],
)  # fmt: skip
def test_files_that_cannot_be_read_say_how_to_fix_them(content, words):
    errors = _errors(content)
    assert len(errors) == 1
    assert words in errors[0]


def test_a_row_with_cells_left_off_the_end_is_read():
    content = b"id,provider,name,description,free,needs\r\n,Trust,Club,Play,yes\r\n"
    result = parse_services(content, file_name="services.csv")
    assert result.ok
    assert result.rows[0].needs == ()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_rows_or_problems_never_an_exception(content):
    result = parse_services(content, file_name="services.csv")
    assert result.ok or result.log.count > 0


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_under_the_header_gives_rows_or_problems(text):
    content = (",".join(COLUMN_NAMES) + "\n" + text).encode("utf-8")
    result = parse_services(content, file_name="services.csv")
    assert len(result.rows) <= result.row_count
    lines = content.count(b"\n") + content.count(b"\r") + 1
    for error in result.log.errors:
        assert error.row is None or 1 <= error.row <= lines
        assert str(error).startswith("services.csv")


def test_the_closest_names_come_first():
    names = ["Autism", "Hearing impairment", "Speech, language and communication needs"]
    assert csv_format.closest("Autsm", names) == ["Autism"]
    assert csv_format.closest("zzzz", names) == []
    assert len(csv_format.closest("zzzz", names, cutoff=0)) == 3


def test_the_guide_documents_every_column_as_the_layout_does():
    guide = (Path(__file__).parents[2] / "docs" / "directory-import.md").read_text()
    for column in csv_format.COLUMNS:
        required = "Yes" if column.required else "No"
        line = (
            f"| `{column.name}` | {required} | {column.format} | {column.allowed} | "
            f"{column.example} |"
        )
        assert line in guide, f"docs/directory-import.md should have: {line}"
