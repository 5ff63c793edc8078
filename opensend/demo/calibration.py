"""Turn published figures into exact whole-number plans for a synthetic register. Pure Python.

Three tools, each small:

- `apportion` shares a whole number out in proportion to weights (largest remainder), so the
  parts always sum to the total.
- `rake` (iterative proportional fitting) adjusts a table of seed weights until its row and column
  sums match two published breakdowns, keeping the seed's pattern inside the table.
- `round_table` turns a raked table into whole numbers whose row and column sums are exact
  (controlled rounding: each cell is rounded down or up, found as a flow through the table).

`plan_ehc_register` uses them to make the plan for an LA's EHC plans as at January 2025: exact
counts by age and setting (DfE publishes each age's settings), with primary needs fitted to the
LA's published totals and England's need-by-age and need-by-setting patterns, sex fitted by need,
ethnicity, and years the plan has been in place fitted by age. `plan_sen_support` does the same
for SEN support at the national ratio to EHC plans in schools.
"""

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from opensend.demo.published import AGE_LABELS, PublishedFigures, ages_in
from opensend.returns.sen2.settings_lookup import BY_COLUMN, SETTING_COLUMNS

# January 2025 school census (DfE "Special educational needs in England", June 2025).
SEN_SUPPORT_PUPILS = 1_284_284
EHC_PLAN_PUPILS = 482_640
SEN_SUPPORT_PER_EHC_PUPIL = SEN_SUPPORT_PUPILS / EHC_PLAN_PUPILS

