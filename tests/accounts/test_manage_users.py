import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.accounts.models import User
from opensend.accounts.roles import OrganisationKind, Role
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(signed_in):
    return signed_in(Role.ADMINISTRATOR)


def test_administrator_adds_an_account_and_its_owner_sets_a_password(
    admin, client, local_authority
):
    response = admin.post(
        reverse("accounts:user-create"),
        {
            "full_name": "Sam Synthetic",
            "email": "Sam@Example.org",
            "organisation": local_authority.pk,
            "role": Role.CASEWORKER,
            "is_active": "on",
        },
    )
    user = User.objects.get(email="sam@example.org")
    assert not user.has_usable_password()
    assert user.history.get().history_user == admin.user
    link = re.search(r"(/account/set-password/[^<\s]+/)", response.content.decode()).group(1)

    admin.logout()
    weak = client.post(link, {"new_password": "password"})
    assert "govuk-error-summary" in weak.content.decode()
    response = client.post(link, {"new_password": "lantern-orchard-gravel-9"})
    assert response.url == reverse("accounts:sign-in")
    user.refresh_from_db()
    assert user.check_password("lantern-orchard-gravel-9")
    assert client.get(link).status_code == 400  # used once


def test_administrator_cannot_see_accounts_of_unlinked_organisations(
    admin, make_user, other_local_authority
):
    stranger = make_user(Role.CASEWORKER, organisation=other_local_authority)
    assert admin.get(reverse("accounts:user-edit", args=[stranger.pk])).status_code == 404
    assert stranger.email not in admin.get(reverse("accounts:users")).content.decode()


def test_partner_accounts_are_managed_by_the_local_authority(admin, make_user, local_authority):
    icb = OrganisationFactory(kind=OrganisationKind.ICB, name="Linked ICB")
    icb.local_authorities.add(local_authority)
    partner = make_user(Role.ANALYST, organisation=icb)
    assert partner.email in admin.get(reverse("accounts:users")).content.decode()


def test_cannot_put_an_account_in_an_organisation_outside_your_reach(admin, other_local_authority):
    response = admin.post(
        reverse("accounts:user-create"),
        {
            "full_name": "Sam",
            "email": "sam@example.org",
            "organisation": other_local_authority.pk,
            "role": Role.CASEWORKER,
        },
    )
    assert "govuk-error-summary" in response.content.decode()
    assert not User.objects.filter(email="sam@example.org").exists()


def test_switching_off_an_account_and_resetting_its_second_factor(admin, make_user):
    colleague = make_user(Role.CASEWORKER)
    TOTPDevice.objects.create(user=colleague, name="phone", confirmed=True)
    admin.post(
        reverse("accounts:user-edit", args=[colleague.pk]),
        {
            "full_name": colleague.full_name,
            "email": colleague.email,
            "organisation": colleague.organisation.pk,
            "role": Role.CASEWORKER,
        },
    )
    colleague.refresh_from_db()
    assert not colleague.is_active
    admin.post(reverse("accounts:user-reset-second-factor", args=[colleague.pk]))
    assert not TOTPDevice.objects.filter(user=colleague).exists()


def test_duplicate_email_is_refused_with_a_clear_message(admin, make_user, local_authority):
    make_user(email="taken@example.org")
    response = admin.post(
        reverse("accounts:user-create"),
        {
            "full_name": "Other",
            "email": "TAKEN@example.org",
            "organisation": local_authority.pk,
            "role": Role.CASEWORKER,
        },
    )
    assert "An account with this email address already exists" in response.content.decode()
