import datetime as dt
import re

import pytest
from django.urls import reverse

from opensend.accounts.roles import OrganisationKind, Role
from opensend.core.models import AccessEvent
from opensend.people.models import Need, Person
from tests.factories import (
    EstablishmentFactory,
    NeedFactory,
    OrganisationFactory,
    PersonFactory,
    PlacementFactory,
    SenStatusFactory,
)

pytestmark = pytest.mark.django_db


def listed(response) -> set[int]:
    """The people listed on a register page, by their P0000123 references."""
    return {int(ref) for ref in re.findall(r">P(\d{7})<", response.content.decode())}


def test_another_local_authoritys_person_is_not_found(signed_in, other_local_authority):
    client = signed_in(Role.CASEWORKER)
    person = PersonFactory(responsible_la=other_local_authority)
    assert client.get(reverse("people:detail", args=[person.pk])).status_code == 404
    assert client.get(reverse("people:edit", args=[person.pk])).status_code == 404


def test_register_lists_only_own_local_authority(signed_in, local_authority, other_local_authority):
    client = signed_in(Role.SEND_MANAGER)
    PersonFactory(responsible_la=local_authority, forename="Ada", surname="Ownla")
    PersonFactory(responsible_la=other_local_authority, forename="Bea", surname="Otherla")
    content = client.get(reverse("people:list")).content.decode()
    assert "Ada Ownla" in content
    assert "Bea Otherla" not in content


def test_icb_staff_see_the_local_authorities_they_serve(
    client, make_user, local_authority, other_local_authority
):
    icb = OrganisationFactory(kind=OrganisationKind.ICB, name="Test ICB")
    icb.local_authorities.add(local_authority)
    client.force_login(make_user(Role.ANALYST, organisation=icb))
    served = PersonFactory(responsible_la=local_authority)
    unserved = PersonFactory(responsible_la=other_local_authority)
    assert client.get(reverse("people:detail", args=[served.pk])).status_code == 200
    assert client.get(reverse("people:detail", args=[unserved.pk])).status_code == 404


def test_school_staff_see_only_pupils_on_roll(client, make_user, local_authority):
    school = EstablishmentFactory(urn="123456")
    organisation = OrganisationFactory(kind=OrganisationKind.SCHOOL, urn="123456", name="School")
    client.force_login(make_user(Role.CASEWORKER, organisation=organisation))
    pupil = PlacementFactory(establishment=school, person__responsible_la=local_authority).person
    left = PlacementFactory(establishment=school, end_date=dt.date(2021, 7, 20)).person
    assert client.get(reverse("people:detail", args=[pupil.pk])).status_code == 200
    assert client.get(reverse("people:detail", args=[left.pk])).status_code == 404


@pytest.mark.parametrize(
    "query_for",
    [
        lambda p: p.upn,
        lambda p: p.upn.lower(),
        lambda p: p.reference,
        lambda p: p.local_id,
        lambda p: p.surname,
        lambda p: f"{p.forename[:3]} {p.surname}",
    ],
)
def test_search_by_identifier_or_name(signed_in, local_authority, query_for):
    client = signed_in(Role.CASEWORKER)
    person = PersonFactory(
        responsible_la=local_authority, local_id="CMS-42", forename="Zinnia", surname="Quartermaine"
    )
    PersonFactory(responsible_la=local_authority, forename="Other", surname="Child")
    response = client.get(reverse("people:list"), {"q": query_for(person)})
    assert listed(response) == {person.pk}


def test_filters_by_status_need_and_age(signed_in, local_authority):
    client = signed_in(Role.CASEWORKER)
    with_plan = PersonFactory(responsible_la=local_authority, birth_date=dt.date(2012, 1, 1))
    SenStatusFactory(person=with_plan, provision="E")
    NeedFactory(person=with_plan, need_type="SEMH")
    support = PersonFactory(responsible_la=local_authority, birth_date=dt.date(2018, 1, 1))
    SenStatusFactory(person=support, provision="K")
    NeedFactory(person=support, need_type="SLCN")

    def found(**params):
        return listed(client.get(reverse("people:list"), params))

    assert found(provision="E") == {with_plan.pk}
    assert found(provision="K") == {support.pk}
    assert found(need="SLCN") == {support.pk}
    assert found(age_from=10) == {with_plan.pk}
    assert found(age_to=9) == {support.pk}


def test_person_view_is_audited_with_purpose(signed_in, local_authority):
    client = signed_in(Role.CASEWORKER)
    person = PersonFactory(responsible_la=local_authority)
    client.get(reverse("people:detail", args=[person.pk]), {"via": "register"})
    event = AccessEvent.objects.get()
    assert (event.action, event.person_id, event.user, event.purpose) == (
        "view",
        person.pk,
        client.user,
        "register",
    )


