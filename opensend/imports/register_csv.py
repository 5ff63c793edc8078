"""Reading a register CSV: one row per person, every row checked, every problem reported.

Pure Python (no Django), shared by the upload page, `opensend import register` and the tests.
`parse_register(content, file_name=..., today=...)` never raises on bad input: it returns the
valid rows and the problems found, each naming the file, the row as a spreadsheet shows it (the
header is row 1), the column, the value and how to fix it.

A blank cell never removes anything from the register: it leaves what is there. The exceptions
are the three identifier columns, which are read together as the person's identifiers.
"""

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from opensend.core import codelists
from opensend.core.csv_upload import (  # noqa: F401 (the imports' names for them)
    MAX_REPORTED_ERRORS,
    SAVE_AS_CSV_UTF8,
    CountsErrors,
    ErrorLog,
    Layout,
    RowError,
    column_letter,
    decode_csv,
    read_header,
    read_records,
)
from opensend.core.identifiers import normalise_identifier
from opensend.imports.template import (
    COLUMN_NAMES,
    FLAGS,
    REQUIRED_COLUMNS,
    Fact,
    RegisterRow,
    Setting,
)
from opensend.people import validation

PROGRESS_EVERY = 500
LAYOUT = Layout(
    columns=COLUMN_NAMES,
    required=REQUIRED_COLUMNS,
    name="the register template",
    guide="the example file",
    suggest=lambda name: next(iter(difflib.get_close_matches(name, COLUMN_NAMES, n=1)), None),
)

Progress = Callable[[str, int, int], None]
"""Told (stage, rows done, rows in all) as a long import goes on."""


@dataclass
class ParseResult(CountsErrors):
    file_name: str
    rows: list[RegisterRow]
    errors: list[RowError]
    error_count: int
    row_count: int = 0
    readable: bool = True  # False when the bytes are not text OpenSEND can read


def parse_register(
    content: bytes, *, file_name: str, today: dt.date, progress: Progress | None = None
) -> ParseResult:
    """Every valid row of a register CSV, and every problem in the file."""
    errors = ErrorLog(file_name)
    text = decode_csv(content, errors)
    if text is None:
        return ParseResult(file_name, [], errors.errors, errors.count, readable=False)
    if not text.strip():
        errors.add(
            None,
            "",
            "",
            "The file is empty: download the example file, put your "
            "people in it under the header row, and upload that",
        )
        return ParseResult(file_name, [], errors.errors, errors.count)
    records = read_records(text, errors)
    names = read_header(records[0], LAYOUT, errors) if records else None
    if names is None:
        return ParseResult(file_name, [], errors.errors, errors.count)
    rows, row_count = _read_rows(records, names, errors, today, progress)
    if not row_count and not errors.count:
        errors.add(
            None,
            "",
            "",
            "The file has a header row but no people: add one row per person under the header",
        )
    return ParseResult(file_name, rows, errors.errors, errors.count, row_count)


def parse_date(value: str) -> dt.date:
    """A date written YYYY-MM-DD or DD/MM/YYYY; ValueError saying how to fix anything else."""
    if match := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", value):
        year, month, day = match.groups()
    elif match := re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", value):
        day, month, year = match.groups()
    else:
        raise ValueError(
            "Write the date as YYYY-MM-DD, like 2014-05-17, or DD/MM/YYYY, like 17/05/2014"
        )
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError("This is not a real date: check the day and the month") from None


def _has_values(record: list[str]) -> bool:
    return any(cell.strip() for cell in record)


def _read_rows(records, names, errors, today, progress) -> tuple[list[RegisterRow], int]:
    """The valid rows, and how many rows have any values."""
    rows = []
    row_count = 0
    seen = _FirstSeen(errors)
    total = len(records) - 1
    for row_number, record in enumerate(records[1:], start=2):
        if progress and (row_number - 2) % PROGRESS_EVERY == 0:
            progress("Checking rows", row_number - 2, total)
        if not _has_values(record):
            continue
        row_count += 1
        cells = _cells(record, names, row_number, errors)
        if cells is None:
            continue
        before = errors.count
        seen.check(row_number, "local_id", cells.get("local_id", ""))
        seen.check(row_number, "upn", normalise_identifier(cells.get("upn")))
        seen.check(row_number, "uln", normalise_identifier(cells.get("uln")))
        row = _RowReader(row_number, cells, errors, today).read()
        if row is not None and errors.count == before:
            rows.append(row)
    if progress:
        progress("Checking rows", total, total)
    return rows, row_count


