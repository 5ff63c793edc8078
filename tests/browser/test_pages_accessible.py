"""Every page a role can reach passes axe-core's WCAG 2.2 AA rules, including form errors."""

import pytest
from playwright.sync_api import expect

from opensend.accounts.roles import Role
from tests.browser.conftest import axe_violations
from tests.factories import (
    PASSWORD,
    CircumstanceFactory,
    NeedFactory,
    PersonFactory,
    PlacementFactory,
    SenStatusFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base, email):
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


@pytest.fixture
def person(local_authority):
    person = PersonFactory(responsible_la=local_authority)
    SenStatusFactory(person=person)
    NeedFactory(person=person)
    PlacementFactory(person=person)
    CircumstanceFactory(person=person)
    return person


PAGES = {
    Role.SEND_MANAGER: [
        "/",
        "/register/",
        "/register/?provision=E&q=a",
        "/register/people/{p}/",
        "/register/people/{p}/edit/",
        "/register/people/new/",
        "/register/people/{p}/sen-status/new/",
        "/register/people/{p}/need/new/",
        "/register/people/{p}/setting/new/",
        "/register/people/{p}/circumstance/new/",
        "/register/people/{p}/exclusion/new/",
        "/register/people/{p}/attendance/new/",
        "/register/export/",
        "/import/register/",
        "/import/register/guidance/",
        "/casework/",
        "/insight/",
        "/governance/",
        "/local-offer/",
        "/no-such-page/",
    ],
    Role.ADMINISTRATOR: ["/", "/audit/", "/accounts/", "/accounts/new/", "/register/"],
}
FORMS_SUBMITTED_EMPTY = {
    Role.SEND_MANAGER: [
        "/register/people/{p}/need/new/",
        "/register/people/{p}/setting/new/",
        "/register/export/",
        "/import/register/",
    ],
    Role.ADMINISTRATOR: ["/accounts/new/"],
}


@pytest.mark.parametrize("role", list(PAGES))
def test_pages_have_no_accessibility_violations(page, live_server, make_user, person, role):
    make_user(role, email=f"{role}@example.org")
    sign_in(page, live_server.url, f"{role}@example.org")
    problems = {}
    for path in PAGES[role]:
        page.goto(live_server.url + path.format(p=person.pk))
        if violations := axe_violations(page):
            problems[path] = violations
    for path in FORMS_SUBMITTED_EMPTY[role]:
        page.goto(live_server.url + path.format(p=person.pk))
        page.locator("main form[method=post] button[type=submit]").last.click()
        page.wait_for_load_state()
        expect(page.locator(".govuk-error-summary"), path).to_be_visible()
        if violations := axe_violations(page):
            problems[f"{path} with errors"] = violations
    assert problems == {}
