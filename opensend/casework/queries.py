"""Reads for the casework lists. Every query starts from `Request.objects.visible_to(user)`.

Each list is a few set-based queries, whatever its length: "My cases" filters, sorts and pages
in SQL on the case's stored next step (`Request.next_due_on`, kept by `casework.next_steps`);
the 20-week tracker, reviews and phase transfers read their (much shorter) sets of open work in
one query each and add what the database cannot say (the prediction, the RAG of dates from several
tables) in Python. Nothing runs a query per row. docs/casework.md describes each list.
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from django.core.cache import cache
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce

from opensend.accounts.models import User
from opensend.accounts.roles import Role
from opensend.casework import clock, prediction
from opensend.casework.models import PhaseTransfer, Plan, Request, Review
from opensend.casework.prediction import CompletedCase, OpenCase, Step, StepDurations
from opensend.people.models import Person
from opensend.people.queries import search_people

OPEN_CASE_STAGES = (Request.Stage.REQUEST, Request.Stage.ASSESSMENT)
TEAM_ROLES = (Role.CASEWORKER, Role.SEND_MANAGER)
RAG_CHOICES = [
    (clock.OVERDUE, "Overdue"),
    (clock.DUE_SOON, "Due soon"),
    (clock.ON_TRACK, "On track"),
]
REVIEW_WINDOWS = (14, 30, 60, 90, 180)
DEFAULT_REVIEW_WINDOW = 60


@dataclass(frozen=True)
class ListFilter:
    """What a caseworker asked a list to show. `caseworker` is "" (anyone), "me", "none"
    (not assigned) or a user's id; `stage` means what the list's stage filter offers."""

    caseworker: str = ""
    stage: str = ""
    rag: str = ""
    overdue_only: bool = False
    at_risk_only: bool = False
    query: str = ""
    within_days: int = DEFAULT_REVIEW_WINDOW
    sort: str = ""


def as_filter(filters: ListFilter | dict | None) -> ListFilter:
    """A `ListFilter` from one, a dict of its fields, or None (no filters)."""
    if isinstance(filters, ListFilter):
        return filters
    return ListFilter(**(filters or {}))


# --- rows -----------------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True)
class Row:
    """One line of a casework list: a case, its person, its caseworker and a step with a due
    date (None when nothing is due)."""

    case_id: int
    person_id: int
    forename: str
    surname: str
    caseworker_id: int | None
    caseworker_name: str
    step: str
    due: dt.date | None
    today: dt.date
    received: dt.date | None = None
    stage: str = ""

    @property
    def case_reference(self) -> str:
        return f"C{self.case_id:07d}"

    @property
    def person_reference(self) -> str:
        return f"P{self.person_id:07d}"

    @property
    def person_name(self) -> str:
        return " ".join(part for part in (self.forename, self.surname) if part)

    @property
    def days_left(self) -> int | None:
        return clock.days_left(self.due, self.today) if self.due else None

    @property
    def rag(self) -> str:
        return clock.rag_status(self.due, self.today) if self.due else ""

    @property
    def sort_name(self) -> tuple[str, str, int]:
        return (self.surname.lower(), self.forename.lower(), self.case_id)


@dataclass(kw_only=True, slots=True)
class TrackerRow(Row):
    prediction: prediction.Prediction
    exception: str = ""

    @property
    def week(self) -> int:
        assert self.received is not None
        return clock.whole_weeks_between(self.received, self.today)

    @property
    def predicted(self) -> dt.date:
        return self.prediction.completion

    @property
    def at_risk(self) -> bool:
        return self.prediction.at_risk


@dataclass(kw_only=True, slots=True)
class TransferRow(Row):
    move: str
    transfer_year: int
    started: bool
    transfer_id: int | None = None


@dataclass
class CaseloadRow:
    caseworker_id: int | None
    name: str
    open_cases: int = 0
    live_plans: int = 0
    overdue: int = 0
    due_soon: int = 0
    at_risk: int = 0


def _row_fields(case_path: str) -> dict:
    """Annotations naming the case, person and caseworker columns, from any casework model."""
    return {
        "row_case_id": F(f"{case_path}pk"),
        "row_person_id": F(f"{case_path}person_id"),
        "row_forename": F(f"{case_path}person__forename"),
        "row_surname": F(f"{case_path}person__surname"),
        "row_caseworker_id": F(f"{case_path}caseworker_id"),
        "row_caseworker_name": F(f"{case_path}caseworker__full_name"),
        "row_received": F(f"{case_path}received_on"),
        "row_stage": F(f"{case_path}stage"),
    }


def _row_kwargs(values: dict, today: dt.date) -> dict:
    return {
        "case_id": values["row_case_id"],
        "person_id": values["row_person_id"],
        "forename": values["row_forename"],
        "surname": values["row_surname"],
        "caseworker_id": values["row_caseworker_id"],
        "caseworker_name": values["row_caseworker_name"] or "",
        "received": values["row_received"],
        "stage": values["row_stage"],
        "today": today,
    }


def case_row(case: Request, today: dt.date) -> Row:
    """A "My cases" row from a case loaded with `person` and `caseworker`."""
    return Row(
        case_id=case.pk,
        person_id=case.person_id,
        forename=case.person.forename,
        surname=case.person.surname,
        caseworker_id=case.caseworker_id,
        caseworker_name=case.caseworker.full_name if case.caseworker else "",
        step=case.next_step,
        due=case.next_due_on,
        today=today,
        received=case.received_on,
        stage=case.stage,
    )


# --- scoping, filters and sorting -------------------------------------------------------------


def visible_cases(user) -> QuerySet:
    return Request.objects.visible_to(user)


def _by_caseworker(queryset: QuerySet, user, caseworker: str, case_path: str = "") -> QuerySet:
    key = f"{case_path}caseworker"
    if caseworker == "me":
        return queryset.filter(**{key: user})
    if caseworker == "none":
        return queryset.filter(**{f"{key}__isnull": True})
    if caseworker.isdigit():
        return queryset.filter(**{f"{key}_id": int(caseworker)})
    return queryset


def _search(queryset: QuerySet, text: str, case_path: str = "") -> QuerySet:
    """Match a case reference (C0000123), or a person's name, UPN, ULN or ID (as the register)."""
    text = text.strip()
    if not text:
        return queryset
    people = search_people(Person.objects.all(), text)
    match = Q(**{f"{case_path}person__in": people.values("pk")})
    compact = text.upper().replace(" ", "")
    if compact.startswith("C") and compact[1:].isdigit():
        match |= Q(**{f"{case_path}pk": int(compact[1:])})
    return queryset.filter(match)


