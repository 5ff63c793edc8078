"""The breakdown topics and age bands DfE uses, table by table (2025 release; 2026 where the
collection year is 2026 or later)."""

from __future__ import annotations

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
