"""What the SEN2 file looks like in each collection year: element names and order, and which
items are mandatory. Pure data; the writer, reader, XSDs and validator all follow it.

Element names are case-sensitive in the file. We write the casing of the DfE guide
(`SENsetting`, `SENsettingOther`, `Res`); the reader also accepts the variants seen in the
wild (`SENSetting`, `SENSettingOther`, `RES`) with a warning (`CASE_VARIANTS`).
"""

from __future__ import annotations

import functools
from typing import NamedTuple

# (record field, XML element) in document order; child records are named by their field.
HEADER_COLLECTION = (
    ("collection", "Collection"),
    ("year", "Year"),
    ("reference_date", "ReferenceDate"),
)
HEADER_SOURCE = (
    ("source_level", "SourceLevel"),
    ("lea", "LEA"),
    ("software_code", "SoftwareCode"),
    ("release", "Release"),
    ("serial_no", "SerialNo"),
    ("date_time", "DateTime"),
    ("dmo", "DMO"),
    ("dco", "DCO"),
    ("dsco", "DSCO"),
)
PERSON = (
    ("surname", "Surname"),
    ("forename", "Forename"),
    ("person_birth_date", "PersonBirthDate"),
    ("sex", "Sex"),
    ("ethnicity", "Ethnicity"),
    ("post_code", "PostCode"),
    ("upn", "UPN"),
    ("unique_learner_number", "UniqueLearnerNumber"),
    ("upn_unknown", "UPNunknown"),
)
REQUEST = (
    ("received_date", "ReceivedDate"),
    ("request_source", "RequestSource"),
    ("rya", "RYA"),
    ("request_outcome_date", "RequestOutcomeDate"),
    ("request_outcome", "RequestOutcome"),
    ("request_mediation", "RequestMediation"),
    ("request_tribunal", "RequestTribunal"),
    ("exported", "Exported"),
)
ASSESSMENT = (
    ("assessment_outcome", "AssessmentOutcome"),
    ("assessment_outcome_date", "AssessmentOutcomeDate"),
    ("assessment_mediation", "AssessmentMediation"),
    ("assessment_tribunal", "AssessmentTribunal"),
    ("other_mediation", "OtherMediation"),
    ("other_tribunal", "OtherTribunal"),
    ("week20", "Week20"),
)
NAMED_PLAN_START = (("start_date", "StartDate"),)
NAMED_PLAN_END = (
    ("plan_res", "PlanRes"),
    ("plan_wbp", "PlanWBP"),
    ("pb", "PB"),
    ("oa", "OA"),
    ("dp", "DP"),
    ("cease_date", "CeaseDate"),
    ("cease_reason", "CeaseReason"),
)
PLAN_DETAIL = (
    ("urn", "URN"),
    ("ukprn", "UKPRN"),
    ("sen_setting", "SENsetting"),
    ("sen_setting_other", "SENsettingOther"),
    ("placement_rank", "PlacementRank"),
    ("sen_unit_indicator", "SENunitIndicator"),
    ("resourced_provision_indicator", "ResourcedProvisionIndicator"),
)
PLACEMENT_DETAIL = (
    ("urn", "URN"),
    ("ukprn", "UKPRN"),
    ("sen_setting", "SENsetting"),
    ("sen_setting_other", "SENsettingOther"),
    ("placement_rank", "PlacementRank"),
    ("entry_date", "EntryDate"),
    ("leaving_date", "LeavingDate"),
    ("sen_unit_indicator", "SENunitIndicator"),
    ("resourced_provision_indicator", "ResourcedProvisionIndicator"),
    ("res", "Res"),
    ("wbp", "WBP"),
)
SEN_NEED = (
    ("sen_type", "SENtype"),
    ("sen_type_rank", "SENtypeRank"),
)
ACTIVE_PLANS_START = (("transfer_la", "TransferLA"),)
# After the placements and needs; the order differs by year (see ACTIVE_PLANS_END_BY_YEAR).
ACTIVE_PLANS_END_2026 = (
    ("review_meeting", "ReviewMeeting"),
    ("review_outcome", "ReviewOutcome"),
    ("review_draft", "ReviewDraft"),
    ("phase_transfer_due_date", "PhaseTransferDueDate"),
    ("phase_transfer_final_date", "PhaseTransferFinalDate"),
    ("last_review", "LastReview"),
)
ACTIVE_PLANS_END_2025 = (
    ("review_meeting", "ReviewMeeting"),
    ("last_review", "LastReview"),
    ("review_outcome", "ReviewOutcome"),
    ("review_draft", "ReviewDraft"),
    ("phase_transfer_due_date", "PhaseTransferDueDate"),
    ("phase_transfer_final_date", "PhaseTransferFinalDate"),
)
ACTIVE_PLANS_END_BY_YEAR = {2025: ACTIVE_PLANS_END_2025, 2026: ACTIVE_PLANS_END_2026}

