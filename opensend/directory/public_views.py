"""The Local Offer's public pages: search, service pages, suggest a change, guidance (the
shortlist's are in `shortlist_views`).

No sign-in: every view is `@public`. Only published services appear; a service that is not
published is "page not found". Search pages read the cached search index
(`queries.search_index`) and fetch just the page of services they show.
"""

import math
import re
from dataclasses import replace
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from markupsafe import Markup

from opensend.accounts.models import Organisation
from opensend.accounts.roles import OrganisationKind
from opensend.core.access import public
from opensend.core.identifiers import as_uuid
from opensend.directory import geography, guidance, queries, services, shortlist
from opensend.directory.models import GuidancePage, ServiceStatus, Vocabulary, Weekday
from opensend.directory.public_forms import (
    PER_PAGE,
    SORTS,
    SearchForm,
    SuggestionForm,
    term_tree,
)
from opensend.directory.search import SearchQuery
from opensend.directory.search_text import words

MOST_PAGES = 10_000  # a page number beyond any real result list
BACK_LIMIT = 2000  # characters of a search's query string kept for "back to results"
GUIDANCE_SERVICES = 10


# Shared page parts -------------------------------------------------------------------------------


def local_offer_name() -> str:
    """ "<LA> Local Offer" for the partnership's (first) local authority, or "Local Offer"."""
    name = (
        Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY)
        .order_by("pk")
        .values_list("name", flat=True)
        .first()
    )
    return f"{name} Local Offer" if name else "Local Offer"


def _section(path: str) -> str:
    if path.startswith(reverse("local_offer:shortlist")):
        return "shortlist"
    if path.startswith(reverse("local_offer:guidance")):
        return "guidance"
    return "search"


def _render(request, template: str, context: dict | None = None, status: int = 200):
    page = {
        "local_offer_name": local_offer_name(),
        "shortlist_count": len(shortlist.ids(request.local_offer_shortlist)),
        "section": _section(request.path),
    }
    page.update(context or {})
    return render(request, f"directory/public/{template}", page, status=status)


def _not_found(request, what: str = "service"):
    """A Local Offer "page not found", pointing families back to the search."""
    return _render(request, "not_found.html", {"what": what}, status=404)


def _published_service(service_id):
    identifier = as_uuid(service_id)
    if identifier is None:
        return None
    return queries.published_services().select_related("provider").filter(pk=identifier).first()


# Words for the pages ------------------------------------------------------------------------------


def ages_text(minimum: int | None, maximum: int | None) -> str:
    if minimum is None and maximum is None:
        return "Any age"
    if maximum is None:
        return f"Age {minimum} and over"
    if minimum is None:
        return f"Up to age {maximum}"
    if minimum == maximum:
        return f"Age {minimum}"
    return f"Ages {minimum} to {maximum}"


def time_text(moment) -> str:
    """GOV.UK style: 9am, 5:30pm, midday, midnight."""
    if moment.hour == 0 and moment.minute == 0:
        return "midnight"
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"


def miles_text(km: float | None) -> str:
    if km is None or not math.isfinite(km):
        return ""
    miles = geography.km_to_miles(km)
    if miles < 0.1:
        return "less than 0.1 miles"
    shown = f"{miles:.1f}" if miles < 10 else f"{miles:.0f}"
    shown = shown.removesuffix(".0")
    return f"{shown} mile" if shown == "1" else f"{shown} miles"


def _about(distance: str) -> str:
    """Distances from a district's centre are approximate."""
    return f"about {distance}" if distance and not distance.startswith("less") else distance


def cost_text(service) -> str:
    if service.is_free:
        return "Free"
    return "There is a cost"


def telephone_href(number: str) -> str:
    digits = re.sub(r"[^\d+]", "", number or "")
    return f"tel:{digits}" if len(digits) >= 3 else ""


def safe_website(url: str) -> str:
    """A web address to link to, or "" when it is not an http(s) address."""
    url = (url or "").strip()
    return url if re.match(r"https?://[^\s]+$", url, re.IGNORECASE) else ""


