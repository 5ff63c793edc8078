"""The breakdown topics and age bands DfE uses, table by table (2025 release; 2026 where the
collection year is 2026 or later)."""

from __future__ import annotations

import polars as pl

from opensend.returns.sen2.settings_lookup import GROUP_TOTALS, SETTING_COLUMNS, SETTING_TYPES
from opensend.returns.sen2.statistics.breakdowns import (
    ETHNICITY_ORDER,
    SEX_ORDER,
    AgeBands,
    Topic,
    placement_order,
)

ETHNICITY = Topic("Ethnicity", ("ethnicity_label",), ETHNICITY_ORDER)
SEX = Topic("Sex", ("sex_label",), SEX_ORDER)
PLACEMENT = Topic("Type of placement", ("placement", "placement_group"), placement_order())
# Personal budgets, residential and work-based placements spell one label differently.
PLACEMENT_LOWER = Topic(
    "Type of placement",
    ("placement", "placement_group"),
    placement_order("Special - academy/free school"),
)
SPECIAL_LOWER = {"Special - Academy/free schools": "Special - academy/free school"}

# A population's type of setting: a caseload column (`settings_lookup.SETTING_COLUMNS`).
SETTING = pl.Enum(SETTING_COLUMNS)
# The type of placement topic's labels, from the type of setting: its type and its group total.
_PLACEMENT = pl.col("setting").replace_strict(
    {s.column: s.label for s in SETTING_TYPES}, return_dtype=pl.String
)
_GROUP = pl.col("setting").replace_strict(
    {
        s.column: total.label
        for s in SETTING_TYPES
        for total in GROUP_TOTALS
        if total.group == s.group and total.label
    },
    default=None,
    return_dtype=pl.String,
)
PLACEMENT_LABELS = (_PLACEMENT.alias("placement"), _GROUP.alias("placement_group"))
PLACEMENT_LOWER_LABELS = (
    _PLACEMENT.replace(SPECIAL_LOWER).alias("placement"),
    _GROUP.alias("placement_group"),
)

# Ages on 31 August before the census (as-at-January tables).
CURRENT_AGE = AgeBands(2, "under 3", 25, "age 25", "age {}", "unknown")
CURRENT_AGE_CAPPED = AgeBands(2, "age 2 and under", 20, "age 20 and over", "age {}", "Age unknown")
REVIEW_AGE = AgeBands(2, "Aged 2 and under", 20, "Aged 20 and over", "Aged {}", "Age unknown")
YOUNG_PERSON_AGE = AgeBands(15, "age 15 and under", 25, "age 25 or over", "age {}", "Age unknown")
# Ages on the day a plan started, a request was received, a plan ceased.
AGE_AT_START = AgeBands(2, "age 2 and under", 20, "age 20 and over", "age {}", "unknown")
AGE_AT_REQUEST = AgeBands(2, "Aged 2 and under", 20, "Aged 20 and over", "Aged {}", "Age unknown")
AGE_AT_REQUEST_ISSUED = AgeBands(2, "age 2 and under", 20, "age 20 and over", "age {}", "Unknown")
AGE_AT_CEASE = AgeBands(2, "age 2 and under", 20, "age 20 and over", "age {}", "Age unknown")
# Whole years a plan has been in place (as at January) or was held (ceased plans).
YEARS_IN_PLACE = AgeBands(0, "Less than a year", 12, "12 or more", "{}", "unknown")
YEARS_HELD = AgeBands(0, "Under a year", 12, "12 years and over", "{} years", "unknown", "1 year")
