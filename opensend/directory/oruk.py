"""Open Referral UK 3.0 records: the directory's models as the dicts the API publishes.

ORUK 3.0 is the UK profile of HSDS 3.0 (schemas in data/oruk/, notes in docs/api.md). The
functions here read model instances whose relations the caller has already fetched (see the
querysets in `opensend.directory.api`), so they never query the database themselves.

Every record is passed through `prune`: empty values (None, "", [] and {}) are left out, never
sent as null, because the ORUK schemas type optional fields as plain strings and numbers; 0 and
false are kept. Ids are the database's UUIDs. Rows ORUK needs that the directory does not store
(a venue's address, a phone number, the "Free" cost option, an organisation identifier) get a
UUID version 5 of their parent's id and a fixed role name, so they are stable from one request
to the next.

What a Local Offer needs and the UK profile removed is published as the HSDS 3.0 field
(`phones`, `application_process`, `fees_description`, contact `email`); what neither has is
published under an `x_` name (`x_send_support`, `x_referral_required`, `x_active`). The list is in
docs/api.md.
"""

import math
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # iCalendar day codes, Monday = 0
DEFAULT_REGION = "England"  # an address's state_province when the venue has no county
FREE = "Free"

# org-id.guide list codes a UK directory meets, with the names ORUK's identifier_type wants.
IDENTIFIER_TYPES = {
    "GB-CHC": "Charity Commission for England and Wales number",
    "GB-COH": "Companies House number",
    "GB-SC": "Scottish Charity Regulator number",
    "GB-NIC": "Charity Commission for Northern Ireland number",
    "GB-EDU": "Department for Education unique reference number (URN)",
    "GB-UKPRN": "UK provider reference number (UKPRN)",
    "GB-LAE": "Local authority code (England)",
    "GB-NHS": "NHS organisation code",
}


# Helpers ----------------------------------------------------------------------------------------


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str | list | dict) and len(value) == 0)


def prune(value):
    """The value with every empty value left out, at any depth (0 and false are kept)."""
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            item = prune(item)
            if not is_empty(item):
                kept[key] = item
        return kept
    if isinstance(value, list):
        return [item for item in map(prune, value) if not is_empty(item)]
    return value


def derived_id(parent: uuid.UUID, role: str) -> str:
    """A stable id for a row ORUK needs that the directory does not store."""
    return str(uuid.uuid5(parent, role))


