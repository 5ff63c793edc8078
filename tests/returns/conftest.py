"""Casework for the SEN2 fast paths' tests: hand-built cases of every kind and stage, and the
York demo, each compared with the projection path (tests/returns/test_sql_*.py)."""

import datetime as dt

import pytest

from opensend.accounts.models import Organisation
from opensend.accounts.roles import OrganisationKind
from opensend.casework.models import Request
from opensend.demo.generator import create_partnership, remove_all_demo_data
from opensend.demo.published import targets_for
from tests.casework.factories import (
    AssessmentFactory,
    CaseFactory,
    DisputeFactory,
    NamedSettingFactory,
    PhaseTransferFactory,
    PlanFactory,
    ReviewFactory,
)
from tests.factories import (
    EstablishmentFactory,
    LocalAuthorityFactory,
    NeedFactory,
    PersonFactory,
    PlacementFactory,
)

D = dt.date
CENSUS_DATES = [D(2024, 1, 18), D(2025, 1, 16), D(2026, 1, 15)]


# --- hand-built casework: every kind of case and every stage ---------------------------------


def person(la, **values):
    return PersonFactory(responsible_la=la, **values)


def requested(la, received, outcome="A", outcome_on=None, who=None, **values):
    return CaseFactory(
        person=who or person(la),
        local_authority=la,
        received_on=received,
        outcome=outcome,
        outcome_on=outcome_on,
        **values,
    )


def planned(case, assessed, issued, **values):
    assessment = AssessmentFactory(case=case, outcome="Y", outcome_on=assessed)
    return PlanFactory(assessment=assessment, issued_on=issued, start_date=issued, **values)


def without_request(la, kind, arrived, started, **values):
    case = CaseFactory(
        person=person(la),
        local_authority=la,
        kind=kind,
        received_on=None if kind == Request.Kind.HISTORICAL else arrived,
        outcome="H",
        outcome_on=arrived,
        transferred_from_la="816" if kind == Request.Kind.TRANSFER_IN else "",
        decision_due_on=None,
        final_plan_due_on=None,
        next_due_on=None,
    )
    assessment = AssessmentFactory(
        case=case, outcome="H", outcome_on=None, no_plan_notice_due_on=None
    )
    return PlanFactory(assessment=assessment, issued_on=started, start_date=started, **values)


def requests_at_every_stage(la):
    requested(la, D(2024, 11, 4))  # awaiting the decision to assess
    requested(la, D(2023, 10, 2))  # awaiting it since before the period
    requested(la, D(2025, 3, 3), outcome="Y", outcome_on=D(2025, 4, 14))  # after the 2025 census
    DisputeFactory(
        case=requested(la, D(2024, 2, 5), outcome="N", outcome_on=D(2024, 3, 11)),
        decision_on=D(2024, 3, 11),
        mediation_on=D(2024, 4, 20),
        appeal_registered_on=D(2025, 3, 1),
    )
    requested(
        la, D(2024, 5, 1), outcome="W", outcome_on=D(2024, 5, 20), in_youth_accommodation=True
    )
    requested(la, D(2022, 2, 1), outcome="N", outcome_on=D(2022, 3, 1))  # long finished
    requested(la, D(2024, 6, 3), outcome="Y", outcome_on=D(2024, 7, 15))  # assessing, no row
    AssessmentFactory(  # assessing, with a row
        case=requested(la, D(2024, 9, 2), outcome="Y", outcome_on=D(2024, 10, 7)), outcome="A"
    )
    refused = AssessmentFactory(
        case=requested(la, D(2023, 11, 6), outcome="Y", outcome_on=D(2023, 12, 18)),
        outcome="N",
        outcome_on=D(2024, 3, 4),
        exception="SCHOOL",
    )
    DisputeFactory(case=refused.case, decision="NOT_ISSUE", appeal_registered_on=D(2024, 5, 2))
    AssessmentFactory(
        case=requested(la, D(2024, 1, 8), outcome="Y", outcome_on=D(2024, 2, 19)),
        outcome="W",
        outcome_on=D(2024, 4, 1),
    )
    # Moved away: during the period, and before it.
    requested(la, D(2024, 3, 4), exported_to_la="816", exported_on=D(2024, 4, 2))
    requested(la, D(2022, 3, 7), exported_to_la="816", exported_on=D(2022, 6, 1))


