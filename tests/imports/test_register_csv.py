"""The register CSV reader: every problem named by file, row, column and value, with a fix."""

import ast
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.core.identifiers import is_valid_upn, make_uln, make_upn
from opensend.imports import register_csv, template
from opensend.imports.register_csv import parse_register
from opensend.imports.template import COLUMN_NAMES, Fact, RegisterRow, Setting, write_register
from tests.imports.helpers import person_row
from tests.imports.helpers import register_csv as make_csv

TODAY = dt.date(2025, 6, 2)
EXAMPLE = Path(register_csv.__file__).with_name("example_register.csv")


def parse(content: bytes, file_name: str = "register.csv"):
    return parse_register(content, file_name=file_name, today=TODAY)


def only_error(content: bytes):
    result = parse(content)
    assert result.error_count == 1, [str(e) for e in result.errors]
    return result.errors[0]


def test_the_reader_and_template_import_nothing_from_django():
    for module in (register_csv, template):
        tree = ast.parse(Path(module.__file__).read_text())
        imported = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ]
        imported += [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [name for name in imported if name.startswith("django")]


def test_the_example_file_is_valid_and_has_every_column():
    result = parse(EXAMPLE.read_bytes())
    assert result.ok, [str(e) for e in result.errors]
    assert result.row_count == len(result.rows) >= 5
    assert EXAMPLE.read_bytes().decode("utf-8-sig").splitlines()[0].split(",") == COLUMN_NAMES
    assert all(is_valid_upn(row.upn) for row in result.rows if row.upn)


def test_a_valid_row_is_read_into_a_register_row():
    row = person_row(
        1,
        secondary_need="slcn",
        postcode="ls14ap",
        cin="y",
        young_carer="",
        social_care_team="North West Team",
        birth_date="17/05/2014",
    )
    [read] = parse(make_csv(row)).rows
    assert read == RegisterRow(
        row_number=2,
        local_id="CMS-00001",
        forename="Amara",
        surname="Example1",
        birth_date=dt.date(2014, 5, 17),
        sex="F",
        ethnicity="WBRI",
        upn=row["upn"],
        postcode="LS1 4AP",
        sen_provision=Fact("E", dt.date(2021, 9, 1)),
        primary_need=Fact("ASD", dt.date(2021, 9, 1)),
        secondary_need=Fact("SLCN"),
        setting=Setting(urn="139001", start_date=dt.date(2021, 9, 1)),
        flags={"CLA": False, "CIN": True, "FSM": True},
        social_care_team="North West Team",
    )


def test_headings_ignore_capitals_and_spaces_and_optional_columns_can_be_left_out():
    content = (
        b"Local ID,UPN,ULN,UPN unknown,Forename,Surname,Birth date,Sex,Ethnicity\r\n"
        b"A1,,,UN1,Amara,Example,2020-01-02,F,WBRI\r\n\r\n,,,,,,,,\r\n"
    )
    result = parse(content)
    assert result.ok
    assert result.row_count == 1
    assert result.rows[0].upn_unknown == "UN1"
    assert result.rows[0].sen_provision is None


ROW_PROBLEMS = [
    # cells, column, value, words of the problem and fix
    ({"upn": "A800100015001"}, "upn", "A800100015001", "check letter does not match"),
    ({"upn": "", "uln": "1000000021"}, "uln", "1000000021", "check digit does not match"),
    ({"upn": ""}, "upn", "", "Enter a UPN or a ULN"),
    ({"upn_unknown": "UN1"}, "upn_unknown", "UN1", "blank when there is a UPN"),
    ({"sex": "X"}, "sex", "X", "use one of M, F, U"),
    ({"ethnicity": "ZZZZ"}, "ethnicity", "ZZZZ", "not a CBDS ethnicity code"),
    ({"primary_need": "AUT"}, "primary_need", "AUT", "use one of SPLD"),
    (
        {"primary_need": "DS", "primary_need_start_date": "2023-06-01"},
        "primary_need",
        "DS",
        "not a valid need type code in 2023",
    ),
    ({"sen_provision": "S"}, "sen_provision", "S", "use one of E, K"),
    ({"sen_setting": "HOME", "setting_urn": ""}, "sen_setting", "HOME", "not a SEN setting code"),
    ({"birth_date": "31/02/2020"}, "birth_date", "31/02/2020", "not a real date"),
    ({"birth_date": "2020.01.01"}, "birth_date", "2020.01.01", "YYYY-MM-DD"),
    ({"birth_date": "2025-07-01"}, "birth_date", "2025-07-01", "today or in the past"),
    ({"birth_date": "1989-12-31"}, "birth_date", "1989-12-31", "1990 or later"),
    ({"sen_start_date": "2010-01-01"}, "sen_start_date", "2010-01-01", "before the date of birth"),
    ({"setting_start_date": "2026-01-01"}, "setting_start_date", "2026-01-01", "today or earlier"),
    (
        {"sen_provision": ""},
        "sen_start_date",
        "2021-09-01",
        "but no sen_provision: enter the sen_provision",
    ),
    ({"fsm": "Yes"}, "fsm", "Yes", "Enter Y if this applies"),
    ({"sen_setting": "EHE"}, "sen_setting", "EHE", "Leave sen_setting blank"),
    ({"secondary_need": "ASD"}, "secondary_need", "ASD", "same as the primary need"),
    ({"setting_urn": "12345"}, "setting_urn", "12345", "A URN has 6 digits"),
    ({"setting_urn": "", "setting_ukprn": "1234"}, "setting_ukprn", "1234", "8 digits"),
    ({"forename": ""}, "forename", "", "Enter the person's first name"),
    ({"local_id": "x" * 41}, "local_id", "x" * 41, "shorten it"),
    ({"postcode": "NOT A POSTCODE"}, "postcode", "NOT A POSTCODE", "real postcode"),
]


@pytest.mark.parametrize(("cells", "column", "value", "words"), ROW_PROBLEMS)
def test_a_wrong_cell_is_named_by_file_row_column_and_value_with_a_fix(cells, column, value, words):
    content = make_csv(person_row(1), person_row(2, **cells))
    error = only_error(content)
    assert (error.file_name, error.row, error.column) == ("register.csv", 3, column)
    assert error.value == value
    assert words in error.problem
    assert str(error).startswith(f"register.csv, row 3, column {column}, value ")


def test_every_problem_in_every_row_is_reported_not_just_the_first():
    content = make_csv(
        person_row(1, sex="X", ethnicity="NOPE"),
        person_row(2),
        person_row(3, birth_date="31/02/2020", fsm="maybe"),
    )
    result = parse(content)
    assert [(e.row, e.column) for e in result.errors] == [
        (2, "sex"),
        (2, "ethnicity"),
        (4, "birth_date"),
        (4, "fsm"),
    ]
    assert [row.local_id for row in result.rows] == ["CMS-00002"]


def test_the_report_is_capped_but_every_problem_is_counted():
    content = make_csv(*(person_row(n, sex="X") for n in range(250)))
    result = parse(content)
    assert len(result.errors) == register_csv.MAX_REPORTED_ERRORS
    assert result.error_count == 250
    assert result.errors_not_shown == 50


@pytest.mark.parametrize("column", ["local_id", "upn"])
def test_a_person_on_two_rows_names_both_rows(column):
    second = person_row(2, **{column: person_row(1)[column]})
    error = only_error(make_csv(person_row(1), person_row(3), second))
    assert (error.row, error.column) == (4, column)
    assert "Row 2 has the same" in error.problem
    assert "rows 2 and 4" in error.problem


def test_a_row_with_the_wrong_number_of_values_says_how_many():
    content = make_csv(person_row(1)) + b"CMS-9,too,few\r\n"
    error = only_error(content)
    assert error.row == 3
    assert f"has 3 values but the header has {len(COLUMN_NAMES)} columns" in error.problem


def test_missing_unknown_and_repeated_columns_are_each_named_with_the_fix():
    columns = [c for c in COLUMN_NAMES if c != "birth_date"] + ["surnme", "sex"]
    result = parse(make_csv(person_row(1), columns=columns))
    problems = {(e.row, e.column): e.problem for e in result.errors}
    assert "Did you mean surname?" in problems[(1, register_csv.column_letter(len(columns) - 2))]
    assert "appears 2 times" in problems[(1, "sex")]
    assert "The column birth_date is missing: add it" in problems[(1, "birth_date")]
    assert result.rows == []


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "The file is empty"),
        (b"\xef\xbb\xbf\r\n  \r\n", "The file is empty"),
        (",".join(COLUMN_NAMES).encode(), "header row but no people"),
        (b"local_id;upn;forename\r\n1;2;3\r\n", "separated by semicolons"),
        (b"\r\n" + ",".join(COLUMN_NAMES).encode(), "Row 1 is blank"),
    ],
)
def test_a_file_without_people_says_what_to_do(content, words):
    assert words in only_error(content).problem