def _nearest_town(service, place) -> str:
    venues = [loc for loc in service.locations.all() if loc.city]
    if not venues:
        return ""
    if place is not None:
        located = [loc for loc in venues if loc.latitude is not None and loc.longitude is not None]
        if located:
            nearest = min(
                located,
                key=lambda loc: geography.distance_km(
                    place.latitude, place.longitude, loc.latitude, loc.longitude
                ),
            )
            return nearest.city
    return sorted(venues, key=lambda loc: (loc.name, loc.city))[0].city


def _row(service, *, place=None, distance_km=None, back="", shortlisted=frozenset()) -> dict:
    """What a list of services shows about one."""
    link = reverse("local_offer:service", args=[service.pk])
    if back:
        link += "?" + urlencode({"from": back})
    return {
        "service": service,
        "id": str(service.pk),
        "href": link,
        "summary": guidance.summary(service.description),
        "ages": ages_text(service.minimum_age, service.maximum_age),
        "cost": cost_text(service),
        "distance": _about(miles_text(distance_km)) if place is not None else "",
        "has_distance": place is not None,
        "town": _nearest_town(service, place),
        "closed": service.status == ServiceStatus.TEMPORARILY_CLOSED,
        "gone": service.status in (ServiceStatus.INACTIVE, ServiceStatus.DEFUNCT),
        "shortlisted": service.pk in shortlisted,
    }


class _ResultPage:
    """The page of results already fetched, sized as the whole list, for Django's Paginator."""

    def __init__(self, total: int, rows: list[dict]):
        self.total = total
        self.rows = rows

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        return self.rows


def _page_number(value) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(1, number), MOST_PAGES)


def _vocabulary_trees():
    return (
        term_tree(queries.terms_of(Vocabulary.CATEGORY).order_by("position", "name")),
        term_tree(queries.terms_of(Vocabulary.NEED).order_by("position", "name")),
    )


# Search -------------------------------------------------------------------------------------------


@public
def search(request):
    categories, needs = _vocabulary_trees()
    form = SearchForm(request.GET, categories=categories, needs=needs)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "categories": categories,
        "needs": needs,
        "query": query.urlencode(),
        "page_has_errors": bool(form.errors),
    }
    if not form.is_valid():
        return _render(request, "search.html", context)
    number = _page_number(request.GET.get("page"))
    index = queries.search_index()
    search_query = form.search_query(number)
    results = index.search(search_query)
    pages = max(1, math.ceil(results.total / PER_PAGE))
    if number > pages:
        number = pages
        results = index.search(replace(search_query, page=number))
    found = queries.services_by_key([hit.key for hit in results.hits])
    chosen = set(shortlist.ids(request.local_offer_shortlist))
    back = request.GET.urlencode()[:BACK_LIMIT]
    rows = [
        _row(
            found[hit.key],
            place=form.place,
            distance_km=hit.distance_km,
            back=back,
            shortlisted=chosen,
        )
        for hit in results.hits
        if hit.key in found
    ]
    page = Paginator(_ResultPage(results.total, rows), PER_PAGE).page(number)
    corrected = ""
    if results.corrections:
        corrected = " ".join(results.corrections.get(w, w) for w in words(form.cleaned_data["q"]))
    sort = search_query.sort
    context.update(
        {
            "page": page,
            "rows": rows,
            "total": results.total,
            "corrected": corrected,
            "place": form.place,
            "sort_items": [
                {"value": value, "text": text, "selected": value == sort}
                for value, text in SORTS
                if value != "distance" or form.place is not None
            ],
            "next": request.get_full_path(),
        }
    )
    return _render(request, "search.html", context)


# Service page -------------------------------------------------------------------------------------


def _back_to_results(request) -> str:
    """The search the family came from, rebuilt from a query string we only ever read as data."""
    kept = QueryDict(str(request.GET.get("from", ""))[:BACK_LIMIT]).urlencode()
    return reverse("local_offer:search") + (f"?{kept}" if kept else "")


def _terms_by_vocabulary(service) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for term in service.terms.all():
        grouped.setdefault(term.taxonomy.vocabulary, []).append(term)
    for terms in grouped.values():
        terms.sort(key=lambda t: (t.position, t.name))
    return grouped


def _venue(location) -> dict:
    lines = [
        part
        for part in (
            location.address_1,
            location.city,
            location.state_province,
            location.postal_code,
        )
        if part
    ]
    return {
        "name": location.name,
        "description": location.description,
        "address": lines,
        "online": location.location_type == "virtual",
        "features": sorted(location.accessibility.all(), key=lambda t: (t.position, t.name)),
    }


