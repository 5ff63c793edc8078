"""Exporting the directory's services as CSV: one row per published service the user may edit.

`export_rows` gives the rows `transfer.export_services` writes; the layout is `csv_format`. A
row names providers, venues and terms by name, unless a name is shared (then by id or code).
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from opensend.directory import csv_values, geography, queries, records
from opensend.directory.csv_layout import ServiceRow
from opensend.directory.csv_values import Session, fold
from opensend.directory.models import Location, OpeningTime, Provider, Service, TaxonomyTerm
from opensend.directory.transfer_details import TERM_COLUMNS, TEXT_FIELDS


def exported_services(user=None) -> QuerySet[Service]:
    """The services an export holds: published ones the user may edit (every published one
    when there is no user: a command run by the operator), with what a row shows."""
    chosen = queries.published_services()
    if user is not None:
        chosen = chosen.filter(pk__in=queries.services_editable_by(user).values("pk"))
    return (
        chosen.select_related("provider")
        .prefetch_related(
            Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy")),
            Prefetch("locations", queryset=Location.objects.order_by("name", "pk")),
            Prefetch("opening_times", queryset=OpeningTime.objects.all()),
            "cost_options",
            "contacts",
            "service_areas",
        )
        .order_by("provider__name", "name", "pk")
    )


def export_rows(user=None) -> list[ServiceRow]:
    labels = _Labels()
    return [_row_of(service, _snapshot_of(service), labels) for service in exported_services(user)]


def _snapshot_of(service: Service) -> dict:
    """`records.snapshot_of` from prefetched rows (one query per table, not per service)."""
    raw = {name: getattr(service, name) for name in records.FIELDS}
    raw["provider"] = service.provider_id
    raw["terms"] = [term.pk for term in service.terms.all()]
    raw["locations"] = [location.pk for location in service.locations.all()]
    for key, (_model, fields) in records.ROWS.items():
        raw[key] = [{f: getattr(item, f) for f in fields} for item in getattr(service, key).all()]
    return records.normalise(raw)


class _Labels:
    """How an export names providers, venues and terms: by name, unless the name is shared
    (or holds the list separator), then by id (providers, venues) or code (terms)."""

    def __init__(self):
        self.shared_providers = _shared(
            (None, name) for name in Provider.objects.values_list("name", flat=True)
        )
        self.shared_venues = _shared(Location.objects.values_list("provider_id", "name"))
        self.shared_terms = _shared(TaxonomyTerm.objects.values_list("taxonomy_id", "name"))

    def provider(self, provider: Provider) -> str:
        if (None, fold(provider.name)) in self.shared_providers:
            return str(provider.pk)
        return provider.name

    def venue(self, location: Location) -> str:
        shared = (location.provider_id, fold(location.name)) in self.shared_venues
        if shared or csv_values.SEPARATOR in location.name:
            return str(location.pk)
        return location.name

    def term(self, term: TaxonomyTerm) -> str:
        shared = (term.taxonomy_id, fold(term.name)) in self.shared_terms
        return term.code if shared or csv_values.SEPARATOR in term.name else term.name


def _shared(pairs) -> set[tuple]:
    """The (group, folded name) pairs that more than one record has."""
    counts: dict[tuple, int] = defaultdict(int)
    for group, name in pairs:
        counts[group, fold(name)] += 1
    return {pair for pair, n in counts.items() if n > 1}


def _row_of(service: Service, snapshot: dict, labels: _Labels) -> ServiceRow:
    contacts = snapshot["contacts"]
    contact = contacts[0] if contacts else {}
    priced = [price for price in snapshot["cost_options"] if price["amount"] is not None]
    venues = list(service.locations.all())
    address = _address_of(venues[0]) if len(venues) == 1 else ("", "", "")
    terms = {
        column: tuple(
            labels.term(term)
            for term in service.terms.all()
            if term.taxonomy.vocabulary == vocabulary
        )
        for column, (vocabulary, *_) in TERM_COLUMNS.items()
    }
    return ServiceRow(
        id=service.pk,
        provider=labels.provider(service.provider),
        **{name: snapshot[name] for name in TEXT_FIELDS},
        free=snapshot["is_free"],
        cost_amount=Decimal(priced[0]["amount"]) if priced else None,
        referral_required=snapshot["referral_required"],
        **terms,
        venues=tuple(labels.venue(venue) for venue in venues),
        venue_address=address[0],
        venue_town=address[1],
        venue_postcode=address[2],
        opening_times=tuple(
            Session(
                int(item["weekday"]),
                _time(item["opens_at"]),
                _time(item["closes_at"]),
            )
            for item in snapshot["opening_times"]
        ),
        contact_name=contact.get("name", ""),
        contact_phone=contact.get("phone", ""),
        contact_email=contact.get("email", ""),
        service_area=tuple(area["name"] for area in snapshot["service_areas"]),
        last_reviewed=service.assured_date,
    )


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def _address_of(venue: Location) -> tuple[str, str, str]:
    """A venue's address as the file gives it, or blanks if it has no whole address."""
    postcode = geography.normalise_postcode(venue.postal_code)
    if not (venue.address_1 and venue.city and postcode and " " in postcode):
        return ("", "", "")
    return (venue.address_1, venue.city, postcode)
