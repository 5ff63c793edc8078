"""Active plan rules (AP, module 5a and 5c) and placement rules (L, module 5b): which plans carry
placements, reviews and phase transfers, the settings attended, and the types of need."""

from __future__ import annotations

from opensend.returns.sen2 import codes
from opensend.returns.sen2.records import ActivePlans, PlacementDetail, SenNeed
from opensend.returns.sen2.rules.common import (
    UKPRN_SHAPE,
    URN_SHAPE,
    bad_code,
    code_rule,
    dates_rules,
    flags_rule,
    la_finding,
    number_finding,
    rank_finding,
    reports_a_plan,
    setting_kind_finding,
    shape_names,
)
from opensend.returns.sen2.rules.engine import WARNING, Context, Finding, Outcome, rule
from opensend.returns.sen2.rules.plans import UNIT_WITHOUT_SCHOOL, unit_without_school

MAX_NEEDS = 2
REVIEW_DUE_AFTER = 365  # days: a plan is reviewed at least every 12 months (CFA 2014 s.44)
# Ages on 31 August before the census of children who move phase the next September: into
# reception (3), into secondary (10) and into post-16 (15). Others (infant to junior, middle
# schools) cannot be told from the return.
PHASE_TRANSFER_AGES = frozenset({3, 10, 15})
NEET_FROM_AGE = 16


# --- Module 5a: the active plan -----------------------------------------------------------------


@rule(
    "AP01",
    "active plans",
    "ActivePlans follows only a request that led to a plan (a NamedPlan, or an H record)",
    "Remove the ActivePlans, or record the plan this request led to",
    when="ctx.plan is None or ctx.assessment.assessment_outcome not in ('Y', 'H')",
)
def active_plans_need_a_plan(active: ActivePlans, ctx: Context) -> Outcome:
    if reports_a_plan(ctx.request):
        return None
    return Finding(
        "ActivePlans",
        "",
        f"ActivePlans follows a request with no plan (RequestOutcome "
        f"'{ctx.request.request_outcome}')",
    )


@rule(
    "AP02",
    "active plans",
    "TransferLA, when present, is another LA's DfE number (or XXX if not known)",
    "Write the 3-digit DfE number of the LA the plan was transferred from",
    when="record.transfer_la",
)
def transfer_la_is_an_la(active: ActivePlans, ctx: Context) -> Outcome:
    return la_finding("TransferLA", active.transfer_la, ctx) if active.transfer_la else None


@rule(
    "AP03",
    "active plans",
    f"At most {MAX_NEEDS} SENneed",
    "Keep the primary (rank 1) and secondary (rank 2) needs; remove the others",
    when="len(record.needs) > 2",
)
def at_most_two_needs(active: ActivePlans, ctx: Context) -> Outcome:
    if len(active.needs) <= MAX_NEEDS:
        return None
    return Finding(
        "SENneed",
        str(len(active.needs)),
        f"The plan has {len(active.needs)} SENneed; SEN2 allows {MAX_NEEDS}",
        line=active.needs[MAX_NEEDS].line,
    )


@rule(
    "AP04",
    "active plans",
    "Exactly one SENneed has SENtypeRank 1 (the primary need)",
    "Rank the primary need 1 and any secondary need 2",
    when="record.needs and (len(record.needs) > 1 or record.needs[0].sen_type_rank != '1')",
)
def one_primary_need(active: ActivePlans, ctx: Context) -> Outcome:
    primary = [need.sen_type_rank for need in active.needs].count("1")
    if not active.needs or primary == 1:
        return None
    return Finding(
        "SENtypeRank",
        "1" if primary else "",
        f"{primary} needs have SENtypeRank 1; exactly one primary need is expected",
    )


@rule(
    "AP05",
    "active plans",
    "No SENtype is given twice",
    "Give each type of need once",
    when="len(record.needs) > 1",
)
def needs_not_repeated(active: ActivePlans, ctx: Context) -> Outcome:
    if len(active.needs) < 2:
        return None
    types = [need.sen_type for need in active.needs if need.sen_type]
    if len(set(types)) == len(types):
        return None
    repeated = next(t for t in types if types.count(t) > 1)
    return Finding("SENtype", repeated, f"SENtype {repeated} is given twice")


