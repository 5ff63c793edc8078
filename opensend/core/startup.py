"""Checks that stop the service starting in production with unsafe settings."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def production_problems() -> list[str]:
    if not settings.PRODUCTION:
        return []
    problems = []
    if settings.DEBUG:
        problems.append("OPENSEND_DEBUG is on: switch it off in production")
    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY or len(settings.SECRET_KEY) < 40:
        problems.append(
            "OPENSEND_SECRET_KEY is the development key or too short: set a random "
            "key of 50 characters or more"
        )
    if settings.DEMO_MODE:
        problems.append("OPENSEND_DEMO_MODE is on: staff must use a second factor in production")
    from opensend.accounts.models import User

    demo_accounts = User.objects.filter(is_demo=True).count()
    if demo_accounts:
        problems.append(
            f"{demo_accounts} demo accounts exist: remove the demo partnership with "
            "`opensend demo --remove` before going live"
        )
    return problems


def assert_safe_to_start() -> None:
    problems = production_problems()
    if problems:
        listed = "\n- ".join(problems)
        raise ImproperlyConfigured(f"OpenSEND will not start in production:\n- {listed}")
