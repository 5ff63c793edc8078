"""The directory's CSV layout: one row per service. Pure Python (no Django).

`COLUMNS` is the layout docs/directory-import.md describes. `parse_services(content,
file_name=...)` reads a file into `ServiceRow`s and never raises on bad input: every problem is
logged, naming the file, the row as a spreadsheet numbers it (the header is row 1), the column,
the value and how to fix it. `write_services` writes rows in the same layout, so an export
reads back as the same rows. Matching names to providers, venues and terms needs the database,
and is `opensend.directory.transfer`'s job.
"""

import csv
import datetime as dt
import io
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, TextIO

from rapidfuzz import fuzz, process

from opensend.core.import_errors import (  # noqa: F401 (transfer uses RowError)
    SAVE_AS_CSV_UTF8,
    UTF8_BOM,
    ErrorLog,
    RowError,
    decode_csv,
)
from opensend.directory import geography
from opensend.directory.diffs import STATUSES

SEPARATOR = ";"
AGE_LIMIT = 25  # as models.AGE_LIMIT (this module cannot import the models)
LONGEST_DESCRIPTION = 5000
FORMULA_STARTS = ("=", "+", "-", "@")

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_NAMES = {
    **{name.lower(): n for n, name in enumerate(WEEKDAYS)},
    **{
        name: n
        for n, names in enumerate(
            (
                ("monday",),
                ("tues", "tuesday"),
                ("weds", "wednesday"),
                ("thur", "thurs", "thursday"),
                ("friday",),
                ("saturday",),
                ("sunday",),
            )
        )
        for name in names
    },
}
_TIME = r"\d{1,2}[:.]\d{2}"
_SESSION = re.compile(
    rf"^(?P<days>.+?)\s*(?P<opens>{_TIME})\s*(?:-|–|—|to)\s*(?P<closes>{_TIME})$", re.IGNORECASE
)
_DAY_RANGE = re.compile(r"^(?P<first>[a-z]+)\s*(?:-|–|—|to)\s*(?P<last>[a-z]+)$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_HOST = re.compile(r"^(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}$|^localhost$|^[0-9.]+$")
_YES = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}
_STATUS_NAMES = {
    **{value: value for value in STATUSES},
    **{label.lower(): value for value, label in STATUSES.items()},
}


@dataclass(frozen=True)
class Column:
    """A column of the layout, as the guidance describes it."""

    name: str
    required: bool  # the header must have it
    format: str
    allowed: str
    example: str