@rule(
    "AP06",
    "active plans",
    "A plan live on the reference date has its primary need (SENneed)",
    "Add the SENneed with the plan's primary need (SENtypeRank 1)",
    severity=WARNING,
    when="not record.needs and ctx.plan_live",
)
def live_plan_has_need(active: ActivePlans, ctx: Context) -> Outcome:
    if active.needs or not ctx.plan_live:
        return None
    return Finding("SENneed", "", "The plan has no SENneed: DfE counts its need as unknown")


code_rule("AP07", "active plans", "review_outcome", "ReviewOutcome", codes.REVIEW_OUTCOMES)
dates_rules(
    "AP08",
    "AP09",
    "active plans",
    [
        ("review_meeting", "ReviewMeeting"),
        ("last_review", "LastReview"),
        ("review_draft", "ReviewDraft"),
        ("phase_transfer_due_date", "PhaseTransferDueDate"),
        ("phase_transfer_final_date", "PhaseTransferFinalDate"),
    ],
    future_allowed=("PhaseTransferDueDate",),
)


@rule(
    "AP10",
    "active plans",
    "ReviewMeeting is on or after the plan's StartDate",
    "Check ReviewMeeting: it is the latest annual review meeting of this plan (a plan "
    "re-issued after a re-assessment starts again)",
    severity=WARNING,
    when="ctx.plan is not None and "
    "(dates[record.review_meeting] or HIGH) < (dates[ctx.plan.start_date] or LOW)",
)
def reviewed_after_start(active: ActivePlans, ctx: Context) -> Outcome:
    meeting = ctx.date(active.review_meeting)
    start = ctx.date(ctx.plan.start_date) if ctx.plan is not None else None
    if meeting is None or start is None or meeting >= start:
        return None
    return Finding(
        "ReviewMeeting",
        active.review_meeting,
        f"ReviewMeeting {active.review_meeting} is before the plan's StartDate {start}",
    )


@rule(
    "AP11",
    "active plans",
    "LastReview (the review decision) is on or after ReviewMeeting",
    "Check both dates: the LA decides after the review meeting",
    severity=WARNING,
    when="(dates[record.last_review] or HIGH) < (dates[record.review_meeting] or LOW)",
)
def decided_after_meeting(active: ActivePlans, ctx: Context) -> Outcome:
    meeting, decision = ctx.date(active.review_meeting), ctx.date(active.last_review)
    if meeting is None or decision is None or decision >= meeting:
        return None
    return Finding(
        "LastReview",
        active.last_review,
        f"LastReview {active.last_review} is before ReviewMeeting {active.review_meeting}",
    )


@rule(
    "AP12",
    "active plans",
    "ReviewDraft (draft amended plan) is on or after ReviewMeeting",
    "Check both dates: the draft amended plan follows the review meeting",
    when="(dates[record.review_draft] or HIGH) < (dates[record.review_meeting] or LOW)",
)
def draft_after_meeting(active: ActivePlans, ctx: Context) -> Outcome:
    meeting, draft = ctx.date(active.review_meeting), ctx.date(active.review_draft)
    if meeting is None or draft is None or draft >= meeting:
        return None
    return Finding(
        "ReviewDraft",
        active.review_draft,
        f"ReviewDraft {active.review_draft} is before ReviewMeeting {active.review_meeting}",
    )


@rule(
    "AP13",
    "active plans",
    "At most one rank 1 placement is open on the reference date",
    "Give the earlier rank 1 placement its LeavingDate, or rank the second placement 2",
    when="len(ctx.open_placements) > 1",
)
def one_main_placement(active: ActivePlans, ctx: Context) -> Outcome:
    main = [placement for placement in ctx.open_placements if placement.placement_rank == "1"]
    if len(main) < 2:
        return None
    return Finding(
        "PlacementRank",
        "1",
        f"{len(main)} rank 1 placements are open on the reference date",
        line=main[1].line,
    )


@rule(
    "AP14",
    "active plans",
    "A plan live on the reference date has a placement open on that date",
    "Add the setting attended on the reference date (or NEET, NIEC or NIEO if none)",
    severity=WARNING,
    when="ctx.plan_live and not ctx.open_placements",
)
def live_plan_placed(active: ActivePlans, ctx: Context) -> Outcome:
    if not ctx.plan_live or ctx.open_placements:
        return None
    return Finding(
        "PlacementDetail",
        "",
        "No placement is open on the reference date: DfE counts it as placement not recorded",
    )


