"""ORUK 3.0 records made from the directory's models: valid against the UK profile's schemas,
with nothing empty, UUID ids, the Local Offer's extensions, and the paging envelope's arithmetic."""

import re
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opensend.directory import oruk
from opensend.directory.api import _full_at_locations, _full_services
from opensend.directory.models import Service, ServiceAtLocation, TaxonomyTerm
from opensend.directory.taxonomies import taxonomy_id
from tests.directory.conftest import term
from tests.directory.oruk_records import (
    empty_values,
    full_service,
    minimal_service,
    non_uuid_ids,
)
from tests.directory.oruk_schemas import errors

MILLISECONDS_UTC = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")


def loaded(service) -> Service:
    return _full_services(Service.objects.filter(pk=service.pk)).get()


# Pure helpers -----------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=3),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=3), children, max_size=4)
    ),
    max_leaves=30,
)


def _has_empty(value) -> bool:
    if value is None or value == "" or value == [] or value == {}:
        return True
    if isinstance(value, dict):
        return any(_has_empty(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_empty(item) for item in value)
    return False


def _leaves(value) -> list:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


@given(json_values)
def test_prune_leaves_nothing_empty_at_any_depth(value):
    pruned = oruk.prune(value)
    assert pruned is None or pruned in ("", [], {}) or not _has_empty(pruned)
    assert oruk.prune(pruned) == pruned


@given(json_values)
def test_prune_keeps_zero_false_and_every_other_value(value):
    kept = [leaf for leaf in _leaves(value) if not oruk.is_empty(leaf)]
    pruned_leaves = _leaves(oruk.prune(value))
    for leaf in kept:
        # a kept leaf is only lost if its container became empty, which a non-empty leaf prevents
        assert leaf in pruned_leaves


def test_prune_examples():
    assert oruk.prune({"a": None, "b": "", "c": [], "d": {}, "e": 0, "f": False}) == {
        "e": 0,
        "f": False,
    }
    assert oruk.prune({"a": [{"b": None}, {"c": [None, ""]}], "d": {"e": {}}}) == {}
    assert oruk.prune([0, [None], {"x": 1}]) == [0, {"x": 1}]


@given(st.datetimes(timezones=st.timezones()))
def test_timestamps_are_utc_with_milliseconds(moment):
    text = oruk.timestamp(moment)
    assert MILLISECONDS_UTC.fullmatch(text)
    parsed = datetime.fromisoformat(text)
    assert abs(parsed - moment) < timedelta(milliseconds=1)


def test_timestamp_of_a_naive_moment_is_taken_as_utc():
    assert oruk.timestamp(datetime(2025, 1, 16, 9, 30)) == "2025-01-16T09:30:00.000Z"
    assert oruk.timestamp(datetime(2025, 7, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))) == (
        "2025-07-01T09:00:00.000Z"
    )
    assert oruk.timestamp(None) is None


def test_numbers():
    assert oruk.number(Decimal("5.00")) == 5
    assert isinstance(oruk.number(Decimal("5.00")), int)
    assert oruk.number(Decimal("52.50")) == 52.5
    assert oruk.number(0) == 0
    assert oruk.number(None) is None


def test_derived_ids_are_stable_uuids_distinct_by_role():
    parent = uuid.uuid4()
    assert oruk.derived_id(parent, "phone") == oruk.derived_id(parent, "phone")
    assert oruk.derived_id(parent, "phone") != oruk.derived_id(parent, "free")
    assert uuid.UUID(oruk.derived_id(parent, "phone")).version == 5


# The paging envelope ----------------------------------------------------------------------------


def _page_size(total: int, page: int, per_page: int) -> int:
    return max(0, min(per_page, total - (page - 1) * per_page))


@given(total=st.integers(0, 5000), per_page=st.integers(1, 500), page=st.integers(1, 10_000))
def test_envelope_arithmetic(total, per_page, page):
    size = _page_size(total, page, per_page)
    envelope = oruk.page_envelope(total, page, per_page, [None] * size)
    pages = envelope["total_pages"]
    assert envelope["total_items"] == total
    assert envelope["page_number"] == page
    assert envelope["size"] == size
    assert (pages - 1) * per_page < total <= pages * per_page or (total == 0 and pages == 0)
    assert envelope["first_page"] == (page == 1)
    assert envelope["last_page"] == (page >= pages)
    assert envelope["empty"] == (size == 0)
    assert envelope["empty"] == (page > pages)


@given(total=st.integers(0, 3000), per_page=st.integers(1, 500))
def test_the_pages_hold_every_item_once(total, per_page):
    pages = oruk.total_pages(total, per_page)
    sizes = [_page_size(total, page, per_page) for page in range(1, pages + 1)]
    assert sum(sizes) == total
    assert all(size > 0 for size in sizes)
    assert _page_size(total, pages + 1, per_page) == 0
    last = oruk.page_envelope(total, max(1, pages), per_page, [None] * sizes[-1] if sizes else [])
    assert last["last_page"]


