"""`opensend directory export|import|reminders`: the Local Offer directory from the command line.

    opensend directory export -o services.csv [--user EMAIL]
    opensend directory import services.csv --user EMAIL [--dry-run]
    opensend directory reminders [--dry-run] [--site-url https://opensend.example.gov.uk]

The CSV goes to -o (or stdout with -o -); messages, progress and problems go to stderr.
Exit status: 0 done; 1 problems found in the file (nothing imported), or a reminder email could
not be sent; 2 the file could not be read or written, or the command could not run (no such
account, or the account may not do this). See docs/directory-import.md.
"""

import io
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opensend.core.commands import account, read_file
from opensend.core.progress import progress_bar, stage_reporter
from opensend.directory import reminders, transfer

PROBLEMS = 1
CANNOT_RUN = 2


class Command(BaseCommand):
    help = (
        "Export the directory's services to CSV, import a CSV of services (all rows or none), "
        "or email review reminders about services not checked for six months "
        "(docs/directory-import.md)"
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        export = actions.add_parser("export", help="write every published service to a CSV file")
        export.add_argument("-o", "--output", required=True, help="the CSV file, or - for stdout")
        export.add_argument(
            "--user",
            help="export as this account (only the services it may edit; recorded in the "
            "access log); without it, every published service",
        )
        load = actions.add_parser(
            "import", help="add or update services from a CSV file: all rows or none"
        )
        load.add_argument("file", help="the CSV file")
        load.add_argument(
            "--user", required=True, help="email address of the account importing the file"
        )
        load.add_argument(
            "--dry-run", action="store_true", help="check the file and say what would change"
        )
        remind = actions.add_parser(
            "reminders", help="email providers about services not reviewed for six months"
        )
        remind.add_argument(
            "--dry-run", action="store_true", help="say who would be emailed; send nothing"
        )
        remind.add_argument(
            "--site-url",
            help="the service's address, for links in the emails (default: the SITE_URL setting)",
        )

    def handle(self, *args, action, **options):
        handler = {"export": self.export, "import": self.import_file, "reminders": self.remind}
        try:
            handler[action](**options)
        except transfer.TransferRefused as refused:
            raise CommandError(str(refused), returncode=CANNOT_RUN) from None

    # --- export ---------------------------------------------------------------------------

    def export(self, *, output, user, **options):
        actor = account(user) if user else None
        buffer = io.BytesIO()
        count = transfer.export_services(
            actor, buffer, path=f"opensend directory export -o {output}"
        )
        if output == "-":
            sys.stdout.flush()
            stream = getattr(sys.stdout, "buffer", None)
            if stream is None:
                sys.stdout.write(buffer.getvalue().decode("utf-8"))
            else:
                stream.write(buffer.getvalue())
                stream.flush()
        else:
            _write(Path(output), buffer.getvalue())
        self.stderr.write(
            f"Exported {count:,} {'service' if count == 1 else 'services'}"
            + ("" if output == "-" else f" to {output}"),
            style_func=self.style.SUCCESS,
        )

    # --- import ---------------------------------------------------------------------------

    def import_file(self, *, file, user, dry_run, **options):
        actor = account(user)
        path = Path(file)
        content = read_file(path)
        with progress_bar() as bar:
            report = transfer.import_services(
                actor, content, path.name, dry_run=dry_run, progress=stage_reporter(bar)
            )
        if not report.ok:
            count = report.error_count
            self.stderr.write(f"{count:,} {'problem' if count == 1 else 'problems'} found:")
            for error in report.errors:
                self.stderr.write(f"  - {error}")
            if report.errors_not_shown:
                self.stderr.write(
                    f"  and {report.errors_not_shown:,} more (fix these and try again)"
                )
            raise CommandError(
                f"Nothing was imported from {report.file_name}",
                returncode=PROBLEMS if report.readable else CANNOT_RUN,
            )
        for outcome in report.outcomes:
            if outcome.action != "unchanged":
                waiting = " (waiting for review)" if outcome.waiting else ""
                replaced = (
                    "; it replaces a change that was waiting for review"
                    if outcome.replaced_pending
                    else ""
                )
                self.stderr.write(
                    f"  row {outcome.row}: {outcome.name} {outcome.action}{waiting}{replaced}"
                )
        self.stderr.write(report.summary(), style_func=self.style.SUCCESS)

    # --- reminders ------------------------------------------------------------------------

    def remind(self, *, dry_run, site_url, **options):
        summary = reminders.send_reminders(dry_run=dry_run, site_url=site_url)
        for line in summary.lines():
            self.stderr.write(line)
        if summary.failed:
            failed = len(summary.failed)
            raise CommandError(
                f"{failed} reminder {'email' if failed == 1 else 'emails'} could not be sent: "
                "check the email settings, then run the command again",
                returncode=PROBLEMS,
            )


def _write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as error:
        problem = error.strerror or str(error)
        raise CommandError(f"Cannot write {path}: {problem}", returncode=CANNOT_RUN) from None
