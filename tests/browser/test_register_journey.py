"""Sign in, search the register, open a person: every page passes axe-core's WCAG 2.2 AA rules."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from opensend.accounts.roles import Role
from tests.browser.conftest import axe_violations
from tests.factories import (
    PASSWORD,
    NeedFactory,
    PersonFactory,
    PlacementFactory,
    SenStatusFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def caseworker(make_user):
    return make_user(Role.CASEWORKER, email="caseworker@example.org")


@pytest.fixture
def person(local_authority):
    person = PersonFactory(
        responsible_la=local_authority,
        forename="Wren",
        surname="Testperson",
        birth_date=dt.date(2013, 6, 2),
    )
    SenStatusFactory(person=person, provision="E")
    NeedFactory(person=person, need_type="SLCN")
    PlacementFactory(person=person)
    return person


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], f"{page.url}: {violations}"


def test_sign_in_search_and_open_a_person(page, live_server, caseworker, person):
    page.goto(f"{live_server.url}/register/")
    assert "/sign-in/" in page.url
    assert_accessible(page)

    page.get_by_label("Email address").fill("caseworker@example.org")
    page.get_by_role("textbox", name="Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/register/")
    assert_accessible(page)

    page.get_by_label("Name, UPN, ULN or ID").fill(person.upn)
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("link", name="Wren Testperson").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Wren Testperson"
    expect(page.get_by_text("EHC plan started")).to_be_visible()
    assert_accessible(page)


def test_person_form_errors_are_accessible(page, live_server, caseworker):
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Email address").fill("caseworker@example.org")
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/register/people/new/")
    page.get_by_role("button", name="Add to the register").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    summary.get_by_role("link", name="Enter the person's first name").click()
    assert page.evaluate("document.activeElement.id") == "id_forename"
    assert_accessible(page)