# Primary needs of pupils on SEN support: SLCN 25.7% is published; the rest approximate the
# same release's order (SEMH, MLD, SPLD, ASD ...). NSA is valid for SEN support only.
SEN_SUPPORT_NEED_SHARES = {
    "SLCN": 25.7,
    "SEMH": 20.9,
    "MLD": 15.8,
    "SPLD": 13.4,
    "ASD": 8.9,
    "NSA": 3.9,
    "OTH": 3.6,
    "PD": 2.3,
    "HI": 1.5,
    "VI": 0.7,
    "SLD": 0.3,
    "MSI": 0.2,
    "PMLD": 0.1,
}
# How the share of each need changes with age (per year from age 9): speech and language
# needs are found early, SEMH and specific learning difficulties later.
SEN_SUPPORT_NEED_AGE_TREND = {"SLCN": -0.15, "SEMH": 0.08, "SPLD": 0.10, "MLD": 0.02}
# Pupils on SEN support by age on 31 August: the school census pattern (few in nursery, rising
# through primary, fewer after 16 as many leave school).
SEN_SUPPORT_AGE_WEIGHTS = {
    2: 1.0,
    3: 3.0,
    4: 6.5,
    5: 9.0,
    6: 11.0,
    7: 12.5,
    8: 13.5,
    9: 14.0,
    10: 14.5,
    11: 14.0,
    12: 13.5,
    13: 13.0,
    14: 12.5,
    15: 12.0,
    16: 6.0,
    17: 5.0,
    18: 2.0,
    19: 0.8,
}
SEN_SUPPORT_BOYS = 0.64
BOYS_SHARE_BY_NEED = {"ASD": 0.78, "SLCN": 0.70, "SEMH": 0.66, "SPLD": 0.58, "MLD": 0.58}
YEARS_IN_PLAN = {"Less than a year": 0, **{str(n): n for n in range(1, 12)}, "12 or more": 12}
TINY = 1e-6  # seed weight for combinations that are possible but unpublished


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Share `total` out in proportion to `weights` by the largest remainder method.

    The parts sum to `total` exactly; each is its exact quota rounded down or up; a weight of 0
    gets 0. Ties go to the earlier weight, so the result is deterministic.
    """
    if total < 0 or any(w < 0 for w in weights):
        raise ValueError("apportion needs a non-negative total and weights")
    weight_sum = math.fsum(weights)
    if weight_sum <= 0:
        if total:
            raise ValueError("cannot apportion a positive total over zero weights")
        return [0] * len(weights)
    quotas = [total * w / weight_sum for w in weights]
    parts = [math.floor(q) for q in quotas]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - parts[i]), i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def rake(
    seed: Sequence[Sequence[float]],
    row_totals: Sequence[float],
    column_totals: Sequence[float],
    iterations: int = 500,
    tolerance: float = 1e-9,
) -> list[list[float]]:
    """Scale rows and columns of `seed` in turn until its sums match the totals (IPF)."""
    table = [list(map(float, row)) for row in seed]
    for _ in range(iterations):
        for row, target in zip(table, row_totals, strict=True):
            _scale(row, target)
        worst = 0.0
        for j, target in enumerate(column_totals):
            current = math.fsum(row[j] for row in table)
            if current > 0:
                for row in table:
                    row[j] *= target / current
            worst = max(worst, abs(current - target))
        row_error = max(
            (abs(math.fsum(r) - t) for r, t in zip(table, row_totals, strict=True)), default=0.0
        )
        if max(worst, row_error) < tolerance:
            break
    return table


def _scale(values: list[float], target: float) -> None:
    current = math.fsum(values)
    if current > 0:
        for i, v in enumerate(values):
            values[i] = v * target / current


def round_table(
    table: Sequence[Sequence[float]], row_totals: Sequence[int], column_totals: Sequence[int]
) -> list[list[int]]:
    """Whole numbers for a table whose sums are (nearly) the totals, with exact sums.

    Every cell starts rounded down; the rows' and columns' shortfalls are then made up one unit
    at a time along augmenting paths (a flow from rows to columns through cells with positive
    weight), so each cell ends within one of its value and any feasible table is found.
    """
    if sum(row_totals) != sum(column_totals):
        raise ValueError("row and column totals differ")
    cells = [[math.floor(v + 1e-9) for v in row] for row in table]
    allowed = [[v > 0 for v in row] for row in table]
    bumped = [[False] * len(row) for row in table]
    row_short = [t - sum(r) for t, r in zip(row_totals, cells, strict=True)]
    column_short = [t - sum(r[j] for r in cells) for j, t in enumerate(column_totals)]
    if any(s < 0 for s in row_short + column_short):
        raise ValueError("the table's values exceed the totals")
    by_fraction = sorted(
        ((i, j) for i, row in enumerate(table) for j, v in enumerate(row) if v > 0),
        key=lambda ij: -(table[ij[0]][ij[1]] - cells[ij[0]][ij[1]]),
    )
    for i, j in by_fraction:  # the obvious choices first: largest fractions
        if row_short[i] > 0 and column_short[j] > 0:
            _bump(cells, bumped, row_short, column_short, [(i, j)])
    while any(row_short):
        path = _augmenting_path(allowed, bumped, row_short, column_short)
        if path is None:
            raise ValueError("no whole-number table has these totals")
        _bump(cells, bumped, row_short, column_short, path)
    return cells


def _augmenting_path(allowed, bumped, row_short, column_short):
    """Cells (row, column) alternately raised and lowered, from a short row to a short column."""
    start = [i for i, s in enumerate(row_short) if s > 0]
    came_from_row: dict[int, tuple[int, int] | None] = {i: None for i in start}
    came_from_column: dict[int, tuple[int, int]] = {}
    frontier = list(start)
    while frontier:
        next_rows = []
        for i in frontier:
            for j, ok in enumerate(allowed[i]):
                if ok and not bumped[i][j] and j not in came_from_column:
                    came_from_column[j] = (i, j)
                    if column_short[j] > 0:
                        return _trace(j, came_from_row, came_from_column)
                    for k in range(len(allowed)):
                        if bumped[k][j] and k not in came_from_row:
                            came_from_row[k] = (k, j)
                            next_rows.append(k)
        frontier = next_rows
    return None


def _trace(column, came_from_row, came_from_column):
    path = []
    while True:
        i, j = came_from_column[column]
        path.append((i, j))
        back = came_from_row[i]
        if back is None:
            return path[::-1]
        path.append(back)
        column = back[1]


def _bump(cells, bumped, row_short, column_short, path):
    """Raise the path's odd cells and lower its even ones; only its ends change any sums."""
    for step, (i, j) in enumerate(path):
        change = 1 if step % 2 == 0 else -1
        cells[i][j] += change
        bumped[i][j] = change > 0
    first_row, last_column = path[0][0], path[-1][1]
    row_short[first_row] -= 1
    column_short[last_column] -= 1


def fit_table(seed, row_totals: Sequence[int], column_totals: Sequence[int]) -> list[list[int]]:
    """A whole-number table with exactly these sums, shaped like `seed`."""
    return round_table(rake(seed, row_totals, column_totals), row_totals, column_totals)


# --- Plans for a register -------------------------------------------------------------------


@dataclass(frozen=True)
class PlanCell:
    age: str  # DfE age label
    setting: str  # caseload column
    need: str  # need code, or "unknown"
    count: int


@dataclass
class RegisterPlan:
    """How many people to create with each combination, for one kind of SEN provision."""

    provision: str  # "E" (EHC plan) or "K" (SEN support)
    cells: list[PlanCell]
    sex_by_need: dict[str, dict[str, int]]
    ethnicity: dict[str, int]
    years_by_age: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(c.count for c in self.cells)

    def count_by(self, attribute: str) -> dict[str, int]:
        counts: Counter = Counter()
        for cell in self.cells:
            counts[getattr(cell, attribute)] += cell.count
        return dict(counts)


