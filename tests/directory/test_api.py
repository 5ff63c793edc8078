"""The Open Referral UK 3.0 API at /api/oruk/: every answer valid against the UK profile's
schemas, the paging envelope, each filter alone and combined, errors, CORS and speed."""

import math
import uuid
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlencode, urljoin

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opensend.directory import api_parameters, queries, services
from opensend.directory.models import (
    Location,
    Provider,
    Service,
    ServiceAtLocation,
    ServiceStatus,
    TaxonomyTerm,
)
from opensend.directory.taxonomies import taxonomy_id
from tests.directory.conftest import details, term
from tests.directory.oruk_records import (
    empty_values,
    full_service,
    minimal_service,
    non_uuid_ids,
)
from tests.directory.oruk_schemas import SCHEMA_DIR, errors

BASE = "/api/oruk/"
LIST_SCHEMAS = {
    "services": "compiled/service_list.json",
    "service_at_locations": "compiled/service_at_location_list.json",
    "organizations": "compiled/organization_list.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
}
DETAIL_SCHEMAS = {
    "services": ["compiled/service.json"],
    # the ORUK 3.0 OpenAPI declares compiled/service.json for this one (see oruk.py)
    "service_at_locations": [
        "compiled/service.json",
        "compiled/service_at_location.json",
        "compiled/service_at_location_list.json",
    ],
    "organizations": ["compiled/organization.json"],
    "taxonomies": ["taxonomy.json"],
    "taxonomy_terms": ["taxonomy_term.json"],
}


def get(client, path, **params):
    response = client.get(BASE + path + ("?" + urlencode(params, doseq=True) if params else ""))
    assert response["Content-Type"] == "application/json", response.content[:200]
    assert response["Access-Control-Allow-Origin"] == "*"
    return response


def ok(client, path, **params) -> dict:
    response = get(client, path, **params)
    assert response.status_code == 200, response.json()
    return response.json()


def names(client, path="services", **params) -> list[str]:
    body = ok(client, path, per_page=500, **params)
    if path == "services":
        return [item["name"] for item in body["contents"]]
    return [item["service"]["name"] for item in body["contents"]]


def bad(client, path, **params) -> str:
    response = get(client, path, **params)
    assert response.status_code == 400, response.json()
    return response.json()["detail"]