def _cells(record, names, row_number, errors) -> dict[str, str] | None:
    if len(record) > len(names) and not _has_values(record[len(names) :]):
        record = record[: len(names)]
    if len(record) != len(names):
        fix = (
            "put any value that contains a comma in double quotation marks"
            if len(record) > len(names)
            else "check for a missing comma"
        )
        errors.add(
            row_number,
            "",
            "",
            f"This row has {len(record)} values but the header has "
            f"{len(names)} columns: {fix}, or save the file again from your spreadsheet",
        )
        return None
    cells = {}
    for index, (name, value) in enumerate(zip(names, record, strict=True)):
        if name:
            cells[name] = value.strip()
        elif value.strip():
            errors.add(
                row_number,
                column_letter(index),
                value.strip(),
                "This column has no heading: give it one from the template, or delete it",
            )
    return cells


class _FirstSeen:
    """Finds a local ID, UPN or ULN used on more than one row, naming both rows."""

    def __init__(self, errors: ErrorLog):
        self.errors = errors
        self.first_rows: dict[tuple[str, str], int] = {}

    def check(self, row_number: int, column: str, value: str) -> None:
        if not value:
            return
        first = self.first_rows.setdefault((column, value), row_number)
        if first != row_number:
            self.errors.add(
                row_number,
                column,
                value,
                f"Row {first} has the same {column}: "
                f"a person must be on one row only, and no two people share a "
                f"{column}. Merge or correct rows {first} and {row_number}",
            )


