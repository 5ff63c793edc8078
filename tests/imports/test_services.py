"""Importing the register: all or nothing, the same file twice changes nothing, history kept."""

import datetime as dt

import pytest
from freezegun import freeze_time

from opensend.accounts.roles import Role
from opensend.core.models import AccessEvent
from opensend.imports.services import ImportRefused, import_register
from opensend.people.models import Circumstance, Need, Person, Placement, SenStatus
from tests.factories import CircumstanceFactory, NeedFactory, OrganisationFactory, PersonFactory
from tests.imports.helpers import REGISTER_MODELS, person_row, register_csv, register_state

pytestmark = pytest.mark.django_db
IMPORT_DAY = "2025-06-02"


def run(actor, *rows, file_name="register.csv", content=None):
    content = register_csv(*rows) if content is None else content
    return import_register(actor=actor, file_name=file_name, content=content)


def modified_times() -> dict:
    return {
        model: sorted(model.objects.values_list("pk", "modified_at")) for model in REGISTER_MODELS
    }


@freeze_time(IMPORT_DAY)
def test_a_valid_file_adds_people_and_their_current_facts(analyst, schools):
    result = run(
        analyst,
        person_row(1, secondary_need="SLCN", social_care_team="North Team"),
        person_row(2, upn="", upn_unknown="UN1", setting_urn="", sen_setting="EHE"),
    )
    assert result.ok
    assert (result.rows, result.created, result.updated, result.unchanged) == (2, 2, 0, 0)
    person = Person.objects.get(local_id="CMS-00001")
    assert person.responsible_la == analyst.organisation
    assert person.created_by == analyst
    assert person.sen_statuses.get().provision == "E"
    primary, secondary = person.needs.order_by("rank")
    assert (primary.need_type, primary.start_date) == ("ASD", dt.date(2021, 9, 1))
    assert (secondary.need_type, secondary.start_date) == ("SLCN", dt.date(2025, 6, 2))
    assert person.placements.get().establishment == schools[0]
    assert {(c.kind, c.detail) for c in person.circumstances.all()} == {
        ("FSM", ""),
        ("CSC", "North Team"),
    }
    assert Placement.objects.get(person__local_id="CMS-00002").sen_setting == "EHE"
    assert {h.history_user for h in Person.history.all()} == {analyst}
    event = AccessEvent.objects.get()
    assert (event.user, event.action, event.object_type, event.purpose) == (
        analyst,
        "import",
        "register",
        "Register import",
    )
    assert event.detail == {
        "file_name": "register.csv",
        "rows": 2,
        "created": 2,
        "updated": 0,
        "unchanged": 0,
    }


def test_importing_the_same_file_twice_changes_nothing_the_second_time(analyst, schools):
    content = register_csv(
        *(
            person_row(n, secondary_need="MLD", cp="Y", social_care_team="North Team")
            for n in range(20)
        )
    )
    run(analyst, content=content)
    before, times = register_state(), modified_times()
    result = run(analyst, content=content)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 20)
    assert register_state() == before
    assert modified_times() == times


def test_a_changed_fact_ends_the_old_one_the_day_before_the_new_one_starts(analyst, schools):
    run(analyst, person_row(1), person_row(2))
    result = run(
        analyst,
        person_row(
            1,
            primary_need="SLCN",
            primary_need_start_date="2024-01-08",
            setting_urn="139002",
            setting_start_date="2024-09-02",
        ),
        person_row(2),
    )
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    person = Person.objects.get(local_id="CMS-00001")
    old, new = person.needs.order_by("start_date")
    assert (old.need_type, old.start_date, old.end_date) == (
        "ASD",
        dt.date(2021, 9, 1),
        dt.date(2024, 1, 7),
    )
    assert (new.need_type, new.start_date, new.end_date) == ("SLCN", dt.date(2024, 1, 8), None)
    left, joined = person.placements.order_by("start_date")
    assert left.end_date == dt.date(2024, 9, 1)
    assert joined.establishment == schools[1]
    assert old.history.count() == 2
    assert old.history.first().history_user == analyst


