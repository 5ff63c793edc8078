"""The Local Offer as an Open Referral UK 3.0 API, under /api/oruk/ (docs/api.md).

Anonymous, read-only JSON: published services (whatever their status: an inactive or defunct
service's status tells consumers), the organisations that run them, the venues they are
delivered at, and every taxonomy and term. Records come from `opensend.directory.oruk`.

Lists are pages in ORUK's envelope. The search index (`queries.search_index`, through
`api_filters`) chooses and orders the services: by relevance with `search`, by name otherwise.
Parameters are read by `api_parameters`. Filters are cumulative (AND), as HSDS
asks. Bad parameters answer 400 and unknown ids 404, both as `{"detail": "..."}`; the CORS
header and the OPTIONS preflight are added by `api_urls`.
"""

import uuid

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import reverse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from opensend.directory import geography, oruk, queries
from opensend.directory.api_filters import (
    Filters,
    check_taxonomy,
    check_terms,
    matching_services,
    published_providers,
    service_filters,
)
from opensend.directory.api_parameters import (  # noqa: F401 (the API's names for them)
    DEFAULT_PER_PAGE,
    DEFAULT_PROXIMITY_METRES,
    MAX_PER_PAGE,
    BadParameter,
    NotFound,
    parse_flag,
    parse_moment,
    parse_page,
    parse_uuid,
)
from opensend.directory.models import (
    LocationAccessibility,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    TaxonomyTerm,
)

# The ORUK 3.0 schemas, as served by this API (api_urls), relative to its OpenAPI document.
SCHEMA_BASE = "schemas/"

