"""Rule-makers shared by the modules: coded values, 1/0 flags, dates, settings and LA numbers.

Each `*_rule` function registers one rule built from a table row (record field, element, code
list), so a module's simple checks read as a list and every one still has its own id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from opensend.core.codelists import CodeList
from opensend.returns.sen2 import codes
from opensend.returns.sen2.records import NamedPlan, Request
from opensend.returns.sen2.rules.engine import ERROR, Context, Finding, Outcome, rule

LONG_LIST = 12  # longer code lists are not spelled out in a fix
FLAG_VALUES = frozenset({"", "1", "0"})


def allowed_text(codelist: CodeList, year: int) -> str:
    """'Use one of ...' for a fix: codes with their labels, or a pointer for long lists."""
    valid = codelist.valid_codes(year)
    if len(valid) > LONG_LIST:
        return f"Use a {codelist.name} code valid in {year} (see docs/sen2-validation.md)"
    listed = ", ".join(f"{c} ({codelist.label(c)})" for c in valid)
    return f"Use one of {listed}"


def bad_code(element: str, value: str, codelist: CodeList, year: int) -> Finding | None:
    """A finding when `value` (not blank) is not in `codelist` in `year`, with a precise fix."""
    valid = codes.allowed(codelist, year)
    if value in valid:
        return None
    fix = allowed_text(codelist, year)
    if value.strip() in valid:
        fix = f"Remove the spaces: write '{value.strip()}'"
    elif value.strip().upper() in valid:
        fix = f"Codes are in capitals: write '{value.strip().upper()}'"
    elif value in codelist:
        fix = f"'{value}' is not valid in {year}. {fix}"
    return Finding(element, value, f"{element} '{value}' is not a valid {codelist.name} code", fix)


def code_rule(
    rule_id: str,
    module: str,
    attribute: str,
    element: str,
    codelist: CodeList,
    *,
    required: bool = False,
    severity: str = ERROR,
) -> None:
    """Register a rule: `element` is a valid `codelist` code (and present, if `required`)."""
    get = attrgetter(attribute)
    what = "is present and is" if required else "when present, is"
    summary = f"{element} {what} a valid {codelist.name} code"

    def check(record: Any, ctx: Context) -> Outcome:
        value: str = get(record)
        if not value:
            if not required:
                return None
            return Finding(element, "", f"{element} is missing", allowed_text(codelist, ctx.year))
        return bad_code(element, value, codelist, ctx.year)

    def names(year: int) -> dict[str, object]:
        valid = codes.allowed(codelist, year)
        return {f"OK_{rule_id}": valid if required else valid | {""}}

    rule(
        rule_id,
        module,
        summary,
        f"Use a {codelist.name} code",
        severity=severity,
        when=f"record.{attribute} not in OK_{rule_id}",
        names=names,
    )(check)


def flags_rule(rule_id: str, module: str, fields: Sequence[tuple[str, str]]) -> None:
    """Register a rule: every 1/0 flag of the module, when present, is 1 or 0."""
    getters = [(attrgetter(attribute), element) for attribute, element in fields]
    elements = ", ".join(element for _, element in fields)

    def check(record: Any, ctx: Context) -> Outcome:
        found = []
        for get, element in getters:
            value: str = get(record)
            if value and value != "1" and value != "0":
                found.append(
                    Finding(
                        element,
                        value,
                        f"{element} '{value}' is not 1 or 0",
                        f"Write 1 for yes or 0 for no in {element}",
                    )
                )
        return found or None

    rule(
        rule_id,
        module,
        f"{elements}, when present, are 1 or 0",
        "Write 1 (yes) or 0 (no)",
        when=" or ".join(f"record.{attribute} not in FLAG_VALUES" for attribute, _ in fields),
        names=lambda year: {"FLAG_VALUES": FLAG_VALUES},
    )(check)


def dates_rules(
    real_id: str,
    past_id: str,
    module: str,
    fields: Sequence[tuple[str, str]],
    *,
    future_allowed: Sequence[str] = (),
) -> None:
    """Register two rules over the module's dates: each is a real date written YYYY-MM-DD;
    none is after the reference date (except the elements in `future_allowed`)."""
    getters = [(attrgetter(attribute), element) for attribute, element in fields]
    past = [(get, element) for get, element in getters if element not in future_allowed]
    elements = ", ".join(element for _, element in fields)
    past_elements = ", ".join(element for _, element in past)

    def real(record: Any, ctx: Context) -> Outcome:
        found = []
        for get, element in getters:
            value: str = get(record)
            if value and ctx.dates[value] is None:
                found.append(
                    Finding(
                        element,
                        value,
                        f"{element} '{value}' is not a real date",
                        f"Write {element} as YYYY-MM-DD, a date that exists (like 2025-01-16)",
                    )
                )
        return found or None

    def not_after_reference_date(record: Any, ctx: Context) -> Outcome:
        found = []
        for get, element in past:
            value: str = get(record)
            when = ctx.dates[value] if value else None
            if when is not None and when > ctx.reference_date:
                found.append(
                    Finding(
                        element,
                        value,
                        f"{element} {value} is after the reference date {ctx.reference_date}",
                        f"The return describes the position on {ctx.reference_date}: correct "
                        f"{element}, or leave out what happened after that date",
                    )
                )
        return found or None

    rule(
        real_id,
        module,
        f"{elements} are real dates written YYYY-MM-DD",
        "Write dates as YYYY-MM-DD",
        when=" or ".join(
            f"(record.{attribute} and dates[record.{attribute}] is None)" for attribute, _ in fields
        ),
    )(real)
    rule(
        past_id,
        module,
        f"{past_elements} are not after the reference date",
        "Correct the date, or leave out what happened after the reference date",
        when=" or ".join(
            f"(dates[record.{attribute}] or LOW) > REF"
            for attribute, element in fields
            if element not in future_allowed
        ),
    )(not_after_reference_date)


def la_finding(element: str, value: str, ctx: Context) -> Finding | None:
    """A finding when another LA's number (Exported, TransferLA) is not a valid LA."""
    if value == codes.LA_UNKNOWN or value in codes.la_numbers():
        if value == ctx.lea:
            return Finding(
                element,
                value,
                f"{element} {value} is this return's own LA",
                f"{element} names the other LA; leave it out if the plan was always this LA's",
            )
        return None
    return Finding(
        element,
        value,
        f"{element} '{value}' is not a DfE local authority number",
        "Use the other LA's 3-digit DfE number (like 383 for Leeds), or XXX if it is not known",
    )


