"""Addresses of the ORUK API (`opensend.directory.api`), mounted at /api/oruk/.

Every address is public (no sign-in, no CSRF: the API only reads) and answers any origin:
`Access-Control-Allow-Origin: *` on every response, errors included, and an OPTIONS preflight
answered here. Methods other than GET, HEAD and OPTIONS are refused with a JSON 405.

The ORUK 3.0 schemas the API's OpenAPI document refers to are served from data/oruk/ at
`schemas/<name>.json`, so the documentation page resolves them from this site.
"""

from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import URLPattern, path

from opensend.core.access import public
from opensend.directory.api import api

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
PREFLIGHT_MAX_AGE = 24 * 60 * 60


def _preflight(request) -> JsonResponse:
    response = JsonResponse({}, status=200)
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    requested = request.headers.get("Access-Control-Request-Headers")
    response["Access-Control-Allow-Headers"] = requested or "Accept, Content-Type"
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return response


def _refuse(request) -> JsonResponse:
    response = JsonResponse(
        {"detail": f"This API only reads: use GET, not {request.method}"}, status=405
    )
    response["Allow"] = ALLOWED_METHODS
    return response


def open_to_all(view):
    """The view, public, answering any origin and the CORS preflight."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = _preflight(request)
        elif request.method in ("GET", "HEAD"):
            request.method = "GET"  # the server leaves out a HEAD response's body
            response = view(request, *args, **kwargs)
        else:
            response = _refuse(request)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    wrapped.csrf_exempt = True
    return public(wrapped)


def _open_patterns(patterns):
    return [
        URLPattern(p.pattern, open_to_all(p.callback), p.default_args, p.name) for p in patterns
    ]


SCHEMA_DIR = Path(settings.DATA_DIR) / "oruk"


@cache
def _schema_bytes(name: str) -> bytes:
    return (SCHEMA_DIR / name).read_bytes()


def _schema_view(name: str):
    def schema(request):
        return HttpResponse(_schema_bytes(name), content_type="application/json")

    return schema


def _schema_patterns():
    """An address for each bundled schema file (a fixed list: no path in a request is read)."""
    names = sorted(f.relative_to(SCHEMA_DIR).as_posix() for f in SCHEMA_DIR.rglob("*.json"))
    return [
        path(
            f"schemas/{name}",
            open_to_all(_schema_view(name)),
            name="schema-" + name.removesuffix(".json").replace("/", "-"),
        )
        for name in names
    ]


_patterns, _app_name, _namespace = api.urls
app_name = "oruk"
urlpatterns = _open_patterns(_patterns) + _schema_patterns()
