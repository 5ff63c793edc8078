"""What a SEN2 return says about each case, as at its reference date. Pure Python.

`projection.py` reads the register and casework in bulk and hands the rows here as plain tuples;
this module decides which cases the return includes (`in_scope`) and turns a person's rows into
the `records.Person` the file holds (`person_record`). The importer uses the same functions to
see what a file would change, so export and import cannot disagree. docs/sen2-projection.md says
in words what is included and why.

Everything is seen *as at the reference date*: a decision dated after it is "not yet made" (A),
a plan ceased after it is live, a review decided after it has no decision yet. Decisions made
before the reporting period (the calendar year before the reference date) are historical (H).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from opensend.returns.sen2.records import (
    ActivePlans,
    Assessment,
    NamedPlan,
    Person,
    PlacementDetail,
    PlanDetail,
    Request,
    SenNeed,
    flag,
)

INITIAL, REASSESSMENT = "initial", "reassessment"
TRANSFER_IN, HISTORICAL = "transfer_in", "historical"
WITHOUT_REQUEST = (TRANSFER_IN, HISTORICAL)  # plans that reach us without a request: H/H

# Disputed decisions (core.codelists.DISPUTED_DECISIONS) and the SEN2 flags they set.
REQUEST_DISPUTES = frozenset({"NOT_ASSESS"})
ASSESSMENT_DISPUTES = frozenset({"NOT_ISSUE"})
OTHER_DISPUTES = frozenset({"CONTENTS", "NOT_AMEND", "CEASE", "NOT_REASSESS"})


@dataclass(frozen=True, slots=True)
class Period:
    """A return's reference (census) date and its reporting period, the calendar year before."""

    reference_date: dt.date
    year: int = field(init=False)
    start: dt.date = field(init=False)
    end: dt.date = field(init=False)

    def __post_init__(self) -> None:
        year = self.reference_date.year
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "start", dt.date(year - 1, 1, 1))
        object.__setattr__(self, "end", dt.date(year - 1, 12, 31))

    def covers(self, day: dt.date | None) -> bool:
        """`day` falls in the reporting period or after it up to the reference date."""
        return day is not None and self.start <= day <= self.reference_date

    def known(self, day: dt.date | None) -> dt.date | None:
        """`day` if it is on or before the reference date (known by then), else None."""
        return day if day is not None and day <= self.reference_date else None


# --- the rows projection.py reads ----------------------------------------------------------------


class PersonRow(NamedTuple):
    id: int
    surname: str
    forename: str
    birth_date: dt.date
    sex: str
    ethnicity: str
    postcode: str
    upn: str
    uln: str
    upn_unknown: str


class CaseRow(NamedTuple):
    """A case (`casework.Request`) with its assessment and plan, None where there is none."""

    id: int
    person_id: int
    kind: str
    received_on: dt.date | None
    source: str
    rya: bool
    outcome: str
    outcome_on: dt.date | None
    transferred_from_la: str
    exported_to_la: str
    exported_on: dt.date | None
    assessment_outcome: str | None
    assessment_on: dt.date | None
    exception: str | None
    plan_id: int | None
    start_date: dt.date | None
    issued_on: dt.date | None
    ceased_on: dt.date | None
    cease_reason: str | None
    personal_budget: bool | None
    organised_arrangements: bool | None
    direct_payments: str | None
    residential: str | None
    work_based: str | None


class SettingRow(NamedTuple):
    """A setting named in a plan (`NamedSetting`) or attended (`Placement`)."""

    owner_id: int  # the plan (named) or the person (attended)
    rank: int
    urn: str | None
    ukprn: str | None
    sen_setting: str
    sen_setting_other: str
    in_sen_unit: bool
    in_resourced_provision: bool
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    residential: str = ""
    work_based: str = ""
    id: int = 0


class NeedRow(NamedTuple):
    person_id: int
    need_type: str
    rank: int
    start_date: dt.date
    id: int


class ReviewRow(NamedTuple):
    plan_id: int
    meeting_on: dt.date | None
    decision_on: dt.date | None
    outcome: str
    amendment_draft_on: dt.date | None
    id: int


class TransferRow(NamedTuple):
    plan_id: int
    transfer_year: int
    deadline: dt.date
    amended_plan_issued_on: dt.date | None


