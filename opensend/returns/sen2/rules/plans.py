"""Named plan rules (N, module 4a) and plan detail rules (D, module 4b): the plan's dates and
features, and the settings it names."""

from __future__ import annotations

from opensend.returns.sen2 import codes
from opensend.returns.sen2.records import NamedPlan, PlacementDetail, PlanDetail
from opensend.returns.sen2.rules.common import (
    UKPRN_SHAPE,
    URN_SHAPE,
    bad_code,
    code_rule,
    dates_rules,
    flags_rule,
    number_finding,
    rank_finding,
    setting_kind_finding,
    shape_names,
)
from opensend.returns.sen2.rules.engine import WARNING, Context, Finding, Outcome, rule

MAX_PLAN_DETAILS = 2

# --- Module 4a: the named plan ------------------------------------------------------------------


@rule(
    "N01",
    "named plan",
    "StartDate is present",
    "Write the date of the plan as YYYY-MM-DD",
    when="not record.start_date",
)
def start_date_present(plan: NamedPlan, ctx: Context) -> Outcome:
    if plan.start_date:
        return None
    return Finding("StartDate", "", "StartDate is missing")


@rule(
    "N02",
    "named plan",
    "CeaseDate and CeaseReason are both present or both absent",
    "Give a ceased plan both its CeaseDate and CeaseReason; leave both out while it lasts",
    when="bool(record.cease_date) != bool(record.cease_reason)",
)
def cease_date_with_reason(plan: NamedPlan, ctx: Context) -> Outcome:
    if bool(plan.cease_date) == bool(plan.cease_reason):
        return None
    if plan.cease_date:
        return Finding("CeaseReason", "", "CeaseDate is given but CeaseReason is missing")
    return Finding(
        "CeaseDate", "", f"CeaseReason '{plan.cease_reason}' is given but CeaseDate is missing"
    )


code_rule("N03", "named plan", "cease_reason", "CeaseReason", codes.CEASE_REASONS)


@rule(
    "N04",
    "named plan",
    "CeaseReason 9 (other) is used only when no other reason fits (DfE queries it)",
    "Use reasons 1 to 8 where one fits; be ready to tell DfE why the plan ceased",
    severity=WARNING,
    when="record.cease_reason == '9'",
)
def cease_reason_other(plan: NamedPlan, ctx: Context) -> Outcome:
    if plan.cease_reason != "9":
        return None
    return Finding("CeaseReason", "9", "CeaseReason 9 (other): DfE will ask why the plan ceased")


code_rule("N05", "named plan", "plan_res", "PlanRes", codes.RESIDENTIAL)
code_rule("N06", "named plan", "plan_wbp", "PlanWBP", codes.WORK_BASED)
code_rule("N07", "named plan", "dp", "DP", codes.DIRECT_PAYMENTS)
flags_rule("N08", "named plan", [("pb", "PB"), ("oa", "OA")])


@rule(
    "N09",
    "named plan",
    "OA (organised arrangements) and DP (direct payments) are given only with a personal "
    "budget (PB 1)",
    "Set PB to 1 if a personal budget was taken up; otherwise leave OA and DP out",
    severity=WARNING,
    when="record.pb != '1' and (record.oa == '1' or record.dp)",
)
def budget_parts_need_budget(plan: NamedPlan, ctx: Context) -> Outcome:
    if plan.pb == "1" or not (plan.oa == "1" or plan.dp):
        return None
    element, value = ("OA", plan.oa) if plan.oa == "1" else ("DP", plan.dp)
    return Finding(
        element, value, f"{element} {value} is given but PB is not 1 (no personal budget)"
    )


dates_rules("N10", "N11", "named plan", [("start_date", "StartDate"), ("cease_date", "CeaseDate")])


