"""Rules for register records shared by forms and imports (pure: no Django)."""

import datetime as dt

from opensend.core import codelists
from opensend.core.dates import academic_year_of
from opensend.core.identifiers import normalise_identifier, uln_problem, upn_problem

OLDEST_BIRTH_YEAR = 1990


def collection_year_of(on: dt.date) -> int:
    """The January census that reports a fact dated `on` (September 2024 is in 2025's)."""
    return academic_year_of(on) + 1


def identifier_problems(upn: str, uln: str, upn_unknown: str) -> dict[str, str]:
    """Problems with a person's identifiers, by field. SEN2 needs a UPN, a ULN or a reason."""
    problems = {}
    upn, uln = normalise_identifier(upn), normalise_identifier(uln)
    if upn and (problem := upn_problem(upn)):
        problems["upn"] = problem
    if uln and (problem := uln_problem(uln)):
        problems["uln"] = problem
    if upn_unknown and (problem := codelists.UPN_UNKNOWN.problem(upn_unknown)):
        problems["upn_unknown"] = problem
    if upn and upn_unknown:
        problems["upn_unknown"] = "Leave the UPN unknown reason blank when there is a UPN"
    if not (upn or uln or upn_unknown):
        problems["upn"] = "Enter a UPN or ULN, or choose why neither is known"
    return problems


def birth_date_problem(birth_date: dt.date, today: dt.date) -> str | None:
    if birth_date > today:
        return "Date of birth must be today or in the past"
    if birth_date.year < OLDEST_BIRTH_YEAR:
        return f"Date of birth must be in {OLDEST_BIRTH_YEAR} or later"
    return None


def need_type_problem(need_type: str, start_date: dt.date) -> str | None:
    return codelists.NEED_TYPES.problem(need_type, collection_year_of(start_date))


def normalise_postcode(value: str) -> str:
    compact = "".join((value or "").split()).upper()
    if len(compact) > 3:
        return f"{compact[:-3]} {compact[-3:]}"
    return compact


def postcode_problem(value: str) -> str | None:
    compact = "".join((value or "").split()).upper()
    if not compact:
        return None
    if not (
        5 <= len(compact) <= 7
        and compact[0].isalpha()
        and compact[-3].isdigit()
        and compact[-2:].isalpha()
        and compact.isalnum()
    ):
        return "Enter a real postcode, like LS1 4AP"
    return None
