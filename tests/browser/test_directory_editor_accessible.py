"""The directory editors' pages pass axe-core's WCAG 2.2 AA rules: overview, services, a service,
the service form (and with errors), the review queue, a change with its differences, providers,
venues, taxonomies, guidance and import."""

import pytest
from playwright.sync_api import expect

from opensend.accounts.roles import OrganisationKind, Role
from opensend.directory import services, taxonomies
from opensend.directory.models import Location, Provider, Taxonomy, TaxonomyTerm
from tests.browser.conftest import axe_violations
from tests.browser.test_pages_accessible import sign_in
from tests.directory.conftest import details, term
from tests.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory(make_user, local_authority):
    taxonomies.seed(Taxonomy, TaxonomyTerm)  # transactional tests empty the seeded tables
    reviewer = make_user(role=Role.DIRECTORY_EDITOR, email="reviewer@example.org")
    trust = OrganisationFactory(name="Riverside Play Trust", kind=OrganisationKind.PROVIDER)
    editor = make_user(role=Role.DIRECTORY_EDITOR, organisation=trust, email="editor@example.org")
    provider = Provider.objects.create(
        name="Riverside Play Trust", description="Inclusive play.", account_organisation=trust
    )
    venue = Location.objects.create(
        provider=provider,
        name="Riverside Centre",
        address_1="1 Mill Lane",
        city="York",
        postal_code="YO1 7HH",
        latitude=53.9591,
        longitude=-1.0815,
    )
    snapshot = details(terms=[str(term("need", "asd").pk)], locations=[str(venue.pk)])
    service = services.create_service(actor=reviewer, provider=provider, snapshot=snapshot).service
    change = services.propose_change(
        actor=editor,
        service=service,
        snapshot={**snapshot, "name": "Saturday Club", "terms": [str(term("need", "hi").pk)]},
        note="New name",
    )
    services.record_suggestion(service=service, topic="out_of_date", details="New phone number")
    return {"service": service, "change": change, "provider": provider, "venue": venue}


def test_directory_editor_pages_have_no_accessibility_violations(page, live_server, directory):
    sign_in(page, live_server.url, "reviewer@example.org")
    service, provider = directory["service"], directory["provider"]
    need = taxonomies.taxonomy_id("need")
    paths = [
        "/directory/",
        "/directory/services/",
        f"/directory/services/{service.pk}/",
        f"/directory/services/{service.pk}/change/",
        "/directory/changes/",
        f"/directory/changes/{directory['change'].pk}/",
        "/directory/overdue/",
        "/directory/suggestions/",
        "/directory/providers/",
        f"/directory/providers/{provider.pk}/",
        f"/directory/providers/{provider.pk}/venues/{directory['venue'].pk}/",
        "/directory/taxonomies/",
        f"/directory/taxonomies/{need}/",
        f"/directory/taxonomies/{need}/terms/{taxonomies.term_id('need', 'asd')}/",
        "/directory/guidance/new/",
        "/directory/import-export/",
    ]
    problems = {}
    for path in paths:
        page.goto(live_server.url + path)
        if violations := axe_violations(page):
            problems[path] = violations
    for path in (
        f"/directory/services/{service.pk}/change/",
        f"/directory/changes/{directory['change'].pk}/",
    ):
        page.goto(live_server.url + path)
        if "change/" in path:
            page.get_by_label("Name", exact=True).fill("")
        else:
            page.get_by_role("radio", name="Reject").check()
        page.get_by_role("button", name="Save" if "change/" in path else "Confirm decision").click()
        page.wait_for_load_state()
        expect(page.locator(".govuk-error-summary"), path).to_be_visible()
        if violations := axe_violations(page):
            problems[f"{path} with errors"] = violations
    assert problems == {}


def test_a_provider_proposes_and_sees_it_waiting(page, live_server, directory):
    sign_in(page, live_server.url, "editor@example.org")
    page.goto(f"{live_server.url}/directory/services/{directory['service'].pk}/change/")
    page.get_by_label("Short-term notice").fill("Closed on 1 December")
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_text("waiting for the Local Offer team")).to_be_visible()
    assert axe_violations(page) == []