class DisputeRow(NamedTuple):
    case_id: int  # the case whose SEN2 flags it sets (a re-assessment's: the plan's case)
    decision: str
    mediation_on: dt.date | None
    appeal_registered_on: dt.date | None


@dataclass(slots=True)
class PersonRows:
    """Everything about one person's cases that the return can hold."""

    person: PersonRow
    cases: list[CaseRow]
    named_settings: Mapping[int, Sequence[SettingRow]]
    placements: Sequence[SettingRow]
    needs: Sequence[NeedRow]
    reviews: Mapping[int, ReviewRow]  # the latest review of each plan, by plan id
    transfers: Mapping[int, TransferRow]  # the phase transfer of the year, by plan id
    disputes: Mapping[int, Sequence[DisputeRow]]


# --- the state of a case on the reference date ---------------------------------------------------


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def arrived_on(case: CaseRow) -> dt.date | None:
    """When a plan without a request became ours: the transfer, or the historical plan's start."""
    return case.outcome_on or case.received_on or case.start_date


def request_outcome(case: CaseRow, period: Period) -> tuple[str, dt.date | None]:
    """RequestOutcome and its date as at the reference date."""
    if case.kind in WITHOUT_REQUEST or case.outcome == "H":
        return "H", None
    decided = period.known(case.outcome_on)
    if case.outcome == "A" or decided is None:
        return "A", None
    if decided < period.start and case.outcome == "Y":
        return "H", None
    return case.outcome, decided


def assessment_outcome(case: CaseRow, period: Period) -> tuple[str, dt.date | None]:
    """AssessmentOutcome and its date as at the reference date (A when there is no row yet)."""
    if case.kind in WITHOUT_REQUEST or case.assessment_outcome == "H":
        return "H", None
    decided = period.known(case.assessment_on)
    if case.assessment_outcome in (None, "A") or decided is None:
        return "A", None
    if decided < period.start and case.assessment_outcome == "Y":
        return "H", None
    return case.assessment_outcome or "A", decided


class CaseState(NamedTuple):
    """A case as the return sees it on the reference date (worked out once per case)."""

    request: str
    request_on: dt.date | None
    assessment: str
    assessment_on: dt.date | None
    exported: bool
    has_plan: bool
    live: bool
    included: bool


def state_of(case: CaseRow, period: Period) -> CaseState:
    request, request_on = request_outcome(case, period)
    assessment, assessment_on = assessment_outcome(case, period)
    moved = bool(case.exported_to_la) and period.known(case.exported_on) is not None
    if case.plan_id is None or moved:
        with_plan = False
    elif case.kind in WITHOUT_REQUEST:
        with_plan = period.known(arrived_on(case)) is not None
    else:
        with_plan = (
            request in ("Y", "H")
            and assessment in ("Y", "H")
            and period.known(case.issued_on or case.start_date) is not None
        )
    live = with_plan and period.known(case.ceased_on) is None
    # Which cases the return includes (docs/sen2-projection.md says which and why).
    if case.kind == REASSESSMENT:
        included = False
    elif case.kind in WITHOUT_REQUEST:
        included = live or (with_plan and period.covers(case.ceased_on))
    elif case.received_on is None or case.received_on > period.reference_date:
        included = False
    elif moved:
        included = period.covers(case.exported_on)
    else:
        included = (
            live
            or (with_plan and period.covers(case.ceased_on))
            or period.covers(case.received_on)
            or period.covers(case.outcome_on)
            or period.covers(case.assessment_on)
            # ongoing work on the reference date: awaiting the decision to assess, or assessing
            or request == "A"
            or (request in ("Y", "H") and assessment == "A")
        )
    return CaseState(
        request, request_on, assessment, assessment_on, moved, with_plan, live, included
    )


def plan_live(case: CaseRow, period: Period) -> bool:
    """The plan is maintained on the reference date: issued, and not ceased on or before it."""
    return state_of(case, period).live


def in_scope(case: CaseRow, period: Period) -> bool:
    """Whether the return includes the case."""
    return state_of(case, period).included


# --- building the records ------------------------------------------------------------------------