def _shares(counts: Mapping[str, float], keys: Sequence[str]) -> list[float]:
    total = math.fsum(counts.get(k, 0) for k in keys)
    return [counts.get(k, 0) / total if total else 0.0 for k in keys]


def _matching(published: Mapping[str, int], total: int, fallback: Mapping[str, int]) -> dict:
    """The LA's breakdown if it adds up to the total, else the total shared like England's."""
    if published and sum(published.values()) == total:
        return dict(published)
    keys = list(fallback)
    return dict(zip(keys, apportion(total, [fallback[k] for k in keys]), strict=True))


def ehc_age_settings(figures: PublishedFigures, england: PublishedFigures) -> dict[str, dict]:
    """Plans by age and setting: the LA's own, or where suppressed its ages with England's mix."""
    result = {}
    for age in AGE_LABELS:
        plans = figures.by_age.get(age, 0)
        if not plans:
            continue
        own = figures.by_age_and_setting.get(age)
        if own and sum(own.values()) == plans:
            result[age] = {s: n for s, n in own.items() if n}
        else:
            mix = england.by_age_and_setting[age]
            parts = apportion(plans, [mix[s] for s in SETTING_COLUMNS])
            result[age] = {s: n for s, n in zip(SETTING_COLUMNS, parts, strict=True) if n}
    return result


def _need_seed(age: str, setting: str, needs: list[str], england: PublishedFigures) -> list:
    """England's association of need with age and with setting, combined (log-linear)."""
    overall = _shares(england.by_need, needs)
    by_age = _shares(england.need_by_age.get(age, england.by_need), needs)
    by_setting = _shares(england.need_by_setting.get(setting, england.by_need), needs)
    return [
        (a * s / o if o else 0.0) + TINY
        for a, s, o in zip(by_age, by_setting, overall, strict=True)
    ]


def plan_ehc_register(figures: PublishedFigures, england: PublishedFigures) -> RegisterPlan:
    """Exact counts for an LA's EHC plans as at January 2025."""
    total = figures.total
    age_settings = ehc_age_settings(figures, england)
    rows = [
        (age, setting, n)
        for age, settings in age_settings.items()
        for setting, n in settings.items()
    ]
    needs = list(england.by_need)
    need_totals = _matching(figures.by_need, total, england.by_need)
    seed = [_need_seed(age, setting, needs, england) for age, setting, _ in rows]
    table = fit_table(seed, [n for *_, n in rows], [need_totals.get(k, 0) for k in needs])
    cells = [
        PlanCell(age, setting, need, count)
        for (age, setting, _), counts in zip(rows, table, strict=True)
        for need, count in zip(needs, counts, strict=True)
        if count
    ]
    plan = RegisterPlan(
        "E", cells, {}, _matching(figures.by_ethnicity, total, england.by_ethnicity)
    )
    plan.sex_by_need = _sex_by_need(
        plan, _matching(figures.by_sex, total, england.by_sex), england.need_by_sex
    )
    plan.years_by_age = _years_by_age(plan.count_by("age"), figures, england)
    return plan


def _sex_by_need(plan: RegisterPlan, sex_totals: dict, need_by_sex: dict) -> dict:
    need_totals = plan.count_by("need")
    needs, sexes = list(need_totals), [s for s in sex_totals if sex_totals[s]]
    seed = [[need_by_sex.get(s, {}).get(need, 0) + TINY for s in sexes] for need in needs]
    table = fit_table(seed, [need_totals[n] for n in needs], [sex_totals[s] for s in sexes])
    return {
        need: dict(zip(sexes, row, strict=True)) for need, row in zip(needs, table, strict=True)
    }


def _age_started_label(age: int) -> str:
    if age <= 2:
        return "age 2 and under"
    return "age 20 and over" if age >= 20 else f"age {age}"


def _years_by_age(age_totals: dict, figures: PublishedFigures, england: PublishedFigures):
    """Years each plan has been in place (census year minus start year), fitted by age.

    A plan cannot be older than the child; the seed weights each combination by how often
    plans start at the implied age in England.
    """
    total = sum(age_totals.values())
    year_totals = _matching(figures.by_years_in_plan, total, england.by_years_in_plan)
    labels = [y for y in YEARS_IN_PLAN if year_totals.get(y)]
    ages = [a for a in AGE_LABELS if age_totals.get(a)]
    started = england.by_age_plan_started
    seed = []
    for age in ages:
        oldest = max(ages_in(age))
        seed.append(
            [
                (started.get(_age_started_label(oldest - YEARS_IN_PLAN[y] + 1), 0) + 1)
                if YEARS_IN_PLAN[y] <= oldest + 1
                else 0.0
                for y in labels
            ]
        )
    table = fit_table(seed, [age_totals[a] for a in ages], [year_totals[y] for y in labels])
    return {
        age: {y: n for y, n in zip(labels, row, strict=True) if n}
        for age, row in zip(ages, table, strict=True)
    }


