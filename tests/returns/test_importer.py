"""Importing a SEN2 return: creates and updates the register and casework, changes nothing the
second time, and writes nothing at all when the file is wrong, another LA's, or the import fails.
"""

import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opensend.accounts.roles import Role
from opensend.casework.models import Dispute, NamedSetting, PhaseTransfer, Plan, Request, Review
from opensend.core.identifiers import make_upn
from opensend.core.models import AccessEvent
from opensend.imports.services import ImportRefused
from opensend.people.models import Need, Person, Placement, SenStatus
from opensend.returns.sen2 import import_apply
from opensend.returns.sen2.importer import import_return
from opensend.returns.sen2.records import (
    ActivePlans,
    Assessment,
    Header,
    NamedPlan,
    PlacementDetail,
    PlanDetail,
    SenNeed,
)
from opensend.returns.sen2.records import Person as PersonRecord
from opensend.returns.sen2.records import (
    Request as RequestRecord,
)
from opensend.returns.sen2.writer import write_return
from tests.casework.factories import CaseFactory
from tests.factories import EstablishmentFactory, PersonFactory, UserFactory

D = dt.date
UPN_PLAN, UPN_REQUEST = make_upn(383, 2001, 15, 1), make_upn(383, 2001, 15, 2)


def header(lea="383") -> Header:
    return Header(
        year="2025",
        reference_date="2025-01-16",
        lea=lea,
        software_code="Test",
        release="1",
        serial_no="001",
        date_time="2025-01-20T09:00:00",
        dmo="Y",
        dco="Y",
        dsco="Y",
    )


def with_plan() -> PersonRecord:
    """A plan issued in 2024 from a request received that year, with everything module 5 has."""
    return PersonRecord(
        surname="Adeyemi",
        forename="Kemi",
        person_birth_date="2013-10-02",
        sex="F",
        ethnicity="BAFR",
        post_code="LS6 2AB",
        upn=UPN_PLAN,
        requests=[
            RequestRecord(
                received_date="2024-01-15",
                request_source="2",
                rya="0",
                request_outcome_date="2024-02-19",
                request_outcome="Y",
                request_mediation="0",
                request_tribunal="0",
                assessment=Assessment(
                    assessment_outcome="Y",
                    assessment_outcome_date="2024-05-20",
                    assessment_mediation="0",
                    assessment_tribunal="0",
                    other_mediation="1",
                    other_tribunal="0",
                    week20="1",
                    named_plan=NamedPlan(
                        start_date="2024-05-20",
                        plan_details=[
                            PlanDetail(
                                urn="138001",
                                placement_rank="1",
                                sen_unit_indicator="0",
                                resourced_provision_indicator="1",
                            )
                        ],
                        pb="1",
                        oa="0",
                        dp="E",
                    ),
                ),
                active_plans=ActivePlans(
                    placements=[
                        PlacementDetail(
                            urn="138001",
                            placement_rank="1",
                            entry_date="2023-09-04",
                            sen_unit_indicator="0",
                            resourced_provision_indicator="1",
                        )
                    ],
                    needs=[
                        SenNeed(sen_type="SLCN", sen_type_rank="1"),
                        SenNeed(sen_type="ASD", sen_type_rank="2"),
                    ],
                    review_meeting="2024-12-02",
                    last_review="2024-12-16",
                    review_outcome="M",
                    phase_transfer_due_date="2025-02-15",
                ),
            )
        ],
    )


def refused() -> PersonRecord:
    return PersonRecord(
        surname="Lindqvist",
        forename="Oskar",
        person_birth_date="2017-01-30",
        sex="M",
        ethnicity="WOTH",
        upn=UPN_REQUEST,
        requests=[
            RequestRecord(
                received_date="2024-06-03",
                request_source="1",
                rya="0",
                request_outcome_date="2024-07-08",
                request_outcome="N",
                request_mediation="1",
                request_tribunal="1",
            )
        ],
    )


def content(*persons: PersonRecord, lea="383") -> bytes:
    out = io.BytesIO()
    write_return(out, header(lea), persons, year=2025)
    return out.getvalue()


@pytest.fixture
def actor(make_user):
    return make_user(Role.SEND_MANAGER)


@pytest.fixture
def school(db):
    return EstablishmentFactory(urn="138001", name="Hillside Primary School")


def run(actor, source: bytes, name="return.xml"):
    return import_return(actor=actor, file_name=name, source=source)


def nothing_written(la) -> bool:
    return not Person.objects.filter(responsible_la=la).exists() and not Request.objects.exists()