def person_record(
    rows: PersonRows, period: Period, states: Mapping[int, CaseState] | None = None
) -> Person:
    """The `<Person>` for one person: their details and each case in scope, in date order.
    `states` holds the cases' states where they are worked out already, by case id."""
    p = rows.person
    known = states or {}
    cases = sorted(
        ((c, s) for c in rows.cases if (s := known.get(c.id) or state_of(c, period)).included),
        key=lambda cs: (
            iso(cs[0].received_on) if cs[0].kind not in WITHOUT_REQUEST else "",
            cs[0].id,
        ),
    )
    return Person(
        surname=p.surname,
        forename=p.forename,
        person_birth_date=iso(p.birth_date),
        sex=p.sex if p.sex in ("M", "F") else "",
        ethnicity=p.ethnicity,
        post_code=p.postcode,
        upn=p.upn,
        unique_learner_number=p.uln,
        upn_unknown=p.upn_unknown,
        requests=[request_record(c, rows, period, s) for c, s in cases],
    )


def _flags(
    disputes: Iterable[DisputeRow], decisions: frozenset[str], period: Period
) -> tuple[str, str]:
    """(mediation, tribunal) 1/0: a disagreement with one of `decisions` went to mediation, or
    an appeal was registered, on or before the reference date."""
    mediation = tribunal = False
    for d in disputes:
        if d.decision in decisions:
            mediation = mediation or period.known(d.mediation_on) is not None
            tribunal = tribunal or period.known(d.appeal_registered_on) is not None
    return flag(mediation), flag(tribunal)


def request_record(
    case: CaseRow, rows: PersonRows, period: Period, state: CaseState | None = None
) -> Request:
    """The `<Requests>` of one case, with its assessment, plan and (if live) active plan."""
    state = state or state_of(case, period)
    disputes = rows.disputes.get(case.id, ())
    if case.kind in WITHOUT_REQUEST:
        record = Request(request_outcome="H")
    else:
        outcome, decided = state.request, state.request_on
        record = Request(received_date=iso(case.received_on), request_outcome=outcome)
        if outcome != "H":
            record.request_source = case.source
            record.rya = flag(case.rya)
        if outcome in ("Y", "N", "W"):
            record.request_outcome_date = iso(decided)
        if outcome in ("Y", "N"):
            record.request_mediation, record.request_tribunal = _flags(
                disputes, REQUEST_DISPUTES, period
            )
        if state.exported:
            record.exported = case.exported_to_la
            return record
        if outcome not in ("Y", "H"):
            return record
    record.assessment = assessment_record(case, rows, period, state)
    if state.live:
        record.active_plans = active_plans_record(case, rows, period)
    return record


def assessment_record(
    case: CaseRow, rows: PersonRows, period: Period, state: CaseState
) -> Assessment:
    outcome, decided = state.assessment, state.assessment_on
    record = Assessment(assessment_outcome=outcome)
    if outcome in ("Y", "N", "W"):
        record.assessment_outcome_date = iso(decided)
    if outcome in ("Y", "N"):
        disputes = rows.disputes.get(case.id, ())
        record.assessment_mediation, record.assessment_tribunal = _flags(
            disputes, ASSESSMENT_DISPUTES, period
        )
        record.other_mediation, record.other_tribunal = _flags(disputes, OTHER_DISPUTES, period)
        record.week20 = flag(bool(case.exception))
    if state.has_plan:
        record.named_plan = named_plan_record(case, rows, period)
    return record


def named_plan_record(case: CaseRow, rows: PersonRows, period: Period) -> NamedPlan:
    ceased = period.known(case.ceased_on)
    assert case.plan_id is not None
    return NamedPlan(
        start_date=iso(case.start_date or case.issued_on),
        plan_details=[
            plan_detail(s)
            for s in sorted(rows.named_settings.get(case.plan_id, ()), key=lambda s: s.rank)[:2]
        ],
        plan_res=case.residential or "",
        plan_wbp=case.work_based or "",
        pb=flag(bool(case.personal_budget)),
        oa=flag(bool(case.organised_arrangements)),
        dp=case.direct_payments or "",
        cease_date=iso(ceased),
        cease_reason=(case.cease_reason or "") if ceased else "",
    )


def _where(setting: SettingRow) -> tuple[str, str, str, str]:
    """(URN, UKPRN, SENsetting, SENsettingOther): only one of the first three is given."""
    if setting.urn:
        return setting.urn, "", "", ""
    if setting.ukprn:
        return "", setting.ukprn, "", ""
    return "", "", setting.sen_setting, setting.sen_setting_other


