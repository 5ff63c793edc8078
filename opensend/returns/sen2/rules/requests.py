"""Request rules (R, module 2) and assessment rules (A, module 3): outcomes, the dates each
outcome needs, the order of those dates, and which modules may follow which outcome."""

from __future__ import annotations

from opensend.returns.sen2 import codes
from opensend.returns.sen2.records import Assessment, Request
from opensend.returns.sen2.rules.common import (
    code_rule,
    dates_rules,
    flags_rule,
    la_finding,
)
from opensend.returns.sen2.rules.engine import WARNING, Context, Finding, Outcome, rule

DECIDED = frozenset({"Y", "N"})  # outcomes that carry a decision date
NO_PLAN = frozenset({"A", "W", "N"})  # assessment outcomes after which no plan is named

# --- Module 2: requests -------------------------------------------------------------------------

code_rule(
    "R01", "request", "request_outcome", "RequestOutcome", codes.REQUEST_OUTCOMES, required=True
)


@rule(
    "R02",
    "request",
    "ReceivedDate is present unless RequestOutcome is H",
    "Write the date the request was received; only an H (historical) record may leave it out",
    when="not record.received_date and record.request_outcome != 'H'",
)
def received_date_present(request: Request, ctx: Context) -> Outcome:
    if request.received_date or request.request_outcome == "H":
        return None
    return Finding("ReceivedDate", "", "ReceivedDate is missing")


@rule(
    "R03",
    "request",
    "RYA (request made in relevant youth accommodation) is present unless RequestOutcome is H",
    "Write 1 if the request was made while in relevant youth accommodation, otherwise 0",
    when="not record.rya and record.request_outcome != 'H'",
)
def rya_present(request: Request, ctx: Context) -> Outcome:
    if request.rya or request.request_outcome == "H":
        return None
    return Finding("RYA", "", "RYA is missing")


@rule(
    "R04",
    "request",
    "RequestOutcomeDate is present when RequestOutcome is Y or N",
    "Write the date the family was told whether the LA would assess",
    when="not record.request_outcome_date and record.request_outcome in ('Y', 'N')",
)
def request_outcome_date_present(request: Request, ctx: Context) -> Outcome:
    if request.request_outcome_date or request.request_outcome not in DECIDED:
        return None
    return Finding(
        "RequestOutcomeDate",
        "",
        f"RequestOutcomeDate is missing although RequestOutcome is {request.request_outcome}",
    )


@rule(
    "R05",
    "request",
    "RequestOutcomeDate is left out while the decision is not yet made (RequestOutcome A)",
    "Change RequestOutcome to Y or N if the decision was made; otherwise remove the date",
    when="record.request_outcome == 'A' and record.request_outcome_date",
)
def no_outcome_date_before_decision(request: Request, ctx: Context) -> Outcome:
    if request.request_outcome != "A" or not request.request_outcome_date:
        return None
    return Finding(
        "RequestOutcomeDate",
        request.request_outcome_date,
        f"RequestOutcomeDate {request.request_outcome_date} is given but RequestOutcome A "
        "says no decision has been made",
    )


@rule(
    "R06",
    "request",
    "RequestSource is present unless RequestOutcome is H: mandatory from 2026, voluntary in 2025",
    "Write who made the request: 1 young person or parent, 2 school or setting, 3 health, "
    "4 social care, 5 other",
    warning_in=(2025,),
    when="not record.request_source and record.request_outcome != 'H'",
)
def request_source_present(request: Request, ctx: Context) -> Outcome:
    if request.request_source or request.request_outcome == "H":
        return None
    return Finding("RequestSource", "", "RequestSource is missing")


code_rule("R07", "request", "request_source", "RequestSource", codes.REQUEST_SOURCES)
flags_rule(
    "R08",
    "request",
    [
        ("rya", "RYA"),
        ("request_mediation", "RequestMediation"),
        ("request_tribunal", "RequestTribunal"),
    ],
)
dates_rules(
    "R09",
    "R10",
    "request",
    [("received_date", "ReceivedDate"), ("request_outcome_date", "RequestOutcomeDate")],
)


@rule(
    "R11",
    "request",
    "RequestOutcomeDate is on or after ReceivedDate",
    "Check both dates: the decision cannot come before the request",
    when="ctx.received is not None and (dates[record.request_outcome_date] or HIGH) < ctx.received",
)
def decided_after_received(request: Request, ctx: Context) -> Outcome:
    decided = ctx.date(request.request_outcome_date)
    if decided is None or ctx.received is None or decided >= ctx.received:
        return None
    return Finding(
        "RequestOutcomeDate",
        request.request_outcome_date,
        f"RequestOutcomeDate {request.request_outcome_date} is before ReceivedDate "
        f"{request.received_date}",
    )


