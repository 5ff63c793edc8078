"""The service navigation: the partnership's areas, marked active by URL prefix.

An area whose pages need a permission is shown only to users who have it."""

from django.urls import reverse

AREAS = [
    ("Register", "people:list", "people.view_person"),
    ("Casework", "casework:my_cases", "casework.view_case"),
    ("Returns", "returns:sen2", "returns.prepare_sen2"),
    ("Insight", "core:insight", None),
    ("Governance", "core:governance", None),
    ("Local Offer", "directory:dashboard", "directory.edit_services"),
]


def navigation_items(request) -> list[dict]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    items = []
    for text, name, permission in AREAS:
        if permission and not user.has_perm(permission):
            continue
        href = reverse(name)
        items.append({"text": text, "href": href, "active": request.path.startswith(href)})
    return items