def ehc_pupils_in_schools(plan: RegisterPlan) -> int:
    """EHC plans of children in schools (what the school census counts), aged up to 19."""
    return sum(
        c.count for c in plan.cells if BY_COLUMN[c.setting].is_school and max(ages_in(c.age)) <= 19
    )


MAINSTREAM_TYPES = [
    "mainstream_la_maintained",
    "mainstream_academy",
    "mainstream_free_school",
    "mainstream_independent",
]


def mainstream_mix(plan: RegisterPlan, age: int, settings=tuple(MAINSTREAM_TYPES)) -> dict:
    """Shares of mainstream school types among the LA's EHC pupils in the phase of an age
    (primary to 10, secondary from 11), smoothed so every type has some."""
    phase_ages = range(0, 11) if age <= 10 else range(11, 26)
    counts: Counter = Counter()
    for cell in plan.cells:
        if cell.setting in settings and min(ages_in(cell.age)) in phase_ages:
            counts[cell.setting] += cell.count
    weights = [counts[s] + 0.5 for s in settings]
    total = math.fsum(weights)
    return {s: w / total for s, w in zip(settings, weights, strict=True)}


def _sen_support_settings(age: int, ehc: RegisterPlan) -> dict[str, float]:
    """Where pupils on SEN support of an age are: mostly mainstream schools of the LA's mix."""
    mainstream = mainstream_mix(ehc, age)
    if age <= 3:
        return {"nm_early_years": 0.65, **{s: 0.35 * w for s, w in mainstream.items()}}
    if age <= 15:
        settings = {s: 0.985 * w for s, w in mainstream.items()}
        settings["special_la_maintained"] = 0.005
        if age >= 11:
            settings["ap_pru_la_maintained"] = 0.01
        return settings
    sixth_form = 0.35 if age <= 17 else 0.10
    return {
        "general_fe_tertiary_colleges": 1 - sixth_form,
        **{s: sixth_form * w for s, w in mainstream.items()},
    }


def plan_sen_support(ehc: RegisterPlan) -> RegisterPlan:
    """SEN support at England's ratio to EHC plans in schools, in the school census pattern."""
    total = round(ehc_pupils_in_schools(ehc) * SEN_SUPPORT_PER_EHC_PUPIL)
    ages = list(SEN_SUPPORT_AGE_WEIGHTS)
    rows = []
    for age, age_total in zip(
        ages, apportion(total, list(SEN_SUPPORT_AGE_WEIGHTS.values())), strict=True
    ):
        shares = _sen_support_settings(age, ehc)
        settings = list(shares)
        for setting, n in zip(settings, apportion(age_total, list(shares.values())), strict=True):
            if n:
                rows.append((f"age {age}" if age >= 3 else "under 3", setting, n, age))
    needs = list(SEN_SUPPORT_NEED_SHARES)
    need_totals = apportion(total, list(SEN_SUPPORT_NEED_SHARES.values()))
    seed = [
        [
            SEN_SUPPORT_NEED_SHARES[need]
            * math.exp(SEN_SUPPORT_NEED_AGE_TREND.get(need, 0.0) * (age - 9))
            for need in needs
        ]
        for *_, age in rows
    ]
    table = fit_table(seed, [n for _, _, n, _ in rows], need_totals)
    cells = [
        PlanCell(label, setting, need, count)
        for (label, setting, _, _), counts in zip(rows, table, strict=True)
        for need, count in zip(needs, counts, strict=True)
        if count
    ]
    plan = RegisterPlan("K", cells, {}, {})
    boys, girls = apportion(total, [SEN_SUPPORT_BOYS, 1 - SEN_SUPPORT_BOYS])
    need_by_sex = {
        "M": {n: BOYS_SHARE_BY_NEED.get(n, 0.55) for n in needs},
        "F": {n: 1 - BOYS_SHARE_BY_NEED.get(n, 0.55) for n in needs},
    }
    plan.sex_by_need = _sex_by_need(plan, {"M": boys, "F": girls}, need_by_sex)
    plan.ethnicity = _matching({}, total, ehc.ethnicity)
    return plan
