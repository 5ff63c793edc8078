"""Exporting and importing the directory's services as CSV (the layout is `csv_format`).

`export_services(user, out)` writes the published services the user may edit, one row each.
`import_services(actor, file, name)` is all or nothing: every row is read and then checked
against the directory (providers by name or id, venues, taxonomy terms by name or code, who may
change what) before anything is saved; if any problem is found nothing is saved. Otherwise each
row becomes a change through `services.create_service` or `services.propose_change` with source
"import": a reviewer's changes are approved at once, anyone else's wait for review. A row
whose details are the same as the service's is left alone, so importing an export changes
nothing.

The file holds one contact, one price and the service's areas by name; what it cannot hold is
kept: a service's other contacts, other prices, a contact's job title and an area's URI.

This module holds the two entry points and the import's report. The rows an export writes are
`transfer_export`'s; an import's checks are `transfer_import`'s (the planner), with
`transfer_providers` (providers and venues) and `transfer_details` (a service's details and
taxonomy terms).
"""

import io
from dataclasses import dataclass, field

from django.db import transaction

from opensend.core.audit import record_access_by
from opensend.core.csv_upload import ErrorLog, RowError
from opensend.core.models import AccessEvent
from opensend.directory import csv_format
from opensend.directory.transfer_export import export_rows
from opensend.directory.transfer_import import Progress, RowOutcome, _apply, _Planner
from opensend.directory.words import count_of


class TransferRefused(Exception):
    """The user may not import or export directory services."""


@dataclass
class ImportReport:
    file_name: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    waiting: int = 0  # of those added or updated, how many wait for review
    providers_added: list[str] = field(default_factory=list)
    venues_added: list[str] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    readable: bool = True  # False when the bytes are not text OpenSEND can read
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    @property
    def errors_not_shown(self) -> int:
        return self.error_count - len(self.errors)

    def summary(self) -> str:
        """One sentence for the user."""
        verb = "Checked" if self.dry_run else "Imported"
        would = " would be" if self.dry_run else ""
        parts = [
            f"{verb} {self.file_name}: {count_of(self.rows, 'service')};{would} "
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        ]
        if self.providers_added:
            parts.append(f"{count_of(len(self.providers_added), 'new provider')}")
        if self.venues_added:
            parts.append(f"{count_of(len(self.venues_added), 'new venue')}")
        if self.waiting:
            parts.append(f"{count_of(self.waiting, 'change')}{would or ''} waiting for review")
        if self.dry_run:
            parts.append("nothing was saved (dry run)")
        return "; ".join(parts)


# Export -----------------------------------------------------------------------------------------


def export_services(user, out, *, path: str = "") -> int:
    """Write the CSV (UTF-8 with a byte order mark, for Excel) to `out`, a binary stream, an
    HttpResponse, or a text stream; returns how many services it holds. The export is written
    to the access log: contacts can name people."""
    if user is not None and not user.has_perm("directory.edit_services"):
        raise TransferRefused(f"{user.email} may not export directory services")
    rows = export_rows(user)
    if isinstance(out, io.TextIOBase):
        out.write("\ufeff")
        csv_format.write_services(rows, out)
    else:
        out.write(csv_format.services_csv(rows))
    if user is not None:
        record_access_by(
            user,
            action=AccessEvent.Action.EXPORT,
            object_type="directory services",
            purpose="Directory export",
            detail={"services": len(rows)},
            path=path,
        )
    return len(rows)


# Import -----------------------------------------------------------------------------------------


def import_services(
    actor, file, name: str, *, dry_run: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Check a services CSV and, if it has no problems, apply every row (all or nothing).

    `file` is the bytes or a binary file (an upload); `name` is the file's name for messages.
    With `dry_run`, everything is checked and counted but nothing is saved."""
    if not actor.has_perm("directory.edit_services"):
        raise TransferRefused(f"{actor.email} may not import directory services")
    content = file if isinstance(file, bytes | bytearray) else file.read()
    if isinstance(content, str):
        content = content.encode("utf-8")
    parsed = csv_format.parse_services(bytes(content), file_name=name)
    report = ImportReport(name, parsed.row_count, readable=parsed.readable, dry_run=dry_run)
    log = parsed.log
    if not parsed.readable or (log.count and not parsed.rows):
        return _with_errors(report, log)
    with transaction.atomic():
        planner = _Planner(actor, log, parsed.rows)
        plans = planner.plan(parsed.rows, progress)
        if log.count:
            return _with_errors(report, log)
        report.providers_added = [p.name for p in planner.new_providers.values()]
        report.venues_added = [v.name for v in planner.new_venues.values()]
        if dry_run:
            report.outcomes = [plan.outcome(planner.reviewer) for plan in plans]
        else:
            report.outcomes = _apply(actor, plans, planner, name, progress)
        for outcome in report.outcomes:
            setattr(report, outcome.action, getattr(report, outcome.action) + 1)
            report.waiting += outcome.waiting
        if not dry_run:
            _record_import(actor, report)
    return report


def _with_errors(report: ImportReport, log: ErrorLog) -> ImportReport:
    report.errors = log.in_order()
    report.error_count = log.count
    return report


def _record_import(actor, report: ImportReport) -> None:
    record_access_by(
        actor,
        action=AccessEvent.Action.IMPORT,
        object_type="directory services",
        purpose="Directory import",
        detail={
            "file_name": report.file_name,
            "rows": report.rows,
            "added": report.added,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "waiting": report.waiting,
        },
    )