def test_a_windows_1252_file_is_refused_with_how_to_save_it_as_utf8():
    content = make_csv(person_row(1, forename="Zoé", social_care_team="£ team"))
    error = only_error(content.decode().encode("cp1252"))
    assert error.row == 2
    assert error.value == "byte 0xE9"
    assert "not saved as UTF-8" in error.problem
    assert "'é'" in error.problem
    assert '"CSV UTF-8 (Comma delimited)"' in error.problem
    assert not parse(content.decode().encode("cp1252")).readable


def test_utf8_with_or_without_a_byte_order_mark_is_read_and_utf16_is_refused():
    content = make_csv(person_row(1, forename="Zoé"))
    assert parse(content).rows == parse(b"\xef\xbb\xbf" + content).rows
    assert parse(content).rows[0].forename == "Zoé"
    assert "UTF-16" in only_error(content.decode().encode("utf-16")).problem


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_rows_or_problems_never_an_exception(content):
    result = parse(content)
    assert result.ok or result.errors


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300).map(lambda text: ",".join(COLUMN_NAMES) + "\n" + text))
def test_any_text_under_the_header_gives_rows_or_problems_never_an_exception(text):
    result = parse(text.encode("utf-8", errors="surrogatepass"))
    assert result.ok or result.errors
    assert all(error.problem for error in result.errors)


