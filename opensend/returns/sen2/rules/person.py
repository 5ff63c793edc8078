"""Person rules (P): names, birth date and age, sex, ethnicity, identifiers, postcode, and what
the person's requests say together (one live plan, one open request)."""

from __future__ import annotations

import re

from opensend.core.identifiers import (
    UPN_ALPHABET,
    normalise_identifier,
    uln_problem,
    upn_problem,
)
from opensend.people.validation import postcode_problem
from opensend.returns.sen2 import codes
from opensend.returns.sen2.records import Person
from opensend.returns.sen2.rules.common import (
    code_rule,
    dates_rules,
    is_open,
    live_on_reference_date,
    plan_of,
)
from opensend.returns.sen2.rules.engine import WARNING, Context, Finding, Outcome, rule

MAXIMUM_AGE = 25  # plans end at the latest in the academic year the young person turns 25
UN1_UNDER = 6  # UPNunknown UN1: aged under 6 and no UPN yet
_UPN_SHAPE = re.compile(f"[{UPN_ALPHABET}][0-9]{{11}}[0-9{UPN_ALPHABET}]").fullmatch
# The check letter's weighted sum as lookups: position 2 to 13, character -> value x weight
# (identifiers.upn_check_letter's arithmetic; a test holds the two to agree).
_UPN_VALUES = {**{str(d): d for d in range(10)}, **{c: i for i, c in enumerate(UPN_ALPHABET)}}
_UPN_WEIGHTED = tuple(
    {char: value * weight for char, value in _UPN_VALUES.items()} for weight in range(2, 14)
)


# A postcode written as it should be (postcode_problem accepts more, and says what is wrong).
POSTCODE_SHAPE = re.compile("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}").fullmatch


def upn_ok(upn: str) -> bool:
    """Whether `upn` is a valid UPN written exactly as the file must (no spaces, capitals)."""
    if not _UPN_SHAPE(upn):
        return False
    return upn[0] == UPN_ALPHABET[sum(map(dict.__getitem__, _UPN_WEIGHTED, upn[1:])) % 23]


def uln_ok(uln: str) -> bool:
    """Whether `uln` is a valid ULN: 10 digits with the right check digit."""
    return len(uln) == 10 and uln.isascii() and uln.isdigit() and uln_problem(uln) is None


@rule(
    "P01",
    "person",
    "Surname and Forename are present",
    "Write the person's legal names",
    when="not record.surname or not record.forename",
)
def names_present(person: Person, ctx: Context) -> Outcome:
    if person.surname and person.forename:
        return None
    return [
        Finding(element, "", f"{element} is missing")
        for element, value in (("Surname", person.surname), ("Forename", person.forename))
        if not value
    ]


@rule(
    "P02",
    "person",
    "PersonBirthDate is present",
    "Write the date of birth as YYYY-MM-DD",
    when="not record.person_birth_date",
)
def birth_date_present(person: Person, ctx: Context) -> Outcome:
    if person.person_birth_date:
        return None
    return Finding("PersonBirthDate", "", "PersonBirthDate is missing")


dates_rules("P03", "P04", "person", [("person_birth_date", "PersonBirthDate")])


@rule(
    "P05",
    "person",
    f"A person with a plan live on the reference date, or a request still open, is at most "
    f"{MAXIMUM_AGE} on 31 August before the reference date (the age DfE counts)",
    "Check the date of birth; a plan ends by the end of the academic year in which the "
    "young person turns 25",
    when=f"ctx.age is not None and ctx.age > {MAXIMUM_AGE}",
)
def age_in_range(person: Person, ctx: Context) -> Outcome:
    if ctx.age is None or ctx.age <= MAXIMUM_AGE or not has_current_work(person, ctx):
        return None
    return over_age(person, ctx)


def has_current_work(person: Person, ctx: Context) -> bool:
    """Whether the person has a plan live on the reference date or a request still open."""
    for request in person.requests:
        plan = plan_of(request)
        if is_open(request) or (plan is not None and live_on_reference_date(plan, ctx)):
            return True
    return False


def over_age(person: Person, ctx: Context) -> Finding:
    return Finding(
        "PersonBirthDate",
        person.person_birth_date,
        f"Born {person.person_birth_date}, the person was {ctx.age} on 31 August before the "
        f"reference date; SEN2 covers ages 0 to {MAXIMUM_AGE}",
    )


code_rule("P06", "person", "sex", "Sex", codes.SEX, required=True)
code_rule("P07", "person", "ethnicity", "Ethnicity", codes.ETHNICITY, required=True)


@rule(
    "P08",
    "person",
    "The person has a UPN, a ULN or a UPNunknown reason",
    "Give the UPN (or, for a young person past school, the ULN); if neither is known, "
    "a UPNunknown code saying why",
    when="not (record.upn or record.unique_learner_number or record.upn_unknown)",
)
def has_identifier(person: Person, ctx: Context) -> Outcome:
    if person.upn or person.unique_learner_number or person.upn_unknown:
        return None
    return Finding("UPN", "", "The person has no UPN, ULN or UPNunknown reason")


@rule(
    "P09",
    "person",
    "UPN, when present, is 13 characters with the right check letter",
    "Copy the UPN exactly from the school census record",
    when="record.upn and not upn_ok(record.upn)",
    names=lambda year: {"upn_ok": upn_ok},
)
def upn_valid(person: Person, ctx: Context) -> Outcome:
    upn = person.upn
    if not upn or upn_ok(upn):
        return None
    problem = upn_problem(upn)
    fix = problem or f"Write the UPN without spaces, in capitals: {normalise_identifier(upn)}"
    return Finding("UPN", upn, f"UPN '{upn}' is not a valid UPN", fix)


