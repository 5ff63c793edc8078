"""Reviewers' pages for what sits behind services: providers and venues, taxonomies, guidance
pages, and bulk import and export."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from opensend.core.access import requires
from opensend.directory import queries, services
from opensend.directory.editor_forms import (
    GuidancePageForm,
    LocationForm,
    ProviderForm,
    TaxonomyForm,
    TermForm,
)
from opensend.directory.editor_views import EDIT, REVIEW, _posted
from opensend.directory.models import GuidancePage, Location, Provider, Taxonomy, TaxonomyTerm


@requires(EDIT)
def provider_list(request):
    providers = queries.providers_editable_by(request.user).annotate(
        service_count=Count("services", distinct=True),
        venue_count=Count("locations", distinct=True),
    )
    return TemplateResponse(
        request,
        "directory/editor/provider_list.html",
        {"providers": providers, "is_reviewer": queries.is_reviewer(request.user)},
    )


@requires(EDIT)
def provider_detail(request, provider_id):
    provider = get_object_or_404(queries.providers_editable_by(request.user), pk=provider_id)
    return TemplateResponse(
        request,
        "directory/editor/provider_detail.html",
        {
            "provider": provider,
            "venues": provider.locations.prefetch_related("accessibility"),
            "services": provider.services.order_by("name"),
            "is_reviewer": queries.is_reviewer(request.user),
        },
    )


@requires(REVIEW)
def provider_edit(request, provider_id=None):
    provider = get_object_or_404(Provider, pk=provider_id) if provider_id else None
    form = ProviderForm(_posted(request), instance=provider)
    if request.method == "POST" and form.is_valid():
        provider = services.save_provider(actor=request.user, provider=form.save(commit=False))
        messages.success(request, f"{provider.name} is saved")
        return redirect("directory:provider", provider.pk)
    return TemplateResponse(
        request, "directory/editor/provider_form.html", {"form": form, "provider": provider}
    )


@requires(EDIT)
def venue_edit(request, provider_id, venue_id=None):
    """Providers keep their own venues' addresses up to date; services pick from them."""
    provider = get_object_or_404(queries.providers_editable_by(request.user), pk=provider_id)
    venue = get_object_or_404(Location, pk=venue_id, provider=provider) if venue_id else None
    form = LocationForm(_posted(request), instance=venue)
    if request.method == "POST" and form.is_valid():
        location = form.save(commit=False)
        location.provider = provider
        services.save_location(
            actor=request.user,
            location=location,
            accessibility=form.cleaned_data["accessibility_features"],
        )
        messages.success(request, f"{location.name} is saved")
        return redirect("directory:provider", provider.pk)
    return TemplateResponse(
        request,
        "directory/editor/venue_form.html",
        {"form": form, "provider": provider, "venue": venue},
    )


@requires(REVIEW)
def taxonomy_list(request):
    taxonomies = Taxonomy.objects.prefetch_related("terms").annotate(term_count=Count("terms"))
    return TemplateResponse(
        request, "directory/editor/taxonomy_list.html", {"taxonomies": taxonomies}
    )


@requires(REVIEW)
def taxonomy_detail(request, taxonomy_id):
    taxonomy = get_object_or_404(Taxonomy, pk=taxonomy_id)
    form = TaxonomyForm(_posted(request), instance=taxonomy)
    if request.method == "POST" and form.is_valid():
        services.save_taxonomy(actor=request.user, taxonomy=form.save(commit=False))
        messages.success(request, f"{taxonomy.name} is saved")
        return redirect("directory:taxonomy", taxonomy.pk)
    terms = (
        TaxonomyTerm.objects.filter(taxonomy=taxonomy)
        .annotate(service_count=Count("services"))
        .select_related("parent")
    )
    return TemplateResponse(
        request,
        "directory/editor/taxonomy_detail.html",
        {"taxonomy": taxonomy, "form": form, "terms": _tree(terms)},
    )


def _tree(terms) -> list[tuple[int, TaxonomyTerm]]:
    """Terms in tree order with their depth."""
    by_parent: dict = {}
    for term in terms:
        by_parent.setdefault(term.parent_id, []).append(term)
    ordered: list[tuple[int, TaxonomyTerm]] = []

    def walk(parent_id, depth):
        for term in sorted(by_parent.get(parent_id, []), key=lambda t: (t.position, t.name)):
            ordered.append((depth, term))
            walk(term.pk, depth + 1)

    walk(None, 0)
    return ordered


@requires(REVIEW)
def term_edit(request, taxonomy_id, term_id=None):
    taxonomy = get_object_or_404(Taxonomy, pk=taxonomy_id)
    term = get_object_or_404(TaxonomyTerm, pk=term_id, taxonomy=taxonomy) if term_id else None
    form = TermForm(_posted(request), instance=term, taxonomy=taxonomy)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.taxonomy = taxonomy
        services.save_term(actor=request.user, term=saved)
        messages.success(request, f"{saved.name} is saved")
        return redirect("directory:taxonomy", taxonomy.pk)
    return TemplateResponse(
        request,
        "directory/editor/term_form.html",
        {"form": form, "taxonomy": taxonomy, "term": term},
    )


@requires(REVIEW)
def guidance_list(request):
    return TemplateResponse(
        request,
        "directory/editor/guidance_list.html",
        {"pages": GuidancePage.objects.prefetch_related("needs")},
    )


@requires(REVIEW)
def guidance_edit(request, page_id=None):
    page = get_object_or_404(GuidancePage, pk=page_id) if page_id else None
    form = GuidancePageForm(_posted(request), instance=page)
    if request.method == "POST" and form.is_valid():
        saved = services.save_guidance_page(
            actor=request.user, page=form.save(commit=False), needs=form.cleaned_data["need_terms"]
        )
        messages.success(request, f"{saved.title} is saved")
        return redirect("directory:guidance")
    return TemplateResponse(
        request, "directory/editor/guidance_form.html", {"form": form, "page": page}
    )
