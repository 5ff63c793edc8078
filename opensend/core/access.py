"""View access: every view says who may use it, and the role matrix test checks they all do.

`@requires("perm")` refuses users without the permission (403 page); `@public` marks the few pages
anyone may see without signing in. A view with neither fails the test suite.
"""

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied


def requires(permission: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission
        return wrapped

    return decorator


def public(view):
    view = login_not_required(view)
    view.is_public = True
    return view