api = NinjaAPI(
    title="Local Offer: Open Referral UK 3.0",
    version="3.0",
    description=(
        "The Local Offer directory as an Open Referral UK 3.0 (HSDS-UK-3.0) feed: anonymous, "
        "read-only JSON. Extensions beyond the UK profile are named in docs/api.md."
    ),
    urls_namespace="oruk",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


# Errors -----------------------------------------------------------------------------------------


def _json(data, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


@api.exception_handler(BadParameter)
def _bad_parameter(request, exc: BadParameter):
    return _json({"detail": exc.detail}, status=400)


@api.exception_handler(NotFound)
def _not_found(request, exc: NotFound):
    return _json({"detail": exc.detail}, status=404)


@api.exception_handler(Http404)
def _http_404(request, exc):
    return _json({"detail": "Not found. The API's addresses are listed at /api/oruk/docs"}, 404)


@api.exception_handler(ValidationError)
def _validation_error(request, exc: ValidationError):
    names = sorted({str(e.get("loc", ["", "parameter"])[-1]) for e in exc.errors})
    return _json({"detail": f"Check the parameters: {', '.join(names)}"}, status=400)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return _json({"detail": str(exc)}, status=exc.status_code)


# Reads ------------------------------------------------------------------------------------------


def _full_services(services: QuerySet[Service]) -> QuerySet[Service]:
    """Services with everything compiled/service.json shows."""
    return services.select_related("provider").prefetch_related(
        Prefetch("attributes", queryset=ServiceAttribute.objects.select_related("term__taxonomy")),
        "opening_times",
        "cost_options",
        "contacts",
        "service_areas",
        Prefetch("at_locations", queryset=_full_at_locations(ServiceAtLocation.objects.all())),
    )


def _full_at_locations(at_locations: QuerySet[ServiceAtLocation]) -> QuerySet[ServiceAtLocation]:
    return at_locations.select_related("location").prefetch_related(
        Prefetch(
            "location__locationaccessibility_set",
            queryset=LocationAccessibility.objects.select_related("term__taxonomy"),
        )
    )


def _name_order(queryset: QuerySet) -> QuerySet:
    """Name order as the search index sorts: case-insensitive, then name, then id."""
    return queryset.order_by(Lower("name"), "name", "id")


def _published_at_locations() -> QuerySet[ServiceAtLocation]:
    return ServiceAtLocation.objects.filter(service__is_published=True)


def _in_order(objects, ids: list) -> list:
    by_id = {obj.pk: obj for obj in objects}
    return [by_id[i] for i in ids if i in by_id]


# Paging -----------------------------------------------------------------------------------------


def _page_params(request: HttpRequest) -> tuple[int, int]:
    return parse_page(request.GET.get("page"), request.GET.get("per_page"))


def _page_of_queryset(request: HttpRequest, queryset: QuerySet, serialise) -> JsonResponse:
    page, per_page = _page_params(request)
    total = queryset.count()
    start = (page - 1) * per_page
    rows = list(queryset[start : start + per_page]) if start < total else []
    return _json(oruk.page_envelope(total, page, per_page, [serialise(row) for row in rows]))


def _ids_page(request: HttpRequest, ids: list) -> tuple[int, int, list]:
    page, per_page = _page_params(request)
    start = (page - 1) * per_page
    return page, per_page, ids[start : start + per_page]


def _search_text(request: HttpRequest) -> str:
    return (request.GET.get("search") or request.GET.get("text") or "").strip()


# Operations -------------------------------------------------------------------------------------


def _parameter(name: str, description: str, kind: str = "string", **schema) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": kind, **schema},
    }


PAGE_PARAMETERS = [
    _parameter("page", "Page number, from 1 (default 1).", "integer", minimum=1),
    _parameter(
        "per_page",
        f"Records a page (default {DEFAULT_PER_PAGE}, at most {MAX_PER_PAGE}).",
        "integer",
        minimum=1,
        maximum=MAX_PER_PAGE,
    ),
]
SERVICE_PARAMETERS = [
    _parameter("search", "Full-text search; results in order of relevance."),
    _parameter("text", "The ORUK 1.0 name of `search` (used when `search` is absent)."),
    _parameter(
        "taxonomy_term_id",
        "Services tagged with this term or a narrower one. Repeat for AND; separate ids with "
        "commas for OR.",
    ),
    _parameter("taxonomy_id", "Services tagged with any term of this taxonomy."),
    _parameter("organization_id", "Services this organization runs."),
    _parameter("minimum_age", "Services whose minimum age is at least this (ORUK 3.0).", "number"),
    _parameter("maximum_age", "Services whose maximum age is at most this (ORUK 3.0).", "number"),
    _parameter("age", "Extension: services for a person of this age in years.", "integer"),
    _parameter(
        "modified_after",
        "Services modified on or after this ISO 8601 date-time (or date; UK time without an "
        "offset).",
        format="date-time",
    ),
    _parameter("postcode", "A UK postcode or outward code; with `proximity`, services near it."),
    _parameter(
        "proximity",
        f"Metres from the postcode's district centre (default {DEFAULT_PROXIMITY_METRES}, "
        "20 miles).",
        "number",
    ),
    _parameter("day", "Open on this day: MO, TU, WE, TH, FR, SA or SU (commas for any of)."),
    _parameter("start_time", "A session opening at or after this time (HH:MM, UK time)."),
    _parameter("end_time", "A session closing at or before this time (HH:MM, UK time)."),
]
SEARCH_PARAMETER = [_parameter("search", "Words in the name or description.")]


def _operation(schema: str, parameters=(), listed: bool = False) -> dict:
    """OpenAPI details of an operation: its parameters and the ORUK schema of its answer."""
    target = {"$ref": SCHEMA_BASE + schema}
    if listed:
        content = {
            "type": "object",
            "properties": {
                "total_items": {"type": "integer"},
                "total_pages": {"type": "integer"},
                "page_number": {"type": "integer"},
                "size": {"type": "integer"},
                "first_page": {"type": "boolean"},
                "last_page": {"type": "boolean"},
                "empty": {"type": "boolean"},
                "contents": {"type": "array", "items": target},
            },
        }
        parameters = [*parameters, *PAGE_PARAMETERS]
    else:
        content = target
    errors = {"description": "A parameter the API cannot use, or an unknown id: {detail}"}
    return {
        "parameters": list(parameters),
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": content}}},
            "400": errors,
            "404": errors,
        },
    }


