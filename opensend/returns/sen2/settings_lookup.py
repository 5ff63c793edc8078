"""The types of setting DfE counts EHC plans in (the caseload file's columns), and how a placement
maps to one: an establishment type (from a URN through GIAS, or a UKPRN through UKRLP) with the
record's SEN unit and resourced provision indicators, or an SEN2 setting code. Pure Python.

The statistics (`statistics/`) and the demo (which builds synthetic placements of each type) both
read these. Labels are the `breakdown` values of DfE's "Type of placement" rows; `GROUP_TOTALS`
names the total columns and rows of each group.
"""

from __future__ import annotations

from dataclasses import dataclass

MAINSTREAM = "mainstream"
SPECIAL = "special"
ALTERNATIVE_PROVISION = "ap"
FURTHER_EDUCATION = "fe"
ELSEWHERE = "elsewhere"
EARLY_YEARS = "early_years"
NOT_RECORDED = "not_recorded"

# Compulsory school age, as ages on 31 August (DfE splits "not in education" by it).
COMPULSORY_SCHOOL_AGES = range(5, 16)


@dataclass(frozen=True)
class SettingType:
    column: str  # the column in DfE's caseload file
    label: str  # the breakdown in DfE's needs-by-type-of-placement rows
    group: str
    establishment_type: str = ""
    sen_setting: str = ""
    in_sen_unit: bool = False
    in_resourced_provision: bool = False

    @property
    def is_school(self) -> bool:
        """Counted by the school census: mainstream, special and AP schools."""
        return self.group in (MAINSTREAM, SPECIAL, ALTERNATIVE_PROVISION)


def _mainstream(column: str, label: str, establishment_type: str) -> list[SettingType]:
    return [
        SettingType(column, label, MAINSTREAM, establishment_type),
        SettingType(
            f"{column}_resourced_provision",
            f"{label} (resourced provision)",
            MAINSTREAM,
            establishment_type,
            in_resourced_provision=True,
        ),
        SettingType(
            f"{column}_senunit",
            f"{label} (SEN unit)",
            MAINSTREAM,
            establishment_type,
            in_sen_unit=True,
        ),
    ]


SETTING_TYPES = [
    *_mainstream("mainstream_la_maintained", "Mainstream - LA maintained", "LA_MAINSTREAM"),
    *_mainstream("mainstream_academy", "Mainstream - academy", "ACADEMY_MAINSTREAM"),
    *_mainstream("mainstream_free_school", "Mainstream - free school", "FREE_MAINSTREAM"),
    SettingType(
        "mainstream_independent", "Mainstream - independent", MAINSTREAM, "INDEPENDENT_MAINSTREAM"
    ),
    SettingType("special_la_maintained", "Special - LA maintained", SPECIAL, "LA_SPECIAL"),
    SettingType(
        "special_academy_free", "Special - Academy/free schools", SPECIAL, "ACADEMY_SPECIAL"
    ),
    SettingType("special_independent", "Special - independent", SPECIAL, "INDEPENDENT_SPECIAL"),
    SettingType(
        "special_non_maintained", "Special - non-maintained", SPECIAL, "NON_MAINTAINED_SPECIAL"
    ),
    SettingType("ap_pru_academy", "AP/PRU - academy", ALTERNATIVE_PROVISION, "AP_ACADEMY"),
    SettingType("ap_pru_free_school", "AP/PRU - free school", ALTERNATIVE_PROVISION, "AP_FREE"),
    SettingType("ap_pru_la_maintained", "AP/PRU - LA maintained", ALTERNATIVE_PROVISION, "PRU"),
    SettingType(
        "general_fe_tertiary_colleges",
        "FE - general FE and tertiary colleges",
        FURTHER_EDUCATION,
        "FE_COLLEGE",
    ),
    SettingType(
        "specialist_post_16_institutions",
        "FE - specialist post-16 institutions",
        FURTHER_EDUCATION,
        "SPECIALIST_POST16",
    ),
    SettingType("ukrlp_provider", "FE - UKRLP provider", FURTHER_EDUCATION, "UKRLP_PROVIDER"),
    SettingType(
        "elective_home_education",
        "Educated elsewhere - elective home education",
        ELSEWHERE,
        sen_setting="EHE",
    ),
    SettingType(
        "other_arrangements_la",
        "Educated elsewhere - other arrangements by LA",
        ELSEWHERE,
        sen_setting="OLA",
    ),
    SettingType(
        "other_arrangements_parents",
        "Educated elsewhere - other arrangements by parents",
        ELSEWHERE,
        sen_setting="OPA",
    ),
    SettingType("online_provider", "Educated elsewhere - online provider", ELSEWHERE, "ONLINE"),
    SettingType("w_settings", "Educated elsewhere - Welsh establishment", ELSEWHERE, "WELSH"),
    SettingType(
        "other_schools",
        "Educated elsewhere - other schools and establishments",
        ELSEWHERE,
        "OTHER_SCHOOL",
    ),
    SettingType(
        "other_placement_settings",
        "Educated elsewhere - other placement settings",
        ELSEWHERE,
        sen_setting="OTH",
    ),
    SettingType("neet", "Educated elsewhere - NEET", ELSEWHERE, sen_setting="NEET"),
    SettingType(
        "neet_ntci",
        "Educated elsewhere - not in education or training (notice to cease issued)",
        ELSEWHERE,
        sen_setting="NIEC",
    ),
    SettingType(
        "neet_other",
        "Educated elsewhere - not in education or training (other)",
        ELSEWHERE,
        sen_setting="NIEO",
    ),
    SettingType(
        "neet_other_csa",
        "Educated elsewhere - not in education or training (compulsory school age)",
        ELSEWHERE,
        sen_setting="NIEO",
    ),
    SettingType("nm_early_years", "Non-maintained early years", EARLY_YEARS, "EARLY_YEARS"),
    SettingType("placement_unknown", "Placement not recorded", NOT_RECORDED),
]
BY_COLUMN = {s.column: s for s in SETTING_TYPES}
BY_LABEL = {s.label: s for s in SETTING_TYPES}
SETTING_COLUMNS = [s.column for s in SETTING_TYPES]