@rule(
    "R12",
    "request",
    "ReceivedDate is on or after the person's birth date",
    "Check the ReceivedDate and the PersonBirthDate",
    when="ctx.received is not None and ctx.birth_date is not None "
    "and ctx.received < ctx.birth_date",
)
def received_after_birth(request: Request, ctx: Context) -> Outcome:
    if ctx.received is None or ctx.birth_date is None or ctx.received >= ctx.birth_date:
        return None
    return Finding(
        "ReceivedDate",
        request.received_date,
        f"ReceivedDate {request.received_date} is before the birth date "
        f"{ctx.person.person_birth_date}",
    )


@rule(
    "R13",
    "request",
    "Exported, when present, is another LA's DfE number (or XXX if not known)",
    "Write the 3-digit DfE number of the LA the person moved to",
    when="record.exported",
)
def exported_is_an_la(request: Request, ctx: Context) -> Outcome:
    return la_finding("Exported", request.exported, ctx) if request.exported else None


@rule(
    "R14",
    "request",
    "A request exported to another LA has no Assessment or ActivePlans",
    "The LA the person moved to reports the rest; remove the Assessment and ActivePlans here, "
    "or remove Exported if the person did not move before the assessment was completed",
    severity=WARNING,
    when="record.exported",
)
def exported_goes_no_further(request: Request, ctx: Context) -> Outcome:
    if not request.exported or (request.assessment is None and request.active_plans is None):
        return None
    module = "Assessment" if request.assessment is not None else "ActivePlans"
    return Finding(
        "Exported",
        request.exported,
        f"The request was exported to {request.exported} but has an {module}",
    )


@rule(
    "R15",
    "request",
    "An Assessment follows only a request with RequestOutcome Y or H",
    "Set RequestOutcome to Y if the LA decided to assess; otherwise remove the Assessment",
    when="record.assessment is not None and record.request_outcome not in ('Y', 'H', '')",
)
def assessment_only_after_yes(request: Request, ctx: Context) -> Outcome:
    if request.assessment is None or request.request_outcome in ("Y", "H", ""):
        return None
    return Finding(
        "RequestOutcome",
        request.request_outcome,
        f"The request has an Assessment although RequestOutcome is {request.request_outcome}",
    )


@rule(
    "R16",
    "request",
    "A request the LA decided to assess (RequestOutcome Y) has an Assessment",
    "Add the Assessment, with AssessmentOutcome A while the decision whether to issue a plan "
    "is still to come",
    severity=WARNING,
    when="record.request_outcome == 'Y' and record.assessment is None",
)
def yes_has_assessment(request: Request, ctx: Context) -> Outcome:
    if request.request_outcome != "Y" or request.assessment is not None or request.exported:
        return None
    return Finding("RequestOutcome", "Y", "RequestOutcome is Y but there is no Assessment")


@rule(
    "R17",
    "request",
    "A decision to assess made before the period the return covers is recorded as H",
    "Set RequestOutcome to H (historical) for decisions made before 1 January of the year "
    "before the census",
    severity=WARNING,
    when="record.request_outcome == 'Y' and (dates[record.request_outcome_date] or HIGH) < START",
)
def old_decision_is_historical(request: Request, ctx: Context) -> Outcome:
    if request.request_outcome != "Y":
        return None
    decided = ctx.date(request.request_outcome_date)
    if decided is None or decided >= ctx.period_start:
        return None
    return Finding(
        "RequestOutcome",
        "Y",
        f"RequestOutcome is Y but the decision to assess ({request.request_outcome_date}) "
        f"was made before {ctx.period_start}, the start of the period the return covers",
    )


# --- Module 3: assessments ----------------------------------------------------------------------

code_rule(
    "A01",
    "assessment",
    "assessment_outcome",
    "AssessmentOutcome",
    codes.ASSESSMENT_OUTCOMES,
    required=True,
)


@rule(
    "A02",
    "assessment",
    "AssessmentOutcomeDate is present when AssessmentOutcome is Y or N",
    "Write the date the plan was issued (Y) or the family was told no plan would be issued (N)",
    when="not record.assessment_outcome_date and record.assessment_outcome in ('Y', 'N')",
)
def assessment_outcome_date_present(assessment: Assessment, ctx: Context) -> Outcome:
    if assessment.assessment_outcome_date or assessment.assessment_outcome not in DECIDED:
        return None
    return Finding(
        "AssessmentOutcomeDate",
        "",
        "AssessmentOutcomeDate is missing although AssessmentOutcome is "
        f"{assessment.assessment_outcome}",
    )


@rule(
    "A03",
    "assessment",
    "AssessmentOutcomeDate is left out while the decision is not yet made (AssessmentOutcome A)",
    "Change AssessmentOutcome to Y or N if the decision was made; otherwise remove the date",
    when="record.assessment_outcome == 'A' and record.assessment_outcome_date",
)
def no_assessment_date_before_decision(assessment: Assessment, ctx: Context) -> Outcome:
    if assessment.assessment_outcome != "A" or not assessment.assessment_outcome_date:
        return None
    return Finding(
        "AssessmentOutcomeDate",
        assessment.assessment_outcome_date,
        f"AssessmentOutcomeDate {assessment.assessment_outcome_date} is given but "
        "AssessmentOutcome A says no decision has been made",
    )


