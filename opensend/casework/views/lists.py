"""The casework lists: My cases, the 20-week tracker, reviews, phase transfers and the team view.

Thin views: `casework.queries` reads, `casework.services.assign_cases` writes, `casework.exports`
and `core.exports` make the downloads (each one needs a reason and is audited).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from opensend.accounts.models import Organisation, User
from opensend.casework import exports, queries, services
from opensend.casework.filters import CaseListFilterForm
from opensend.casework.models import PhaseTransfer, Request
from opensend.casework.prediction import Step
from opensend.core import exports as downloads
from opensend.core.access import requires
from opensend.core.audit import record_access

PAGE_SIZE = 25


@dataclass(frozen=True, eq=False)
class CaseList:
    """One list: its name in URLs and code, its page, its sortable columns and its download."""

    name: str
    title: str
    url_name: str
    template: str
    headers: tuple[tuple[str, str], ...]  # (heading, sort key or "")
    columns: list
    noun: tuple[str, str] = ("case", "cases")
    default_sort: str = "due"
    export_noun: tuple[str, str] | None = None  # when the download holds something else

    @property
    def export_url_name(self) -> str:
        return f"{self.url_name}_export"


MY_CASES = CaseList(
    "my_cases",
    "My cases",
    "casework:my_cases",
    "casework/lists/my_cases.html",
    (
        ("Name", "name"),
        ("Stage", ""),
        ("Received", "received"),
        ("Next step", ""),
        ("Due", "due"),
        ("Days left", "days"),
        ("Status", ""),
    ),
    exports.CASE_COLUMNS,
)
TRACKER = CaseList(
    "tracker",
    "20-week tracker",
    "casework:tracker",
    "casework/lists/tracker.html",
    (
        ("Name", "name"),
        ("Week", "week"),
        ("Where it is", ""),
        ("Next step", ""),
        ("Due", "due"),
        ("Predicted final plan", "predicted"),
        ("20 weeks", ""),
    ),
    exports.TRACKER_COLUMNS,
    ("assessment", "assessments"),
    queries.TRACKER_DEFAULT_SORT,
)
REVIEWS = CaseList(
    "reviews",
    "Reviews",
    "casework:reviews",
    "casework/lists/reviews.html",
    (("Name", "name"), ("Step", ""), ("Due", "due"), ("Days left", ""), ("Status", "")),
    exports.REVIEW_COLUMNS,
    ("review", "reviews"),
)
PHASE_TRANSFERS = CaseList(
    "phase_transfers",
    "Phase transfers",
    "casework:phase_transfers",
    "casework/lists/phase_transfers.html",
    (
        ("Name", "name"),
        ("Move", ""),
        ("Review", ""),
        ("Amended plan due", "due"),
        ("Days left", ""),
        ("Status", ""),
    ),
    exports.TRANSFER_COLUMNS,
    ("phase transfer", "phase transfers"),
)
TEAM = CaseList(
    "team",
    "Team",
    "casework:team",
    "casework/lists/team.html",
    (
        ("Select", ""),
        ("Name", "name"),
        ("Caseworker", ""),
        ("Next step", ""),
        ("Due", "due"),
        ("Status", ""),
    ),
    exports.CASELOAD_COLUMNS,
    export_noun=("caseworker", "caseworkers"),
)
LISTS = (MY_CASES, TRACKER, REVIEWS, PHASE_TRANSFERS, TEAM)


def _records(case_list: CaseList, user, today, criteria, **reader_kwargs):
    """The list's records: a queryset of cases for My cases and the team view (paged in SQL),
    a list of rows for the others."""
    if case_list in (MY_CASES, TEAM):
        return queries.my_cases(user, today, criteria)
    reader = {
        TRACKER: queries.assessment_tracker,
        REVIEWS: queries.reviews_due,
        PHASE_TRANSFERS: queries.phase_transfers_due,
    }[case_list]
    return reader(user, today, criteria, **reader_kwargs)


def _rows(records, today):
    """Rows from `_records`, for a page or a download."""
    if isinstance(records, list):
        return records
    return [queries.case_row(case, today) for case in records]


def _filtered(request, case_list: CaseList, caseworkers=None):
    user = request.user
    form = CaseListFilterForm(
        request.GET or None,
        list_name=case_list.name,
        caseworkers=queries.caseworkers_for(user) if caseworkers is None else caseworkers,
        team=queries.sees_team(user),
    )
    sort = request.GET.get("sort") or case_list.default_sort
    return form, form.criteria(sort), sort


def _query(request, *drop: str) -> str:
    query = request.GET.copy()
    for name in ("page", *drop):
        query.pop(name, None)
    return query.urlencode()


def _sort_headers(request, case_list: CaseList, sort: str) -> list[dict]:
    """Table headings; a sortable one links to sort by it (again: the other way round) and
    carries aria-sort, as MoJ's sortable table does."""
    base = _query(request, "sort")
    current, descending = sort.lstrip("-"), sort.startswith("-")
    headers = []
    for text, key in case_list.headers:
        if not key:
            headers.append({"text": text})
            continue
        active = current == key
        link_sort = f"-{key}" if active and not descending else key
        href = "?" + "&".join(part for part in (base, f"sort={link_sort}") if part)
        headers.append(
            {
                "html": format_html(
                    '<a class="govuk-link govuk-link--no-visited-state app-sort" href="{}">{}</a>',
                    href,
                    text,
                ),
                "attributes": {
                    "aria-sort": ("descending" if descending else "ascending") if active else "none"
                },
            }
        )
    return headers


