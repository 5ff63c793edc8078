"""Calibration: whole-number plans that reproduce published figures exactly (pure Python)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.demo.calibration import (
    SEN_SUPPORT_PER_EHC_PUPIL,
    apportion,
    ehc_pupils_in_schools,
    fit_table,
    plan_ehc_register,
    plan_sen_support,
    rake,
    round_table,
)
from opensend.demo.published import ages_in, targets_for
from opensend.returns.sen2.settings_lookup import BY_COLUMN

weights = st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=30)


def test_apportion_shares_a_total_exactly():
    assert apportion(10, [1, 1, 1]) == [4, 3, 3]
    assert apportion(6093, [26.6, 22.2, 51.2]) == [1621, 1353, 3119]
    assert sum(apportion(638_745, [0.3, 0.2, 0.5])) == 638_745


def test_apportion_gives_nothing_to_zero_weights():
    assert apportion(5, [0, 2, 0, 3]) == [0, 2, 0, 3]
    assert apportion(0, [0, 0]) == [0, 0]


def test_apportion_refuses_a_total_it_cannot_share():
    with pytest.raises(ValueError, match="zero weights"):
        apportion(3, [0, 0])
    with pytest.raises(ValueError, match="non-negative"):
        apportion(-1, [1])


@given(total=st.integers(min_value=0, max_value=10**7), weights=weights)
def test_apportion_properties(total, weights):
    if math.fsum(weights) <= 0:
        weights = [*weights, 1.0]
    parts = apportion(total, weights)
    assert sum(parts) == total
    quotas = [total * w / math.fsum(weights) for w in weights]
    for part, quota in zip(parts, quotas, strict=True):
        assert math.floor(quota) - 1e-6 <= part <= math.ceil(quota) + 1e-6
    for i, j in zip(range(len(weights)), range(1, len(weights)), strict=False):
        if weights[i] > weights[j]:
            assert parts[i] >= parts[j]


@given(
    seed=st.lists(
        st.lists(st.floats(min_value=0.01, max_value=100), min_size=3, max_size=3),
        min_size=2,
        max_size=6,
    ),
    size=st.integers(min_value=0, max_value=5000),
    data=st.data(),
)
@settings(max_examples=60, deadline=None)
def test_fitted_tables_have_exact_sums(seed, size, data):
    rows = apportion(
        size, data.draw(st.lists(st.integers(1, 50), min_size=len(seed), max_size=len(seed)))
    )
    columns = apportion(size, data.draw(st.lists(st.integers(1, 50), min_size=3, max_size=3)))
    raked = rake(seed, rows, columns)
    table = round_table(raked, rows, columns)
    assert [sum(r) for r in table] == rows
    assert [sum(r[j] for r in table) for j in range(3)] == columns
    for row, raked_row in zip(table, raked, strict=True):
        for cell, value in zip(row, raked_row, strict=True):
            assert abs(cell - value) < 1 + 1e-6


def test_fit_table_keeps_impossible_cells_empty():
    table = fit_table([[1, 0], [1, 1]], [3, 5], [6, 2])
    assert table == [[3, 0], [3, 2]]


def test_round_table_refuses_totals_that_disagree():
    with pytest.raises(ValueError, match="differ"):
        round_table([[1.0]], [1], [2])


@pytest.mark.parametrize("name", ["Leeds", "York", "Cambridgeshire", "Isles of Scilly"])
def test_ehc_plan_reproduces_the_published_figures(name):
    targets = targets_for(name)
    published = targets.figures
    plan = plan_ehc_register(published, targets.england)
    assert plan.total == published.total
    assert plan.count_by("age") == {a: n for a, n in published.by_age.items() if n}
    assert plan.count_by("need") == {k: n for k, n in published.by_need.items() if n}
    if published.by_setting:  # Cambridgeshire's settings are suppressed
        assert plan.count_by("setting") == {s: n for s, n in published.by_setting.items() if n}
    assert sum(sum(s.values()) for s in plan.sex_by_need.values()) == published.total
    assert sum(plan.ethnicity.values()) == published.total


@pytest.mark.parametrize("name", ["Leeds", "York"])
def test_each_age_is_in_its_own_published_settings(name):
    targets = targets_for(name)
    plan = plan_ehc_register(targets.figures, targets.england)
    for cell in plan.cells:
        assert targets.figures.by_age_and_setting[cell.age][cell.setting] >= cell.count


def test_suppressed_settings_follow_englands_mix_for_each_age():
    targets = targets_for("Cambridgeshire")
    plan = plan_ehc_register(targets.figures, targets.england)
    adults_in_primary = [
        c
        for c in plan.cells
        if min(ages_in(c.age)) >= 19 and BY_COLUMN[c.setting].group == "mainstream"
    ]
    assert sum(c.count for c in adults_in_primary) <= 0.002 * plan.total


def test_years_in_plan_never_exceed_age():
    targets = targets_for("Leeds")
    plan = plan_ehc_register(targets.figures, targets.england)
    for age, years in plan.years_by_age.items():
        oldest = max(ages_in(age))
        for label in years:
            assert label == "Less than a year" or int(label.split()[0]) <= oldest + 1


def test_sen_support_is_at_englands_ratio_with_its_own_needs():
    targets = targets_for("Leeds")
    ehc = plan_ehc_register(targets.figures, targets.england)
    support = plan_sen_support(ehc)
    assert support.total == round(ehc_pupils_in_schools(ehc) * SEN_SUPPORT_PER_EHC_PUPIL)
    needs = support.count_by("need")
    assert max(needs, key=needs.get) == "SLCN"
    assert needs["SLCN"] / support.total == pytest.approx(0.257 / 0.973, abs=0.005)
    assert "NSA" in needs
    assert "NSA" not in ehc.count_by("need")
    ages = [a for c in support.cells for a in ages_in(c.age)]
    assert min(ages) >= 0
    assert max(ages) <= 19
    assert {BY_COLUMN[c.setting].group for c in support.cells} <= {
        "mainstream",
        "special",
        "ap",
        "fe",
        "early_years",
    }
