"""What the SEN2 file looks like in each collection year: element names and order, and which
items are mandatory. Pure data; the writer, reader, XSDs and validator all follow it.

Element names are case-sensitive in the file. We write the casing of the DfE guide
(`SENsetting`, `SENsettingOther`, `Res`); the reader also accepts the variants seen in the
wild (`SENSetting`, `SENSettingOther`, `RES`) with a warning (`CASE_VARIANTS`).
"""

from __future__ import annotations

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