def test_a_fact_starting_on_or_before_the_current_one_corrects_it(analyst, schools):
    run(analyst, person_row(1))
    run(analyst, person_row(1, primary_need="SLCN", primary_need_start_date="2021-09-01"))
    need = Need.objects.get()
    assert (need.need_type, need.start_date, need.end_date) == ("SLCN", dt.date(2021, 9, 1), None)
    assert [h.need_type for h in need.history.order_by("history_date")] == ["ASD", "SLCN"]


def test_a_new_start_date_for_the_same_fact_corrects_the_date(analyst, schools):
    run(analyst, person_row(1))
    result = run(analyst, person_row(1, sen_start_date="2020-01-06"))
    assert result.updated == 1
    assert SenStatus.objects.get().start_date == dt.date(2020, 1, 6)


@freeze_time(IMPORT_DAY)
def test_flags_y_start_n_end_and_blank_leaves_a_circumstance(analyst, schools):
    run(analyst, person_row(1, cla="Y", fsm="Y", young_carer="Y"))
    with freeze_time("2025-07-01"):
        run(analyst, person_row(1, cla="N", fsm="", young_carer="Y"))
    kinds = {c.kind: c for c in Circumstance.objects.all()}
    assert kinds["CLA"].end_date == dt.date(2025, 6, 30)
    assert kinds["FSM"].end_date is None
    assert kinds["YC"].end_date is None


def test_a_blank_cell_leaves_what_the_register_holds(analyst, schools):
    run(analyst, person_row(1, middle_names="Grace", postcode="LS1 4AP"))
    result = run(
        analyst,
        person_row(
            1,
            middle_names="",
            postcode="",
            sen_provision="",
            sen_start_date="",
            primary_need="",
            primary_need_start_date="",
        ),
    )
    assert result.unchanged == 1
    person = Person.objects.get()
    assert (person.middle_names, person.postcode) == ("Grace", "LS1 4AP")
    assert person.needs.get().end_date is None
    assert person.sen_statuses.get().end_date is None


def test_a_changed_name_updates_the_person_with_history(analyst, schools):
    run(analyst, person_row(1))
    result = run(analyst, person_row(1, forename="Amy"))
    assert result.updated == 1
    person = Person.objects.get()
    assert person.forename == "Amy"
    assert person.modified_by == analyst
    assert [h.forename for h in person.history.order_by("history_date")] == ["Amara", "Amy"]


def test_another_local_authoritys_person_with_the_same_local_id_is_untouched(
    analyst, schools, other_local_authority
):
    theirs = PersonFactory(
        responsible_la=other_local_authority, local_id="CMS-00001", forename="Yorkshire"
    )
    NeedFactory(person=theirs)
    result = run(analyst, person_row(1))
    assert result.created == 1
    theirs.refresh_from_db()
    assert theirs.forename == "Yorkshire"
    assert theirs.history.count() == 1
    assert theirs.needs.get().end_date is None


def test_a_person_added_by_hand_is_matched_by_upn_and_given_the_local_id(analyst, schools):
    row = person_row(1)
    by_hand = PersonFactory(responsible_la=analyst.organisation, upn=row["upn"], local_id="")
    result = run(analyst, row)
    assert (result.created, result.updated) == (0, 1)
    by_hand.refresh_from_db()
    assert by_hand.local_id == "CMS-00001"
    assert by_hand.needs.count() == 1


def assert_nothing_written(before):
    assert register_state() == before
    assert not AccessEvent.objects.exists()