def timestamp(moment: datetime | None) -> str | None:
    """An RFC 3339 date-time in UTC with milliseconds, as ORUK's last_modified asks."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def number(amount: Decimal | int | float | None) -> int | float | None:
    """A JSON number: whole amounts as integers, others as decimals."""
    if amount is None:
        return None
    value = Decimal(amount)
    if not value.is_finite():
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _id(value) -> str | None:
    return str(value) if value is not None else None


# Taxonomies -------------------------------------------------------------------------------------


def _taxonomy(taxonomy) -> dict:
    return {
        "id": str(taxonomy.id),
        "name": taxonomy.name,
        "description": taxonomy.description or taxonomy.name,  # required by the schema
        "uri": taxonomy.uri,
        "version": taxonomy.version,
    }


def _term(term) -> dict:
    """A taxonomy term; `term.taxonomy` must be fetched with it."""
    return {
        "id": str(term.id),
        "name": term.name,
        "description": term.description or term.name,  # required by the schema
        "parent_id": _id(term.parent_id),
        "taxonomy": term.taxonomy.name,
        "taxonomy_id": str(term.taxonomy_id),
        "term_uri": term.term_uri,
        "term": term.name,
        "x_active": term.is_active,
    }


def taxonomy(taxonomy, terms=None) -> dict:
    """An ORUK taxonomy; with `terms` (its terms, each with `.taxonomy`), the detail form."""
    record = _taxonomy(taxonomy)
    if terms is not None:
        record["taxonomy_terms"] = [_term(term) for term in terms]
    return prune(record)


def taxonomy_term(term) -> dict:
    return prune(_term(term))


def _attribute(attribute_id: str, link_id, term) -> dict:
    return {
        "id": attribute_id,
        "link_id": str(link_id),
        "link_type": term.taxonomy.vocabulary,
        "taxonomy_term_id": str(term.id),
        "taxonomy_term": _term(term),
    }


def _term_order(term) -> tuple:
    return (term.taxonomy.position, term.taxonomy.name, term.position, term.name, str(term.id))


# Organisations ----------------------------------------------------------------------------------


def _organization(provider, *, identifiers: bool) -> dict:
    record = {
        "id": str(provider.id),
        "name": provider.name,
        "description": provider.description or provider.name,  # required by the schema
        "email": provider.email,
        "website": provider.website,
    }
    if identifiers and provider.identifier:
        scheme = provider.identifier_scheme
        record["organization_identifiers"] = [
            {
                "id": derived_id(provider.id, "organization_identifier"),
                "organization_id": str(provider.id),
                "identifier_scheme": scheme,
                "identifier_type": IDENTIFIER_TYPES.get(scheme, scheme) or "Identifier",
                "identifier": provider.identifier,
            }
        ]
    return record


def organization_summary(provider) -> dict:
    """An organisation as a list item (compiled/organization_list.json)."""
    return prune(_organization(provider, identifiers=False))


def organization(provider, services) -> dict:
    """An organisation with its identifiers and its published services, each with the venues it
    is delivered at (compiled/organization.json); `services` need `at_locations__location`."""
    record = _organization(provider, identifiers=True)
    record["services"] = [
        {
            **_service_fields(service),
            "service_at_locations": [
                {
                    "id": str(sal.id),
                    "service_id": str(service.id),
                    "location_id": str(sal.location_id),
                    "location": _location_fields(sal.location),
                }
                for sal in _ordered_at_locations(service)
            ],
        }
        for service in services
    ]
    return prune(record)


# Locations --------------------------------------------------------------------------------------


def _location_fields(location) -> dict:
    return {
        "id": str(location.id),
        "location_type": location.location_type,
        "name": location.name,
        "description": location.description,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "external_identifier": location.uprn,
        "external_identifier_type": "UPRN" if location.uprn else None,
    }


def _address(location) -> dict | None:
    """The venue's address, when it has the parts ORUK requires."""
    if location.location_type == "virtual" or not location.has_address:
        return None
    return {
        "id": str(location.address_id),
        "location_id": str(location.id),
        "address_1": location.address_1,
        "city": location.city,
        "state_province": location.state_province or DEFAULT_REGION,
        "postal_code": location.postal_code,
        "country": location.country or "GB",
        "address_type": location.location_type,
    }


def _accessibility(location) -> list[dict]:
    """Each accessibility feature, tagged with its term; needs
    `locationaccessibility_set__term__taxonomy`."""
    features = sorted(location.locationaccessibility_set.all(), key=lambda f: _term_order(f.term))
    return [
        {
            "id": str(feature.id),
            "location_id": str(location.id),
            "description": feature.term.name,
            "details": feature.term.description,
            "accessibility": feature.term.name,
            "attributes": [
                _attribute(derived_id(feature.id, "attribute"), feature.id, feature.term)
            ],
        }
        for feature in features
    ]


def _location(location) -> dict:
    return {
        **_location_fields(location),
        "addresses": [_address(location)],
        "accessibility": _accessibility(location),
    }


def _ordered_at_locations(service) -> list:
    return sorted(service.at_locations.all(), key=lambda sal: (sal.location.name, str(sal.id)))


# Services ---------------------------------------------------------------------------------------


def _service_fields(service) -> dict:
    """The service's own (one-to-one) fields, with the Local Offer's scalar extras."""
    fees = "" if service.is_free else service.fees
    return {
        "id": str(service.id),
        "organization_id": str(service.provider_id),
        "name": service.name,
        "description": service.description,
        "url": service.url,
        "email": service.email,
        "status": service.status,
        "fees": fees,
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "assured_date": day(service.assured_date),
        "assurer_email": service.assurer_email,
        "alert": service.alert,
        "last_modified": timestamp(service.last_modified),
        # HSDS 3.0 fields the UK profile removed
        "application_process": service.how_to_access,
        "fees_description": fees,
        # OpenSEND extensions
        "x_send_support": service.send_support,
        "x_referral_required": service.referral_required,
    }


def service_summary(service) -> dict:
    """A service as a list item (compiled/service_list.json); needs `provider`."""
    return prune(
        {
            **_service_fields(service),
            "organization": _organization(service.provider, identifiers=False),
        }
    )


