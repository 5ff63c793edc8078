"""The public Local Offer passes axe-core's WCAG 2.2 AA rules: search with results, filters and
errors, a service page, suggest a change with errors, the shortlist (added to with and without
the page's script) and guidance. No one signs in."""

import re

import pytest
from playwright.sync_api import expect

from opensend.accounts.roles import Role
from opensend.directory import services, taxonomies
from opensend.directory.models import GuidancePage, Location, Provider, Taxonomy, TaxonomyTerm
from tests.browser.conftest import axe_violations
from tests.directory.conftest import details, term


@pytest.fixture
def local_offer(make_user):
    # Transactional tests empty the tables the migrations seeded; put the taxonomies back.
    taxonomies.seed(Taxonomy, TaxonomyTerm)
    reviewer = make_user(role=Role.DIRECTORY_EDITOR)
    provider = Provider.objects.create(
        name="Riverside Play Trust", description="A charity running inclusive play."
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
    venue.accessibility.set([term("accessibility", "step-free")])

    def publish(**changes):
        for key in ("terms", "locations"):
            changes[key] = [str(item.pk) for item in changes.get(key, [])]
        snapshot = details(**changes)
        return services.create_service(actor=reviewer, provider=provider, snapshot=snapshot).service

    play = publish(
        name="Saturday Play Club",
        terms=[term("category", "short-breaks"), term("need", "asd")],
        locations=[venue],
    )
    publish(
        name="Chatterbox Speech Clinic",
        description="Speech and language therapy for children who find talking hard.",
        status="temporarily closed",
        alert="Closed for repairs until further notice.",
        is_free=False,
        fees="Sessions cost £20.",
        terms=[term("category", "speech-language-therapy"), term("need", "slcn")],
        locations=[venue],
    )
    for n in range(22):
        publish(name=f"Imaginary Activity Group {n:02d}", terms=[term("need", "semh")])
    services.save_guidance_page(
        actor=reviewer,
        page=GuidancePage(
            slug="communication",
            title="Communication and interaction",
            summary="What every setting offers children who find communicating hard.",
            body="## In every classroom\n\n- Visual timetables\n- Now and next boards",
        ),
        needs=[term("need", "communication-interaction")],
    )
    return play


def test_local_offer_pages_have_no_accessibility_violations(page, live_server, local_offer):
    base = live_server.url
    service = f"/local-offer/services/{local_offer.pk}/"
    problems = {}
    for path in [
        "/local-offer/",
        "/local-offer/?page=2",
        "/local-offer/?q=plya&postcode=YO1&need=communication-interaction&need=asd&day=sat",
        "/local-offer/?postcode=nonsense&age=40&distance=5",
        "/local-offer/?q=nothing+matches+this",
        service,
        f"/local-offer/services/{local_offer.pk}/suggest-a-change/sent/",
        "/local-offer/shortlist/",
        "/local-offer/guidance/",
        "/local-offer/guidance/communication/",
        "/local-offer/guidance/no-such-page/",
    ]:
        page.goto(base + path)
        if violations := axe_violations(page):
            problems[path] = violations

    page.goto(base + f"/local-offer/services/{local_offer.pk}/suggest-a-change/")
    page.get_by_role("button", name="Send suggestion").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: Suggest a change"))
    if violations := axe_violations(page):
        problems["suggest a change with errors"] = violations

    # The script adds to the shortlist without leaving the page.
    page.goto(base + "/local-offer/?q=saturday")
    page.get_by_role("button", name="Add Saturday Play Club to shortlist").click()
    expect(
        page.get_by_role("button", name="Remove Saturday Play Club from shortlist")
    ).to_be_visible()
    expect(page.locator("[data-shortlist-count]")).to_have_text("(1 service)")
    expect(page.get_by_role("status")).to_have_text("Saturday Play Club added to your shortlist")

    page.goto(base + "/local-offer/shortlist/")
    expect(page.get_by_role("button", name="Print this list")).to_be_visible()
    expect(page.get_by_role("heading", name="Saturday Play Club")).to_be_visible()
    if violations := axe_violations(page):
        problems["shortlist with a service"] = violations
    share = page.get_by_label("Link to this list").input_value()
    page.goto(share)
    expect(page.get_by_role("heading", name="Saturday Play Club")).to_be_visible()
    if violations := axe_violations(page):
        problems["shared shortlist"] = violations
    assert problems == {}


def test_the_shortlist_works_without_the_script(browser, live_server, local_offer):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + f"/local-offer/services/{local_offer.pk}/")
        page.get_by_role("button", name="Add Saturday Play Club to shortlist").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text(
            "Saturday Play Club added to your shortlist"
        )
        expect(page.locator("[data-shortlist-count]")).to_have_text("(1 service)")
        page.goto(live_server.url + "/local-offer/shortlist/")
        expect(page.get_by_role("button", name="Print this list")).to_be_hidden()
        page.get_by_role("button", name="Remove Saturday Play Club from shortlist").click()
        page.goto(live_server.url + "/local-offer/shortlist/")
        expect(page.get_by_text("Your shortlist is empty")).to_be_visible()
    finally:
        context.close()
