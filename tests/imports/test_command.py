"""`opensend import register FILE.csv --user EMAIL`: exit 0 imported, 1 problems, 2 unreadable."""

import importlib
from unittest import mock

import pytest
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError

from opensend.accounts.roles import Role
from opensend.people.models import Person
from tests.imports.helpers import person_row, register_csv

pytestmark = pytest.mark.django_db
Command = importlib.import_module("opensend.imports.management.commands.import").Command


@pytest.fixture
def csv_file(tmp_path):
    def write(content: bytes, name: str = "register.csv"):
        path = tmp_path / name
        path.write_bytes(content)
        return path

    return write


def run_command(capsys, *args: str) -> tuple[int, str]:
    """Run as the `opensend` script does: (exit status, everything written to stderr)."""
    with mock.patch("django.db.connections.close_all"), pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(["opensend", "import", *args])
    return exit_.value.code, capsys.readouterr().err


def test_a_valid_file_is_imported_and_summarised_on_stderr(analyst, schools, csv_file, capsys):
    path = csv_file(register_csv(person_row(1), person_row(2)))
    call_command(Command(), "register", str(path), "--user", "Analyst@Example.org")
    captured = capsys.readouterr()
    assert "Imported register.csv: 2 rows; 2 added, 0 updated, 0 unchanged" in captured.err
    assert captured.out == ""
    assert Person.objects.count() == 2


def test_problems_are_listed_and_exit_with_status_1_without_a_traceback(
    analyst, schools, csv_file, capsys
):
    path = csv_file(register_csv(person_row(1, upn="A800100015001"), person_row(2, sex="X")))
    status, stderr = run_command(capsys, "register", str(path), "--user", analyst.email)
    assert status == 1
    assert "2 problems found" in stderr
    assert "register.csv, row 2, column upn, value 'A800100015001'" in stderr
    assert "register.csv, row 3, column sex, value 'X'" in stderr
    assert "Nothing was imported from register.csv" in stderr
    assert "Traceback" not in stderr
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "there is no such file"),
        ("folder", "it is a folder"),
        (
            register_csv(person_row(1, forename="Zoé")).decode().encode("cp1252"),
            "not saved as UTF-8",
        ),
    ],
)
def test_an_unreadable_file_exits_with_status_2(
    analyst, csv_file, tmp_path, capsys, content, words
):
    if content is None:
        path = tmp_path / "missing.csv"
    elif content == "folder":
        path = tmp_path
    else:
        path = csv_file(content)
    status, stderr = run_command(capsys, "register", str(path), "--user", analyst.email)
    assert status == 2
    assert words in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize(
    ("email", "role", "words"),
    [
        ("nobody@example.org", Role.ANALYST, "no active account"),
        ("caseworker@example.org", Role.CASEWORKER, "does not have permission"),
    ],
)
def test_an_account_that_cannot_import_exits_with_status_2(make_user, csv_file, email, role, words):
    make_user(role=role, email="caseworker@example.org")
    path = csv_file(register_csv(person_row(1)))
    with pytest.raises(CommandError, match=words) as error:
        call_command(Command(), "register", str(path), "--user", email)
    assert error.value.returncode == 2


def test_the_command_is_installed_as_opensend_import():
    assert get_commands().get("import") == "opensend.imports", (
        "add 'opensend.imports' to INSTALLED_APPS in opensend/settings.py"
    )
