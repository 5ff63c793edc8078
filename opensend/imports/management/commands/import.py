"""`opensend import register|establishments FILE.csv --user EMAIL`: load a CSV file.

All or nothing, as the importing account (a SEND manager or data analyst of a local authority).
Progress, problems and the summary go to stderr. Exit status: 0 imported; 1 problems found in
the file (nothing imported); 2 the file could not be read, or the import could not run (no such
account, no permission).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opensend.core.commands import account, read_file
from opensend.core.progress import progress_bar, stage_reporter
from opensend.imports import services

FILE_PROBLEM = 1
CANNOT_RUN = 2
IMPORTERS = {
    "register": services.import_register,
    "establishments": services.import_establishments,
}


class Command(BaseCommand):
    help = (
        "Import a CSV file, all rows or none: `register` loads or updates the register of the "
        "--user's local authority (docs/import-register.md); `establishments` loads schools and "
        "settings from a GIAS 'all establishment data' extract (docs/import-establishments.md)"
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(IMPORTERS), help="what the file holds")
        parser.add_argument("file", help="the CSV file")
        parser.add_argument(
            "--user", required=True, help="email address of the account importing the file"
        )

    def handle(self, *args, kind, file, user, **options):
        actor = account(user)
        path = Path(file)
        content = read_file(path)
        with progress_bar() as bar:
            try:
                result = IMPORTERS[kind](
                    actor=actor, file_name=path.name, content=content, progress=stage_reporter(bar)
                )
            except services.ImportRefused as refusal:
                raise CommandError(str(refusal), returncode=CANNOT_RUN) from None
        if not result.ok:
            self._write_problems(result)
            raise CommandError(
                f"Nothing was imported from {result.file_name}",
                returncode=FILE_PROBLEM if result.readable else CANNOT_RUN,
            )
        self.stderr.write(
            f"Imported {result.file_name}: {result.rows} rows; {result.created} added, "
            f"{result.updated} updated, {result.unchanged} unchanged",
            style_func=self.style.SUCCESS,
        )

    def _write_problems(self, result: services.ImportResult) -> None:
        count = result.error_count
        self.stderr.write(f"{count} {'problem' if count == 1 else 'problems'} found:")
        for error in result.errors:
            self.stderr.write(f"  - {error}")
        if result.errors_not_shown:
            self.stderr.write(f"  and {result.errors_not_shown} more (fix these and try again)")
