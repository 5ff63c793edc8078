import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.accounts.roles import Role
from opensend.core import startup

pytestmark = pytest.mark.django_db


def test_sign_in_with_email_and_password(client, make_user, password):
    user = make_user(Role.CASEWORKER, email="nia@example.org")
    response = client.post(
        reverse("accounts:sign-in"), {"username": "NIA@example.org", "password": password}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_wrong_password_shows_gov_uk_error(client, make_user):
    make_user(email="nia@example.org")
    response = client.post(
        reverse("accounts:sign-in"), {"username": "nia@example.org", "password": "wrong"}
    )
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "Enter a correct email address and password" in content


def test_five_failures_lock_the_account(client, make_user, password):
    make_user(email="nia@example.org")
    for _ in range(5):
        client.post(
            reverse("accounts:sign-in"), {"username": "nia@example.org", "password": "wrong"}
        )
    response = client.post(
        reverse("accounts:sign-in"), {"username": "nia@example.org", "password": password}
    )
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()


def test_sign_out_needs_post(signed_in):
    client = signed_in()
    client.get(reverse("accounts:sign-out"))
    assert "_auth_user_id" in client.session
    response = client.post(reverse("accounts:sign-out"))
    assert response.url == reverse("accounts:signed-out")
    assert "_auth_user_id" not in client.session


def test_sessions_expire_after_30_idle_minutes():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_HTTPONLY


def test_passwords_are_hashed_with_argon2(make_user):
    assert make_user().password.startswith("argon2")


def test_security_headers(signed_in):
    response = signed_in().get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "nonce-" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_inline_script_carries_the_csp_nonce(signed_in):
    response = signed_in().get("/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()


@pytest.fixture
def outside_demo_mode(settings):
    settings.DEMO_MODE = False


def test_staff_must_set_up_a_second_factor(outside_demo_mode, signed_in):
    response = signed_in().get(reverse("people:list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:two-factor-setup"))


def test_second_factor_set_up_and_verify(outside_demo_mode, signed_in):
    client = signed_in()
    page = client.get(reverse("accounts:two-factor-setup"))
    assert b"QR code" in page.content
    device = TOTPDevice.objects.get(user=client.user)
    wrong = client.post(reverse("accounts:two-factor-setup"), {"code": "000000"})
    assert b"That code is not right" in wrong.content or b"govuk-error-summary" in wrong.content
    device.refresh_from_db()
    device.throttle_reset()
    code = f"{totp(device.bin_key):06d}"
    response = client.post(
        reverse("accounts:two-factor-setup") + "?next=/register/",
        {"code": code, "next": "/register/"},
    )
    assert response.url == "/register/"
    assert client.get(reverse("people:list")).status_code == 200


def test_next_cannot_send_people_to_another_site(outside_demo_mode, signed_in):
    client = signed_in()
    client.get(reverse("accounts:two-factor-setup"))
    device = TOTPDevice.objects.get(user=client.user)
    response = client.post(
        reverse("accounts:two-factor-setup"),
        {"code": f"{totp(device.bin_key):06d}", "next": "https://evil.example"},
    )
    assert response.url == "/"


@pytest.fixture
def production(settings):
    settings.PRODUCTION = True
    settings.DEBUG = False
    settings.DEMO_MODE = False
    settings.SECRET_KEY = "k" * 60


def test_production_starts_with_safe_settings(production):
    startup.assert_safe_to_start()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"DEBUG": True}, "OPENSEND_DEBUG"),
        ({"SECRET_KEY": settings.DEVELOPMENT_SECRET_KEY}, "OPENSEND_SECRET_KEY"),
        ({"DEMO_MODE": True}, "OPENSEND_DEMO_MODE"),
    ],
)
def test_production_refuses_unsafe_settings(production, settings, change, problem):
    for name, value in change.items():
        setattr(settings, name, value)
    with pytest.raises(ImproperlyConfigured, match=problem):
        startup.assert_safe_to_start()


def test_production_refuses_demo_accounts(production, make_user):
    make_user(is_demo=True)
    with pytest.raises(ImproperlyConfigured, match="demo accounts exist"):
        startup.assert_safe_to_start()


def test_healthz_and_static_pages_need_no_second_factor(outside_demo_mode, signed_in):
    client = signed_in()
    assert client.get("/healthz").status_code == 200
    assert client.get("/privacy/").status_code == 200
