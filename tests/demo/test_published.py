"""The bundled DfE figures and LA reference data, and how they are read (pure Python)."""

import csv

import pytest

from opensend.demo.postcodes import DISTRICTS_BY_LA, DISTRICTS_BY_REGION, expand
from opensend.demo.published import (
    DEFAULT_DATA_DIR,
    NEED_COLUMNS,
    UnknownLocalAuthority,
    all_targets,
    find_local_authority,
    local_authorities,
    targets_for,
)
from opensend.returns.sen2.settings_lookup import SETTING_COLUMNS, SETTING_TYPES, setting_type_of
from tests.conftest import shared_path


@pytest.mark.parametrize("name", ["Leeds", "leeds", " LEEDS ", "383"])
def test_finds_an_la_by_name_in_any_case_or_by_number(name):
    assert find_local_authority(name).name == "Leeds"


def test_finds_an_la_by_its_other_names():
    assert find_local_authority("Hull").code == "810"
    assert find_local_authority("Bristol").name == "Bristol, City of"


def test_an_unknown_la_lists_close_matches():
    with pytest.raises(UnknownLocalAuthority, match="did you mean Leeds") as error:
        find_local_authority("Leds")
    assert "Leeds" in error.value.suggestions
    with pytest.raises(UnknownLocalAuthority, match="Yorkshire"):
        find_local_authority("Yorkshire")


def test_every_current_la_is_bundled_with_consistent_figures():
    every = all_targets()
    assert len(every) == len(local_authorities()) == 153
    for targets in every:
        figures = targets.figures
        for breakdown in (
            figures.by_age,
            figures.by_need,
            figures.by_sex,
            figures.by_ethnicity,
            figures.by_years_in_plan,
        ):
            assert sum(breakdown.values()) == figures.total, figures.name
    assert sum(t.figures.total for t in every) == every[0].england.total == 638_745


def test_leeds_and_york_figures():
    leeds, york = targets_for("Leeds"), targets_for("York")
    assert (leeds.figures.total, york.figures.total) == (6093, 1556)
    assert leeds.figures.by_need["ASD"] == 1623
    assert york.figures.by_setting["ap_pru_la_maintained"] == 120
    assert leeds.local_authority.statistical_neighbours[0] == "851"
    assert leeds.local_authority.population_0_25 == 275_323


def test_bundled_data_is_small():
    size = sum(p.stat().st_size for p in DEFAULT_DATA_DIR.rglob("*") if p.is_file())
    assert size < 2_000_000


def _shared_rows(name):
    with shared_path("data", "ees", "ehcp_2025_release", name).open(encoding="utf-8-sig") as f:
        return [
            r
            for r in csv.DictReader(f)
            if r["time_period"] == "202425" and r["geographic_level"] == "Local authority"
        ]


@pytest.mark.shared
@pytest.mark.parametrize("name", ["Leeds", "York"])
def test_bundled_figures_equal_the_shared_source(name):
    figures = targets_for(name).figures
    caseload = [r for r in _shared_rows("caseload.csv") if r["la_name"] == name]
    everything = next(r for r in caseload if r["breakdown_topic"] == "All EHC plans")
    assert figures.total == int(everything["ehcplans"])
    assert figures.by_setting == {c: int(everything[c]) for c in SETTING_COLUMNS}
    for row in caseload:
        if row["breakdown_topic"] == "Child or young persons age":
            assert figures.by_age[row["breakdown"]] == int(row["ehcplans"])
            assert figures.by_age_and_setting[row["breakdown"]] == {
                c: int(row[c]) for c in SETTING_COLUMNS
            }
    needs = next(
        r
        for r in _shared_rows("sen_needs_all_plans.csv")
        if r["la_name"] == name and r["breakdown_topic"] == "All EHC plans"
    )
    assert figures.by_need == {code: int(needs[c]) for c, code in NEED_COLUMNS.items()}


@pytest.mark.parametrize("kind", SETTING_TYPES, ids=lambda k: k.column)
def test_each_setting_type_maps_back_to_its_column(kind):
    age = 10 if kind.column == "neet_other_csa" else 17
    found = setting_type_of(
        age=age,
        establishment_type=kind.establishment_type,
        in_sen_unit=kind.in_sen_unit,
        in_resourced_provision=kind.in_resourced_provision,
        sen_setting=kind.sen_setting,
    )
    assert found == kind.column


def test_every_la_has_real_postcode_districts():
    assert {la.code for la in local_authorities()} <= set(DISTRICTS_BY_LA)
    assert expand("LS1-3 YO1") == ["LS1", "LS2", "LS3", "YO1"]


@pytest.mark.shared
def test_postcode_districts_exist():
    path = shared_path("data", "reference", "postcode_districts.csv")
    with path.open(encoding="utf-8") as f:
        real = {row["outcode"] for row in csv.DictReader(f)}
    listed = [*DISTRICTS_BY_LA.values(), *DISTRICTS_BY_REGION.values()]
    assert {d for districts in listed for d in expand(districts)} <= real
