"""A service's details from an import's row: the row's columns over the details it has now.

`_DetailChecks` is the part of the import's planner (`transfer_import._Planner`) that works out
a service's details from a row (text, flags, taxonomy terms by name or code, opening times, the
price, the contact, the areas) and checks them as a whole. The file holds one contact, one
price and the service's areas by name; what it cannot hold is kept.
"""

import re
import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from opensend.directory import csv_format, csv_layout, csv_values, records
from opensend.directory.csv_layout import ServiceRow
from opensend.directory.csv_values import fold, or_list
from opensend.directory.models import Vocabulary

NEW_PRICE = "Price"  # what a price added by an import is for (edit it on the service's page)
TERM_COLUMNS = {
    "categories": (Vocabulary.CATEGORY, "category", "categories"),
    "needs": (Vocabulary.NEED, "need", "needs"),
    "delivery": (Vocabulary.DELIVERY, "delivery method", "delivery methods"),
}
OTHER_VOCABULARIES = {
    Vocabulary.AGE_GROUP: "Age groups are set from minimum_age and maximum_age: leave it out",
    Vocabulary.ACCESSIBILITY: (
        "Accessibility is a feature of a venue, not a service: set it on the venue's page"
    ),
}
TEXT_FIELDS = (
    "name",
    "description",
    "status",
    "url",
    "email",
    "phone",
    "minimum_age",
    "maximum_age",
    "fees",
    "how_to_access",
    "send_support",
    "schedule_description",
    "alert",
)
_validate_url = URLValidator(schemes=["http", "https"])


def _blank_snapshot() -> dict:
    """A new service's details before the row fills them in."""
    snapshot = records.normalise({})
    for name in records.FIELDS:
        snapshot[name] = ""
    snapshot.update(
        minimum_age=None, maximum_age=None, status="active", is_free=True, referral_required=False
    )
    return snapshot


