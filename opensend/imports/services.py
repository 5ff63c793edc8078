"""Importing a local authority's register from its case-management system's CSV extract.

All or nothing: every row is checked (`register_csv`) and compared with the register
(`changes`) before anything is written; if any problem is found nothing is written, otherwise
every change is written in one transaction, with history naming the importing user. Rows are
matched to people by local_id within the user's local authority, so the same file imported twice
changes nothing the second time.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from opensend.accounts.models import Organisation
from opensend.core.models import AccessEvent
from opensend.imports import changes, gias, register_csv
from opensend.imports.register_csv import ErrorLog, Progress, RowError
from opensend.people.models import Circumstance, Need, Person, Placement, SenStatus
from opensend.people.services import save_establishments

BATCH_SIZE = 1000
UPDATED_FIELDS = {
    Person: changes.PERSON_FIELDS,
    SenStatus: ["provision", "start_date", "end_date"],
    Need: ["need_type", "start_date", "end_date"],
    Placement: ["establishment", "sen_setting", "start_date", "end_date"],
    Circumstance: ["detail", "start_date", "end_date"],
}


class ImportRefused(Exception):
    """The user cannot import a register: no permission, or not in a local authority."""


@dataclass
class ImportResult(register_csv.CountsErrors):
    file_name: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    readable: bool = True


def import_register(
    *, actor, file_name: str, content: bytes, progress: Progress | None = None
) -> ImportResult:
    """Check a register CSV and, if it has no problems, apply every row to the actor's LA."""
    local_authority = _importing_local_authority(actor)
    today = timezone.localdate()
    parsed = register_csv.parse_register(
        content, file_name=file_name, today=today, progress=progress
    )
    if not parsed.ok:
        return ImportResult(
            file_name,
            parsed.row_count,
            errors=parsed.errors,
            error_count=parsed.error_count,
            readable=parsed.readable,
        )
    errors = ErrorLog(file_name)
    with transaction.atomic():
        # One import at a time per local authority (SQLite's write lock does this anyway).
        Organisation.objects.select_for_update().get(pk=local_authority.pk)
        snapshot = changes.RegisterSnapshot(local_authority, parsed.rows)
        plan = changes.plan_changes(parsed.rows, snapshot, errors, today)
        if errors.count:
            return ImportResult(
                file_name, parsed.row_count, errors=errors.errors, error_count=errors.count
            )
        _write(plan, actor, file_name, progress)
        result = ImportResult(file_name, parsed.row_count, **plan.outcomes)
        _record_import(actor, result)
    return result


def _importing_local_authority(actor) -> Organisation:
    if not actor.has_perm("people.import_register"):
        raise ImportRefused(f"{actor.email} does not have permission to import the register")
    organisation = actor.organisation
    if organisation is None or not organisation.is_local_authority:
        raise ImportRefused(
            "Only staff of a local authority can import a register, into their authority's "
            f"register; {actor.email} is not in a local authority"
        )
    return organisation


def _write(plan: changes.Plan, actor, file_name: str, progress: Progress | None) -> None:
    history = {"default_user": actor, "default_change_reason": f"Imported from {file_name}"[:100]}
    now = timezone.now()
    total = sum(map(len, plan.new.values())) + sum(map(len, plan.changed.values()))
    done = 0
    for model, updated_fields in UPDATED_FIELDS.items():
        for batch in _batches(list(plan.changed[model].values())):
            for instance in batch:
                instance.modified_at, instance.modified_by = now, actor
                instance._history_user = actor
            _update(model, batch, [*updated_fields, "modified_at", "modified_by"])
            model.history.bulk_history_create(batch, update=True, **history)
            done += len(batch)
            _report(progress, done, total)
        for batch in _batches(plan.new[model]):
            for instance in batch:
                instance.created_by = instance.modified_by = actor
                instance._history_user = actor
            bulk_create_with_history(batch, model, **history)
            done += len(batch)
            _report(progress, done, total)


def _update(model, instances: list, field_names: list[str]) -> None:
    """Save the fields of changed records, one UPDATE for each set of values they share (an
    import that ends 5,000 needs on one date is one statement; Django's bulk_update would be
    slower, writing a CASE for every record)."""
    attnames = [model._meta.get_field(name).attname for name in field_names]
    pks_by_values = defaultdict(list)
    for instance in instances:
        values = tuple(getattr(instance, attname) for attname in attnames)
        pks_by_values[values].append(instance.pk)
    for values, pks in pks_by_values.items():
        model.objects.filter(pk__in=pks).update(**dict(zip(attnames, values, strict=True)))


def _batches(instances: list) -> Iterator[list]:
    for start in range(0, len(instances), BATCH_SIZE):
        yield instances[start : start + BATCH_SIZE]


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress:
        progress("Saving", done, total)


def _record_import(actor, result: ImportResult) -> None:
    AccessEvent.objects.create(
        user=actor,
        user_email=actor.email,
        action=AccessEvent.Action.IMPORT,
        object_type="register",
        purpose="Register import",
        detail={
            "file_name": result.file_name,
            "rows": result.rows,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        },
    )


def import_establishments(
    *, actor, file_name: str, content: bytes, progress: Progress | None = None
) -> ImportResult:
    """Create or update schools and settings from a GIAS extract: all rows or none."""
    if not actor.has_perm("people.import_register"):
        raise ImportRefused(f"{actor.email} does not have permission to import establishments")
    if progress:
        progress("Checking", 0, 1)
    rows, problems = gias.read_gias(content, file_name)
    if progress:
        progress("Checking", 1, 1)
    if problems:
        shown = problems[: register_csv.MAX_REPORTED_ERRORS]
        return ImportResult(file_name, errors=shown, error_count=len(problems))
    counts = save_establishments(rows)
    if progress:
        progress("Saving", 1, 1)
    return ImportResult(file_name, len(rows), **counts)