_LIST = "names or codes separated by ;"
COLUMNS = [
    Column(
        "id",
        True,
        "service id (a UUID), or blank",
        "blank adds a service; the id from an export updates that service",
        "6f1c2b0e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
    ),
    Column(
        "provider",
        True,
        "text, up to 200 characters",
        "the name (or id) of a provider in the directory; a new name adds a provider if "
        "provider_description is filled in",
        "Riverside Play Trust",
    ),
    Column(
        "provider_description",
        False,
        "text",
        "only to add a new provider: what the organisation does; blank for a provider that exists",
        "A charity running inclusive play and short breaks.",
    ),
    Column("name", True, "text, up to 200 characters", "the service's name", "Saturday Play Club"),
    Column(
        "description",
        True,
        f"text, up to {LONGEST_DESCRIPTION:,} characters",
        "what the service does, for families",
        "Inclusive play sessions for disabled children and their brothers and sisters.",
    ),
    Column(
        "status",
        False,
        "word",
        "; ".join(f"{value} (or {label})" for value, label in STATUSES.items()) + "; blank: active",
        "active",
    ),
    Column(
        "url",
        False,
        "web address, up to 200 characters",
        "starting https:// or http:// (www. addresses get https://)",
        "https://riverside-play.example.org/saturday",
    ),
    Column("email", False, "email address", "any email address", "play@riverside.example.org"),
    Column(
        "phone",
        False,
        "up to 30 characters",
        "a phone number with at least 3 digits",
        "01904 000000",
    ),
    Column("minimum_age", False, "whole number", f"0 to {AGE_LIMIT}; blank: any age", "5"),
    Column(
        "maximum_age",
        False,
        "whole number",
        f"0 to {AGE_LIMIT}, not below minimum_age; blank: any age",
        "11",
    ),
    Column("free", True, "yes or no", "yes if the service is free to use", "yes"),
    Column(
        "fees",
        False,
        "text",
        "what it costs; needed when free is no",
        "£5 a session; brothers and sisters free",
    ),
    Column(
        "cost_amount",
        False,
        "amount in pounds",
        "the service's price, like 5 or 4.50 (a £ sign is fine); blank: no price",
        "5.00",
    ),
    Column("referral_required", False, "yes or no", "blank: no", "no"),
    Column(
        "how_to_access",
        False,
        "text",
        "how families start using the service",
        "Book a place on our website.",
    ),
    Column(
        "send_support",
        False,
        "text",
        "how the service supports children and young people with SEND",
        "Staff are trained in autism awareness and Makaton.",
    ),
    Column(
        "categories",
        False,
        _LIST,
        "terms of the Service categories taxonomy",
        "Holiday activities; Short breaks and respite",
    ),
    Column(
        "needs",
        False,
        _LIST,
        "terms of the needs taxonomy; blank: for everyone",
        "Autism; slcn",
    ),
    Column(
        "delivery",
        False,
        _LIST,
        "terms of the delivery taxonomy",
        "In person at a venue",
    ),
    Column(
        "venues",
        False,
        "names (or ids) separated by ;",
        "the provider's venues; one new name with venue_address, venue_town and "
        "venue_postcode adds that venue",
        "Riverside Centre",
    ),
    Column(
        "venue_address",
        False,
        "text, up to 200 characters",
        "building and street of the one venue in venues",
        "1 Mill Lane",
    ),
    Column(
        "venue_town",
        False,
        "text, up to 100 characters",
        "town or city of the one venue in venues",
        "York",
    ),
    Column(
        "venue_postcode",
        False,
        "UK postcode",
        "postcode of the one venue in venues",
        "YO1 7HH",
    ),
    Column(
        "opening_times",
        False,
        "days and times separated by ;",
        "Mon to Sun (or Monday ...), a range like Mon-Fri, then 24-hour times opening-closing",
        "Mon-Fri 09:00-17:00; Sat 10:00-12:00",
    ),
    Column(
        "schedule_description",
        False,
        "text, up to 300 characters",
        "when it runs, in words",
        "Term time only",
    ),
    Column(
        "alert", False, "text, up to 300 characters", "a short-term notice", "Closed 1 to 5 June"
    ),
    Column(
        "contact_name",
        False,
        "text, up to 150 characters",
        "a person or team; needed when contact_phone or contact_email is filled in",
        "Play team",
    ),
    Column("contact_phone", False, "up to 30 characters", "as phone", "01904 000001"),
    Column("contact_email", False, "email address", "any email address", "team@example.org"),
    Column(
        "service_area",
        False,
        "names separated by ;",
        "the areas the service covers",
        "City of York",
    ),
    Column(
        "last_reviewed",
        False,
        "date YYYY-MM-DD",
        "written by exports: when a directory editor last approved or confirmed the details; "
        "ignored by imports",
        "2026-03-01",
    ),
]
COLUMN_NAMES = [c.name for c in COLUMNS]
REQUIRED_COLUMNS = [c.name for c in COLUMNS if c.required]
IGNORED_COLUMNS = ("last_reviewed",)
VENUE_COLUMNS = ("venue_address", "venue_town", "venue_postcode")
CONTACT_COLUMNS = ("contact_name", "contact_phone", "contact_email")
ALIASES = {
    "service_id": "id",
    "provider_name": "provider",
    "service_name": "name",
    "website": "url",
    "is_free": "free",
    "category": "categories",
    "need": "needs",
    "venue": "venues",
    "opening_time": "opening_times",
    "service_areas": "service_area",
}


