"""SEN2 code lists, census dates and LA numbers against the SEN2 guide's lists (sen2.md §2)."""

from __future__ import annotations

import datetime as dt

import pytest

from opensend.core import codelists
from opensend.returns.sen2 import codes
from opensend.returns.sen2.rules.common import bad_code

GUIDE = {
    "SEX": (codes.SEX, "M F"),
    "UPN_UNKNOWN": (codes.UPN_UNKNOWN, "UN1 UN2 UN3 UN5 UN8 UN9 UN10"),
    "REQUEST_SOURCES": (codes.REQUEST_SOURCES, "1 2 3 4 5"),
    "REQUEST_OUTCOMES": (codes.REQUEST_OUTCOMES, "Y N A W H"),
    "ASSESSMENT_OUTCOMES": (codes.ASSESSMENT_OUTCOMES, "Y N A W H"),
    "CEASE_REASONS": (codes.CEASE_REASONS, "1 2 3 4 5 6 7 8 9"),
    "RESIDENTIAL": (codes.RESIDENTIAL, "A B"),
    "WORK_BASED": (codes.WORK_BASED, "A T S"),
    "DIRECT_PAYMENTS": (codes.DIRECT_PAYMENTS, "E S H I"),
    "REVIEW_OUTCOMES": (codes.REVIEW_OUTCOMES, "A C M"),
    "OFFICER_IN_POST": (codes.OFFICER_IN_POST, "Y N R"),
    "FLAGS": (codes.FLAGS, "1 0"),
    "RANKS": (codes.RANKS, "1 2"),
    "PLAN_SETTINGS": (codes.PLAN_SETTINGS, "OLA OPA EHE EYP OTH"),
    "PLACEMENT_SETTINGS": (codes.PLACEMENT_SETTINGS, "OLA OPA EHE EYP OTH NEET NIEC NIEO"),
    "SEN_TYPES": (codes.SEN_TYPES, "SPLD MLD SLD PMLD SEMH SLCN HI VI MSI PD ASD DS OTH"),
}
ETHNICITY_MAIN = (
    "WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH CHNE OOTH "
    "REFU NOBT"
)


@pytest.mark.parametrize("year", codes.SUPPORTED_YEARS)
@pytest.mark.parametrize("name", GUIDE)
def test_code_lists_are_the_guides(name: str, year: int) -> None:
    codelist, listed = GUIDE[name]
    assert codes.allowed(codelist, year) == frozenset(listed.split())


def test_labels_are_the_registers() -> None:
    assert codes.SEX.label("F") == codelists.SEX.label("F")
    assert codes.SEN_TYPES.label("ASD") == codelists.NEED_TYPES.label("ASD")
    assert codes.PLAN_SETTINGS.label("EHE") == codelists.SEN_SETTINGS.label("EHE")


def test_down_syndrome_from_2025_and_nsa_never() -> None:
    assert "DS" not in codes.allowed(codes.SEN_TYPES, 2024)
    assert "NSA" not in codes.SEN_TYPES
    assert "NSA" in codelists.NEED_TYPES  # the school census code the register also knows


def test_ethnicity_has_main_and_extended_codes() -> None:
    valid = codes.allowed(codes.ETHNICITY, 2026)
    assert set(ETHNICITY_MAIN.split()) <= valid
    assert {"WENG", "MWAP", "OYEM", "BSOM"} <= valid
    assert len(valid) == 108  # as listed in the guide: 20 main, 88 extended


@pytest.mark.parametrize(
    ("year", "census"),
    [
        (2015, "2015-01-15"),
        (2016, "2016-01-21"),
        (2017, "2017-01-19"),
        (2018, "2018-01-18"),
        (2019, "2019-01-17"),
        (2020, "2020-01-16"),
        (2021, "2021-01-14"),  # the second Thursday: DfE's date that year
        (2022, "2022-01-20"),
        (2023, "2023-01-19"),
        (2024, "2024-01-18"),
        (2025, "2025-01-16"),
        (2026, "2026-01-15"),
        (2027, "2027-01-21"),
    ],
)
def test_census_dates_are_the_published_ones(year: int, census: str) -> None:
    assert codes.census_date(year).isoformat() == census


def test_la_numbers_are_the_bundled_current_las() -> None:
    numbers = codes.la_numbers()
    assert len(numbers) == 153
    assert {"201", "383", "942", "943"} <= numbers
    assert codes.LA_UNKNOWN not in numbers
    assert codes.la_name("383") == "Leeds"
    assert codes.la_name("999") == ""


def test_unsupported_years_use_the_nearest_rules() -> None:
    assert [codes.effective_year(y) for y in (2023, 2025, 2026, 2030)] == [2025, 2025, 2026, 2026]


@pytest.mark.parametrize(
    ("value", "fix"),
    [
        ("y", "Codes are in capitals: write 'Y'"),
        (" Y ", "Remove the spaces: write 'Y'"),
        ("Q", "Use one of Y (Decided to assess), N"),
    ],
)
def test_a_wrong_code_gets_a_precise_fix(value: str, fix: str) -> None:
    finding = bad_code("RequestOutcome", value, codes.REQUEST_OUTCOMES, 2026)
    assert finding is not None
    assert finding.fix.startswith(fix)
    assert finding.value == value
    assert repr(value)[1:-1] in finding.message


def test_a_code_of_another_year_says_so() -> None:
    finding = bad_code("SENtype", "DS", codes.SEN_TYPES, 2024)
    assert finding is not None
    assert "'DS' is not valid in 2024" in finding.fix


def test_long_lists_are_not_spelled_out() -> None:
    finding = bad_code("Ethnicity", "XXXX", codes.ETHNICITY, 2026)
    assert finding is not None
    assert "docs/sen2-validation.md" in finding.fix
    assert dt.date.today()  # the fix does not depend on today