_BY_ESTABLISHMENT = {
    (s.establishment_type, s.in_sen_unit, s.in_resourced_provision): s.column
    for s in SETTING_TYPES
    if s.establishment_type
}
_BY_SEN_SETTING = {
    s.sen_setting: s.column for s in SETTING_TYPES if s.sen_setting and s.column != "neet_other_csa"
}
_BY_SEN_SETTING["EYP"] = "nm_early_years"  # an early years provider without a URN


def setting_type_of(
    *,
    age: int,
    establishment_type: str = "",
    in_sen_unit: bool = False,
    in_resourced_provision: bool = False,
    sen_setting: str = "",
) -> str:
    """The caseload column a main (rank 1) placement is counted in; 'placement_unknown' if none.

    `age` is the age on 31 August before the census: "not in education or training (other)" is
    split into compulsory school age and other ages.
    """
    if establishment_type:
        key = (establishment_type, in_sen_unit, in_resourced_provision)
        return _BY_ESTABLISHMENT.get(key) or _BY_ESTABLISHMENT[(establishment_type, False, False)]
    if sen_setting == "NIEO" and age in COMPULSORY_SCHOOL_AGES:
        return "neet_other_csa"
    return _BY_SEN_SETTING.get(sen_setting, "placement_unknown")


@dataclass(frozen=True)
class GroupTotal:
    """A group's total in DfE's files: its column, percentage column and breakdown label."""

    group: str
    column: str
    pc_column: str
    label: str


GROUP_TOTALS = [
    GroupTotal(MAINSTREAM, "mainstream_total", "mainstream_total_pc", "Mainstream - total"),
    GroupTotal(SPECIAL, "special_total", "special_total_pc", "Special - total"),
    GroupTotal(ALTERNATIVE_PROVISION, "ap_pru_total", "AP_PRU_total_pc", "AP/PRU - total"),
    GroupTotal(FURTHER_EDUCATION, "fe_total", "fe_total_pc", "FE - total"),
    GroupTotal(ELSEWHERE, "ed_elsewhere", "ed_elsewhere_pc", "Educated elsewhere - total"),
    GroupTotal(EARLY_YEARS, "", "nm_early_years_pc", ""),
    GroupTotal(NOT_RECORDED, "", "placement_unknown_pc", ""),
]


def establishment_columns() -> dict[tuple[str, bool, bool], str]:
    """Every (establishment type, SEN unit, resourced provision) with its caseload column."""
    return {
        (kind, unit, resourced): setting_type_of(
            age=0,
            establishment_type=kind,
            in_sen_unit=unit,
            in_resourced_provision=resourced,
        )
        for kind in {s.establishment_type for s in SETTING_TYPES if s.establishment_type}
        for unit in (False, True)
        for resourced in (False, True)
    }


def sen_setting_columns() -> dict[str, str]:
    """SEN2 setting codes (4.7c, 5.7c) with their column, outside compulsory school age."""
    return dict(_BY_SEN_SETTING)
