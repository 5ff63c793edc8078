"""The providers and venues an import's rows name: existing ones by name or id, or new ones.

`_ProviderChecks` is the part of the import's planner (`transfer_import._Planner`) that finds
each row's provider and venues, and collects the providers and venues the file adds.
"""

import uuid
from dataclasses import dataclass

from opensend.core.identifiers import as_uuid
from opensend.directory import csv_values, geography
from opensend.directory.csv_layout import ServiceRow
from opensend.directory.csv_values import fold, or_list
from opensend.directory.models import Location, Provider


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


class _ProviderChecks:
    """The planner's checks of providers and venues (`_Planner` loads the providers and venues
    they are checked against)."""

    # Providers ----------------------------------------------------------------------------------

    def collect_new_providers(self, rows: list[ServiceRow]) -> None:
        """Providers the file adds: names not in the directory, given a description."""
        for row in rows:
            name, description = row.provider, row.provider_description
            if not description or self.providers_named.get(fold(name)) or as_uuid(name):
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
        if (pk := as_uuid(value)) is not None:
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
        hints = csv_values.closest(row.provider, choices)
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
        if (pk := as_uuid(item)) is not None:
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
