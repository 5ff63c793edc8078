"""Create and remove synthetic demo partnerships in the database.

`create_partnership` builds one LA's partnership in one transaction: the LA and its partners, the
schools and settings, the demo sign-ins and the register (from `synthesis`, calibrated by
`calibration` to DfE's January 2025 figures). `create_england` does it for every LA with lean
records, for benchmarks. `remove_partnerships` takes demo data away again.
"""

import datetime as dt
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context

from django.db import connection, transaction

from opensend.accounts.models import Organisation, User
from opensend.accounts.roles import OrganisationKind, Role
from opensend.casework.models import Request
from opensend.casework.next_steps import refresh_cases
from opensend.core.maintenance import update_planner_statistics
from opensend.demo.accounts import create_demo_users, create_team
from opensend.demo.casework_writer import save_casework
from opensend.demo.directory import DemoDirectory, remove_directory
from opensend.demo.establishments import UKPRNS, URNS, Identifiers
from opensend.demo.models import DemoPartnership
from opensend.demo.names import NamePools
from opensend.demo.published import Targets, all_targets
from opensend.demo.synthesis import Synthesised, SyntheticPartnership, plan_and_synthesise
from opensend.demo.writer import TableWriter, delete_everything, reset_sequences
from opensend.people.models import (
    AttendanceSummary,
    Circumstance,
    Establishment,
    Exclusion,
    Need,
    Person,
    Placement,
    SenStatus,
)
from opensend.returns.models import Sen2Settings
from opensend.returns.sen2.settings_lookup import BY_COLUMN

STAMPS = ["created_at", "modified_at", "created_by_id", "modified_by_id"]
COLUMNS = {
    Person: [*STAMPS, *Person.DETAIL_FIELDS, "responsible_la_id"],
    SenStatus: [*STAMPS, "person_id", "provision", "start_date", "end_date"],
    Need: [*STAMPS, "person_id", "need_type", "rank", "start_date", "end_date"],
    Placement: [
        *STAMPS,
        "person_id",
        "establishment_id",
        "sen_setting",
        "sen_setting_other",
        "rank",
        "in_sen_unit",
        "in_resourced_provision",
        "residential",
        "work_based",
        "start_date",
        "end_date",
    ],
    Circumstance: [*STAMPS, "person_id", "kind", "detail", "start_date", "end_date"],
    AttendanceSummary: [
        *STAMPS,
        "person_id",
        "establishment_id",
        "academic_year",
        "term",
        "sessions_possible",
        "sessions_authorised_absence",
        "sessions_unauthorised_absence",
    ],
    Exclusion: [
        *STAMPS,
        "person_id",
        "establishment_id",
        "kind",
        "start_date",
        "sessions",
        "reason",
    ],
}
PARTNERS = [
    (OrganisationKind.ICB, "NHS {la} Integrated Care Board (synthetic)"),
    (OrganisationKind.FORUM, "{la} Parent Carer Forum (synthetic)"),
    (OrganisationKind.PROVIDER, "{la} Children's Speech and Language Therapy (synthetic)"),
    (OrganisationKind.PROVIDER, "{la} SEND Information, Advice and Support Service (synthetic)"),
    (OrganisationKind.PROVIDER, "{la} Short Breaks Service (synthetic)"),
]
SCHOOL_ORGANISATIONS = ["SECONDARY", "PRIMARY", "SPECIAL"]


class DemoError(Exception):
    """Why the demo partnership cannot be created or removed as asked."""


class Progress:
    """Where the generator reports progress; silent unless a command supplies its own."""

    def start(self, description: str, total: int | None = None) -> None:
        """A new stage of work."""

    def advance(self, amount: int = 1) -> None:
        """Some of the stage's work is done."""


