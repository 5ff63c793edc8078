"""DfE's published casework figures by calendar year (requests, assessments, 20-week timeliness,
new plans, ceased plans, annual reviews), read from data/ees/casework_la.csv. Pure Python.

DfE publishes some years and columns only for England, suppresses others ('x', blank here) and
has a few impossible values (new plans in 2022 are 6,078 for sixteen LAs). `casework_for` fills
every gap from England's figure for that year scaled to the LA, and years outside those
published from the nearest published year, so the demo always has a complete set of rates.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from opensend.demo.published import DEFAULT_DATA_DIR, NATIONAL_CODE

CASEWORK_FILE = "ees/casework_la.csv"
LATEST_YEAR = 2024
Counts = dict[str, int | None]  # one year's published columns, None where not published


@dataclass(frozen=True)
class CaseworkYear:
    """One area's published casework counts for one calendar year, every column present."""

    year: int
    counts: dict[str, int]

    def __getitem__(self, column: str) -> int:
        return self.counts[column]

    def share(self, part: str, *of: str) -> float:
        """`part` as a share of the sum of `of` (0 when nothing was counted)."""
        whole = sum(self.counts[c] for c in of)
        return self.counts[part] / whole if whole else 0.0


@dataclass(frozen=True)
class CaseworkFigures:
    code: str
    years: dict[int, CaseworkYear]

    def year(self, year: int) -> CaseworkYear:
        """The figures for `year`, or the nearest published year's."""
        nearest = min(self.years, key=lambda y: (abs(y - year), -y))
        return self.years[nearest]


def _raw(data_dir: Path) -> dict[str, dict[int, Counts]]:
    with (Path(data_dir) / CASEWORK_FILE).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    areas: dict[str, dict[int, Counts]] = {}
    for row in rows:
        counts = {
            k: (int(v) if v != "" else None)
            for k, v in row.items()
            if k not in ("la_code", "la_name", "year")
        }
        _drop_impossible(counts)
        areas.setdefault(row["la_code"], {})[int(row["year"])] = counts
    return areas


def _drop_impossible(counts: Counts) -> None:
    new, den = counts.get("new_ehc_plans"), counts.get("plans_issued_den")
    issued = counts.get("assess_issued")
    largest = max(den or 0, issued or 0)
    if new is not None and largest and new > 2 * largest:
        counts["new_ehc_plans"] = None


# Columns read together as shares of one another: a gap in one takes the whole group from the
# nearest year (the LA's own, else England's) where every column of it was published.
GROUPS = [
    ["requests_received_in_year", "requests_rya"],
    [
        "requests_decided_to_assess",
        "requests_decided_not_to_assess",
        "requests_decision_not_made",
        "requests_withdrawn",
    ],
    ["request_outcome_six_weeks", "request_outcome_over_6_weeks"],
    [
        "requests_decided_not_to_assess",
        "mediation_related_request",
        "tribunal_related_request",
        "tribunal_after_mediation_request",
    ],
    ["assess_in_year", "assess_issued", "assess_not_issued", "assess_not_made", "assess_withdrawn"],
    ["outcome_decision_within_time", "outcome_decision_over_time"],
    [
        "assess_issued",
        "assess_not_issued",
        "number_assess_mediation",
        "number_assess_tribunal",
        "number_asssess_mediation_tribunal",
        "number_other_mediation",
        "number_other_tribunal",
        "number_other_mediation_tribunal",
    ],
    [
        "plans_issued_den",
        "plans_issued_den_ex",
        "plans_issued_within_20_weeks",
        "plans_issued_20_weeks_ex",
        "plans_issued_gt20weeks_ltYear",
        "plans_issued_gt20weeks_ltYear_ex",
        "plans_issued_gt_1_year",
        "plans_issued_gt_1_year_ex",
    ],
    ["new_ehc_plans", "plans_issued_den"],
    [
        "total_ceased",
        "max_age",
        "needs_met",
        "he",
        "employ",
        "transfer",
        "no_engage",
        "moved_outside_eng",
        "deceased",
        "other",
        "not_rec",
    ],
    [
        "total_ehc_plans",
        "review_expected",
        "review_not_expected",
        "review_meeting_24",
        "review_meeting_prior_24",
        "review_meeting_25",
        "total_review_meeting",
        "no_review_meeting",
        "review_decision24",
        "review_decision_prior24",
        "review_decision25",
        "outcome_amend",
        "outcome_cease",
        "outcome_maintan",
        "no_outcome",
        "number_decsion_4weeks",
        "number_decision_gt_4weeks",
    ],
    ["review_decision_not_due", "review_decision_outstanding"],
]


def _complete(counts: Counts, group: list[str]) -> bool:
    return all(counts.get(c) is not None for c in group)


def _source(
    own: dict[int, Counts], england: dict[int, Counts], year: int, group: list[str]
) -> tuple[Counts, float]:
    """The nearest year's counts with the whole group published, and how to scale them."""
    for by_year in (own, england):
        for candidate in sorted(by_year, key=lambda y: (abs(y - year), -y)):
            if _complete(by_year[candidate], group):
                return by_year[candidate], _size(own.get(year, {})) / (
                    _size(by_year[candidate]) or 1
                )
    return {}, 0.0


def _size(counts: Counts) -> int:
    for column in ("plans_issued_den", "assess_issued", "requests_received_in_year"):
        value = counts.get(column)
        if value:
            return value
    return 0


@cache
def all_casework(data_dir: Path = DEFAULT_DATA_DIR) -> dict[str, CaseworkFigures]:
    raw = _raw(data_dir)
    england = raw[NATIONAL_CODE]
    result = {}
    for code, by_year in raw.items():
        years = {}
        for year in sorted(by_year):
            counts = dict(by_year[year])
            for group in GROUPS:
                if _complete(counts, group):
                    continue
                source, scale = _source(by_year, england, year, group)
                same = source is by_year[year]
                for column in group:
                    if counts.get(column) is None or not same:
                        value = source.get(column) or 0
                        counts[column] = value if same else round(value * scale)
            years[year] = CaseworkYear(year, {k: v or 0 for k, v in counts.items()})
        result[code] = CaseworkFigures(code, years)
    return result


def casework_for(la_code: str, data_dir: Path = DEFAULT_DATA_DIR) -> CaseworkFigures:
    return all_casework(data_dir)[la_code]
