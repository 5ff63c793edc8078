from django.conf import settings

from opensend.core.navigation import navigation_items


def service(request):
    return {
        "service_name": "OpenSEND",
        "navigation": navigation_items(request),
        "demo_mode": settings.DEMO_MODE,
        # str() generates the nonce: the lazy object is falsy until first read.
        "cspNonce": str(request.csp_nonce) if hasattr(request, "csp_nonce") else "",
    }
