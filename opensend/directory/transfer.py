"""Exporting and importing the directory's services as CSV (the layout is `csv_format`).

`export_services(user, out)` writes the published services the user may edit, one row each.
`import_services(actor, file, name)` is all or nothing: every row is read and then checked
against the directory (providers by name or id, venues, taxonomy terms by name or code, who may
change what) before anything is saved; if any problem is found nothing is saved. Otherwise each
row becomes a change through `services.create_service` or `services.propose_change` with source
"import": a reviewer's changes are approved at once, anyone else's wait for review. A row
whose details are the same as the service's is left alone, so importing an export changes
nothing.

The file holds one contact, one price and the service's areas by name; what it cannot hold is
kept: a service's other contacts, other prices, a contact's job title and an area's URI.
"""

import datetime as dt
import io
import re
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import Prefetch, QuerySet

from opensend.core.audit import record_access_by
from opensend.core.models import AccessEvent
from opensend.directory import csv_format, geography, queries, records, services
from opensend.directory.csv_format import ErrorLog, RowError, ServiceRow, Session, fold, or_list
from opensend.directory.models import (
    Location,
    OpeningTime,
    Provider,
    RevisionState,
    Service,
    ServiceRevision,
    TaxonomyTerm,
    Vocabulary,
)

Progress = Callable[[str, int, int], None]
"""Told (stage, rows done, rows in all) as a long import goes on."""

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


class TransferRefused(Exception):
    """The user may not import or export directory services."""


@dataclass(frozen=True)
class RowOutcome:
    """What an import did (or, in a dry run, would do) with one row."""

    row: int
    name: str
    action: str  # "added", "updated" or "unchanged"
    service_id: str = ""  # blank for a service a dry run would add
    waiting: bool = False  # the change waits for a reviewer
    replaced_pending: bool = False  # it replaced a change that was waiting for review


@dataclass
class ImportReport:
    file_name: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    waiting: int = 0  # of those added or updated, how many wait for review
    providers_added: list[str] = field(default_factory=list)
    venues_added: list[str] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    readable: bool = True  # False when the bytes are not text OpenSEND can read
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    @property
    def errors_not_shown(self) -> int:
        return self.error_count - len(self.errors)

    def summary(self) -> str:
        """One sentence for the user."""
        verb = "Checked" if self.dry_run else "Imported"
        would = " would be" if self.dry_run else ""
        parts = [
            f"{verb} {self.file_name}: {_count(self.rows, 'service')};{would} "
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        ]
        if self.providers_added:
            parts.append(f"{_count(len(self.providers_added), 'new provider')}")
        if self.venues_added:
            parts.append(f"{_count(len(self.venues_added), 'new venue')}")
        if self.waiting:
            parts.append(f"{_count(self.waiting, 'change')}{would or ''} waiting for review")
        if self.dry_run:
            parts.append("nothing was saved (dry run)")
        return "; ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


# Export -----------------------------------------------------------------------------------------


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


def export_services(user, out, *, path: str = "") -> int:
    """Write the CSV (UTF-8 with a byte order mark, for Excel) to `out`, a binary stream, an
    HttpResponse, or a text stream; returns how many services it holds. The export is written
    to the access log: contacts can name people."""
    if user is not None and not user.has_perm("directory.edit_services"):
        raise TransferRefused(f"{user.email} may not export directory services")
    rows = export_rows(user)
    if isinstance(out, io.TextIOBase):
        out.write("\ufeff")
        csv_format.write_services(rows, out)
    else:
        out.write(csv_format.services_csv(rows))
    if user is not None:
        record_access_by(
            user,
            action=AccessEvent.Action.EXPORT,
            object_type="directory services",
            purpose="Directory export",
            detail={"services": len(rows)},
            path=path,
        )
    return len(rows)


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
        if shared or csv_format.SEPARATOR in location.name:
            return str(location.pk)
        return location.name

    def term(self, term: TaxonomyTerm) -> str:
        shared = (term.taxonomy_id, fold(term.name)) in self.shared_terms
        return term.code if shared or csv_format.SEPARATOR in term.name else term.name


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


# Import -----------------------------------------------------------------------------------------


