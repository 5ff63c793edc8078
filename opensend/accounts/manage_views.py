"""Administrators' pages for accounts in their organisation and its partners."""

from django.contrib import messages
from django.contrib.auth.tokens import default_token_generator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.accounts import queries, services
from opensend.accounts.forms import SetPasswordForm, UserForm
from opensend.accounts.models import User
from opensend.core.access import public, requires


def _managed_user(request, user_id: int) -> User:
    user = queries.users_visible_to(request.user).filter(pk=user_id).first()
    if user is None:
        raise Http404
    return user


@requires("accounts.manage_users")
def user_list(request):
    users = queries.users_visible_to(request.user).order_by("organisation__name", "full_name")
    with_app = set(
        TOTPDevice.objects.filter(user__in=users, confirmed=True).values_list("user_id", flat=True)
    )
    return render(request, "accounts/user_list.html", {"users": users, "with_app": with_app})


@requires("accounts.manage_users")
def user_create(request):
    organisations = queries.organisations_managed_by(request.user)
    form = UserForm(
        request.POST or None,
        organisations=organisations,
        initial={"organisation": request.user.organisation, "is_active": True},
    )
    if request.method == "POST" and form.is_valid():
        user = services.create_user(actor=request.user, form=form)
        return _show_sign_in_link(request, user, created=True)
    return render(request, "accounts/user_form.html", {"form": form, "managed": None})


@requires("accounts.manage_users")
def user_edit(request, user_id: int):
    managed = _managed_user(request, user_id)
    form = UserForm(
        request.POST or None,
        instance=managed,
        organisations=queries.organisations_managed_by(request.user),
    )
    if request.method == "POST" and form.is_valid():
        services.update_user(actor=request.user, form=form)
        messages.success(request, f"Changes to {managed.full_name}'s account saved")
        return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form, "managed": managed})


@requires("accounts.manage_users")
def user_sign_in_link(request, user_id: int):
    managed = _managed_user(request, user_id)
    if request.method != "POST":
        return redirect("accounts:user-edit", user_id=managed.pk)
    return _show_sign_in_link(request, managed, created=False)


@requires("accounts.manage_users")
def user_reset_second_factor(request, user_id: int):
    managed = _managed_user(request, user_id)
    if request.method == "POST":
        services.reset_second_factor(actor=request.user, user=managed)
        messages.success(
            request,
            f"{managed.full_name} will set up a new authenticator app when they next sign in",
        )
    return redirect("accounts:user-edit", user_id=managed.pk)


def _show_sign_in_link(request, user: User, *, created: bool):
    link = request.build_absolute_uri(services.set_password_path(user))
    return render(
        request, "accounts/sign_in_link.html", {"managed": user, "link": link, "created": created}
    )


@public
def set_password(request, uidb64: str, token: str):
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not user.is_active or not default_token_generator.check_token(user, token):
        return render(request, "accounts/set_password_expired.html", status=400)
    form = SetPasswordForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.set_password(user=user, password=form.cleaned_data["new_password"])
        messages.success(request, "Your password is set. Sign in with it now.")
        return redirect("accounts:sign-in")
    return render(request, "accounts/set_password.html", {"form": form, "managed": user})
