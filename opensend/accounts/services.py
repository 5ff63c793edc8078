"""Every change to accounts: each takes the acting administrator and keeps history."""

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.accounts.models import User
from opensend.core.services import save_as


@transaction.atomic
def create_user(*, actor, form) -> User:
    user = form.save(commit=False)
    user.email = user.email.lower()
    user.set_unusable_password()
    return save_as(user, actor)


@transaction.atomic
def update_user(*, actor, form) -> User:
    return save_as(form.save(commit=False), actor)


@transaction.atomic
def reset_second_factor(*, actor, user: User) -> int:
    """Remove the person's authenticator app, so they set one up at their next sign-in."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    return deleted


def set_password_path(user: User) -> str:
    """A one-use link for the person to choose a password (valid for PASSWORD_RESET_TIMEOUT)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:set-password", args=[uid, token])


@transaction.atomic
def set_password(*, user: User, password: str) -> User:
    user.set_password(password)
    return save_as(user, user)