@rule(
    "P10",
    "person",
    "UniqueLearnerNumber, when present, is 10 digits with the right check digit",
    "Copy the ULN exactly from the Learner Record Service",
    when="record.unique_learner_number and not uln_ok(record.unique_learner_number)",
    names=lambda year: {"uln_ok": uln_ok},
)
def uln_valid(person: Person, ctx: Context) -> Outcome:
    uln = person.unique_learner_number
    if not uln or uln_ok(uln):
        return None
    return Finding(
        "UniqueLearnerNumber",
        uln,
        f"UniqueLearnerNumber '{uln}' is not a valid ULN",
        uln_problem(uln) or "Write the ULN as 10 digits, without spaces",
    )


code_rule("P11", "person", "upn_unknown", "UPNunknown", codes.UPN_UNKNOWN)


@rule(
    "P12",
    "person",
    "UPNunknown is given only when there is no UPN and no ULN",
    "Leave UPNunknown out when the UPN or ULN is known",
    when="record.upn_unknown and (record.upn or record.unique_learner_number)",
)
def upn_unknown_alone(person: Person, ctx: Context) -> Outcome:
    if not person.upn_unknown or not (person.upn or person.unique_learner_number):
        return None
    return Finding(
        "UPNunknown",
        person.upn_unknown,
        f"UPNunknown '{person.upn_unknown}' is given although the person has a "
        f"{'UPN' if person.upn else 'ULN'}",
    )


@rule(
    "P13",
    "person",
    f"UPNunknown UN1 (under {UN1_UNDER}, no UPN yet) is used only for children under {UN1_UNDER}",
    "Find the child's UPN from their school, or use the UPNunknown code that fits",
    severity=WARNING,
    when="record.upn_unknown == 'UN1'",
)
def un1_under_six(person: Person, ctx: Context) -> Outcome:
    if person.upn_unknown != "UN1" or ctx.age is None or ctx.age < UN1_UNDER:
        return None
    return Finding(
        "UPNunknown", "UN1", f"UPNunknown UN1 means under {UN1_UNDER}; the person is {ctx.age}"
    )


@rule(
    "P14",
    "person",
    "PostCode, when present, has the shape of a UK postcode",
    "Write the postcode like LS1 4AP",
    severity=WARNING,
    when="record.post_code and not POSTCODE_SHAPE(record.post_code)",
    names=lambda year: {"POSTCODE_SHAPE": POSTCODE_SHAPE},
)
def postcode_shape(person: Person, ctx: Context) -> Outcome:
    if not person.post_code or postcode_problem(person.post_code) is None:
        return None
    return Finding("PostCode", person.post_code, f"PostCode '{person.post_code}' is not a postcode")


@rule(
    "P15",
    "person",
    "The person has at least one Requests record",
    "Add the request (or an H record for a plan made before the period); a person with no "
    "request, assessment or plan does not belong in the return",
    severity=WARNING,
    when="not record.requests",
)
def has_requests(person: Person, ctx: Context) -> Outcome:
    if person.requests:
        return None
    return Finding("Requests", "", "The person has no Requests")


@rule(
    "P16",
    "person",
    "At most one of the person's plans is live on the reference date",
    "Give the older plan its CeaseDate and CeaseReason, or remove the duplicate plan",
    when="len(record.requests) > 1",
)
def one_live_plan(person: Person, ctx: Context) -> Outcome:
    if len(person.requests) < 2:
        return None
    live = [
        plan
        for plan in (plan_of(request) for request in person.requests)
        if plan is not None and live_on_reference_date(plan, ctx)
    ]
    if len(live) < 2:
        return None
    return Finding(
        "NamedPlan",
        live[1].start_date,
        f"{len(live)} plans are live on the reference date (started "
        f"{', '.join(plan.start_date or '?' for plan in live)})",
        line=live[1].line,
    )


@rule(
    "P17",
    "person",
    "The person has at most one open request (decision or assessment still to come)",
    "Check whether the older request was decided, withdrawn or merged into the newer one",
    severity=WARNING,
    when="len(record.requests) > 1",
)
def one_open_request(person: Person, ctx: Context) -> Outcome:
    if len(person.requests) < 2:
        return None
    open_requests = [request for request in person.requests if is_open(request)]
    if len(open_requests) < 2:
        return None
    return Finding(
        "Requests",
        open_requests[1].received_date,
        f"{len(open_requests)} requests are still open (received "
        f"{', '.join(r.received_date or '?' for r in open_requests)})",
        line=open_requests[1].line,
    )


@rule(
    "P18",
    "person",
    f"A person whose plans had all ceased by the reference date is at most {MAXIMUM_AGE} on "
    "31 August before it",
    "Check the date of birth; a plan that ceased late in the period can belong to someone "
    "just over 25",
    severity=WARNING,
    when=f"ctx.age is not None and ctx.age > {MAXIMUM_AGE}",
)
def ceased_plans_age_in_range(person: Person, ctx: Context) -> Outcome:
    if ctx.age is None or ctx.age <= MAXIMUM_AGE or has_current_work(person, ctx):
        return None
    return over_age(person, ctx)