def _scoped(queryset: QuerySet, user, filters: ListFilter, case_path: str = "") -> QuerySet:
    """`queryset` limited to cases the user may see, then by caseworker and search."""
    if case_path:
        visible = visible_cases(user).values("pk")
        queryset = queryset.filter(**{f"{case_path}pk__in": visible})
    else:
        queryset = queryset.visible_to(user)
    queryset = _by_caseworker(queryset, user, filters.caseworker, case_path)
    return _search(queryset, filters.query, case_path)


def _due_filter(due: str, rag: str, overdue_only: bool, today: dt.date) -> Q:
    """The SQL for a RAG filter on the date column `due` (clock.rag_status's bands)."""
    soon = today + dt.timedelta(days=clock.AMBER_WITHIN_DAYS)
    condition = Q()
    if overdue_only or rag == clock.OVERDUE:
        condition &= Q(**{f"{due}__lt": today})
    if rag == clock.DUE_SOON:
        condition &= Q(**{f"{due}__gte": today, f"{due}__lte": soon})
    elif rag == clock.ON_TRACK:
        condition &= Q(**{f"{due}__gt": soon})
    return condition


def _keep(row: Row, filters: ListFilter) -> bool:
    if filters.overdue_only and row.rag != clock.OVERDUE:
        return False
    return not (filters.rag and row.rag != filters.rag)


def _never(row: Row) -> dt.date:
    return row.due or dt.date.max


ROW_SORTS = {
    "due": _never,
    "days": _never,
    "name": lambda row: row.sort_name,
    "received": lambda row: row.received or dt.date.max,
    "week": lambda row: (row.week, row.case_id),
    "predicted": lambda row: row.predicted,
}
CASE_SORTS = {
    "due": ("next_due_on", "received_on"),
    "days": ("next_due_on", "received_on"),
    "name": ("person__surname", "person__forename"),
    "received": ("received_on",),
}


