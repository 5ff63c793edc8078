"""Every write to the register: each takes the acting user and runs in one transaction."""

from django.db import transaction

from opensend.core.services import save_as
from opensend.people.models import Person


@transaction.atomic
def create_person(*, actor, form) -> Person:
    person = form.save(commit=False)
    person.responsible_la = actor.organisation
    return save_as(person, actor)


@transaction.atomic
def update_person(*, actor, form) -> Person:
    return save_as(form.save(commit=False), actor)


@transaction.atomic
def add_fact(*, actor, person: Person, form):
    fact = form.save(commit=False)
    fact.person = person
    return save_as(fact, actor)


@transaction.atomic
def update_fact(*, actor, form):
    return save_as(form.save(commit=False), actor)


@transaction.atomic
def save_establishments(rows) -> dict[str, int]:
    """Create or update establishments by URN from GIAS rows; unchanged ones are left alone."""
    from opensend.people.models import Establishment

    existing = {e.urn: e for e in Establishment.objects.filter(urn__in=[r.urn for r in rows])}
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    fields = [
        "ukprn",
        "name",
        "la_code",
        "establishment_type",
        "phase",
        "has_sen_unit",
        "has_resourced_provision",
        "postcode",
        "opened_on",
        "closed_on",
    ]
    new, changed = [], []
    for row in rows:
        values = {f: getattr(row, f) for f in fields}
        current = existing.get(row.urn)
        if current is None:
            new.append(Establishment(urn=row.urn, **values))
        elif any(getattr(current, f) != v for f, v in values.items()):
            for name, value in values.items():
                setattr(current, name, value)
            changed.append(current)
        else:
            counts["unchanged"] += 1
    Establishment.objects.bulk_create(new, batch_size=2000)
    Establishment.objects.bulk_update(changed, fields, batch_size=2000)
    counts["created"], counts["updated"] = len(new), len(changed)
    return counts