@dataclass(frozen=True, order=True)
class Session:
    """A weekly opening time."""

    weekday: int  # 0 Monday .. 6 Sunday
    opens: dt.time
    closes: dt.time

    def __str__(self) -> str:
        return f"{WEEKDAYS[self.weekday]} {self.opens:%H:%M}-{self.closes:%H:%M}"


@dataclass(frozen=True)
class ServiceRow:
    """One service as a file describes it. `columns` says which columns the file has: a
    column left out of the file leaves that part of an existing service as it is."""

    row_number: int = 0
    columns: frozenset[str] = frozenset(c for c in COLUMN_NAMES if c not in IGNORED_COLUMNS)
    id: uuid.UUID | None = None
    provider: str = ""
    provider_description: str = ""
    name: str = ""
    description: str = ""
    status: str = "active"
    url: str = ""
    email: str = ""
    phone: str = ""
    minimum_age: int | None = None
    maximum_age: int | None = None
    free: bool = True
    fees: str = ""
    cost_amount: Decimal | None = None
    referral_required: bool = False
    how_to_access: str = ""
    send_support: str = ""
    categories: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    delivery: tuple[str, ...] = ()
    venues: tuple[str, ...] = ()
    venue_address: str = ""
    venue_town: str = ""
    venue_postcode: str = ""
    opening_times: tuple[Session, ...] = ()
    schedule_description: str = ""
    alert: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    service_area: tuple[str, ...] = ()
    last_reviewed: dt.date | None = None  # exports only

    def has(self, column: str) -> bool:
        return column in self.columns

    @property
    def new_venue(self) -> bool:
        """The row describes a venue's address (for the one venue it names)."""
        return any(getattr(self, c) for c in VENUE_COLUMNS)


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


# Values -----------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Text compared without case, accents or extra spaces: names match however typed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def closest(value: str, choices: Iterable[str], limit: int = 3, cutoff: float = 50) -> list[str]:
    """The choices most like `value`, best first (for "did you mean" hints): those scoring at
    least `cutoff` out of 100, or with none so close, the best few anyway (cutoff 0)."""
    options = sorted(set(choices))
    if not options:
        return []
    found = process.extract(fold(value), options, scorer=fuzz.WRatio, processor=fold, limit=limit)
    return [choice for choice, score, _ in found if score >= cutoff] or (
        [choice for choice, _, _ in found] if cutoff == 0 else []
    )