def setting_kind_finding(record: Any) -> Finding | None:
    """A finding unless exactly one of URN, UKPRN and SENsetting names the setting."""
    given = [
        (element, value)
        for element, value in (
            ("URN", record.urn),
            ("UKPRN", record.ukprn),
            ("SENsetting", record.sen_setting),
        )
        if value
    ]
    if len(given) == 1:
        return None
    if not given:
        return Finding(
            "URN",
            "",
            "The setting has no URN, UKPRN or SENsetting",
            "Give the school's URN, the provider's UKPRN, or a SENsetting code",
        )
    element, value = given[1]
    return Finding(
        element,
        value,
        "The setting is named more than once: " + ", ".join(f"{e} {v}" for e, v in given),
        "Give only one of URN, UKPRN and SENsetting: the URN if the setting has one",
    )


URN_SHAPE = re.compile("[0-9]{6}").fullmatch
UKPRN_SHAPE = re.compile("[0-9]{8}").fullmatch


def shape_names(year: int) -> dict[str, object]:
    """The URN and UKPRN shapes, for the guards that use them."""
    return {"URN_SHAPE": URN_SHAPE, "UKPRN_SHAPE": UKPRN_SHAPE}


def number_finding(
    element: str, value: str, shape: Callable[[str], object], digits: int
) -> Finding | None:
    """A finding when a URN or UKPRN is not exactly `digits` digits (0-9)."""
    if not value or shape(value):
        return None
    return Finding(
        element,
        value,
        f"{element} '{value}' is not {digits} digits",
        f"A {element} is {digits} digits; check it in GIAS (URN) or UKRLP (UKPRN)",
    )


def rank_finding(element: str, value: str, year: int) -> Finding | None:
    if not value:
        return Finding(element, "", f"{element} is missing", "Write 1 (primary) or 2 (secondary)")
    return bad_code(element, value, codes.RANKS, year)


# --- Plans and open work, as several modules' rules need them ------------------------------------

PLAN_OUTCOMES = frozenset({"Y", "H"})  # AssessmentOutcome values under which a plan exists


def plan_of(request: Request) -> NamedPlan | None:
    """The plan a request led to: the NamedPlan of an assessment with outcome Y or H."""
    assessment = request.assessment
    if assessment is None or assessment.assessment_outcome not in PLAN_OUTCOMES:
        return None
    return assessment.named_plan


def reports_a_plan(request: Request) -> bool:
    """Whether the request carries a plan: a named plan, or an H (historical) record."""
    if plan_of(request) is not None or request.request_outcome == "H":
        return True
    return request.assessment is not None and request.assessment.assessment_outcome == "H"


def live_on_reference_date(plan: NamedPlan, ctx: Context) -> bool:
    """Whether the plan had started and not ceased on the reference date."""
    return ctx.live_on_reference_date(plan)


def is_open(request: Request) -> bool:
    """Whether work on the request is still going on: no decision yet, or assessing."""
    if request.exported:
        return False
    outcome = request.request_outcome
    if outcome == "A":
        return True
    assessment = request.assessment
    if assessment is None:
        return outcome == "Y"
    return outcome in PLAN_OUTCOMES and assessment.assessment_outcome == "A"