@rule(
    "N12",
    "named plan",
    "CeaseDate is on or after StartDate",
    "Check both dates: a plan cannot cease before it starts",
    when="(dates[record.cease_date] or HIGH) < (dates[record.start_date] or LOW)",
)
def ceased_after_start(plan: NamedPlan, ctx: Context) -> Outcome:
    start, cease = ctx.date(plan.start_date), ctx.date(plan.cease_date)
    if start is None or cease is None or cease >= start:
        return None
    return Finding(
        "CeaseDate", plan.cease_date, f"CeaseDate {plan.cease_date} is before StartDate {start}"
    )


@rule(
    "N13",
    "named plan",
    "A plan from a request in the return (neither outcome H) starts on or after the request's "
    "ReceivedDate",
    "Check StartDate and ReceivedDate; a plan made before this request belongs to an H record",
    when="ctx.received is not None and (dates[record.start_date] or HIGH) < ctx.received",
)
def started_after_request(plan: NamedPlan, ctx: Context) -> Outcome:
    start = ctx.date(plan.start_date)
    if start is None or ctx.received is None or start >= ctx.received:
        return None
    if ctx.request.request_outcome == "H" or (
        ctx.assessment is not None and ctx.assessment.assessment_outcome == "H"
    ):
        return None
    return Finding(
        "StartDate",
        plan.start_date,
        f"StartDate {plan.start_date} is before the request's ReceivedDate "
        f"{ctx.request.received_date}",
    )


@rule(
    "N14",
    "named plan",
    f"At most {MAX_PLAN_DETAILS} PlanDetail (settings named in the plan)",
    "Keep the rank 1 and rank 2 settings named in the plan; remove the others",
    when="len(record.plan_details) > 2",
)
def at_most_two_named_settings(plan: NamedPlan, ctx: Context) -> Outcome:
    if len(plan.plan_details) <= MAX_PLAN_DETAILS:
        return None
    extra = plan.plan_details[MAX_PLAN_DETAILS]
    return Finding(
        "PlanDetail",
        str(len(plan.plan_details)),
        f"The plan names {len(plan.plan_details)} settings; SEN2 allows {MAX_PLAN_DETAILS}",
        line=extra.line,
    )


@rule(
    "N15",
    "named plan",
    "The settings named in a plan have different ranks, and a rank 2 setting comes with a "
    "rank 1 setting",
    "Rank the main setting 1 and any second setting 2",
    when="len(record.plan_details) > 1 or "
    "(len(record.plan_details) == 1 and record.plan_details[0].placement_rank == '2')",
)
def named_setting_ranks(plan: NamedPlan, ctx: Context) -> Outcome:
    ranks = [detail.placement_rank for detail in plan.plan_details if detail.placement_rank]
    if len(set(ranks)) < len(ranks):
        repeated = next(rank for rank in ranks if ranks.count(rank) > 1)
        return Finding(
            "PlacementRank", repeated, f"Two settings in the plan have PlacementRank {repeated}"
        )
    if "2" in ranks and "1" not in ranks:
        return Finding(
            "PlacementRank", "2", "The plan names a rank 2 setting but no rank 1 setting"
        )
    return None


@rule(
    "N16",
    "named plan",
    "A ceased plan in the return ceased in the period it covers (from 1 January of the year "
    "before the census)",
    "Leave out plans that ceased before the period, or correct the CeaseDate",
    severity=WARNING,
    when="(dates[record.cease_date] or HIGH) < START",
)
def ceased_in_period(plan: NamedPlan, ctx: Context) -> Outcome:
    cease = ctx.date(plan.cease_date)
    if cease is None or cease >= ctx.period_start:
        return None
    return Finding(
        "CeaseDate",
        plan.cease_date,
        f"The plan ceased on {plan.cease_date}, before the period the return covers "
        f"(from {ctx.period_start})",
    )


# --- Module 4b: settings named in the plan ------------------------------------------------------


@rule(
    "D01",
    "plan detail",
    "Exactly one of URN, UKPRN and SENsetting names the setting",
    "Give the URN of a school, the UKPRN of a provider without a URN, or else a SENsetting code",
    when="bool(record.urn) + bool(record.ukprn) + bool(record.sen_setting) != 1",
)
def plan_setting_named_once(detail: PlanDetail, ctx: Context) -> Outcome:
    return setting_kind_finding(detail)


