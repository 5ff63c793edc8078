"""The Local Offer as an Open Referral UK 3.0 API, under /api/oruk/ (docs/api.md).

Anonymous, read-only JSON: published services (whatever their status: an inactive or defunct
service's status tells consumers), the organisations that run them, the venues they are
delivered at, and every taxonomy and term. Records come from `opensend.directory.oruk`.

Lists are pages in ORUK's envelope. With no filter they are read from the database in name
order; with any filter the search index (`queries.search_index`) chooses and orders the
services: by relevance with `search`, by name otherwise. Filters are cumulative (AND), as HSDS
asks. Bad parameters answer 400 and unknown ids 404, both as `{"detail": "..."}`; the CORS
header and the OPTIONS preflight are added by `api_urls`.
"""

import math
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import reverse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from opensend.directory import geography, oruk, queries
from opensend.directory.models import (
    LocationAccessibility,
    Provider,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    Taxonomy,
    TaxonomyTerm,
)
from opensend.directory.search import SearchQuery

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
DEFAULT_PROXIMITY_METRES = 32187  # 20 miles, the default radius of DfE's "Find support"
MAX_TEXT = 500
UK_TIME = ZoneInfo("Europe/London")
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
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


class BadParameter(Exception):
    """A query or path parameter the API cannot use; `detail` says which and how to fix it."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


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


# Parameters (pure: each returns a value or raises BadParameter) ---------------------------------


def parse_page(page: str | None, per_page: str | None) -> tuple[int, int]:
    """The page number (1 or more) and page size (1 to MAX_PER_PAGE)."""
    number = _whole(page, 1, 10**18, 1, "page must be a whole number, 1 or more, like page=2")
    size = _whole(
        per_page,
        1,
        MAX_PER_PAGE,
        DEFAULT_PER_PAGE,
        f"per_page must be a whole number from 1 to {MAX_PER_PAGE}, like per_page=50",
    )
    return number, size


def _whole(value: str | None, low: int, high: int, default: int, message: str) -> int:
    if value is None or value.strip() == "":
        return default
    text = value.strip()
    if not re.fullmatch(r"[0-9]{1,18}", text) or not low <= int(text) <= high:
        raise BadParameter(message)
    return int(text)


def parse_uuid(name: str, value: str | None) -> uuid.UUID | None:
    if value is None or value.strip() == "":
        return None
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise BadParameter(
            f"{name} must be a UUID, like {name}=3fa85f64-5717-4562-b3fc-2c963f66afa6"
        ) from None


def parse_uuids(name: str, values: list[str]) -> list[frozenset[uuid.UUID]]:
    """Each use of a repeatable id parameter as a group; commas within one use mean "any of"."""
    groups = []
    for value in values:
        parts = [parse_uuid(name, part) for part in value.split(",") if part.strip()]
        if parts:
            groups.append(frozenset(p for p in parts if p is not None))
    return groups


def parse_age(name: str, value: str | None, *, rounding) -> int | None:
    """An age in years; a fractional age is rounded the way that keeps the filter exact."""
    if value is None or value.strip() == "":
        return None
    message = f"{name} must be an age in years, 0 or more, like {name}=5"
    try:
        number = float(value.strip())
    except ValueError:
        raise BadParameter(message) from None
    if not math.isfinite(number) or number < 0 or number > 1000:
        raise BadParameter(message)
    return int(rounding(number))


def parse_moment(name: str, value: str | None) -> datetime | None:
    """An ISO 8601 date-time, or a date meaning its start; UK time when no offset is given."""
    if value is None or value.strip() == "":
        return None
    text = value.strip()
    # A "+" in a query string arrives as a space unless it was encoded.
    text = re.sub(r"(T[0-9:.]+) ([0-9]{2}(:?[0-9]{2})?)$", r"\1+\2", text)
    message = (
        f"{name} must be a date or date-time in ISO 8601 form, like {name}=2025-01-31 or "
        f"{name}=2025-01-31T09:30:00Z"
    )
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            moment = datetime.combine(date.fromisoformat(text), time())
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise BadParameter(message) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UK_TIME)
    return moment


def just_before(moment: datetime) -> datetime:
    """A microsecond before the moment, in UTC, so that a strict "after" includes the moment;
    held within the range a datetime can hold."""
    earliest = datetime.min.replace(tzinfo=UTC)
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:  # within a day of year 1 or year 9999
        return earliest if moment.year == 1 else datetime.max.replace(tzinfo=UTC)
    return utc if utc == earliest else utc - timedelta(microseconds=1)


def parse_days(value: str | None) -> frozenset[int]:
    """Weekdays (0 Monday) from iCalendar codes (MO) or names (monday), comma-separated."""
    if value is None or value.strip() == "":
        return frozenset()
    days = set()
    for part in value.split(","):
        word = part.strip().lower()
        if not word:
            continue
        if word.upper() in oruk.BYDAY:
            days.add(oruk.BYDAY.index(word.upper()))
        elif word in DAY_NAMES:
            days.add(DAY_NAMES.index(word))
        else:
            raise BadParameter("day must be a day of the week, like day=MO or day=monday")
    return frozenset(days)


def parse_time(name: str, value: str | None) -> time | None:
    if value is None or value.strip() == "":
        return None
    try:
        moment = time.fromisoformat(value.strip())
    except ValueError:
        raise BadParameter(f"{name} must be a time of day, like {name}=15:30") from None
    return moment.replace(tzinfo=None)


def parse_proximity(value: str | None) -> float | None:
    """A distance in metres, more than 0."""
    if value is None or value.strip() == "":
        return None
    message = "proximity must be a distance in metres, more than 0, like proximity=5000"
    try:
        metres = float(value.strip())
    except ValueError:
        raise BadParameter(message) from None
    if not math.isfinite(metres) or metres <= 0:
        raise BadParameter(message)
    return metres


def parse_flag(name: str, value: str | None) -> bool:
    if value is None or value.strip() == "":
        return False
    word = value.strip().lower()
    if word in {"true", "1", "yes"}:
        return True
    if word in {"false", "0", "no"}:
        return False
    raise BadParameter(f"{name} must be true or false, like {name}=true")


def parse_place(
    postcode: str | None, proximity: str | None
) -> tuple[geography.Place, float] | None:
    """Where to measure from, and the radius in kilometres."""
    metres = parse_proximity(proximity)
    if postcode is None or postcode.strip() == "":
        if metres is not None:
            raise BadParameter("proximity needs a postcode to measure from, like postcode=YO1 7HH")
        return None
    try:
        place = geography.find_place(postcode)
    except geography.LocationError as error:
        raise BadParameter(f"postcode: {error.message}") from None
    return place, (metres if metres is not None else DEFAULT_PROXIMITY_METRES) / 1000


# Service filters --------------------------------------------------------------------------------


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
    _check_terms("taxonomy_term_id", {t for group in term_groups for t in group})
    _check_taxonomy("taxonomy_id", taxonomy)
    if organization_id and not _published_providers().filter(pk=organization_id).exists():
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


def _check_terms(name: str, terms: set[uuid.UUID]) -> None:
    if not terms:
        return
    known = set(TaxonomyTerm.objects.filter(pk__in=terms).values_list("pk", flat=True))
    unknown = sorted(terms - known, key=str)
    if unknown:
        raise BadParameter(
            f"{name}: no taxonomy term has the id {unknown[0]}. "
            "The terms are listed at /api/oruk/taxonomy_terms"
        )


def _check_taxonomy(name: str, taxonomy: uuid.UUID | None) -> None:
    if taxonomy and not Taxonomy.objects.filter(pk=taxonomy).exists():
        raise BadParameter(
            f"{name}: no taxonomy has the id {taxonomy}. "
            "The taxonomies are listed at /api/oruk/taxonomies"
        )


# Reads ------------------------------------------------------------------------------------------


def _published_providers() -> QuerySet[Provider]:
    return Provider.objects.filter(pk__in=queries.published_services().values("provider_id"))


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
        _check_taxonomy("taxonomy_id", taxonomy_pk)
        queryset = queryset.filter(taxonomy_id=taxonomy_pk)
    if parent_pk := parse_uuid("parent_id", request.GET.get("parent_id")):
        _check_terms("parent_id", {parent_pk})
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
    queryset = _published_providers()
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
    found = _published_providers().filter(pk=pk).first()
    if found is None:
        raise NotFound(f"No organization with published services has the id {pk}")
    services_run = _name_order(
        queries.published_services().filter(provider=found)
    ).prefetch_related(
        Prefetch("at_locations", queryset=ServiceAtLocation.objects.select_related("location"))
    )
    return _json(oruk.organization(found, services_run))
