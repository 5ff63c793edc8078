"""Reading an uploaded CSV file: its text, its header row, and the problems found, each naming
the file, row, column, value and fix.

Pure Python, shared by every import (the register, schools and settings, the Local Offer).
"""

import csv
import io
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

MAX_REPORTED_ERRORS = 200
UTF8_BOM = b"\xef\xbb\xbf"
SAVE_AS_CSV_UTF8 = (
    'In Excel choose File, Save As, and the file type "CSV UTF-8 (Comma delimited)", '
    "then use the new file"
)


@dataclass(frozen=True)
class RowError:
    """One problem: where it is (file, row, column), the value found, and what to do."""

    file_name: str
    row: int | None  # as a spreadsheet numbers it: the header is row 1; None for the whole file
    column: str
    value: str
    problem: str

    @property
    def shown_value(self) -> str:
        return self.value if self.value else "(blank)"

    def __str__(self) -> str:
        place = [self.file_name]
        if self.row:
            place.append(f"row {self.row}")
        if self.column:
            place.append(f"column {self.column}")
        if self.value or (self.column and self.row and self.row > 1):
            place.append(f"value {self.shown_value!r}")
        return f"{', '.join(place)}: {self.problem}"


class ErrorLog:
    """The problems found in one file: every one counted, the first few hundred kept."""

    def __init__(self, file_name: str, limit: int = MAX_REPORTED_ERRORS):
        self.file_name = file_name
        self.limit = limit
        self.errors: list[RowError] = []
        self.count = 0

    def add(self, row: int | None, column: str, value: str, problem: str) -> None:
        self.count += 1
        if len(self.errors) < self.limit:
            shown = value if len(value) <= 60 else value[:57] + "..."
            self.errors.append(RowError(self.file_name, row, column, shown, problem))

    def in_order(self) -> list[RowError]:
        """The kept problems by row (whole-file problems first), in the order found."""
        return sorted(self.errors, key=lambda error: error.row or 0)


class CountsErrors:
    """For results that keep the first few hundred errors and count them all."""

    errors: list[RowError]
    error_count: int

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    @property
    def errors_not_shown(self) -> int:
        return self.error_count - len(self.errors)


def decode_csv(content: bytes, log: ErrorLog) -> str | None:
    """An uploaded CSV file's text (UTF-8, with or without Excel's byte order mark), or None
    with the problem logged: how to save the file from Excel instead."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        log.add(
            None,
            "",
            "",
            "The file is saved as UTF-16 (Unicode text), which OpenSEND does not read. "
            + SAVE_AS_CSV_UTF8,
        )
        return None
    body = content.removeprefix(UTF8_BOM)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = body[error.start : error.start + 1]
        guess = byte.decode("cp1252", errors="replace")
        likely = (
            f" (probably '{guess}' from a Windows or 'ANSI' file)"
            if guess.isprintable() and guess != "\ufffd"
            else ""
        )
        log.add(
            body.count(b"\n", 0, error.start) + 1,
            "",
            f"byte 0x{byte.hex().upper()}",
            f"The file is not saved as UTF-8: this byte{likely} cannot be read. {SAVE_AS_CSV_UTF8}",
        )
        return None


def read_records(text: str, log: ErrorLog) -> list[list[str]]:
    """The file's rows as lists of cells, or none (with the problem logged) if it is not CSV."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as error:
        log.add(
            reader.line_num or len(records) + 1,
            "",
            "",
            f"The file cannot be read as CSV here ({error}): check for a quotation mark "
            "that is not closed. " + SAVE_AS_CSV_UTF8,
        )
        return []
    return records


def column_letter(index: int) -> str:
    """The spreadsheet letter of a column counted from 0 (0 = A, 26 = AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def column_key(heading: str) -> str:
    """A heading as a column name: any case, spaces or hyphens for underscores."""
    return re.sub(r"[\s-]+", "_", heading.replace("\ufeff", "").strip().lower())


@dataclass(frozen=True)
class Layout:
    """What a header row must hold, and the words to name the layout in messages."""

    columns: Collection[str]
    required: Iterable[str]
    name: str  # "the register template"
    guide: str  # "the example file": where the column names are spelled out
    suggest: Callable[[str], str | None]  # the nearest column name to an unknown one
    key: Callable[[str], str] = column_key


def read_header(headings: list[str], layout: Layout, log: ErrorLog) -> list[str] | None:
    """The column names of the header row, or None (with the problems logged)."""
    before = log.count
    if not any(h.strip() for h in headings):
        log.add(
            1,
            "",
            "",
            f"Row 1 is blank: the first row must be the header row, with the column names "
            f"from {layout.guide}",
        )
        return None
    names = [layout.key(h) for h in headings]
    if len(names) == 1 and any(sep in headings[0] for sep in (";", "\t")):
        log.add(
            1,
            "",
            headings[0],
            "The columns are separated by semicolons or tabs, not commas. " + SAVE_AS_CSV_UTF8,
        )
        return None
    for index, (heading, name) in enumerate(zip(headings, names, strict=True)):
        if name and name not in layout.columns:
            hint = layout.suggest(name)
            did_you_mean = f" Did you mean {hint}?" if hint else ""
            log.add(
                1,
                column_letter(index),
                heading,
                f"'{heading}' is not a column of {layout.name}.{did_you_mean} Rename the column "
                "to one in the guidance, or delete it",
            )
        places = [column_letter(i) for i, other in enumerate(names) if other == name]
        if name in layout.columns and len(places) > 1 and places[0] == column_letter(index):
            log.add(
                1,
                name,
                heading,
                f"The column {name} appears {len(places)} times "
                f"(columns {', '.join(places)}): keep one and delete the others",
            )
    for name in layout.required:
        if name not in names:
            log.add(
                1,
                name,
                "",
                f"The column {name} is missing: add it to the header row, spelled as in "
                f"{layout.guide}",
            )
    return None if log.count > before else names