# Records ----------------------------------------------------------------------------------------


@pytest.fixture
def full(publish, provider, venue):
    return loaded(full_service(publish, provider, venue))


@pytest.fixture
def minimal(publish):
    return loaded(minimal_service(publish))


@pytest.mark.django_db
@pytest.mark.parametrize("which", ["full", "minimal"])
def test_services_are_valid_compiled_services(request, which):
    record = oruk.service(request.getfixturevalue(which))
    assert errors("compiled/service.json", record) == []
    assert empty_values(record) == []
    assert non_uuid_ids(record) == []


@pytest.mark.django_db
@pytest.mark.parametrize("which", ["full", "minimal"])
def test_service_summaries_are_valid_list_items(request, which):
    record = oruk.service_summary(request.getfixturevalue(which))
    assert errors("compiled/service_list.json", record) == []
    assert empty_values(record) == []
    assert "schedules" not in record
    assert "organization" in record


@pytest.mark.django_db
def test_the_full_service_carries_everything(full, provider, venue):
    record = oruk.service(full)
    assert record["organization"]["organization_identifiers"] == [
        {
            "id": oruk.derived_id(provider.id, "organization_identifier"),
            "organization_id": str(provider.id),
            "identifier_scheme": "GB-CHC",
            "identifier_type": "Charity Commission for England and Wales number",
            "identifier": "1234567",
        }
    ]
    assert MILLISECONDS_UTC.fullmatch(record["last_modified"])
    assert record["assured_date"] == full.assured_date.isoformat()
    assert record["phones"] == [
        {
            "id": oruk.derived_id(full.id, "phone"),
            "service_id": str(full.id),
            "number": "01904 000000",
        }
    ]
    assert record["application_process"] == "Book a place on our website."
    assert record["fees"] == record["fees_description"] == full.fees
    assert record["x_send_support"] == full.send_support
    assert record["x_referral_required"] is False
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in record["schedules"]] == [
        ("WE", "16:00", "18:30"),
        ("SA", "10:00", "13:00"),
    ]
    assert {s["freq"] for s in record["schedules"]} == {"WEEKLY"}
    assert {s["description"] for s in record["schedules"]} == {"Term time only"}
    assert [(c["option"], c["amount"]) for c in record["cost_options"]] == [
        ("A session", 5),
        ("A term", 52.5),
    ]
    contact = record["contacts"][0]
    assert contact["email"] == "team@riverside-play.example.org"
    assert contact["phones"][0]["number"] == "01904 000000"
    assert record["service_areas"][0]["service_area"] == "City of York"
    link_types = {a["taxonomy_term"]["name"]: a["link_type"] for a in record["attributes"]}
    assert link_types["Autism"] == "need"
    assert link_types["Short breaks and respite"] == "category"
    assert all(a["link_id"] == str(full.id) for a in record["attributes"])
    assert all(
        a["taxonomy_term"]["term"] == a["taxonomy_term"]["name"] for a in record["attributes"]
    )


@pytest.mark.django_db
def test_venues_have_addresses_accessibility_and_identifiers(full, venue):
    places = {sal["location"]["name"]: sal for sal in oruk.service(full)["service_at_locations"]}
    centre = places["Riverside Centre"]["location"]
    assert centre["addresses"] == [
        {
            "id": str(venue.address_id),
            "location_id": str(venue.id),
            "address_1": "1 Mill Lane",
            "city": "York",
            "state_province": "North Yorkshire",
            "postal_code": "YO1 7HH",
            "country": "GB",
            "address_type": "physical",
        }
    ]
    assert centre["external_identifier"] == "100050000001"
    assert centre["external_identifier_type"] == "UPRN"
    assert [a["accessibility"] for a in centre["accessibility"]] == [
        "Step-free access",
        "Hearing loop",
    ]
    feature = centre["accessibility"][0]
    assert feature["attributes"][0]["link_type"] == "accessibility"
    assert feature["attributes"][0]["link_id"] == feature["id"]
    online = places["Online sessions"]["location"]
    assert online["location_type"] == "virtual"
    assert "addresses" not in online


@pytest.mark.django_db
def test_an_address_without_a_county_is_in_england(publish, venue):
    venue.state_province = ""
    venue.save()
    record = oruk.service(loaded(publish(locations=[venue])))
    address = record["service_at_locations"][0]["location"]["addresses"][0]
    assert address["state_province"] == "England"
    assert errors("compiled/service.json", record) == []


