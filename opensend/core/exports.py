"""Downloads of lists as CSV or XLSX: the shared parts of every export.

Each download needs a reason (`EXPORT_PURPOSES`) and is audited by the view that serves it
(`core.audit.record_access`). Cells go through `safe_cell`, so text such as "=HYPERLINK(...)" in a
record cannot run as a formula when the file is opened in a spreadsheet.
"""

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook

EXPORT_PURPOSES = [
    ("casework", "Casework or planning for the children listed"),
    ("statutory-return", "Preparing a statutory return or inspection list"),
    ("analysis", "Analysis for the partnership"),
    ("data-quality", "Checking and correcting data"),
]
FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value) -> str:
    """Stop a spreadsheet treating text such as '=HYPERLINK(...)' as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def table_rows(
    columns: Sequence[tuple[str, Callable[[Any], object]]], records: Iterable
) -> Iterable[list[str]]:
    """A header row, then one escaped row per record: `columns` are (heading, value function)."""
    yield [heading for heading, _ in columns]
    for record in records:
        yield [safe_cell(value(record)) for _, value in columns]


def to_csv(rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows: Iterable[Sequence[str]], sheet_title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def download_errors(purpose: str, file_format: str) -> dict[str, str]:
    """What is wrong with a download request, by form field ({} when nothing)."""
    errors = {}
    if purpose not in dict(EXPORT_PURPOSES):
        errors["purpose"] = "Choose why you need this download"
    if file_format not in FORMATS:
        errors["format"] = "Choose CSV or Excel"
    return errors


def purpose_text(purpose: str) -> str:
    return dict(EXPORT_PURPOSES)[purpose]


def file_response(
    rows: Iterable[Sequence[str]], file_format: str, filename: str, sheet_title: str
) -> HttpResponse:
    """The rows as an attachment `filename`.csv or `filename`.xlsx."""
    if file_format == "csv":
        response = HttpResponse(to_csv(rows), content_type="text/csv")
    else:
        response = HttpResponse(to_xlsx(rows, sheet_title), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