class _DetailChecks:
    """The planner's checks of a service's details and taxonomy terms (`_Planner` loads the
    terms they are checked against)."""

    # Details ------------------------------------------------------------------------------------

    def snapshot(self, row: ServiceRow, base: dict) -> dict:
        """The service's details: the row's columns over the details it has now."""
        snapshot = dict(base)
        for name in TEXT_FIELDS:
            if row.has(name):
                snapshot[name] = getattr(row, name)
        if row.has("free"):
            snapshot["is_free"] = row.free
        if row.has("referral_required"):
            snapshot["referral_required"] = row.referral_required
        snapshot["terms"] = self.term_ids(row, base["terms"])
        if row.has("opening_times"):
            snapshot["opening_times"] = [
                {
                    "weekday": s.weekday,
                    "opens_at": f"{s.opens:%H:%M}",
                    "closes_at": f"{s.closes:%H:%M}",
                }
                for s in row.opening_times
            ]
        if row.has("cost_amount"):
            snapshot["cost_options"] = _prices(base["cost_options"], row.cost_amount)
        if any(row.has(column) for column in csv_layout.CONTACT_COLUMNS):
            snapshot["contacts"] = _contacts(base["contacts"], row)
        if row.has("service_area"):
            uris = {fold(area["name"]): area.get("uri", "") for area in base["service_areas"]}
            snapshot["service_areas"] = [
                {"name": name, "uri": uris.get(fold(name), "")} for name in row.service_area
            ]
        return snapshot

    def check_values(self, row: ServiceRow, snapshot: dict) -> None:
        """What the row's cells cannot show on their own: the details as a whole, and the
        formats Django checks stored values against."""
        for column in ("url", "email", "contact_email"):
            value = getattr(row, column)
            if not value or not row.has(column):
                continue
            try:
                (_validate_url if column == "url" else validate_email)(value)
            except ValidationError:
                example = "https://www.example.org" if column == "url" else "name@example.org"
                self.problem(row, column, value, f"Enter a real {_WHAT[column]}, like {example}")
        low, high = snapshot["minimum_age"], snapshot["maximum_age"]
        both = row.has("minimum_age") and row.has("maximum_age")
        if low is not None and high is not None and low > high and not both:
            column = "minimum_age" if row.has("minimum_age") else "maximum_age"
            self.problem(
                row,
                column,
                csv_format.row_cells(row)[column],
                f"The service's ages would be {low} to {high}: the youngest age must not be "
                "above the oldest",
            )
        both = row.has("free") and row.has("fees")
        if not snapshot["is_free"] and not snapshot["fees"] and not both:
            self.problem(
                row, "free", "no", "Say what the service costs in fees, or put yes in free"
            )
        contacts = snapshot["contacts"]
        if contacts and not contacts[0].get("name"):
            self.problem(row, "contact_name", "", "Enter a name for the contact, like Duty team")

    def term_ids(self, row: ServiceRow, current: list[str]) -> list[str]:
        """Terms of the vocabularies the row gives, with the service's others kept."""
        given = {TERM_COLUMNS[c][0] for c in TERM_COLUMNS if row.has(c)}
        kept = [
            t
            for t in current
            if (term := self.terms.get(uuid.UUID(t))) is None
            or term.taxonomy.vocabulary not in given
        ]
        chosen = []
        for column in TERM_COLUMNS:
            if row.has(column):
                for item in getattr(row, column):
                    term = self.term(row, column, item, current)
                    if term is not None:
                        chosen.append(str(term.pk))
        return kept + chosen

    def term(self, row: ServiceRow, column: str, item: str, current: list[str]):
        vocabulary, one, many = TERM_COLUMNS[column]
        named = self.terms_named.get((vocabulary, fold(item)), [])
        if len(named) > 1:
            codes = or_list([t.code for t in named])
            self.problem(
                row,
                column,
                item,
                f"{len(named)} {many} are called {item}: use the code of the one you mean "
                f"({codes})",
            )
            return None
        term = named[0] if named else self.terms_coded.get((vocabulary, item.lower()))
        if term is None:
            self.problem(row, column, item, self.unknown_term(item, vocabulary, one, many))
            return None
        if not term.is_active and str(term.pk) not in current:
            self.problem(
                row,
                column,
                item,
                f"{term.name} is retired and can no longer be chosen: leave it out, or choose "
                f"another of the {many}",
            )
            return None
        return term

    def unknown_term(self, item: str, vocabulary: str, one: str, many: str) -> str:
        for other in Vocabulary.values:
            if other == vocabulary:
                continue
            found = self.terms_named.get((other, fold(item))) or self.terms_coded.get(
                (other, item.lower())
            )
            if not found:
                continue
            if other in OTHER_VOCABULARIES:
                return f"{item} is not one of the {many}. {OTHER_VOCABULARIES[other]}"
            column = next(c for c, (v, *_) in TERM_COLUMNS.items() if v == other)
            return (
                f"{item} is a {TERM_COLUMNS[column][1]}, not a {one}: put it in the {column} column"
            )
        offered = [
            t for t in self.terms.values() if t.taxonomy.vocabulary == vocabulary and t.is_active
        ]
        word = re.compile(rf"\b{re.escape(fold(item))}\b")
        described = [t.name for t in offered if word.search(fold(t.description))]
        names = [t.name for t in offered]
        close = csv_values.closest(item, names, 3, cutoff=80)
        hints = list(dict.fromkeys(described + close))[:3]
        hints = hints or csv_values.closest(item, names, 3, cutoff=0)
        closest = (
            f" The closest are {or_list(hints)}."
            if len(hints) > 1
            else (f" The closest is {hints[0]}." if hints else "")
        )
        return (
            f"{item} is not one of the {many}.{closest} Use the name or code of a term "
            f"from the {many} list (Directory, Taxonomies)"
        )


_WHAT = {"url": "web address", "email": "email address", "contact_email": "email address"}


def _prices(current: list[dict], amount: Decimal | None) -> list[dict]:
    """The file holds one price: blank removes every price with an amount; an amount replaces
    the first one's (its description kept), or adds one. Prices without an amount stay."""
    unpriced = [price for price in current if price.get("amount") is None]
    priced = [price for price in current if price.get("amount") is not None]
    if amount is None:
        return unpriced
    text = f"{amount:.2f}"
    if priced:
        return unpriced + [{**priced[0], "amount": text}] + priced[1:]
    return unpriced + [{"option": NEW_PRICE, "amount": text, "amount_description": ""}]


def _contacts(current: list[dict], row: ServiceRow) -> list[dict]:
    """The file holds the first contact: blank removes every contact; otherwise it replaces the
    first one (keeping its job title if the name is the same), and the others stay."""
    first = current[0] if current else {"name": "", "title": "", "phone": "", "email": ""}
    contact = {
        part: getattr(row, f"contact_{part}") if row.has(f"contact_{part}") else first[part]
        for part in ("name", "phone", "email")
    }
    if not any(contact.values()):
        return []
    contact["title"] = first["title"] if fold(first["name"]) == fold(contact["name"]) else ""
    return [contact, *current[1:]]
