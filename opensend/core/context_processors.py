from django.conf import settings

from opensend.core.navigation import navigation_items


def service(request):
    return {
        "service_name": "OpenSEND",
        "navigation": navigation_items(request),
        "demo_mode": settings.DEMO_MODE,
        "csp_nonce": getattr(request, "csp_nonce", ""),
    }
