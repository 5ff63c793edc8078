import pytest
from django.urls import reverse

from opensend.accounts.roles import Role


@pytest.mark.django_db
def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_home_page_needs_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign-in"))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/privacy/", "/cookies/", "/accessibility/", "/sign-in/"])
def test_public_pages_render(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"govuk-template" in response.content


@pytest.mark.django_db
def test_signed_in_home_shows_navigation(signed_in):
    client = signed_in(Role.CASEWORKER)
    response = client.get("/")
    assert response.status_code == 200
    for area in (b"Register", b"Casework", b"Insight", b"Governance", b"Local Offer"):
        assert area in response.content
