"""Importing a SEN2 return into the register and casework: all or nothing, and idempotent.

The file is validated first (`validate.validate_return`); one error refuses the whole file. Then,
in one transaction, each `<Person>` is matched to the register of the importing user's LA (on
UPN, else ULN, else name and birth date) and each `<Requests>` to a case (an initial request by
its received date; a plan without a request by its start date). What the existing records would
export (`projection_rules`, as at the file's reference date) is compared element by element with
the file, and only the records behind elements that differ are written: importing the same file
twice changes nothing the second time. Every write is saved as the importing user (simple-history
names them); the import itself goes in the access log with its summary. Anything unexpected rolls
the whole import back.

Where the file does not say something the records need, the import records the nearest thing the
file does say (docs/sen2-projection.md, "Importing a return", lists each).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from opensend.accounts.models import Organisation
from opensend.core.models import AccessEvent
from opensend.imports.services import ImportRefused
from opensend.returns.sen2.import_apply import KINDS, Counts, Importer, ImportFailed, Progress
from opensend.returns.sen2.projection_rules import Period
from opensend.returns.sen2.records import Header, Problem, as_date
from opensend.returns.sen2.records import Person as PersonRecord

__all__ = ["ImportFailed", "ImportRefused", "ImportResult", "import_return"]

log = logging.getLogger(__name__)

MAX_SHOWN = 500
Source = str | Path | bytes


@dataclass
class ImportResult:
    """What an import did, or why it did nothing (`message`, `errors`)."""

    file_name: str
    persons: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    errors: list[Problem] = field(default_factory=list)
    error_count: int = 0
    message: str = ""  # why the whole file was refused, when it was not for errors in it

    @property
    def ok(self) -> bool:
        return not self.message and self.error_count == 0

    @property
    def errors_not_shown(self) -> int:
        return self.error_count - len(self.errors)

    def summary(self) -> str:
        if self.message:
            return f"{self.file_name}: nothing imported. {self.message}"
        if self.error_count:
            return f"{self.file_name}: nothing imported: {self.error_count} errors to correct first"
        lines = [f"{self.file_name}: {self.persons} people read"]
        for kind, c in self.counts.items():
            if c.created or c.changed or c.unchanged:
                lines.append(
                    f"  {kind}: {c.created} created, {c.changed} changed, {c.unchanged} unchanged"
                )
        return "\n".join(lines)


# --- the file ------------------------------------------------------------------------------------


def _stream(source: Source):
    return io.BytesIO(source) if isinstance(source, bytes) else source


def _check(source: Source, file_name: str, result: ImportResult, report=None) -> bool:
    """Validate the file (unless `report` is its validation report already); False (with the
    errors or the reason in `result`) if it is refused."""
    from opensend.returns.sen2.validate import validate_return

    if report is None:
        report = validate_return(_stream(source), name=file_name)
    if report.unreadable:
        result.message = report.unreadable
        return False
    errors = [p for p in report.problems if p.severity == "error"]
    if report.errors:
        result.errors, result.error_count = errors[:MAX_SHOWN], report.errors
        return False
    return True


def _read(source: Source, file_name: str) -> tuple[Header, Iterator[PersonRecord]]:
    from opensend.returns.sen2.reader import open_return

    returned = open_return(_stream(source), name=file_name)
    return returned.header, (person for person, _problems in returned.persons)


def import_return(
    *,
    actor,
    file_name: str,
    source: Source,
    progress: Progress | None = None,
    checked=None,
) -> ImportResult:
    """Import a SEN2 return into the actor's LA: the whole file, or (if anything is wrong with
    it) nothing. `checked` is the file's `validate.Report` when the caller has validated it
    already (the file is then not validated twice)."""
    la = _importing_local_authority(actor)
    result = ImportResult(file_name)
    if not _check(source, file_name, result, checked):
        return result
    header, persons = _read(source, file_name)
    if header.lea != la.la_code:
        result.message = (
            f"The file is the return of LA {header.lea}; you can import only {la.name}'s "
            f"({la.la_code}). Choose {la.name}'s file, or ask someone in LA {header.lea}."
        )
        return result
    reference_date = as_date(header.reference_date)
    if reference_date is None:  # the validator refuses this first; kept for safety
        result.message = f"The reference date '{header.reference_date}' is not a date"
        return result
    try:
        with transaction.atomic():
            Organisation.objects.select_for_update().get(pk=la.pk)
            importer = Importer(actor, la, Period(reference_date), file_name, result)
            importer.run(persons, progress)
            _record_import(actor, result)
    except ImportFailed as refused:
        return ImportResult(file_name, message=str(refused))
    except Exception as error:  # noqa: BLE001 - any failure: nothing written, a clear message
        log.exception("SEN2 import of %s failed", file_name)
        return ImportResult(
            file_name,
            message=(
                f"The import stopped and nothing was saved ({type(error).__name__}: {error}). "
                "Check the file with 'opensend sen2 validate', and report this if it is valid."
            ),
        )
    return result


def _importing_local_authority(actor) -> Organisation:
    if not actor.has_perm("returns.import_sen2"):
        raise ImportRefused(f"{actor.email} does not have permission to import a return")
    organisation = actor.organisation
    if organisation is None or not organisation.is_local_authority:
        raise ImportRefused(
            "Only staff of a local authority can import its SEN2 return; "
            f"{actor.email} is not in a local authority"
        )
    return organisation


def _record_import(actor, result: ImportResult) -> None:
    AccessEvent.objects.create(
        user=actor,
        user_email=actor.email,
        action=AccessEvent.Action.IMPORT,
        object_type="sen2 return",
        purpose="SEN2 import",
        detail={
            "file_name": result.file_name,
            "people read": result.persons,
            **{k: [c.created, c.changed, c.unchanged] for k, c in result.counts.items()},
        },
    )
