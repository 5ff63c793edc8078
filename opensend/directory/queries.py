"""Every read of the directory: the public view, the search index, and what editors may see."""

import gc
import threading
import uuid
from datetime import timedelta

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from opensend.accounts.roles import Role
from opensend.directory import search
from opensend.directory.models import (
    ChangeSuggestion,
    Location,
    OpeningTime,
    Provider,
    RevisionState,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    ServiceRevision,
    ServiceStatus,
    Taxonomy,
    TaxonomyTerm,
)

REVIEW_INTERVAL = timedelta(days=183)  # six months: "last reviewed" older than this is overdue
HIDDEN_FROM_SEARCH = (ServiceStatus.INACTIVE, ServiceStatus.DEFUNCT)


# Public -----------------------------------------------------------------------------------------


def published_services() -> QuerySet[Service]:
    """Services the public and the ORUK feed may see: approved at least once."""
    return Service.objects.filter(is_published=True)


def service_for_page(service_id) -> Service | None:
    """A published service with everything its public page shows."""
    return (
        published_services()
        .select_related("provider")
        .prefetch_related(
            Prefetch(
                "locations",
                queryset=Location.objects.prefetch_related("accessibility").order_by("name"),
            ),
            "terms__taxonomy",
            "opening_times",
            "cost_options",
            "contacts",
            "service_areas",
        )
        .filter(pk=service_id)
        .first()
    )


def is_overdue_for_review(service: Service, today=None) -> bool:
    today = today or timezone.localdate()
    return service.assured_date is None or service.assured_date < today - REVIEW_INTERVAL


def term_ancestors(rows=None) -> dict[str, list[str]]:
    """Each term id with the ids of the broader terms above it; `rows` are (id, parent id)
    pairs, read from the database when not given."""
    if rows is None:
        rows = TaxonomyTerm.objects.values_list("pk", "parent_id")
    parents = {str(pk): (str(parent) if parent else None) for pk, parent in rows}
    result = {}
    for term in parents:
        chain, seen = [], {term}
        above = parents.get(term)
        while above and above not in seen:
            chain.append(above)
            seen.add(above)
            above = parents.get(above)
        result[term] = chain
    return result


def with_narrower_terms(term_id) -> set[str]:
    """The term and every term under it, at any depth."""
    term = str(term_id)
    return {t for t, above in term_ancestors().items() if t == term or term in above}


def terms_of(vocabulary: str, active_only: bool = True) -> QuerySet[TaxonomyTerm]:
    terms = TaxonomyTerm.objects.filter(taxonomy__vocabulary=vocabulary).select_related("parent")
    return terms.filter(is_active=True) if active_only else terms


def index_documents() -> list[search.ServiceDocument]:
    """Every published service as a search document; those not running are unlisted (the
    public search leaves them out, the ORUK feed keeps them). Read as plain rows, one query per
    table: building model instances took most of the time for thousands of services."""
    terms_table = list(TaxonomyTerm.objects.values_list("pk", "parent_id", "taxonomy_id"))
    ancestors = term_ancestors((pk, parent) for pk, parent, _taxonomy in terms_table)
    taxonomy_of = {str(pk): str(taxonomy) for pk, _parent, taxonomy in terms_table}
    published = published_services()
    terms = _grouped(
        ServiceAttribute.objects.filter(service__in=published).values_list(
            "service_id", "term_id", "term__name"
        )
    )
    venues = _grouped(
        ServiceAtLocation.objects.filter(service__in=published).values_list(
            "service_id",
            "location__latitude",
            "location__longitude",
            "location__city",
            "location__postal_code",
        )
    )
    opening = _grouped(
        OpeningTime.objects.filter(service__in=published).values_list(
            "service_id", "weekday", "opens_at", "closes_at"
        )
    )
    rows = published.values_list(
        "pk",
        "name",
        "description",
        "provider__name",
        "minimum_age",
        "maximum_age",
        "is_free",
        "last_modified",
        "status",
    )
    documents = []
    for pk, name, description, provider, low, high, free, modified, status in rows:
        term_ids = set()
        for term_pk, _name in terms.get(pk, ()):
            term_ids.add(str(term_pk))
            term_ids.update(ancestors.get(str(term_pk), ()))
        places = venues.get(pk, ())
        documents.append(
            search.ServiceDocument(
                key=pk.int,
                name=name,
                description=description,
                provider=provider,
                terms=tuple(term_name for _pk, term_name in terms.get(pk, ())),
                term_ids=frozenset(term_ids),
                taxonomy_ids=frozenset(taxonomy_of[t] for t in term_ids if t in taxonomy_of),
                minimum_age=low,
                maximum_age=high,
                free=free,
                venues=tuple(
                    (lat, lon) for lat, lon, *_ in places if lat is not None and lon is not None
                ),
                places=tuple(
                    text for *_, city, postcode in places for text in (city, postcode) if text
                ),
                opening=tuple(search.OpeningTime(*row) for row in opening.get(pk, ())),
                modified=modified,
                listed=status not in HIDDEN_FROM_SEARCH,
            )
        )
    return documents