# Root and documents -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_root_names_the_version_profile_and_openapi_document(client):
    body = ok(client, "")
    assert body["version"] == "HSDS-UK-3.0"
    assert body["profile"] == "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
    assert body["openapi_url"] == "http://testserver/api/oruk/openapi.json"
    document = client.get("/api/oruk/openapi.json")
    assert document.status_code == 200
    assert document["Access-Control-Allow-Origin"] == "*"
    paths = document.json()["paths"]
    assert {
        "/api/oruk/",
        "/api/oruk/services",
        "/api/oruk/services/{service_id}",
        "/api/oruk/service_at_locations",
        "/api/oruk/taxonomies",
        "/api/oruk/taxonomy_terms",
        "/api/oruk/organizations",
    } <= set(paths)
    listed = paths["/api/oruk/services"]["get"]
    assert {"search", "taxonomy_term_id", "page", "per_page"} <= {
        p["name"] for p in listed["parameters"]
    }
    schema = listed["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["properties"]["contents"]["items"]["$ref"].endswith("compiled/service_list.json")


def refs(value) -> set[str]:
    found = set()
    if isinstance(value, dict):
        for key, item in value.items():
            found |= {item} if key == "$ref" and isinstance(item, str) else refs(item)
    elif isinstance(value, list):
        for item in value:
            found |= refs(item)
    return found


@pytest.mark.django_db
def test_the_openapi_documents_schemas_are_served_from_this_site(client):
    document = client.get("/api/oruk/openapi.json").json()
    external = {ref for ref in refs(document) if not ref.startswith("#")}
    assert "schemas/compiled/service.json" in external
    for ref in external:
        response = client.get(urljoin("/api/oruk/openapi.json", ref))
        assert response.status_code == 200, ref
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response.content == (SCHEMA_DIR / ref.removeprefix("schemas/")).read_bytes()
    entity = client.get("/api/oruk/schemas/taxonomy.json").json()
    assert entity["properties"]["taxonomy_terms"]["items"] == {"$ref": "taxonomy_term.json"}
    assert client.get("/api/oruk/schemas/taxonomy_term.json").status_code == 200


@pytest.mark.django_db
def test_the_docs_page_is_public(client):
    response = client.get("/api/oruk/docs")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


# Schemas ----------------------------------------------------------------------------------------


@pytest.fixture
def catalogue(publish, provider, venue):
    """A service with every kind of attached record, and a minimal one."""
    return full_service(publish, provider, venue), minimal_service(publish)


def check(body, schemas):
    for schema in schemas:
        assert errors(schema, body) == [], schema
    assert empty_values(body) == []
    assert non_uuid_ids(body) == []


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", sorted(LIST_SCHEMAS))
def test_every_list_and_every_record_in_it_is_valid(client, catalogue, endpoint):
    body = ok(client, endpoint, per_page=500)
    assert body["total_items"] == len(body["contents"]) > 0
    check(body, [])
    for item in body["contents"]:
        check(item, [LIST_SCHEMAS[endpoint]])
    for item in body["contents"][:60]:
        check(ok(client, f"{endpoint}/{item['id']}"), DETAIL_SCHEMAS[endpoint])


@pytest.mark.django_db
def test_filtered_lists_are_valid_too(client, catalogue):
    for endpoint in ("services", "service_at_locations"):
        body = ok(client, endpoint, search="play", minimum_age=0)
        assert body["contents"]
        for item in body["contents"]:
            check(item, [LIST_SCHEMAS[endpoint]])


@pytest.mark.django_db
def test_a_service_in_detail(client, catalogue, venue):
    full, minimal = catalogue
    body = ok(client, f"services/{full.id}")
    assert body["name"] == "Saturday Play Club"
    assert body["organization"]["name"] == "Riverside Play Trust"
    assert body["x_send_support"] == "Staff are trained in autism awareness and Makaton."
    assert len(body["service_at_locations"]) == 2
    assert {a["link_type"] for a in body["attributes"]} == {
        "need",
        "category",
        "delivery",
        "age_group",
    }
    assert ok(client, f"services/{minimal.id}")["name"] == "Quiet Room"


@pytest.mark.django_db
def test_a_service_at_a_location_carries_the_services_name_and_status(client, catalogue, venue):
    full, _ = catalogue
    sal = ServiceAtLocation.objects.get(service=full, location=venue)
    body = ok(client, f"service_at_locations/{sal.id}")
    assert body["id"] == str(sal.id)
    assert (body["name"], body["status"]) == ("Saturday Play Club", "active")
    assert body["service"]["id"] == str(full.id)
    assert body["location"]["addresses"][0]["postal_code"] == "YO1 7HH"


@pytest.mark.django_db
def test_a_taxonomy_in_detail_lists_its_terms(client):
    body = ok(client, f"taxonomies/{taxonomy_id('need')}")
    assert body["name"] == "Special educational needs and disabilities"
    assert "Autism" in {t["name"] for t in body["taxonomy_terms"]}


@pytest.mark.django_db
def test_an_organization_lists_its_published_services(client, catalogue, provider, publish):
    services.create_service(
        actor=None,
        provider=provider,
        snapshot=details(name="Waiting for approval"),
    )
    body = ok(client, f"organizations/{provider.id}")
    assert [s["name"] for s in body["services"]] == ["Quiet Room", "Saturday Play Club"]


@pytest.mark.django_db
def test_only_published_services_and_their_organizations_are_listed(client, publish, reviewer):
    hidden = Provider.objects.create(name="Unlisted Trust", description="Nothing published yet.")
    draft = services.create_service(
        actor=None, provider=hidden, snapshot=details(name="Draft club")
    ).service
    publish(name="Visible club")
    assert names(client) == ["Visible club"]
    assert [o["name"] for o in ok(client, "organizations")["contents"]] == ["Riverside Play Trust"]
    assert get(client, f"services/{draft.id}").status_code == 404
    assert get(client, f"organizations/{hidden.id}").status_code == 404


# Paging -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_pages(client, publish):
    for n in range(7):
        publish(name=f"Club {n}")
    first = ok(client, "services", per_page=3)
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 7,
        "total_pages": 3,
        "page_number": 1,
        "size": 3,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    last = ok(client, "services", per_page=3, page=3)
    assert (last["size"], last["first_page"], last["last_page"]) == (1, False, True)
    beyond = ok(client, "services", per_page=3, page=9)
    assert beyond["contents"] == []
    assert beyond["empty"]
    assert beyond["last_page"]
    assert beyond["total_items"] == 7
    seen = [
        s["name"] for p in (1, 2, 3) for s in ok(client, "services", per_page=3, page=p)["contents"]
    ]
    assert seen == [f"Club {n}" for n in range(7)]
    assert ok(client, "services")["size"] == 7  # default 50 a page


@pytest.mark.django_db
def test_filtered_pages(client, publish):
    for n in range(5):
        publish(name=f"Club {n}")
    pages = [ok(client, "services", minimum_age=5, per_page=2, page=p) for p in (1, 2, 3, 4)]
    assert [p["size"] for p in pages] == [2, 2, 1, 0]
    assert {p["total_items"] for p in pages} == {5}
    assert [p["last_page"] for p in pages] == [False, False, True, True]
    assert [s["name"] for p in pages for s in p["contents"]] == [f"Club {n}" for n in range(5)]


@pytest.mark.django_db
def test_an_empty_directory_is_an_empty_page(client):
    body = ok(client, "services")
    assert body == {
        "total_items": 0,
        "total_pages": 0,
        "page_number": 1,
        "size": 0,
        "first_page": True,
        "last_page": True,
        "empty": True,
        "contents": [],
    }


# Filters ----------------------------------------------------------------------------------------


@pytest.fixture
def directory(publish, provider, venue, reviewer):
    """Three services to filter:
    A "Saturday Play Club": autism; ages 5-11; York; Saturdays 10:00-13:00.
    B "Speech Therapy Drop-in": speech and language therapy (health), speech needs; ages 2-5;
      Bristol; Mondays 09:00-12:00; last modified in 2020.
    C "Closed Youth Club": youth clubs; ages 11-18; no venue; inactive; another provider.
    """
    bristol = Location.objects.create(
        provider=provider,
        name="Harbourside Clinic",
        address_1="2 Quay Street",
        city="Bristol",
        postal_code="BS1 4DJ",
        latitude=51.4545,
        longitude=-2.5879,
    )
    a = publish(name="Saturday Play Club", terms=[term("need", "asd")], locations=[venue])
    b = publish(
        name="Speech Therapy Drop-in",
        description="Advice from speech and language therapists.",
        terms=[term("category", "speech-language-therapy"), term("need", "slcn")],
        locations=[bristol],
        minimum_age=2,
        maximum_age=5,
        opening_times=[{"weekday": 0, "opens_at": "09:00", "closes_at": "12:00"}],
    )
    other = Provider.objects.create(name="Moorland Youth Trust", description="Youth work.")
    c = services.create_service(
        actor=reviewer,
        provider=other,
        snapshot=details(
            name="Closed Youth Club",
            description="Evening youth club.",
            status=ServiceStatus.INACTIVE,
            terms=[str(term("category", "youth-clubs").pk)],
            minimum_age=11,
            maximum_age=18,
            opening_times=[{"weekday": 3, "opens_at": "18:00", "closes_at": "21:00"}],
        ),
    ).service
    Service.objects.filter(pk=b.pk).update(last_modified=datetime(2020, 6, 1, 12, tzinfo=UTC))
    queries.forget_search_index()
    return {"A": a, "B": b, "C": c, "other": other}


A, B, C = "Saturday Play Club", "Speech Therapy Drop-in", "Closed Youth Club"


@pytest.mark.django_db
def test_no_filter_lists_every_published_service_whatever_its_status(client, directory):
    assert names(client) == [C, A, B]
    assert names(client, search="") == [C, A, B]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"search": "therapy"}, [B]),
        ({"text": "therapy"}, [B]),
        ({"search": "youth"}, [C]),
        ({"search": "speech", "text": "youth"}, [B]),  # search wins
        ({"taxonomy_term_id": "need/asd"}, [A]),
        ({"taxonomy_term_id": "need/communication-interaction"}, [A, B]),  # narrower terms
        ({"taxonomy_term_id": "category/health"}, [B]),
        ({"taxonomy_term_id": ["need/asd", "need/slcn"]}, []),  # repeated: AND
        ({"taxonomy_term_id": "need/asd,need/slcn"}, [A, B]),  # commas: OR
        ({"taxonomy_id": "category"}, [C, B]),
        ({"taxonomy_id": "need"}, [A, B]),
        ({"minimum_age": 5}, [C, A]),  # minimum age at least 5
        ({"minimum_age": 4.5}, [C, A]),
        ({"maximum_age": 11}, [A, B]),  # maximum age at most 11
        ({"maximum_age": 11.5}, [A, B]),
        ({"minimum_age": 5, "maximum_age": 11}, [A]),
        ({"age": 3}, [B]),
        ({"modified_after": "2024-01-01"}, [C, A]),
        ({"modified_after": "2020-06-01T12:00:00Z"}, [C, A, B]),  # on or after
        ({"modified_after": "2020-06-01T12:00:00.001Z"}, [C, A]),
        ({"modified_after": "2020-06-01T13:00:00+01:00"}, [C, A, B]),
        ({"modified_after": "0001-01-01T00:00:00+14:00"}, [C, A, B]),  # the earliest there is
        ({"modified_after": "9999-12-31T23:59:59-14:00"}, []),
        ({"page": "1", "modified_after": "0001-01-01"}, [C, A, B]),
        ({"postcode": "YO1 7HH"}, [A]),  # default 20 miles
        ({"postcode": "yo1"}, [A]),
        ({"postcode": "BS1 4DJ", "proximity": 2000}, [B]),
        ({"postcode": "YO1 7HH", "proximity": 1_000_000}, [A, B]),  # C has no venue
        ({"day": "SA"}, [A]),
        ({"day": "monday,thursday"}, [C, B]),
        ({"start_time": "09:00", "end_time": "12:00"}, [B]),
        ({"start_time": "10:00"}, [C, A]),
        ({"end_time": "13:00"}, [A, B]),
        ({"organization_id": "other"}, [C]),
        # combined: every filter applies (AND)
        ({"taxonomy_term_id": "need/communication-interaction", "minimum_age": 5}, [A]),
        ({"search": "club", "taxonomy_id": "category"}, [C]),
        ({"search": "club", "maximum_age": 11}, [A]),
        ({"taxonomy_id": "need", "postcode": "BS1", "proximity": 5000}, [B]),
        ({"modified_after": "2024-01-01", "day": "TH", "minimum_age": 11}, [C]),
        ({"taxonomy_term_id": "need/asd", "day": "MO"}, []),
    ],
)
def test_service_filters(client, directory, params, expected):
    params = dict(params)
    for key in ("taxonomy_term_id",):
        if key in params:
            values = params[key] if isinstance(params[key], list) else [params[key]]
            params[key] = [
                ",".join(str(term(*code.split("/")).pk) for code in value.split(","))
                for value in values
            ]
    if "taxonomy_id" in params:
        params["taxonomy_id"] = str(taxonomy_id(params["taxonomy_id"]))
    if "organization_id" in params:
        params["organization_id"] = str(directory["other"].pk)
    assert names(client, "services", **params) == expected
    assert sorted(set(names(client, "service_at_locations", **params))) == sorted(
        name
        for name in expected
        if name != C  # C is delivered nowhere
    )


