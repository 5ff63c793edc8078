"""Problems found in an uploaded file, each naming the file, row, column, value and fix.

Pure Python, shared by every import (the register, schools and settings, the Local Offer).
"""

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
