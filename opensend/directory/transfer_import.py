"""Importing the directory's services: checking every row against the directory and saving.

`_Planner` checks every row (with `_ProviderChecks` for providers and venues and
`_DetailChecks` for the details and terms) and works out what it will do as a `_Plan`;
`_apply` saves the plans when no row has a problem. `transfer.import_services` runs both.
"""

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from opensend.core.csv_upload import ErrorLog
from opensend.directory import geography, queries, records, services
from opensend.directory.csv_layout import ServiceRow
from opensend.directory.csv_values import fold
from opensend.directory.models import (
    Location,
    Provider,
    RevisionState,
    Service,
    ServiceRevision,
    TaxonomyTerm,
)
from opensend.directory.transfer_details import _blank_snapshot, _DetailChecks
from opensend.directory.transfer_providers import (
    _NewProvider,
    _NewVenue,
    _provider_key,
    _ProviderChecks,
    _saved,
)

Progress = Callable[[str, int, int], None]
"""Told (stage, rows done, rows in all) as a long import goes on."""


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


class _Planner(_ProviderChecks, _DetailChecks):
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