names = (
    st.text(st.sampled_from("abcdeéfghijklmnopqrstuvwxyz ,'\"-\n"), min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool)
)
dates = st.dates(dt.date(1990, 1, 1), TODAY)


@st.composite
def register_rows(draw, row_number: int):
    birth_date = draw(dates)
    after_birth = st.one_of(st.none(), st.dates(birth_date, TODAY))
    n = draw(st.integers(0, 999_999))
    identifiers = draw(
        st.sampled_from(
            [
                {"upn": make_upn(800, n % 10_000, 15, row_number)},
                {"uln": make_uln(100_000_000 + row_number * 10) or ""},
                {"upn_unknown": "UN2"},
            ]
        )
    )
    if not any(identifiers.values()):
        identifiers = {"upn_unknown": "UN1"}
    needs = draw(st.lists(st.sampled_from(["ASD", "SLCN", "MLD", "SEMH"]), max_size=2, unique=True))
    settings_ = [
        None,
        Setting(urn=f"{n % 900_000 + 100_000}", start_date=draw(after_birth)),
        Setting(sen_setting="EHE"),
    ]
    return RegisterRow(
        row_number=row_number,
        local_id=f"ID-{row_number}",
        forename=draw(names),
        surname=draw(names),
        middle_names=draw(st.one_of(st.just(""), names)),
        birth_date=birth_date,
        sex=draw(st.sampled_from(["M", "F", "U"])),
        ethnicity=draw(st.sampled_from(["WBRI", "APKN", "WENG", "REFU"])),
        sen_provision=draw(
            st.one_of(st.none(), st.builds(Fact, st.sampled_from("EK"), after_birth))
        ),
        primary_need=Fact(needs[0], draw(after_birth)) if needs else None,
        secondary_need=Fact(needs[1]) if len(needs) > 1 else None,
        setting=draw(st.sampled_from(settings_)),
        flags=draw(st.dictionaries(st.sampled_from(["CLA", "FSM", "YC"]), st.booleans())),
        social_care_team=draw(st.one_of(st.just(""), names)),
        **identifiers,
    )


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda count: st.tuples(*(register_rows(row_number) for row_number in range(2, count + 2)))
    )
)
def test_valid_rows_written_as_csv_read_back_the_same(rows):
    result = parse(write_register(rows))
    assert result.ok, [str(e) for e in result.errors]
    assert result.rows == list(rows)


def test_the_guide_documents_every_column_as_the_template_does():
    guide = (Path(__file__).parents[2] / "docs" / "import-register.md").read_text()
    for column in template.COLUMNS:
        line = (
            f"| `{column.name}` | {column.requirement} | {column.format} | "
            f"{column.allowed} | {column.example} |"
        )
        assert line in guide, f"docs/import-register.md should have: {line}"


def test_a_column_without_a_heading_is_ignored_unless_it_has_values():
    columns = [*COLUMN_NAMES, ""]
    assert parse(make_csv(person_row(1), columns=columns)).ok
    error = only_error(make_csv({**person_row(1), "": "stray"}, columns=columns))
    assert (error.row, error.column, error.value) == (2, register_csv.column_letter(30), "stray")
    assert "no heading" in error.problem
