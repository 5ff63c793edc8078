"""Build the small bundled data files from the shared source data (run by developers).

    .venv/bin/python data/build_data.py [--shared ../shared/data]

Reads DfE's "Education, health and care plans" 2025 release and data-to-insight's LA lookup from
the shared data folder and writes the few rows OpenSEND needs under data/. The product reads only
the files written here, never the shared folder. See data/SOURCES.md.
"""

import argparse
import csv
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent
DEFAULT_SHARED = DATA.parent.parent / "shared" / "data"
CENSUS_PERIOD = "202425"
NATIONAL_CODE = ""
NATIONAL_NAME = "England"

# The caseload file's setting columns: mutually exclusive, they sum to `ehcplans`.
SETTING_COLUMNS = [
    "mainstream_la_maintained",
    "mainstream_la_maintained_resourced_provision",
    "mainstream_la_maintained_senunit",
    "mainstream_academy",
    "mainstream_academy_resourced_provision",
    "mainstream_academy_senunit",
    "mainstream_free_school",
    "mainstream_free_school_resourced_provision",
    "mainstream_free_school_senunit",
    "mainstream_independent",
    "special_la_maintained",
    "special_academy_free",
    "special_independent",
    "special_non_maintained",
    "ap_pru_academy",
    "ap_pru_free_school",
    "ap_pru_la_maintained",
    "general_fe_tertiary_colleges",
    "specialist_post_16_institutions",
    "ukrlp_provider",
    "elective_home_education",
    "other_arrangements_la",
    "other_arrangements_parents",
    "online_provider",
    "w_settings",
    "other_schools",
    "other_placement_settings",
    "neet",
    "neet_ntci",
    "neet_other",
    "neet_other_csa",
    "nm_early_years",
    "placement_unknown",
]
NEED_COLUMNS = [
    "number_asd",
    "number_hi",
    "number_mld",
    "number_msi",
    "number_oth",
    "number_pd",
    "number_pmld",
    "number_semh",
    "number_slcn",
    "number_sld",
    "number_spld",
    "number_vi",
    "number_need_unknown",
]
CASELOAD_TOPICS_WITH_SETTINGS = {"All EHC plans", "Child or young persons age"}
CASELOAD_LA_TOPICS = CASELOAD_TOPICS_WITH_SETTINGS | {
    "Sex",
    "Ethnicity",
    "Years EHC plan in place",
}
CASELOAD_NATIONAL_ONLY_TOPICS = {"Age when plan started"}
NEEDS_LA_TOPICS = {"All EHC plans"}
# Casework in each calendar year: (file, the "All ..." headline breakdown, columns kept).
CASEWORK_FILES = [
    (
        "requests.csv",
        "All requests for EHC needs assessments",
        [
            "requests_received_in_year",
            "requests_rya",
            "requests_decided_to_assess",
            "requests_decided_not_to_assess",
            "requests_decision_not_made",
            "requests_withdrawn",
            "request_outcome_six_weeks",
            "request_outcome_over_6_weeks",
            "mediation_related_request",
            "tribunal_related_request",
            "tribunal_after_mediation_request",
        ],
    ),
    (
        "assessments.csv",
        "All EHC needs assessments",
        [
            "assess_in_year",
            "assess_issued",
            "assess_not_issued",
            "assess_not_made",
            "assess_withdrawn",
            "outcome_decision_within_time",
            "outcome_decision_over_time",
            "number_assess_mediation",
            "number_assess_tribunal",
            "number_asssess_mediation_tribunal",
            "number_other_mediation",
            "number_other_tribunal",
            "number_other_mediation_tribunal",
        ],
    ),
    (
        "timeliness_20_week.csv",
        "All EHC plans issued",
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
    ),
    ("newplans.csv", "New EHC plans", ["new_ehc_plans"]),
    (
        "ceased_plans.csv",
        "All ceased EHC plans",
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
    ),
    (
        "annual_reviews.csv",
        "All annual reviews",
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
            "review_decision_not_due",
            "review_decision_outstanding",
            "outcome_amend",
            "outcome_cease",
            "outcome_maintan",
            "no_outcome",
            "number_decsion_4weeks",
            "number_decision_gt_4weeks",
        ],
    ),
]
CASEWORK_COLUMNS = [c for _, _, columns in CASEWORK_FILES for c in columns]
CASEWORK_YEARS = range(2015, 2025)
NEEDS_NATIONAL_TOPICS = {"All EHC plans", "Child or young persons age", "Type of placement", "Sex"}