def _detail_id(name: str, value: str) -> uuid.UUID:
    parsed = parse_uuid(name, value)
    if parsed is None:
        raise BadParameter(f"{name} must be a UUID")
    return parsed


@api.get("/", openapi_extra={"responses": {"200": {"description": "About this API"}}})
def root(request):
    """The API's version (HSDS-UK-3.0), its profile and its OpenAPI document."""
    return _json(
        {
            "version": oruk.VERSION,
            "profile": oruk.PROFILE_URL,
            "openapi_url": request.build_absolute_uri(reverse("oruk:openapi-json")),
        }
    )


@api.get(
    "/services", openapi_extra=_operation("compiled/service_list.json", SERVICE_PARAMETERS, True)
)
def services(request):
    """Published services, with their organization. Always through the search index, which
    holds every published service and pages them faster than an ordered SQL query."""
    keys = matching_services(service_filters(request.GET))
    page, per_page, chosen_keys = _ids_page(request, keys)
    chosen = [uuid.UUID(int=key) for key in chosen_keys]
    found = queries.published_services().filter(pk__in=chosen).select_related("provider")
    contents = [oruk.service_summary(s) for s in _in_order(found, chosen)]
    return _json(oruk.page_envelope(len(keys), page, per_page, contents))


@api.get("/services/{str:service_id}", openapi_extra=_operation("compiled/service.json"))
def service(request, service_id: str):
    """A published service with everything attached to it."""
    pk = _detail_id("service_id", service_id)
    found = _full_services(queries.published_services().filter(pk=pk)).first()
    if found is None:
        raise NotFound(f"No published service has the id {pk}")
    return _json(oruk.service(found))


@api.get(
    "/service_at_locations",
    openapi_extra=_operation(
        "compiled/service_at_location_list.json", SERVICE_PARAMETERS, listed=True
    ),
)
def service_at_locations(request):
    """Each venue of each published service, with the service and the location, in the
    services' order (the search index's), then the venues' names."""
    filters = service_filters(request.GET)
    ids = _matching_at_locations(filters)
    page, per_page, chosen = _ids_page(request, ids)
    found = _published_at_locations().filter(pk__in=chosen)
    found = found.select_related("location", "service__provider")
    contents = [oruk.service_at_location_summary(sal) for sal in _in_order(found, chosen)]
    return _json(oruk.page_envelope(len(ids), page, per_page, contents))


def _matching_at_locations(filters: Filters) -> list[uuid.UUID]:
    """Services at locations whose service the filters allow, in the services' order; with a
    postcode, only the locations within the distance."""
    rank = {pk: position for position, pk in enumerate(matching_services(filters))}
    rows = _published_at_locations().values_list(
        "id", "service_id", "location__name", "location__latitude", "location__longitude"
    )
    kept = []
    place = filters.place
    for pk, service_id, name, lat, lon in rows:
        if service_id.int not in rank:
            continue
        if place is not None:
            if lat is None or lon is None:
                continue
            distance = geography.distance_km(place.latitude, place.longitude, lat, lon)
            if distance > filters.within_km:
                continue
        kept.append((rank[service_id.int], name, str(pk), pk))
    kept.sort()
    return [row[-1] for row in kept]


@api.get(
    "/service_at_locations/{str:service_at_location_id}",
    openapi_extra=_operation("compiled/service.json"),
)
def service_at_location(request, service_at_location_id: str):
    """A service at a location in full. Also carries the service's `name` and `status`, so it
    validates against compiled/service.json, the schema the ORUK 3.0 OpenAPI declares."""
    pk = _detail_id("service_at_location_id", service_at_location_id)
    found = (
        _full_at_locations(_published_at_locations().filter(pk=pk))
        .select_related("service__provider")
        .prefetch_related(
            Prefetch(
                "service__attributes",
                queryset=ServiceAttribute.objects.select_related("term__taxonomy"),
            ),
            "service__opening_times",
            "service__cost_options",
            "service__contacts",
            "service__service_areas",
        )
        .first()
    )
    if found is None:
        raise NotFound(f"No service at location has the id {pk}")
    return _json(oruk.service_at_location(found))


