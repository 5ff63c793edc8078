"""Register downloads as CSV or XLSX (each one audited by the view that serves it)."""

import csv
import io

from openpyxl import Workbook

from opensend.core import codelists

COLUMNS = [
    ("ID", lambda p: p.reference),
    ("Local ID", lambda p: p.local_id),
    ("UPN", lambda p: p.upn),
    ("ULN", lambda p: p.uln),
    ("UPN unknown reason", lambda p: p.upn_unknown),
    ("First name", lambda p: p.forename),
    ("Last name", lambda p: p.surname),
    ("Date of birth", lambda p: p.birth_date.isoformat()),
    ("Sex", lambda p: p.sex),
    ("Ethnicity", lambda p: p.ethnicity),
    ("Postcode", lambda p: p.postcode),
    ("SEN status", lambda p: codelists.SEN_PROVISION.label(p.current_provision)),
    ("Primary need", lambda p: p.current_primary_need or ""),
    (
        "Main setting",
        lambda p: (
            p.current_establishment_name or codelists.SEN_SETTINGS.label(p.current_sen_setting)
        ),
    ),
]


def safe_cell(value) -> str:
    """Stop a spreadsheet treating text such as '=HYPERLINK(...)' as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def rows(people):
    yield [name for name, _ in COLUMNS]
    for person in people.iterator(chunk_size=2000):
        yield [safe_cell(value(person)) for _, value in COLUMNS]


def to_csv(people) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows(people):
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(people) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Register")
    for row in rows(people):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
