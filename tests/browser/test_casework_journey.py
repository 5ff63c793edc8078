"""A caseworker takes a request to an issued plan, watching the deadlines move; every page visited,
including one with a form error, passes axe-core's WCAG 2.2 AA rules."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from opensend.accounts.roles import Role
from tests.browser.conftest import axe_violations
from tests.factories import PASSWORD, EstablishmentFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def caseworker(make_user):
    return make_user(Role.CASEWORKER, email="caseworker@example.org")


@pytest.fixture
def person(local_authority):
    return PersonFactory(
        responsible_la=local_authority,
        forename="Wren",
        surname="Journeytest",
        birth_date=dt.date(2013, 6, 2),
    )


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], f"{page.url}: {violations}"


def sign_in(page, base):
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill("caseworker@example.org")
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


def enter_date(page, field, date: dt.date):
    page.locator(f"#id_{field}-day").fill(str(date.day))
    page.locator(f"#id_{field}-month").fill(str(date.month))
    page.locator(f"#id_{field}-year").fill(str(date.year))


def save(page):
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()


def next_step(page) -> str:
    return page.locator(".app-next-step").inner_text()


def statutory_dates(page) -> str:
    return page.locator("table", has_text="Statutory dates").inner_text()


def test_request_to_issued_plan(page, live_server, caseworker, person):
    EstablishmentFactory(name="Moorside Academy", urn="149999")
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/register/people/{person.pk}/")
    expect(page.get_by_role("heading", name="EHC casework")).to_be_visible()
    assert_accessible(page)

    # Record the request: an empty form first, to see the errors.
    page.get_by_role("link", name="Record a request for an assessment").click()
    assert_accessible(page)
    save(page)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert "Enter the date the request was received" in summary.inner_text()
    assert_accessible(page)
    enter_date(page, "received_on", dt.date(2025, 3, 3))
    page.get_by_label("Young person or parent").check()
    save(page)
    assert "Request recorded" in page.locator(".govuk-notification-banner").inner_text()
    assert "Decide whether to assess" in next_step(page)
    assert "14 April 2025" in next_step(page)  # 6 weeks from the request
    assert "21 July 2025" in statutory_dates(page)  # 20 weeks from the request
    assert_accessible(page)

    # A decision dated before the request is refused, with the service's reason.
    page.get_by_role("link", name="Record the decision whether to assess").click()
    page.get_by_label("Yes, carry out an EHC needs assessment").check()
    enter_date(page, "decided_on", dt.date(2025, 2, 1))
    save(page)
    assert "must be on or after the request (3 March 2025)" in (
        page.locator(".govuk-error-summary").inner_text()
    )
    assert_accessible(page)
    enter_date(page, "decided_on", dt.date(2025, 4, 7))
    save(page)
    assert "Decide whether to issue a plan" in next_step(page)
    assert "23 June 2025" in next_step(page)  # the 16-week notice
    assert_accessible(page)

    page.get_by_role("link", name="Record a request for advice").click()
    page.get_by_label("Educational psychologist").check()
    enter_date(page, "requested_on", dt.date(2025, 4, 8))
    assert_accessible(page)
    save(page)
    assert "Chase advice: educational psychologist" in next_step(page)
    assert "20 May 2025" in next_step(page)  # advice due in 6 weeks
    assert "Advice: Educational psychologist" in statutory_dates(page)
    assert_accessible(page)

    page.get_by_role("link", name="Record that the draft plan was sent").click()
    enter_date(page, "sent_on", dt.date(2025, 6, 20))
    save(page)
    assert "4 July 2025" in statutory_dates(page)  # the family's 15 days
    assert_accessible(page)

    page.get_by_role("link", name="Record that the final plan was issued").click()
    assert_accessible(page)
    enter_date(page, "issued_on", dt.date(2025, 7, 14))
    save(page)
    expect(page.get_by_text("Plan maintained").first).to_be_visible()
    assert "19 weeks" in page.locator(".govuk-summary-list", has_text="Weeks taken").inner_text()
    assert "Hold the annual review" in next_step(page)
    assert "14 July 2026" in next_step(page)  # 12 months after the plan was issued
    assert_accessible(page)

    # Name the school with the autocomplete.
    page.get_by_role("link", name="Name the main setting").click()
    page.locator("#id_establishment").fill("Moorside")
    page.get_by_role("option", name="Moorside Academy (URN 149999)").click()
    assert_accessible(page)
    save(page)
    assert "Moorside Academy (URN 149999)" in page.locator("main").inner_text()
    timeline = page.locator(".moj-timeline").inner_text()
    for entry in ("Request for an assessment received", "Decided to assess", "Final plan issued"):
        assert entry in timeline
    assert_accessible(page)