def plans_of_every_kind(la):
    """Issued, historical, transferred in, ceased in and after the period, with everything an
    active plan can hold."""
    school = EstablishmentFactory(urn="123456")
    college = EstablishmentFactory(urn="", ukprn="10012345", phase="POST16")
    rich = planned(
        requested(
            la,
            D(2023, 11, 20),
            outcome="Y",
            outcome_on=D(2024, 1, 8),
            who=person(la, sex="U", ethnicity="BAF "),
        ),
        D(2024, 3, 25),
        D(2024, 4, 8),
        personal_budget=True,
        organised_arrangements=True,
        direct_payments="E",
        residential="A",
        work_based="S",
        cease_reason="3",
    )
    rich.assessment.exception = "AWAY"
    rich.assessment.save()
    NamedSettingFactory(plan=rich, establishment=school, rank=1, in_resourced_provision=True)
    NamedSettingFactory(plan=rich, establishment=None, sen_setting="EHE", rank=2)
    who = rich.person
    for start, end, where, rank in [
        (D(2023, 9, 1), D(2024, 7, 19), school, 1),
        (D(2024, 9, 2), None, college, 1),
        (D(2020, 9, 1), D(2022, 7, 20), school, 1),  # before every period
        (D(2025, 9, 1), None, school, 2),  # after the 2025 census
    ]:
        PlacementFactory(person=who, establishment=where, start_date=start, end_date=end, rank=rank)
    PlacementFactory(
        person=who, establishment=None, sen_setting="OTH", start_date=D(2024, 1, 8), rank=2
    )
    for need, rank, start, end in [
        ("SLCN", 1, D(2021, 1, 4), None),
        ("ASD", 1, D(2024, 6, 3), None),  # the later primary need wins
        ("SEMH", 2, D(2022, 1, 4), None),
        ("MLD", 2, D(2023, 1, 4), D(2024, 12, 31)),  # ended before the 2025 census
        ("PD", 3, D(2020, 1, 6), None),  # not a rank SEN2 reports
    ]:
        NeedFactory(person=who, need_type=need, rank=rank, start_date=start, end_date=end)
    for meeting, decision, outcome, draft in [
        (D(2024, 12, 2), D(2024, 12, 20), "A", D(2025, 1, 6)),
        (D(2025, 1, 10), None, "", None),  # held, not yet decided on the 2025 census
        (D(2025, 12, 1), D(2025, 12, 15), "M", None),
    ]:
        ReviewFactory(
            plan=rich,
            due_on=meeting,
            meeting_on=meeting,
            decision_on=decision,
            outcome=outcome,
            amendment_draft_on=draft,
        )
    for year, issued in [(2024, D(2024, 2, 9)), (2025, D(2025, 3, 1)), (2026, None)]:
        PhaseTransferFactory(plan=rich, transfer_year=year, amended_plan_issued_on=issued)
    DisputeFactory(case=rich.assessment.case, decision="CONTENTS", mediation_on=D(2024, 6, 3))
    reassessment = CaseFactory(
        person=who,
        local_authority=la,
        kind=Request.Kind.REASSESSMENT,
        reassessed_plan=rich,
        received_on=D(2024, 9, 2),
    )
    DisputeFactory(case=reassessment, decision="NOT_REASSESS", appeal_registered_on=D(2024, 10, 1))

    old = planned(
        requested(la, D(2019, 1, 7), outcome="Y", outcome_on=D(2019, 2, 18)),
        D(2019, 5, 13),
        D(2019, 5, 27),
    )
    NamedSettingFactory(plan=old, establishment=college)
    PlacementFactory(person=old.person, establishment=college, start_date=D(2019, 9, 2))
    NeedFactory(person=old.person, need_type="SPLD", start_date=D(2019, 1, 7))
    ReviewFactory(
        plan=old,
        due_on=D(2024, 5, 1),
        meeting_on=None,
        decision_due_on=D(2024, 5, 29),
        decision_on=D(2024, 5, 20),
    )
    requested(la, D(2024, 10, 7), who=old.person)  # a second request of the same person

    ceased_in_period = planned(
        requested(la, D(2020, 1, 6), outcome="Y", outcome_on=D(2020, 2, 17)),
        D(2020, 5, 11),
        D(2020, 5, 25),
        ceased_on=D(2024, 7, 31),
        cease_reason="1",
    )
    NeedFactory(person=ceased_in_period.person, need_type="HI", start_date=D(2019, 1, 7))
    planned(
        requested(la, D(2020, 1, 6), outcome="Y", outcome_on=D(2020, 2, 17)),
        D(2020, 5, 11),
        D(2020, 5, 25),
        ceased_on=D(2025, 3, 31),  # after the 2025 census
        cease_reason="2",
    )
    planned(  # issued after the 2024 census
        requested(la, D(2023, 12, 4), outcome="Y", outcome_on=D(2024, 1, 8)),
        D(2024, 4, 15),
        D(2024, 4, 29),
    )
    planned(  # an assessment begun in another LA and finished here
        requested(
            la, D(2024, 2, 5), outcome="Y", outcome_on=D(2024, 3, 4), transferred_from_la="816"
        ),
        D(2024, 6, 17),
        D(2024, 7, 1),
    )
    without_request(la, Request.Kind.TRANSFER_IN, D(2024, 9, 16), D(2023, 5, 1))
    without_request(la, Request.Kind.TRANSFER_IN, D(2022, 9, 12), D(2021, 5, 3))
    without_request(la, Request.Kind.HISTORICAL, None, D(2018, 3, 5))
    without_request(
        la, Request.Kind.HISTORICAL, None, D(2017, 6, 5), ceased_on=D(2024, 8, 31), cease_reason="4"
    )
    moved = planned(
        requested(la, D(2021, 2, 1), outcome="Y", outcome_on=D(2021, 3, 15)),
        D(2021, 6, 7),
        D(2021, 6, 21),
    )
    moved.assessment.case.exported_to_la = "816"
    moved.assessment.case.exported_on = D(2024, 10, 1)
    moved.assessment.case.save()


@pytest.fixture
def casework(local_authority, other_local_authority):
    requests_at_every_stage(local_authority)
    plans_of_every_kind(local_authority)
    requests_at_every_stage(other_local_authority)
    LocalAuthorityFactory(name="Testshire", la_code="370")  # an LA with no cases, coded first
    return local_authority, other_local_authority


# --- the York demo ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def york(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        create_partnership(targets_for("York"), seed=1, today=D(2026, 11, 22))
        yield Organisation.objects.get(kind=OrganisationKind.LOCAL_AUTHORITY, name="York")
        remove_all_demo_data()
