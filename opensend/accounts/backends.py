"""Signing in with an email address and password."""

from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    """Django's password check. Permissions come from `rules` alone (accounts/rules.py): the
    per-user and group permission tables are not used, so a refused permission costs no query.
    A superuser (break-glass account) keeps every model permission."""

    def _get_permissions(self, user_obj, obj, from_name):
        if user_obj.is_active and user_obj.is_superuser:
            return super()._get_permissions(user_obj, obj, from_name)
        return set()
