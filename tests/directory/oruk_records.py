"""Services for the ORUK tests: one with every kind of attached record, one with nothing
optional, and checks that walk a JSON answer."""

import re
import uuid

from opensend.directory.models import Location, LocationAccessibility, LocationType
from tests.directory.conftest import term

UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def full_service(publish, provider, venue):
    """A published service with every kind of record ORUK publishes attached."""
    provider.identifier_scheme = "GB-CHC"
    provider.identifier = "1234567"
    provider.save()
    venue.uprn = "100050000001"
    venue.description = "The community centre beside the river."
    venue.save()
    for code in ("step-free", "hearing-loop"):
        LocationAccessibility.objects.create(location=venue, term=term("accessibility", code))
    online = Location.objects.create(
        provider=provider,
        name="Online sessions",
        location_type=LocationType.VIRTUAL,
        description="Video calls for families who cannot travel.",
    )
    return publish(
        name="Saturday Play Club",
        terms=[
            term("need", "asd"),
            term("category", "short-breaks"),
            term("delivery", "in-person"),
        ],
        locations=[venue, online],
        is_free=False,
        fees="£5 a session; brothers and sisters come free.",
        alert="Closed on 26 December.",
        opening_times=[
            {"weekday": 5, "opens_at": "10:00", "closes_at": "13:00"},
            {"weekday": 2, "opens_at": "16:00", "closes_at": "18:30"},
        ],
        cost_options=[
            {"option": "A session", "amount": "5.00", "amount_description": "Per child"},
            {"option": "A term", "amount": "52.50", "amount_description": "Twelve sessions"},
        ],
        contacts=[
            {
                "name": "Play team",
                "title": "Coordinator",
                "phone": "01904 000000",
                "email": "team@riverside-play.example.org",
            }
        ],
        service_areas=[
            {
                "name": "City of York",
                "uri": "http://statistics.data.gov.uk/id/statistical-geography/E06000014",
            }
        ],
    )


def minimal_service(publish):
    """A published service with nothing optional filled in."""
    return publish(
        name="Quiet Room",
        description="",
        url="",
        email="",
        phone="",
        minimum_age=None,
        maximum_age=None,
        is_free=False,
        fees="",
        how_to_access="",
        send_support="",
        schedule_description="",
        alert="",
        opening_times=[],
        contacts=[],
        service_areas=[],
    )


def empty_values(value, path="") -> list[str]:
    """Where the JSON holds None, "", [] or {} (an envelope's `contents` may be empty)."""
    found = []
    if value is None or value == "" or value == [] or value == {}:
        found.append(path or "(root)")
    elif isinstance(value, dict):
        for key, item in value.items():
            if not (key == "contents" and item == []):
                found.extend(empty_values(item, f"{path}/{key}"))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            found.extend(empty_values(item, f"{path}/{position}"))
    return found


def non_uuid_ids(value, path="") -> list[str]:
    """Where a field named `id` or `..._id` does not hold a UUID."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if (key == "id" or key.endswith("_id")) and not _is_uuid(item):
                found.append(f"{path}/{key}: {item!r}")
            found.extend(non_uuid_ids(item, f"{path}/{key}"))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            found.extend(non_uuid_ids(item, f"{path}/{position}"))
    return found


def _is_uuid(value) -> bool:
    if not isinstance(value, str) or not UUID_TEXT.fullmatch(value):
        return False
    return str(uuid.UUID(value)) == value


def ids_of(value, key="id") -> set[str]:
    """Every value of a key, at any depth."""
    found = set()
    if isinstance(value, dict):
        for name, item in value.items():
            if name == key:
                found.add(item)
            found |= ids_of(item, key)
    elif isinstance(value, list):
        for item in value:
            found |= ids_of(item, key)
    return found