def sort_key(sort: str, allowed, default: str = "") -> tuple[str, bool]:
    """The column and whether descending, from `sort` ("name", "-due"); `default` (or the
    list's first column, ascending) when `sort` is not one of the list's."""
    name = sort.lstrip("-")
    if name not in allowed:
        if default:
            return sort_key(default, allowed)
        return next(iter(allowed)), False
    return name, sort.startswith("-")


def _sorted(rows: list, sort: str, allowed: tuple[str, ...]) -> list:
    name, descending = sort_key(sort, allowed)
    return sorted(rows, key=ROW_SORTS[name], reverse=descending)


# --- the LA's step durations, for the 20-week prediction ----------------------------------------


DURATIONS_CACHE_SECONDS = 600  # medians over 24 months barely move in 10 minutes


def _durations_by_la(la_ids, today: dt.date) -> dict[int, StepDurations]:
    """Step durations for each LA, from the plans it issued in the 24 months to `today`, kept in
    the cache for 10 minutes (reading and taking medians costs ~100 ms at LA scale)."""
    keys = {la_id: f"casework:durations:{la_id}:{today.isoformat()}" for la_id in la_ids}
    found = cache.get_many(list(keys.values()))
    durations = {la_id: found[key] for la_id, key in keys.items() if key in found}
    missing = [la_id for la_id in la_ids if la_id not in durations]
    if missing:
        computed = _read_durations(missing, today)
        cache.set_many({keys[la_id]: computed[la_id] for la_id in missing}, DURATIONS_CACHE_SECONDS)
        durations.update(computed)
    return durations


def _read_durations(la_ids, today: dt.date) -> dict[int, StepDurations]:
    """One query; the medians are taken in Python because SQLite has no median."""
    history = (
        Plan.objects.filter(
            assessment__case__local_authority_id__in=la_ids,
            assessment__case__kind=Request.Kind.INITIAL,
            assessment__case__received_on__isnull=False,
            issued_on__gte=prediction.history_starts_on(today),
            issued_on__lte=today,
        )
        .order_by()
        .values_list(
            "assessment__case__local_authority_id",
            "assessment__case__received_on",
            "assessment__case__outcome_on",
            "draft_sent_on",
            "issued_on",
        )
    )
    cases: dict[int, list[CompletedCase]] = defaultdict(list)
    for la_id, received, decided, draft_sent, issued in history:
        cases[la_id].append(CompletedCase(received, decided, draft_sent, issued))
    return {la_id: StepDurations.from_history(cases[la_id]) for la_id in la_ids}


def step_durations(local_authority, today: dt.date) -> StepDurations:
    """How long each step of a new plan takes at this LA (casework.prediction: the method)."""
    return _durations_by_la([local_authority.pk], today)[local_authority.pk]


# --- the lists --------------------------------------------------------------------------------


def caseworkers_for(user) -> QuerySet:
    """The people cases can be given to: active caseworkers and SEND managers of the user's
    organisation (and, for a partner organisation, of the local authorities it serves)."""
    organisation = user.organisation
    if organisation is None:
        return User.objects.none()
    organisations = {organisation.pk, *organisation.covered_local_authority_ids()}
    return User.objects.filter(
        organisation_id__in=organisations, role__in=TEAM_ROLES, is_active=True
    ).order_by("full_name", "pk")


def sees_team(user) -> bool:
    return user.has_perm("casework.view_team")


def my_cases(user, today: dt.date, filters: ListFilter | dict | None) -> QuerySet:
    """Open cases, each with its next statutory step: a caseworker's own; a SEND manager's team's
    (narrowed by the caseworker filter). Sorted by due date unless asked otherwise; page it."""
    filters = as_filter(filters)
    if not sees_team(user):
        filters = replace(filters, caseworker="me")
    cases = _scoped(Request.objects.open(), user, filters)
    if filters.stage in (*OPEN_CASE_STAGES, Request.Stage.PLAN):
        cases = cases.filter(stage=filters.stage)
    cases = cases.filter(_due_filter("next_due_on", filters.rag, filters.overdue_only, today))
    name, descending = sort_key(filters.sort, CASE_SORTS)
    order = [
        F(column).desc(nulls_last=True) if descending else F(column).asc(nulls_last=True)
        for column in CASE_SORTS[name]
    ]
    return cases.select_related("person", "caseworker").order_by(*order, "pk")


