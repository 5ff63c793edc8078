"""Every write to the register: each takes the acting user and runs in one transaction."""

from django.db import transaction

from opensend.people.models import Person


def _save(instance, actor):
    instance._history_user = actor
    if instance.pk is None and hasattr(instance, "created_by_id"):
        instance.created_by = actor
    if hasattr(instance, "modified_by_id"):
        instance.modified_by = actor
    instance.save()
    return instance


@transaction.atomic
def create_person(*, actor, form) -> Person:
    person = form.save(commit=False)
    person.responsible_la = actor.organisation
    return _save(person, actor)


@transaction.atomic
def update_person(*, actor, form) -> Person:
    return _save(form.save(commit=False), actor)


@transaction.atomic
def add_fact(*, actor, person: Person, form):
    fact = form.save(commit=False)
    fact.person = person
    return _save(fact, actor)


@transaction.atomic
def update_fact(*, actor, form):
    return _save(form.save(commit=False), actor)
