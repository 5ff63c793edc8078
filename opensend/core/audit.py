"""Recording who looked at or exported personal data."""

from opensend.core.models import AccessEvent


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def record_access(
    request,
    *,
    action: str,
    object_type: str,
    purpose: str,
    object_id: str | int = "",
    person_id: int | None = None,
    detail: dict | None = None,
) -> AccessEvent:
    return record_access_by(
        request.user,
        action=action,
        object_type=object_type,
        purpose=purpose,
        object_id=object_id,
        person_id=person_id,
        detail=detail,
        ip_address=client_ip(request),
        path=request.get_full_path(),
    )


def record_access_by(
    user,
    *,
    action: str,
    object_type: str,
    purpose: str,
    object_id: str | int = "",
    person_id: int | None = None,
    detail: dict | None = None,
    ip_address: str | None = None,
    path: str = "",
) -> AccessEvent:
    """Record access by `user` outside a web request (a command), or inside one."""
    return AccessEvent.objects.create(
        user=user,
        user_email=user.email,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        person_id=person_id,
        purpose=purpose[:200],
        detail=detail or {},
        ip_address=ip_address,
        path=path[:500],
    )
