from pathlib import Path

import factory
import pytest

from opensend.accounts.roles import Role
from tests.factories import PASSWORD, LocalAuthorityFactory, UserFactory

factory.Faker._DEFAULT_LOCALE = "en_GB"

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file in ../shared, or skip the test: users' clones have no ../shared beside them."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (present on CI, absent in a user's clone)")
    return path


@pytest.fixture
def local_authority(db):
    return LocalAuthorityFactory(name="Leeds", la_code="383")


@pytest.fixture
def other_local_authority(db):
    return LocalAuthorityFactory(name="York", la_code="816")


@pytest.fixture
def make_user(db, local_authority):
    def make(role=Role.CASEWORKER, organisation=None, **kwargs):
        return UserFactory(role=role, organisation=organisation or local_authority, **kwargs)

    return make


@pytest.fixture
def signed_in(client, make_user):
    """A client signed in with the given role (demo mode: no second factor)."""

    def sign_in(role=Role.CASEWORKER, organisation=None, **kwargs):
        user = make_user(role=role, organisation=organisation, **kwargs)
        client.force_login(user)
        client.user = user
        return client

    return sign_in


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (casework keeps step durations there)."""
    from django.core.cache import cache

    cache.clear()
