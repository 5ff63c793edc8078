"""Directory editors' pages: the review queue, editing services, history and suggestions.

Providers' directory editors see and propose changes to their own organisation's services;
directory editors at the local authority review them and manage everything else
(`editor_manage_views`)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from opensend.core.access import requires
from opensend.directory import diffs, queries, records, reminders, services
from opensend.directory.editor_forms import DecisionForm, ServiceForm, SuggestionResponseForm
from opensend.directory.models import (
    ChangeSuggestion,
    Location,
    Provider,
    RevisionState,
    ServiceRevision,
    TaxonomyTerm,
)

EDIT = "directory.edit_services"
REVIEW = "directory.review_changes"


def _posted(request):
    return request.POST if request.method == "POST" else None


def _names(snapshots) -> dict[str, str]:
    """Names of the terms, venues and providers the snapshots mention, by id."""
    ids = set()
    for snapshot in snapshots:
        if snapshot:
            ids.update(snapshot.get("terms", []))
            ids.update(snapshot.get("locations", []))
            ids.add(snapshot.get("provider"))
    ids.discard(None)
    names = {str(t.pk): f"{t.taxonomy.name}: {t.name}" for t in _terms(ids)}
    names.update({str(loc.pk): loc.name for loc in Location.objects.filter(pk__in=ids)})
    names.update({str(p.pk): p.name for p in Provider.objects.filter(pk__in=ids)})
    return names


def _terms(ids):
    return TaxonomyTerm.objects.filter(pk__in=ids).select_related("taxonomy")


def _service(request, service_id):
    return get_object_or_404(
        queries.services_editable_by(request.user).select_related("provider"), pk=service_id
    )


@requires(EDIT)
def dashboard(request):
    user = request.user
    return TemplateResponse(
        request,
        "directory/editor/dashboard.html",
        {
            "is_reviewer": queries.is_reviewer(user),
            "queue": queries.review_queue(user).count(),
            "overdue": queries.overdue_services(user).count(),
            "suggestions": queries.open_suggestions(user).count(),
            "services": queries.services_editable_by(user).count(),
            "rejected": ServiceRevision.objects.filter(
                submitted_by=user, state=RevisionState.REJECTED
            ).select_related("service")[:5],
        },
    )


@requires(EDIT)
def service_list(request):
    services_ = queries.services_editable_by(request.user).select_related("provider")
    text = request.GET.get("q", "").strip()[:100]
    if text:
        services_ = services_.filter(Q(name__icontains=text) | Q(provider__name__icontains=text))
    show = request.GET.get("show", "")
    if show == "unpublished":
        services_ = services_.filter(is_published=False)
    elif show == "pending":
        services_ = services_.filter(revisions__state=RevisionState.PENDING)
    elif show == "overdue":
        services_ = queries.overdue_services(request.user).filter(pk__in=services_.values("pk"))
    page = Paginator(services_.order_by("name"), 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "directory/editor/service_list.html",
        {"page": page, "q": text, "show": show, "providers": _providers(request.user)},
    )


def _providers(user):
    return queries.providers_editable_by(user).order_by("name")


@requires(EDIT)
def service_detail(request, service_id):
    service = _service(request, service_id)
    pending = service.revisions.filter(state=RevisionState.PENDING).first()
    return TemplateResponse(
        request,
        "directory/editor/service_detail.html",
        {
            "service": service,
            "pending": pending,
            "overdue": service.is_published and queries.is_overdue_for_review(service),
            "history": service.revisions.select_related("submitted_by", "decided_by")[:20],
            "suggestions": service.suggestions.filter(state=ChangeSuggestion.State.NEW),
            "is_reviewer": queries.is_reviewer(request.user),
        },
    )


@requires(EDIT)
def service_new(request):
    providers = _providers(request.user)
    provider_id = request.GET.get("provider") or request.POST.get("provider")
    if provider_id is None and providers.count() == 1:
        provider_id = str(providers.get().pk)
    if not provider_id:
        return TemplateResponse(
            request, "directory/editor/choose_provider.html", {"providers": providers}
        )
    provider = get_object_or_404(providers, pk=provider_id)
    form = ServiceForm(_posted(request), provider=provider)
    if request.method == "POST" and form.is_valid():
        revision = services.create_service(
            actor=request.user,
            provider=provider,
            snapshot=form.snapshot(),
            note=form.cleaned_data["note"],
        )
        _say_what_happened(request, revision)
        return redirect("directory:service", revision.service_id)
    return TemplateResponse(
        request,
        "directory/editor/service_form.html",
        {"form": form, "provider": provider, "service": None},
    )


@requires(EDIT)
def service_edit(request, service_id):
    service = _service(request, service_id)
    pending = service.revisions.filter(state=RevisionState.PENDING).first()
    starting_point = pending.snapshot if pending else records.snapshot_of(service)
    form = ServiceForm(_posted(request), provider=service.provider, snapshot=starting_point)
    if request.method == "POST" and form.is_valid():
        revision = services.propose_change(
            actor=request.user,
            service=service,
            snapshot=form.snapshot(),
            note=form.cleaned_data["note"],
        )
        _say_what_happened(request, revision)
        return redirect("directory:service", service.pk)
    return TemplateResponse(
        request,
        "directory/editor/service_form.html",
        {"form": form, "provider": service.provider, "service": service, "pending": pending},
    )


def _say_what_happened(request, revision) -> None:
    if revision.state == RevisionState.APPROVED:
        messages.success(request, f"{revision.service.name}: your changes are published")
    else:
        messages.success(
            request,
            f"{revision.snapshot['name']}: your changes are waiting for the Local Offer team "
            "to check them",
        )


@requires(EDIT)
def confirm(request, service_id):
    service = _service(request, service_id)
    if request.method != "POST":
        return redirect("directory:service", service.pk)
    revision = services.confirm_still_correct(actor=request.user, service=service)
    if revision.state == RevisionState.APPROVED:
        messages.success(request, f"{service.name} is marked as reviewed today")
    else:
        messages.success(request, "Thank you: the Local Offer team will mark it as reviewed")
    return redirect("directory:service", service.pk)


@requires(EDIT)
def revision_detail(request, revision_id):
    revision = get_object_or_404(
        ServiceRevision.objects.filter(
            service__in=queries.services_editable_by(request.user)
        ).select_related("service", "submitted_by", "decided_by"),
        pk=revision_id,
    )
    service = revision.service
    if revision.state == RevisionState.PENDING:
        before = records.snapshot_of(service) if service.is_published else None
    else:
        previous = (
            service.revisions.filter(state=RevisionState.APPROVED, number__lt=revision.number)
            .order_by("-number")
            .first()
        )
        before = previous.snapshot if previous else None
    can_decide = revision.state == RevisionState.PENDING and queries.is_reviewer(request.user)
    form = DecisionForm(_posted(request)) if can_decide else None
    if form is not None and request.method == "POST" and form.is_valid():
        return _decide(request, revision, form)
    return TemplateResponse(
        request,
        "directory/editor/revision.html",
        {
            "revision": revision,
            "service": service,
            "differences": diffs.differences(
                before, revision.snapshot, _names([before, revision.snapshot])
            ),
            "is_new": before is None,
            "form": form,
            "can_withdraw": revision.state == RevisionState.PENDING
            and revision.submitted_by_id == request.user.pk,
        },
    )


def _decide(request, revision, form):
    try:
        if form.cleaned_data["decision"] == "approve":
            services.approve(actor=request.user, revision=revision)
            messages.success(request, f"{revision.service.name}: the change is published")
        else:
            services.reject(
                actor=request.user, revision=revision, reason=form.cleaned_data["reason"]
            )
            messages.success(request, f"{revision.service.name}: the change is rejected")
    except services.ReviewError as error:
        messages.error(request, str(error))
        return redirect("directory:revision", revision.pk)
    return redirect("directory:queue")


@requires(EDIT)
def withdraw(request, revision_id):
    """The person who proposed a waiting change takes it back."""
    revision = get_object_or_404(
        ServiceRevision.objects.filter(service__in=queries.services_editable_by(request.user)),
        pk=revision_id,
    )
    if request.method == "POST" and revision.submitted_by_id == request.user.pk:
        try:
            services.withdraw(actor=request.user, revision=revision)
            messages.success(request, "Your change is withdrawn")
        except services.ReviewError as error:
            messages.error(request, str(error))
    return redirect("directory:service", revision.service_id)


@requires(EDIT)
def queue(request):
    page = Paginator(queries.review_queue(request.user), 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "directory/editor/queue.html",
        {"page": page, "is_reviewer": queries.is_reviewer(request.user)},
    )


@requires(EDIT)
def overdue(request):
    page = Paginator(queries.overdue_services(request.user), 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "directory/editor/overdue.html",
        {"page": page, "is_reviewer": queries.is_reviewer(request.user)},
    )


@requires(REVIEW)
def send_reminders(request):
    """Send the reminders now rather than waiting for the scheduled command."""
    if request.method == "POST":
        summary = reminders.send_reminders()
        messages.info(request, ". ".join(summary.lines()))
    return redirect("directory:overdue")


@requires(EDIT)
def suggestions(request):
    page = Paginator(queries.open_suggestions(request.user), 50).get_page(request.GET.get("page"))
    return TemplateResponse(request, "directory/editor/suggestions.html", {"page": page})


@requires(EDIT)
def suggestion(request, suggestion_id):
    item = get_object_or_404(
        ChangeSuggestion.objects.filter(
            service__in=queries.services_editable_by(request.user)
        ).select_related("service"),
        pk=suggestion_id,
    )
    form = SuggestionResponseForm(_posted(request))
    if item.state != ChangeSuggestion.State.NEW:
        form = None
    if form is not None and request.method == "POST" and form.is_valid():
        services.handle_suggestion(actor=request.user, suggestion=item, **form.cleaned_data)
        messages.success(request, "The suggestion is closed")
        return redirect("directory:suggestions")
    return TemplateResponse(
        request, "directory/editor/suggestion.html", {"item": item, "form": form}
    )