@pytest.mark.django_db
class TestCreates:
    def test_a_new_person_with_a_plan(self, actor, school, local_authority):
        result = run(actor, content(with_plan(), refused()))
        assert result.ok, result.summary()
        assert result.counts["persons"].created == 2
        kemi = Person.objects.get(upn=UPN_PLAN)
        assert (kemi.responsible_la, kemi.sex, kemi.postcode) == (local_authority, "F", "LS6 2AB")
        case = Request.objects.get(person=kemi)
        assert (case.kind, case.received_on, case.source, case.outcome) == (
            "initial",
            D(2024, 1, 15),
            "2",
            "Y",
        )
        assert case.stage == "plan"
        assert case.assessment.exception != ""
        assert "not which" in case.assessment.exception_note
        plan = Plan.objects.get(person=kemi)
        assert (plan.issued_on, plan.start_date, plan.personal_budget, plan.direct_payments) == (
            D(2024, 5, 20),
            D(2024, 5, 20),
            True,
            "E",
        )
        named = NamedSetting.objects.get(plan=plan)
        assert (named.establishment, named.rank, named.in_resourced_provision) == (school, 1, True)
        placement = Placement.objects.get(person=kemi)
        assert (placement.establishment, placement.start_date, placement.end_date) == (
            school,
            D(2023, 9, 4),
            None,
        )
        needs = Need.objects.filter(person=kemi).order_by("rank")
        assert [(n.need_type, n.rank, n.start_date) for n in needs] == [
            ("SLCN", 1, D(2024, 5, 20)),
            ("ASD", 2, D(2024, 5, 20)),
        ]
        review = Review.objects.get(plan=plan)
        assert (review.meeting_on, review.decision_on, review.outcome) == (
            D(2024, 12, 2),
            D(2024, 12, 16),
            "M",
        )
        transfer = PhaseTransfer.objects.get(plan=plan)
        assert (transfer.transfer_year, transfer.deadline) == (2025, D(2025, 2, 15))
        assert SenStatus.objects.get(person=kemi).provision == "E"
        assert Dispute.objects.get(case=case).decision == "CONTENTS"
        oskar = Request.objects.get(person__upn=UPN_REQUEST)
        assert (oskar.outcome, oskar.stage) == ("N", "closed")
        dispute = Dispute.objects.get(case=oskar)
        assert (dispute.decision, dispute.mediation_on, dispute.appeal_registered_on) == (
            "NOT_ASSESS",
            D(2024, 7, 8),
            D(2024, 7, 8),
        )

    def test_history_names_the_importer_and_the_import_is_logged(self, actor, school):
        run(actor, content(with_plan()), name="york-2025.xml")
        person = Person.objects.get(upn=UPN_PLAN)
        created = person.history.get()
        assert (created.history_user, created.history_type) == (actor, "+")
        assert "york-2025.xml" in created.history_change_reason
        assert Plan.history.filter(history_user=actor).count() == 1
        event = AccessEvent.objects.get(action="import", object_type="sen2 return")
        assert event.detail["people read"] == 1
        assert event.detail["plans"] == [1, 0, 0]


@pytest.mark.django_db
class TestUpdates:
    def test_matches_on_upn_and_changes_only_what_differs(self, actor, school, local_authority):
        person = PersonFactory(
            responsible_la=local_authority,
            upn=UPN_REQUEST,
            forename="Oskar",
            surname="Lindqvist",
            birth_date=D(2017, 1, 30),
            sex="U",
            ethnicity="WOTH",
            postcode="LS1 1AA",
        )
        case = CaseFactory(person=person, received_on=D(2024, 6, 3), source="1")
        result = run(actor, content(refused()))
        assert result.ok, result.summary()
        person.refresh_from_db()
        assert (person.sex, person.postcode) == ("M", "LS1 1AA")  # a blank post code kept
        case.refresh_from_db()
        assert (case.outcome, case.outcome_on) == ("N", D(2024, 7, 8))
        assert result.counts["persons"].changed == result.counts["requests"].changed == 1
        assert Request.objects.count() == 1
        assert case.history.first().history_user == actor

    def test_matches_on_name_and_birth_date_without_identifiers(self, actor, local_authority):
        person = PersonFactory(
            responsible_la=local_authority,
            upn="",
            forename="oskar",
            surname="LINDQVIST",
            birth_date=D(2017, 1, 30),
        )
        assert run(actor, content(refused())).ok
        person.refresh_from_db()
        assert person.upn == UPN_REQUEST
        assert Person.objects.count() == 1

    def test_the_same_file_twice_changes_nothing(self, actor, school):
        first = run(actor, content(with_plan(), refused()))
        assert first.ok, first.summary()
        counts = Request.history.count(), Person.history.count(), Need.history.count()
        second = run(actor, content(with_plan(), refused()))
        assert second.ok, second.summary()
        assert all(c.created == c.changed == 0 for c in second.counts.values()), second.summary()
        assert second.counts["persons"].unchanged == 2
        assert (Request.history.count(), Person.history.count(), Need.history.count()) == counts

    def test_a_changed_need_ends_the_old_one(self, actor, school):
        run(actor, content(with_plan()))
        changed = with_plan()
        changed.requests[0].active_plans.needs[0].sen_type = "SEMH"
        result = run(actor, content(changed))
        assert result.counts["needs"].created == 1
        needs = Need.objects.filter(person__upn=UPN_PLAN, rank=1).order_by("start_date")
        assert [(n.need_type, n.end_date) for n in needs] == [
            ("SLCN", D(2025, 1, 15)),
            ("SEMH", None),
        ]
        assert run(actor, content(changed)).counts["needs"].created == 0