def read_ees(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:  # DfE files start with a BOM
        return [row for row in csv.DictReader(f) if row["time_period"] == CENSUS_PERIOD]


def place(row: dict) -> tuple[str, str] | None:
    """(la_code, la_name) for an LA or National row; None for regions."""
    if row["geographic_level"] == "National":
        return NATIONAL_CODE, NATIONAL_NAME
    if row["geographic_level"] == "Local authority":
        return row["old_la_code"], row["la_name"]
    return None


def count(value: str) -> str:
    """A count as published, or blank where DfE suppressed it ('x') or it does not apply ('z')."""
    return value if value.isdigit() else ""


def wanted(row: dict, la_topics: set, national_topics: set) -> bool:
    topics = national_topics if row["geographic_level"] == "National" else la_topics
    return row["breakdown_topic"] in topics


def build_caseload(shared: Path) -> list[list[str]]:
    rows = []
    for row in read_ees(shared / "ees/ehcp_2025_release/caseload.csv"):
        where = place(row)
        national_topics = CASELOAD_LA_TOPICS | CASELOAD_NATIONAL_ONLY_TOPICS
        if where is None or not wanted(row, CASELOAD_LA_TOPICS, national_topics):
            continue
        with_settings = row["breakdown_topic"] in CASELOAD_TOPICS_WITH_SETTINGS
        settings = [count(row[c]) if with_settings else "" for c in SETTING_COLUMNS]
        check_settings_sum(row, settings)
        rows.append(
            [*where, row["breakdown_topic"], row["breakdown"], count(row["ehcplans"]), *settings]
        )
    return sorted(rows, key=lambda r: (r[0], r[2], r[3]))


def check_settings_sum(row: dict, settings: list[str]) -> None:
    if all(settings) and sum(int(v) for v in settings) != int(row["ehcplans"]):
        raise SystemExit(f"Settings do not sum to the total: {row['la_name']} {row['breakdown']}")


def build_needs(shared: Path) -> list[list[str]]:
    rows = []
    for row in read_ees(shared / "ees/ehcp_2025_release/sen_needs_all_plans.csv"):
        where = place(row)
        if where is None or not wanted(row, NEEDS_LA_TOPICS, NEEDS_NATIONAL_TOPICS):
            continue
        rows.append(
            [
                *where,
                row["breakdown_topic"],
                row["breakdown"],
                count(row["ehc_plans"]),
                *(count(row[c]) for c in NEED_COLUMNS),
            ]
        )
    return sorted(rows, key=lambda r: (r[0], r[2], r[3]))


def build_casework(shared: Path) -> list[list[str]]:
    """One row per area and calendar year: the headline casework counts of every file."""
    by_area: dict[tuple[str, str, str], dict[str, str]] = {}
    for name, headline, columns in CASEWORK_FILES:
        path = shared / "ees/ehcp_2025_release" / name
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                where = place(row)
                year = row["time_period"]
                if where is None or row["breakdown"] != headline:
                    continue
                if int(year) not in CASEWORK_YEARS:
                    continue
                counts = by_area.setdefault((where[0], where[1], year), {})
                counts.update({c: count(row[c]) for c in columns})
    return [
        [code, name, year, *(counts.get(c, "") for c in CASEWORK_COLUMNS)]
        for (code, name, year), counts in sorted(by_area.items())
    ]


def build_local_authorities(shared: Path, caseload: list[list[str]]) -> list[list[str]]:
    """The 153 current LAs: names, ONS codes and regions as DfE publishes them, population and
    statistical neighbours from data-to-insight's lookup."""
    published = {}
    for row in read_ees(shared / "ees/ehcp_2025_release/caseload.csv"):
        if row["geographic_level"] == "Local authority":
            published[row["old_la_code"]] = row
    with (shared / "reference/la_lookup.csv").open(encoding="utf-8-sig", newline="") as f:
        lookup = {row["la_code"]: row for row in csv.DictReader(f)}
    rows = []
    for code, row in sorted(published.items()):
        extra = lookup[code]
        aliases = [a.strip() for a in extra["also_known_as"].strip("[]").split(",") if a.strip()]
        if extra["local_authority_ons_name"] != row["la_name"]:
            aliases.append(extra["local_authority_ons_name"])
        neighbours = " ".join(n.strip() for n in extra["stat_neighbours"].split(","))
        rows.append(
            [
                code,
                row["la_name"],
                row["region_name"],
                row["new_la_code"],
                extra["ons_population_0-25"],
                extra["ons_la_type"],
                neighbours,
                "; ".join(aliases),
            ]
        )
    assert len(rows) == 153, f"expected 153 current LAs, found {len(rows)}"
    assert {r[0] for r in caseload if r[0]} == {r[0] for r in rows}
    return rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    size = path.stat().st_size
    sys.stderr.write(f"{path.relative_to(DATA.parent)}: {len(rows)} rows, {size:,} bytes\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    shared = parser.parse_args().shared
    place_columns = ["la_code", "la_name", "breakdown_topic", "breakdown"]
    caseload = build_caseload(shared)
    write(
        DATA / "ees/caseload_202425_la.csv",
        [*place_columns, "ehcplans", *SETTING_COLUMNS],
        caseload,
    )
    write(
        DATA / "ees/needs_202425_la.csv",
        [*place_columns, "ehc_plans", *NEED_COLUMNS],
        build_needs(shared),
    )
    write(
        DATA / "ees/casework_la.csv",
        ["la_code", "la_name", "year", *CASEWORK_COLUMNS],
        build_casework(shared),
    )
    write(
        DATA / "reference/local_authorities.csv",
        [
            "la_code",
            "name",
            "region",
            "ons_code",
            "population_0_25",
            "la_type",
            "statistical_neighbours",
            "also_known_as",
        ],
        build_local_authorities(shared, caseload),
    )


if __name__ == "__main__":
    main()
