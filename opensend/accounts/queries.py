"""Reads of accounts: an administrator manages their own organisation and its partners."""

from django.db.models import Q, QuerySet

from opensend.accounts.models import Organisation, User


def organisations_managed_by(user) -> QuerySet:
    """The administrator's organisation and, for a local authority, every partner linked to it."""
    if not (user.is_authenticated and user.has_perm("accounts.manage_users")):
        return Organisation.objects.none()
    organisation = user.organisation
    if organisation is None:
        return Organisation.objects.none()
    if organisation.is_local_authority:
        return Organisation.objects.filter(
            Q(pk=organisation.pk) | Q(local_authorities=organisation)
        )
    return Organisation.objects.filter(pk=organisation.pk)


def users_visible_to(user) -> QuerySet:
    return User.objects.filter(organisation__in=organisations_managed_by(user)).select_related(
        "organisation"
    )