def _contact(contact) -> dict:
    return {
        "name": contact.name,
        "title": contact.title,
        "phone": contact.phone,
        "tel": telephone_href(contact.phone),
        "email": contact.email,
    }


def _day_name(number: int) -> str:
    return Weekday(number).label if number in Weekday.values else ""


@public
def service_page(request, service_id):
    service = queries.service_for_page(service_id)
    if service is None:
        return _not_found(request)
    terms = _terms_by_vocabulary(service)
    today = timezone.localdate()
    gone = service.status in (ServiceStatus.INACTIVE, ServiceStatus.DEFUNCT)
    opening = [
        (_day_name(slot.weekday), f"{time_text(slot.opens_at)} to {time_text(slot.closes_at)}")
        for slot in service.opening_times.all()
    ]
    context = {
        "service": service,
        "description": guidance.paragraphs(service.description),
        "send_support": guidance.paragraphs(service.send_support),
        "how_to_access": guidance.paragraphs(service.how_to_access),
        "fees": guidance.paragraphs(service.fees),
        "ages": ages_text(service.minimum_age, service.maximum_age),
        "needs": terms.get(Vocabulary.NEED, []),
        "age_groups": terms.get(Vocabulary.AGE_GROUP, []),
        "categories": terms.get(Vocabulary.CATEGORY, []),
        "delivery": terms.get(Vocabulary.DELIVERY, []),
        "opening": opening,
        "cost_options": list(service.cost_options.all()),
        "venues": [_venue(loc) for loc in service.locations.all()],
        "contacts": [_contact(c) for c in service.contacts.all()],
        "areas": list(service.service_areas.all()),
        "website": safe_website(service.url),
        "phone_href": telephone_href(service.phone),
        "closed": service.status == ServiceStatus.TEMPORARILY_CLOSED,
        "gone": gone,
        "overdue": not gone and queries.is_overdue_for_review(service, today),
        "back": _back_to_results(request),
        "shortlisted": shortlist.contains(request.local_offer_shortlist, service.pk),
        "next": request.get_full_path(),
    }
    return _render(request, "service.html", context)


# Suggest a change ---------------------------------------------------------------------------------


@public
def suggest_change(request, service_id):
    service = _published_service(service_id)
    if service is None:
        return _not_found(request)
    form = SuggestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam():
            services.record_suggestion(
                service=service,
                topic=form.cleaned_data["topic"],
                details=form.cleaned_data["details"],
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
            )
        return redirect("local_offer:suggestion-sent", service_id=service.pk)
    return _render(
        request,
        "suggest_change.html",
        {"service": service, "form": form, "page_has_errors": bool(form.errors)},
    )


@public
def suggestion_sent(request, service_id):
    service = _published_service(service_id)
    if service is None:
        return _not_found(request)
    return _render(request, "suggestion_sent.html", {"service": service})


# Guidance -----------------------------------------------------------------------------------------


@public
def guidance_list(request):
    pages = GuidancePage.objects.filter(is_published=True)
    return _render(request, "guidance_list.html", {"pages": pages})


@public
def guidance_page(request, slug):
    page = GuidancePage.objects.filter(is_published=True, slug=slug).first()
    if page is None:
        return _not_found(request, "guidance page")
    needs = list(page.needs.select_related("taxonomy").order_by("position", "name"))
    context = {
        "page": page,
        "body": Markup(guidance.render(page.body)),
        "needs": needs,
        "updated": timezone.localtime(page.modified_at).date(),
    }
    if needs:
        results = queries.search_index().search(
            SearchQuery(
                term_groups=(frozenset(str(n.pk) for n in needs),),
                sort="name",
                per_page=GUIDANCE_SERVICES,
            )
        )
        found = queries.services_by_key([hit.key for hit in results.hits])
        codes = [n.code for n in needs if n.is_active and n.taxonomy.vocabulary == Vocabulary.NEED]
        context.update(
            {
                "rows": [_row(found[h.key]) for h in results.hits if h.key in found],
                "total": results.total,
                "search_url": reverse("local_offer:search")
                + ("?" + urlencode([("need", code) for code in codes]) if codes else ""),
            }
        )
    return _render(request, "guidance_page.html", context)