BAD_FILES = {
    "bad UPN check letter": (
        register_csv(person_row(1), person_row(2, upn="A800100015001")),
        3,
        "upn",
    ),
    "unknown need code": (
        register_csv(person_row(1), person_row(2, primary_need="AUT")),
        3,
        "primary_need",
    ),
    "impossible date": (register_csv(person_row(1, birth_date="31/02/2020")), 2, "birth_date"),
    "duplicate row": (register_csv(person_row(1), person_row(1)), 3, "local_id"),
    "wrong encoding": (
        register_csv(person_row(1, forename="Zoé")).decode().encode("cp1252"),
        2,
        "",
    ),
    "empty file": (b"", None, ""),
    "missing column": (register_csv(person_row(1), columns=["local_id", "forename"]), 1, "upn"),
    "unknown column": (register_csv(person_row(1), columns=["surname_2", *person_row(1)]), 1, "A"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_file_with_any_problem_writes_nothing(analyst, schools, case):
    content, row, column = BAD_FILES[case]
    run(analyst, person_row(1, forename="Before"))
    AccessEvent.objects.all().delete()
    before = register_state()
    result = run(analyst, content=content)
    assert not result.ok
    assert result.created == result.updated == 0
    assert (result.errors[0].row, result.errors[0].column) == (row, column)
    assert str(result.errors[0]).startswith("register.csv")
    assert_nothing_written(before)
    assert Person.objects.get().forename == "Before"


def test_an_unknown_urn_is_a_row_problem_and_nothing_is_written(analyst, schools):
    before = register_state()
    result = run(analyst, person_row(1), person_row(2, setting_urn="999999"), person_row(3))
    [error] = result.errors
    assert (error.row, error.column, error.value) == (3, "setting_urn", "999999")
    assert "URN 999999" in error.problem
    assert "Load establishments from GIAS first" in error.problem
    assert_nothing_written(before)


def test_a_ukprn_finds_a_setting_without_a_urn(analyst, schools):
    run(analyst, person_row(1, setting_urn="", setting_ukprn="10039001"))
    assert Placement.objects.get().establishment == schools[2]


def test_a_upn_that_is_another_persons_is_a_row_problem(analyst, schools):
    row = person_row(1)
    PersonFactory(responsible_la=analyst.organisation, upn=row["upn"], local_id="CMS-OTHER")
    before = register_state()
    [error] = run(analyst, row).errors
    assert error.column == "upn"
    assert "already on the register for another person" in error.problem
    assert "local ID CMS-OTHER" in error.problem
    assert_nothing_written(before)


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.BOARD_MEMBER])
def test_only_people_with_the_import_permission_can_import(make_user, role):
    with pytest.raises(ImportRefused, match="permission"):
        run(make_user(role=role), person_row(1))


def test_staff_outside_a_local_authority_cannot_import(make_user):
    user = make_user(role=Role.ANALYST, organisation=OrganisationFactory())
    with pytest.raises(ImportRefused, match="local authority"):
        run(user, person_row(1))
    assert not Person.objects.exists()


def test_queries_do_not_grow_row_by_row(analyst, schools, django_assert_max_num_queries):
    CircumstanceFactory(person=PersonFactory(responsible_la=analyst.organisation))
    rows = [person_row(n, secondary_need="SLCN") for n in range(300)]
    with django_assert_max_num_queries(120):
        result = run(analyst, *rows)
    assert result.created == 300
    changed = [
        person_row(n, primary_need="MLD", primary_need_start_date="2024-09-02") for n in range(300)
    ]
    with django_assert_max_num_queries(120):
        assert run(analyst, *changed).updated == 300


@freeze_time(IMPORT_DAY)
def test_a_new_social_care_team_ends_the_old_one(analyst, schools):
    run(analyst, person_row(1, social_care_team="North Team"))
    with freeze_time("2025-09-01"):
        run(analyst, person_row(1, social_care_team="South Team"))
    old, new = Circumstance.objects.filter(kind="CSC").order_by("start_date")
    assert (old.detail, old.end_date) == ("North Team", dt.date(2025, 8, 31))
    assert (new.detail, new.start_date, new.end_date) == ("South Team", dt.date(2025, 9, 1), None)


def test_progress_is_reported_for_checking_and_saving(analyst, schools):
    reports = []
    import_register(
        actor=analyst,
        file_name="register.csv",
        content=register_csv(person_row(1), person_row(2)),
        progress=lambda stage, done, total: reports.append((stage, done, total)),
    )
    assert ("Checking rows", 2, 2) in reports
    stage, done, total = reports[-1]
    assert (stage, done) == ("Saving", total)
