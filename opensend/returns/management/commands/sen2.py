"""`opensend sen2 export|validate|import|stats`: the SEN2 return from the command line.

    opensend sen2 export --reference-date 2026-01-15 -o SEN2.xml --user EMAIL
    opensend sen2 validate SEN2.xml [-o problems.xlsx|problems.csv]
    opensend sen2 import SEN2.xml --user EMAIL
    opensend sen2 stats SEN2.xml -o DIR
    opensend sen2 stats --reference-date 2025-01-16 [--la 383] -o DIR   (from the database)

Machine-readable output (the XML, the problem list, the tables) goes to stdout or -o; messages
and progress go to stderr. Exit status: 0 done (validate: no errors); 1 problems found in the
file (nothing imported); 2 the file could not be read, or the command could not run.
"""

import argparse
import datetime as dt
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opensend.core.commands import account
from opensend.core.progress import progress_bar, stage_reporter
from opensend.returns import services

FILE_PROBLEM = 1
CANNOT_RUN = 2


class Command(BaseCommand):
    help = (
        "Export, validate, import or compute DfE's statistics from the SEN2 return (docs/sen2.md)"
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        export = actions.add_parser(
            "export", help="write the return for a census date from the register and casework"
        )
        export.add_argument("--reference-date", required=True, type=_iso_date)
        export.add_argument("-o", "--output", required=True, help="the XML file, or - for stdout")
        export.add_argument("--user", required=True, help="email address of the account exporting")
        validate = actions.add_parser("validate", help="check a SEN2 file and list its problems")
        validate.add_argument("file")
        validate.add_argument(
            "-o", "--output", help="also write the problems to this .xlsx or .csv file"
        )
        load = actions.add_parser("import", help="load a SEN2 file into the register and casework")
        load.add_argument("file")
        load.add_argument("--user", required=True, help="email address of the account importing")
        stats = actions.add_parser(
            "stats", help="DfE's statistics tables from a SEN2 file or from the database"
        )
        stats.add_argument("file", nargs="?", help="the SEN2 file (omit to use the database)")
        stats.add_argument("-o", "--output", required=True, help="directory for the CSV tables")
        stats.add_argument("--reference-date", type=_iso_date, help="census date (database)")
        stats.add_argument("--la", help="DfE LA number (database; default: every LA)")

    def handle(self, *args, action, **options):
        handler = {
            "export": self.export,
            "validate": self.validate,
            "import": self.import_file,
            "stats": self.stats,
        }[action]
        try:
            handler(**options)
        except services.ReturnRefused as refused:
            raise CommandError(str(refused), returncode=CANNOT_RUN) from None

    # --- export ---------------------------------------------------------------------------

    def export(self, *, reference_date, output, user, **options):
        actor = account(user)
        with progress_bar() as bar, _open_output(output) as out:
            summary = services.export_sen2(
                actor=actor,
                reference_date=reference_date,
                out=out,
                progress=stage_reporter(bar),
                path=f"opensend sen2 export {output}",
            )
        self.stderr.write(
            f"Wrote the SEN2 return for {reference_date:%-d %B %Y}: {summary.persons:,} people",
            style_func=self.style.SUCCESS,
        )

    # --- validate -------------------------------------------------------------------------

    def validate(self, *, file, output, **options):
        from opensend.returns import report_files
        from opensend.returns.sen2.validate import validate_return

        path = _existing(file)
        with progress_bar() as bar:
            task = bar.add_task("Checking the file", total=None)
            report = validate_return(
                path, name=path.name, progress=lambda done: bar.update(task, completed=done)
            )
        if report.unreadable:
            raise CommandError(report.unreadable, returncode=CANNOT_RUN)
        for line in report_files.problem_lines(report.problems):
            self.stdout.write(line)
        if output:
            report_files.write_problems(report.problems, Path(output))
        self.stderr.write(report_files.summary_sentence(report))
        if report.exit_code:
            sys.exit(report.exit_code)

    # --- import ---------------------------------------------------------------------------

    def import_file(self, *, file, user, **options):
        actor = account(user)
        path = _existing(file)
        with progress_bar() as bar:
            check = services.import_sen2_file(
                actor=actor, file_name=path.name, source=path, progress=stage_reporter(bar)
            )
        if check.unreadable:
            raise CommandError(check.unreadable, returncode=CANNOT_RUN)
        if not check.imported:
            for problem in check.problems[:50]:
                self.stderr.write(f"  - line {problem['line']}: {problem['message']}")
            raise CommandError(
                f"Nothing was imported from {path.name}: {check.errors:,} errors "
                f"(see `opensend sen2 validate {file}`)",
                returncode=FILE_PROBLEM,
            )
        for record, counts in check.import_summary.items():
            self.stderr.write(
                f"  {record}: {counts.get('created', 0):,} created, "
                f"{counts.get('changed', 0):,} changed, {counts.get('unchanged', 0):,} unchanged"
            )
        self.stderr.write(
            f"Imported {path.name}: {check.persons:,} people", style_func=self.style.SUCCESS
        )

    # --- stats ----------------------------------------------------------------------------

    def stats(self, *, file, output, reference_date, la, **options):
        from opensend.returns import statistics_pages

        directory = Path(output)
        if file:
            tables = statistics_pages.tables_from_file(_existing(file))
        else:
            if reference_date is None:
                raise CommandError(
                    "Give a SEN2 file, or --reference-date to compute the tables from the database",
                    returncode=CANNOT_RUN,
                )
            tables = statistics_pages.tables_from_database(la, reference_date)
        written = statistics_pages.write(tables, directory)
        for path in written:
            self.stdout.write(str(path))
        self.stderr.write(
            f"Wrote {len(written)} tables to {directory}", style_func=self.style.SUCCESS
        )


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date: write it as YYYY-MM-DD, for example 2026-01-15"
        ) from None


def _existing(file: str) -> Path:
    path = Path(file)
    if not path.is_file():
        raise CommandError(f"There is no file {file}", returncode=CANNOT_RUN)
    return path


class _open_output:
    """The output file, or stdout's bytes for "-"."""

    def __init__(self, output: str):
        self.output = output
        self.handle = None

    def __enter__(self):
        if self.output == "-":
            return sys.stdout.buffer
        try:
            self.handle = open(self.output, "wb")  # noqa: SIM115 - closed in __exit__
        except OSError as error:
            raise CommandError(
                f"Cannot write {self.output}: {error.strerror}", returncode=CANNOT_RUN
            ) from None
        return self.handle

    def __exit__(self, *exc):
        if self.handle is not None:
            self.handle.close()
            if exc[0] is not None:
                Path(self.output).unlink(missing_ok=True)
        return False
