"""Every view declares who may use it, and answers no role its rule denies."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from opensend.accounts import services
from opensend.accounts.roles import Role
from opensend.casework.models import Request
from opensend.casework.next_steps import refresh_cases
from opensend.returns.models import Sen2Check
from tests.casework.factories import (
    AdviceRequestFactory,
    DisputeFactory,
    NamedSettingFactory,
    PhaseTransferFactory,
    PlanFactory,
    ReviewFactory,
)
from tests.factories import (
    CircumstanceFactory,
    NeedFactory,
    PersonFactory,
    PlacementFactory,
    SenStatusFactory,
)


def all_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = entry.namespace
            yield from (
                (f"{namespace}:{name}" if namespace and name else name, route, view)
                for name, route, view in all_patterns(entry, prefix + str(entry.pattern))
            )
        elif isinstance(entry, URLPattern):
            yield entry.name, prefix + str(entry.pattern), entry.callback


PATTERNS = sorted(all_patterns(), key=lambda p: p[1])


def test_every_view_declares_its_access_rule():
    undeclared = [
        route
        for _, route, view in PATTERNS
        if not getattr(view, "is_public", False) and not getattr(view, "required_permission", None)
    ]
    assert undeclared == [], f"views with no access rule: {undeclared}"


def full_case(person):
    """A case with every kind of record a casework URL can name: advice, an issued plan with a
    named setting, a review, a phase transfer and a dispute."""
    plan = PlanFactory(assessment__case__person=person)
    case = plan.assessment.case
    records = {
        "case_id": case.pk,
        "plan_id": plan.pk,
        "advice_id": AdviceRequestFactory(case=case).pk,
        "review_id": ReviewFactory(plan=plan).pk,
        "transfer_id": PhaseTransferFactory(plan=plan).pk,
        "dispute_id": DisputeFactory(case=case).pk,
        "rank": 1,
    }
    NamedSettingFactory(plan=plan)
    refresh_cases(Request.objects.filter(pk=case.pk))
    return records


def directory_records(editor) -> dict:
    """A published service with a venue, a waiting change, a suggestion, and a guidance page."""
    from opensend.directory import services as directory
    from opensend.directory.models import GuidancePage, Location, Provider, ServiceAtLocation
    from opensend.directory.taxonomies import taxonomy_id, term_id

    provider = Provider.objects.create(name="Brook Trust", description="A charity.")
    venue = Location.objects.create(
        provider=provider, name="Hall", address_1="1 Lane", city="York", postal_code="YO1 7HH"
    )
    snapshot = {"name": "Club", "description": "Fun.", "status": "active", "is_free": True}
    service = directory.create_service(
        actor=editor, provider=provider, snapshot={**snapshot, "locations": [str(venue.pk)]}
    ).service
    new = directory.create_service(
        actor=None, provider=provider, snapshot={**snapshot, "name": "New club"}
    )
    page = GuidancePage.objects.create(slug="sensory", title="Sensory", summary="S", body="B")
    return {
        "service_id": str(service.pk),
        "revision_id": new.pk,
        "suggestion_id": directory.record_suggestion(
            service=service, topic="other", details="Closed"
        ).pk,
        "provider_id": str(provider.pk),
        "organization_id": str(provider.pk),
        "venue_id": str(venue.pk),
        "service_at_location_id": str(ServiceAtLocation.objects.get(service=service).pk),
        "taxonomy_id": str(taxonomy_id("need")),
        "term_id": str(term_id("need", "asd")),
        "page_id": page.pk,
        "slug": page.slug,
    }


@pytest.fixture
def records(local_authority, make_user):
    person = PersonFactory(responsible_la=local_authority)
    colleague = make_user(Role.CASEWORKER)
    uidb64, token = services.set_password_path(colleague).strip("/").split("/")[-2:]
    return {
        "user_id": colleague.pk,
        "uidb64": uidb64,
        "token": token,
        "person_id": person.pk,
        "kind": "need",
        "fact_id": NeedFactory(person=person).pk,
        **full_case(person),
        "check_id": Sen2Check.objects.create(local_authority=local_authority, file_name="a.xml").pk,
        "iso_date": "2025-01-16",
        "table": "caseload",
        **directory_records(make_user(Role.DIRECTORY_EDITOR)),
        "extras": [
            SenStatusFactory(person=person),
            PlacementFactory(person=person),
            CircumstanceFactory(person=person),
        ],
    }


def concrete(route: str, records: dict) -> str:
    """The route with each parameter (`<int:case_id>`) replaced by the record of that name."""
    path = "/" + route
    for name, value in records.items():
        if isinstance(value, int | str):
            for converter in ("int", "slug", "str", "uuid"):
                path = path.replace(f"<{converter}:{name}>", str(value))
    assert "<" not in path, f"no test value for a parameter in {route}"
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("role", [*Role.values, None])
def test_role_matrix(client, make_user, records, role):
    user = make_user(role=role) if role else None
    if user:
        client.force_login(user)
    failures = []
    for _name, route, view in PATTERNS:
        path = concrete(route, records)
        response = client.get(path)
        if getattr(view, "is_public", False):
            if response.status_code >= 400:
                failures.append(f"{path}: public page answered {response.status_code}")
            continue
        allowed = bool(user) and user.has_perm(view.required_permission)
        if not user:
            ok = response.status_code == 302 and "/sign-in/" in response.url
        elif allowed:
            ok = response.status_code in (200, 302)
        else:
            ok = response.status_code == 403
        if not ok:
            failures.append(f"{path}: role {role} allowed={allowed} got {response.status_code}")
    assert failures == []


@pytest.mark.django_db
def test_user_without_role_sees_nothing(client, make_user, records):
    client.force_login(make_user(role=""))
    for _name, route, view in PATTERNS:
        if getattr(view, "is_public", False):
            continue
        assert client.get(concrete(route, records)).status_code == 403, route