@rule(
    "AP15",
    "active plans",
    "A plan that ceased by the reference date has no placement still open on that date",
    "Give the placement the LeavingDate it ended on (at the latest when the plan ceased)",
    severity=WARNING,
    when="not ctx.plan_live and ctx.open_placements",
)
def ceased_plan_placements_ended(active: ActivePlans, ctx: Context) -> Outcome:
    if ctx.plan_live or not ctx.open_placements:
        return None
    placement = ctx.open_placements[0]
    return Finding(
        "LeavingDate",
        placement.leaving_date,
        "The plan ceased but this placement is still open on the reference date",
        line=placement.line,
    )


@rule(
    "AP16",
    "active plans",
    "A plan live for more than 12 months by the reference date has a ReviewMeeting",
    "Give the date of the latest annual review meeting; if none was held, leave it out "
    "(DfE counts the plan as not reviewed)",
    severity=WARNING,
    when="not record.review_meeting and ctx.plan is not None and ctx.plan_live",
)
def review_meeting_when_due(active: ActivePlans, ctx: Context) -> Outcome:
    if active.review_meeting or ctx.plan is None or not ctx.plan_live:
        return None
    start = ctx.date(ctx.plan.start_date)
    if start is None or (ctx.reference_date - start).days <= REVIEW_DUE_AFTER:
        return None
    return Finding(
        "ReviewMeeting",
        "",
        f"The plan started on {start}, more than 12 months before the reference date, but "
        "there is no ReviewMeeting",
    )


@rule(
    "AP17",
    "active plans",
    "ReviewOutcome and LastReview (the review decision and its date) are both present or "
    "both absent",
    "Give the decision (A amend, C cease, M maintain) with the date it was made",
    when="bool(record.review_outcome) != bool(record.last_review)",
)
def review_decision_complete(active: ActivePlans, ctx: Context) -> Outcome:
    if bool(active.review_outcome) == bool(active.last_review):
        return None
    if active.last_review:
        return Finding("ReviewOutcome", "", "LastReview is given but ReviewOutcome is missing")
    return Finding(
        "LastReview",
        "",
        f"ReviewOutcome '{active.review_outcome}' is given but LastReview is missing",
    )


@rule(
    "AP18",
    "active plans",
    "A review decision (LastReview) comes with its ReviewMeeting",
    "Give the date of the review meeting the decision followed",
    severity=WARNING,
    when="record.last_review and not record.review_meeting",
)
def decision_has_meeting(active: ActivePlans, ctx: Context) -> Outcome:
    if not active.last_review or active.review_meeting:
        return None
    return Finding("ReviewMeeting", "", "LastReview is given but ReviewMeeting is missing")


@rule(
    "AP19",
    "active plans",
    "A review decision to amend (ReviewOutcome A) has its ReviewDraft: mandatory where "
    "applicable from 2026",
    "Give the date the draft amended plan was issued, if it has been",
    severity=WARNING,
    when="record.review_outcome == 'A' and not record.review_draft and ctx.year >= 2026",
)
def amend_has_draft(active: ActivePlans, ctx: Context) -> Outcome:
    if ctx.year < 2026 or active.review_outcome != "A" or active.review_draft:
        return None
    return Finding("ReviewDraft", "", "ReviewOutcome is A (amend) but ReviewDraft is missing")


@rule(
    "AP20",
    "active plans",
    "ReviewDraft is given only after a decision to amend (ReviewOutcome A)",
    "Set ReviewOutcome to A if the review decided to amend; otherwise remove ReviewDraft",
    severity=WARNING,
    when="record.review_draft and record.review_outcome and record.review_outcome != 'A'",
)
def draft_only_when_amending(active: ActivePlans, ctx: Context) -> Outcome:
    if not active.review_draft or not active.review_outcome or active.review_outcome == "A":
        return None
    return Finding(
        "ReviewDraft",
        active.review_draft,
        f"ReviewDraft {active.review_draft} is given but ReviewOutcome is "
        f"{active.review_outcome}, not A (amend)",
    )


