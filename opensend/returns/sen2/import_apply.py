"""Applying the people of a SEN2 return to one LA's register and casework (see `importer`).

Each `<Person>` is matched to the register, each `<Requests>` to a case, and what the matched
records would export (`projection_rules`, as at the file's reference date) is compared element
by element with the file: only the records behind elements that differ are written.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Q

from opensend.accounts.models import Organisation
from opensend.casework import clock, next_steps
from opensend.casework.models import (
    Assessment,
    Dispute,
    NamedSetting,
    PhaseTransfer,
    Plan,
    Request,
    Review,
)
from opensend.core.services import save_as
from opensend.people.models import Establishment, Need, Person, Placement, SenStatus
from opensend.returns.sen2 import layout, projection
from opensend.returns.sen2 import projection_rules as rules
from opensend.returns.sen2.import_writes import Writes
from opensend.returns.sen2.projection_rules import CaseRow, Period, PersonRows
from opensend.returns.sen2.records import (
    ActivePlans,
    PlacementDetail,
    PlanDetail,
    as_date,
)
from opensend.returns.sen2.records import Person as PersonRecord
from opensend.returns.sen2.records import Request as RequestRecord

CHUNK = 2000
EXCEPTION_UNKNOWN = "PERSONAL"  # the return says an exception applied, not which
KINDS = (
    "persons",
    "requests",
    "assessments",
    "plans",
    "named settings",
    "placements",
    "needs",
    "reviews",
    "phase transfers",
    "disagreements",
    "EHC plan statuses",
)
Progress = Callable[[str, int, int | None], None]


class ImportFailed(Exception):
    """Something in the file the register cannot take (a URN not loaded, two people in the file
    matching one on the register): `message` says what and how to fix it."""


@dataclass
class Counts:
    created: int = 0
    changed: int = 0
    unchanged: int = 0


# --- comparing ---------------------------------------------------------------------------------


def values(record, elements: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(getattr(record, name) for name, _element in elements)


REVIEW_ELEMENTS = (
    ("review_meeting", "ReviewMeeting"),
    ("last_review", "LastReview"),
    ("review_outcome", "ReviewOutcome"),
    ("review_draft", "ReviewDraft"),
)
TRANSFER_ELEMENTS = (
    ("phase_transfer_due_date", "PhaseTransferDueDate"),
    ("phase_transfer_final_date", "PhaseTransferFinalDate"),
)


def _later(*days: dt.date | None) -> dt.date:
    return max(d for d in days if d is not None)


# --- writing -------------------------------------------------------------------------------------


class Importer:
    """Applies the people of one file to one LA's records, a chunk of people at a time."""

    def __init__(self, actor, la: Organisation, period: Period, file_name: str, result):
        self.actor, self.la, self.period = actor, la, period
        self.result = result
        self.reason = f"Imported from the SEN2 return {file_name}"[:100]
        self.note = f"From the SEN2 return {file_name}: it says an exception applied, not which"
        self.touched_cases: set[int] = set()
        self.claimed: set[int] = set()
        self._index_people()

    # counts
    def count(self, kind: str, outcome: str) -> None:
        counts = self.result.counts[kind]
        setattr(counts, outcome, getattr(counts, outcome) + 1)

    def _index_people(self) -> None:
        self.by_upn: dict[str, int] = {}
        self.by_uln: dict[str, int] = {}
        self.by_name: dict[tuple[str, str, dt.date], int] = {}
        people = Person.objects.filter(responsible_la=self.la).values_list(
            "id", "upn", "uln", "forename", "surname", "birth_date"
        )
        for pk, upn, uln, forename, surname, birth in people:
            if upn:
                self.by_upn[upn] = pk
            if uln:
                self.by_uln[uln] = pk
            self.by_name[(forename.casefold(), surname.casefold(), birth)] = pk

    def match(self, person: PersonRecord) -> int | None:
        birth = as_date(person.person_birth_date)
        pk = (
            (person.upn and self.by_upn.get(person.upn))
            or (person.unique_learner_number and self.by_uln.get(person.unique_learner_number))
            or (
                birth is not None
                and self.by_name.get((person.forename.casefold(), person.surname.casefold(), birth))
            )
            or None
        )
        if pk is not None:
            if pk in self.claimed:
                raise ImportFailed(
                    f"Line {person.line}: {person.label} is the same person on the register as "
                    "someone earlier in the file (same UPN, ULN, or name and birth date). "
                    "Each person must appear once: merge the two <Person> records."
                )
            self.claimed.add(pk)
        return pk

    def run(self, persons: Iterable[PersonRecord], progress: Progress | None) -> None:
        chunk: list[PersonRecord] = []
        for person in persons:
            chunk.append(person)
            if len(chunk) == CHUNK:
                self.apply_chunk(chunk, progress)
                chunk = []
        if chunk:
            self.apply_chunk(chunk, progress)
        if self.touched_cases:
            next_steps.refresh_cases(Request.objects.filter(pk__in=self.touched_cases))

    def apply_chunk(self, people: list[PersonRecord], progress: Progress | None) -> None:
        matched = [(p, self.match(p)) for p in people]
        known = [pk for _p, pk in matched if pk is not None]
        existing = {
            rows.person.id: rows for rows in projection.read_rows(self.la, known, self.period)
        }
        self.establishments = self._establishments(people)
        self.writes = Writes(self.actor, self.reason)
        self.e_status = set(
            SenStatus.objects.filter(person_id__in=known, provision="E")
            .filter(
                Q(start_date__lte=self.period.reference_date),
                Q(end_date__isnull=True) | Q(end_date__gte=self.period.reference_date),
            )
            .values_list("person_id", flat=True)
        )
        for record, pk in matched:
            self.apply_person(record, existing.get(pk) if pk is not None else None)
        self.writes.flush()
        self.touched_cases.update(self.writes.case_ids())
        self.result.persons += len(people)
        if progress:
            progress("Importing", self.result.persons, None)  # the total is not known

    def _establishments(self, people: list[PersonRecord]) -> dict[tuple[str, str], int]:
        urns, ukprns = set(), set()
        for person in people:
            for request in person.requests:
                for setting in _settings(request):
                    if setting.urn:
                        urns.add(setting.urn)
                    elif setting.ukprn:
                        ukprns.add(setting.ukprn)
        found: dict[tuple[str, str], int] = {}
        for pk, urn, ukprn in Establishment.objects.filter(
            Q(urn__in=urns) | Q(ukprn__in=ukprns)
        ).values_list("id", "urn", "ukprn"):
            if urn:
                found[("urn", urn)] = pk
            if ukprn:
                found.setdefault(("ukprn", ukprn), pk)
        return found

    def establishment(self, setting: PlanDetail | PlacementDetail) -> int | None:
        person = self.record
        if setting.urn:
            key, what = ("urn", setting.urn), f"URN {setting.urn}"
        elif setting.ukprn:
            key, what = ("ukprn", setting.ukprn), f"UKPRN {setting.ukprn}"
        else:
            return None
        if key not in self.establishments:
            raise ImportFailed(
                f"Line {setting.line}: {person.label}: no school or setting with {what} is "
                "loaded. Load it first (opensend import establishments, from GIAS), then import "
                "the return again."
            )
        return self.establishments[key]

    # --- one person ---------------------------------------------------------------------------

    def apply_person(self, record: PersonRecord, existing: PersonRows | None) -> None:
        self.record, self.rows = record, existing
        wanted = {
            "surname": record.surname,
            "forename": record.forename,
            "birth_date": as_date(record.person_birth_date),
            "sex": record.sex,
            "ethnicity": record.ethnicity,
            "postcode": record.post_code,
            "upn": record.upn,
            "uln": record.unique_learner_number,
            "upn_unknown": record.upn_unknown,
        }
        if existing is None:
            person = Person(responsible_la=self.la, **wanted)
            self.writes.create(person)
            self.count("persons", "created")
            cases: list[CaseRow] = []
        else:
            row = existing.person
            changed = {
                f: v
                for f, v in wanted.items()
                if v != getattr(row, f) and not (f == "postcode" and not v)
            }
            person = Person(pk=row.id)  # a stand-in carrying the pk for the records below
            if changed:
                stored = Person.objects.get(pk=row.id)
                for f, v in changed.items():
                    setattr(stored, f, v)
                save_as(stored, self.actor)
                person = stored
                self.count("persons", "changed")
            else:
                self.count("persons", "unchanged")
            cases = list(existing.cases)
        matcher = CaseMatcher(cases)
        live_plan_start = None
        active: list[ActivePlans] = []
        for request in record.requests:
            case = matcher.take(request)
            self.apply_request(person, request, case)
            if request.active_plans is not None:
                active.append(request.active_plans)
                named = request.assessment.named_plan if request.assessment else None
                live_plan_start = as_date(named.start_date) if named else None
        if active:
            self.apply_active(person, active, live_plan_start)

    # --- one request --------------------------------------------------------------------------

    def apply_request(self, person, request: RequestRecord, case: CaseRow | None) -> None:
        file_kind = _kind(request)
        if case is None or self.rows is None:
            self.create_case(person, request, file_kind)
            return
        have = rules.request_record(case, self.rows, self.period)
        fields: dict[str, object] = {}
        if have.received_date != request.received_date:
            fields["received_on"] = as_date(request.received_date)
        if have.request_source != request.request_source and request.request_outcome != "H":
            fields["source"] = request.request_source
        if have.rya != request.rya and request.rya:
            fields["in_youth_accommodation"] = request.rya == "1"
        if (have.request_outcome, have.request_outcome_date) != (
            request.request_outcome,
            request.request_outcome_date,
        ) and file_kind == Request.Kind.INITIAL:
            fields["outcome"] = request.request_outcome
            fields["outcome_on"] = as_date(request.request_outcome_date)
        if have.exported != request.exported:
            fields["exported_to_la"] = request.exported
            fields["exported_on"] = self.exported_on(request) if request.exported else None
        if request.active_plans and request.active_plans.transfer_la:
            ours = have.active_plans.transfer_la if have.active_plans else ""
            if ours != request.active_plans.transfer_la:
                fields["transferred_from_la"] = request.active_plans.transfer_la
        changed = self.writes.update(Request, case.id, fields)
        changed |= self.new_disputes(Request(pk=case.id), request, have)
        self.count("requests", "changed" if changed else "unchanged")
        if changed:
            self.touched_cases.add(case.id)
        if request.assessment is not None:
            self.apply_assessment(person, request, case, have)

    def exported_on(self, request: RequestRecord) -> dt.date:
        """The file gives no date of the move: the latest date it gives, within the period."""
        return _later(
            self.period.start,
            as_date(request.received_date),
            as_date(request.request_outcome_date),
        )

    def arrived_on(self, start: dt.date | None) -> dt.date:
        """The file gives no date of a transfer in: the plan's start, or the period's start if
        that is later (the transfer happened in the period: TransferLA says so)."""
        return _later(self.period.start, start)

    def create_case(self, person, request: RequestRecord, kind: str) -> None:
        received = as_date(request.received_date)
        named = request.assessment.named_plan if request.assessment else None
        start = as_date(named.start_date) if named else None
        transfer_la = request.active_plans.transfer_la if request.active_plans else ""
        case = Request(
            person=person,
            local_authority=self.la,
            caseworker=None,  # assigned by a SEND manager (Team view: not assigned)
            kind=kind,
            received_on=received,
            source=request.request_source,
            in_youth_accommodation=request.rya == "1",
            outcome=request.request_outcome or "A",
            outcome_on=as_date(request.request_outcome_date),
            transferred_from_la=transfer_la if kind != Request.Kind.HISTORICAL else "",
            exported_to_la=request.exported,
            exported_on=self.exported_on(request) if request.exported else None,
        )
        if kind == Request.Kind.INITIAL and received is not None:
            case.decision_due_on = clock.decision_to_assess_due(received)
            case.final_plan_due_on = clock.final_plan_due(received)
        if kind == Request.Kind.TRANSFER_IN:
            case.outcome_on = self.arrived_on(start)
        self.writes.create(case)
        self.count("requests", "created")
        self.new_disputes(case, request, None)
        if request.assessment is not None and not request.exported:
            self.create_assessment(person, request, case)

    # --- disagreements --------------------------------------------------------------------------

    def new_disputes(self, case, request: RequestRecord, have: RequestRecord | None) -> bool:
        """A disagreement for each mediation or tribunal flag the file sets and the records do
        not. The file gives no dates: they are recorded on the date of the decision disputed."""
        wanted = []
        a, h = request.assessment, have.assessment if have else None
        groups = [
            (
                "NOT_ASSESS",
                request.request_mediation,
                request.request_tribunal,
                have.request_mediation if have else "",
                have.request_tribunal if have else "",
                request.request_outcome_date,
            )
        ]
        if a is not None:
            groups += [
                (
                    "NOT_ISSUE",
                    a.assessment_mediation,
                    a.assessment_tribunal,
                    h.assessment_mediation if h else "",
                    h.assessment_tribunal if h else "",
                    a.assessment_outcome_date,
                ),
                (
                    "CONTENTS",
                    a.other_mediation,
                    a.other_tribunal,
                    h.other_mediation if h else "",
                    h.other_tribunal if h else "",
                    a.assessment_outcome_date,
                ),
            ]
        for decision, mediation, tribunal, had_mediation, had_tribunal, day in groups:
            mediation_new = mediation == "1" and had_mediation != "1"
            tribunal_new = tribunal == "1" and had_tribunal != "1"
            decided = as_date(day)
            if (mediation_new or tribunal_new) and decided is not None:
                wanted.append(
                    Dispute(
                        case=case,
                        decision=decision,
                        decision_on=decided,
                        mediation_contact_due_on=clock.mediation_contact_deadline(decided),
                        appeal_due_on=clock.appeal_deadline(decided),
                        mediation_on=decided if mediation_new else None,
                        appeal_registered_on=decided if tribunal_new else None,
                    )
                )
        for dispute in wanted:
            self.writes.create(dispute)
            self.count("disagreements", "created")
        return bool(wanted)

    # --- the assessment and plan --------------------------------------------------------------

    def create_assessment(self, person, request: RequestRecord, case) -> None:
        assessment_record = request.assessment
        assert assessment_record is not None
        received = as_date(request.received_date)
        assessment = Assessment(
            case=case,
            outcome=assessment_record.assessment_outcome or "A",
            outcome_on=as_date(assessment_record.assessment_outcome_date),
            exception=EXCEPTION_UNKNOWN if assessment_record.week20 == "1" else "",
            exception_note=self.note if assessment_record.week20 == "1" else "",
            no_plan_notice_due_on=clock.no_plan_notice_due(received) if received else None,
        )
        if case.kind in rules.WITHOUT_REQUEST:
            assessment.outcome_on = case.outcome_on
        self.writes.create(assessment)
        self.count("assessments", "created")
        if assessment_record.named_plan is not None:
            self.create_plan(person, request, assessment)

    def apply_assessment(self, person, request: RequestRecord, case: CaseRow, have) -> None:
        wanted = request.assessment
        assert wanted is not None
        had = have.assessment
        if case.assessment_outcome is None:
            assessment = Assessment(
                case_id=case.id,
                outcome=wanted.assessment_outcome or "A",
                outcome_on=as_date(wanted.assessment_outcome_date),
                exception=EXCEPTION_UNKNOWN if wanted.week20 == "1" else "",
                exception_note=self.note if wanted.week20 == "1" else "",
            )
            self.writes.create(assessment)
            self.count("assessments", "created")
            if wanted.named_plan is not None:
                self.create_plan(person, request, assessment)
            return
        fields: dict[str, object] = {}
        if (
            had is None
            or (had.assessment_outcome, had.assessment_outcome_date)
            != (
                wanted.assessment_outcome,
                wanted.assessment_outcome_date,
            )
        ) and case.kind not in rules.WITHOUT_REQUEST:
            fields["outcome"] = wanted.assessment_outcome
            fields["outcome_on"] = as_date(wanted.assessment_outcome_date)
        if had is not None and had.week20 != wanted.week20 and wanted.week20:
            fields["exception"] = EXCEPTION_UNKNOWN if wanted.week20 == "1" else ""
            fields["exception_note"] = self.note if wanted.week20 == "1" else ""
        changed = self.writes.update(Assessment, case.id, fields, key="case_id")
        self.count("assessments", "changed" if changed else "unchanged")
        if wanted.named_plan is None:
            return
        if case.plan_id is None:
            assessment = Assessment.objects.get(case_id=case.id)
            self.create_plan(person, request, assessment)
            return
        self.apply_plan(request, case, have)

    def plan_fields(self, request: RequestRecord) -> dict[str, object]:
        assert request.assessment is not None
        assert request.assessment.named_plan is not None
        named = request.assessment.named_plan
        start = as_date(named.start_date)
        issued = as_date(request.assessment.assessment_outcome_date) or start
        return {
            "start_date": start,
            "issued_on": issued,
            "residential": named.plan_res,
            "work_based": named.plan_wbp,
            "personal_budget": named.pb == "1",
            "organised_arrangements": named.oa == "1",
            "direct_payments": named.dp,
            "ceased_on": as_date(named.cease_date),
            "cease_reason": named.cease_reason,
        }

    def create_plan(self, person, request: RequestRecord, assessment) -> None:
        assert request.assessment is not None
        assert request.assessment.named_plan is not None
        fields = self.plan_fields(request)
        issued = fields["issued_on"]
        birth = as_date(self.record.person_birth_date)
        plan = Plan(assessment=assessment, person=person, **fields)
        if isinstance(issued, dt.date) and birth is not None:
            plan.next_review_due_on = clock.review_due(issued, birth)
        self.writes.create(plan)
        self.count("plans", "created")
        self.plan_details(plan, request.assessment.named_plan.plan_details, [])
        if request.active_plans is not None:
            self.apply_review(plan, request.active_plans, None, None)
            self.apply_transfer(plan, request.active_plans, None)

    def apply_plan(self, request: RequestRecord, case: CaseRow, have: RequestRecord) -> None:
        assert request.assessment is not None
        assert request.assessment.named_plan is not None
        had = have.assessment.named_plan if have.assessment else None
        wanted = request.assessment.named_plan
        fields = self.plan_fields(request)
        writes: dict[str, object] = {}
        element_fields = {
            "start_date": ["start_date"],
            "plan_res": ["residential"],
            "plan_wbp": ["work_based"],
            "pb": ["personal_budget"],
            "oa": ["organised_arrangements"],
            "dp": ["direct_payments"],
            "cease_date": ["ceased_on"],
            "cease_reason": ["cease_reason"],
        }
        for element, names in element_fields.items():
            if had is None or getattr(had, element) != getattr(wanted, element):
                writes.update({n: fields[n] for n in names})
        plan = Plan(pk=case.plan_id)
        changed = self.writes.update(Plan, case.plan_id, writes)
        self.count("plans", "changed" if changed else "unchanged")
        self.plan_details(plan, wanted.plan_details, had.plan_details if had else [])
        if request.active_plans is not None:
            self.apply_review(plan, request.active_plans, have.active_plans, case)
            self.apply_transfer(plan, request.active_plans, have.active_plans)

    def plan_details(self, plan, wanted: list[PlanDetail], had: list[PlanDetail]) -> None:
        had_by_rank = {d.placement_rank: d for d in had}
        for detail in wanted:
            existing = had_by_rank.get(detail.placement_rank)
            if existing is not None and values(existing, layout.PLAN_DETAIL) == values(
                detail, layout.PLAN_DETAIL
            ):
                self.count("named settings", "unchanged")
                continue
            fields = {
                "establishment_id": self.establishment(detail),
                "sen_setting": "" if (detail.urn or detail.ukprn) else detail.sen_setting,
                "sen_setting_other": detail.sen_setting_other,
                "in_sen_unit": detail.sen_unit_indicator == "1",
                "in_resourced_provision": detail.resourced_provision_indicator == "1",
            }
            rank = int(detail.placement_rank or 1)
            if existing is None:
                self.writes.create(NamedSetting(plan=plan, rank=rank, **fields))
                self.count("named settings", "created")
            else:
                stored = NamedSetting.objects.get(plan_id=plan.pk, rank=rank)
                self.writes.update(NamedSetting, stored.pk, fields)
                self.count("named settings", "changed")

    # --- reviews and phase transfers ----------------------------------------------------------

    def apply_review(
        self, plan, active: ActivePlans, had: ActivePlans | None, case: CaseRow | None
    ) -> None:
        if not (active.review_meeting or active.last_review):
            return
        if had is not None and values(had, REVIEW_ELEMENTS) == values(active, REVIEW_ELEMENTS):
            self.count("reviews", "unchanged")
            return
        meeting = as_date(active.review_meeting)
        fields = {
            "meeting_on": meeting,
            "decision_on": as_date(active.last_review),
            "outcome": active.review_outcome,
            "amendment_draft_on": as_date(active.review_draft),
        }
        existing = None
        if case is not None and self.rows is not None:
            review = self.rows.reviews.get(case.plan_id or 0)
            if review is not None and review.meeting_on == meeting:
                existing = review.id
        if existing is not None:
            self.writes.update(Review, existing, fields)
            self.count("reviews", "changed")
            return
        due_from = meeting or fields["decision_on"]
        assert isinstance(due_from, dt.date)
        review = Review(plan=plan, due_on=due_from, **fields)
        if meeting is not None:
            review.decision_due_on = clock.review_decision_due(meeting)
            if active.review_outcome == "A":
                review.amended_plan_due_on = clock.amended_plan_due(meeting)
        self.writes.create(review)
        self.count("reviews", "created")

    def apply_transfer(self, plan, active: ActivePlans, had: ActivePlans | None) -> None:
        due = as_date(active.phase_transfer_due_date)
        if due is None:
            return
        final = as_date(active.phase_transfer_final_date)
        if self.rows is not None:
            if had is not None and values(had, TRANSFER_ELEMENTS) == values(
                active, TRANSFER_ELEMENTS
            ):
                self.count("phase transfers", "unchanged")
                return
            stored = PhaseTransfer.objects.filter(plan_id=plan.pk, transfer_year=due.year).first()
            if stored is not None:
                self.writes.update(
                    PhaseTransfer, stored.pk, {"deadline": due, "amended_plan_issued_on": final}
                )
                self.count("phase transfers", "changed")
                return
        move = (
            PhaseTransfer.Move.SECONDARY_TO_POST16
            if (due.month, due.day) == (3, 31)
            else PhaseTransfer.Move.PRIMARY_TO_SECONDARY
        )
        transfer = PhaseTransfer(
            plan=plan,
            move=move,
            transfer_year=due.year,
            deadline=due,
            amended_plan_issued_on=final,
        )
        self.writes.create(transfer)
        self.count("phase transfers", "created")

    # --- placements, needs and the EHC plan status --------------------------------------------

    def apply_active(self, person, active: list[ActivePlans], start: dt.date | None) -> None:
        had_placements: list[PlacementDetail] = []
        had_needs: dict[str, str] = {}
        rows = self.rows
        if rows is not None:
            period = self.period
            had_placements = [
                rules.placement_detail(s, period)
                for s in rows.placements
                if rules.attended(s, period)
            ]
            had_needs = {
                n.sen_type_rank: n.sen_type
                for n in rules.needs_on(rows.needs, period.reference_date)
            }
        seen = {values(p, layout.PLACEMENT_DETAIL) for p in had_placements}
        for plans in active:
            for placement in plans.placements:
                if values(placement, layout.PLACEMENT_DETAIL) in seen:
                    self.count("placements", "unchanged")
                    continue
                self.apply_placement(person, placement, rows)
            for need in plans.needs:
                if had_needs.get(need.sen_type_rank) == need.sen_type:
                    self.count("needs", "unchanged")
                    continue
                self.apply_need(person, need, rows, start)
        if person.pk not in self.e_status:
            self.start_ehc_status(person, start)

    def apply_placement(self, person, placement: PlacementDetail, rows) -> None:
        establishment = self.establishment(placement)
        entry = as_date(placement.entry_date)
        rank = int(placement.placement_rank or 1)
        fields = {
            "establishment_id": establishment,
            "sen_setting": "" if establishment else placement.sen_setting,
            "sen_setting_other": placement.sen_setting_other,
            "rank": rank,
            "start_date": entry,
            "end_date": as_date(placement.leaving_date),
            "in_sen_unit": placement.sen_unit_indicator == "1",
            "in_resourced_provision": placement.resourced_provision_indicator == "1",
            "residential": placement.res,
            "work_based": placement.wbp,
        }
        if rows is not None:
            where = rules._where
            for s in rows.placements:
                wanted = (placement.urn, placement.ukprn, placement.sen_setting)
                if where(s)[:3] == wanted and s.start_date == entry and s.rank == rank:
                    self.writes.update(Placement, s.id, fields)
                    self.count("placements", "changed")
                    return
        self.writes.create(Placement(person=person, **fields))
        self.count("placements", "created")

    def apply_need(self, person, need, rows, start: dt.date | None) -> None:
        day = self.period.reference_date
        rank = int(need.sen_type_rank or 1)
        current = None
        if rows is not None:
            live = [n for n in rows.needs if n.rank == rank and n.start_date <= day]
            current = max(live, key=lambda n: (n.start_date, n.id)) if live else None
        if current is not None and current.start_date == day:
            self.writes.update(Need, current.id, {"need_type": need.sen_type})
            self.count("needs", "changed")
            return
        if current is not None:
            self.writes.update(Need, current.id, {"end_date": day - dt.timedelta(days=1)})
            begins = day
        else:
            begins = min(start or day, day)
        self.writes.create(
            Need(person=person, need_type=need.sen_type, rank=rank, start_date=begins)
        )
        self.count("needs", "created")

    def start_ehc_status(self, person, start: dt.date | None) -> None:
        """The register shows the live plan from its start (as the casework services do)."""
        start = min(start or self.period.reference_date, self.period.reference_date)
        if person.pk is not None:
            for status in SenStatus.objects.filter(person_id=person.pk, end_date__isnull=True):
                self.writes.update(
                    SenStatus,
                    status.pk,
                    {"end_date": max(status.start_date, start - dt.timedelta(days=1))},
                )
        self.writes.create(SenStatus(person=person, provision="E", start_date=start))
        self.count("EHC plan statuses", "created")


