"""Fixtures for import tests: an analyst in Leeds and the schools the test rows name."""

import pytest

from opensend.accounts.roles import Role
from tests.factories import EstablishmentFactory


@pytest.fixture
def analyst(make_user):
    return make_user(role=Role.ANALYST, email="analyst@example.org")


@pytest.fixture
def schools(db):
    return [
        EstablishmentFactory(urn="139001", name="Example Primary School"),
        EstablishmentFactory(urn="139002", name="Sample Academy"),
        EstablishmentFactory(
            urn="",
            ukprn="10039001",
            name="Specimen College",
            establishment_type="FE_COLLEGE",
            phase="FE",
        ),
    ]
