"""What importing checked rows would change on a local authority's register.

`RegisterSnapshot` reads the LA's people, their current facts and the settings the rows name in a
few queries; `plan_changes` compares every row with it and returns the `Plan`: the records to
create, the records to change, how many people are created, updated or unchanged, and the
problems only the register can show (a URN not loaded, a UPN that is another person's). Nothing
is written here; `services.import_register` writes a plan.

A current fact is one with no end date. A row's fact that matches the current one changes
nothing; a different one ends the current fact the day before the new one starts (or, if it would
start on or before the current one, corrects the current one in place).
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import models

from opensend.imports.register_csv import ErrorLog
from opensend.imports.template import KNOWN_TO_SOCIAL_CARE, RegisterRow
from opensend.people.models import Circumstance, Establishment, Need, Person, Placement, SenStatus

ONE_DAY = dt.timedelta(days=1)
PERSON_FIELDS = Person.DETAIL_FIELDS
KEPT_WHEN_BLANK = {"middle_names", "preferred_name", "postcode"}
FACT_MODELS = (SenStatus, Need, Placement, Circumstance)
SLOT_FIELDS = {SenStatus: None, Need: "rank", Placement: "rank", Circumstance: "kind"}


@dataclass(frozen=True)
class Slot:
    """Where a current fact lives: a person's primary need is their open Need with rank 1."""

    model: type[models.Model]
    key: tuple[str, object] | None = None

    def fields(self) -> dict:
        return dict([self.key]) if self.key else {}

    @classmethod
    def of(cls, fact) -> "Slot":
        key_field = SLOT_FIELDS[type(fact)]
        return cls(type(fact), (key_field, getattr(fact, key_field)) if key_field else None)


SEN_STATUS = Slot(SenStatus)
PRIMARY_NEED = Slot(Need, ("rank", 1))
SECONDARY_NEED = Slot(Need, ("rank", 2))
MAIN_SETTING = Slot(Placement, ("rank", 1))


def circumstance(kind: str) -> Slot:
    return Slot(Circumstance, ("kind", kind))


@dataclass(frozen=True)
class Wanted:
    """A fact the row says is true now: its values and, if the file gives it, its start date."""

    values: dict
    start_date: dt.date | None = None


@dataclass
class Plan:
    """The writes an import will make, gathered before any is made."""

    new: dict = field(default_factory=lambda: defaultdict(list))
    changed: dict = field(default_factory=lambda: defaultdict(dict))
    outcomes: Counter = field(default_factory=Counter)

    def add(self, instance) -> None:
        self.new[type(instance)].append(instance)

    def change(self, instance) -> None:
        self.changed[type(instance)][instance.pk] = instance


class RegisterSnapshot:
    """One local authority's people, their current facts, and the settings the rows name."""

    def __init__(self, local_authority, rows: list[RegisterRow]):
        self.local_authority = local_authority
        people = list(Person.objects.filter(responsible_la=local_authority))
        self.by_local_id = {p.local_id: p for p in people if p.local_id}
        self.by_identifier = {
            "upn": {p.upn: p for p in people if p.upn},
            "uln": {p.uln: p for p in people if p.uln},
        }
        self.current: dict[tuple[int, Slot], models.Model] = {}
        for model in FACT_MODELS:
            open_facts = model.objects.filter(
                person__responsible_la=local_authority, end_date__isnull=True
            ).order_by("start_date", "pk")
            for fact in open_facts:  # the latest open fact in a slot is the current one
                self.current[(fact.person_id, Slot.of(fact))] = fact
        settings = [row.setting for row in rows if row.setting]
        urns = {s.urn for s in settings if s.urn}
        ukprns = {s.ukprn for s in settings if s.ukprn and not s.urn}
        self.by_urn = {e.urn: e for e in Establishment.objects.filter(urn__in=urns)}
        # A UKPRN can belong to a setting with a URN and one without; the one without wins.
        by_ukprn = Establishment.objects.filter(ukprn__in=ukprns).order_by("-urn")
        self.by_ukprn = {e.ukprn: e for e in by_ukprn}

    def person_for(self, row: RegisterRow, errors: ErrorLog) -> Person | None:
        """The person the row updates (None: a new person); a problem if the UPN or ULN is
        already another person's."""
        person = self.by_local_id.get(row.local_id) or self._unclaimed(row)
        for column, holders in self.by_identifier.items():
            value = getattr(row, column)
            holder = holders.get(value) if value else None
            if holder is not None and holder is not person:
                errors.add(row.row_number, column, value, _belongs_to_another(holder, column))
        return person

    def _unclaimed(self, row: RegisterRow) -> Person | None:
        """Someone with the row's UPN or ULN and no local ID yet (added by hand): the row's."""
        for column, holders in self.by_identifier.items():
            holder = holders.get(getattr(row, column))
            if holder is not None and not holder.local_id:
                return holder
        return None

    def establishment_for(self, row: RegisterRow, errors: ErrorLog) -> Establishment | None:
        setting = row.setting
        if setting is None or not (setting.urn or setting.ukprn):
            return None
        if setting.urn:
            kind, column, value = "URN", "setting_urn", setting.urn
            found = self.by_urn.get(value)
        else:
            kind, column, value = "UKPRN", "setting_ukprn", setting.ukprn
            found = self.by_ukprn.get(value)
        if found is None:
            errors.add(
                row.row_number,
                column,
                value,
                f"No school or setting with {kind} {value} "
                "is loaded into OpenSEND. Load establishments from GIAS first "
                f"(`opensend import establishments`), or correct the {kind}",
            )
        return found


