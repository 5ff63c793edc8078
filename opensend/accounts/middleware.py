"""Staff must confirm a one-time code (TOTP) after their password, except in demo mode."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

EXEMPT_PREFIXES = (
    "/assets/",
    "/healthz",
    "/sign-out",
    "/account/two-factor",
    "/privacy",
    "/cookies",
    "/accessibility",
)


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            not settings.DEMO_MODE
            and user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(EXEMPT_PREFIXES)
        ):
            from django_otp import devices_for_user

            has_device = any(True for _ in devices_for_user(user, confirmed=True))
            target = "accounts:two-factor-verify" if has_device else "accounts:two-factor-setup"
            return redirect(f"{reverse(target)}?next={request.path}")
        return self.get_response(request)
