"""SEN2 code lists by collection year, the census dates and the DfE local authority numbers.

Pure Python. Where a SEN2 list has the same codes as the register's (`opensend.core.codelists`)
it *is* that list, so labels agree everywhere; SEN2's own lists are built here from the same
labels. Years are collection (census) years: 2025 = the January 2025 census.

Sources: docs of the SEN2 person-level return (guide 2025 v1.4, 2026) as summarised in
sen2.md §1.3 and §2. For validation speed `allowed(codelist, year)` gives each list as a
frozenset, computed once.
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache
from pathlib import Path

from opensend.core import codelists
from opensend.core.codelists import Code, CodeList
from opensend.core.dates import sen2_reference_date
from opensend.returns.sen2.layout import SUPPORTED_YEARS

__all__ = [
    "ASSESSMENT_OUTCOMES",
    "CEASE_REASONS",
    "DIRECT_PAYMENTS",
    "ETHNICITY",
    "FLAGS",
    "LA_UNKNOWN",
    "OFFICER_IN_POST",
    "PLACEMENT_SETTINGS",
    "PLAN_SETTINGS",
    "QUERIED_SETTINGS",
    "RANKS",
    "REQUEST_OUTCOMES",
    "REQUEST_SOURCES",
    "RESIDENTIAL",
    "REVIEW_OUTCOMES",
    "SEN_TYPES",
    "SEX",
    "SUPPORTED_YEARS",
    "UPN_UNKNOWN",
    "WORK_BASED",
    "allowed",
    "census_date",
    "effective_year",
    "la_name",
    "la_numbers",
]

# Module 1. Sex is M/F only in SEN2 (2024 on); the register also knows U.
SEX = CodeList("sex", [Code(code, codelists.SEX.label(code)) for code in ("M", "F")])
ETHNICITY = codelists.ETHNICITY  # main and extended CBDS codes, REFU and NOBT
UPN_UNKNOWN = codelists.UPN_UNKNOWN  # UN1 UN2 UN3 UN5 UN8 UN9 UN10

# Modules 2 and 3.
REQUEST_SOURCES = codelists.REQUEST_SOURCES  # 1-5, from 2025
REQUEST_OUTCOMES = codelists.REQUEST_OUTCOMES  # Y N A W H
ASSESSMENT_OUTCOMES = codelists.ASSESSMENT_OUTCOMES  # Y N A W H

# Module 4.
CEASE_REASONS = codelists.CEASE_REASONS  # 1-9
RESIDENTIAL = codelists.RESIDENTIAL  # PlanRes and Res: A, B
WORK_BASED = codelists.WORK_BASED  # PlanWBP and WBP: A, T, S
DIRECT_PAYMENTS = codelists.DIRECT_PAYMENTS  # DP: E, S, H, I

# Settings without a URN or UKPRN: a plan may name OLA OPA EHE EYP OTH; a placement may also be
# NEET, NIEC or NIEO (not in education), which a plan never names.
PLACEMENT_SETTINGS = codelists.SEN_SETTINGS
PLAN_SETTINGS = CodeList(
    "SEN setting named in a plan",
    [c for c in codelists.SEN_SETTINGS if c.code not in codelists.PLAN_ONLY_EXCLUDED_SETTINGS],
)
# Settings DfE queries in COLLECT: it asks what the setting is (SENsettingOther).
QUERIED_SETTINGS = frozenset({"OTH", "NIEO"})

# Module 5. NSA is a school census code, never valid in SEN2; DS from 2025.
SEN_TYPES = CodeList("SEN type", [c for c in codelists.NEED_TYPES if c.code != "NSA"])
REVIEW_OUTCOMES = codelists.REVIEW_OUTCOMES  # A, C, M

# Header and shared value lists.
OFFICER_IN_POST = CodeList(
    "designated officer",
    [Code("Y", "Yes"), Code("N", "No"), Code("R", "Recruitment in progress")],
)
FLAGS = CodeList("1/0 flag", [Code("1", "Yes"), Code("0", "No")])
RANKS = CodeList("rank", [Code("1", "Primary"), Code("2", "Secondary")])

# The community XSDs allow "XXX" (LA not known, or outside the UK) where a return names another
# LA (Exported, TransferLA); never as the return's own LEA.
LA_UNKNOWN = "XXX"

LOCAL_AUTHORITIES_FILE = (
    Path(__file__).resolve().parents[3] / "data" / "reference" / "local_authorities.csv"
)


# Published SEN2 census dates (sen2.md §1.1). All are the third Thursday of January except 2021.
def census_date(year: int) -> dt.date:
    """The SEN2 reference date of a collection year (`core.dates.sen2_reference_date`)."""
    return sen2_reference_date(year)


def effective_year(year: int) -> int:
    """The supported year whose code lists check a return of `year` (the nearest one)."""
    return min(max(year, SUPPORTED_YEARS[0]), SUPPORTED_YEARS[-1])


@cache
def allowed(codelist: CodeList, year: int) -> frozenset[str]:
    """The codes of `codelist` valid in collection `year`, as a set for fast checks."""
    return frozenset(codelist.valid_codes(year))


@cache
def _local_authorities(path: Path = LOCAL_AUTHORITIES_FILE) -> dict[str, str]:
    with path.open(newline="", encoding="utf-8") as f:
        return {row["la_code"]: row["name"] for row in csv.DictReader(f)}


def la_numbers() -> frozenset[str]:
    """The 3-digit DfE numbers of the current local authorities in England (bundled data)."""
    return frozenset(_local_authorities())


def la_name(number: str) -> str:
    """The name of an LA by its DfE number ("" when not an LA)."""
    return _local_authorities().get(number, "")