def or_list(items: list[str]) -> str:
    """'A', 'A or B', 'A, B or C'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def escape_cell(text: str) -> str:
    """Stop a spreadsheet running '=...' as a formula; `unescape_cell` undoes it on import."""
    if text[:1] in FORMULA_STARTS or (text[:1] == "'" and text[1:2] in (*FORMULA_STARTS, "'")):
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    if text[:1] == "'" and text[1:2] in (*FORMULA_STARTS, "'"):
        return text[1:]
    return text


def parse_yes_no(value: str) -> bool:
    try:
        return _YES[value.strip().lower()]
    except KeyError:
        raise ValueError("Enter yes or no") from None


def parse_age(value: str) -> int | None:
    if not value:
        return None
    if not re.fullmatch(r"[0-9]{1,3}", value):
        raise ValueError(f"Enter an age in whole years from 0 to {AGE_LIMIT}, like 5")
    age = int(value)
    if age > AGE_LIMIT:
        raise ValueError(
            f"The Local Offer covers ages 0 to {AGE_LIMIT}: enter {AGE_LIMIT} or less, "
            "or leave it blank"
        )
    return age


def parse_amount(value: str) -> Decimal | None:
    compact = value.replace("£", "").replace(",", "").strip()
    if not compact:
        return None
    problem = "Enter the price in pounds, like 5 or 4.50"
    if not re.fullmatch(r"[0-9]+(\.[0-9]{1,2})?", compact):
        raise ValueError(problem)
    try:
        amount = Decimal(compact)
    except InvalidOperation:
        raise ValueError(problem) from None
    if amount >= Decimal("1000000"):
        raise ValueError("Enter a price under £1,000,000")
    return amount.quantize(Decimal("0.01"))


def format_amount(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:.2f}"


def parse_status(value: str) -> str:
    if not value:
        return "active"
    status = _STATUS_NAMES.get(fold(value))
    if status is None:
        allowed = or_list([f"{v} ({label})" for v, label in STATUSES.items()])
        raise ValueError(f"Enter one of {allowed}")
    return status


def parse_url(value: str) -> str:
    if not value:
        return ""
    has_scheme = re.match(r"^[a-z][a-z0-9+.-]*://", value, re.IGNORECASE)
    looks_like_host = value.startswith("//") or _HOST.match(value.split("/")[0].lower())
    if not has_scheme and looks_like_host:
        value = "https://" + value.removeprefix("//")
    match = re.fullmatch(r"(https?)://([^/?#\s]+)([/?#]\S*)?", value, re.IGNORECASE)
    host = match.group(2).lower().rsplit(":", 1)[0] if match else ""
    if not match or not _HOST.match(host):
        raise ValueError("Enter a web address like https://www.example.org")
    if len(value) > 200:
        raise ValueError(f"This is {len(value)} characters long; the most is 200: shorten it")
    return value


def parse_email(value: str) -> str:
    if value and (not _EMAIL.match(value) or len(value) > 254):
        raise ValueError("Enter an email address like name@example.org")
    return value


def parse_phone(value: str) -> str:
    if not value:
        return ""
    if sum(c.isdigit() for c in value) < 3:
        raise ValueError("Enter a phone number, like 01904 000000")
    if len(value) > 30:
        raise ValueError(f"This is {len(value)} characters long; the most is 30: shorten it")
    return value


def parse_list(value: str) -> tuple[str, ...]:
    """Names separated by ';', blanks and repeats dropped, in the order given."""
    items: dict[str, str] = {}
    for item in value.split(SEPARATOR):
        item = " ".join(item.split())
        if item:
            items.setdefault(fold(item), item)
    return tuple(items.values())


def format_list(items: Iterable[str]) -> str:
    return f"{SEPARATOR} ".join(items)


def parse_postcode(value: str) -> str:
    if not value:
        return ""
    postcode = geography.normalise_postcode(value)
    if postcode is None or " " not in postcode:
        raise ValueError("Enter the venue's whole postcode, like YO1 7HH")
    return postcode


def _parse_time(text: str) -> dt.time:
    hours, minutes = (int(part) for part in re.split("[:.]", text))
    return dt.time(hours, minutes)


def _parse_days(text: str) -> list[int]:
    days: list[int] = []
    for part in re.split(r"\s*(?:,|&|\band\b)\s*", text.strip().lower()):
        if not part:
            continue
        if (day := _DAY_NAMES.get(part.rstrip("."))) is not None:
            days.append(day)
            continue
        span = _DAY_RANGE.match(part)
        first = _DAY_NAMES.get(span["first"]) if span else None
        last = _DAY_NAMES.get(span["last"]) if span else None
        if first is None or last is None:
            raise ValueError(f"'{part}' is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun")
        days.extend((first + n) % 7 for n in range((last - first) % 7 + 1))
    if not days:
        raise ValueError("Start each opening time with the day, like Mon 09:00-17:00")
    return days


def parse_opening_times(value: str) -> tuple[Session, ...]:
    """'Mon-Fri 09:00-17:00; Sat 10:00-12:00' as sessions, in week order."""
    sessions: set[Session] = set()
    for part in filter(None, (p.strip() for p in value.split(SEPARATOR))):
        match = _SESSION.match(part)
        if not match:
            raise ValueError(
                f"Write each opening time as a day and times, like Mon 09:00-17:00, not '{part}'"
            )
        try:
            opens, closes = _parse_time(match["opens"]), _parse_time(match["closes"])
        except ValueError:
            raise ValueError(f"In '{part}' a time is not a real 24-hour time") from None
        if closes <= opens:
            raise ValueError(
                f"In '{part}' the closing time must be after the opening time "
                "(use 24-hour times, like 13:00 for 1pm)"
            )
        sessions.update(Session(day, opens, closes) for day in _parse_days(match["days"]))
    return tuple(sorted(sessions))


def format_opening_times(sessions: Iterable[Session]) -> str:
    """Sessions as 'Mon-Fri 09:00-17:00; Sat 10:00-12:00': days with the same times together,
    three or more days in a row as a range."""
    days_by_times: dict[tuple[dt.time, dt.time], list[int]] = {}
    for session in sorted(set(sessions)):
        days_by_times.setdefault((session.opens, session.closes), []).append(session.weekday)
    items = []
    for (opens, closes), days in days_by_times.items():
        runs: list[list[int]] = []
        for day in days:
            if runs and runs[-1][-1] == day - 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        parts = []
        for run in runs:
            if len(run) >= 3:
                parts.append(f"{WEEKDAYS[run[0]]}-{WEEKDAYS[run[-1]]}")
            else:
                parts.extend(WEEKDAYS[day] for day in run)
        items.append((days[0], opens, f"{', '.join(parts)} {opens:%H:%M}-{closes:%H:%M}"))
    return format_list(text for *_, text in sorted(items))


def parse_id(value: str) -> uuid.UUID | None:
    if not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValueError(
            "This is not a service id (ids look like 6f1c2b0e-3a4d-4e5f-8a9b-0c1d2e3f4a5b, "
            "as exports write them): leave it blank to add a new service"
        ) from None


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
    records = _records(text, log)
    names = _header(records[0], log) if records else None
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


def _records(text: str, log: ErrorLog) -> list[list[str]]:
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


def column_key(heading: str) -> str:
    key = re.sub(r"[\s-]+", "_", heading.replace("\ufeff", "").strip().lower())
    return ALIASES.get(key, key)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a column counted from 0 (0 = A, 26 = AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _header(headings: list[str], log: ErrorLog) -> list[str] | None:
    """The column names of the header row, or None (with the problems logged)."""
    before = log.count
    if not any(h.strip() for h in headings):
        log.add(
            1,
            "",
            "",
            "Row 1 is blank: the first row must be the column names, as an export writes them",
        )
        return None
    names = [column_key(h) for h in headings]
    if len(names) == 1 and any(sep in headings[0] for sep in (";", "\t")):
        log.add(
            1,
            "",
            headings[0],
            "The columns are separated by semicolons or tabs, not commas. " + SAVE_AS_CSV_UTF8,
        )
        return None
    for index, (heading, name) in enumerate(zip(headings, names, strict=True)):
        if name and name not in COLUMN_NAMES:
            hint = closest(name, COLUMN_NAMES, 1, cutoff=75)
            did_you_mean = f" Did you mean {hint[0]}?" if hint else ""
            log.add(
                1,
                column_letter(index),
                heading,
                f"'{heading}' is not a column of the directory layout.{did_you_mean} Rename "
                "the column to one in the guidance, or delete it",
            )
        places = [column_letter(i) for i, other in enumerate(names) if other == name]
        if name in COLUMN_NAMES and len(places) > 1 and places[0] == column_letter(index):
            log.add(
                1,
                name,
                heading,
                f"The column {name} appears {len(places)} times (columns {', '.join(places)}): "
                "keep one and delete the others",
            )
    for name in REQUIRED_COLUMNS:
        if name not in names:
            log.add(
                1,
                name,
                "",
                f"The column {name} is missing: add it to the header row, spelled as in the "
                "guidance",
            )
    return None if log.count > before else names


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