SUPPORTED_YEARS = (2025, 2026)

CASE_VARIANTS = {
    "SENSetting": "SENsetting",
    "SENSettingOther": "SENsettingOther",
    "RES": "Res",
}

# The tree: each group element's content in document order, by year. An `Item` is either a value
# (one element holding text) or a group (a child record, or a list of them, held in `field`).


class Item(NamedTuple):
    """One child of a group element: its record field, element name and occurrences."""

    field: str
    element: str
    group: str = ""  # for a child record: the group element's name (its record type)
    min_occurs: int = 0
    max_occurs: int | None = 1  # None: unbounded


# Items every instance of their group must hold, whatever the other values (XSD minOccurs=1).
# Conditional requirements (RequestSource from 2026, ReceivedDate unless the outcome is H, ...)
# are the validator's rules, not the structure's.
REQUIRED = {
    "Message": frozenset({"Header", "Persons"}),
    "Header": frozenset({"CollectionDetails", "Source"}),
    "CollectionDetails": frozenset({"Collection", "Year", "ReferenceDate"}),
    "Source": frozenset(
        {"SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime", "DMO", "DCO"}
    ),
    "Persons": frozenset({"Person"}),
    "Person": frozenset({"Surname", "Forename", "PersonBirthDate", "Sex", "Ethnicity"}),
    "Requests": frozenset({"RequestOutcome"}),
    "Assessment": frozenset({"AssessmentOutcome"}),
    "NamedPlan": frozenset({"StartDate"}),
    "PlanDetail": frozenset({"PlacementRank"}),
    "PlacementDetail": frozenset({"PlacementRank", "EntryDate"}),
    "SENneed": frozenset({"SENtype", "SENtypeRank"}),
}
MAX_OCCURS: dict[str, int | None] = {
    "Person": None,
    "Requests": None,
    "PlanDetail": 2,
    "PlacementDetail": None,
    "SENneed": 2,
}


def _items(group: str, values: tuple[tuple[str, str], ...]) -> tuple[Item, ...]:
    required = REQUIRED.get(group, frozenset())
    return tuple(
        Item(field, element, min_occurs=int(element in required)) for field, element in values
    )


def _child(field: str, group: str, parent: str) -> tuple[Item, ...]:
    minimum = int(group in REQUIRED.get(parent, frozenset()))
    return (Item(field, group, group, minimum, MAX_OCCURS.get(group, 1)),)


@functools.cache
def content_model(year: int) -> dict[str, tuple[Item, ...]]:
    """Every group element's children in document order for a collection year.

    Keys are the group element names (`Message`, `Header`, ..., `SENneed`); the root is
    `Message`. Raises ValueError for a year OpenSEND does not support.
    """
    if year not in SUPPORTED_YEARS:
        supported = " and ".join(str(y) for y in SUPPORTED_YEARS)
        raise ValueError(f"SEN2 {year} is not supported; OpenSEND reads and writes {supported}")
    return {
        "Message": _child("header", "Header", "Message") + _child("persons", "Persons", "Message"),
        "Header": _child("collection_details", "CollectionDetails", "Header")
        + _child("source", "Source", "Header"),
        "CollectionDetails": _items("CollectionDetails", HEADER_COLLECTION),
        "Source": _items("Source", HEADER_SOURCE),
        "Persons": _child("persons", "Person", "Persons"),
        "Person": _items("Person", PERSON) + _child("requests", "Requests", "Person"),
        "Requests": _items("Requests", REQUEST)
        + _child("assessment", "Assessment", "Requests")
        + _child("active_plans", "ActivePlans", "Requests"),
        "Assessment": _items("Assessment", ASSESSMENT)
        + _child("named_plan", "NamedPlan", "Assessment"),
        "NamedPlan": _items("NamedPlan", NAMED_PLAN_START)
        + _child("plan_details", "PlanDetail", "NamedPlan")
        + _items("NamedPlan", NAMED_PLAN_END),
        "PlanDetail": _items("PlanDetail", PLAN_DETAIL),
        "ActivePlans": _items("ActivePlans", ACTIVE_PLANS_START)
        + _child("placements", "PlacementDetail", "ActivePlans")
        + _child("needs", "SENneed", "ActivePlans")
        + _items("ActivePlans", ACTIVE_PLANS_END_BY_YEAR[year]),
        "PlacementDetail": _items("PlacementDetail", PLACEMENT_DETAIL),
        "SENneed": _items("SENneed", SEN_NEED),
    }


# Free text: the only values the writer escapes (every other value is a code, date or number).
FREE_TEXT = frozenset(
    {"Surname", "Forename", "PostCode", "SENsettingOther", "SoftwareCode", "Release"}
)
