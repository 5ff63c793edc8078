"""The "Import the register" pages: upload, example file, guidance; analysts and managers only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opensend.accounts.roles import Role
from opensend.imports import forms, views
from opensend.imports.template import COLUMN_NAMES
from opensend.people.models import Person
from tests.factories import OrganisationFactory
from tests.imports.helpers import person_row, register_csv

pytestmark = pytest.mark.django_db
UPLOAD = reverse("imports:upload")


def upload(client, content: bytes, name: str = "register.csv"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, content, "text/csv")})


@pytest.mark.parametrize("role", [Role.ANALYST, Role.SEND_MANAGER])
def test_the_upload_page_explains_the_template(signed_in, role):
    response = signed_in(role).get(UPLOAD)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Import the register" in page
    assert 'type="file"' in page
    assert reverse("imports:example") in page
    assert reverse("imports:guidance") in page


@pytest.mark.parametrize("name", ["imports:upload", "imports:example", "imports:guidance"])
def test_a_caseworker_cannot_use_the_import_pages(signed_in, name):
    assert signed_in(Role.CASEWORKER).get(reverse(name)).status_code == 403


def test_a_valid_file_shows_a_confirmation_with_counts(signed_in, schools):
    client = signed_in(Role.ANALYST)
    response = upload(client, register_csv(person_row(1), person_row(2)))
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-panel--confirmation" in page
    assert "Register imported" in page
    assert "2 rows from register.csv" in page
    assert Person.objects.filter(responsible_la=client.user.organisation).count() == 2


def test_problems_are_summarised_at_the_top_and_listed_in_a_table(signed_in, schools):
    content = register_csv(person_row(1, upn="A800100015001"), person_row(2, sex="X"))
    response = upload(signed_in(Role.ANALYST), content)
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "<title>Error: " in page
    assert "Nothing was imported from register.csv" in page
    assert 'href="#problem-1"' in page
    assert 'id="problem-2"' in page
    for cell in ("A800100015001", "check letter does not match", "sex", "use one of M, F, U"):
        assert cell in page
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("register.xlsx", b"PK\x03\x04", "The selected file must be a CSV"),
        ("register.csv", b"", "The selected file is empty"),
    ],
)
def test_a_file_that_is_not_a_csv_is_refused(signed_in, name, content, words):
    response = upload(signed_in(Role.ANALYST), content, name)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert words in response.content.decode()


def test_no_file_asks_for_one(signed_in):
    response = signed_in(Role.ANALYST).post(UPLOAD, {})
    assert "Select a CSV file" in response.content.decode()


def test_a_file_over_the_size_limit_is_refused(signed_in, monkeypatch):
    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 100)
    response = upload(signed_in(Role.ANALYST), register_csv(person_row(1)))
    assert "The selected file must be smaller than 20 MB" in response.content.decode()
    assert not Person.objects.exists()


def test_an_analyst_outside_a_local_authority_is_told_why(signed_in):
    client = signed_in(Role.ANALYST, organisation=OrganisationFactory())
    response = upload(client, register_csv(person_row(1)))
    assert "Only staff of a local authority can import" in response.content.decode()


def test_the_example_file_downloads(signed_in):
    response = signed_in(Role.ANALYST).get(reverse("imports:example"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == views.EXAMPLE_FILE.read_bytes()


def test_the_guidance_lists_every_column(signed_in):
    page = signed_in(Role.SEND_MANAGER).get(reverse("imports:guidance")).content.decode()
    for name in COLUMN_NAMES:
        assert f"<code>{name}</code>" in page
