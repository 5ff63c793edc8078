"""`opensend import register|establishments FILE.csv --user EMAIL`: load a CSV file.

All or nothing, as the importing account (a SEND manager or data analyst of a local authority).
Progress, problems and the summary go to stderr. Exit status: 0 imported; 1 problems found in
the file (nothing imported); 2 the file could not be read, or the import could not run (no such
account, no permission).
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

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
        actor = _account(user)
        path = Path(file)
        content = _read(path)
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


def _account(email: str):
    actor = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if actor is None:
        raise CommandError(
            f"There is no active account with the email address {email}", returncode=CANNOT_RUN
        )
    return actor


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        problem = "there is no such file"
    except IsADirectoryError:
        problem = "it is a folder, not a file"
    except OSError as error:
        problem = error.strerror or str(error)
    raise CommandError(f"Cannot read {path}: {problem}", returncode=CANNOT_RUN)
