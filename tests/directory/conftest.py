"""Directory fixtures: providers, venues and published services made through the services layer."""

import pytest

from opensend.accounts.roles import OrganisationKind, Role
from opensend.directory import queries, services
from opensend.directory.models import Location, Provider, TaxonomyTerm
from opensend.directory.taxonomies import term_id
from tests.factories import OrganisationFactory


def term(vocabulary: str, code: str) -> TaxonomyTerm:
    """One of the starting terms, e.g. term("need", "asd")."""
    return TaxonomyTerm.objects.get(pk=term_id(vocabulary, code))


@pytest.fixture(autouse=True)
def fresh_search_index():
    queries.forget_search_index()
    yield
    queries.forget_search_index()


@pytest.fixture
def provider_organisation(db, local_authority):
    organisation = OrganisationFactory(name="Riverside Play Trust", kind=OrganisationKind.PROVIDER)
    organisation.local_authorities.add(local_authority)
    return organisation


@pytest.fixture
def reviewer(make_user):
    return make_user(role=Role.DIRECTORY_EDITOR)


@pytest.fixture
def provider_editor(make_user, provider_organisation):
    return make_user(role=Role.DIRECTORY_EDITOR, organisation=provider_organisation)


@pytest.fixture
def provider(db, provider_organisation):
    return Provider.objects.create(
        name="Riverside Play Trust",
        description="A charity running inclusive play and short breaks.",
        email="hello@riverside-play.example.org",
        website="https://riverside-play.example.org",
        account_organisation=provider_organisation,
    )


@pytest.fixture
def venue(provider):
    return Location.objects.create(
        provider=provider,
        name="Riverside Centre",
        address_1="1 Mill Lane",
        city="York",
        state_province="North Yorkshire",
        postal_code="YO1 7HH",
        latitude=53.9591,
        longitude=-1.0815,
    )


def details(**changes) -> dict:
    """A complete snapshot of service details, with changes."""
    snapshot = {
        "name": "Saturday Play Club",
        "description": "Inclusive play for disabled children and their brothers and sisters.",
        "status": "active",
        "url": "https://riverside-play.example.org/saturday",
        "email": "play@riverside-play.example.org",
        "phone": "01904 000000",
        "minimum_age": 5,
        "maximum_age": 11,
        "is_free": True,
        "fees": "",
        "referral_required": False,
        "how_to_access": "Book a place on our website.",
        "send_support": "Staff are trained in autism awareness and Makaton.",
        "schedule_description": "Term time only",
        "alert": "",
        "terms": [],
        "locations": [],
        "opening_times": [{"weekday": 5, "opens_at": "10:00", "closes_at": "13:00"}],
        "cost_options": [],
        "contacts": [{"name": "Play team", "title": "", "phone": "01904 000000", "email": ""}],
        "service_areas": [{"name": "City of York", "uri": ""}],
    }
    snapshot.update(changes)
    return snapshot


@pytest.fixture
def publish(reviewer, provider):
    """Make a published service: publish(name=..., terms=[term_obj, ...], locations=[loc, ...])."""

    def make(**changes):
        for key in ("terms", "locations"):
            if key in changes:
                changes[key] = [str(item.pk) for item in changes[key]]
        revision = services.create_service(
            actor=reviewer, provider=provider, snapshot=details(**changes)
        )
        return revision.service

    return make
