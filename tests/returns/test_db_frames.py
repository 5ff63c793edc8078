"""Frames from the database are the frames of the LA's exported return."""

import datetime as dt

import pytest

from opensend.casework.models import Assessment, Plan, Request
from opensend.returns.sen2.db_frames import frames_from_database
from opensend.returns.sen2.frames import frames_from_persons
from opensend.returns.sen2.projection import export_persons
from opensend.returns.sen2.statistics import EstablishmentLookup, compute_tables, measures
from tests.factories import NeedFactory, PersonFactory, PlacementFactory

CENSUS = dt.date(2025, 1, 16)


def refused_request(la):
    person = PersonFactory(responsible_la=la, birth_date=dt.date(2016, 4, 2))
    Request.objects.create(
        person=person,
        local_authority=la,
        received_on=dt.date(2024, 3, 1),
        outcome="N",
        outcome_on=dt.date(2024, 4, 2),
    )


def new_plan(la):
    person = PersonFactory(responsible_la=la, birth_date=dt.date(2014, 3, 1), sex="M")
    case = Request.objects.create(
        person=person,
        local_authority=la,
        received_on=dt.date(2024, 2, 1),
        outcome="Y",
        outcome_on=dt.date(2024, 3, 1),
    )
    assessment = Assessment.objects.create(case=case, outcome="Y", outcome_on=dt.date(2024, 6, 1))
    Plan.objects.create(
        assessment=assessment,
        person=person,
        issued_on=dt.date(2024, 6, 1),
        start_date=dt.date(2024, 6, 1),
    )
    placement = PlacementFactory(person=person, start_date=dt.date(2024, 6, 1))
    NeedFactory(person=person, need_type="SLCN", start_date=dt.date(2024, 6, 1))
    return placement.establishment


@pytest.mark.django_db
def test_frames_of_one_la_count_as_its_export(local_authority):
    school = new_plan(local_authority)
    refused_request(local_authority)
    lookup = EstablishmentLookup(by_urn={school.urn: school.establishment_type})

    frames = frames_from_database(local_authority, CENSUS)
    tables = compute_tables(frames, lookup)
    exported = frames_from_persons(
        export_persons(local_authority, CENSUS), reference_date=CENSUS, la_code="383"
    )
    assert all(
        tables[name].equals(table) for name, table in compute_tables(exported, lookup).items()
    )

    caseload = tables["caseload"].row(0, named=True)
    assert (caseload["ehcplans"], caseload["mainstream_la_maintained"]) == ("1", "1")
    requests = tables["requests"].row(0, named=True)
    assert requests["requests_received_in_year"] == "2"
    assert requests["requests_decided_not_to_assess"] == "1"
    needs = tables["sen_needs_all_plans"].row(0, named=True)
    assert needs["number_slcn"] == "1"


@pytest.mark.django_db
def test_frames_of_all_las_stack_every_return(local_authority, other_local_authority):
    new_plan(local_authority)
    new_plan(other_local_authority)
    refused_request(other_local_authority)

    frames = frames_from_database(None, CENSUS)
    assert frames.persons["person_id"].n_unique() == 3
    assert frames.requests["request_id"].n_unique() == 3
    tables = measures(frames)
    assert tables["caseload"].row(0, named=True)["ehcplans"] == "2"
    assert tables["requests"].row(0, named=True)["requests_received_in_year"] == "3"