def plan_detail(setting: SettingRow) -> PlanDetail:
    urn, ukprn, sen_setting, other = _where(setting)
    return PlanDetail(
        urn=urn,
        ukprn=ukprn,
        sen_setting=sen_setting,
        sen_setting_other=other,
        placement_rank=str(setting.rank),
        sen_unit_indicator=flag(setting.in_sen_unit),
        resourced_provision_indicator=flag(setting.in_resourced_provision),
    )


def placement_detail(setting: SettingRow, period: Period) -> PlacementDetail:
    urn, ukprn, sen_setting, other = _where(setting)
    return PlacementDetail(
        urn=urn,
        ukprn=ukprn,
        sen_setting=sen_setting,
        sen_setting_other=other,
        placement_rank=str(setting.rank),
        entry_date=iso(setting.start_date),
        leaving_date=iso(period.known(setting.end_date)),
        sen_unit_indicator=flag(setting.in_sen_unit),
        resourced_provision_indicator=flag(setting.in_resourced_provision),
        res=setting.residential,
        wbp=setting.work_based,
    )


def attended(setting: SettingRow, period: Period) -> bool:
    """A placement attended at some time from the period's start up to the reference date."""
    return (
        setting.start_date is not None
        and setting.start_date <= period.reference_date
        and (setting.end_date is None or setting.end_date >= period.start)
    )


def needs_on(needs: Iterable[NeedRow], day: dt.date) -> list[SenNeed]:
    """The primary and secondary need on `day` (the latest started of each rank)."""
    latest: dict[int, NeedRow] = {}
    for need in needs:
        if need.rank in (1, 2) and need.start_date <= day:
            held = latest.get(need.rank)
            if held is None or (need.start_date, need.id) > (held.start_date, held.id):
                latest[need.rank] = need
    return [SenNeed(sen_type=latest[r].need_type, sen_type_rank=str(r)) for r in sorted(latest)]


def active_plans_record(case: CaseRow, rows: PersonRows, period: Period) -> ActivePlans:
    assert case.plan_id is not None
    record = ActivePlans(
        placements=[
            placement_detail(s, period)
            for s in sorted(rows.placements, key=lambda s: (s.start_date, s.rank, s.id))
            if attended(s, period)
        ],
        needs=needs_on(rows.needs, period.reference_date),
    )
    if case.kind == TRANSFER_IN and period.covers(arrived_on(case)):
        record.transfer_la = case.transferred_from_la
    elif case.kind != TRANSFER_IN and case.transferred_from_la:
        # an assessment begun in another LA and finished here: DfE's 20-week measure leaves
        # the plan out (docs/sen2-projection.md)
        record.transfer_la = case.transferred_from_la
    review = rows.reviews.get(case.plan_id)
    if review is not None:
        decided = period.known(review.decision_on)
        record.review_meeting = iso(period.known(review.meeting_on))
        record.last_review = iso(decided)
        record.review_outcome = review.outcome if decided else ""
        record.review_draft = iso(period.known(review.amendment_draft_on))
    transfer = rows.transfers.get(case.plan_id)
    if transfer is not None:
        record.phase_transfer_due_date = iso(transfer.deadline)
        record.phase_transfer_final_date = iso(period.known(transfer.amended_plan_issued_on))
    return record


def latest_review(reviews: Iterable[ReviewRow], period: Period) -> dict[int, ReviewRow]:
    """Each plan's latest review held (or, without a meeting date, decided) by the reference
    date."""
    latest: dict[int, tuple[dt.date, int, ReviewRow]] = {}
    for review in reviews:
        day = period.known(review.meeting_on or review.decision_on)
        if day is None:
            continue
        held = latest.get(review.plan_id)
        if held is None or (day, review.id) > held[:2]:
            latest[review.plan_id] = (day, review.id, review)
    return {plan_id: held[2] for plan_id, held in latest.items()}


def transfer_of_the_year(
    transfers: Iterable[TransferRow], period: Period
) -> dict[int, TransferRow]:
    """Each plan's phase transfer due in the collection year (the September after the reference
    date), or else the one due the year before."""
    chosen: dict[int, TransferRow] = {}
    for transfer in transfers:
        if period.year - 1 <= transfer.transfer_year <= period.year:
            held = chosen.get(transfer.plan_id)
            if held is None or transfer.transfer_year > held.transfer_year:
                chosen[transfer.plan_id] = transfer
    return chosen
