"""The service navigation: the partnership's five areas, marked active by URL prefix."""

from django.urls import reverse

AREAS = [
    ("Register", "people:list"),
    ("Casework", "core:casework"),
    ("Insight", "core:insight"),
    ("Governance", "core:governance"),
    ("Local Offer", "core:local-offer"),
]


def navigation_items(request) -> list[dict]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    items = []
    for text, name in AREAS:
        href = reverse(name)
        items.append({"text": text, "href": href, "active": request.path.startswith(href)})
    return items