@pytest.mark.django_db
def test_a_free_service_has_a_free_cost_option(publish):
    service = loaded(publish(is_free=True))
    options = oruk.service(service)["cost_options"]
    assert options == [
        {
            "id": oruk.derived_id(service.id, "free"),
            "service_id": str(service.id),
            "option": "Free",
            "amount": 0,
        }
    ]


@pytest.mark.django_db
def test_the_minimal_service_leaves_out_what_it_lacks(minimal):
    record = oruk.service(minimal)
    assert set(record) == {
        "id",
        "organization_id",
        "name",
        "status",
        "assured_date",
        "assurer_email",
        "last_modified",
        "organization",
        "x_referral_required",
        "attributes",  # its age groups, which follow its (unlimited) ages
    }


@pytest.mark.django_db
def test_a_schedule_note_without_opening_times_is_still_published(publish):
    service = loaded(publish(opening_times=[], schedule_description="By appointment"))
    assert oruk.service(service)["schedules"] == [
        {
            "id": oruk.derived_id(service.id, "schedule"),
            "service_id": str(service.id),
            "description": "By appointment",
        }
    ]


@pytest.mark.django_db
def test_a_service_at_a_location_validates_as_a_service_and_as_itself(full, venue):
    sal = _full_at_locations(ServiceAtLocation.objects.filter(service=full, location=venue))
    sal = sal.select_related("service__provider").prefetch_related(
        "service__attributes__term__taxonomy",
        "service__opening_times",
        "service__cost_options",
        "service__contacts",
        "service__service_areas",
    )
    record = oruk.service_at_location(sal.get())
    assert errors("compiled/service.json", record) == []
    assert errors("compiled/service_at_location.json", record) == []
    assert errors("compiled/service_at_location_list.json", record) == []
    assert record["name"] == full.name
    assert record["status"] == "active"
    assert record["service"]["id"] == str(full.id)
    assert "service_at_locations" not in record["service"]
    assert empty_values(record) == []
    assert non_uuid_ids(record) == []


@pytest.mark.django_db
def test_taxonomies_and_terms_are_valid():
    for term_record in TaxonomyTerm.objects.select_related("taxonomy"):
        record = oruk.taxonomy_term(term_record)
        assert errors("taxonomy_term.json", record) == []
        assert record["term"] == record["name"]
        assert record["taxonomy"] == term_record.taxonomy.name
    asd = term("need", "asd")
    record = oruk.taxonomy_term(asd)
    assert record["parent_id"] == str(term("need", "communication-interaction").id)
    assert record["taxonomy_id"] == str(taxonomy_id("need"))
    assert record["x_active"] is True


@pytest.mark.django_db
def test_a_taxonomy_in_detail_lists_its_terms():
    need = term("need", "asd").taxonomy
    terms = TaxonomyTerm.objects.filter(taxonomy=need).select_related("taxonomy")
    record = oruk.taxonomy(need, terms)
    assert errors("taxonomy.json", record) == []
    assert len(record["taxonomy_terms"]) == terms.count()
    assert "taxonomy_terms" not in oruk.taxonomy(need)


@pytest.mark.django_db
def test_organizations_are_valid(full, provider):
    services = Service.objects.filter(provider=provider).prefetch_related("at_locations__location")
    record = oruk.organization(provider, services)
    assert errors("compiled/organization.json", record) == []
    assert errors("compiled/organization_list.json", oruk.organization_summary(provider)) == []
    assert [s["name"] for s in record["services"]] == ["Saturday Play Club"]
    assert len(record["services"][0]["service_at_locations"]) == 2
    assert empty_values(record) == []
    assert non_uuid_ids(record) == []


def test_unknown_identifier_schemes_name_themselves():
    class Provider:
        id = uuid.uuid4()
        name = "Fictional Trust"
        description = "Made up."
        email = website = ""
        identifier_scheme = "XI-PB"
        identifier = "42"

    record = oruk.organization_summary(Provider())
    assert "organization_identifiers" not in record
    full_record = oruk.prune(oruk._organization(Provider(), identifiers=True))
    assert full_record["organization_identifiers"][0]["identifier_type"] == "XI-PB"


@pytest.mark.django_db
def test_records_the_schema_requires_a_description_for_always_have_one(provider):
    provider.description = ""
    asd = term("need", "asd")
    asd.description = ""
    asd.taxonomy.description = ""
    assert oruk.organization_summary(provider)["description"] == "Riverside Play Trust"
    assert oruk.taxonomy_term(asd)["description"] == "Autism"
    assert errors("taxonomy_term.json", oruk.taxonomy_term(asd)) == []
    assert errors("taxonomy.json", oruk.taxonomy(asd.taxonomy)) == []
    assert errors("compiled/organization_list.json", oruk.organization_summary(provider)) == []
