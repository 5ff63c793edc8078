"""Fast bulk writes and deletes for synthetic registers (SQLite and PostgreSQL).

A synthetic register holds hundreds of thousands of rows (millions for England), too many for
model instances and signals. `TableWriter` inserts plain tuples in batches (COPY on PostgreSQL),
choosing ids itself so facts can point at their person without reading ids back, and optionally
writes the simple-history "created" row beside each. `delete_everything` removes rows and
everything that depends on them with plain DELETE statements (no signals, so no history of the
deletion).
"""

import functools
from collections.abc import Sequence

from django.db import connection, models
from django.db.models import Max
from django.utils import timezone

HISTORY_REASON = "Synthetic demo partnership"


class TableWriter:
    """Inserts rows of `columns` (attnames) into a model's table, in batches."""

    def __init__(self, model, columns: Sequence[str], *, history: bool, batch_size: int = 5000):
        self.model = model
        self.table = model._meta.db_table
        self.columns = ("id", *columns)
        self.batch_size = batch_size
        self.next_id = (model._base_manager.aggregate(top=Max("pk"))["top"] or 0) + 1
        self.rows: list[tuple] = []
        self.written = 0
        fields = {f.attname: f for f in model._meta.concrete_fields}
        self.dates = [i for i, c in enumerate(self.columns) if type(fields[c]) is models.DateField]
        self.now = connection.ops.adapt_datetimefield_value(timezone.now())
        self.history_table = None
        if history and hasattr(model, "history"):
            tracked = {f.attname for f in model.history.model._meta.concrete_fields}
            self.history_positions = [i for i, c in enumerate(self.columns) if c in tracked]
            self.history_table = model.history.model._meta.db_table
            self.history_columns = (
                *(self.columns[i] for i in self.history_positions),
                "history_date",
                "history_change_reason",
                "history_type",
                "history_user_id",
            )

    def add(self, values: Sequence) -> int:
        """Queue one row; returns its id."""
        row_id = self.next_id
        self.next_id += 1
        row = [row_id, *values]
        for i in self.dates:
            row[i] = _adapt_date(row[i])
        self.rows.append(tuple(row))
        if len(self.rows) >= self.batch_size:
            self.flush()
        return row_id

    def flush(self) -> None:
        if not self.rows:
            return
        with connection.cursor() as cursor:
            insert_rows(cursor, self.table, self.columns, self.rows)
            if self.history_table:
                extra = (self.now, HISTORY_REASON, "+", None)
                history = [(*(row[i] for i in self.history_positions), *extra) for row in self.rows]
                insert_rows(cursor, self.history_table, self.history_columns, history)
        self.written += len(self.rows)
        self.rows = []


def insert_rows(cursor, table: str, columns: tuple, rows: list[tuple]) -> None:
    """PostgreSQL loads rows fastest with COPY; SQLite with one prepared INSERT per batch."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        placeholders = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({placeholders})", rows)


@functools.lru_cache(maxsize=100_000)
def _adapt_date(value):
    return connection.ops.adapt_datefield_value(value)


def reset_sequences(models_written) -> None:
    """After inserting explicit ids, point PostgreSQL's id sequences past them."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), list(models_written))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def delete_everything(queryset, _path: tuple = ()) -> int:
    """Delete the rows and, first, every row that depends on them (and their history).

    Follows reverse foreign keys: cascading ones are deleted, SET_NULL ones cleared; anything
    that protects the rows stops the delete with an error, as the ORM would. A nullable key
    back to a table already being deleted (a re-assessment's plan) is cleared instead of
    followed round the cycle.
    """
    model = queryset.model
    path = (*_path, model)
    for relation in model._meta.related_objects:
        if relation.many_to_many or not relation.field.concrete:
            continue
        dependants = relation.related_model._base_manager.filter(
            **{f"{relation.field.name}__in": queryset.values("pk")}
        )
        if relation.related_model in path and relation.field.null:
            dependants.update(**{relation.field.name: None})
        elif relation.on_delete is models.CASCADE:
            delete_everything(dependants, path)
        elif relation.on_delete is models.SET_NULL:
            dependants.update(**{relation.field.name: None})
        elif dependants.exists():
            raise models.ProtectedError(
                f"{relation.related_model._meta.verbose_name_plural} still refer to "
                f"{model._meta.verbose_name_plural} being removed",
                set(),
            )
    for many in model._meta.many_to_many:
        many.remote_field.through._base_manager.filter(
            **{f"{many.m2m_field_name()}__in": queryset.values("pk")}
        )._raw_delete(queryset.db)
    if hasattr(model, "history"):
        model.history.model._base_manager.filter(id__in=queryset.values("pk"))._raw_delete(
            queryset.db
        )
    return queryset._raw_delete(queryset.db)