def _belongs_to_another(holder: Person, column: str) -> str:
    name = column.upper()
    local_id = f", local ID {holder.local_id}" if holder.local_id else ""
    return (
        f"This {name} is already on the register for another person ({holder.reference}"
        f"{local_id}): correct the {name}, or if it is the same person give this row their "
        "local_id"
    )


def plan_changes(
    rows: list[RegisterRow], snapshot: RegisterSnapshot, errors: ErrorLog, today: dt.date
) -> Plan:
    plan = Plan()
    for row in rows:
        before = errors.count
        person = snapshot.person_for(row, errors)
        establishment = snapshot.establishment_for(row, errors)
        if errors.count == before:
            _plan_row(row, person, establishment, snapshot, plan, today)
    return plan


def _plan_row(row, person, establishment, snapshot, plan, today) -> None:
    if person is None:
        person = Person(responsible_la=snapshot.local_authority, **_person_values(row))
        plan.add(person)
        outcome = "created"
    elif _update_person(person, row):
        plan.change(person)
        outcome = "updated"
    else:
        outcome = "unchanged"
    for slot, wanted in wanted_facts(row, establishment).items():
        current = snapshot.current.get((person.pk, slot)) if person.pk else None
        if _plan_fact(slot, current, wanted, person, plan, today) and outcome == "unchanged":
            outcome = "updated"
    plan.outcomes[outcome] += 1


def _person_values(row: RegisterRow) -> dict:
    values = {name: getattr(row, name) for name in PERSON_FIELDS}
    return {name: v for name, v in values.items() if v or name not in KEPT_WHEN_BLANK}


def _update_person(person: Person, row: RegisterRow) -> bool:
    changed = False
    for name, value in _person_values(row).items():
        if getattr(person, name) != value:
            setattr(person, name, value)
            changed = True
    return changed


def wanted_facts(row: RegisterRow, establishment: Establishment | None) -> dict:
    """Slot -> the fact the row says is current there (Wanted), or None if none should be.
    Slots the row says nothing about are left out."""
    wanted: dict[Slot, Wanted | None] = {}
    if row.sen_provision:
        wanted[SEN_STATUS] = Wanted(
            {"provision": row.sen_provision.code}, row.sen_provision.start_date
        )
    for slot, need in ((PRIMARY_NEED, row.primary_need), (SECONDARY_NEED, row.secondary_need)):
        if need:
            wanted[slot] = Wanted({"need_type": need.code}, need.start_date)
    if row.setting:
        values = {
            "establishment_id": establishment.pk if establishment else None,
            "sen_setting": "" if establishment else row.setting.sen_setting,
        }
        wanted[MAIN_SETTING] = Wanted(values, row.setting.start_date)
    for kind, applies in row.flags.items():
        wanted[circumstance(kind)] = Wanted({}) if applies else None
    if row.social_care_team:
        wanted[circumstance(KNOWN_TO_SOCIAL_CARE)] = Wanted({"detail": row.social_care_team})
    return wanted


def _plan_fact(slot, current, wanted, person, plan, today) -> bool:
    """Plan the writes that make `wanted` the current fact in `slot`; True if there are any."""
    if wanted is None:  # the row says it no longer applies
        if current is None:
            return False
        current.end_date = max(current.start_date, today - ONE_DAY)
        plan.change(current)
        return True
    if current is not None and _holds(current, wanted.values):  # at most a corrected start
        if wanted.start_date in (None, current.start_date):
            return False
        current.start_date = wanted.start_date
        plan.change(current)
        return True
    start = wanted.start_date or today
    if current is not None and start <= current.start_date:  # corrects the current fact
        for name, value in wanted.values.items():
            setattr(current, name, value)
        current.start_date = start
        plan.change(current)
        return True
    if current is not None:  # replaces the current fact, which ends the day before
        current.end_date = start - ONE_DAY
        plan.change(current)
    plan.add(slot.model(person=person, start_date=start, **slot.fields(), **wanted.values))
    return True


def _holds(fact, values: dict) -> bool:
    return all(getattr(fact, name) == value for name, value in values.items())