@rule(
    "AP21",
    "active plans",
    "PhaseTransferFinalDate comes with PhaseTransferDueDate",
    "Give the date the amended plan was due for the phase transfer",
    severity=WARNING,
    when="record.phase_transfer_final_date and not record.phase_transfer_due_date",
)
def final_has_due(active: ActivePlans, ctx: Context) -> Outcome:
    if not active.phase_transfer_final_date or active.phase_transfer_due_date:
        return None
    return Finding(
        "PhaseTransferDueDate",
        "",
        "PhaseTransferFinalDate is given but PhaseTransferDueDate is missing",
    )


@rule(
    "AP22",
    "active plans",
    "A live plan of a child who moves phase next September (aged 3, 10 or 15 on 31 August "
    "before the census) has PhaseTransferDueDate: mandatory where applicable from 2026",
    "Give the phase-transfer due date (15 February, or 31 March for a move to post-16) if "
    "the child moves phase",
    severity=WARNING,
    when="not record.phase_transfer_due_date and ctx.age in PHASE_TRANSFER_AGES "
    "and ctx.year >= 2026",
    names=lambda year: {"PHASE_TRANSFER_AGES": PHASE_TRANSFER_AGES},
)
def phase_transfer_recorded(active: ActivePlans, ctx: Context) -> Outcome:
    if ctx.year < 2026 or active.phase_transfer_due_date or ctx.age not in PHASE_TRANSFER_AGES:
        return None
    if not ctx.plan_live:
        return None
    return Finding(
        "PhaseTransferDueDate",
        "",
        f"The child was {ctx.age} on 31 August and so probably moves phase next September, "
        "but there is no PhaseTransferDueDate",
    )


# --- Module 5c: needs ----------------------------------------------------------------------------


@rule(
    "AP23",
    "SEN need",
    "SENtype is present and a SEN2 type of need valid in the year (DS from 2025; never NSA)",
    "Use the plan's type of need code (ASD, SLCN, SEMH, ...)",
    when="record.sen_type not in SEN_TYPES_OK",
    names=lambda year: {"SEN_TYPES_OK": codes.allowed(codes.SEN_TYPES, year)},
)
def need_type(need: SenNeed, ctx: Context) -> Outcome:
    value = need.sen_type
    if not value:
        return Finding("SENtype", "", "SENtype is missing")
    found = bad_code("SENtype", value, codes.SEN_TYPES, ctx.year)
    if found is not None and value == "NSA":
        return found._replace(
            message="SENtype NSA is a school census code for SEN support; SEN2 never uses it",
            fix="Give the type of need assessed for the plan",
        )
    return found


@rule(
    "AP24",
    "SEN need",
    "SENtypeRank is present and 1 or 2",
    "Write 1 for the primary need, 2 for a secondary need",
    when="record.sen_type_rank not in ('1', '2')",
)
def need_rank(need: SenNeed, ctx: Context) -> Outcome:
    return rank_finding("SENtypeRank", need.sen_type_rank, ctx.year)


# --- Module 5b: placements ----------------------------------------------------------------------


@rule(
    "L01",
    "placement",
    "Exactly one of URN, UKPRN and SENsetting names the setting attended",
    "Give the URN of a school, the UKPRN of a provider without a URN, or else a SENsetting code",
    when="bool(record.urn) + bool(record.ukprn) + bool(record.sen_setting) != 1",
)
def placement_named_once(placement: PlacementDetail, ctx: Context) -> Outcome:
    return setting_kind_finding(placement)


@rule(
    "L02",
    "placement",
    "URN, when present, is 6 digits",
    "Check the URN in GIAS",
    when="record.urn and not URN_SHAPE(record.urn)",
    names=shape_names,
)
def placement_urn_digits(placement: PlacementDetail, ctx: Context) -> Outcome:
    return number_finding("URN", placement.urn, URN_SHAPE, 6)


@rule(
    "L03",
    "placement",
    "UKPRN, when present, is 8 digits",
    "Check the UKPRN in UKRLP",
    when="record.ukprn and not UKPRN_SHAPE(record.ukprn)",
    names=shape_names,
)
def placement_ukprn_digits(placement: PlacementDetail, ctx: Context) -> Outcome:
    return number_finding("UKPRN", placement.ukprn, UKPRN_SHAPE, 8)


code_rule("L04", "placement", "sen_setting", "SENsetting", codes.PLACEMENT_SETTINGS)


