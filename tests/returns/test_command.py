"""`opensend sen2 export|validate|import|stats`: exit codes, outputs and messages."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from opensend.accounts.roles import Role
from opensend.core.models import AccessEvent
from opensend.people.models import Person
from opensend.returns.models import Sen2Settings

SAMPLES = Path(__file__).parent / "sen2" / "samples"


def opensend(*args: str) -> subprocess.CompletedProcess:
    """The installed command, as a user runs it (no database needed for files alone)."""
    return subprocess.run(
        [sys.executable, "-m", "opensend.cli", "sen2", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_valid_file_exits_0_with_a_summary_on_stderr():
    done = opensend("validate", str(SAMPLES / "valid_2026.xml"))
    assert done.returncode == 0, done.stderr
    assert "valid_2026.xml: 10 people, 0 errors" in done.stderr
    assert "Traceback" not in done.stderr


def test_problems_are_listed_on_stdout_and_exit_1(tmp_path):
    text = (SAMPLES / "valid_2026.xml").read_text().replace("<Sex>F</Sex>", "<Sex>X</Sex>", 1)
    path = tmp_path / "SEN2.xml"
    path.write_text(text)
    problems = tmp_path / "problems.csv"
    done = opensend("validate", str(path), "-o", str(problems))
    assert done.returncode == 1
    line = next(line for line in done.stdout.splitlines() if "<Sex> 'X'" in line)
    assert line.startswith("line ")
    assert "Fix:" in line
    assert "not valid" in done.stderr
    assert "X" in problems.read_text(encoding="utf-8-sig")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "content",
    [b"", b"not xml at all", b"<Message><Header>", "<Message>é</Message>".encode("latin-1")],
)
def test_an_unreadable_file_exits_2_without_a_traceback(tmp_path, content):
    path = tmp_path / "SEN2.xml"
    path.write_bytes(content)
    done = opensend("validate", str(path))
    assert done.returncode == 2
    assert "SEN2.xml" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_missing_file_exits_2():
    done = opensend("validate", "/nonexistent/SEN2.xml")
    assert done.returncode == 2
    assert "There is no file /nonexistent/SEN2.xml" in done.stderr


def test_statistics_from_a_file_are_written_as_csv_tables(tmp_path):
    done = opensend("stats", str(SAMPLES / "valid_2026.xml"), "-o", str(tmp_path / "tables"))
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in (tmp_path / "tables").iterdir())
    assert "caseload.csv" in written
    assert "timeliness_20_week.csv" in written
    assert len(done.stdout.splitlines()) == len(written)


def test_a_bad_date_is_a_usage_error():
    done = opensend("export", "--reference-date", "16/01/2025", "-o", "x.xml", "--user", "a@b")
    assert done.returncode == 2
    assert "is not a date" in done.stderr


@pytest.mark.django_db
def test_export_then_import_as_the_users_of_the_local_authority(
    make_user, local_authority, tmp_path, capsys
):
    from tests.casework.factories import PlanFactory
    from tests.factories import PersonFactory

    analyst = make_user(Role.ANALYST, email="analyst@example.org")
    person = PersonFactory(responsible_la=local_authority, surname="Example")
    PlanFactory(assessment__case__person=person)
    path = tmp_path / "SEN2.xml"
    with pytest.raises(CommandError, match="Designated Medical Officer") as refused:
        call_command(
            "sen2",
            "export",
            "--reference-date",
            "2026-01-15",
            "-o",
            str(path),
            "--user",
            analyst.email,
        )
    assert refused.value.returncode == 2
    Sen2Settings.objects.create(local_authority=local_authority, dmo="Y", dco="Y", dsco="Y")
    call_command(
        "sen2", "export", "--reference-date", "2026-01-15", "-o", str(path), "--user", analyst.email
    )
    assert "Wrote the SEN2 return for 15 January 2026: 1 people" in capsys.readouterr().err
    with pytest.raises(CommandError, match="layout OpenSEND does not have yet") as refused:
        call_command(
            "sen2",
            "export",
            "--reference-date",
            "2027-01-21",
            "-o",
            str(tmp_path / "2027.xml"),
            "--user",
            analyst.email,
        )
    assert refused.value.returncode == 2
    assert not (tmp_path / "2027.xml").exists()
    assert "<Surname>Example</Surname>" in path.read_text()
    assert AccessEvent.objects.filter(object_type="SEN2 return", user=analyst).exists()
    call_command("sen2", "import", str(path), "--user", analyst.email)
    err = capsys.readouterr().err
    assert "Imported SEN2.xml: 1 people" in err
    assert Person.objects.count() == 1


@pytest.mark.django_db
def test_import_refuses_a_file_with_errors_and_changes_nothing(make_user, tmp_path):
    analyst = make_user(Role.ANALYST, email="analyst@example.org")
    text = (SAMPLES / "valid_2026.xml").read_text().replace("<Sex>F</Sex>", "<Sex>X</Sex>", 1)
    path = tmp_path / "SEN2.xml"
    path.write_text(text)
    with pytest.raises(CommandError, match="Nothing was imported") as refused:
        call_command("sen2", "import", str(path), "--user", analyst.email)
    assert refused.value.returncode == 1
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_a_caseworker_cannot_export(make_user, tmp_path):
    make_user(Role.CASEWORKER, email="caseworker@example.org")
    with pytest.raises(CommandError, match="does not have permission") as refused:
        call_command(
            "sen2",
            "export",
            "--reference-date",
            "2026-01-15",
            "-o",
            str(tmp_path / "x.xml"),
            "--user",
            "caseworker@example.org",
        )
    assert refused.value.returncode == 2
    assert not (tmp_path / "x.xml").exists()