def _settings(request: RequestRecord) -> Iterator[PlanDetail | PlacementDetail]:
    if request.assessment and request.assessment.named_plan:
        yield from request.assessment.named_plan.plan_details
    if request.active_plans:
        yield from request.active_plans.placements


def _kind(request: RequestRecord) -> str:
    if request.received_date or request.request_outcome != "H":
        return Request.Kind.INITIAL
    if request.active_plans is not None and request.active_plans.transfer_la:
        return Request.Kind.TRANSFER_IN
    return Request.Kind.HISTORICAL


class CaseMatcher:
    """Finds the existing case each `<Requests>` of a person describes, each case once."""

    def __init__(self, cases: list[CaseRow]):
        self.by_received: dict[dt.date, list[CaseRow]] = defaultdict(list)
        self.by_start: dict[dt.date, list[CaseRow]] = defaultdict(list)
        for case in sorted(cases, key=lambda c: c.id):
            if case.kind == Request.Kind.INITIAL and case.received_on is not None:
                self.by_received[case.received_on].append(case)
            elif case.kind in rules.WITHOUT_REQUEST and case.start_date is not None:
                self.by_start[case.start_date].append(case)

    def take(self, request: RequestRecord) -> CaseRow | None:
        if _kind(request) == Request.Kind.INITIAL:
            found = self.by_received.get(as_date(request.received_date) or dt.date.min)
        else:
            named = request.assessment.named_plan if request.assessment else None
            start = as_date(named.start_date) if named else None
            found = self.by_start.get(start or dt.date.min)
        return found.pop(0) if found else None
