from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from opensend.core import exports as downloads
from opensend.core.access import requires
from opensend.core.audit import record_access
from opensend.people import exports, queries, services
from opensend.people.filters import RegisterFilterForm
from opensend.people.forms import FACT_FORMS, PersonForm
from opensend.people.models import Establishment, Person

PAGE_SIZE = 25


def _person_or_404(user, person_id) -> Person:
    try:
        return queries.get_person_for(user, person_id)
    except Person.DoesNotExist:
        raise Http404 from None


def _filtered_register(request):
    today = timezone.localdate()
    visible = queries.people_visible_to(request.user)
    establishments = (
        Establishment.objects.filter(placements__person__in=visible).distinct().order_by("name")
    )
    form = RegisterFilterForm(request.GET or None, establishments=establishments)
    people = queries.filter_register(visible, form.criteria(), today)
    return form, queries.with_current_facts(people, today)


@requires("people.view_person")
def register_list(request):
    form, people = _filtered_register(request)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    if form.is_valid() and form.cleaned_data.get("q"):
        record_access(
            request,
            action="search",
            object_type="register",
            purpose="Register search",
            detail={"results": page.paginator.count},
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_export": request.user.has_perm("people.export_register"),
            "can_add": request.user.has_perm("people.add_person"),
            "can_import": request.user.has_perm("people.import_register"),
        },
    )


@requires("people.export_register")
def register_export(request):
    _form, people = _filtered_register(request)
    purpose = request.POST.get("purpose", "")
    file_format = request.POST.get("format", "")
    errors = {}
    if request.method == "POST":
        errors = downloads.download_errors(purpose, file_format)
        if not errors:
            count = people.count()
            record_access(
                request,
                action="export",
                object_type="register",
                purpose=downloads.purpose_text(purpose),
                detail={"rows": count, "format": file_format, "filters": request.GET.dict()},
            )
            stamp = timezone.localdate().isoformat()
            return downloads.file_response(
                exports.rows(people), file_format, f"opensend-register-{stamp}", "Register"
            )
    query = request.GET.urlencode()
    suffix = f"?{query}" if query else ""
    return render(
        request,
        "core/download.html",
        {
            "count": people.count(),
            "noun": ("record", "records"),
            "purposes": downloads.EXPORT_PURPOSES,
            "errors": errors,
            "purpose": purpose,
            "format": file_format,
            "action": reverse("people:export") + suffix,
            "back": {"text": "Back to the register", "href": reverse("people:list") + suffix},
        },
    )


@requires("people.view_person")
def person_detail(request, person_id: int):
    person = _person_or_404(request.user, person_id)
    record_access(
        request,
        action="view",
        object_type="person",
        object_id=person.pk,
        person_id=person.pk,
        purpose=request.GET.get("via", "Opened the record")[:100],
    )
    today = timezone.localdate()
    return render(
        request,
        "people/detail.html",
        {
            "person": person,
            "today": today,
            "timeline": queries.person_timeline(person),
            "statuses": person.sen_statuses.all(),
            "needs": person.needs.all(),
            "placements": person.placements.select_related("establishment"),
            "circumstances": person.circumstances.all(),
            "attendance": person.attendance.select_related("establishment"),
            "exclusions": person.exclusions.select_related("establishment"),
            "can_change": request.user.has_perm("people.change_person"),
            "cases": person.ehc_requests.order_by("-received_on", "-pk")
            if request.user.has_perm("casework.view_case")
            else None,
            "can_change_cases": request.user.has_perm("casework.change_case"),
        },
    )


@requires("people.add_person")
def person_create(request):
    organisation = request.user.organisation
    if organisation is None or not organisation.is_local_authority:
        raise PermissionDenied
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = services.create_person(actor=request.user, form=form)
        messages.success(request, f"{person.full_name} added to the register")
        return redirect("people:detail", person_id=person.pk)
    return render(request, "people/person_form.html", {"form": form, "person": None})


@requires("people.change_person")
def person_edit(request, person_id: int):
    person = _person_or_404(request.user, person_id)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        services.update_person(actor=request.user, form=form)
        messages.success(request, "Changes saved")
        return redirect("people:detail", person_id=person.pk)
    return render(request, "people/person_form.html", {"form": form, "person": person})


def _fact_form(kind: str):
    if kind not in FACT_FORMS:
        raise Http404
    return FACT_FORMS[kind]


@requires("people.change_person")
def fact_add(request, person_id: int, kind: str):
    person = _person_or_404(request.user, person_id)
    form_class, noun = _fact_form(kind)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_fact(actor=request.user, person=person, form=form)
        messages.success(request, f"The {noun} was added")
        return redirect("people:detail", person_id=person.pk)
    return render(
        request,
        "people/fact_form.html",
        {"form": form, "person": person, "noun": noun, "adding": True},
    )


@requires("people.change_person")
def fact_edit(request, person_id: int, kind: str, fact_id: int):
    person = _person_or_404(request.user, person_id)
    form_class, noun = _fact_form(kind)
    fact = form_class._meta.model.objects.filter(person=person, pk=fact_id).first()
    if fact is None:
        raise Http404
    form = form_class(request.POST or None, instance=fact)
    if request.method == "POST" and form.is_valid():
        services.update_fact(actor=request.user, form=form)
        messages.success(request, f"The {noun} was updated")
        return redirect("people:detail", person_id=person.pk)
    return render(
        request,
        "people/fact_form.html",
        {"form": form, "person": person, "noun": noun, "adding": False},
    )
