"""A service's details as one snapshot: what a revision proposes, what approval applies.

A snapshot is a plain JSON-ready dict (see `FIELDS` and the lists below). `snapshot_of` reads
one from the database; `apply_snapshot` writes one back, keeping the ORUK ids of attached rows
that did not change, so consumers of the feed see stable ids.
"""

from datetime import time
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from opensend.directory.models import (
    Contact,
    CostOption,
    OpeningTime,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceAttribute,
    TaxonomyTerm,
    Vocabulary,
)
from opensend.directory.words import AGE_LIMIT

# The service's own fields, in the order forms and differences show them.
FIELDS = (
    "name",
    "description",
    "status",
    "url",
    "email",
    "phone",
    "minimum_age",
    "maximum_age",
    "is_free",
    "fees",
    "referral_required",
    "how_to_access",
    "send_support",
    "schedule_description",
    "alert",
)
# What a field holds when a snapshot leaves it out; text is never None.
DEFAULTS = {name: "" for name in FIELDS} | {
    "status": "active",
    "minimum_age": None,
    "maximum_age": None,
    "is_free": True,
    "referral_required": False,
}
# Attached rows: snapshot key -> (model, the fields that make up one row).
ROWS = {
    "opening_times": (OpeningTime, ("weekday", "opens_at", "closes_at")),
    "cost_options": (CostOption, ("option", "amount", "amount_description")),
    "contacts": (Contact, ("name", "title", "phone", "email")),
    "service_areas": (ServiceArea, ("name", "uri")),
}


def snapshot_of(service: Service) -> dict:
    """The service's current details as a snapshot."""
    snapshot: dict = {name: getattr(service, name) for name in FIELDS}
    snapshot["provider"] = str(service.provider_id)
    snapshot["terms"] = sorted(
        str(t)
        for t in ServiceAttribute.objects.filter(service=service).values_list("term_id", flat=True)
    )
    snapshot["locations"] = sorted(
        str(loc)
        for loc in ServiceAtLocation.objects.filter(service=service).values_list(
            "location_id", flat=True
        )
    )
    for key, (model, fields) in ROWS.items():
        rows = model.objects.filter(service=service).values_list(*fields)
        snapshot[key] = _ordered(
            [_row_to_json(dict(zip(fields, row, strict=True))) for row in rows], fields
        )
    return snapshot


def normalise(snapshot: dict) -> dict:
    """A snapshot with its lists sorted and its values in JSON form, so equal details compare
    equal however they were entered."""
    result = {}
    for name in FIELDS:
        value = snapshot.get(name, DEFAULTS[name])
        if value is None and DEFAULTS[name] is not None:
            value = DEFAULTS[name]
        result[name] = value
    result["provider"] = str(snapshot.get("provider") or "")
    result["terms"] = sorted({str(t) for t in snapshot.get("terms", [])})
    result["locations"] = sorted({str(loc) for loc in snapshot.get("locations", [])})
    for key, (_model, fields) in ROWS.items():
        rows = [_row_to_json({f: row.get(f) for f in fields}) for row in snapshot.get(key, [])]
        unique = {tuple(row.items()): row for row in rows}
        result[key] = _ordered(list(unique.values()), fields)
    return result


@transaction.atomic
def apply_snapshot(service: Service, snapshot: dict) -> Service:
    """Write a snapshot's details to the service and everything attached to it."""
    snapshot = normalise(snapshot)
    for name in FIELDS:
        setattr(service, name, snapshot[name])
    service.provider_id = snapshot["provider"]
    service.last_modified = timezone.now()
    service.save()
    _sync_links(ServiceAttribute, service, "term_id", _with_age_groups(snapshot["terms"], service))
    _sync_links(ServiceAtLocation, service, "location_id", snapshot["locations"])
    for key, (model, fields) in ROWS.items():
        _sync_rows(model, fields, service, snapshot[key])
    return service


def _with_age_groups(term_ids: list[str], service: Service) -> set[str]:
    """The terms to attach: the given ones except age groups, plus the age groups the service's
    ages overlap (age groups are never chosen by hand)."""
    terms = TaxonomyTerm.objects.filter(taxonomy__vocabulary=Vocabulary.AGE_GROUP)
    age_groups = {str(t.pk): t for t in terms}
    chosen = {t for t in term_ids if t not in age_groups}
    low = service.minimum_age if service.minimum_age is not None else 0
    high = service.maximum_age if service.maximum_age is not None else AGE_LIMIT
    for key, term in age_groups.items():
        bounded = term.minimum_age is not None and term.maximum_age is not None
        if term.is_active and bounded and term.minimum_age <= high and low <= term.maximum_age:
            chosen.add(key)
    return chosen


def _sync_links(model, service: Service, field: str, wanted) -> None:
    wanted = {str(value) for value in wanted}
    current = {
        str(value): pk
        for pk, value in model.objects.filter(service=service).values_list("pk", field)
    }
    model.objects.filter(
        pk__in=[pk for value, pk in current.items() if value not in wanted]
    ).delete()
    model.objects.bulk_create(
        [model(service=service, **{field: value}) for value in sorted(wanted - current.keys())]
    )


def _sync_rows(model, fields, service: Service, wanted: list[dict]) -> None:
    current = {}
    for row in model.objects.filter(service=service):
        current.setdefault(_row_key({f: getattr(row, f) for f in fields}), []).append(row.pk)
    keep: list = []
    new = []
    for row in wanted:
        pks = current.get(_row_key(row))
        if pks:
            keep.append(pks.pop())
        else:
            new.append(model(service=service, **_row_from_json(row)))
    model.objects.filter(service=service).exclude(pk__in=keep).delete()
    model.objects.bulk_create(new)


def _row_key(row: dict) -> tuple:
    return tuple(sorted(_row_to_json(row).items()))


def _row_to_json(row: dict) -> dict:
    result = {}
    for name, value in row.items():
        if isinstance(value, time):
            value = value.strftime("%H:%M")
        elif name == "amount":
            value = None if value in (None, "") else f"{Decimal(str(value)):.2f}"
        elif name == "weekday":
            value = int(value)
        elif value is None:
            value = ""
        result[name] = value
    return result


def _row_from_json(row: dict) -> dict:
    result = dict(row)
    for name in ("opens_at", "closes_at"):
        if name in result:
            result[name] = time.fromisoformat(result[name])
    if result.get("amount") is not None:
        result["amount"] = Decimal(result["amount"])
    return result


def _ordered(rows: list[dict], fields) -> list[dict]:
    return sorted(rows, key=lambda row: tuple(str(row[f]) for f in fields))