def _sub_navigation(request, current: CaseList) -> list[dict]:
    shown = [MY_CASES, TRACKER, REVIEWS, PHASE_TRANSFERS]
    if queries.sees_team(request.user):
        shown.append(TEAM)
    return [
        {"text": item.title, "href": reverse(item.url_name), "active": item is current}
        for item in shown
    ]


def _audit_search(request, case_list: CaseList, criteria, count: int) -> None:
    if criteria.query:
        record_access(
            request,
            action="search",
            object_type=f"casework {case_list.name}",
            purpose=f"Casework search: {case_list.title}",
            detail={"results": count},
        )


def _list_context(request, case_list: CaseList, reader_kwargs: dict) -> dict:
    today = timezone.localdate()
    caseworkers = queries.caseworkers_for(request.user)  # read once, shown twice on the team page
    form, criteria, sort = _filtered(request, case_list, caseworkers)
    records = _records(case_list, request.user, today, criteria, **reader_kwargs)
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    _audit_search(request, case_list, criteria, page.paginator.count)
    return {
        "list": case_list,
        "form": form,
        "page": page,
        "rows": _rows(page.object_list, today),
        "today": today,
        "query": _query(request),
        "headers": _sort_headers(request, case_list, sort),
        "sub_navigation": _sub_navigation(request, case_list),
        "team": queries.sees_team(request.user),
        "caseworkers": caseworkers,
        "can_export": request.user.has_perm("casework.export_casework"),
    }


def _render_list(request, case_list: CaseList, reader_kwargs=None, **extra):
    context = _list_context(request, case_list, reader_kwargs or {})
    return render(request, case_list.template, context | extra)


@requires("casework.view_case")
def my_cases(request):
    return _render_list(request, MY_CASES)


@requires("casework.view_case")
def tracker(request):
    durations = queries.durations_for(request.user, timezone.localdate())
    organisation = request.user.organisation
    names = {organisation.pk: organisation.name} if organisation else {}
    if set(durations) - set(names):
        names = dict(Organisation.objects.filter(pk__in=durations).values_list("pk", "name"))
    return _render_list(
        request,
        TRACKER,
        reader_kwargs={"durations": durations},
        durations=[(names.get(la_id, ""), found) for la_id, found in durations.items()],
        step_enum={step.value: step for step in Step},
    )


@requires("casework.view_case")
def reviews(request):
    return _render_list(request, REVIEWS)


@requires("casework.view_case")
def phase_transfers(request):
    return _render_list(request, PHASE_TRANSFERS, move_labels=dict(PhaseTransfer.Move.choices))