@pytest.mark.django_db
def test_search_orders_by_relevance(client, directory, publish):
    publish(name="Art Club", description="Painting, with a little speech and drama.")
    assert names(client, search="speech therapy") == [B, "Art Club"]


@pytest.mark.django_db
def test_services_at_locations_keep_only_the_venues_near_the_postcode(client, publish, venue):
    bristol = Location.objects.create(
        provider=venue.provider,
        name="Harbourside Clinic",
        address_1="2 Quay Street",
        city="Bristol",
        postal_code="BS1 4DJ",
        latitude=51.4545,
        longitude=-2.5879,
    )
    service = publish(name="Travelling Play Bus", locations=[venue, bristol])
    everywhere = ok(client, "service_at_locations")
    assert [s["location"]["name"] for s in everywhere["contents"]] == [
        "Harbourside Clinic",
        "Riverside Centre",
    ]
    near = ok(client, "service_at_locations", postcode="YO1 7HH", proximity=5000)
    assert [s["location"]["name"] for s in near["contents"]] == ["Riverside Centre"]
    assert near["contents"][0]["service_id"] == str(service.id)


@pytest.mark.django_db
def test_a_filtered_list_holds_the_same_services_as_the_unfiltered_one(client, directory):
    everything = {s["id"] for s in ok(client, "services")["contents"]}
    everything_at = {s["id"] for s in ok(client, "service_at_locations")["contents"]}
    assert {s["id"] for s in ok(client, "services", modified_after="2000-01-01")["contents"]} == (
        everything
    )
    assert {
        s["id"] for s in ok(client, "service_at_locations", modified_after="2000-01-01")["contents"]
    } == everything_at


