"""Reading establishments from a Get Information about Schools (GIAS) extract. Pure Python.

GIAS's "all establishment data" CSV has one row per establishment with columns such as `URN`,
`EstablishmentName`, `TypeOfEstablishment (name)`, `PhaseOfEducation (name)`,
`EstablishmentStatus (name)`, `OpenDate` and `CloseDate` (DD-MM-YYYY), `UKPRN`, `Postcode` and
`TypeOfResourcedProvision (name)`. Downloads are Windows-1252 encoded; UTF-8 is accepted too.
Each GIAS type is placed in the caseload category DfE publishes (codelists.ESTABLISHMENT_TYPES).
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass

from opensend.imports.register_csv import RowError

REQUIRED = ["URN", "EstablishmentName", "TypeOfEstablishment (name)", "PhaseOfEducation (name)"]
OPTIONAL = [
    "LA (code)",
    "EstablishmentStatus (name)",
    "OpenDate",
    "CloseDate",
    "UKPRN",
    "Postcode",
    "TypeOfResourcedProvision (name)",
]

GIAS_TYPES = {
    "Community school": "LA_MAINSTREAM",
    "Voluntary aided school": "LA_MAINSTREAM",
    "Voluntary controlled school": "LA_MAINSTREAM",
    "Foundation school": "LA_MAINSTREAM",
    "LA nursery school": "LA_MAINSTREAM",
    "Academy converter": "ACADEMY_MAINSTREAM",
    "Academy sponsor led": "ACADEMY_MAINSTREAM",
    "Academy 16-19 converter": "ACADEMY_MAINSTREAM",
    "Academy 16 to 19 sponsor led": "ACADEMY_MAINSTREAM",
    "City technology college": "ACADEMY_MAINSTREAM",
    "Free schools": "FREE_MAINSTREAM",
    "Free schools 16 to 19": "FREE_MAINSTREAM",
    "University technical college": "FREE_MAINSTREAM",
    "Studio schools": "FREE_MAINSTREAM",
    "Other independent school": "INDEPENDENT_MAINSTREAM",
    "Community special school": "LA_SPECIAL",
    "Foundation special school": "LA_SPECIAL",
    "Academy special converter": "ACADEMY_SPECIAL",
    "Academy special sponsor led": "ACADEMY_SPECIAL",
    "Free schools special": "ACADEMY_SPECIAL",
    "Other independent special school": "INDEPENDENT_SPECIAL",
    "Non-maintained special school": "NON_MAINTAINED_SPECIAL",
    "Pupil referral unit": "PRU",
    "Academy alternative provision converter": "AP_ACADEMY",
    "Academy alternative provision sponsor led": "AP_ACADEMY",
    "Free schools alternative provision": "AP_FREE",
    "Further education": "FE_COLLEGE",
    "Sixth form centres": "FE_COLLEGE",
    "Special post 16 institution": "SPECIALIST_POST16",
    "Online provider": "ONLINE",
    "Welsh establishment": "WELSH",
    "Secure units": "OTHER_SCHOOL",
    "Service children's education": "OTHER_SCHOOL",
    "British schools overseas": "OTHER_SCHOOL",
    "Offshore schools": "OTHER_SCHOOL",
    "Miscellaneous": "OTHER_SCHOOL",
    "Institution funded by other government department": "OTHER_SCHOOL",
    "Higher education institutions": "OTHER_SCHOOL",
    "Children's centre": "EARLY_YEARS",
    "Children's centre linked site": "EARLY_YEARS",
}
_PHASE_BY_TYPE = {
    "LA_SPECIAL": "SPECIAL",
    "ACADEMY_SPECIAL": "SPECIAL",
    "INDEPENDENT_SPECIAL": "SPECIAL",
    "NON_MAINTAINED_SPECIAL": "SPECIAL",
    "PRU": "AP",
    "AP_ACADEMY": "AP",
    "AP_FREE": "AP",
    "FE_COLLEGE": "FE",
    "SPECIALIST_POST16": "FE",
}
GIAS_PHASES = {
    "Nursery": "NURSERY",
    "Primary": "PRIMARY",
    "Middle deemed primary": "MIDDLE_PRIMARY",
    "Middle deemed secondary": "MIDDLE_SECONDARY",
    "Secondary": "SECONDARY",
    "All-through": "ALL_THROUGH",
    "16 plus": "FE",
    "Not applicable": "NOT_APPLICABLE",
    "": "NOT_APPLICABLE",
}


@dataclass(frozen=True)
class EstablishmentRow:
    urn: str
    ukprn: str
    name: str
    la_code: str
    establishment_type: str
    phase: str
    has_sen_unit: bool
    has_resourced_provision: bool
    postcode: str
    opened_on: dt.date | None
    closed_on: dt.date | None


def decode(content: bytes) -> str:
    """GIAS serves Windows-1252; people re-save as UTF-8 (with or without a BOM)."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _date(value: str) -> dt.date:
    for pattern in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError


def _row(
    line: int, record: dict[str, str], problem
) -> tuple[EstablishmentRow | None, list[RowError]]:
    problems = []
    urn, ukprn = record["URN"], record.get("UKPRN", "")
    if not (urn.isdigit() and len(urn) == 6):
        problems.append(problem(line, "URN", urn, "A URN has 6 digits"))
    if ukprn and not (ukprn.isdigit() and len(ukprn) == 8):
        problems.append(
            problem(line, "UKPRN", ukprn, "A UKPRN has 8 digits; leave it blank if none")
        )
    if not record["EstablishmentName"]:
        problems.append(problem(line, "EstablishmentName", "", "Every establishment needs a name"))
    gias_type = record["TypeOfEstablishment (name)"]
    establishment_type = GIAS_TYPES.get(gias_type)
    if establishment_type is None:
        problems.append(
            problem(
                line,
                "TypeOfEstablishment (name)",
                gias_type,
                "Not a GIAS type of establishment OpenSEND knows; use the name "
                "exactly as GIAS writes it, for example 'Community school'",
            )
        )
    gias_phase = record["PhaseOfEducation (name)"]
    if gias_phase not in GIAS_PHASES:
        problems.append(
            problem(
                line,
                "PhaseOfEducation (name)",
                gias_phase,
                f"Use one of GIAS's phases: {', '.join(p for p in GIAS_PHASES if p)}",
            )
        )
    dates = {}
    for column in ("OpenDate", "CloseDate"):
        value = record.get(column, "")
        try:
            dates[column] = _date(value) if value else None
        except ValueError:
            problems.append(problem(line, column, value, "Enter a real date as DD-MM-YYYY"))
    if problems:
        return None, problems
    provision = record.get("TypeOfResourcedProvision (name)", "")
    phase = _PHASE_BY_TYPE.get(establishment_type, GIAS_PHASES[gias_phase])
    return EstablishmentRow(
        urn=urn,
        ukprn=ukprn,
        name=record["EstablishmentName"],
        la_code=record.get("LA (code)", ""),
        establishment_type=establishment_type,
        phase=phase,
        has_sen_unit="SEN unit" in provision,
        has_resourced_provision="Resourced provision" in provision,
        postcode=record.get("Postcode", ""),
        opened_on=dates["OpenDate"],
        closed_on=dates["CloseDate"],
    ), []


def read_gias(
    content: bytes, file_name: str = "establishments.csv"
) -> tuple[list[EstablishmentRow], list[RowError]]:
    """Every establishment in the file, or every problem found (rows numbered as a spreadsheet
    shows them: the header is row 1)."""

    def problem(line, column, value, message):
        return RowError(file_name, line, column, value, message)

    text = decode(content)
    if not text.strip():
        return [], [problem(None, "", "", "The file is empty: download the CSV from GIAS again")]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return [], [
            problem(
                1,
                c,
                "",
                "This column is missing: download the 'all establishment "
                "data' CSV from GIAS, which has it",
            )
            for c in missing
        ]
    wanted = [c for c in REQUIRED + OPTIONAL if c in header]
    rows, problems, seen = [], [], {}
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            problems.append(
                problem(
                    line, "", "", f"This row has {len(values)} fields; the header has {len(header)}"
                )
            )
            continue
        record = {c: values[header.index(c)].strip() for c in wanted}
        row, row_problems = _row(line, record, problem)
        problems += row_problems
        if row is None:
            continue
        if row.urn in seen:
            problems.append(
                problem(line, "URN", row.urn, f"This URN is also on row {seen[row.urn]}")
            )
        seen[row.urn] = line
        rows.append(row)
    return (rows, []) if not problems else ([], problems)