def _team_page(request, *, errors=None, status=200):
    today = timezone.localdate()
    caseload = queries.team_caseload(request.user, today)
    response = _render_list(
        request,
        TEAM,
        caseload=caseload,
        totals=queries.caseload_totals(caseload),
        can_assign=request.user.has_perm("casework.assign_case"),
        errors=errors or {},
        chosen=request.POST.get("caseworker", ""),
        ticked=set(request.POST.getlist("cases")),
    )
    response.status_code = status
    return response


@requires("casework.view_team")
def team(request):
    return _team_page(request)


@requires("casework.assign_case")
def team_assign(request):
    """Give the ticked cases to the chosen caseworker (`services.assign_cases`)."""
    if request.method != "POST":
        return redirect("casework:team")
    ids = [int(pk) for pk in request.POST.getlist("cases") if pk.isdigit()]
    cases = list(Request.objects.visible_to(request.user).filter(pk__in=ids))
    chosen = request.POST.get("caseworker", "")
    caseworker = User.objects.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    errors = {}
    if not cases:
        errors["cases"] = "Select the cases to reassign"
    if caseworker is None:
        errors["caseworker"] = "Choose who the cases should go to"
    if not errors:
        try:
            moved = services.assign_cases(actor=request.user, cases=cases, caseworker=caseworker)
        except services.CaseworkError as error:
            errors[getattr(error, "field", None) or "caseworker"] = str(error)
        else:
            name = caseworker.full_name or caseworker.email
            messages.success(
                request, f"{moved} {'case' if moved == 1 else 'cases'} given to {name}"
            )
            query = _query(request)
            return redirect(reverse("casework:team") + (f"?{query}" if query else ""))
    return _team_page(request, errors=errors, status=400)


# --- downloads ---------------------------------------------------------------------------------


def _export_records(case_list: CaseList, request, today) -> list:
    if case_list is TEAM:
        return queries.team_caseload(request.user, today)
    _form, criteria, _sort = _filtered(request, case_list)
    records = _records(case_list, request.user, today, criteria)
    if isinstance(records, list):
        return records
    return [queries.case_row(case, today) for case in records.iterator(chunk_size=2000)]


def _download(request, case_list: CaseList):
    today = timezone.localdate()
    records = _export_records(case_list, request, today)
    purpose = request.POST.get("purpose", "")
    file_format = request.POST.get("format", "")
    errors = {}
    if request.method == "POST":
        errors = downloads.download_errors(purpose, file_format)
        if not errors:
            record_access(
                request,
                action="export",
                object_type=f"casework {case_list.name}",
                purpose=downloads.purpose_text(purpose),
                detail={"rows": len(records), "format": file_format, "filters": request.GET.dict()},
            )
            return downloads.file_response(
                exports.rows(case_list.columns, records),
                file_format,
                f"opensend-{case_list.name.replace('_', '-')}-{today.isoformat()}",
                case_list.title,
            )
    query = request.GET.urlencode()
    suffix = f"?{query}" if query else ""
    return render(
        request,
        "core/download.html",
        {
            "count": len(records),
            "noun": case_list.export_noun or case_list.noun,
            "purposes": downloads.EXPORT_PURPOSES,
            "errors": errors,
            "purpose": purpose,
            "format": file_format,
            "action": reverse(case_list.export_url_name) + suffix,
            "back": {
                "text": f"Back to {case_list.title}",
                "href": reverse(case_list.url_name) + suffix,
            },
        },
    )


@requires("casework.export_casework")
def my_cases_export(request):
    return _download(request, MY_CASES)


@requires("casework.export_casework")
def tracker_export(request):
    return _download(request, TRACKER)


@requires("casework.export_casework")
def reviews_export(request):
    return _download(request, REVIEWS)


@requires("casework.export_casework")
def phase_transfers_export(request):
    return _download(request, PHASE_TRANSFERS)


@requires("casework.view_team")
def team_export(request):
    return _download(request, TEAM)