def import_services(
    actor, file, name: str, *, dry_run: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Check a services CSV and, if it has no problems, apply every row (all or nothing).

    `file` is the bytes or a binary file (an upload); `name` is the file's name for messages.
    With `dry_run`, everything is checked and counted but nothing is saved."""
    if not actor.has_perm("directory.edit_services"):
        raise TransferRefused(f"{actor.email} may not import directory services")
    content = file if isinstance(file, bytes | bytearray) else file.read()
    if isinstance(content, str):
        content = content.encode("utf-8")
    parsed = csv_format.parse_services(bytes(content), file_name=name)
    report = ImportReport(name, parsed.row_count, readable=parsed.readable, dry_run=dry_run)
    log = parsed.log
    if not parsed.readable or (log.count and not parsed.rows):
        return _with_errors(report, log)
    with transaction.atomic():
        planner = _Planner(actor, log, parsed.rows)
        plans = planner.plan(parsed.rows, progress)
        if log.count:
            return _with_errors(report, log)
        report.providers_added = [p.name for p in planner.new_providers.values()]
        report.venues_added = [v.name for v in planner.new_venues.values()]
        if dry_run:
            report.outcomes = [plan.outcome(planner.reviewer) for plan in plans]
        else:
            report.outcomes = _apply(actor, plans, planner, name, progress)
        for outcome in report.outcomes:
            setattr(report, outcome.action, getattr(report, outcome.action) + 1)
            report.waiting += outcome.waiting
        if not dry_run:
            _record_import(actor, report)
    return report


def _with_errors(report: ImportReport, log: ErrorLog) -> ImportReport:
    report.errors = log.in_order()
    report.error_count = log.count
    return report


def _record_import(actor, report: ImportReport) -> None:
    record_access_by(
        actor,
        action=AccessEvent.Action.IMPORT,
        object_type="directory services",
        purpose="Directory import",
        detail={
            "file_name": report.file_name,
            "rows": report.rows,
            "added": report.added,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "waiting": report.waiting,
        },
    )


@dataclass
class _NewProvider:
    """A provider the file adds (reviewers only)."""

    name: str
    description: str
    row: int
    created: Provider | None = None

    @property
    def key(self):
        return ("new", fold(self.name))


@dataclass
class _NewVenue:
    """A venue the file adds, with its address."""

    provider: "Provider | _NewProvider"
    name: str
    address: str
    town: str
    postcode: str
    row: int
    created: Location | None = None


def _provider_key(provider: "Provider | _NewProvider"):
    return provider.pk if isinstance(provider, Provider) else provider.key


def _saved(item):
    """The database record of an existing or newly added provider or venue."""
    return item if isinstance(item, Provider | Location) else item.created


@dataclass
class _Plan:
    """What one row will do."""

    row: ServiceRow
    service: Service | None  # None: the row adds a service
    provider: "Provider | _NewProvider"
    snapshot: dict  # the details, but for the provider and venues
    venues: "list[Location | _NewVenue]"
    changed: bool
    had_pending: bool = False

    def resolved_snapshot(self) -> dict:
        return {
            **self.snapshot,
            "provider": str(_saved(self.provider).pk),
            "locations": [str(_saved(venue).pk) for venue in self.venues],
        }

    def outcome(self, reviewer: bool, service_id: str = "") -> RowOutcome:
        if self.service is None:
            action = "added"
        else:
            action = "updated" if self.changed else "unchanged"
            service_id = str(self.service.pk)
        return RowOutcome(
            self.row.row_number,
            self.snapshot["name"],
            action,
            service_id,
            waiting=action != "unchanged" and not reviewer,
            replaced_pending=action == "updated" and self.had_pending,
        )


def _blank_snapshot() -> dict:
    """A new service's details before the row fills them in."""
    snapshot = records.normalise({})
    for name in records.FIELDS:
        snapshot[name] = ""
    snapshot.update(
        minimum_age=None, maximum_age=None, status="active", is_free=True, referral_required=False
    )
    return snapshot


class _Planner:
    """Checks every row against the directory and works out what it will do."""

    def __init__(self, actor, log: ErrorLog, rows: list[ServiceRow]):
        self.actor = actor
        self.log = log
        self.reviewer = queries.is_reviewer(actor)
        self.editable = set(queries.providers_editable_by(actor).values_list("pk", flat=True))
        self.providers = {p.pk: p for p in Provider.objects.all()}
        self.providers_named = defaultdict(list)
        for provider in self.providers.values():
            self.providers_named[fold(provider.name)].append(provider)
        self.venues = {venue.pk: venue for venue in Location.objects.all()}
        self.venues_of = defaultdict(list)
        for venue in self.venues.values():
            self.venues_of[venue.provider_id].append(venue)
        self.terms = {t.pk: t for t in TaxonomyTerm.objects.select_related("taxonomy")}
        self.terms_named = defaultdict(list)
        self.terms_coded = {}
        for term in self.terms.values():
            vocabulary = term.taxonomy.vocabulary
            self.terms_named[vocabulary, fold(term.name)].append(term)
            self.terms_coded[vocabulary, term.code.lower()] = term
        ids = {row.id for row in rows if row.id}
        self.services = {
            s.pk: s for s in Service.objects.filter(pk__in=ids).select_related("provider")
        }
        self.pending = {
            r.service_id: r
            for r in ServiceRevision.objects.filter(service_id__in=ids, state=RevisionState.PENDING)
        }
        self.service_names = defaultdict(dict)
        for pk, provider_id, name in Service.objects.values_list("pk", "provider_id", "name"):
            self.service_names[provider_id].setdefault(fold(name), pk)
        self.new_providers: dict[str, _NewProvider] = {}
        self.new_venues: dict[tuple, _NewVenue] = {}
        self.id_rows: dict[uuid.UUID, int] = {}
        self.new_service_rows: dict[tuple, int] = {}

    def problem(self, row: ServiceRow, column: str, value: str, message: str) -> None:
        self.log.add(row.row_number, column, value, message)

    def plan(self, rows: list[ServiceRow], progress: Progress | None) -> list[_Plan]:
        self.collect_new_providers(rows)
        plans = []
        for done, row in enumerate(rows):
            if progress and done % 100 == 0:
                progress("Checking rows", done, len(rows))
            before = self.log.count
            plan = self.plan_row(row)
            if plan is not None and self.log.count == before:
                plans.append(plan)
        if progress:
            progress("Checking rows", len(rows), len(rows))
        return plans

    # Providers ----------------------------------------------------------------------------------

    def collect_new_providers(self, rows: list[ServiceRow]) -> None:
        """Providers the file adds: names not in the directory, given a description."""
        for row in rows:
            name, description = row.provider, row.provider_description
            if not description or self.providers_named.get(fold(name)) or _as_uuid(name):
                continue
            if not self.reviewer:
                self.problem(
                    row,
                    "provider_description",
                    description,
                    f"Only directory editors at the local authority can add providers: ask them "
                    f"to add {name}, or use one of your organisation's providers "
                    f"({self.editable_names()})",
                )
                continue
            known = self.new_providers.setdefault(
                fold(name), _NewProvider(name, description, row.row_number)
            )
            if fold(known.description) != fold(description):
                self.problem(
                    row,
                    "provider_description",
                    description,
                    f"Row {known.row} gives {name} a different provider_description: give the "
                    "same description on both rows, or leave it blank on this one",
                )

    def editable_names(self) -> str:
        names = sorted(self.providers[pk].name for pk in self.editable if pk in self.providers)
        return or_list(names) if names else "none yet"

    def provider(self, row: ServiceRow) -> "Provider | _NewProvider | None":
        value = row.provider
        if (pk := _as_uuid(value)) is not None:
            provider = self.providers.get(pk)
            if provider is None:
                self.problem(
                    row,
                    "provider",
                    value,
                    "No provider has this id: check it, or give the provider's name",
                )
                return None
        else:
            matches = self.providers_named.get(fold(value), [])
            if len(matches) > 1:
                ids = ", ".join(str(p.pk) for p in matches)
                self.problem(
                    row,
                    "provider",
                    value,
                    f"{len(matches)} providers are called {value}: put the id of the one you "
                    f"mean instead ({ids})",
                )
                return None
            if not matches:
                return self.new_provider(row)
            provider = matches[0]
        if row.provider_description and fold(row.provider_description) != fold(
            provider.description
        ):
            self.problem(
                row,
                "provider_description",
                row.provider_description,
                f"{provider.name} is already in the directory: leave provider_description blank "
                "(it is only for adding a provider), and change a provider's description on its "
                "page",
            )
        if provider.pk not in self.editable:
            self.problem(
                row,
                "provider",
                value,
                f"You cannot add or change services of {provider.name}: it is not one of your "
                f"organisation's providers ({self.editable_names()})",
            )
            return None
        return provider

    def new_provider(self, row: ServiceRow) -> _NewProvider | None:
        planned = self.new_providers.get(fold(row.provider))
        if planned is not None:
            return planned
        if row.provider_description:
            return None  # refused in collect_new_providers
        choices = [self.providers[pk].name for pk in self.editable if pk in self.providers]
        hints = csv_format.closest(row.provider, choices)
        did_you_mean = f" Did you mean {or_list(hints)}?" if hints else ""
        add = (
            " To add it as a new provider, fill in provider_description"
            if self.reviewer
            else f" Your organisation's providers are {self.editable_names()}"
        )
        self.problem(
            row,
            "provider",
            row.provider,
            f"There is no provider called {row.provider} in the directory.{did_you_mean}{add}",
        )
        return None

    # Services -----------------------------------------------------------------------------------

    def existing_service(self, row: ServiceRow) -> tuple[bool, Service | None]:
        """(whether the id is usable, the service it names)."""
        if row.id is None:
            return True, None
        first = self.id_rows.setdefault(row.id, row.row_number)
        if first != row.row_number:
            self.problem(
                row,
                "id",
                str(row.id),
                f"Row {first} has the same id: a service must be on one row only. Merge rows "
                f"{first} and {row.row_number}",
            )
            return False, None
        service = self.services.get(row.id)
        if service is None:
            self.problem(
                row,
                "id",
                str(row.id),
                "No service has this id: leave id blank to add a new service, or copy the id "
                "from an export of this directory",
            )
            return False, None
        if service.provider_id not in self.editable:
            self.problem(
                row,
                "id",
                str(row.id),
                f"You cannot change {service.name}: it is run by {service.provider.name}, which "
                "is not one of your organisation's providers",
            )
            return False, None
        return True, service

    def check_new_name(self, row: ServiceRow, provider) -> None:
        key = (_provider_key(provider), fold(row.name))
        if isinstance(provider, Provider):
            existing = self.service_names[provider.pk].get(fold(row.name))
            if existing is not None:
                self.problem(
                    row,
                    "name",
                    row.name,
                    f"{provider.name} already has a service called {row.name} (id {existing}): "
                    "put that id in the id column to update it, or give the new service "
                    "another name",
                )
                return
        first = self.new_service_rows.setdefault(key, row.row_number)
        if first != row.row_number:
            self.problem(
                row,
                "name",
                row.name,
                f"Row {first} adds a service with the same name and provider: keep one row, or "
                "give the services different names",
            )

    def plan_row(self, row: ServiceRow) -> _Plan | None:
        usable, service = self.existing_service(row)
        provider = self.provider(row)
        if not usable or provider is None:
            return None
        if service is None:
            self.check_new_name(row, provider)
            current = None
            base = _blank_snapshot()
        else:
            current = records.snapshot_of(service)
            pending = self.pending.get(service.pk)
            base = (
                records.normalise(pending.snapshot)
                if pending and not service.is_published
                else current
            )
        snapshot = self.snapshot(row, base)
        venues = self.venue_list(row, provider, base)
        self.check_values(row, snapshot)
        if venues is None:
            return None
        changed = not (
            current is not None
            and isinstance(provider, Provider)
            and all(isinstance(venue, Location) for venue in venues)
            and records.normalise(
                {**snapshot, "provider": str(provider.pk), "locations": [str(v.pk) for v in venues]}
            )
            == records.normalise(base)
        )
        return _Plan(
            row,
            service,
            provider,
            snapshot,
            venues,
            changed,
            had_pending=service is not None and service.pk in self.pending,
        )

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
        if any(row.has(column) for column in csv_format.CONTACT_COLUMNS):
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
        close = csv_format.closest(item, names, 3, cutoff=80)
        hints = list(dict.fromkeys(described + close))[:3]
        hints = hints or csv_format.closest(item, names, 3, cutoff=0)
        closest = (
            f" The closest are {or_list(hints)}."
            if len(hints) > 1
            else (f" The closest is {hints[0]}." if hints else "")
        )
        return (
            f"{item} is not one of the {many}.{closest} Use the name or code of a term "
            f"from the {many} list (Directory, Taxonomies)"
        )

    # Venues -------------------------------------------------------------------------------------

    def venue_list(self, row: ServiceRow, provider, base: dict):
        """The service's venues (None after a problem)."""
        if not row.has("venues"):
            venues = [
                venue for pk in base["locations"] if (venue := self.venues.get(uuid.UUID(pk)))
            ]
            if isinstance(provider, Provider):
                others = [v.name for v in venues if v.provider_id != provider.pk]
            else:
                others = [v.name for v in venues]
            if others:
                self.problem(
                    row,
                    "provider",
                    row.provider,
                    f"The service's venues ({or_list(others)}) belong to another provider: add "
                    f"a venues column naming {row.provider}'s venues, or leave it blank",
                )
                return None
            return venues
        before = self.log.count
        venues = [self.venue(row, provider, item) for item in row.venues]
        return None if self.log.count > before else venues

    def venue(self, row: ServiceRow, provider, item: str):
        name = provider.name
        existing = self.venues_of.get(provider.pk, []) if isinstance(provider, Provider) else []
        if (pk := _as_uuid(item)) is not None:
            venue = next((v for v in existing if v.pk == pk), None)
            if venue is None:
                self.problem(row, "venues", item, f"{name} has no venue with this id")
            return venue
        named = [v for v in existing if fold(v.name) == fold(item)]
        if len(named) > 1:
            ids = ", ".join(str(v.pk) for v in named)
            self.problem(
                row,
                "venues",
                item,
                f"{name} has {len(named)} venues called {item}: put the id of the one you mean "
                f"instead ({ids})",
            )
            return None
        if named:
            venue = named[0]
            if row.new_venue and not _same_address(row, venue):
                self.problem(
                    row,
                    "venue_address",
                    row.venue_address,
                    f"{name}'s venue {venue.name} is at {_address(venue)}: leave venue_address, "
                    "venue_town and venue_postcode blank to use it, and change a venue's address "
                    "on its page",
                )
            return venue
        planned = self.new_venues.get((_provider_key(provider), fold(item)))
        if planned is not None:
            if row.new_venue and not _same_planned_address(row, planned):
                self.problem(
                    row,
                    "venue_address",
                    row.venue_address,
                    f"Row {planned.row} gives the new venue {planned.name} a different address: "
                    "give the same address on both rows, or leave it blank on this one",
                )
            return planned
        if row.new_venue:
            venue = _NewVenue(
                provider,
                item,
                row.venue_address,
                row.venue_town,
                row.venue_postcode,
                row.row_number,
            )
            self.new_venues[(_provider_key(provider), fold(item))] = venue
            return venue
        names = [v.name for v in existing]
        listed = f"Its venues are {or_list(sorted(names))}." if names else "It has no venues yet."
        self.problem(
            row,
            "venues",
            item,
            f"{name} has no venue called {item}. {listed} To add a venue, give its name here and "
            "fill in venue_address, venue_town and venue_postcode",
        )
        return None


_WHAT = {"url": "web address", "email": "email address", "contact_email": "email address"}


def _as_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _address(venue: Location) -> str:
    return ", ".join(part for part in (venue.address_1, venue.city, venue.postal_code) if part)


def _same_address(row: ServiceRow, venue: Location) -> bool:
    return (
        fold(row.venue_address) == fold(venue.address_1)
        and fold(row.venue_town) == fold(venue.city)
        and row.venue_postcode == geography.normalise_postcode(venue.postal_code)
    )


def _same_planned_address(row: ServiceRow, venue: _NewVenue) -> bool:
    return (
        fold(row.venue_address) == fold(venue.address)
        and fold(row.venue_town) == fold(venue.town)
        and row.venue_postcode == venue.postcode
    )


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


def _apply(actor, plans: list[_Plan], planner: _Planner, file_name: str, progress) -> list:
    note = f"Imported from {file_name}"[:500]
    for new in planner.new_providers.values():
        new.created = services.save_provider(
            actor=actor, provider=Provider(name=new.name, description=new.description)
        )
    for venue in planner.new_venues.values():
        place = geography.locate(venue.postcode)
        venue.created = services.save_location(
            actor=actor,
            location=Location(
                provider=_saved(venue.provider),
                name=venue.name,
                address_1=venue.address,
                city=venue.town,
                postal_code=venue.postcode,
                latitude=place.latitude if place else None,
                longitude=place.longitude if place else None,
            ),
        )
    outcomes = []
    for done, plan in enumerate(plans):
        if progress and done % 20 == 0:
            progress("Saving", done, len(plans))
        service_id = ""
        if plan.service is None:
            revision = services.create_service(
                actor=actor,
                provider=_saved(plan.provider),
                snapshot=plan.resolved_snapshot(),
                note=note,
                source="import",
            )
            service_id = str(revision.service_id)
        elif plan.changed:
            services.propose_change(
                actor=actor,
                service=plan.service,
                snapshot=plan.resolved_snapshot(),
                note=note,
                source="import",
            )
        outcomes.append(plan.outcome(planner.reviewer, service_id))
    if progress:
        progress("Saving", len(plans), len(plans))
    return outcomes