def test_refused_view_is_not_a_disclosure(signed_in, other_local_authority):
    client = signed_in(Role.CASEWORKER)
    person = PersonFactory(responsible_la=other_local_authority)
    client.get(reverse("people:detail", args=[person.pk]))
    assert not AccessEvent.objects.exists()


def test_export_requires_a_reason_and_is_audited(signed_in, local_authority):
    client = signed_in(Role.ANALYST)
    PersonFactory(responsible_la=local_authority, forename="=HYPERLINK(1)", surname="Safe")
    response = client.post(reverse("people:export"), {})
    assert response.status_code == 200
    assert b"Choose why you need this download" in response.content
    assert not AccessEvent.objects.exists()

    response = client.post(reverse("people:export"), {"purpose": "analysis", "format": "csv"})
    assert response["Content-Type"] == "text/csv"
    body = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in body
    event = AccessEvent.objects.get()
    assert event.action == "export"
    assert event.detail["rows"] == 1


def test_xlsx_export(signed_in, local_authority):
    client = signed_in(Role.SEND_MANAGER)
    PersonFactory(responsible_la=local_authority)
    response = client.post(reverse("people:export"), {"purpose": "casework", "format": "xlsx"})
    assert response.content[:2] == b"PK"


def person_form_data(**overrides):
    data = {
        "forename": "Nia",
        "surname": "Synthetic",
        "birth_date-day": "3",
        "birth_date-month": "4",
        "birth_date-year": "2015",
        "sex": "F",
        "ethnicity": "WBRI",
        "upn": "",
        "uln": "",
        "upn_unknown": "UN1",
        "postcode": "ls1 4ap",
    }
    data.update(overrides)
    return data


def test_create_person_records_creator_and_history(signed_in, local_authority):
    client = signed_in(Role.CASEWORKER)
    response = client.post(reverse("people:create"), person_form_data())
    person = Person.objects.get()
    assert response.status_code == 302
    assert person.responsible_la == local_authority
    assert person.postcode == "LS1 4AP"
    assert person.created_by == client.user
    assert person.history.get().history_user == client.user


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"upn": "B123456789012", "upn_unknown": ""}, "check letter"),
        ({"upn_unknown": ""}, "Enter a UPN or ULN, or choose why neither is known"),
        ({"birth_date-month": "13"}, "Date of birth must be a real date"),
        ({"birth_date-year": ""}, "Date of birth must include a year"),
        ({"birth_date-year": "2999"}, "must be today or in the past"),
        ({"forename": ""}, "s first name"),
        ({"postcode": "NOT A POSTCODE"}, "Enter a real postcode"),
    ],
)
def test_create_person_errors_show_in_summary(signed_in, changes, message):
    client = signed_in(Role.CASEWORKER)
    response = client.post(reverse("people:create"), person_form_data(**changes))
    content = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in content
    assert message in content
    assert content.count(message) >= 2  # in the summary and beside the field
    assert "<title>Error: " in content
    assert not Person.objects.exists()


def test_need_code_checked_against_collection_year(signed_in, local_authority):
    client = signed_in(Role.CASEWORKER)
    person = PersonFactory(responsible_la=local_authority)
    data = {
        "need_type": "DS",
        "rank": "1",
        "start_date-day": "1",
        "start_date-month": "3",
        "start_date-year": "2024",
    }
    response = client.post(reverse("people:fact-add", args=[person.pk, "need"]), data)
    assert "not a valid need type code in 2024" in response.content.decode()
    data["start_date-month"], data["start_date-day"] = "10", "1"
    response = client.post(reverse("people:fact-add", args=[person.pk, "need"]), data)
    assert response.status_code == 302
    assert Need.objects.get(person=person).need_type == "DS"


def test_fact_of_another_person_cannot_be_edited_through_mine(signed_in, local_authority):
    client = signed_in(Role.CASEWORKER)
    mine = PersonFactory(responsible_la=local_authority)
    someone_elses_need = NeedFactory(person__responsible_la=local_authority)
    url = reverse("people:fact-edit", args=[mine.pk, "need", someone_elses_need.pk])
    assert client.get(url).status_code == 404


def test_unknown_fact_kind_is_not_found(signed_in, local_authority):
    client = signed_in(Role.CASEWORKER)
    person = PersonFactory(responsible_la=local_authority)
    assert client.get(f"/register/people/{person.pk}/nonsense/new/").status_code == 404


def test_person_page_shows_timeline(signed_in, local_authority):
    client = signed_in(Role.CASEWORKER)
    person = PersonFactory(responsible_la=local_authority)
    SenStatusFactory(person=person, provision="E", start_date=dt.date(2021, 2, 3))
    content = client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "EHC plan started" in content
    assert "3 February 2021" in content