def _schedules(service) -> list[dict]:
    """Weekly opening times as iCalendar rules; the service's schedule note on each."""
    note = service.schedule_description
    schedules = [
        {
            "id": str(slot.id),
            "service_id": str(service.id),
            "freq": "WEEKLY",
            "byday": BYDAY[slot.weekday],
            "opens_at": slot.opens_at.strftime("%H:%M"),
            "closes_at": slot.closes_at.strftime("%H:%M"),
            "description": note,
        }
        for slot in service.opening_times.all()
    ]
    if not schedules and note:
        schedules.append(
            {
                "id": derived_id(service.id, "schedule"),
                "service_id": str(service.id),
                "description": note,
            }
        )
    return schedules


def _cost_options(service) -> list[dict]:
    options = []
    if service.is_free:
        options.append(
            {
                "id": derived_id(service.id, "free"),
                "service_id": str(service.id),
                "option": FREE,
                "amount": 0,
            }
        )
    for cost in service.cost_options.all():
        options.append(
            {
                "id": str(cost.id),
                "service_id": str(service.id),
                "option": cost.option,
                "amount": number(cost.amount),
                "amount_description": cost.amount_description,
            }
        )
    return options


def _phone(owner_id: uuid.UUID, number_text: str, **link) -> dict | None:
    if not number_text:
        return None
    return {"id": derived_id(owner_id, "phone"), **link, "number": number_text}


def _contacts(service) -> list[dict]:
    return [
        {
            "id": str(contact.id),
            "service_id": str(service.id),
            "name": contact.name,
            "title": contact.title,
            "email": contact.email,
            "phones": [_phone(contact.id, contact.phone, contact_id=str(contact.id))],
        }
        for contact in service.contacts.all()
    ]


def _service_areas(service) -> list[dict]:
    return [
        {
            "id": str(area.id),
            "service_id": str(service.id),
            "name": area.name,
            "service_area": area.name,
            "uri": area.uri,
        }
        for area in service.service_areas.all()
    ]


def _attributes(service) -> list[dict]:
    attributes = sorted(service.attributes.all(), key=lambda a: _term_order(a.term))
    return [_attribute(str(a.id), service.id, a.term) for a in attributes]


def _service(service, *, with_locations: bool) -> dict:
    record = {
        **_service_fields(service),
        "organization": _organization(service.provider, identifiers=True),
        "phones": [_phone(service.id, service.phone, service_id=str(service.id))],
        "schedules": _schedules(service),
        "service_areas": _service_areas(service),
        "cost_options": _cost_options(service),
        "contacts": _contacts(service),
        "attributes": _attributes(service),
    }
    if with_locations:
        record["service_at_locations"] = [
            {
                "id": str(sal.id),
                "service_id": str(service.id),
                "location_id": str(sal.location_id),
                "location": _location(sal.location),
            }
            for sal in _ordered_at_locations(service)
        ]
    return record


def service(service) -> dict:
    """A service with everything attached to it (compiled/service.json). The service needs
    `provider`, `attributes__term__taxonomy`, `opening_times`, `cost_options`, `contacts`,
    `service_areas` and `at_locations__location__locationaccessibility_set__term__taxonomy`."""
    return prune(_service(service, with_locations=True))


# Services at locations --------------------------------------------------------------------------


def service_at_location_summary(sal) -> dict:
    """A service at a location as a list item (compiled/service_at_location_list.json); needs
    `location` and `service__provider`."""
    return prune(
        {
            "id": str(sal.id),
            "service_id": str(sal.service_id),
            "location_id": str(sal.location_id),
            "location": _location_fields(sal.location),
            "service": {
                **_service_fields(sal.service),
                "organization": _organization(sal.service.provider, identifiers=False),
            },
        }
    )


def service_at_location(sal) -> dict:
    """A service at a location in full (compiled/service_at_location.json).

    The ORUK 3.0 OpenAPI declares this response as compiled/service.json (an HSDS 3.0 mistake
    fixed upstream later), which requires `name` and `status`: the record also carries the
    service's name and status at the top level, so it validates against both.
    """
    service_record = sal.service
    return prune(
        {
            "id": str(sal.id),
            "service_id": str(sal.service_id),
            "location_id": str(sal.location_id),
            "name": service_record.name,
            "status": service_record.status,
            "location": _location(sal.location),
            "service": _service(service_record, with_locations=False),
        }
    )


# Paging -----------------------------------------------------------------------------------------


def total_pages(total: int, per_page: int) -> int:
    return math.ceil(total / per_page) if total > 0 else 0


def page_envelope(total: int, page: int, per_page: int, contents: list) -> dict:
    """ORUK's paging envelope around one page of records."""
    pages = total_pages(total, per_page)
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": len(contents) == 0,
        "contents": contents,
    }
