"""The directory's CSV layout: one row per service. Pure Python (no Django).

`COLUMNS` (in `csv_layout`) is the layout docs/directory-import.md describes; single values are
read and written by `csv_values`. `parse_services(content, file_name=...)` reads a file into
`ServiceRow`s and never raises on bad input: every problem is logged, naming the file, the row
as a spreadsheet numbers it (the header is row 1), the column, the value and how to fix it.
`write_services` writes rows in the same layout, so an export reads back as the same rows.
Matching names to providers, venues and terms needs the database, and is
`opensend.directory.transfer`'s job.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from opensend.core import csv_upload
from opensend.core.csv_upload import (
    UTF8_BOM,
    ErrorLog,
    Layout,
    column_letter,
    decode_csv,
    read_header,
    read_records,
)
from opensend.directory.csv_layout import (  # noqa: F401 (COLUMNS: the format's name for it)
    ALIASES,
    COLUMN_NAMES,
    COLUMNS,
    IGNORED_COLUMNS,
    LONGEST_DESCRIPTION,
    REQUIRED_COLUMNS,
    VENUE_COLUMNS,
    ServiceRow,
)
from opensend.directory.csv_values import (  # noqa: F401 (the format's names for Session, fold)
    Session,
    closest,
    escape_cell,
    fold,
    format_amount,
    format_list,
    format_opening_times,
    parse_age,
    parse_amount,
    parse_email,
    parse_id,
    parse_list,
    parse_opening_times,
    parse_phone,
    parse_postcode,
    parse_status,
    parse_url,
    parse_yes_no,
    unescape_cell,
)

# Problems ---------------------------------------------------------------------------------------


@dataclass
class ParseResult:
    file_name: str
    rows: list[ServiceRow]
    log: ErrorLog
    row_count: int = 0  # rows with any value in them
    readable: bool = True  # False when the bytes are not text OpenSEND can read

    @property
    def ok(self) -> bool:
        return self.log.count == 0


# Reading a file ---------------------------------------------------------------------------------


def parse_services(content: bytes, *, file_name: str) -> ParseResult:
    """Every valid row of a services CSV, and every problem in the file."""
    log = ErrorLog(file_name)
    text = decode_csv(content, log)
    if text is None:
        return ParseResult(file_name, [], log, readable=False)
    if not text.strip():
        log.add(
            None,
            "",
            "",
            "The file is empty: export the directory to get a file in the right layout, "
            "or put the column names in row 1 and one service a row under it",
        )
        return ParseResult(file_name, [], log)
    records = read_records(text, log)
    names = read_header(records[0], LAYOUT, log) if records else None
    if names is None:
        return ParseResult(file_name, [], log)
    rows, row_count = _read_rows(records, names, log)
    if not row_count and not log.count:
        log.add(
            None,
            "",
            "",
            "The file has a header row but no services: add one row per service under it",
        )
    return ParseResult(file_name, rows, log, row_count)


def column_key(heading: str) -> str:
    """A heading as a column name, the aliases (`website`, `is_free`...) included."""
    key = csv_upload.column_key(heading)
    return ALIASES.get(key, key)


def _nearest_column(name: str) -> str | None:
    hint = closest(name, COLUMN_NAMES, 1, cutoff=75)
    return hint[0] if hint else None


LAYOUT = Layout(
    columns=COLUMN_NAMES,
    required=REQUIRED_COLUMNS,
    name="the directory layout",
    guide="the guidance",
    suggest=_nearest_column,
    key=column_key,
)


def _read_rows(
    records: list[list[str]], names: list[str], log: ErrorLog
) -> tuple[list[ServiceRow], int]:
    rows = []
    row_count = 0
    columns = frozenset(n for n in names if n and n not in IGNORED_COLUMNS)
    for row_number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        row_count += 1
        cells = _cells(record, names, row_number, log)
        if cells is None:
            continue
        row = _RowReader(row_number, cells, columns, log).read()
        if row is not None:
            rows.append(row)
    return rows, row_count


def _cells(
    record: list[str], names: list[str], row_number: int, log: ErrorLog
) -> dict[str, str] | None:
    if len(record) > len(names) and not any(c.strip() for c in record[len(names) :]):
        record = record[: len(names)]
    if len(record) > len(names):
        log.add(
            row_number,
            "",
            "",
            f"This row has {len(record)} values but the header has {len(names)} columns: put "
            "any value that contains a comma in double quotation marks, or save the file again "
            "from your spreadsheet",
        )
        return None
    record = record + [""] * (len(names) - len(record))  # some programs drop trailing blanks
    cells = {}
    for index, (name, value) in enumerate(zip(names, record, strict=True)):
        value = unescape_cell(value.replace("\r\n", "\n").strip())
        if name:
            cells[name] = value
        elif value:
            log.add(
                row_number,
                column_letter(index),
                value,
                "This column has no heading: give it one from the guidance, or delete it",
            )
    return cells


class _RowReader:
    """Reads one row's cells, logging a problem for every cell that is wrong."""

    def __init__(
        self, row_number: int, cells: dict[str, str], columns: frozenset[str], log: ErrorLog
    ) -> None:
        self.row_number = row_number
        self.cells = cells
        self.columns = columns
        self.log = log

    def read(self) -> ServiceRow | None:
        before = self.log.count
        values = {
            "id": self.parsed("id", parse_id),
            "provider": self.text("provider", 200, "Enter the provider's name"),
            "provider_description": self.text("provider_description"),
            "name": self.text("name", 200, "Enter the service's name"),
            "description": self.text(
                "description",
                LONGEST_DESCRIPTION,
                "Enter a description of the service for families",
            ),
            "status": self.parsed("status", parse_status),
            "url": self.parsed("url", parse_url),
            "email": self.parsed("email", parse_email),
            "phone": self.parsed("phone", parse_phone),
            "minimum_age": self.parsed("minimum_age", parse_age),
            "maximum_age": self.parsed("maximum_age", parse_age),
            "free": self.yes_no("free", "Enter yes if the service is free, or no"),
            "fees": self.text("fees"),
            "cost_amount": self.parsed("cost_amount", parse_amount),
            "referral_required": self.yes_no("referral_required"),
            "how_to_access": self.text("how_to_access"),
            "send_support": self.text("send_support"),
            "categories": self.names("categories"),
            "needs": self.names("needs"),
            "delivery": self.names("delivery"),
            "venues": self.names("venues"),
            "venue_address": self.text("venue_address", 200),
            "venue_town": self.text("venue_town", 100),
            "venue_postcode": self.parsed("venue_postcode", parse_postcode),
            "opening_times": self.parsed("opening_times", parse_opening_times),
            "schedule_description": self.text("schedule_description", 300),
            "alert": self.text("alert", 300),
            "contact_name": self.text("contact_name", 150),
            "contact_phone": self.parsed("contact_phone", parse_phone),
            "contact_email": self.parsed("contact_email", parse_email),
            "service_area": self.names("service_area"),
        }
        given = {name: value for name, value in values.items() if name in self.columns}
        row = ServiceRow(row_number=self.row_number, columns=self.columns, **given)
        self.check_together(row)
        return row if self.log.count == before else None

    def value(self, column: str) -> str:
        return self.cells.get(column, "")

    def problem(self, column: str, message: str) -> None:
        self.log.add(self.row_number, column, self.value(column), message)

    def text(self, column: str, max_length: int | None = None, required: str = "") -> str:
        value = self.value(column)
        if required and not value and column in self.columns:
            self.problem(column, required)
        elif max_length and len(value) > max_length:
            self.problem(
                column,
                f"This is {len(value):,} characters long; the most OpenSEND keeps is "
                f"{max_length:,}: shorten it",
            )
        return value

    def parsed(self, column: str, parse: Callable[[str], Any]) -> Any:
        try:
            return parse(self.value(column))
        except ValueError as error:
            self.problem(column, str(error))
            return None

    def yes_no(self, column: str, required: str = "") -> bool | None:
        value = self.value(column)
        if not value:
            if required and column in self.columns:
                self.problem(column, required)
            return False
        try:
            return parse_yes_no(value)
        except ValueError as error:
            self.problem(column, str(error))
            return None

    def names(self, column: str) -> tuple[str, ...]:
        items = parse_list(self.value(column))
        for item in items:
            if len(item) > 200:
                self.problem(column, f"'{item[:40]}...' is longer than 200 characters: shorten it")
        return items

    def check_together(self, row: ServiceRow) -> None:
        """Cells that must agree with each other in the row."""
        low, high = row.minimum_age, row.maximum_age
        if low is not None and high is not None and low > high:
            self.problem("maximum_age", f"The oldest age is below the youngest ({low}): check both")
        not_free = row.has("free") and self.value("free") and row.free is False
        if not_free and row.has("fees") and not row.fees:
            self.problem("fees", "Say what the service costs, or put yes in free")
        if row.new_venue:
            for column in VENUE_COLUMNS:
                if not getattr(row, column) and not self.value(column):
                    self.problem(
                        column,
                        "Fill in venue_address, venue_town and venue_postcode together to give "
                        "a venue's address, or leave all three blank",
                    )
            if len(row.venues) != 1:
                self.problem(
                    "venues",
                    "Give the name of the one venue the address is for (to use more than one "
                    "venue, leave venue_address, venue_town and venue_postcode blank)",
                )
        has_details = row.contact_phone or row.contact_email
        if has_details and row.has("contact_name") and not row.contact_name:
            self.problem("contact_name", "Enter a name for the contact, like Duty team")