@pytest.mark.django_db
def test_taxonomy_term_filters(client):
    need = str(taxonomy_id("need"))
    in_need = ok(client, "taxonomy_terms", taxonomy_id=need, per_page=500)["contents"]
    assert {t["taxonomy_id"] for t in in_need} == {need}
    assert len(in_need) == TaxonomyTerm.objects.filter(taxonomy_id=need).count()
    parent = term("need", "communication-interaction")
    under = ok(client, "taxonomy_terms", parent_id=str(parent.pk))["contents"]
    assert {t["name"] for t in under} == {"Autism", "Speech, language and communication needs"}
    top = ok(client, "taxonomy_terms", taxonomy_id=need, top_only="true")["contents"]
    assert "Autism" not in {t["name"] for t in top}
    assert all("parent_id" not in t for t in top)
    assert len(ok(client, "taxonomy_terms", top_only="false", per_page=500)["contents"]) == (
        TaxonomyTerm.objects.count()
    )
    found = ok(client, "taxonomy_terms", search="autism")["contents"]
    assert "Autism" in {t["name"] for t in found}
    assert all("autism" in (t["name"] + t["description"]).lower() for t in found)
    assert [t["name"] for t in ok(client, "taxonomies", search="age groups")["contents"]] == [
        "Age groups"
    ]


