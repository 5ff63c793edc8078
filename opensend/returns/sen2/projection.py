"""The SEN2 return as a projection of the register and casework, for one LA and census date.

`export_persons` streams the `records.Person` of everyone the return includes, in person id
order, for `writer.write_return`. It finds who is in scope with one pass over the LA's cases,
then reads people a chunk at a time with a handful of bulk queries per chunk (`values_list`, no
query per row), so memory stays flat however large the LA. Which cases are included, and what
each element holds, is decided in `projection_rules` (pure Python), which the importer shares.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator

from django.db.models import Q

from opensend.accounts.models import Organisation
from opensend.casework.models import Dispute, NamedSetting, PhaseTransfer, Request, Review
from opensend.people.models import Need, Person, Placement
from opensend.returns.sen2 import projection_rules as rules
from opensend.returns.sen2.projection_rules import (
    CaseRow,
    CaseState,
    DisputeRow,
    NeedRow,
    Period,
    PersonRow,
    PersonRows,
    ReviewRow,
    SettingRow,
    TransferRow,
)
from opensend.returns.sen2.records import Person as PersonRecord

CHUNK = 5000
Progress = Callable[[str, int, int], None]

PERSON_FIELDS = (
    "id",
    "surname",
    "forename",
    "birth_date",
    "sex",
    "ethnicity",
    "postcode",
    "upn",
    "uln",
    "upn_unknown",
)
CASE_FIELDS = (
    "id",
    "person_id",
    "kind",
    "received_on",
    "source",
    "in_youth_accommodation",
    "outcome",
    "outcome_on",
    "transferred_from_la",
    "exported_to_la",
    "exported_on",
    "assessment__outcome",
    "assessment__outcome_on",
    "assessment__exception",
    "assessment__plan__id",
    "assessment__plan__start_date",
    "assessment__plan__issued_on",
    "assessment__plan__ceased_on",
    "assessment__plan__cease_reason",
    "assessment__plan__personal_budget",
    "assessment__plan__organised_arrangements",
    "assessment__plan__direct_payments",
    "assessment__plan__residential",
    "assessment__plan__work_based",
)
SETTING_FIELDS = (
    "rank",
    "establishment__urn",
    "establishment__ukprn",
    "sen_setting",
    "sen_setting_other",
    "in_sen_unit",
    "in_resourced_provision",
)
PLACEMENT_FIELDS = (
    "person_id",
    *SETTING_FIELDS,
    "start_date",
    "end_date",
    "residential",
    "work_based",
    "id",
)
REVIEW_FIELDS = ("plan_id", "meeting_on", "decision_on", "outcome", "amendment_draft_on", "id")


def cases_of(la: Organisation):
    """The LA's cases the return can hold: re-assessments are not SEN2 requests (the docs say
    why)."""
    return Request.objects.filter(local_authority=la).exclude(kind=Request.Kind.REASSESSMENT)


def maybe_in_scope(period: Period) -> Q:
    """A filter for every case `projection_rules.in_scope` can include, and few others: the
    database narrows the cases, the rules decide."""
    start, day = period.start, period.reference_date
    during = (start, day)
    undecided = Q(outcome="A") | Q(outcome_on__isnull=True) | Q(outcome_on__gt=day)
    assessing = Q(outcome__in=["Y", "H"]) & (
        Q(assessment__isnull=True)
        | Q(assessment__outcome="A")
        | Q(assessment__outcome_on__gt=day)
        | (Q(assessment__outcome_on__isnull=True) & ~Q(assessment__outcome="H"))
    )
    with_plan = Q(assessment__plan__isnull=False) & (
        Q(assessment__plan__ceased_on__isnull=True) | Q(assessment__plan__ceased_on__gte=start)
    )
    return (
        Q(received_on__range=during)
        | Q(outcome_on__range=during)
        | Q(assessment__outcome_on__range=during)
        | Q(exported_on__range=during)
        | with_plan
        | (Q(received_on__lte=day) & (undecided | assessing))
    )


def case_rows(queryset) -> Iterator[CaseRow]:
    make = CaseRow._make
    for row in queryset.values_list(*CASE_FIELDS).iterator(chunk_size=CHUNK):
        yield make(row)


def _in_scope_cases(
    la: Organisation, period: Period, states: dict[int, CaseState] | None = None
) -> Iterator[tuple[int, list[CaseRow]]]:
    """Each person with a case in scope, in id order, with the cases the period may include.
    The state of each case is kept in `states` (by case id) when given."""
    cases = cases_of(la).filter(maybe_in_scope(period)).order_by("person_id", "id")
    person_id, group, included = None, [], False
    keep = states if states is not None else {}
    state_of = rules.state_of
    for case in case_rows(cases):
        if case.person_id != person_id:
            if included:
                yield person_id, group
            person_id, group, included = case.person_id, [], False
        group.append(case)
        state = keep[case.id] = state_of(case, period)
        included = included or state.included
    if included:
        yield person_id, group


def people_in_scope(la: Organisation, reference_date: dt.date) -> list[int]:
    """Ids of the people the return includes, in order."""
    return [pk for pk, _cases in _in_scope_cases(la, Period(reference_date))]


def count_persons(la: Organisation, reference_date: dt.date) -> int:
    """How many `<Person>`s the return for `la` on `reference_date` holds."""
    return sum(1 for _ in _in_scope_cases(la, Period(reference_date)))


def export_persons(
    la: Organisation, reference_date: dt.date, *, progress: Progress | None = None
) -> Iterator[PersonRecord]:
    """The `<Person>` records of the LA's SEN2 return for the census on `reference_date`.

    One pass over the LA's cases in person order; every `CHUNK` people, the rest of what they
    need is read by id range (no long lists of ids in the SQL)."""
    period = Period(reference_date)
    total = count_persons(la, reference_date) if progress else 0
    chunk: dict[int, list[CaseRow]] = {}
    states: dict[int, CaseState] = {}
    done = 0
    for person_id, cases in _in_scope_cases(la, period, states):
        chunk[person_id] = cases
        if len(chunk) == CHUNK:
            yield from _records(la, chunk, period, states)
            done += len(chunk)
            chunk, states = {}, {}
            if progress:
                progress("Exporting", done, total)
    if chunk:
        yield from _records(la, chunk, period, states)
        if progress:
            progress("Exporting", done + len(chunk), total)


def _records(
    la: Organisation, cases: dict[int, list[CaseRow]], period: Period, states
) -> Iterator[PersonRecord]:
    for rows in read_rows(la, list(cases), period, cases=cases, states=states):
        yield rules.person_record(rows, period, states)


def person_records(
    la: Organisation, person_ids: list[int], period: Period
) -> Iterator[PersonRecord]:
    """The records of the given people (in id order), whatever their ids."""
    for rows in read_rows(la, person_ids, period):
        yield rules.person_record(rows, period)


def read_rows(
    la: Organisation,
    person_ids: list[int],
    period: Period,
    *,
    cases: dict[int, list[CaseRow]] | None = None,
    states: dict[int, CaseState] | None = None,
) -> Iterator[PersonRows]:
    """Everything the return can say about the given people, in a fixed number of queries.

    With `cases` (read already, in id order) the other tables are read by the range of ids and
    kept for these people; without, every case of the people is read, by their ids (the importer
    compares a file with all of them)."""
    day, start = period.reference_date, period.start
    wanted = set(person_ids)
    if cases is None:
        by_ids = {"person__id__in": person_ids}
        cases = defaultdict(list)
        for case in case_rows(cases_of(la).filter(**by_ids).order_by("person_id", "id")):
            cases[case.person_id].append(case)
    else:
        by_ids = {"person__id__range": (person_ids[0], person_ids[-1])}
    plan_people = {"plan__" + k: v for k, v in by_ids.items()}

    plan_ids, live_people, live_plans, case_of_plan = _plans(cases, period, states or {})

    if "person__id__in" in by_ids:
        people = Person.objects.filter(id__in=person_ids).order_by("id")
    else:
        people = Person.objects.filter(id__range=by_ids["person__id__range"]).order_by("id")
    people = people.values_list(*PERSON_FIELDS)

    named: dict[int, list[SettingRow]] = defaultdict(list)
    for row in NamedSetting.objects.filter(**plan_people).values_list("plan_id", *SETTING_FIELDS):
        if row[0] in plan_ids:
            named[row[0]].append(SettingRow(*row))

    placements: dict[int, list[SettingRow]] = defaultdict(list)
    attended = Placement.objects.filter(**by_ids, start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=start)
    )
    for row in attended.values_list(*PLACEMENT_FIELDS):
        if row[0] in live_people:
            placements[row[0]].append(SettingRow(*row))

    needs: dict[int, list[NeedRow]] = defaultdict(list)
    current = Need.objects.filter(**by_ids, rank__in=(1, 2), start_date__lte=day)
    current = current.filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
    for row in current.values_list("person_id", "need_type", "rank", "start_date", "id"):
        if row[0] in live_people:
            needs[row[0]].append(NeedRow._make(row))

    not_ceased = Q(plan__ceased_on__isnull=True) | Q(plan__ceased_on__gt=day)
    held = Review.objects.filter(**plan_people).filter(
        not_ceased, Q(meeting_on__lte=day) | Q(meeting_on__isnull=True, decision_on__lte=day)
    )
    reviews = rules.latest_review(
        (ReviewRow._make(r) for r in held.values_list(*REVIEW_FIELDS) if r[0] in live_plans),
        period,
    )
    due = PhaseTransfer.objects.filter(
        not_ceased, **plan_people, transfer_year__in=(period.year - 1, period.year)
    ).values_list("plan_id", "transfer_year", "deadline", "amended_plan_issued_on")
    transfers = rules.transfer_of_the_year(
        (TransferRow._make(r) for r in due if r[0] in live_plans), period
    )
    disputes = _disputes(by_ids, cases, case_of_plan)

    for person in people:
        if person[0] not in wanted:
            continue
        row = PersonRow._make(person)
        yield PersonRows(
            person=row,
            cases=cases.get(row.id, []),
            named_settings=named,
            placements=placements.get(row.id, ()),
            needs=needs.get(row.id, ()),
            reviews=reviews,
            transfers=transfers,
            disputes=disputes,
        )


def _plans(cases: dict[int, list[CaseRow]], period: Period, states: dict[int, CaseState]):
    """The plans of the cases: all, the people and plans live on the reference date, and the
    case of each plan."""
    plan_ids, live_people, live_plans, case_of_plan = set(), set(), set(), {}
    for group in cases.values():
        for case in group:
            if case.plan_id is not None:
                plan_ids.add(case.plan_id)
                case_of_plan[case.plan_id] = case.id
                state = states.get(case.id) or rules.state_of(case, period)
                if state.live:
                    live_plans.add(case.plan_id)
                    live_people.add(case.person_id)
    return plan_ids, live_people, live_plans, case_of_plan


def _disputes(
    by_ids: dict, cases: dict[int, list[CaseRow]], case_of_plan: dict[int, int]
) -> dict[int, list[DisputeRow]]:
    """Disagreements by the case whose flags they set. One about a re-assessment sets the
    "other" flags of the case that carries the plan re-assessed."""
    case_ids = {c.id for group in cases.values() for c in group}
    fields = ("decision", "mediation_on", "appeal_registered_on")
    by_case: dict[int, list[DisputeRow]] = defaultdict(list)
    case_people = {"case__" + k: v for k, v in by_ids.items()}
    for row in Dispute.objects.filter(**case_people).values_list(
        "case_id", "case__reassessed_plan_id", *fields
    ):
        case_id, plan_id, decision, mediation_on, appeal_on = row
        if case_id in case_ids:
            by_case[case_id].append(DisputeRow(case_id, decision, mediation_on, appeal_on))
        elif plan_id in case_of_plan:  # a re-assessment's
            target = case_of_plan[plan_id]
            by_case[target].append(DisputeRow(target, "NOT_REASSESS", mediation_on, appeal_on))
    return by_case