@dataclass
class Summary:
    people: int = 0
    ehc_plans: int = 0
    sen_support: int = 0
    establishments: int = 0
    organisations: int = 0
    users: int = 0
    rows: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, other: "Summary") -> None:
        for name in (
            "people",
            "ehc_plans",
            "sen_support",
            "establishments",
            "organisations",
            "users",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rows.update(other.rows)


# --- creating ------------------------------------------------------------------------------


def next_identifiers() -> Identifiers:
    """URNs and UKPRNs after those already used in the synthetic ranges."""
    urns = Establishment.objects.filter(urn__gte=str(URNS.start), urn__lt=str(URNS.stop))
    ukprns = Establishment.objects.filter(ukprn__gte=str(UKPRNS.start), ukprn__lt=str(UKPRNS.stop))
    top_urn = max((int(u) for u in urns.values_list("urn", flat=True)), default=URNS.start - 1)
    top_ukprn = max(
        (int(u) for u in ukprns.values_list("ukprn", flat=True)), default=UKPRNS.start - 1
    )
    return Identifiers(next_urn=top_urn + 1, next_ukprn=top_ukprn + 1)


def check_can_create(targets: Targets, reset: bool) -> None:
    la = Organisation.objects.filter(
        kind=OrganisationKind.LOCAL_AUTHORITY, la_code=targets.local_authority.code
    ).first()
    if la is None:
        return
    partnership = DemoPartnership.objects.filter(local_authority=la).first()
    if partnership is None:
        raise DemoError(
            f"{la.name} (LA {la.la_code}) already exists and is not a demo "
            "partnership: demo data only goes into demo partnerships"
        )
    if not reset:
        raise DemoError(
            f"A demo partnership for {la.name} already exists: use --reset to "
            "make it again, or --remove to remove all demo data"
        )
    remove_partnerships(DemoPartnership.objects.filter(pk=partnership.pk))


def create_partnership(
    targets: Targets,
    *,
    seed: int,
    today: dt.date,
    reset: bool = False,
    progress: Progress | None = None,
) -> Summary:
    """One LA's demo partnership, with every kind of record, in one transaction."""
    progress = progress or Progress()
    names = NamePools.from_faker(seed)
    started = time.monotonic()
    with transaction.atomic():
        check_can_create(targets, reset)
        progress.start(f"Planning {targets.local_authority.name}'s register")
        made = plan_and_synthesise(
            targets, seed=seed, today=today, names=names, identifiers=next_identifiers()
        )
        summary = save_partnership(
            targets, made, seed=seed, today=today, names=names, progress=progress
        )
    summary.seconds = time.monotonic() - started
    return summary


def save_partnership(
    targets: Targets,
    made: Synthesised,
    *,
    seed: int,
    today: dt.date,
    names: NamePools,
    scale: str = DemoPartnership.Scale.LOCAL_AUTHORITY,
    lean: bool = False,
    with_users: bool = True,
    progress: Progress | None = None,
) -> Summary:
    """Saves a synthesised partnership: organisations, establishments, register, sign-ins.
    `lean` (for England) writes no history rows."""
    synthetic = made.partnership
    with transaction.atomic():
        partnership, organisations = _organisations(targets, seed, scale)
        establishment_ids = _save_establishments(partnership, synthetic)
        schools = _school_organisations(partnership, synthetic, establishment_ids, today)
        summary = Summary(
            people=len(synthetic.people),
            ehc_plans=made.ehc_plans,
            sen_support=made.sen_support,
            establishments=len(establishment_ids),
            organisations=partnership.organisations.count(),
        )
        progress = progress or Progress()
        person_ids: dict[int, int] = {}
        summary.rows = save_register(
            synthetic,
            organisations["la"].pk,
            establishment_ids,
            history=not lean,
            progress=progress,
            person_ids=person_ids,
        )
        # The SEN2 header's designated officers: in post, as in most LAs' 2025 returns
        Sen2Settings.objects.create(local_authority=organisations["la"], dmo="Y", dco="Y", dsco="Y")
        caseworkers = []
        if with_users:  # the partnership people sign in to: it gets the demo Local Offer too
            directory = DemoDirectory(targets.local_authority, seed=seed, today=today, names=names)
            organisations["directory_provider"] = directory.provider_organisation(partnership)
            users = create_demo_users(targets.local_authority, organisations, schools, names)
            caseworkers = [
                u
                for u in users
                if u.role == Role.CASEWORKER and u.organisation_id == organisations["la"].pk
            ]
            caseworkers += create_team(
                targets.local_authority,
                organisations["la"],
                names,
                _team_size(synthetic, today) - len(caseworkers),
            )
            summary.users = len(users)
            summary.rows.update(directory.save(partnership, progress))
            summary.organisations = partnership.organisations.count()
        progress.start(
            f"Saving {synthetic.local_authority.name}'s casework", total=len(synthetic.cases)
        )
        summary.rows.update(
            save_casework(
                synthetic.cases,
                la_id=organisations["la"].pk,
                person_ids=person_ids,
                establishment_ids=establishment_ids,
                caseworkers=caseworkers,
                lean=lean,
            )
        )
        progress.advance(len(synthetic.cases))
        if not lean:  # England-wide loads keep the stages the writer set
            refresh_cases(Request.objects.filter(local_authority=organisations["la"]), today)
    return summary


CASES_PER_CASEWORKER = 175  # live plans per caseworker, about one to 150-200


def _team_size(synthetic: SyntheticPartnership, today: dt.date) -> int:
    live = sum(1 for c in synthetic.cases if c.plan and c.plan.issued_on and not c.plan.ceased_on)
    return max(4, round(live / CASES_PER_CASEWORKER))


def _organisations(targets: Targets, seed: int, scale: str):
    la = targets.local_authority
    la_org = Organisation.objects.create(
        name=la.name, kind=OrganisationKind.LOCAL_AUTHORITY, la_code=la.code
    )
    partnership = DemoPartnership.objects.create(local_authority=la_org, scale=scale, seed=seed)
    organisations = {"la": la_org}
    for kind, name in PARTNERS:
        partner = Organisation.objects.create(name=name.format(la=la.name), kind=kind)
        partner.local_authorities.add(la_org)
        organisations.setdefault(kind, partner)
        partnership.organisations.add(partner)
    partnership.organisations.add(la_org)
    return partnership, organisations


def _save_establishments(partnership, synthetic: SyntheticPartnership) -> dict[int, int]:
    """Saves the establishments; returns database id by id() of each synthetic one."""
    saved = Establishment.objects.bulk_create(
        [
            Establishment(
                urn=e.urn,
                ukprn=e.ukprn,
                name=e.name,
                la_code=e.la_code,
                establishment_type=e.establishment_type,
                phase=e.phase,
                has_sen_unit=e.has_sen_unit,
                has_resourced_provision=e.has_resourced_provision,
                postcode=e.postcode,
                opened_on=e.opened_on,
            )
            for e in synthetic.establishments
        ],
        batch_size=500,
    )
    partnership.establishments.add(*saved)
    by_key = {(e.name, e.urn, e.ukprn): e.pk for e in saved}
    return {id(e): by_key[(e.name, e.urn, e.ukprn)] for e in synthetic.establishments}


def _school_organisations(partnership, synthetic, establishment_ids, today) -> list:
    """Organisations for the busiest LA school of each phase, so school staff can sign in."""
    pupils: Counter = Counter()
    for person in synthetic.people:
        for stay in person.stays:
            current = stay.start <= today and (stay.end is None or stay.end >= today)
            if current and stay.establishment and stay.establishment.urn:
                pupils[id(stay.establishment)] += 1
    by_id = {id(e): e for e in synthetic.establishments}
    la_org = partnership.local_authority
    schools = []
    for phase in SCHOOL_ORGANISATIONS:
        candidates = [
            i for i in pupils if by_id[i].phase == phase and by_id[i].la_code == la_org.la_code
        ]
        if candidates:
            school = by_id[max(candidates, key=lambda i: (pupils[i], by_id[i].urn))]
            organisation = Organisation.objects.create(
                name=school.name, kind=OrganisationKind.SCHOOL, urn=school.urn
            )
            organisation.local_authorities.add(la_org)
            partnership.organisations.add(organisation)
            schools.append(organisation)
    return schools


def save_register(
    synthetic: SyntheticPartnership,
    la_id: int,
    establishment_ids: dict,
    *,
    history: bool,
    progress: Progress,
    person_ids: dict | None = None,
) -> Counter:
    """Writes the people and every fact about them; returns rows written by table. Fills
    `person_ids` with each person's database id by id() of the synthetic person."""
    writers = {
        model: TableWriter(model, columns, history=history) for model, columns in COLUMNS.items()
    }
    now = writers[Person].now
    stamps = (now, now, None, None)
    progress.start(
        f"Saving {synthetic.local_authority.name}'s register", total=len(synthetic.people)
    )
    for number, person in enumerate(synthetic.people, start=1):
        person_id = writers[Person].add(
            (*stamps, *(getattr(person, f, "") for f in Person.DETAIL_FIELDS), la_id)
        )
        if person_ids is not None:
            person_ids[id(person)] = person_id
        for status in person.statuses:
            writers[SenStatus].add((*stamps, person_id, status.kind, status.start, status.end))
        for need in person.needs:
            writers[Need].add((*stamps, person_id, need.need, need.rank, need.start, need.end))
        for stay in person.stays:
            establishment = (
                establishment_ids[id(stay.establishment)] if stay.establishment else None
            )
            kind = BY_COLUMN[stay.setting]
            writers[Placement].add(
                (
                    *stamps,
                    person_id,
                    establishment,
                    "" if establishment else kind.sen_setting,
                    stay.detail,
                    1,
                    kind.in_sen_unit,
                    kind.in_resourced_provision,
                    "",
                    "",
                    stay.start,
                    stay.end,
                )
            )
        for fact in person.circumstances:
            writers[Circumstance].add(
                (*stamps, person_id, fact.kind, fact.detail, fact.start, fact.end)
            )
        for term in person.attendance:
            writers[AttendanceSummary].add(
                (
                    *stamps,
                    person_id,
                    establishment_ids[id(term.stay.establishment)],
                    term.academic_year,
                    term.term,
                    term.sessions_possible,
                    term.authorised,
                    term.unauthorised,
                )
            )
        for event in person.exclusions:
            writers[Exclusion].add(
                (
                    *stamps,
                    person_id,
                    establishment_ids[id(event.stay.establishment)],
                    event.kind,
                    event.day,
                    event.sessions,
                    event.reason,
                )
            )
        if number % 1000 == 0:
            progress.advance(1000)
    for writer in writers.values():
        writer.flush()
    progress.advance(len(synthetic.people) % 1000)
    reset_sequences(writers)
    return Counter({model._meta.verbose_name_plural: w.written for model, w in writers.items()})


def create_england(
    *, seed: int, today: dt.date, reset: bool, users_for: str, progress: Progress | None = None
) -> Summary:
    """A lean demo partnership for every LA in England, for benchmarks; sign-ins for one.

    Each LA is planned and synthesised in a second process while this one saves the previous
    LA, one transaction per LA.
    """
    progress = progress or Progress()
    if DemoPartnership.objects.exists():
        if not reset:
            raise DemoError("Demo partnerships already exist: use --reset to replace them")
        remove_partnerships(DemoPartnership.objects.all())
    names = NamePools.from_faker(seed)
    every = all_targets()
    summary = Summary()
    started = time.monotonic()
    progress.start("Making every local authority's register", total=len(every))
    with bulk_loading(), ProcessPoolExecutor(1, mp_context=get_context("spawn")) as worker:

        def synthesise(targets, identifiers):
            return worker.submit(
                plan_and_synthesise,
                targets,
                seed=seed,
                today=today,
                names=names,
                identifiers=identifiers,
                minimal=True,
            )

        coming = synthesise(every[0], next_identifiers())
        for n, targets in enumerate(every):
            made = coming.result()
            if n + 1 < len(every):
                coming = synthesise(every[n + 1], made.identifiers)
            summary.add(
                save_partnership(
                    targets,
                    made,
                    seed=seed,
                    today=today,
                    names=names,
                    scale=DemoPartnership.Scale.NATIONAL,
                    lean=True,
                    with_users=targets.local_authority.code == users_for,
                )
            )
            progress.advance()
    summary.seconds = time.monotonic() - started
    return summary


@contextmanager
def bulk_loading():
    """On SQLite, a large page cache and no waiting for the disk while loading millions of rows
    (a crash mid-load can lose the load, never earlier data)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size = -1000000")
        cursor.execute("PRAGMA synchronous = OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA cache_size = -2000")


# --- removing ------------------------------------------------------------------------------


def remove_partnerships(partnerships) -> Summary:
    """Remove these demo partnerships: their people and every fact, sign-ins, establishments,
    organisations and Local Offer."""
    summary = Summary()
    # The deletes below select by LA through subqueries: with statistics from before the demo was
    # loaded, PostgreSQL plans them as nested loops that take minutes instead of a second.
    update_planner_statistics()
    for partnership in list(partnerships.select_related("local_authority")):
        with transaction.atomic():
            organisation_ids = list(partnership.organisations.values_list("pk", flat=True))
            establishment_ids = list(partnership.establishments.values_list("pk", flat=True))
            _delete_casework(partnership.local_authority)
            remove_directory(partnership)
            people = Person.objects.filter(responsible_la=partnership.local_authority)
            summary.people += delete_everything(people)
            summary.users += _remove_users(
                User.objects.filter(is_demo=True, organisation_id__in=organisation_ids)
            )
            partnership.delete()
            summary.establishments += delete_everything(
                Establishment.objects.filter(pk__in=establishment_ids)
            )
            summary.organisations += delete_everything(
                Organisation.objects.filter(pk__in=organisation_ids)
            )
    return summary


def _delete_casework(la) -> None:
    """The LA's cases, leaves first, each table (and its history) with one flat query:
    following the cascade from people instead nests subqueries that SQLite evaluates slowly.
    Only casework tables refer to casework rows, so nothing else needs following."""
    from opensend.casework import models as casework

    cases = {"case__local_authority": la}
    plans = {"plan__assessment__case__local_authority": la}
    leaves_first = [
        (casework.CaseEvent, cases),
        (casework.Dispute, cases),
        (casework.AdviceRequest, cases),
        (casework.Review, plans),
        (casework.PhaseTransfer, plans),
        (casework.NamedSetting, plans),
        (casework.Plan, {"assessment__case__local_authority": la}),
        (casework.Assessment, cases),
        (casework.Request, {"local_authority": la}),
    ]
    tables = [model for model, _ in leaves_first]
    if any(r.related_model not in tables for m in tables for r in m._meta.related_objects):
        delete_everything(casework.Request.objects.filter(local_authority=la))  # the careful way
        return
    casework.Request.objects.filter(local_authority=la).update(reassessed_plan=None)
    for model, where in leaves_first:
        rows = model._base_manager.filter(**where)
        if hasattr(model, "history"):
            model.history.model._base_manager.filter(id__in=rows.values("pk"))._raw_delete(rows.db)
        rows._raw_delete(rows.db)


def _remove_users(users) -> int:
    """Demo sign-ins go; the access log keeps their events under their email addresses."""
    return users.delete()[1].get(User._meta.label, 0)


def remove_all_demo_data() -> Summary:
    """Every demo partnership and every demo sign-in, so the service can go live."""
    summary = remove_partnerships(DemoPartnership.objects.all())
    with transaction.atomic():
        summary.users += _remove_users(User.objects.filter(is_demo=True))
    return summary