@pytest.mark.django_db
def test_retired_terms_are_listed_and_marked(client):
    retired = term("delivery", "phone")
    retired.is_active = False
    retired.save()
    body = ok(client, f"taxonomy_terms/{retired.pk}")
    assert body["x_active"] is False
    listed = {t["id"]: t for t in ok(client, "taxonomy_terms", per_page=500)["contents"]}
    assert listed[str(retired.pk)]["x_active"] is False


@pytest.mark.django_db
def test_organization_search(client, directory):
    found = ok(client, "organizations", search="moorland")["contents"]
    assert [o["name"] for o in found] == ["Moorland Youth Trust"]


# Errors -----------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "params", "named"),
    [
        ("services", {"page": "0"}, "page"),
        ("services", {"page": "abc"}, "page"),
        ("services", {"page": "-1"}, "page"),
        ("services", {"per_page": "abc"}, "per_page"),
        ("services", {"per_page": "0"}, "per_page"),
        ("services", {"per_page": "501"}, "per_page"),
        ("taxonomies", {"per_page": "2.5"}, "per_page"),
        ("services", {"taxonomy_term_id": "not-a-uuid"}, "taxonomy_term_id"),
        ("services", {"taxonomy_term_id": str(uuid.uuid4())}, "taxonomy_term_id"),
        ("services", {"taxonomy_id": "x"}, "taxonomy_id"),
        ("services", {"taxonomy_id": str(uuid.uuid4())}, "taxonomy_id"),
        ("services", {"organization_id": str(uuid.uuid4())}, "organization_id"),
        ("services", {"minimum_age": "five"}, "minimum_age"),
        ("services", {"maximum_age": "-1"}, "maximum_age"),
        ("services", {"minimum_age": "nan"}, "minimum_age"),
        ("services", {"age": "1e999"}, "age"),
        ("services", {"modified_after": "yesterday"}, "modified_after"),
        ("services", {"modified_after": "2025-13-01"}, "modified_after"),
        ("services", {"page": "1" * 19}, "page"),
        ("services", {"postcode": "not a postcode"}, "postcode"),
        ("services", {"postcode": "BT1 1AA"}, "postcode"),  # Northern Ireland: not mapped
        ("service_at_locations", {"postcode": "ZZ1 1ZZ"}, "postcode"),
        ("services", {"proximity": "5000"}, "proximity"),
        ("services", {"postcode": "YO1", "proximity": "far"}, "proximity"),
        ("services", {"postcode": "YO1", "proximity": "0"}, "proximity"),
        ("services", {"day": "funday"}, "day"),
        ("services", {"start_time": "25:00"}, "start_time"),
        ("taxonomy_terms", {"top_only": "maybe"}, "top_only"),
        ("taxonomy_terms", {"parent_id": "x"}, "parent_id"),
        ("taxonomy_terms", {"parent_id": str(uuid.uuid4())}, "parent_id"),
        ("taxonomy_terms", {"taxonomy_id": str(uuid.uuid4())}, "taxonomy_id"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(client, path, params, named):
    detail = bad(client, path, **params)
    assert detail.startswith(named) or f" {named}" in detail, detail


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", sorted(DETAIL_SCHEMAS))
def test_unknown_and_malformed_ids(client, endpoint):
    missing = get(client, f"{endpoint}/{uuid.uuid4()}")
    assert missing.status_code == 404
    assert "id" in missing.json()["detail"]
    malformed = get(client, f"{endpoint}/not-a-uuid")
    assert malformed.status_code == 400
    assert "UUID" in malformed.json()["detail"]


@pytest.mark.django_db
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.dictionaries(
        st.sampled_from(
            [
                "search",
                "text",
                "page",
                "per_page",
                "taxonomy_term_id",
                "taxonomy_id",
                "minimum_age",
                "maximum_age",
                "age",
                "modified_after",
                "postcode",
                "proximity",
                "day",
                "start_time",
                "end_time",
                "organization_id",
            ]
        ),
        st.text(max_size=30)
        | st.integers(-5, 600).map(str)
        | st.floats().map(str)
        | st.datetimes(timezones=st.none() | st.timezones()).map(datetime.isoformat)
        | st.dates().map(date.isoformat)
        | st.times().map(time.isoformat)
        | st.uuids().map(str)
        | st.sampled_from(["YO1 7HH", "BT1 1AA", "SA", "true", "0", "1e308", "-0"]),
        max_size=4,
    ),
    endpoint=st.sampled_from(["services", "service_at_locations", "taxonomy_terms"]),
)
def test_no_parameters_make_a_server_error(client, directory, params, endpoint):
    params = {k: v.replace("\x00", "") for k, v in params.items()}
    response = get(client, endpoint, **params)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert isinstance(response.json()["detail"], str)
    else:
        assert isinstance(response.json()["contents"], list)


# CORS and methods -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_preflight_allows_any_origin(client):
    response = client.options(
        BASE + "services",
        HTTP_ORIGIN="https://family-hub.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert response["Access-Control-Allow-Headers"] == "accept"


@pytest.mark.django_db
def test_writes_are_refused_as_json(client):
    response = client.post(BASE + "services", {"name": "x"})
    assert response.status_code == 405
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.json()["detail"]


@pytest.mark.django_db
def test_head_answers_like_get(client):
    response = client.head(BASE + "services")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
def test_signed_in_users_see_the_same_feed(client, make_user, publish):
    publish()
    anonymous = ok(client, "services")
    client.force_login(make_user())
    assert ok(client, "services") == anonymous


# Parsers ----------------------------------------------------------------------------------------


@given(page=st.integers(1, 10**6), per_page=st.integers(1, api_parameters.MAX_PER_PAGE))
def test_good_page_numbers_are_read(page, per_page):
    assert api_parameters.parse_page(str(page), f" {per_page} ") == (page, per_page)


@given(st.integers(-1000, 0) | st.integers(api_parameters.MAX_PER_PAGE + 1, 10**6))
def test_page_sizes_out_of_range_are_refused(per_page):
    with pytest.raises(api_parameters.BadParameter, match="per_page"):
        api_parameters.parse_page(None, str(per_page))


def test_missing_page_parameters_take_the_defaults():
    assert api_parameters.parse_page(None, None) == (1, api_parameters.DEFAULT_PER_PAGE)
    assert api_parameters.parse_page("", " ") == (1, api_parameters.DEFAULT_PER_PAGE)


@given(st.datetimes(timezones=st.timezones()))
def test_moments_with_offsets_are_read_exactly(moment):
    parsed = api_parameters.parse_moment("modified_after", moment.isoformat())
    assert parsed.replace(tzinfo=None) == moment.replace(tzinfo=None)
    assert parsed.utcoffset() == moment.utcoffset()


@given(st.dates(min_value=date(1900, 1, 1)))
def test_a_date_means_its_start_in_uk_time(day):
    moment = api_parameters.parse_moment("modified_after", day.isoformat())
    assert moment.date() == day
    assert moment.time() == time()
    assert moment.utcoffset() in (timedelta(0), timedelta(hours=1), timedelta(hours=2))


def test_dates_start_at_uk_midnight():
    summer = api_parameters.parse_moment("modified_after", "2025-07-01")
    winter = api_parameters.parse_moment("modified_after", "2025-01-01")
    assert summer == datetime(2025, 6, 30, 23, tzinfo=UTC)
    assert winter == datetime(2025, 1, 1, tzinfo=UTC)


@given(st.datetimes(timezones=st.timezones()))
def test_just_before_is_a_microsecond_earlier_or_the_earliest_moment(moment):
    before = api_parameters.just_before(moment)
    assert before.tzinfo == UTC
    earliest, latest = datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC)
    try:
        exact = moment.astimezone(UTC)
    except OverflowError:
        assert before in (earliest, latest)
    else:
        expected = earliest if exact == earliest else exact - timedelta(microseconds=1)
        assert before == expected


def test_a_plus_sign_decoded_to_a_space_is_still_an_offset():
    moment = api_parameters.parse_moment("modified_after", "2025-06-01T09:00:00 01:00")
    assert moment == datetime(2025, 6, 1, 8, tzinfo=UTC)
    assert (
        api_parameters.parse_moment("modified_after", "2025-06-01 09:00").tzinfo
        == api_parameters.UK_TIME
    )


@given(age=st.integers(0, 25), bound=st.floats(0, 30, allow_nan=False))
def test_fractional_ages_are_rounded_so_the_filter_stays_exact(age, bound):
    least = api_parameters.parse_age("minimum_age", repr(bound), rounding=math.ceil)
    most = api_parameters.parse_age("maximum_age", repr(bound), rounding=math.floor)
    assert (age >= bound) == (age >= least)
    assert (age <= bound) == (age <= most)


@given(st.sets(st.integers(0, 6), min_size=1))
def test_days_read_as_codes_or_names(days):
    codes = ",".join(["MO", "TU", "WE", "TH", "FR", "SA", "SU"][d] for d in days)
    named = ", ".join(api_parameters.DAY_NAMES[d].title() for d in days)
    assert api_parameters.parse_days(codes) == frozenset(days) == api_parameters.parse_days(named)


@given(st.uuids(), st.uuids())
def test_id_lists(first, second):
    groups = api_parameters.parse_uuids(
        "taxonomy_term_id", [f"{first},{second}", str(first).upper()]
    )
    assert groups == [frozenset({first, second}), frozenset({first})]


def test_times():
    assert api_parameters.parse_time("start_time", "09:30") == time(9, 30)
    assert api_parameters.parse_time("start_time", "09:30Z") == time(9, 30)
    assert api_parameters.parse_time("start_time", "") is None


# Speed ------------------------------------------------------------------------------------------


@pytest.fixture
def big_directory(provider):
    """300 published services at 100 venues, bulk-made (the services layer is too slow)."""
    venues = Location.objects.bulk_create(
        [
            Location(
                provider=provider,
                name=f"Venue {n:03}",
                address_1=f"{n} High Street",
                city="York",
                postal_code="YO1 7HH",
                latitude=53.95 + n / 1000,
                longitude=-1.08,
            )
            for n in range(100)
        ]
    )
    words = ["play", "speech", "autism", "swimming", "music", "advice", "therapy", "drama"]
    made = Service.objects.bulk_create(
        [
            Service(
                provider=provider,
                name=f"{words[n % 8].title()} group {n:04}",
                description=f"A {words[(n * 3) % 8]} and {words[(n * 5) % 8]} session.",
                minimum_age=n % 10,
                maximum_age=10 + n % 15,
                is_published=True,
                assured_date=date(2025, 1, 1),
            )
            for n in range(300)
        ]
    )
    ServiceAtLocation.objects.bulk_create(
        [ServiceAtLocation(service=s, location=venues[n % 100]) for n, s in enumerate(made)]
    )
    queries.forget_search_index()
    return made


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("services", {}),
        ("services", {"page": 4}),
        ("services", {"search": "speech therapy"}),
        ("services", {"minimum_age": 3, "maximum_age": 20}),
        ("service_at_locations", {}),
        ("service_at_locations", {"search": "autism", "postcode": "YO1", "proximity": 20000}),
        ("organizations", {}),
        ("taxonomy_terms", {}),
    ],
)
def test_list_pages_take_a_fixed_number_of_queries(client, big_directory, path, params):
    """However many services a page holds: no query per service (speed is measured by
    bench/directory.py, not here)."""
    ok(client, path, **params)  # the search index is built on first use
    with CaptureQueriesContext(connection) as captured:
        body = ok(client, path, **params)
    assert body["size"] > 0
    assert len(captured) <= 8, [q["sql"][:120] for q in captured]