def _grouped(rows) -> dict:
    """Rows (key, *values) as lists of values by key."""
    grouped: dict = {}
    for key, *values in rows:
        grouped.setdefault(key, []).append(tuple(values))
    return grouped


def index_version() -> tuple:
    """Changes whenever anything the search index holds changes: every write to what a service
    shows (its details, provider, venues, terms) moves the service's `last_modified`
    (`services._touch_services`), and publishing or removing one changes the count."""
    services = published_services().aggregate(n=Count("pk"), latest=Max("last_modified"))
    return services["n"], services["latest"]


class _IndexCache:
    """The search index, rebuilt when `index_version` changes. One per process."""

    def __init__(self):
        self._lock = threading.Lock()
        self._version = None
        self._index: search.SearchIndex | None = None

    def get(self) -> search.SearchIndex:
        version = index_version()
        with self._lock:
            if self._index is None or version != self._version:
                self._index = search.SearchIndex.build(index_documents())
                self._version = version
                # The index is hundreds of thousands of long-lived objects without cycles:
                # take them out of the cyclic collector's reach, or each full collection
                # scans them all (an 80 ms pause in a search now and then). Replaced indexes
                # are still freed by reference counting. Collect first, so no cyclic garbage
                # of the moment is frozen with them.
                gc.collect()
                gc.freeze()
            return self._index

    def clear(self) -> None:
        with self._lock:
            self._index = None
            self._version = None


_index_cache = _IndexCache()


def search_index() -> search.SearchIndex:
    return _index_cache.get()


def forget_search_index() -> None:
    """Drop the cached index (tests, and after bulk loads that bypass `last_modified`)."""
    _index_cache.clear()


def services_by_key(keys: list[int]) -> dict[int, Service]:
    """Published services for search hits, with what a result shows, by search key."""
    services = (
        published_services()
        .filter(pk__in=[uuid.UUID(int=key) for key in keys])
        .select_related("provider")
        .prefetch_related("locations", "terms__taxonomy", "cost_options")
    )
    return {service.pk.int: service for service in services}


def taxonomies() -> QuerySet[Taxonomy]:
    return Taxonomy.objects.all()


# Editors ----------------------------------------------------------------------------------------


def is_reviewer(user) -> bool:
    """Directory editors at a local authority approve changes; so do administrators."""
    return bool(user and user.has_perm("directory.review_changes"))


def providers_editable_by(user) -> QuerySet[Provider]:
    """Reviewers see every provider; a provider's directory editors see their own."""
    if is_reviewer(user):
        return Provider.objects.all()
    if user.role == Role.DIRECTORY_EDITOR and user.organisation_id:
        return Provider.objects.filter(account_organisation_id=user.organisation_id)
    return Provider.objects.none()


def services_editable_by(user) -> QuerySet[Service]:
    return Service.objects.filter(provider__in=providers_editable_by(user))


def review_queue(user) -> QuerySet[ServiceRevision]:
    """Pending changes, oldest first."""
    return (
        ServiceRevision.objects.filter(
            state=RevisionState.PENDING, service__in=services_editable_by(user)
        )
        .select_related("service", "service__provider", "submitted_by")
        .order_by("submitted_at")
    )


def overdue_for_review(services: QuerySet[Service], today=None) -> QuerySet[Service]:
    """Those of `services` that are published, running and not reviewed for six months
    (families see a warning; providers are reminded)."""
    today = today or timezone.localdate()
    return (
        services.filter(is_published=True)
        .exclude(status__in=HIDDEN_FROM_SEARCH)
        .filter(Q(assured_date__isnull=True) | Q(assured_date__lt=today - REVIEW_INTERVAL))
    )


def overdue_services(user, today=None) -> QuerySet[Service]:
    """The user's services overdue for review, longest first."""
    return (
        overdue_for_review(services_editable_by(user), today)
        .select_related("provider")
        .order_by("assured_date", "name")
    )


def open_suggestions(user) -> QuerySet[ChangeSuggestion]:
    return (
        ChangeSuggestion.objects.filter(
            state=ChangeSuggestion.State.NEW, service__in=services_editable_by(user)
        )
        .select_related("service")
        .order_by("received_at")
    )
