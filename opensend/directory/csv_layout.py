"""The directory's CSV layout: its columns, and the row a file gives for one service. Pure
Python (no Django).

`COLUMNS` is the layout docs/directory-import.md describes; `ServiceRow` is one service as a
file describes it. Reading and writing a file is `csv_format`'s job; single values are read
and written by `csv_values`.
"""

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from opensend.directory.csv_values import Session
from opensend.directory.words import AGE_LIMIT, STATUS_LABELS

LONGEST_DESCRIPTION = 5000


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
        "; ".join(f"{value} (or {label})" for value, label in STATUS_LABELS.items())
        + "; blank: active",
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