class _RowReader:
    """Reads one row's cells, logging a problem for every cell that is wrong."""

    def __init__(self, row_number: int, cells: dict[str, str], errors: ErrorLog, today: dt.date):
        self.row_number = row_number
        self.cells = cells
        self.errors = errors
        self.today = today

    def read(self) -> RegisterRow | None:
        before = self.errors.count
        birth_date = self.birth_date()
        person = {
            "local_id": self.text(
                "local_id", 40, "Enter the person's ID from your case-management system"
            ),
            "forename": self.text("forename", 100, "Enter the person's first name"),
            "middle_names": self.text("middle_names", 100),
            "surname": self.text("surname", 100, "Enter the person's last name"),
            "preferred_name": self.text("preferred_name", 100),
            "sex": self.code("sex", codelists.SEX, "Enter the person's sex: M, F or U"),
            "ethnicity": self.ethnicity(),
            "postcode": self.postcode(),
            **self.identifiers(),
        }
        facts = {
            "sen_provision": self.sen_provision(birth_date),
            **self.needs(birth_date),
            "setting": self.setting(birth_date),
            "flags": {
                code: applies
                for column, code in FLAGS.items()
                if (applies := self.flag(column)) is not None
            },
            "social_care_team": self.text("social_care_team", 200),
        }
        if self.errors.count > before or birth_date is None:
            return None
        return RegisterRow(row_number=self.row_number, birth_date=birth_date, **person, **facts)

    def value(self, column: str) -> str:
        return self.cells.get(column, "")

    def problem(self, column: str, message: str) -> None:
        self.errors.add(self.row_number, column, self.value(column), message)

    def text(self, column: str, max_length: int, required: str = "") -> str:
        value = self.value(column)
        if required and not value:
            self.problem(column, required)
        elif len(value) > max_length:
            self.problem(
                column,
                f"This is {len(value)} characters long; the most OpenSEND "
                f"keeps is {max_length}: shorten it",
            )
        return value

    def code(self, column: str, code_list: codelists.CodeList, required: str = "") -> str:
        code = self.value(column).upper()
        if required and not code:
            self.problem(column, required)
        elif code and (problem := code_list.problem(code)):
            self.problem(column, problem)
        return code

    def date(self, column: str, required: str = "") -> dt.date | None:
        value = self.value(column)
        if not value:
            if required:
                self.problem(column, required)
            return None
        try:
            return parse_date(value)
        except ValueError as error:
            self.problem(column, str(error))
            return None

    def identifiers(self) -> dict[str, str]:
        found = {
            "upn": normalise_identifier(self.value("upn")),
            "uln": normalise_identifier(self.value("uln")),
            "upn_unknown": self.value("upn_unknown").upper(),
        }
        if not any(found.values()):
            self.problem(
                "upn",
                "Enter a UPN or a ULN, or put in upn_unknown the reason "
                f"neither is known ({', '.join(codelists.UPN_UNKNOWN.valid_codes())})",
            )
            return found
        problems = validation.identifier_problems(**found)
        for column, problem in problems.items():
            self.problem(column, problem)
        return found

    def birth_date(self) -> dt.date | None:
        birth_date = self.date("birth_date", "Enter the date of birth")
        if birth_date and (problem := validation.birth_date_problem(birth_date, self.today)):
            self.problem("birth_date", f"{problem}: check the date")
            return None
        return birth_date

    def ethnicity(self) -> str:
        code = self.value("ethnicity").upper()
        if not code:
            self.problem(
                "ethnicity",
                "Enter the person's ethnicity code, like WBRI, or REFU if "
                "they refused to say, or NOBT if it is not yet known",
            )
        elif code not in codelists.ETHNICITY:
            self.problem(
                "ethnicity",
                f"'{code}' is not a CBDS ethnicity code: use a main code "
                "like WBRI, MWBC or AIND, or an extended code like WENG (the guidance "
                "lists them)",
            )
        return code

    def postcode(self) -> str:
        value = self.value("postcode")
        if problem := validation.postcode_problem(value):
            self.problem("postcode", problem)
        return validation.normalise_postcode(value)

    def start_date(
        self, column: str, birth_date: dt.date | None, *, of: str, given: bool
    ) -> dt.date | None:
        """The start date in `column` of the fact `of`, which the row has if `given`."""
        start = self.date(column)
        if start is None:
            return None
        if not given:
            self.problem(
                column, f"There is a start date but no {of}: enter the {of}, or delete the date"
            )
        elif start > self.today:
            self.problem(
                column,
                "A start date must be today or earlier: facts in the future cannot be imported yet",
            )
        elif birth_date and start < birth_date:
            self.problem(
                column,
                f"This is before the date of birth ({birth_date:%d/%m/%Y}): check both dates",
            )
        return start

    def sen_provision(self, birth_date: dt.date | None) -> Fact | None:
        code = self.code("sen_provision", codelists.SEN_PROVISION)
        start = self.start_date("sen_start_date", birth_date, of="sen_provision", given=bool(code))
        return Fact(code, start) if code else None

    def needs(self, birth_date: dt.date | None) -> dict[str, Fact | None]:
        start = self.start_date(
            "primary_need_start_date",
            birth_date,
            of="primary_need",
            given=bool(self.value("primary_need")),
        )
        primary = self.need("primary_need", start)
        secondary = self.need("secondary_need", None)
        if primary and secondary and primary.code == secondary.code:
            self.problem(
                "secondary_need",
                "The secondary need is the same as the primary "
                "need: leave secondary_need blank, or correct it",
            )
        return {"primary_need": primary, "secondary_need": secondary}

    def need(self, column: str, start: dt.date | None) -> Fact | None:
        """A need type, checked against the code list of the year its start date falls in."""
        code = self.value(column).upper()
        if not code:
            return None
        checked_on = start or self.today
        if problem := validation.need_type_problem(code, checked_on):
            if code in codelists.NEED_TYPES:
                year = validation.collection_year_of(checked_on)
                problem += f" (a need starting on {checked_on:%d/%m/%Y} is in the {year} return)"
            self.problem(column, problem)
        return Fact(code, start)

    def digits(self, column: str, length: int, what: str) -> str:
        value = self.value(column)
        if value and not (len(value) == length and value.isascii() and value.isdigit()):
            self.problem(
                column,
                f"{what} has {length} digits, like {'1' + '0' * (length - 1)}: "
                "check for a typing error",
            )
        return value

    def setting(self, birth_date: dt.date | None) -> Setting | None:
        urn = self.digits("setting_urn", 6, "A URN")
        ukprn = self.digits("setting_ukprn", 8, "A UKPRN")
        sen_setting = self.code("sen_setting", codelists.SEN_SETTINGS)
        if sen_setting and (urn or ukprn):
            self.problem(
                "sen_setting",
                "Leave sen_setting blank when there is a URN or UKPRN: "
                "it is for a setting that has neither",
            )
        start = self.start_date(
            "setting_start_date",
            birth_date,
            of="setting_urn, setting_ukprn or sen_setting",
            given=bool(urn or ukprn or sen_setting),
        )
        if not (urn or ukprn or sen_setting):
            return None
        return Setting(urn, ukprn, sen_setting, start)

    def flag(self, column: str) -> bool | None:
        value = self.value(column).upper()
        if value not in ("Y", "N", ""):
            self.problem(
                column,
                "Enter Y if this applies to the person now, N if it does not, "
                "or leave it blank if you do not know",
            )
            return None
        return {"Y": True, "N": False}.get(value)
