import datetime as dt

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from opensend.imports.gias import read_gias
from opensend.people.models import Establishment
from opensend.people.services import save_establishments

HEADER = (
    "URN,LA (code),EstablishmentName,TypeOfEstablishment (name),"
    "EstablishmentStatus (name),PhaseOfEducation (name),OpenDate,CloseDate,UKPRN,Postcode,"
    "TypeOfResourcedProvision (name)\n"
)


def gias(*rows: str, encoding="cp1252") -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode(encoding)


GOOD = [
    "107500,383,Synthetic Primary School,Community school,Open,Primary,01-09-1975,,,LS1 1AA,"
    "Resourced provision",
    "107501,383,Synthetic Special School,Community special school,Open,Not applicable,,,,LS2 2BB,"
    "Not applicable",
    "130000,383,Synthetic College,Further education,Open,16 plus,,,10001234,LS3 3CC,",
    "107502,383,Closed Infant School,Community school,Closed,Primary,,31-08-2019,,LS4 4DD,SEN unit",
]


def test_reads_a_gias_extract_in_windows_1252():
    welsh_name = GOOD[0].replace("107500", "107503").replace("Synthetic", "Ysgol Synthetig á")
    rows, problems = read_gias(gias(*GOOD, welsh_name))
    assert problems == []
    by_urn = {r.urn: r for r in rows}
    assert by_urn["107500"].has_resourced_provision
    assert not by_urn["107500"].has_sen_unit
    assert by_urn["107501"].phase == "SPECIAL"
    assert (by_urn["130000"].establishment_type, by_urn["130000"].phase) == ("FE_COLLEGE", "FE")
    assert by_urn["107502"].closed_on == dt.date(2019, 8, 31)
    assert "á" in by_urn["107503"].name


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "12345,383,X,Community school,Open,Primary,,,,,",
            "row 2, column URN, value '12345': A URN has 6",
        ),
        (
            "123456,383,X,Made-up school,Open,Primary,,,,,",
            "column TypeOfEstablishment (name), value 'Made-up school'",
        ),
        (
            "123456,383,X,Community school,Open,Primary,31-02-2020,,,,",
            "column OpenDate, value '31-02-2020': Enter a real date",
        ),
        ("123456,383,X,Community school,Open,Primary,,,12,,", "A UKPRN has 8 digits"),
        ("123456,383,X,Community school,Open,Primary", "This row has 6 fields; the header has 11"),
    ],
)
def test_problems_name_row_column_value_and_fix(row, expected):
    rows, problems = read_gias(gias(row))
    assert rows == []
    assert any(expected in str(p) for p in problems), problems


def test_duplicate_urns_and_missing_columns():
    _, problems = read_gias(gias(GOOD[0], GOOD[0]))
    assert "also on row 2" in problems[0].problem
    _, problems = read_gias(b"URN,EstablishmentName\n100000,X\n")
    assert {p.column for p in problems} == {"TypeOfEstablishment (name)", "PhaseOfEducation (name)"}
    _, problems = read_gias(b"")
    assert "empty" in problems[0].problem


@given(st.binary(max_size=300))
def test_any_bytes_give_rows_or_problems_never_an_exception(content):
    rows, problems = read_gias(content)
    assert rows == [] or problems == []


@pytest.mark.django_db
def test_saving_is_idempotent_and_updates_changes():
    rows, _ = read_gias(gias(*GOOD))
    assert save_establishments(rows) == {"created": 4, "updated": 0, "unchanged": 0}
    assert save_establishments(rows) == {"created": 0, "updated": 0, "unchanged": 4}
    renamed, _ = read_gias(gias(GOOD[0].replace("Synthetic Primary", "Renamed Primary")))
    assert save_establishments(renamed) == {"created": 0, "updated": 1, "unchanged": 0}
    assert Establishment.objects.get(urn="107500").name == "Renamed Primary School"


@pytest.mark.django_db
def test_establishments_command_imports_all_or_nothing(tmp_path, capsys, make_user):
    from opensend.accounts.roles import Role
    from tests.imports.test_command import run_command

    make_user(Role.ANALYST, email="analyst@example.org")
    good = tmp_path / "edubase.csv"
    good.write_bytes(gias(*GOOD))
    call_command("import", "establishments", str(good), "--user", "analyst@example.org")
    assert (
        "Imported edubase.csv: 4 rows; 4 added, 0 updated, 0 unchanged" in capsys.readouterr().err
    )

    bad = tmp_path / "bad.csv"
    bad.write_bytes(gias(GOOD[0].replace("Synthetic Primary", "Changed"), "1,383,X,,,,,,,,"))
    status, err = run_command(capsys, "establishments", str(bad), "--user", "analyst@example.org")
    assert status == 1
    assert "bad.csv, row 3, column URN, value '1': A URN has 6 digits" in err
    assert "Traceback" not in err
    assert Establishment.objects.get(urn="107500").name == "Synthetic Primary School"


@pytest.mark.django_db
def test_caseworkers_cannot_import_establishments(tmp_path, capsys, make_user):
    from opensend.accounts.roles import Role
    from tests.imports.test_command import run_command

    make_user(Role.CASEWORKER, email="cw@example.org")
    path = tmp_path / "edubase.csv"
    path.write_bytes(gias(*GOOD))
    status, err = run_command(capsys, "establishments", str(path), "--user", "cw@example.org")
    assert status == 2
    assert "does not have permission" in err
    assert not Establishment.objects.exists()
