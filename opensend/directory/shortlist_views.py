"""The Local Offer shortlist's pages: add and remove (a form, or JSON for the page's script),
the list to print, and a shared list anyone can open. No sign-in."""

import uuid
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from opensend.core.access import public
from opensend.core.identifiers import as_uuid
from opensend.directory import queries, shortlist
from opensend.directory.public_views import (
    BACK_LIMIT,
    _published_service,
    _render,
    _row,
    local_offer_name,
)


def _return_to(request, fallback: str) -> str:
    """Where a shortlist button goes back to: a Local Offer page on this site, else `fallback`."""
    target = str(request.POST.get("next", ""))
    if (
        target.startswith(reverse("local_offer:search"))
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        and len(target) <= BACK_LIMIT * 2
    ):
        return target
    return fallback


def _wants_json(request) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def _shortlist_answer(request, service, *, message: str, ok: bool):
    if _wants_json(request):
        return JsonResponse(
            {
                "ok": ok,
                "shortlisted": shortlist.contains(request.local_offer_shortlist, service.pk)
                if service
                else False,
                "count": len(shortlist.ids(request.local_offer_shortlist)),
                "message": message,
            },
            status=200 if ok else 400,
        )
    if message:
        (messages.success if ok else messages.info)(request, message)
    return redirect(_return_to(request, reverse("local_offer:shortlist")))


@public
def shortlist_add(request):
    if request.method != "POST":
        return redirect("local_offer:shortlist")
    service = _published_service(request.POST.get("service"))
    if service is None:
        return _shortlist_answer(request, None, message="That service could not be found", ok=False)
    if shortlist.add(request.local_offer_shortlist, service.pk):
        return _shortlist_answer(
            request, service, message=f"{service.name} added to your shortlist", ok=True
        )
    if shortlist.contains(request.local_offer_shortlist, service.pk):
        return _shortlist_answer(
            request, service, message=f"{service.name} is on your shortlist", ok=True
        )
    return _shortlist_answer(
        request,
        service,
        message=f"Your shortlist is full. Remove a service to add {service.name}",
        ok=False,
    )


@public
def shortlist_remove(request):
    if request.method != "POST":
        return redirect("local_offer:shortlist")
    identifier = as_uuid(request.POST.get("service"))
    service = _published_service(identifier) if identifier else None
    removed = identifier is not None and shortlist.remove(request.local_offer_shortlist, identifier)
    name = service.name if service else "The service"
    message = f"{name} removed from your shortlist" if removed else ""
    return _shortlist_answer(request, service, message=message, ok=True)


def _shortlisted_rows(ids: list[uuid.UUID]) -> list[dict]:
    """Published services in the order given, with what a list shows."""
    found = queries.services_by_key([i.int for i in ids])
    return [_row(found[i.int]) for i in ids if i.int in found]


def _share_url(request, ids) -> str:
    value = quote(shortlist.share_value(ids), safe=",")
    return request.build_absolute_uri(reverse("local_offer:shared") + f"?services={value}")


@public
def shortlist_page(request):
    ids = shortlist.ids(request.local_offer_shortlist)
    rows = _shortlisted_rows(ids)
    shortlist.keep_only(request.local_offer_shortlist, [uuid.UUID(row["id"]) for row in rows])
    for row in rows:
        row["shortlisted"] = True
    context = {"rows": rows, "next": request.get_full_path()}
    if rows:
        share = _share_url(request, [uuid.UUID(row["id"]) for row in rows])
        name = local_offer_name()
        context["share_url"] = share
        context["mailto"] = "mailto:?" + urlencode(
            {
                "subject": f"My shortlist from the {name}",
                "body": f"Services I have shortlisted in the {name}:\n\n{share}\n",
            },
            quote_via=quote,
        )
    return _render(request, "shortlist.html", context)


@public
def shortlist_shared(request):
    ids = shortlist.parse_ids(request.GET.get("services"))
    return _render(request, "shared.html", {"rows": _shortlisted_rows(ids), "asked": len(ids)})