TRACKER_SORTS = ("week", "due", "predicted", "name")
TRACKER_DEFAULT_SORT = "-week"  # the longest-waiting case first


def _open_assessments(queryset: QuerySet) -> QuerySet:
    """Requests still on the way to a plan: not closed, decision to assess pending or made, and
    no decision yet on whether to issue."""
    return queryset.filter(
        closed_on__isnull=True,
        outcome__in=("A", "Y"),
        received_on__isnull=False,
        kind__in=(Request.Kind.INITIAL, Request.Kind.REASSESSMENT),
    ).filter(Q(assessment__isnull=True) | Q(assessment__outcome="A"))


def _tracker_rows(
    cases: QuerySet, today: dt.date, durations: dict[int, StepDurations]
) -> list[TrackerRow]:
    statutory = StepDurations.statutory()
    values = (
        _open_assessments(cases)
        .annotate(
            **_row_fields(""),
            decided_on=F("outcome_on"),
            draft_sent=Coalesce(
                "assessment__plan__draft_sent_on", "assessment__reassessment_draft_on"
            ),
            exception_code=F("assessment__exception"),
        )
        .order_by()
        .values(
            *_row_fields(""),
            "decided_on",
            "draft_sent",
            "exception_code",
            "final_plan_due_on",
            "local_authority_id",
            "next_step",
            "next_due_on",
        )
    )
    rows = []
    for value in values:
        case = OpenCase(
            received=value["row_received"],
            decided=value["decided_on"],
            draft_sent=value["draft_sent"],
            final_plan_due=value["final_plan_due_on"],
        )
        found = durations.get(value["local_authority_id"], statutory)
        rows.append(
            TrackerRow(
                **_row_kwargs(value, today),
                step=value["next_step"],
                due=value["next_due_on"],
                prediction=prediction.predict(case, today, found),
                exception=value["exception_code"] or "",
            )
        )
    return rows


def _at_risk_by_caseworker(
    cases: QuerySet, today: dt.date, durations: dict[int, StepDurations]
) -> Counter:
    """How many open assessments each caseworker holds that are predicted past 20 weeks: the
    tracker's prediction, reading only the dates it needs."""
    statutory = StepDurations.statutory()
    dates = (
        _open_assessments(cases)
        .annotate(
            draft_sent=Coalesce(
                "assessment__plan__draft_sent_on", "assessment__reassessment_draft_on"
            )
        )
        .order_by()
        .values_list(
            "caseworker_id",
            "local_authority_id",
            "received_on",
            "outcome_on",
            "draft_sent",
            "final_plan_due_on",
        )
    )
    at_risk: Counter = Counter()
    for caseworker_id, la_id, received, decided, draft_sent, due in dates:
        case = OpenCase(received, decided, draft_sent, due)
        if prediction.predict(case, today, durations.get(la_id, statutory)).at_risk:
            at_risk[caseworker_id] += 1
    return at_risk


def _la_ids(user) -> list[int]:
    organisation = user.organisation
    return organisation.covered_local_authority_ids() if organisation else []


def durations_for(user, today: dt.date) -> dict[int, StepDurations]:
    """Step durations of each LA whose cases the user works on, by LA id (one query)."""
    return _durations_by_la(_la_ids(user), today)


def assessment_tracker(
    user,
    today: dt.date,
    filters: ListFilter | dict | None = None,
    durations: dict[int, StepDurations] | None = None,
) -> list[TrackerRow]:
    """Every open request and assessment in the user's scope, with its week, step, next step,
    predicted final-plan date and whether that is past 20 weeks (at risk). Pass `durations`
    (`durations_for`) when the page shows them too, to save reading them twice."""
    filters = as_filter(filters)
    if durations is None:
        durations = durations_for(user, today)
    rows = _tracker_rows(_scoped(Request.objects.all(), user, filters), today, durations)
    if filters.stage in {step.value for step in Step}:
        rows = [row for row in rows if row.prediction.step.value == filters.stage]
    if filters.at_risk_only:
        rows = [row for row in rows if row.at_risk]
    rows = [row for row in rows if _keep(row, filters)]
    name, descending = sort_key(filters.sort, TRACKER_SORTS, TRACKER_DEFAULT_SORT)
    return sorted(rows, key=ROW_SORTS[name], reverse=descending)


