"""The SEN2 pages, with a report of problems, statistics and form errors, pass axe-core's
WCAG 2.2 AA rules; checking a file works end to end in the browser."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from opensend.accounts.roles import Role
from opensend.returns.models import Sen2Check
from tests.browser.conftest import axe_violations
from tests.browser.test_pages_accessible import sign_in
from tests.casework.factories import PlanFactory
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLE = Path(__file__).parents[1] / "returns" / "sen2" / "samples" / "valid_2026.xml"


def test_sen2_pages_have_no_accessibility_violations(
    page, live_server, make_user, local_authority, tmp_path
):
    make_user(Role.ANALYST, email="analyst@example.org")
    PlanFactory(assessment__case__person=PersonFactory(responsible_la=local_authority))
    sign_in(page, live_server.url, "analyst@example.org")
    problems = {}
    for path in [
        "/returns/sen2/",
        "/returns/sen2/header/",
        "/returns/sen2/export/",
        "/returns/sen2/check/",
        "/returns/sen2/import/",
        "/returns/sen2/statistics/?reference_date-day=15&reference_date-month=1"
        "&reference_date-year=2026",
    ]:
        page.goto(live_server.url + path)
        if violations := axe_violations(page):
            problems[path] = violations

    page.goto(live_server.url + "/returns/sen2/export/")
    page.get_by_role("button", name="Export the return").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    if violations := axe_violations(page):
        problems["export with errors"] = violations

    broken = tmp_path / "SEN2.xml"
    broken.write_text(SAMPLE.read_text().replace("<Sex>F</Sex>", "<Sex>X</Sex>", 1))
    page.goto(live_server.url + "/returns/sen2/check/")
    page.set_input_files("input[type=file]", str(broken))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("Problems found")).to_be_visible()
    expect(page.locator("table").get_by_text("X", exact=True)).to_be_visible()
    if violations := axe_violations(page):
        problems["report with problems"] = violations
    assert Sen2Check.objects.get().errors == 1
    assert problems == {}
