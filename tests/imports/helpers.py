"""Helpers for import tests: rows of synthetic people written as register CSV files."""

import csv
import io

from opensend.core.identifiers import make_upn
from opensend.imports.template import COLUMN_NAMES
from opensend.people.models import Circumstance, Need, Person, Placement, SenStatus

REGISTER_MODELS = (Person, SenStatus, Need, Placement, Circumstance)


def person_row(n: int = 1, **cells: str) -> dict[str, str]:
    """A valid row for synthetic person number n, with any cells replaced."""
    row = {
        "local_id": f"CMS-{n:05d}",
        "upn": make_upn(800, 1000 + n // 1000, 15, n % 1000),
        "forename": "Amara",
        "surname": f"Example{n}",
        "birth_date": "2014-05-17",
        "sex": "F",
        "ethnicity": "WBRI",
        "sen_provision": "E",
        "sen_start_date": "2021-09-01",
        "primary_need": "ASD",
        "primary_need_start_date": "2021-09-01",
        "setting_urn": "139001",
        "setting_start_date": "2021-09-01",
        "fsm": "Y",
        "cla": "N",
    }
    row.update(cells)
    return row


def register_csv(*rows: dict[str, str], columns: list[str] | None = None) -> bytes:
    """Rows as a register CSV file, every template column unless `columns` says otherwise."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    columns = columns or COLUMN_NAMES
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(name, "") for name in columns])
    return buffer.getvalue().encode("utf-8")


def register_state() -> dict[str, int]:
    """How many rows, and history rows, each register table holds."""
    state = {}
    for model in REGISTER_MODELS:
        state[model.__name__] = model.objects.count()
        state[f"{model.__name__} history"] = model.history.count()
    return state
