"""Reads of the register. Every query starts from `people_visible_to(user)`."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from opensend.accounts.roles import OrganisationKind
from opensend.core.identifiers import normalise_identifier
from opensend.people.models import (
    Circumstance,
    Need,
    Person,
    Placement,
    SenStatus,
    current_on,
)


def people_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """The people this user may see: their organisation's local authorities' register, or for a
    school, the pupils currently on its roll. Nobody else; no role, no records."""
    queryset = Person.objects.all() if queryset is None else queryset
    if not (user and user.is_authenticated and user.has_perm("people.view_person")):
        return queryset.none()
    organisation = user.organisation
    if organisation is None:
        return queryset.none()
    if organisation.kind == OrganisationKind.SCHOOL:
        if not organisation.urn:
            return queryset.none()
        today = timezone.localdate()
        on_roll = Placement.objects.filter(
            current_on(today), establishment__urn=organisation.urn
        ).values("person_id")
        return queryset.filter(pk__in=on_roll)
    return queryset.filter(responsible_la_id__in=organisation.covered_local_authority_ids())


def get_person_for(user, person_id: int) -> Person:
    """One person the user may see, or Person.DoesNotExist (a 404: no hint it exists)."""
    return people_visible_to(user).select_related("responsible_la").get(pk=person_id)


def with_current_facts(queryset: QuerySet, on: dt.date) -> QuerySet:
    """Annotate each person with their SEN provision, primary need and main setting on a date."""
    status = SenStatus.objects.filter(current_on(on), person=OuterRef("pk")).order_by("provision")
    need = Need.objects.filter(current_on(on), person=OuterRef("pk"), rank=1).order_by(
        "-start_date"
    )
    placement = Placement.objects.filter(current_on(on), person=OuterRef("pk"), rank=1).order_by(
        "-start_date"
    )
    return queryset.annotate(
        current_provision=Subquery(status.values("provision")[:1]),
        current_primary_need=Subquery(need.values("need_type")[:1]),
        current_establishment_name=Subquery(placement.values("establishment__name")[:1]),
        current_sen_setting=Subquery(placement.values("sen_setting")[:1]),
    )


@dataclass
class RegisterFilter:
    query: str = ""
    provision: str = ""
    need: str = ""
    establishment: int | None = None
    phase: str = ""
    circumstance: str = ""
    age_from: int | None = None
    age_to: int | None = None


def birth_date_bounds(age_from: int | None, age_to: int | None, on: dt.date):
    """Birth dates of people aged `age_from` to `age_to` (inclusive) on a date."""
    latest = earliest = None
    if age_from is not None:
        latest = _years_before(on, age_from)
    if age_to is not None:
        earliest = _years_before(on, age_to + 1) + dt.timedelta(days=1)
    return earliest, latest


def _years_before(on: dt.date, years: int) -> dt.date:
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February in a non-leap year
        return on.replace(year=on.year - years, day=28)


def search_people(queryset: QuerySet, text: str) -> QuerySet:
    """Match an ID (P0000123 or a local ID), a UPN, a ULN, or words of a name."""
    text = text.strip()
    if not text:
        return queryset
    identifier = normalise_identifier(text)
    by_id = Q(local_id__iexact=text) | Q(upn=identifier) | Q(uln=identifier)
    if identifier.startswith("P") and identifier[1:].isdigit():
        by_id |= Q(pk=int(identifier[1:]))
    elif identifier.isdigit() and len(identifier) < 10:
        by_id |= Q(pk=int(identifier))
    by_name = Q()
    for word in text.split():
        by_name &= (
            Q(forename__istartswith=word)
            | Q(surname__istartswith=word)
            | Q(preferred_name__istartswith=word)
        )
    return queryset.filter(by_id | by_name)


def filter_register(queryset: QuerySet, criteria: RegisterFilter, on: dt.date) -> QuerySet:
    queryset = search_people(queryset, criteria.query)
    if criteria.provision == "none":
        queryset = queryset.exclude(
            pk__in=SenStatus.objects.filter(current_on(on)).values("person_id")
        )
    elif criteria.provision:
        queryset = queryset.filter(
            pk__in=SenStatus.objects.filter(current_on(on), provision=criteria.provision).values(
                "person_id"
            )
        )
    if criteria.need:
        queryset = queryset.filter(
            pk__in=Need.objects.filter(current_on(on), rank=1, need_type=criteria.need).values(
                "person_id"
            )
        )
    placements = Placement.objects.filter(current_on(on))
    if criteria.establishment:
        queryset = queryset.filter(
            pk__in=placements.filter(establishment_id=criteria.establishment).values("person_id")
        )
    if criteria.phase:
        queryset = queryset.filter(
            pk__in=placements.filter(rank=1, establishment__phase=criteria.phase).values(
                "person_id"
            )
        )
    if criteria.circumstance:
        queryset = queryset.filter(
            pk__in=Circumstance.objects.filter(current_on(on), kind=criteria.circumstance).values(
                "person_id"
            )
        )
    earliest, latest = birth_date_bounds(criteria.age_from, criteria.age_to, on)
    if latest:
        queryset = queryset.filter(birth_date__lte=latest)
    if earliest:
        queryset = queryset.filter(birth_date__gte=earliest)
    return queryset


def person_timeline(person: Person) -> list[dict]:
    """Everything known about a person, newest first, as timeline entries."""
    from opensend.people.timeline import build_timeline

    return build_timeline(person)
