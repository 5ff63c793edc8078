"""The register template: its columns, the person a row describes, and writing rows.

One row per person. `COLUMNS` is the template as the guidance page and docs/import-register.md
describe it; `RegisterRow` is a row once read and checked (by `register_csv.parse_register`);
`write_register` writes rows in the template's layout (the example file and the tests use it).
"""

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from opensend.core import codelists
from opensend.core.csv_upload import UTF8_BOM
from opensend.people import validation

REQUIREMENTS = {"yes": "Yes", "column": "Column yes, cell may be blank", "no": "No"}


@dataclass(frozen=True)
class Column:
    """A column of the template, as the guidance describes it."""

    name: str
    required: str  # "yes", "column" (the column must be there; the cell may be blank) or "no"
    format: str
    allowed: str
    example: str

    @property
    def requirement(self) -> str:
        return REQUIREMENTS[self.required]


# Circumstances recorded as Y/N columns, by column name.
FLAGS = {
    "cla": "CLA",
    "cin": "CIN",
    "cp": "CP",
    "fsm": "FSM",
    "pupil_premium": "PP",
    "ehe": "EHE",
    "young_carer": "YC",
    "disability": "DIS",
}
KNOWN_TO_SOCIAL_CARE = "CSC"

_DATE = "date: YYYY-MM-DD or DD/MM/YYYY"
_START = "today or earlier, not before the date of birth; blank: the day of the import"
COLUMNS = [
    Column(
        "local_id",
        "yes",
        "text, up to 40 characters",
        "the person's ID in your case-management system; the same ID updates the same person",
        "CMS-000123",
    ),
    Column("upn", "column", "13 characters", "a UPN with the right check letter", "Q800200115001"),
    Column("uln", "column", "10 digits", "a ULN with the right check digit", "1234567899"),
    Column(
        "upn_unknown",
        "column",
        "code",
        ", ".join(codelists.UPN_UNKNOWN.valid_codes()) + "; blank when there is a UPN",
        "UN1",
    ),
    Column("forename", "yes", "text, up to 100 characters", "any text", "Amara"),
    Column("middle_names", "no", "text, up to 100 characters", "any text", "Grace"),
    Column("surname", "yes", "text, up to 100 characters", "any text", "Example"),
    Column("preferred_name", "no", "text, up to 100 characters", "any text", "Jay"),
    Column(
        "birth_date",
        "yes",
        _DATE,
        f"{validation.OLDEST_BIRTH_YEAR} or later, not in the future",
        "2014-05-17",
    ),
    Column("sex", "yes", "code", "M (male), F (female), U (not known)", "F"),
    Column(
        "ethnicity",
        "yes",
        "code",
        "a CBDS ethnicity code, main (like WBRI) or extended (like WENG)",
        "WBRI",
    ),
    Column(
        "postcode", "no", "UK postcode", "a real postcode, with or without the space", "LS1 4AP"
    ),
    Column("sen_provision", "no", "code", "E (EHC plan), K (SEN support)", "E"),
    Column("sen_start_date", "no", _DATE, _START, "2021-09-01"),
    Column(
        "primary_need",
        "no",
        "code",
        ", ".join(codelists.NEED_TYPES.valid_codes())
        + "; checked against the code list of the collection year of the start date",
        "ASD",
    ),
    Column("primary_need_start_date", "no", _DATE, _START, "2021-09-01"),
    Column("secondary_need", "no", "code", "as primary_need, and different from it", "SLCN"),
    Column(
        "setting_urn",
        "no",
        "6 digits",
        "the URN of a school or setting already loaded into OpenSEND",
        "139001",
    ),
    Column(
        "setting_ukprn",
        "no",
        "8 digits",
        "the UKPRN of a setting already loaded into OpenSEND, used when there is no URN",
        "10039001",
    ),
    Column(
        "sen_setting",
        "no",
        "code",
        ", ".join(codelists.SEN_SETTINGS.valid_codes()) + "; only when there is no URN or UKPRN",
        "EHE",
    ),
    Column("setting_start_date", "no", _DATE, _START, "2021-09-01"),
    *(
        Column(
            name,
            "no",
            "Y, N or blank",
            f"Y: {codelists.CIRCUMSTANCES.label(code)}. N: not. Blank: not known",
            "N",
        )
        for name, code in FLAGS.items()
    ),
    Column(
        "social_care_team",
        "no",
        "text, up to 200 characters",
        "the children's social care team that knows the person (recorded as known to "
        "children's social care)",
        "North West Team",
    ),
]
COLUMN_NAMES = [c.name for c in COLUMNS]
REQUIRED_COLUMNS = [c.name for c in COLUMNS if c.required != "no"]


@dataclass(frozen=True)
class Fact:
    """A coded fact the row says is true now, with the date it started if the file gives it."""

    code: str
    start_date: dt.date | None = None


@dataclass(frozen=True)
class Setting:
    """The person's main school or setting: by URN, else by UKPRN, else an SEN2 setting code."""

    urn: str = ""
    ukprn: str = ""
    sen_setting: str = ""
    start_date: dt.date | None = None


@dataclass(frozen=True)
class RegisterRow:
    """One person as the file describes them. None (or blank) = the file does not say."""

    row_number: int
    local_id: str
    forename: str
    surname: str
    birth_date: dt.date
    sex: str
    ethnicity: str
    upn: str = ""
    uln: str = ""
    upn_unknown: str = ""
    middle_names: str = ""
    preferred_name: str = ""
    postcode: str = ""
    sen_provision: Fact | None = None
    primary_need: Fact | None = None
    secondary_need: Fact | None = None
    setting: Setting | None = None
    flags: dict[str, bool] = field(default_factory=dict)  # circumstance code: applies now?
    social_care_team: str = ""


def write_register(rows: Iterable[RegisterRow]) -> bytes:
    """Rows as a register CSV in UTF-8 with a byte order mark (so Excel reads it right)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    for row in rows:
        cells = _cells_of(row)
        writer.writerow([cells.get(name, "") for name in COLUMN_NAMES])
    return UTF8_BOM + buffer.getvalue().encode("utf-8")


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _cells_of(row: RegisterRow) -> dict[str, str]:
    cells = {
        name: getattr(row, name)
        for name in (
            "local_id",
            "upn",
            "uln",
            "upn_unknown",
            "forename",
            "middle_names",
            "surname",
            "preferred_name",
            "sex",
            "ethnicity",
            "postcode",
            "social_care_team",
        )
    }
    cells["birth_date"] = row.birth_date.isoformat()
    for column, start_column in (
        ("sen_provision", "sen_start_date"),
        ("primary_need", "primary_need_start_date"),
        ("secondary_need", ""),
    ):
        fact = getattr(row, column)
        if fact:
            cells[column] = fact.code
            cells[start_column] = _iso(fact.start_date)
    if row.setting:
        cells.update(
            setting_urn=row.setting.urn,
            setting_ukprn=row.setting.ukprn,
            sen_setting=row.setting.sen_setting,
            setting_start_date=_iso(row.setting.start_date),
        )
    for column, code in FLAGS.items():
        if code in row.flags:
            cells[column] = "Y" if row.flags[code] else "N"
    return cells
