"""`opensend directory export|import|reminders`: exit 0 done, 1 problems, 2 cannot run."""

import datetime as dt
import importlib
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from opensend import cli
from opensend.accounts.roles import Role
from opensend.directory.models import ReviewReminder, Service, ServiceRevision

pytestmark = pytest.mark.django_db
Command = importlib.import_module("opensend.directory.management.commands.directory").Command


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run as the `opensend` script does: (exit status, stdout, stderr)."""
    status = 0
    with mock.patch("django.db.connections.close_all"):
        try:
            Command().run_from_argv(["opensend", "directory", *args])
        except SystemExit as exit_:
            status = exit_.code
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_export_writes_the_csv_and_import_reads_it_back_unchanged(
    reviewer, publish, tmp_path, capsys
):
    publish()
    path = tmp_path / "services.csv"
    call_command(Command(), "export", "-o", str(path), "--user", reviewer.email)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfid,provider,")
    assert "Exported 1 service to" in capsys.readouterr().err
    revisions = ServiceRevision.objects.count()
    call_command(Command(), "import", str(path), "--user", reviewer.email)
    err = capsys.readouterr().err
    assert "Imported services.csv: 1 service; 0 added, 0 updated, 1 unchanged" in err
    assert ServiceRevision.objects.count() == revisions


def test_export_to_stdout_without_a_user_holds_every_published_service(publish, capsys):
    publish(name="First")
    publish(name="Second")
    status, out, err = run(capsys, "export", "-o", "-")
    assert status == 0
    assert out.count("Riverside Play Trust") == 2
    assert "Exported 2 services" in err


def test_import_lists_changes_and_a_dry_run_saves_nothing(reviewer, publish, tmp_path, capsys):
    service = publish()
    path = tmp_path / "services.csv"
    call_command(Command(), "export", "-o", str(path))
    path.write_text(
        path.read_text(encoding="utf-8-sig").replace("Saturday Play Club", "Saturday Club"),
        encoding="utf-8",
    )
    call_command(Command(), "import", str(path), "--user", reviewer.email, "--dry-run")
    err = capsys.readouterr().err
    assert "row 2: Saturday Club updated" in err
    assert "nothing was saved (dry run)" in err
    service.refresh_from_db()
    assert service.name == "Saturday Play Club"
    call_command(Command(), "import", str(path), "--user", reviewer.email)
    service.refresh_from_db()
    assert service.name == "Saturday Club"


def test_problems_are_listed_and_exit_with_status_1(reviewer, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(
        "id,provider,name,description,free\n,Nobody Trust,Club,Play,yes\n,Nobody,Club 2,x,maybe\n"
    )
    status, out, err = run(capsys, "import", str(path), "--user", reviewer.email)
    assert status == 1
    assert "2 problems found" in err
    assert "bad.csv, row 2, column provider, value 'Nobody Trust'" in err
    assert "bad.csv, row 3, column free, value 'maybe': Enter yes or no" in err
    assert "Nothing was imported from bad.csv" in err
    assert "Traceback" not in err
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("import", "{missing}", "--user", "{reviewer}"), "there is no such file"),
        (("import", "{folder}", "--user", "{reviewer}"), "it is a folder"),
        (("import", "{utf16}", "--user", "{reviewer}"), "UTF-16"),
        (("import", "{utf16}", "--user", "nobody@example.org"), "no active account"),
        (("import", "{utf16}", "--user", "{caseworker}"), "may not import"),
        (("export", "-o", "{folder}/no/such/dir.csv"), "Cannot write"),
        (("export", "-o", "{missing}", "--user", "{caseworker}"), "may not export"),
    ],
)
def test_what_cannot_run_exits_with_status_2(reviewer, make_user, tmp_path, capsys, args, words):
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("id,provider\n".encode("utf-16"))
    names = {
        "missing": str(tmp_path / "missing.csv"),
        "folder": str(tmp_path),
        "utf16": str(utf16),
        "reviewer": reviewer.email,
        "caseworker": make_user(role=Role.CASEWORKER).email,
    }
    status, _out, err = run(capsys, *(arg.format(**names) for arg in args))
    assert status == 2
    assert words in err
    assert "Traceback" not in err


def test_reminders_are_sent_and_summarised(publish, provider_editor, capsys):
    service = publish()
    Service.objects.filter(pk=service.pk).update(
        assured_date=timezone.localdate() - dt.timedelta(days=200)
    )
    status, _out, err = run(capsys, "reminders", "--dry-run")
    assert status == 0
    assert f"Would email {provider_editor.email} about 1 service" in err
    assert mail.outbox == []
    call_command(Command(), "reminders", "--site-url", "https://opensend.example.org/")
    assert "1 service due a reminder" in capsys.readouterr().err
    assert len(mail.outbox) == 1
    assert "https://opensend.example.org/directory/services/" in mail.outbox[0].body
    assert ReviewReminder.objects.count() == 1


def test_reminders_that_cannot_be_sent_exit_with_status_1(publish, provider_editor, capsys):
    service = publish()
    Service.objects.filter(pk=service.pk).update(assured_date=None)
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPException("no")):
        status, _out, err = run(capsys, "reminders")
    assert status == 1
    assert "NOT SENT (no)" in err
    assert "1 reminder email could not be sent" in err


def test_the_opensend_script_dispatches_to_the_command(monkeypatch, publish, capsys):
    publish()
    monkeypatch.setattr("sys.argv", ["opensend", "directory", "export", "-o", "-"])
    with mock.patch("django.db.connections.close_all"):
        cli.main()
    assert "Saturday Play Club" in capsys.readouterr().out