REVIEW_SORTS = ("due", "name")
REVIEW_STEPS = [
    ("review", "Annual review due"),
    ("decision", "Review decision due"),
    ("amendment", "Amended plan due"),
]


def _live(prefix: str = "") -> Q:
    return Q(**{f"{prefix}issued_on__isnull": False, f"{prefix}ceased_on__isnull": True})


def reviews_due(user, today: dt.date, filters: ListFilter | dict | None) -> list[Row]:
    """Annual reviews due within `filters.within_days` (or overdue) on live plans; reviews held
    and awaiting the LA's decision (4 weeks from the meeting, reg 20(10)); and decisions to amend
    awaiting the final amended plan (12 weeks from the meeting, reg 22(3) and L v Devon)."""
    filters = as_filter(filters)
    horizon = today + dt.timedelta(days=filters.within_days)
    rows: list[Row] = []
    wanted = filters.stage or None
    if wanted in (None, "review"):
        plans = _scoped(Plan.objects.filter(_live()), user, filters, "assessment__case__")
        plans = plans.filter(next_review_due_on__lte=horizon)
        for value in plans.annotate(**_row_fields("assessment__case__")).values(
            *_row_fields(""), "next_review_due_on"
        ):
            rows.append(
                Row(
                    **_row_kwargs(value, today),
                    step="Hold the annual review",
                    due=value["next_review_due_on"],
                )
            )
    reviews = _scoped(
        Review.objects.filter(_live("plan__")), user, filters, "plan__assessment__case__"
    ).annotate(**_row_fields("plan__assessment__case__"))
    if wanted in (None, "decision"):
        awaiting = reviews.filter(meeting_on__isnull=False, decision_on__isnull=True)
        for value in awaiting.values(*_row_fields(""), "decision_due_on", "meeting_on"):
            due = value["decision_due_on"] or clock.review_decision_due(value["meeting_on"])
            rows.append(
                Row(**_row_kwargs(value, today), step="Notify the review decision", due=due)
            )
    if wanted in (None, "amendment"):
        amending = reviews.filter(outcome="A", amended_plan_issued_on__isnull=True)
        for value in amending.values(*_row_fields(""), "amended_plan_due_on", "meeting_on"):
            due = value["amended_plan_due_on"] or clock.amended_plan_due(value["meeting_on"])
            rows.append(Row(**_row_kwargs(value, today), step="Issue the amended plan", due=due))
    rows = [row for row in rows if _keep(row, filters)]
    return _sorted(rows, filters.sort, REVIEW_SORTS)


TRANSFER_SORTS = ("due", "name")


@dataclass(frozen=True)
class Cohort:
    """Children who move phase next September if they are in their chronological year group:
    aged `age` on 31 August at the start of this school year."""

    move: str
    age: int

    @property
    def to_post16(self) -> bool:
        return self.move == PhaseTransfer.Move.SECONDARY_TO_POST16


# Nursery to Reception, Year 6 to Year 7, Year 11 to Year 12. Infant to junior and middle-school
# moves depend on the school, not the birth date, so they appear only once a review is started.
COHORTS = (
    Cohort(PhaseTransfer.Move.EARLY_YEARS_TO_SCHOOL, 3),
    Cohort(PhaseTransfer.Move.PRIMARY_TO_SECONDARY, 10),
    Cohort(PhaseTransfer.Move.SECONDARY_TO_POST16, 15),
)


def school_year_start(today: dt.date) -> int:
    """The calendar year in which the current school year began (it begins on 1 September)."""
    return today.year if today.month >= 9 else today.year - 1


def born_between(age: int, on_31_august_of: int) -> tuple[dt.date, dt.date]:
    """Birth dates of children aged `age` on 31 August of a year (the school year's age)."""
    return (
        dt.date(on_31_august_of - age - 1, 9, 1),
        dt.date(on_31_august_of - age, 8, 31),
    )