@api.get("/taxonomies", openapi_extra=_operation("taxonomy.json", SEARCH_PARAMETER, True))
def taxonomies(request):
    """Every taxonomy."""
    queryset = queries.taxonomies()
    if text := _search_text(request):
        queryset = queryset.filter(Q(name__icontains=text) | Q(description__icontains=text))
    return _page_of_queryset(request, queryset, oruk.taxonomy)


@api.get("/taxonomies/{str:taxonomy_id}", openapi_extra=_operation("taxonomy.json"))
def taxonomy(request, taxonomy_id: str):
    """A taxonomy with all its terms."""
    pk = _detail_id("taxonomy_id", taxonomy_id)
    found = queries.taxonomies().filter(pk=pk).first()
    if found is None:
        raise NotFound(f"No taxonomy has the id {pk}")
    terms = TaxonomyTerm.objects.filter(taxonomy=found).select_related("taxonomy")
    return _json(oruk.taxonomy(found, terms))


TERM_PARAMETERS = [
    _parameter("taxonomy_id", "Terms of this taxonomy."),
    _parameter("parent_id", "Terms directly under this term."),
    _parameter("top_only", "true: only terms with no broader term.", "boolean"),
    _parameter("search", "Words in the term's name or description."),
]


@api.get("/taxonomy_terms", openapi_extra=_operation("taxonomy_term.json", TERM_PARAMETERS, True))
def taxonomy_terms(request):
    """Every taxonomy term, retired ones included (`x_active` false)."""
    queryset = TaxonomyTerm.objects.select_related("taxonomy")
    if taxonomy_pk := parse_uuid("taxonomy_id", request.GET.get("taxonomy_id")):
        check_taxonomy("taxonomy_id", taxonomy_pk)
        queryset = queryset.filter(taxonomy_id=taxonomy_pk)
    if parent_pk := parse_uuid("parent_id", request.GET.get("parent_id")):
        check_terms("parent_id", {parent_pk})
        queryset = queryset.filter(parent_id=parent_pk)
    if parse_flag("top_only", request.GET.get("top_only")):
        queryset = queryset.filter(parent__isnull=True)
    if text := _search_text(request):
        queryset = queryset.filter(Q(name__icontains=text) | Q(description__icontains=text))
    return _page_of_queryset(request, queryset, oruk.taxonomy_term)


@api.get("/taxonomy_terms/{str:term_id}", openapi_extra=_operation("taxonomy_term.json"))
def taxonomy_term(request, term_id: str):
    """A taxonomy term."""
    pk = _detail_id("term_id", term_id)
    found = TaxonomyTerm.objects.select_related("taxonomy").filter(pk=pk).first()
    if found is None:
        raise NotFound(f"No taxonomy term has the id {pk}")
    return _json(oruk.taxonomy_term(found))


@api.get(
    "/organizations",
    openapi_extra=_operation("compiled/organization_list.json", SEARCH_PARAMETER, True),
)
def organizations(request):
    """Organizations that run at least one published service."""
    queryset = published_providers()
    if text := _search_text(request):
        queryset = queryset.filter(Q(name__icontains=text) | Q(description__icontains=text))
    return _page_of_queryset(request, _name_order(queryset), oruk.organization_summary)


@api.get(
    "/organizations/{str:organization_id}",
    openapi_extra=_operation("compiled/organization.json"),
)
def organization(request, organization_id: str):
    """An organization with its published services and where each is delivered."""
    pk = _detail_id("organization_id", organization_id)
    found = published_providers().filter(pk=pk).first()
    if found is None:
        raise NotFound(f"No organization with published services has the id {pk}")
    services_run = _name_order(
        queries.published_services().filter(provider=found)
    ).prefetch_related(
        Prefetch("at_locations", queryset=ServiceAtLocation.objects.select_related("location"))
    )
    return _json(oruk.organization(found, services_run))