@pytest.mark.django_db
class TestRefuses:
    def test_a_file_with_errors_writes_nothing(self, actor, school, local_authority):
        broken = refused()
        broken.sex = "X"
        result = run(actor, content(with_plan(), broken))
        assert not result.ok
        assert result.error_count >= 1
        assert any(p.element == "Sex" for p in result.errors)
        assert nothing_written(local_authority)
        assert "errors to correct" in result.summary()

    def test_another_las_file(self, actor, school, local_authority):
        result = run(actor, content(with_plan(), lea="816"))
        assert not result.ok
        assert "816" in result.message
        assert "383" in result.message
        assert nothing_written(local_authority)

    def test_an_unreadable_file(self, actor, local_authority):
        result = run(actor, b"this is not XML")
        assert not result.ok
        assert result.message
        assert nothing_written(local_authority)

    def test_a_setting_not_loaded(self, actor, local_authority):
        result = run(actor, content(refused(), with_plan()))
        assert "138001" in result.message
        assert "import establishments" in result.message
        assert nothing_written(local_authority)

    def test_a_failure_part_way_rolls_everything_back(
        self, actor, school, local_authority, monkeypatch
    ):
        real = import_apply.Importer.apply_chunk

        def then_fail(self, people, progress):
            real(self, people, progress)
            raise RuntimeError("disk full")

        monkeypatch.setattr(import_apply.Importer, "apply_chunk", then_fail)
        result = run(actor, content(with_plan(), refused()))
        assert "nothing was saved" in result.message
        assert "disk full" in result.message
        assert nothing_written(local_authority)
        assert not AccessEvent.objects.filter(action="import").exists()

    def test_someone_who_may_not_import(self, make_user):
        with pytest.raises(ImportRefused):
            run(make_user(Role.CASEWORKER), content(refused()))

    def test_someone_outside_a_local_authority(self, db):
        from tests.factories import OrganisationFactory

        user = UserFactory(role=Role.ANALYST, organisation=OrganisationFactory())
        with pytest.raises(ImportRefused, match="not in a local authority"):
            run(user, content(refused()))


VALID = None


def valid_file() -> bytes:
    global VALID
    if VALID is None:
        VALID = content(with_plan(), refused())
    return VALID


@pytest.mark.django_db
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_broken_files_never_write_anything(actor, school, local_authority, data):
    original = valid_file()
    how = data.draw(st.sampled_from(["truncate", "flip", "swap value"]))
    if how == "truncate":
        broken = original[: data.draw(st.integers(0, len(original) - 1))]
    elif how == "flip":
        at = data.draw(st.integers(0, len(original) - 1))
        broken = original[:at] + bytes([original[at] ^ 0x5A]) + original[at + 1 :]
    else:
        text = original.decode()
        values = [v for v in ("2024-05-20", ">F<", ">Y<", "383", "138001") if v in text]
        old = data.draw(st.sampled_from(values))
        new = data.draw(st.sampled_from(["2024-13-40", ">Q<", ">7<", "", "12"]))
        broken = text.replace(old, new).encode()
    before = Person.objects.filter(responsible_la=local_authority).count()
    result = run(actor, broken)
    if not result.ok:
        assert Person.objects.filter(responsible_la=local_authority).count() == before
        assert result.message or result.errors


@pytest.mark.django_db
def test_an_upload_is_validated_once(actor, school, local_authority, monkeypatch):
    from opensend.returns import services
    from opensend.returns.sen2 import validate

    calls = []
    checking = validate.validate_return
    monkeypatch.setattr(
        validate, "validate_return", lambda *a, **k: calls.append(1) or checking(*a, **k)
    )
    check = services.import_sen2_file(
        actor=actor, file_name="return.xml", source=content(with_plan(), refused())
    )
    assert check.import_summary["persons"]["created"] == 2
    assert len(calls) == 1
