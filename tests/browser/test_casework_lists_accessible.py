"""The casework lists, with rows, filters and errors, pass axe-core's WCAG 2.2 AA rules."""

import pytest
from playwright.sync_api import expect

from opensend.accounts.roles import Role
from tests.browser.conftest import axe_violations
from tests.browser.test_pages_accessible import sign_in
from tests.casework.test_list_views import open_work

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/casework/",
    "/casework/?caseworker=none&overdue=on&sort=-name",
    "/casework/assessments/",
    "/casework/assessments/?at_risk=on&sort=predicted",
    "/casework/reviews/",
    "/casework/phase-transfers/",
    "/casework/team/",
    "/casework/download/",
    "/casework/team/download/",
]


def test_casework_lists_have_no_accessibility_violations(
    page, live_server, make_user, local_authority
):
    manager = make_user(Role.SEND_MANAGER, email="manager@example.org")
    open_work(local_authority, caseworker=manager)
    open_work(local_authority)
    sign_in(page, live_server.url, "manager@example.org")
    problems = {}
    for path in PAGES:
        page.goto(live_server.url + path)
        if violations := axe_violations(page):
            problems[path] = violations
    page.goto(live_server.url + "/casework/team/")
    page.get_by_role("button", name="Reassign selected cases").click()
    page.wait_for_load_state()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    if violations := axe_violations(page):
        problems["team reassignment with errors"] = violations
    assert problems == {}
