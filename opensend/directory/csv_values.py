"""Single values of the directory's CSV layout: reading and writing one cell. Pure Python (no
Django).

Each `parse_...` function takes a cell's text and returns its value, or raises `ValueError` with
a message that says how to fix it (`csv_format` logs it against the row and column); each
`format_...` function writes a value back as the same text. Names are compared `fold`ed (without
case, accents or extra spaces), and `closest` finds the "did you mean" hints.
"""

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rapidfuzz import fuzz, process

from opensend.directory import geography, search_text
from opensend.directory.words import AGE_LIMIT, STATUS_LABELS, WEEKDAY_NAMES

SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@")

WEEKDAYS = tuple(name[:3] for name in WEEKDAY_NAMES)  # as the file writes them
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
    **{value: value for value in STATUS_LABELS},
    **{label.lower(): value for value, label in STATUS_LABELS.items()},
}


@dataclass(frozen=True, order=True)
class Session:
    """A weekly opening time."""

    weekday: int  # 0 Monday .. 6 Sunday
    opens: dt.time
    closes: dt.time

    def __str__(self) -> str:
        return f"{WEEKDAYS[self.weekday]} {self.opens:%H:%M}-{self.closes:%H:%M}"


# Values -----------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Text compared without case, accents, apostrophes or extra spaces: names match however
    typed (the search's folding, with spaces evened out)."""
    return " ".join(search_text.fold(text).split())


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
        allowed = or_list([f"{v} ({label})" for v, label in STATUS_LABELS.items()])
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
