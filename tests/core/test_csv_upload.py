"""Reading an uploaded CSV file: shared by the register and Local Offer imports."""

from hypothesis import given
from hypothesis import strategies as st

from opensend.core.csv_upload import (
    ErrorLog,
    Layout,
    column_letter,
    decode_csv,
    read_header,
    read_records,
)

LAYOUT = Layout(
    columns={"name", "age"},
    required=["name"],
    name="the club template",
    guide="the example file",
    suggest=lambda name: "name" if name.startswith("nam") else None,
)


def problems(log: ErrorLog) -> list[str]:
    return [str(error) for error in log.in_order()]


def test_a_good_header_gives_the_column_names():
    log = ErrorLog("clubs.csv")
    assert read_header(["Name", " AGE "], LAYOUT, log) == ["name", "age"]
    assert log.count == 0


def test_a_bad_header_names_each_problem_and_the_fix():
    log = ErrorLog("clubs.csv")
    assert read_header(["nmae", "age", "age"], LAYOUT, log) is None
    assert problems(log) == [
        "clubs.csv, row 1, column A, value 'nmae': 'nmae' is not a column of the club template. "
        "Rename the column to one in the guidance, or delete it",
        "clubs.csv, row 1, column age, value 'age': The column age appears 2 times "
        "(columns B, C): keep one and delete the others",
        "clubs.csv, row 1, column name: The column name is missing: add it to the header row, "
        "spelled as in the example file",
    ]


def test_semicolons_are_spotted():
    log = ErrorLog("clubs.csv")
    assert read_header(["name;age"], LAYOUT, log) is None
    assert "separated by semicolons or tabs" in problems(log)[0]


def test_an_unclosed_quote_is_refused_not_misread():
    log = ErrorLog("clubs.csv")
    assert read_records('name,age\n"Swim club,7\nRun club,8\n', log) == []
    assert "quotation mark that is not closed" in problems(log)[0]


def test_a_windows_file_is_refused_with_the_excel_fix():
    log = ErrorLog("clubs.csv")
    assert decode_csv("name\nCaf\xe9\n".encode("cp1252"), log) is None
    assert "probably 'é'" in problems(log)[0]
    assert "CSV UTF-8" in problems(log)[0]


def test_excels_byte_order_mark_is_dropped():
    assert decode_csv(b"\xef\xbb\xbfname\n", ErrorLog("clubs.csv")) == "name\n"


@given(st.integers(0, 20_000))
def test_column_letters_count_like_a_spreadsheet(index):
    letters = column_letter(index)
    value = 0
    for letter in letters:
        value = value * 26 + (ord(letter) - ord("A") + 1)
    assert value - 1 == index
