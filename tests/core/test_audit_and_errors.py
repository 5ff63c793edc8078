import datetime as dt

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from opensend.accounts.roles import Role
from opensend.core.models import AccessEvent
from opensend.core.views import server_error
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(make_user, local_authority):
    alice = make_user(Role.CASEWORKER, email="alice@example.org")
    bob = make_user(Role.ANALYST, email="bob@example.org")
    person = PersonFactory(responsible_la=local_authority)
    AccessEvent.objects.create(
        user=alice,
        user_email=alice.email,
        action="view",
        object_type="person",
        object_id=person.pk,
        person_id=person.pk,
        purpose="register",
    )
    AccessEvent.objects.create(
        user=bob, user_email=bob.email, action="export", object_type="register", purpose="Analysis"
    )
    return person


def rows(response) -> int:
    """Events listed: table body rows (the table is left out when there are none)."""
    return (
        response.content.decode().count('<tr class="govuk-table__row">') - 1
        if ("No events match" not in response.content.decode())
        else 0
    )


def test_administrator_searches_the_access_log(signed_in, events):
    client = signed_in(Role.ADMINISTRATOR)
    url = reverse("audit:list")
    assert rows(client.get(url)) == 2
    assert rows(client.get(url, {"user": "alice"})) == 1
    assert rows(client.get(url, {"action": "export"})) == 1
    assert rows(client.get(url, {"person": events.reference})) == 1
    today = timezone.localdate()
    assert (
        rows(
            client.get(
                url,
                {
                    "date_from-day": today.day,
                    "date_from-month": today.month,
                    "date_from-year": today.year,
                },
            )
        )
        == 2
    )
    tomorrow = today + dt.timedelta(days=1)
    assert (
        rows(
            client.get(
                url,
                {
                    "date_from-day": tomorrow.day,
                    "date_from-month": tomorrow.month,
                    "date_from-year": tomorrow.year,
                },
            )
        )
        == 0
    )


def test_bad_audit_search_shows_an_error_summary(signed_in, events):
    response = signed_in(Role.ADMINISTRATOR).get(reverse("audit:list"), {"person": "abc"})
    assert "Enter a person ID like P0000123" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()


def test_register_search_is_logged(signed_in, local_authority):
    client = signed_in(Role.CASEWORKER)
    client.get(reverse("people:list"), {"q": "smith"})
    assert AccessEvent.objects.get().action == "search"


def test_page_not_found_is_a_gov_uk_page(signed_in):
    response = signed_in().get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_forbidden_is_a_gov_uk_page(signed_in):
    response = signed_in(Role.BOARD_MEMBER).get(reverse("people:list"))
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


def test_server_error_is_a_gov_uk_page(make_user):
    request = RequestFactory().get("/")
    request.user = make_user()
    response = server_error(request)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
