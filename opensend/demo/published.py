"""DfE's published EHC plan figures for January 2025, read from the files bundled in data/.

Pure Python (csv only). `targets_for("Leeds")` gives the figures the demo partnership for Leeds
must reproduce, with England's figures beside them for the patterns an LA's own rows do not
publish (how needs vary by age, setting and sex; ages plans start at). Sources: data/SOURCES.md.
"""

import csv
import difflib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from opensend.returns.sen2.settings_lookup import BY_LABEL, SETTING_COLUMNS

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
CASELOAD_FILE = "ees/caseload_202425_la.csv"
NEEDS_FILE = "ees/needs_202425_la.csv"
LOCAL_AUTHORITIES_FILE = "reference/local_authorities.csv"
NATIONAL_CODE = ""

# DfE's need columns and the SEN2 need code each counts ("unknown": no primary need recorded).
NEED_COLUMNS = {
    "number_asd": "ASD",
    "number_hi": "HI",
    "number_mld": "MLD",
    "number_msi": "MSI",
    "number_oth": "OTH",
    "number_pd": "PD",
    "number_pmld": "PMLD",
    "number_semh": "SEMH",
    "number_slcn": "SLCN",
    "number_sld": "SLD",
    "number_spld": "SPLD",
    "number_vi": "VI",
    "number_need_unknown": "unknown",
}
NEED_UNKNOWN = "unknown"
AGE_LABELS = ["under 3", *(f"age {n}" for n in range(3, 26))]
SEX_CODES = {"Male": "M", "Female": "F", "Unknown": "U"}


def age_label(age: int) -> str:
    """DfE's label for an age on 31 August: 'under 3', 'age 3' ... 'age 25'."""
    return "under 3" if age < 3 else f"age {age}"


def ages_in(label: str) -> range:
    """The single years of age a DfE age label covers."""
    if label == "under 3":
        return range(0, 3)
    age = int(label.split()[1])
    return range(age, age + 1)


@dataclass(frozen=True)
class LocalAuthority:
    code: str  # DfE LA number
    name: str
    region: str
    ons_code: str
    population_0_25: int
    la_type: str
    statistical_neighbours: tuple[str, ...]
    also_known_as: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """A short lower-case name for email domains: 'kingston-upon-hull' for 'Kingston upon
        Hull, City of'."""
        name = self.name.split(",")[0].replace("&", "and").lower()
        return "-".join("".join(c if c.isalnum() else " " for c in name).split())


@dataclass
class PublishedFigures:
    """EHC plans maintained in one area as at January 2025 (an LA, or England)."""

    code: str
    name: str
    total: int = 0
    by_age: dict[str, int] = field(default_factory=dict)
    # age label -> setting column -> plans; empty where DfE suppressed the settings
    by_age_and_setting: dict[str, dict[str, int]] = field(default_factory=dict)
    by_setting: dict[str, int] = field(default_factory=dict)
    by_need: dict[str, int] = field(default_factory=dict)
    by_sex: dict[str, int] = field(default_factory=dict)
    by_ethnicity: dict[str, int] = field(default_factory=dict)
    by_years_in_plan: dict[str, int] = field(default_factory=dict)
    by_age_plan_started: dict[str, int] = field(default_factory=dict)
    # Published for England only: need by age, by setting and by sex.
    need_by_age: dict[str, dict[str, int]] = field(default_factory=dict)
    need_by_setting: dict[str, dict[str, int]] = field(default_factory=dict)
    need_by_sex: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Targets:
    local_authority: LocalAuthority
    figures: PublishedFigures
    england: PublishedFigures


class UnknownLocalAuthority(ValueError):
    def __init__(self, name: str, suggestions: list[str]):
        message = f"'{name}' is not an English local authority in DfE's statistics"
        if suggestions:
            message += "; did you mean " + ", ".join(suggestions) + "?"
        super().__init__(message)
        self.suggestions = suggestions


