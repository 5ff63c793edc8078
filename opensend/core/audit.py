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
    user = request.user
    return AccessEvent.objects.create(
        user=user,
        user_email=user.email,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        person_id=person_id,
        purpose=purpose[:200],
        detail=detail or {},
        ip_address=client_ip(request),
        path=request.get_full_path()[:500],
    )