@rule(
    "L05",
    "placement",
    "SENsetting OTH or NIEO comes with SENsettingOther (DfE queries both)",
    "Say in SENsettingOther what the setting is, or why the person is not in education "
    "(for example 'permanently excluded')",
    severity=WARNING,
    when="record.sen_setting in QUERIED_SETTINGS and not record.sen_setting_other",
    names=lambda year: {"QUERIED_SETTINGS": codes.QUERIED_SETTINGS},
)
def placement_other_explained(placement: PlacementDetail, ctx: Context) -> Outcome:
    if placement.sen_setting not in codes.QUERIED_SETTINGS or placement.sen_setting_other:
        return None
    return Finding(
        "SENsettingOther",
        "",
        f"SENsetting is {placement.sen_setting} but SENsettingOther is missing",
    )


@rule(
    "L06",
    "placement",
    "PlacementRank is present and 1 or 2",
    "Write 1 for the main setting attended, 2 for a second",
    when="record.placement_rank not in ('1', '2')",
)
def placement_rank(placement: PlacementDetail, ctx: Context) -> Outcome:
    return rank_finding("PlacementRank", placement.placement_rank, ctx.year)


@rule(
    "L07",
    "placement",
    "EntryDate is present",
    "Write the date the placement began",
    when="not record.entry_date",
)
def entry_date_present(placement: PlacementDetail, ctx: Context) -> Outcome:
    if placement.entry_date:
        return None
    return Finding("EntryDate", "", "EntryDate is missing")


dates_rules(
    "L08",
    "L09",
    "placement",
    [("entry_date", "EntryDate"), ("leaving_date", "LeavingDate")],
)


@rule(
    "L10",
    "placement",
    "LeavingDate is on or after EntryDate",
    "Check both dates: a placement cannot end before it begins",
    when="(dates[record.leaving_date] or HIGH) < (dates[record.entry_date] or LOW)",
)
def left_after_entry(placement: PlacementDetail, ctx: Context) -> Outcome:
    entry, leaving = ctx.date(placement.entry_date), ctx.date(placement.leaving_date)
    if entry is None or leaving is None or leaving >= entry:
        return None
    return Finding(
        "LeavingDate",
        placement.leaving_date,
        f"LeavingDate {placement.leaving_date} is before EntryDate {placement.entry_date}",
    )


@rule(
    "L11",
    "placement",
    "EntryDate is on or after the person's birth date",
    "Check the EntryDate and the PersonBirthDate",
    when="ctx.birth_date is not None and (dates[record.entry_date] or HIGH) < ctx.birth_date",
)
def entered_after_birth(placement: PlacementDetail, ctx: Context) -> Outcome:
    entry = ctx.date(placement.entry_date)
    if entry is None or ctx.birth_date is None or entry >= ctx.birth_date:
        return None
    return Finding(
        "EntryDate",
        placement.entry_date,
        f"EntryDate {placement.entry_date} is before the birth date {ctx.person.person_birth_date}",
    )


flags_rule(
    "L12",
    "placement",
    [
        ("sen_unit_indicator", "SENunitIndicator"),
        ("resourced_provision_indicator", "ResourcedProvisionIndicator"),
    ],
)
code_rule("L13", "placement", "res", "Res", codes.RESIDENTIAL)
code_rule("L14", "placement", "wbp", "WBP", codes.WORK_BASED)


@rule(
    "L15",
    "placement",
    f"SENsetting NEET is used only for young people aged {NEET_FROM_AGE} or over",
    "Use NIEC or NIEO for a child of compulsory school age not in education",
    severity=WARNING,
    when="record.sen_setting == 'NEET' and ctx.age is not None and ctx.age < 16",
)
def neet_only_post16(placement: PlacementDetail, ctx: Context) -> Outcome:
    if placement.sen_setting != "NEET" or ctx.age is None or ctx.age >= NEET_FROM_AGE:
        return None
    return Finding(
        "SENsetting",
        "NEET",
        f"NEET is for ages {NEET_FROM_AGE} to 25; the person was {ctx.age} on 31 August",
    )


rule(
    "L16",
    "placement",
    "SENunitIndicator and ResourcedProvisionIndicator are 1 only for a school (with a URN)",
    "Give the school's URN, or set the indicator to 0",
    severity=WARNING,
    when=UNIT_WITHOUT_SCHOOL,
)(unit_without_school)