# Writing a file ---------------------------------------------------------------------------------


def row_cells(row: ServiceRow) -> dict[str, str]:
    """A row's cells as the file holds them, by column name."""
    cells = {
        "id": str(row.id) if row.id else "",
        "minimum_age": "" if row.minimum_age is None else str(row.minimum_age),
        "maximum_age": "" if row.maximum_age is None else str(row.maximum_age),
        "free": "yes" if row.free else "no",
        "cost_amount": format_amount(row.cost_amount),
        "referral_required": "yes" if row.referral_required else "no",
        "opening_times": format_opening_times(row.opening_times),
        "last_reviewed": row.last_reviewed.isoformat() if row.last_reviewed else "",
    }
    for name in ("categories", "needs", "delivery", "venues", "service_area"):
        cells[name] = format_list(getattr(row, name))
    for name in COLUMN_NAMES:
        cells.setdefault(name, getattr(row, name))
    return {name: escape_cell(value) for name, value in cells.items()}


def write_services(rows: Iterable[ServiceRow], out: TextIO) -> int:
    """Write the header and rows (text, without a byte order mark); returns how many rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    count = 0
    for row in rows:
        cells = row_cells(row)
        writer.writerow([cells[name] for name in COLUMN_NAMES])
        count += 1
    return count


def services_csv(rows: Iterable[ServiceRow]) -> bytes:
    """Rows as a services CSV in UTF-8 with a byte order mark (so Excel reads it right)."""
    buffer = io.StringIO()
    write_services(rows, buffer)
    return UTF8_BOM + buffer.getvalue().encode("utf-8")
