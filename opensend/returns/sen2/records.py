"""The SEN2 return as plain records: one dataclass per XML module, values as the file holds them.

Values are strings exactly as written in the XML ("" when the element is absent), so a file with
a bad date or code can still be read, reported on and written back unchanged; `typed` turns a
valid value into a date, int or bool where a caller needs one. `line` is the source line of the
element's start tag (0 for records not read from a file).

Each record lists its XML elements in document order in `ELEMENTS` (field name, element name);
`layout.py` holds what differs between collection years.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class Header:
    """`<Header>`: `<CollectionDetails>` and `<Source>` (LA level)."""

    year: str = ""
    reference_date: str = ""
    lea: str = ""
    software_code: str = ""
    release: str = ""
    serial_no: str = ""
    date_time: str = ""
    dmo: str = ""
    dco: str = ""
    dsco: str = ""
    collection: str = "SEN2"
    source_level: str = "L"
    line: int = 0


@dataclass(slots=True)
class PlanDetail:
    """Module 4b `<PlanDetail>`: a setting named in the plan (rank 1 or 2)."""

    urn: str = ""
    ukprn: str = ""
    sen_setting: str = ""
    sen_setting_other: str = ""
    placement_rank: str = ""
    sen_unit_indicator: str = ""
    resourced_provision_indicator: str = ""
    line: int = 0


@dataclass(slots=True)
class NamedPlan:
    """Module 4a `<NamedPlan>`: the EHC plan issued after the assessment."""

    start_date: str = ""
    plan_details: list[PlanDetail] = field(default_factory=list)
    plan_res: str = ""
    plan_wbp: str = ""
    pb: str = ""
    oa: str = ""
    dp: str = ""
    cease_date: str = ""
    cease_reason: str = ""
    line: int = 0


@dataclass(slots=True)
class Assessment:
    """Module 3 `<Assessment>`: the EHC needs assessment and the decision whether to issue."""

    assessment_outcome: str = ""
    assessment_outcome_date: str = ""
    assessment_mediation: str = ""
    assessment_tribunal: str = ""
    other_mediation: str = ""
    other_tribunal: str = ""
    week20: str = ""
    named_plan: NamedPlan | None = None
    line: int = 0


@dataclass(slots=True)
class PlacementDetail:
    """Module 5b `<PlacementDetail>`: a setting attended."""

    urn: str = ""
    ukprn: str = ""
    sen_setting: str = ""
    sen_setting_other: str = ""
    placement_rank: str = ""
    entry_date: str = ""
    leaving_date: str = ""
    sen_unit_indicator: str = ""
    resourced_provision_indicator: str = ""
    res: str = ""
    wbp: str = ""
    line: int = 0


@dataclass(slots=True)
class SenNeed:
    """Module 5c `<SENneed>`: a type of need, rank 1 (primary) or 2."""

    sen_type: str = ""
    sen_type_rank: str = ""
    line: int = 0


@dataclass(slots=True)
class ActivePlans:
    """Module 5a `<ActivePlans>`: placements, needs, reviews and phase transfer of a live plan."""

    transfer_la: str = ""
    placements: list[PlacementDetail] = field(default_factory=list)
    needs: list[SenNeed] = field(default_factory=list)
    review_meeting: str = ""
    review_outcome: str = ""
    review_draft: str = ""
    phase_transfer_due_date: str = ""
    phase_transfer_final_date: str = ""
    last_review: str = ""
    line: int = 0


@dataclass(slots=True)
class Request:
    """Module 2 `<Requests>`: one request for an EHC needs assessment (or an H record)."""

    received_date: str = ""
    request_source: str = ""
    rya: str = ""
    request_outcome_date: str = ""
    request_outcome: str = ""
    request_mediation: str = ""
    request_tribunal: str = ""
    exported: str = ""
    assessment: Assessment | None = None
    active_plans: ActivePlans | None = None
    line: int = 0


@dataclass(slots=True)
class Person:
    """Module 1 `<Person>`."""

    surname: str = ""
    forename: str = ""
    person_birth_date: str = ""
    sex: str = ""
    ethnicity: str = ""
    post_code: str = ""
    upn: str = ""
    unique_learner_number: str = ""
    upn_unknown: str = ""
    requests: list[Request] = field(default_factory=list)
    line: int = 0

    @property
    def label(self) -> str:
        """How a problem report names the person: name and UPN (or ULN)."""
        name = " ".join(p for p in (self.forename, self.surname) if p) or "(no name)"
        identifier = self.upn or self.unique_learner_number or self.upn_unknown
        return f"{name} ({identifier})" if identifier else name


def as_date(value: str) -> dt.date | None:
    """An ISO date from the file, or None when absent or not a date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def as_flag(value: str) -> bool | None:
    """A 1/0 flag, or None when absent or another value."""
    return {"1": True, "0": False}.get(value)


def flag(value: bool) -> str:
    return "1" if value else "0"


@dataclass(slots=True, frozen=True)
class Problem:
    """One thing wrong (or worth querying) in a return, as the validation report shows it.

    `severity` is "error" (DfE would reject the return) or "warning" (read, but worth a look:
    a case variant of an element name, a value DfE queries). `fix` says in plain English what to
    change. `line` is the file line (0 when the record did not come from a file).
    """

    rule: str
    message: str
    fix: str
    line: int = 0
    person: str = ""
    element: str = ""
    value: str = ""
    severity: str = "error"
