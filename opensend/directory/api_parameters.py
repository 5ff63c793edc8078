"""The ORUK API's query parameters, read and checked. Pure Python: each parser returns a value
or raises `BadParameter` naming the parameter and how to fix it."""

import math
import re
import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from opensend.directory import geography, oruk
from opensend.directory.words import WEEKDAY_NAMES

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
DEFAULT_PROXIMITY_METRES = 32187  # 20 miles, the default radius of DfE's "Find support"
MAX_TEXT = 500
UK_TIME = ZoneInfo("Europe/London")
DAY_NAMES = tuple(name.lower() for name in WEEKDAY_NAMES)


class BadParameter(Exception):
    """A query or path parameter the API cannot use; `detail` says which and how to fix it."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def parse_page(page: str | None, per_page: str | None) -> tuple[int, int]:
    """The page number (1 or more) and page size (1 to MAX_PER_PAGE)."""
    number = _whole(page, 1, 10**18, 1, "page must be a whole number, 1 or more, like page=2")
    size = _whole(
        per_page,
        1,
        MAX_PER_PAGE,
        DEFAULT_PER_PAGE,
        f"per_page must be a whole number from 1 to {MAX_PER_PAGE}, like per_page=50",
    )
    return number, size


def _whole(value: str | None, low: int, high: int, default: int, message: str) -> int:
    if value is None or value.strip() == "":
        return default
    text = value.strip()
    if not re.fullmatch(r"[0-9]{1,18}", text) or not low <= int(text) <= high:
        raise BadParameter(message)
    return int(text)


def parse_uuid(name: str, value: str | None) -> uuid.UUID | None:
    if value is None or value.strip() == "":
        return None
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise BadParameter(
            f"{name} must be a UUID, like {name}=3fa85f64-5717-4562-b3fc-2c963f66afa6"
        ) from None


def parse_uuids(name: str, values: list[str]) -> list[frozenset[uuid.UUID]]:
    """Each use of a repeatable id parameter as a group; commas within one use mean "any of"."""
    groups = []
    for value in values:
        parts = [parse_uuid(name, part) for part in value.split(",") if part.strip()]
        if parts:
            groups.append(frozenset(p for p in parts if p is not None))
    return groups


def parse_age(name: str, value: str | None, *, rounding) -> int | None:
    """An age in years; a fractional age is rounded the way that keeps the filter exact."""
    if value is None or value.strip() == "":
        return None
    message = f"{name} must be an age in years, 0 or more, like {name}=5"
    try:
        number = float(value.strip())
    except ValueError:
        raise BadParameter(message) from None
    if not math.isfinite(number) or number < 0 or number > 1000:
        raise BadParameter(message)
    return int(rounding(number))


def parse_moment(name: str, value: str | None) -> datetime | None:
    """An ISO 8601 date-time, or a date meaning its start; UK time when no offset is given."""
    if value is None or value.strip() == "":
        return None
    text = value.strip()
    # A "+" in a query string arrives as a space unless it was encoded.
    text = re.sub(r"(T[0-9:.]+) ([0-9]{2}(:?[0-9]{2})?)$", r"\1+\2", text)
    message = (
        f"{name} must be a date or date-time in ISO 8601 form, like {name}=2025-01-31 or "
        f"{name}=2025-01-31T09:30:00Z"
    )
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            moment = datetime.combine(date.fromisoformat(text), time())
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise BadParameter(message) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UK_TIME)
    return moment


def just_before(moment: datetime) -> datetime:
    """A microsecond before the moment, in UTC, so that a strict "after" includes the moment;
    held within the range a datetime can hold."""
    earliest = datetime.min.replace(tzinfo=UTC)
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:  # within a day of year 1 or year 9999
        return earliest if moment.year == 1 else datetime.max.replace(tzinfo=UTC)
    return utc if utc == earliest else utc - timedelta(microseconds=1)


def parse_days(value: str | None) -> frozenset[int]:
    """Weekdays (0 Monday) from iCalendar codes (MO) or names (monday), comma-separated."""
    if value is None or value.strip() == "":
        return frozenset()
    days = set()
    for part in value.split(","):
        word = part.strip().lower()
        if not word:
            continue
        if word.upper() in oruk.BYDAY:
            days.add(oruk.BYDAY.index(word.upper()))
        elif word in DAY_NAMES:
            days.add(DAY_NAMES.index(word))
        else:
            raise BadParameter("day must be a day of the week, like day=MO or day=monday")
    return frozenset(days)


def parse_time(name: str, value: str | None) -> time | None:
    if value is None or value.strip() == "":
        return None
    try:
        moment = time.fromisoformat(value.strip())
    except ValueError:
        raise BadParameter(f"{name} must be a time of day, like {name}=15:30") from None
    return moment.replace(tzinfo=None)


def parse_proximity(value: str | None) -> float | None:
    """A distance in metres, more than 0."""
    if value is None or value.strip() == "":
        return None
    message = "proximity must be a distance in metres, more than 0, like proximity=5000"
    try:
        metres = float(value.strip())
    except ValueError:
        raise BadParameter(message) from None
    if not math.isfinite(metres) or metres <= 0:
        raise BadParameter(message)
    return metres


def parse_flag(name: str, value: str | None) -> bool:
    if value is None or value.strip() == "":
        return False
    word = value.strip().lower()
    if word in {"true", "1", "yes"}:
        return True
    if word in {"false", "0", "no"}:
        return False
    raise BadParameter(f"{name} must be true or false, like {name}=true")


def parse_place(
    postcode: str | None, proximity: str | None
) -> tuple[geography.Place, float] | None:
    """Where to measure from, and the radius in kilometres."""
    metres = parse_proximity(proximity)
    if postcode is None or postcode.strip() == "":
        if metres is not None:
            raise BadParameter("proximity needs a postcode to measure from, like postcode=YO1 7HH")
        return None
    try:
        place = geography.find_place(postcode)
    except geography.LocationError as error:
        raise BadParameter(f"postcode: {error.message}") from None
    return place, (metres if metres is not None else DEFAULT_PROXIMITY_METRES) / 1000
