from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render

from opensend.core.access import public, requires
from opensend.core.areas import AREAS


@requires("core.use_service")
def home(request):
    return render(request, "core/home.html")


def area_page(slug: str):
    """A page for a part of the service a later release fills in, saying what will live there."""

    @requires("core.use_service")
    def view(request):
        return render(request, "core/area.html", {"area": AREAS[slug]})

    view.__name__ = f"area_{slug.replace('-', '_')}"
    return view


@public
def privacy(request):
    return render(request, "core/privacy.html")


@public
def cookies(request):
    return render(request, "core/cookies.html")


@public
def accessibility(request):
    return render(request, "core/accessibility.html")


@public
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def server_error(request):
    return render(request, "errors/500.html", status=500)


def csrf_failure(request, reason=""):
    return render(request, "errors/csrf.html", status=403)
