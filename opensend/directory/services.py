"""Every write to the directory. Each takes the acting user and runs in one transaction.

Reviewers' changes (directory editors at the local authority, administrators) are approved as
they are saved; everyone else's wait in the review queue as a pending `ServiceRevision`.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from opensend.core.services import save_as
from opensend.directory import notifications, queries, records
from opensend.directory.models import (
    ChangeSuggestion,
    GuidancePage,
    Location,
    Provider,
    RevisionState,
    Service,
    ServiceRevision,
    Taxonomy,
    TaxonomyTerm,
)
from opensend.directory.queries import is_reviewer


class ReviewError(Exception):
    """A review action that cannot be taken, in words for the user."""


def _next_number(service: Service) -> int:
    latest = service.revisions.aggregate(n=Max("number"))["n"]
    return (latest or 0) + 1


@transaction.atomic
def propose_change(
    *, actor, service: Service, snapshot: dict, note: str = "", source: str = "form"
) -> ServiceRevision:
    """Record changed details for a service: approved at once for a reviewer, otherwise a
    pending revision that replaces any earlier pending one."""
    Service.objects.select_for_update().filter(pk=service.pk).first()
    snapshot = records.normalise(
        {**snapshot, "provider": snapshot.get("provider") or str(service.provider_id)}
    )
    pending = service.revisions.filter(state=RevisionState.PENDING).first()
    if pending is not None:
        pending.state = RevisionState.WITHDRAWN
        pending.decided_by = actor
        pending.decided_at = timezone.now()
        pending.reason = "Replaced by a later change"
        pending.save()
    revision = ServiceRevision.objects.create(
        service=service,
        number=_next_number(service),
        snapshot=snapshot,
        state=RevisionState.PENDING,
        note=note,
        source=source,
        submitted_by=actor,
    )
    if is_reviewer(actor):
        revision = approve(actor=actor, revision=revision)
    return revision


@transaction.atomic
def create_service(*, actor, provider: Provider, snapshot: dict, note: str = "", source="form"):
    """A new service: not public until a reviewer approves its first revision."""
    snapshot = {**snapshot, "provider": str(provider.pk)}
    service = Service.objects.create(
        provider=provider,
        name=snapshot.get("name") or "New service",
        description=snapshot.get("description") or "",
        is_published=False,
    )
    return propose_change(actor=actor, service=service, snapshot=snapshot, note=note, source=source)


@transaction.atomic
def approve(*, actor, revision: ServiceRevision) -> ServiceRevision:
    """Publish a pending revision's details; the service counts as reviewed today."""
    revision = _pending(revision)
    service = revision.service
    records.apply_snapshot(service, revision.snapshot)
    service.is_published = True
    service.assured_date = timezone.localdate()
    service.assurer_email = actor.email
    service._history_user = actor
    service.save()
    revision.state = RevisionState.APPROVED
    revision.decided_by = actor
    revision.decided_at = timezone.now()
    revision.save()
    notifications.decision_made(revision)
    return revision


@transaction.atomic
def reject(*, actor, revision: ServiceRevision, reason: str) -> ServiceRevision:
    revision = _pending(revision)
    if not reason.strip():
        raise ReviewError("Enter why you are rejecting the change")
    revision.state = RevisionState.REJECTED
    revision.reason = reason.strip()
    revision.decided_by = actor
    revision.decided_at = timezone.now()
    revision.save()
    notifications.decision_made(revision)
    return revision


@transaction.atomic
def withdraw(*, actor, revision: ServiceRevision) -> ServiceRevision:
    revision = _pending(revision)
    revision.state = RevisionState.WITHDRAWN
    revision.decided_by = actor
    revision.decided_at = timezone.now()
    revision.reason = "Withdrawn by the person who proposed it"
    revision.save()
    return revision


def _pending(revision: ServiceRevision) -> ServiceRevision:
    current = ServiceRevision.objects.select_for_update().get(pk=revision.pk)
    if current.state != RevisionState.PENDING:
        raise ReviewError(f"This change has already been {current.get_state_display().lower()}")
    return current


@transaction.atomic
def confirm_still_correct(*, actor, service: Service) -> ServiceRevision:
    """The details were checked and nothing has changed."""
    return propose_change(
        actor=actor,
        service=service,
        snapshot=records.snapshot_of(service),
        note="Checked: the details are still correct",
        source="confirmation",
    )


@transaction.atomic
def record_suggestion(*, service: Service, topic: str, details: str, name="", email=""):
    """A member of the public's suggestion (no sign-in); the service's editors are told."""
    suggestion = ChangeSuggestion.objects.create(
        service=service, topic=topic, details=details, name=name, email=email
    )
    notifications.suggestion_received(suggestion)
    return suggestion


@transaction.atomic
def handle_suggestion(*, actor, suggestion: ChangeSuggestion, state: str, response: str = ""):
    suggestion.state = state
    suggestion.response = response
    suggestion.handled_by = actor
    suggestion.handled_at = timezone.now()
    suggestion.save()
    return suggestion


@transaction.atomic
def save_provider(*, actor, provider: Provider) -> Provider:
    provider.modified_at = timezone.now()
    save_as(provider, actor)
    _touch_services(Service.objects.filter(provider=provider))
    return provider


@transaction.atomic
def save_location(*, actor, location: Location, accessibility=None) -> Location:
    location.modified_at = timezone.now()
    save_as(location, actor)
    if accessibility is not None:
        location.accessibility.set(accessibility)
    _touch_services(Service.objects.filter(locations=location))
    return location


@transaction.atomic
def save_taxonomy(*, actor, taxonomy: Taxonomy) -> Taxonomy:
    taxonomy.modified_at = timezone.now()
    return save_as(taxonomy, actor)


@transaction.atomic
def save_term(*, actor, term: TaxonomyTerm) -> TaxonomyTerm:
    term.modified_at = timezone.now()
    save_as(term, actor)
    # a service tagged with a narrower term is found under this one too: moving this term
    # under another broader term changes what those services are found under
    _touch_services(Service.objects.filter(terms__in=queries.with_narrower_terms(term.pk)))
    return term


@transaction.atomic
def save_guidance_page(*, actor, page: GuidancePage, needs=None) -> GuidancePage:
    page.modified_at = timezone.now()
    page.modified_by = actor
    save_as(page, actor)
    if needs is not None:
        page.needs.set(needs)
    return page


def _touch_services(services) -> None:
    """ORUK's `last_modified` covers related records: move it when a provider, venue or term
    a service shows changes."""
    Service.objects.filter(pk__in=services.values("pk")).update(last_modified=timezone.now())