@rule(
    "A04",
    "assessment",
    "Week20 is present when a plan was issued (AssessmentOutcome Y)",
    "Write 1 if a 20-week exception applied (regulations 10(4) or 13(3)), otherwise 0",
    when="not record.week20 and record.assessment_outcome == 'Y'",
)
def week20_present(assessment: Assessment, ctx: Context) -> Outcome:
    if assessment.week20 or assessment.assessment_outcome != "Y":
        return None
    return Finding("Week20", "", "Week20 is missing although a plan was issued")


flags_rule(
    "A05",
    "assessment",
    [
        ("assessment_mediation", "AssessmentMediation"),
        ("assessment_tribunal", "AssessmentTribunal"),
        ("other_mediation", "OtherMediation"),
        ("other_tribunal", "OtherTribunal"),
        ("week20", "Week20"),
    ],
)
dates_rules("A06", "A07", "assessment", [("assessment_outcome_date", "AssessmentOutcomeDate")])


@rule(
    "A08",
    "assessment",
    "AssessmentOutcomeDate is on or after RequestOutcomeDate (and ReceivedDate)",
    "Check the dates: the decision whether to issue a plan follows the decision to assess",
    when="record.assessment_outcome_date",
)
def assessed_after_request_decided(assessment: Assessment, ctx: Context) -> Outcome:
    decided = ctx.date(assessment.assessment_outcome_date)
    if decided is None:
        return None
    request = ctx.request
    before = ctx.date(request.request_outcome_date) or ctx.received
    if before is None or decided >= before:
        return None
    element = "RequestOutcomeDate" if request.request_outcome_date else "ReceivedDate"
    return Finding(
        "AssessmentOutcomeDate",
        assessment.assessment_outcome_date,
        f"AssessmentOutcomeDate {assessment.assessment_outcome_date} is before {element} {before}",
    )


@rule(
    "A09",
    "assessment",
    "No NamedPlan follows AssessmentOutcome N, A or W",
    "Set AssessmentOutcome to Y if the plan was issued; otherwise remove the NamedPlan",
    when="record.named_plan is not None and record.assessment_outcome in ('A', 'W', 'N')",
)
def no_plan_without_yes(assessment: Assessment, ctx: Context) -> Outcome:
    if assessment.named_plan is None or assessment.assessment_outcome not in NO_PLAN:
        return None
    return Finding(
        "AssessmentOutcome",
        assessment.assessment_outcome,
        f"A NamedPlan follows AssessmentOutcome {assessment.assessment_outcome}",
    )


@rule(
    "A10",
    "assessment",
    "A plan issued in the period (AssessmentOutcome Y) has its NamedPlan",
    "Add the NamedPlan with its StartDate and the settings named in it",
    when="record.named_plan is None and record.assessment_outcome == 'Y'",
)
def issued_plan_present(assessment: Assessment, ctx: Context) -> Outcome:
    if assessment.assessment_outcome != "Y" or assessment.named_plan is not None:
        return None
    return Finding("AssessmentOutcome", "Y", "AssessmentOutcome is Y but there is no NamedPlan")


@rule(
    "A11",
    "assessment",
    "A historical or transferred-in plan (AssessmentOutcome H) has its NamedPlan",
    "Add the NamedPlan (its StartDate may be before the transfer) so the plan is counted",
    severity=WARNING,
    when="record.named_plan is None and record.assessment_outcome == 'H'",
)
def historical_plan_present(assessment: Assessment, ctx: Context) -> Outcome:
    if assessment.assessment_outcome != "H" or assessment.named_plan is not None:
        return None
    return Finding("AssessmentOutcome", "H", "AssessmentOutcome is H but there is no NamedPlan")


@rule(
    "A12",
    "assessment",
    "A plan issued before the period the return covers is recorded as H",
    "Set AssessmentOutcome to H (historical) for plans issued before 1 January of the year "
    "before the census",
    severity=WARNING,
    when="record.assessment_outcome == 'Y' "
    "and (dates[record.assessment_outcome_date] or HIGH) < START",
)
def old_plan_is_historical(assessment: Assessment, ctx: Context) -> Outcome:
    if assessment.assessment_outcome != "Y":
        return None
    issued = ctx.date(assessment.assessment_outcome_date)
    if issued is None or issued >= ctx.period_start:
        return None
    return Finding(
        "AssessmentOutcome",
        "Y",
        f"AssessmentOutcome is Y but the plan was issued ({assessment.assessment_outcome_date}) "
        f"before {ctx.period_start}, the start of the period the return covers",
    )
