"""Which published services an ORUK list asks for: the filters in its query string, checked
against the directory, and the services they allow in result order (the search index's)."""

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, time

from django.db.models import Q, QuerySet

from opensend.directory import geography, queries
from opensend.directory.api_parameters import (
    MAX_TEXT,
    BadParameter,
    just_before,
    parse_age,
    parse_days,
    parse_moment,
    parse_place,
    parse_time,
    parse_uuid,
    parse_uuids,
)
from opensend.directory.models import Provider, Taxonomy, TaxonomyTerm
from opensend.directory.search import SearchQuery


@dataclass(frozen=True)
class Filters:
    """The filters a list of services (or of services at locations) was asked for."""

    text: str = ""
    term_groups: tuple[frozenset[str], ...] = ()
    taxonomy_id: str | None = None
    organization_id: uuid.UUID | None = None
    age: int | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    modified_after: datetime | None = None
    place: geography.Place | None = None
    within_km: float | None = None
    days: frozenset[int] = frozenset()
    start_time: time | None = None
    end_time: time | None = None

    def __bool__(self) -> bool:
        return self != Filters()


def service_filters(params) -> Filters:
    """The filters in a request's query string (a QueryDict); BadParameter if one is unusable."""
    text = (params.get("search") or "").strip() or (params.get("text") or "").strip()
    term_groups = parse_uuids("taxonomy_term_id", params.getlist("taxonomy_term_id"))
    taxonomy = parse_uuid("taxonomy_id", params.get("taxonomy_id"))
    organization_id = parse_uuid("organization_id", params.get("organization_id"))
    _check_exist(term_groups, taxonomy, organization_id)
    located = parse_place(params.get("postcode"), params.get("proximity"))
    modified_after = parse_moment("modified_after", params.get("modified_after"))
    return Filters(
        text=text[:MAX_TEXT],
        term_groups=tuple(frozenset(str(t) for t in group) for group in term_groups),
        taxonomy_id=str(taxonomy) if taxonomy else None,
        organization_id=organization_id,
        age=parse_age("age", params.get("age"), rounding=math.floor),
        minimum_age=parse_age("minimum_age", params.get("minimum_age"), rounding=math.ceil),
        maximum_age=parse_age("maximum_age", params.get("maximum_age"), rounding=math.floor),
        # ORUK asks for records modified on or after the moment; the index compares strictly.
        modified_after=just_before(modified_after) if modified_after else None,
        place=located[0] if located else None,
        within_km=located[1] if located else None,
        days=parse_days(params.get("day")),
        start_time=parse_time("start_time", params.get("start_time")),
        end_time=parse_time("end_time", params.get("end_time")),
    )


def _check_exist(term_groups, taxonomy, organization_id) -> None:
    """Refuse ids of records that do not exist, rather than answer an empty list."""
    check_terms("taxonomy_term_id", {t for group in term_groups for t in group})
    check_taxonomy("taxonomy_id", taxonomy)
    if organization_id and not published_providers().filter(pk=organization_id).exists():
        raise BadParameter(
            f"organization_id: no organization has the id {organization_id}. "
            "The organizations are listed at /api/oruk/organizations"
        )


def matching_services(filters: Filters) -> list[int]:
    """Search keys (`uuid.int`) of the published services the filters allow, in result order:
    ids are made only for the page shown."""
    index = queries.search_index()
    place = filters.place
    found = index.search(
        SearchQuery(
            text=filters.text,
            term_groups=filters.term_groups,
            taxonomy_id=filters.taxonomy_id,
            age=filters.age,
            minimum_age=filters.minimum_age,
            maximum_age=filters.maximum_age,
            near=(place.latitude, place.longitude) if place else None,
            within_km=filters.within_km,
            modified_after=filters.modified_after,
            sort="relevance" if filters.text else "name",
            page=1,
            per_page=max(1, len(index)),
            include_unlisted=True,  # the public search hides services not running; ORUK does not
        )
    )
    keys = [hit.key for hit in found.hits]
    allowed = _allowed_by_database(filters)
    if allowed is None:
        return keys
    allowed_keys = {pk.int for pk in allowed}
    return [key for key in keys if key in allowed_keys]


def _allowed_by_database(filters: Filters) -> set[uuid.UUID] | None:
    """The services the filters the index does not hold allow (None: no such filter)."""
    services = None
    if filters.organization_id is not None:
        services = Q(provider_id=filters.organization_id)
    timed = {}
    if filters.days:
        timed["opening_times__weekday__in"] = sorted(filters.days)
    if filters.start_time is not None:
        timed["opening_times__opens_at__gte"] = filters.start_time
    if filters.end_time is not None:
        timed["opening_times__closes_at__lte"] = filters.end_time
    if timed:
        services = services & Q(**timed) if services is not None else Q(**timed)
    if services is None:
        return None
    return set(queries.published_services().filter(services).values_list("pk", flat=True))


def check_terms(name: str, terms: set[uuid.UUID]) -> None:
    if not terms:
        return
    known = set(TaxonomyTerm.objects.filter(pk__in=terms).values_list("pk", flat=True))
    unknown = sorted(terms - known, key=str)
    if unknown:
        raise BadParameter(
            f"{name}: no taxonomy term has the id {unknown[0]}. "
            "The terms are listed at /api/oruk/taxonomy_terms"
        )


def check_taxonomy(name: str, taxonomy: uuid.UUID | None) -> None:
    if taxonomy and not Taxonomy.objects.filter(pk=taxonomy).exists():
        raise BadParameter(
            f"{name}: no taxonomy has the id {taxonomy}. "
            "The taxonomies are listed at /api/oruk/taxonomies"
        )


def published_providers() -> QuerySet[Provider]:
    """The organisations that run at least one published service."""
    return Provider.objects.filter(pk__in=queries.published_services().values("provider_id"))
