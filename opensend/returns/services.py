"""Every write and every export of the returns area. Each takes the acting user, checks the
permission, and records what it did (the audit log, or the model's history).

The SEN2 file work itself is in `returns.sen2` (pure file modules, the projection from the
register and the import into it); these functions add who, which LA and the record of it.
"""

import datetime as dt
import io
from dataclasses import dataclass
from typing import BinaryIO

from django.db import transaction
from django.utils import timezone

from opensend.core.audit import record_access_by
from opensend.core.services import save_as
from opensend.returns import queries
from opensend.returns.models import Sen2Check, Sen2Settings
from opensend.returns.sen2 import layout

EXPORT_PURPOSE = "Preparing the SEN2 statutory return"


class ReturnRefused(Exception):
    """The request cannot be carried out; the message says why and what to do."""


@dataclass(frozen=True)
class ExportSummary:
    persons: int
    reference_date: dt.date
    file_name: str


def local_authority_of(actor, permission: str):
    """The LA the actor prepares returns for, or ReturnRefused."""
    if not actor.has_perm(permission):
        raise ReturnRefused(f"{actor.email} does not have permission to do this")
    organisation = actor.organisation
    if organisation is None or not organisation.is_local_authority:
        raise ReturnRefused(
            f"Only staff of a local authority can work on its SEN2 return; {actor.email} is "
            "not in a local authority"
        )
    return organisation


@transaction.atomic
def save_sen2_settings(*, actor, dmo: str, dco: str, dsco: str) -> Sen2Settings:
    la = local_authority_of(actor, "returns.prepare_sen2")
    settings = queries.sen2_settings(la) or Sen2Settings(local_authority=la)
    settings.dmo, settings.dco, settings.dsco = dmo, dco, dsco
    return save_as(settings, actor)


def export_file_name(la, reference_date: dt.date) -> str:
    return f"SEN2_{la.la_code}_{reference_date.isoformat()}.xml"


def export_sen2(
    *,
    actor,
    reference_date: dt.date,
    out: BinaryIO,
    purpose: str = EXPORT_PURPOSE,
    now: dt.datetime | None = None,
    progress=None,
    ip_address: str | None = None,
    path: str = "",
) -> ExportSummary:
    """Write the actor's LA's SEN2 return for `reference_date` to `out`, and audit it."""
    from opensend.returns.sen2.sql_export import export_return

    la = local_authority_of(actor, "returns.prepare_sen2")
    year = layout_year(reference_date)
    header = queries.sen2_header(la, reference_date, now=timezone.localtime(now))
    if not (header.dmo and header.dco and header.dsco):
        raise ReturnRefused(
            "Record whether your local authority has a Designated Medical Officer, a "
            "Designated Clinical Officer and a Designated Social Care Officer before "
            "exporting: the SEN2 header needs all three"
        )
    persons = export_return(out, header, la, reference_date, year=year, progress=progress)
    record_access_by(
        actor,
        action="export",
        object_type="SEN2 return",
        purpose=purpose,
        detail={"reference_date": reference_date.isoformat(), "persons": persons},
        ip_address=ip_address,
        path=path,
    )
    return ExportSummary(persons, reference_date, export_file_name(la, reference_date))


def layout_year(reference_date: dt.date) -> int:
    """The collection layout a census date is written in: its own year. A collection whose
    layout DfE has not published (or OpenSEND does not yet know) is refused: its file would say
    a Year no reader accepts (decision 0007)."""
    year = reference_date.year
    first, latest = min(layout.SUPPORTED_YEARS), max(layout.SUPPORTED_YEARS)
    if year < first:
        raise ReturnRefused(
            f"OpenSEND writes SEN2 returns from the {first} collection onwards; "
            f"{reference_date:%-d %B %Y} is the census date of the {year} collection"
        )
    if year > latest:
        raise ReturnRefused(
            f"{reference_date:%-d %B %Y} is the census date of the {year} collection, whose file "
            f"layout OpenSEND does not have yet (it writes the {first} to {latest} collections). "
            "The statistics page gives that census date's figures from the register now"
        )
    return year


def record_check(
    *, actor, la, file_name: str, report, purpose: str, import_summary=None, refused: str = ""
):
    """Keep the report of a file checked or imported, and delete reports past keeping."""
    cutoff = timezone.now() - dt.timedelta(days=Sen2Check.KEPT_FOR_DAYS)
    Sen2Check.objects.filter(local_authority=la, checked_at__lt=cutoff).delete()
    header = report.header
    return Sen2Check.objects.create(
        local_authority=la,
        checked_by=actor,
        purpose=purpose,
        file_name=file_name[:255],
        year=report.year or None,
        reference_date=_date_or_none(header.reference_date if header else ""),
        la_code=(header.lea if header else "")[:3],
        persons=report.persons,
        errors=report.errors,
        warnings=report.warnings,
        unreadable=report.unreadable or "",
        refused=refused,
        problems=[_problem_dict(p) for p in report.problems],
        problems_not_kept=report.not_shown,
        imported=import_summary is not None,
        import_summary=import_summary or {},
    )


def check_sen2_file(*, actor, file_name: str, source) -> Sen2Check:
    """Validate an uploaded SEN2 file and keep its report."""
    from opensend.returns.sen2.validate import validate_return

    la = local_authority_of(actor, "returns.prepare_sen2")
    report = validate_return(source, name=file_name)
    return record_check(
        actor=actor, la=la, file_name=file_name, report=report, purpose=Sen2Check.Purpose.CHECK
    )


def _problem_dict(problem) -> dict:
    return {
        "rule": problem.rule,
        "severity": problem.severity,
        "line": problem.line,
        "person": problem.person,
        "element": problem.element,
        "value": problem.value,
        "message": problem.message,
        "fix": problem.fix,
    }


def _date_or_none(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def import_sen2_file(*, actor, file_name: str, source, progress=None) -> Sen2Check:
    """Check a SEN2 file and, if it has no errors, load it into the register and casework (all
    or nothing). The report says what was created and changed, or why nothing was."""
    from opensend.returns.sen2.importer import import_return
    from opensend.returns.sen2.validate import validate_return

    la = local_authority_of(actor, "returns.import_sen2")
    if hasattr(source, "read"):
        source = source.read()
    report = validate_return(_reopen(source), name=file_name)
    if not report.valid:
        return record_check(
            actor=actor, la=la, file_name=file_name, report=report, purpose=Sen2Check.Purpose.IMPORT
        )
    result = import_return(
        actor=actor, file_name=file_name, source=source, progress=progress, checked=report
    )
    if not result.ok:
        return record_check(
            actor=actor,
            la=la,
            file_name=file_name,
            report=report,
            purpose=Sen2Check.Purpose.IMPORT,
            refused=result.message or f"{result.error_count:,} errors were found while importing",
        )
    summary = {
        kind: {"created": c.created, "changed": c.changed, "unchanged": c.unchanged}
        for kind, c in result.counts.items()
    }
    return record_check(
        actor=actor,
        la=la,
        file_name=file_name,
        report=report,
        purpose=Sen2Check.Purpose.IMPORT,
        import_summary=summary,
    )


def _reopen(source):
    """A fresh readable stream (bytes) or the path itself."""
    return io.BytesIO(source) if isinstance(source, bytes) else source