def phase_transfers_due(
    user, today: dt.date, filters: ListFilter | dict | None
) -> list[TransferRow]:
    """Phase transfer reviews whose amended plan is not yet issued (due 15 February, or 31 March
    into post-16: reg 18), and live plans of children who move phase next September (by their
    birth date: `COHORTS`) with no phase transfer recorded for that year yet."""
    filters = as_filter(filters)
    year_start = school_year_start(today)
    transfer_year = year_start + 1
    rows: list[TransferRow] = []
    transfers = _scoped(
        PhaseTransfer.objects.filter(_live("plan__"), amended_plan_issued_on__isnull=True),
        user,
        filters,
        "plan__assessment__case__",
    ).annotate(**_row_fields("plan__assessment__case__"))
    for value in transfers.values(*_row_fields(""), "pk", "move", "transfer_year", "deadline"):
        rows.append(
            TransferRow(
                **_row_kwargs(value, today),
                step=f"Amend the plan: {PhaseTransfer.Move(value['move']).label.lower()}",
                due=value["deadline"],
                move=value["move"],
                transfer_year=value["transfer_year"],
                started=True,
                transfer_id=value["pk"],
            )
        )
    cohort_of = Q()
    for cohort in COHORTS:
        cohort_of |= Q(person__birth_date__range=born_between(cohort.age, year_start))
    plans = (
        _scoped(Plan.objects.filter(_live()), user, filters, "assessment__case__")
        .filter(cohort_of)
        .exclude(phase_transfers__transfer_year=transfer_year)
        .annotate(**_row_fields("assessment__case__"), birth_date=F("person__birth_date"))
    )
    for value in plans.values(*_row_fields(""), "birth_date"):
        cohort = next(
            c for c in COHORTS if _in_range(value["birth_date"], born_between(c.age, year_start))
        )
        rows.append(
            TransferRow(
                **_row_kwargs(value, today),
                step=f"Start the phase transfer review: {cohort.move.label.lower()}",
                due=clock.phase_transfer_deadline(transfer_year, cohort.to_post16),
                move=cohort.move,
                transfer_year=transfer_year,
                started=False,
            )
        )
    if filters.stage:
        rows = [row for row in rows if row.move == filters.stage]
    rows = [row for row in rows if _keep(row, filters)]
    return _sorted(rows, filters.sort, TRANSFER_SORTS)


def _in_range(day: dt.date, bounds: tuple[dt.date, dt.date]) -> bool:
    return bounds[0] <= day <= bounds[1]


def team_caseload(user, today: dt.date) -> list[CaseloadRow]:
    """Per caseworker of the user's organisation: open cases (requests and assessments), live
    plans, cases overdue, cases due in the next 14 days and open assessments predicted past
    20 weeks; a row for cases nobody holds comes last."""
    soon = today + dt.timedelta(days=clock.AMBER_WITHIN_DAYS)
    cases = visible_cases(user).open()
    counts = (
        cases.order_by()
        .values("caseworker_id")
        .annotate(
            open_cases=Count("pk", filter=Q(stage__in=OPEN_CASE_STAGES)),
            live_plans=Count("pk", filter=Q(stage=Request.Stage.PLAN)),
            overdue=Count("pk", filter=Q(next_due_on__lt=today)),
            due_soon=Count("pk", filter=Q(next_due_on__gte=today, next_due_on__lte=soon)),
        )
    )
    by_caseworker = {entry["caseworker_id"]: entry for entry in counts}
    at_risk = _at_risk_by_caseworker(cases, today, durations_for(user, today))
    holders = {pk for pk in (*by_caseworker, *at_risk) if pk is not None}
    people = caseworkers_for(user) | User.objects.filter(pk__in=holders)
    rows = [
        CaseloadRow(person.pk, person.full_name or person.email)
        for person in people.distinct().order_by("full_name", "pk")
    ]
    rows.append(CaseloadRow(None, "Not assigned"))
    for row in rows:
        entry = by_caseworker.get(row.caseworker_id, {})
        row.open_cases = entry.get("open_cases", 0)
        row.live_plans = entry.get("live_plans", 0)
        row.overdue = entry.get("overdue", 0)
        row.due_soon = entry.get("due_soon", 0)
        row.at_risk = at_risk.get(row.caseworker_id, 0)
    return rows


def caseload_totals(rows: list[CaseloadRow]) -> CaseloadRow:
    """The team's totals, for the caseload table's last line."""
    total = CaseloadRow(None, "Team total")
    for name in ("open_cases", "live_plans", "overdue", "due_soon", "at_risk"):
        setattr(total, name, sum(getattr(row, name) for row in rows))
    return total