def _read(data_dir: Path, name: str) -> list[dict]:
    with (Path(data_dir) / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _counts(row: dict, columns) -> dict[str, int] | None:
    """The row's counts for the columns, or None if any is suppressed (blank)."""
    if any(row[c] == "" for c in columns):
        return None
    return {c: int(row[c]) for c in columns}


@cache
def local_authorities(data_dir: Path = DEFAULT_DATA_DIR) -> tuple[LocalAuthority, ...]:
    return tuple(
        LocalAuthority(
            code=row["la_code"],
            name=row["name"],
            region=row["region"],
            ons_code=row["ons_code"],
            population_0_25=int(row["population_0_25"] or 0),
            la_type=row["la_type"],
            statistical_neighbours=tuple(row["statistical_neighbours"].split()),
            also_known_as=tuple(a.strip() for a in row["also_known_as"].split(";") if a.strip()),
        )
        for row in _read(data_dir, LOCAL_AUTHORITIES_FILE)
    )


def find_local_authority(name_or_code: str, data_dir: Path = DEFAULT_DATA_DIR) -> LocalAuthority:
    """An LA by name (any case; also its other names) or 3-digit DfE number."""
    wanted = " ".join(name_or_code.split()).casefold()
    every = local_authorities(data_dir)
    for la in every:
        names = (la.code, la.name, la.name.split(",")[0], *la.also_known_as)
        if wanted in (n.casefold() for n in names):
            return la
    by_name = {la.name.casefold(): la.name for la in every}
    close = difflib.get_close_matches(wanted, list(by_name), n=5, cutoff=0.6)
    close += [la.name for la in every if wanted and wanted in la.name.casefold()]
    raise UnknownLocalAuthority(name_or_code, list(dict.fromkeys(by_name.get(c, c) for c in close)))


def _add_caseload_row(figures: PublishedFigures, row: dict) -> None:
    topic, breakdown, plans = row["breakdown_topic"], row["breakdown"], row["ehcplans"]
    if plans == "":
        return
    if topic == "All EHC plans":
        figures.total = int(plans)
        figures.by_setting = _counts(row, SETTING_COLUMNS) or {}
    elif topic == "Child or young persons age":
        figures.by_age[breakdown] = int(plans)
        settings = _counts(row, SETTING_COLUMNS)
        if settings is not None:
            figures.by_age_and_setting[breakdown] = settings
    elif topic == "Sex":
        figures.by_sex[SEX_CODES[breakdown]] = int(plans)
    elif topic == "Ethnicity":
        figures.by_ethnicity[breakdown] = int(plans)
    elif topic == "Years EHC plan in place":
        figures.by_years_in_plan[breakdown] = int(plans)
    elif topic == "Age when plan started":
        figures.by_age_plan_started[breakdown] = int(plans)


def _add_needs_row(figures: PublishedFigures, row: dict) -> None:
    counts = _counts(row, NEED_COLUMNS)
    if counts is None:
        return
    by_need = {NEED_COLUMNS[c]: n for c, n in counts.items()}
    topic, breakdown = row["breakdown_topic"], row["breakdown"]
    if topic == "All EHC plans":
        figures.by_need = by_need
    elif topic == "Child or young persons age":
        figures.need_by_age[breakdown] = by_need
    elif topic == "Type of placement" and breakdown in BY_LABEL:
        figures.need_by_setting[BY_LABEL[breakdown].column] = by_need
    elif topic == "Sex" and breakdown in SEX_CODES:
        figures.need_by_sex[SEX_CODES[breakdown]] = by_need


@cache
def all_figures(data_dir: Path = DEFAULT_DATA_DIR) -> dict[str, PublishedFigures]:
    """Published figures for every LA by DfE number, and England under ''."""
    figures: dict[str, PublishedFigures] = {}
    for row in _read(data_dir, CASELOAD_FILE):
        area = figures.setdefault(row["la_code"], PublishedFigures(row["la_code"], row["la_name"]))
        _add_caseload_row(area, row)
    for row in _read(data_dir, NEEDS_FILE):
        _add_needs_row(figures[row["la_code"]], row)
    return figures


def england(data_dir: Path = DEFAULT_DATA_DIR) -> PublishedFigures:
    return all_figures(data_dir)[NATIONAL_CODE]


def targets_for(name_or_code: str, data_dir: Path = DEFAULT_DATA_DIR) -> Targets:
    """The published figures a demo partnership for this LA reproduces."""
    la = find_local_authority(name_or_code, data_dir)
    return Targets(la, all_figures(data_dir)[la.code], england(data_dir))


def all_targets(data_dir: Path = DEFAULT_DATA_DIR) -> list[Targets]:
    return [
        Targets(la, all_figures(data_dir)[la.code], england(data_dir))
        for la in local_authorities(data_dir)
    ]