@rule(
    "D02",
    "plan detail",
    "URN, when present, is 6 digits",
    "Check the URN in GIAS",
    when="record.urn and not URN_SHAPE(record.urn)",
    names=shape_names,
)
def plan_urn_digits(detail: PlanDetail, ctx: Context) -> Outcome:
    return number_finding("URN", detail.urn, URN_SHAPE, 6)


@rule(
    "D03",
    "plan detail",
    "UKPRN, when present, is 8 digits",
    "Check the UKPRN in UKRLP",
    when="record.ukprn and not UKPRN_SHAPE(record.ukprn)",
    names=shape_names,
)
def plan_ukprn_digits(detail: PlanDetail, ctx: Context) -> Outcome:
    return number_finding("UKPRN", detail.ukprn, UKPRN_SHAPE, 8)


@rule(
    "D04",
    "plan detail",
    "SENsetting, when present, is one a plan can name: OLA, OPA, EHE, EYP or OTH",
    "Use OLA, OPA, EHE, EYP or OTH; NEET, NIEC and NIEO describe placements, not plans",
    when="record.sen_setting and record.sen_setting not in PLAN_SETTINGS_OK",
    names=lambda year: {"PLAN_SETTINGS_OK": codes.allowed(codes.PLAN_SETTINGS, year)},
)
def plan_setting_code(detail: PlanDetail, ctx: Context) -> Outcome:
    value = detail.sen_setting
    if not value:
        return None
    found = bad_code("SENsetting", value, codes.PLAN_SETTINGS, ctx.year)
    if found is not None and value in codes.PLACEMENT_SETTINGS:
        return found._replace(
            message=f"SENsetting {value} describes a placement; a plan cannot name it",
            fix="Name the setting the plan names; record NEET, NIEC or NIEO as a placement",
        )
    return found


@rule(
    "D05",
    "plan detail",
    "SENsetting OTH (type of setting given, none named) comes with SENsettingOther",
    "Say in SENsettingOther what kind of setting the plan names (DfE queries OTH)",
    severity=WARNING,
    when="record.sen_setting == 'OTH' and not record.sen_setting_other",
)
def plan_other_setting_explained(detail: PlanDetail, ctx: Context) -> Outcome:
    if detail.sen_setting != "OTH" or detail.sen_setting_other:
        return None
    return Finding("SENsettingOther", "", "SENsetting is OTH but SENsettingOther is missing")


@rule(
    "D06",
    "plan detail",
    "PlacementRank is present and 1 or 2",
    "Write 1 for the main setting, 2 for a second",
    when="record.placement_rank not in ('1', '2')",
)
def plan_setting_rank(detail: PlanDetail, ctx: Context) -> Outcome:
    return rank_finding("PlacementRank", detail.placement_rank, ctx.year)


flags_rule(
    "D07",
    "plan detail",
    [
        ("sen_unit_indicator", "SENunitIndicator"),
        ("resourced_provision_indicator", "ResourcedProvisionIndicator"),
    ],
)


UNIT_WITHOUT_SCHOOL = (
    "not record.urn and "
    "(record.sen_unit_indicator == '1' or record.resourced_provision_indicator == '1')"
)


def unit_without_school(record: PlanDetail | PlacementDetail, ctx: Context) -> Outcome:
    """SEN units and resourced provision are in schools, so come with a URN."""
    if record.urn:
        return None
    for element, value in (
        ("SENunitIndicator", record.sen_unit_indicator),
        ("ResourcedProvisionIndicator", record.resourced_provision_indicator),
    ):
        if value == "1":
            return Finding(element, value, f"{element} is 1 but no school (URN) is named")
    return None


rule(
    "D08",
    "plan detail",
    "SENunitIndicator and ResourcedProvisionIndicator are 1 only for a school (with a URN)",
    "Give the school's URN, or set the indicator to 0",
    severity=WARNING,
    when=UNIT_WITHOUT_SCHOOL,
)(unit_without_school)
