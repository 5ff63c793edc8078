"""The differences between two versions of a service's details, in words. Pure Python.

Snapshots are the plain dicts of `opensend.directory.records`. Ids of terms, venues and the
provider are shown by name through the `names` lookup the caller passes.
"""

import difflib
import re
from dataclasses import dataclass
from typing import Any

from opensend.directory.words import STATUS_LABELS, WEEKDAY_NAMES

LABELS = {
    "name": "Name",
    "description": "Description",
    "status": "Status",
    "url": "Website",
    "email": "Email",
    "phone": "Phone",
    "minimum_age": "Youngest age",
    "maximum_age": "Oldest age",
    "is_free": "Free",
    "fees": "Costs",
    "referral_required": "Needs a referral",
    "how_to_access": "How to access",
    "send_support": "Support for children and young people with SEND",
    "schedule_description": "When it runs",
    "alert": "Notice",
    "provider": "Provider",
    "terms": "Categories, needs and delivery",
    "locations": "Venues",
    "opening_times": "Opening times",
    "cost_options": "Prices",
    "contacts": "Contacts",
    "service_areas": "Area covered",
}


@dataclass(frozen=True)
class Difference:
    field: str
    label: str
    before: str
    after: str
    added: tuple[str, ...] = ()  # for lists: items only in the new version
    removed: tuple[str, ...] = ()  # items only in the old version
    # for text changed in place: the new text as ("same" | "added" | "removed", words) runs
    words: tuple[tuple[str, str], ...] = ()


def differences(
    before: dict[str, Any] | None, after: dict[str, Any], names: dict[str, str]
) -> list[Difference]:
    """What changed from `before` to `after`, in the order of LABELS. With no `before` (a new
    service), every field with a value is listed as added."""
    before = before or {}
    result = []
    for field, label in LABELS.items():
        old, new = before.get(field), after.get(field)
        if _empty(old) and _empty(new):
            continue
        if isinstance(new, list) or isinstance(old, list):
            old_items = [describe_item(field, item, names) for item in old or []]
            new_items = [describe_item(field, item, names) for item in new or []]
            if sorted(old_items) == sorted(new_items):
                continue
            result.append(
                Difference(
                    field,
                    label,
                    "\n".join(old_items),
                    "\n".join(new_items),
                    added=tuple(i for i in new_items if i not in old_items),
                    removed=tuple(i for i in old_items if i not in new_items),
                )
            )
        elif old != new:
            before_text, after_text = describe(field, old, names), describe(field, new, names)
            changed = word_changes(before_text, after_text) if field in TEXT_FIELDS else ()
            result.append(Difference(field, label, before_text, after_text, words=changed))
    return result


TEXT_FIELDS = frozenset(
    {
        "name",
        "description",
        "fees",
        "how_to_access",
        "send_support",
        "schedule_description",
        "alert",
    }
)
TOKEN = re.compile(r"\s+|[^\s]+")


def word_changes(before: str, after: str) -> tuple[tuple[str, str], ...]:
    """`after` as runs of words kept, added and removed relative to `before` (empty when
    either side is empty: then the whole value is the change)."""
    if not before or not after:
        return ()
    old, new = TOKEN.findall(before), TOKEN.findall(after)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(new[b1:b2])))
            continue
        if a2 > a1:
            runs.append(("removed", "".join(old[a1:a2])))
        if b2 > b1:
            runs.append(("added", "".join(new[b1:b2])))
    return tuple(runs)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == []


def describe(field: str, value: object, names: dict[str, str]) -> str:
    """One value in words."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if field == "status":
        return STATUS_LABELS.get(str(value), str(value))
    if field == "provider":
        return names.get(str(value), "An unknown provider")
    return str(value)


def describe_item(field: str, item: Any, names: dict[str, str]) -> str:
    """One item of a list field in words."""
    if field in ("terms", "locations"):
        return names.get(str(item), "A removed item")
    if field == "opening_times":
        return f"{WEEKDAY_NAMES[int(item['weekday'])]} {item['opens_at']} to {item['closes_at']}"
    if field == "cost_options":
        amount = f" £{item['amount']}" if item.get("amount") is not None else ""
        extra = f" ({item['amount_description']})" if item.get("amount_description") else ""
        return f"{item['option']}{amount}{extra}"
    if field == "contacts":
        parts = [item.get(k) for k in ("name", "title", "phone", "email")]
        return ", ".join(p for p in parts if p)
    if field == "service_areas":
        return str(item.get("name", ""))
    return str(item)
