"""Rules across the file (F): the same person twice, and patterns DfE queries in a whole return.

They read the `FileState` the checker keeps while the file streams past: the identifiers seen
so far (with the line of the person who had them first) and counts of request sources.
"""

from __future__ import annotations

from opensend.returns.sen2.records import Person
from opensend.returns.sen2.rules.engine import WARNING, Context, Finding, Outcome, rule

# DfE queries "large numbers" of RequestSource 5 (other). England, 2025: 5% of requests with a
# known source. We query a return where more than a tenth of at least this many requests are 5.
OTHER_SOURCE_SHARE = 0.10
OTHER_SOURCE_MINIMUM = 10


@rule(
    "F01",
    "file",
    "No two persons have the same UPN",
    "Merge the two Person records into one, with all their requests, or correct the UPN",
    when="record.upn",
)
def upn_once(person: Person, ctx: Context) -> Outcome:
    if not person.upn:
        return None
    return seen_before("UPN", person.upn, ctx.file.upns, ctx)


def seen_before(
    element: str, value: str, seen: dict[str, tuple[int, int]], ctx: Context
) -> Outcome:
    """A finding when `value` was on an earlier person; else remember this person has it."""
    here = (ctx.file.persons, ctx.person.line)
    first = seen.setdefault(value, here)
    if first == here:
        return None
    where = f"person {first[0]}" + (f" (line {first[1]})" if first[1] else "")
    return Finding(element, value, f"{element} {value} is also on {where}")


@rule(
    "F02",
    "file",
    "No two persons have the same UniqueLearnerNumber",
    "Merge the two Person records into one, with all their requests, or correct the ULN",
    when="record.unique_learner_number",
)
def uln_once(person: Person, ctx: Context) -> Outcome:
    uln = person.unique_learner_number
    if not uln:
        return None
    return seen_before("UniqueLearnerNumber", uln, ctx.file.ulns, ctx)


@rule(
    "F03",
    "file end",
    f"Fewer than {OTHER_SOURCE_SHARE:.0%} of requests come from RequestSource 5 (other), "
    "which DfE queries in large numbers",
    "Check whether these requests came from a parent or young person, a school, health or "
    "social care (codes 1 to 4)",
    severity=WARNING,
)
def few_other_sources(_: None, ctx: Context) -> Outcome:
    state = ctx.file
    other, known = state.requests_from_other, state.requests_with_source
    if other < OTHER_SOURCE_MINIMUM or other <= OTHER_SOURCE_SHARE * known:
        return None
    return Finding(
        "RequestSource",
        "5",
        f"{other} of {known} requests ({other / known:.0%}) have RequestSource 5 (other)",
    )
