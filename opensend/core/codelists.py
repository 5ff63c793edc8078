"""Code lists of the statutory returns, versioned by collection year.

A code carries the collection years it is valid in (`first_year`, `last_year`; None = open), so a
record dated in a year is checked against that year's list. Years are collection (census) years:
2025 = the January 2025 census / SEN2 2025. Sources: SEN2 guide 2025 v1.4 and 2026, CBDS.
"""

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    first_year: int | None = None
    last_year: int | None = None

    def valid_in(self, year: int | None) -> bool:
        if year is None:
            return self.last_year is None
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )


class CodeList:
    def __init__(self, name: str, codes: list[Code]):
        self.name = name
        self.codes = {c.code: c for c in codes}

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes.values())

    def label(self, code: str | None) -> str:
        if not code:
            return ""
        entry = self.codes.get(code)
        return entry.label if entry else code

    def valid_codes(self, year: int | None = None) -> list[str]:
        return [c.code for c in self.codes.values() if c.valid_in(year)]

    def is_valid(self, code: str, year: int | None = None) -> bool:
        entry = self.codes.get(code)
        return entry is not None and entry.valid_in(year)

    def choices(self, year: int | None = None) -> list[tuple[str, str]]:
        return [(c.code, c.label) for c in self.codes.values() if c.valid_in(year)]

    def problem(self, code: str, year: int | None = None) -> str | None:
        """None if valid, else a sentence listing what is allowed."""
        if self.is_valid(code, year):
            return None
        allowed = ", ".join(self.valid_codes(year))
        when = f" in {year}" if year else ""
        if code in self.codes:
            return f"'{code}' is not a valid {self.name} code{when}; use one of {allowed}"
        return f"'{code}' is not a {self.name} code; use one of {allowed}"


# Primary and secondary needs. SEN2 5.8a; the school census adds NSA for SEN support.
NEED_TYPES = CodeList(
    "need type",
    [
        Code("SPLD", "Specific learning difficulty"),
        Code("MLD", "Moderate learning difficulty"),
        Code("SLD", "Severe learning difficulty"),
        Code("PMLD", "Profound and multiple learning difficulty"),
        Code("SEMH", "Social, emotional and mental health"),
        Code("SLCN", "Speech, language and communication needs"),
        Code("HI", "Hearing impairment"),
        Code("VI", "Vision impairment"),
        Code("MSI", "Multi-sensory impairment"),
        Code("PD", "Physical disability"),
        Code("ASD", "Autistic spectrum disorder"),
        Code("DS", "Down syndrome", first_year=2025),
        Code("OTH", "Other difficulty or disability"),
        Code("NSA", "SEN support but no specialist assessment of type of need"),
    ],
)
SEN2_NEED_TYPES = [c.code for c in NEED_TYPES if c.code != "NSA"]

# SEN provision in the school census: E = EHC plan, K = SEN support.
SEN_PROVISION = CodeList(
    "SEN provision",
    [
        Code("E", "EHC plan"),
        Code("K", "SEN support"),
    ],
)

SEX = CodeList(
    "sex",
    [
        Code("M", "Male"),
        Code("F", "Female"),
        Code("U", "Not known"),
    ],
)

UPN_UNKNOWN = CodeList(
    "UPN unknown reason",
    [
        Code("UN1", "Aged under 6 and no UPN yet"),
        Code("UN2", "Never attended a state-funded school in England"),
        Code("UN3", "Educated outside England"),
        Code("UN5", "Sources show a discrepancy that prevents reliable matching"),
        Code("UN8", "New to the local authority; UPN or ULN not yet known"),
        Code("UN9", "Young person never attended state-funded school or FE in England"),
        Code("UN10", "Request ended in no further action before a UPN or ULN was known"),
    ],
)

# CBDS ethnicity: the 19 main codes (plus refused and not obtained) in the groups DfE publishes.
ETHNICITY_GROUPS = {
    "WBRI": "White - White British",
    "WIRI": "White - Irish",
    "WIRT": "White - Traveller of Irish heritage",
    "WROM": "White - Gypsy/Roma",
    "WOTH": "White - Any other White background",
    "MWBC": "Mixed - White and Black Caribbean",
    "MWBA": "Mixed - White and Black African",
    "MWAS": "Mixed - White and Asian",
    "MOTH": "Mixed - Any other Mixed background",
    "AIND": "Asian - Indian",
    "APKN": "Asian - Pakistani",
    "ABAN": "Asian - Bangladeshi",
    "CHNE": "Asian - Chinese",
    "AOTH": "Asian - Any other Asian background",
    "BCRB": "Black - Black Caribbean",
    "BAFR": "Black - Black African",
    "BOTH": "Black - Any other Black background",
    "OOTH": "Any other ethnic group",
    "REFU": "Unclassified",
    "NOBT": "Unclassified",
}
_EXTENDED_ETHNICITY = {
    "WBRI": "WCOR WENG WNIR WSCO WWEL WOWB",
    "WOTH": "WALB WBOS WCRO WGRE WGRK WGRC WITA WKOS WPOR WSER WTUR WTUK WTUC WEUR WEEU WWEU WOTW",
    "WROM": "WROG WROR WROO",
    "MWAS": "MWAP MWAI MWAO",
    "MOTH": "MAOE MABL MACH MBOE MBCH MCOE MWOE MWCH MOTM",
    "APKN": "AMPK AKPA AOPK",
    "AOTH": "ABRI AWEL AAFR AKAO ANEP ASNL ASLT ASRO AOTA",
    "BAFR": "BANN BCON BGHA BNGN BSLN BSOM BSUD BAOF",
    "BOTH": "BBRI BWEL BEUR BNAM BOTB",
    "CHNE": "CHKC CMAL CSNG CTWN COCH",
    "OOTH": "OAFG ORAB OARA OEGY OFIL OIRN OIRQ OJPN OKOR OKRD OLAM OLEB OLIB OMAL OMRC OPOL "
    "OTHA OVIE OYEM OOEG",
}
ETHNICITY_MAIN_CODE = {code: code for code in ETHNICITY_GROUPS}
for _main, _extended in _EXTENDED_ETHNICITY.items():
    ETHNICITY_MAIN_CODE.update({code: _main for code in _extended.split()})
_ETHNICITY_LABELS = {
    "WBRI": "White British",
    "WIRI": "White Irish",
    "WIRT": "Traveller of Irish heritage",
    "WROM": "Gypsy/Roma",
    "WOTH": "Any other White background",
    "MWBC": "White and Black Caribbean",
    "MWBA": "White and Black African",
    "MWAS": "White and Asian",
    "MOTH": "Any other Mixed background",
    "AIND": "Indian",
    "APKN": "Pakistani",
    "ABAN": "Bangladeshi",
    "CHNE": "Chinese",
    "AOTH": "Any other Asian background",
    "BCRB": "Black Caribbean",
    "BAFR": "Black African",
    "BOTH": "Any other Black background",
    "OOTH": "Any other ethnic group",
    "REFU": "Refused",
    "NOBT": "Information not yet obtained",
}
ETHNICITY = CodeList(
    "ethnicity",
    [
        Code(code, _ETHNICITY_LABELS.get(code) or f"{_ETHNICITY_LABELS[main]} ({code})")
        for code, main in ETHNICITY_MAIN_CODE.items()
    ],
)


def ethnicity_group(code: str | None) -> str:
    """DfE's published group for a main or extended CBDS code ('Unclassified' if unknown)."""
    main = ETHNICITY_MAIN_CODE.get(code or "")
    return ETHNICITY_GROUPS[main] if main else "Unclassified"


# SEN2 setting codes for a placement with no URN or UKPRN (4.7c, 5.7c).
SEN_SETTINGS = CodeList(
    "SEN setting",
    [
        Code("OLA", "Other arrangements made by the local authority (EOTAS, s.61)"),
        Code("OPA", "Other arrangements made by parents or the young person (s.42(5))"),
        Code("EHE", "Elective home education"),
        Code("EYP", "Early years provider with no URN"),
        Code("OTH", "Other: type of setting specified, no setting named"),
        Code("NEET", "Not in education, employment or training (16 to 25)"),
        Code("NIEC", "Not in education or training: notice to cease issued"),
        Code("NIEO", "Not in education or training: other"),
    ],
)
PLAN_ONLY_EXCLUDED_SETTINGS = {"NEET", "NIEC", "NIEO"}

# Establishment types, each in the caseload category DfE publishes for placements there.
ESTABLISHMENT_TYPES = CodeList(
    "establishment type",
    [
        Code("LA_MAINSTREAM", "LA maintained mainstream school"),
        Code("ACADEMY_MAINSTREAM", "Mainstream academy"),
        Code("FREE_MAINSTREAM", "Mainstream free school"),
        Code("INDEPENDENT_MAINSTREAM", "Independent mainstream school"),
        Code("LA_SPECIAL", "LA maintained special school"),
        Code("ACADEMY_SPECIAL", "Special academy or special free school"),
        Code("INDEPENDENT_SPECIAL", "Independent special school"),
        Code("NON_MAINTAINED_SPECIAL", "Non-maintained special school"),
        Code("PRU", "Pupil referral unit"),
        Code("AP_ACADEMY", "Alternative provision academy"),
        Code("AP_FREE", "Alternative provision free school"),
        Code("FE_COLLEGE", "General FE or tertiary college, or sixth form college"),
        Code("SPECIALIST_POST16", "Specialist post-16 institution"),
        Code("UKRLP_PROVIDER", "Other UKRLP learning provider"),
        Code("ONLINE", "Online education provider"),
        Code("WELSH", "Setting in Wales"),
        Code("OTHER_SCHOOL", "Other school (secure unit, service children's, overseas)"),
        Code("EARLY_YEARS", "Non-maintained early years setting"),
    ],
)

# Phases as Annex A lists them.
PHASES = CodeList(
    "phase",
    [
        Code("NURSERY", "Nursery"),
        Code("PRIMARY", "Primary"),
        Code("MIDDLE_PRIMARY", "Middle (deemed primary)"),
        Code("MIDDLE_SECONDARY", "Middle (deemed secondary)"),
        Code("SECONDARY", "Secondary"),
        Code("ALL_THROUGH", "All-through"),
        Code("SPECIAL", "Special"),
        Code("AP", "Pupil referral unit/Alternative provision"),
        Code("FE", "FE college"),
        Code("NOT_APPLICABLE", "Not applicable"),
    ],
)

CIRCUMSTANCES = CodeList(
    "circumstance",
    [
        Code("CLA", "Child looked after"),
        Code("CIN", "Child in need"),
        Code("CP", "Child protection plan"),
        Code("FSM", "Eligible for free school meals"),
        Code("PP", "Pupil premium"),
        Code("EHE", "Electively home educated"),
        Code("YC", "Young carer"),
        Code("DIS", "Disability (Equality Act 2010)"),
        Code("CSC", "Known to children's social care"),
    ],
)

EXCLUSION_KINDS = CodeList(
    "exclusion kind",
    [
        Code("SUSPENSION", "Suspension"),
        Code("PERMANENT", "Permanent exclusion"),
    ],
)

EXCLUSION_REASONS = CodeList(
    "exclusion reason",
    [
        Code("PP", "Physical assault against a pupil"),
        Code("PA", "Physical assault against an adult"),
        Code("VP", "Verbal abuse or threatening behaviour against a pupil"),
        Code("VA", "Verbal abuse or threatening behaviour against an adult"),
        Code("OW", "Use or threat of use of an offensive weapon or prohibited item"),
        Code("BU", "Bullying"),
        Code("RA", "Racist abuse"),
        Code("LG", "Abuse against sexual orientation or gender identity"),
        Code("DS", "Abuse relating to disability"),
        Code("DA", "Drug and alcohol related"),
        Code("DM", "Damage"),
        Code("TH", "Theft"),
        Code("MT", "Inappropriate use of social media or online technology"),
        Code("SM", "Sexual misconduct"),
        Code("PD", "Persistent disruptive behaviour"),
        Code("OT", "Other"),
    ],
)

TERMS = CodeList(
    "term",
    [
        Code("AUT", "Autumn"),
        Code("SPR", "Spring"),
        Code("SUM", "Summer"),
    ],
)


# --- EHC casework (SEN2 modules 2 to 5) ---------------------------------------------------------

# SEN2 2.2 RequestSource: voluntary in 2025, mandatory from 2026.
REQUEST_SOURCES = CodeList(
    "request source",
    [
        Code("1", "Young person or parent", first_year=2025),
        Code("2", "School or other education setting", first_year=2025),
        Code("3", "Health care professional", first_year=2025),
        Code("4", "Social care professional", first_year=2025),
        Code("5", "Other", first_year=2025),
    ],
)

# SEN2 2.5 RequestOutcome.
REQUEST_OUTCOMES = CodeList(
    "request outcome",
    [
        Code("Y", "Decided to assess"),
        Code("N", "Decided not to assess"),
        Code("A", "Decision not yet made"),
        Code("W", "Withdrawn or ceased before the decision"),
        Code("H", "Historical: decided before this collection period or transferred in"),
    ],
)

# SEN2 3.1 AssessmentOutcome.
ASSESSMENT_OUTCOMES = CodeList(
    "assessment outcome",
    [
        Code("Y", "Plan issued"),
        Code("N", "Decided not to issue a plan"),
        Code("A", "Decision not yet made"),
        Code("W", "Withdrawn or ceased before the decision"),
        Code("H", "Historical: issued before this collection period or transferred in"),
    ],
)

# Regulation 10(4) and 13(3) exceptions to the 20-week limit (SEN2 3.7 Week20 = 1).
TIMESCALE_EXCEPTIONS = CodeList(
    "20-week exception",
    [
        Code("SCHOOL_CLOSED", "The school or college was closed for at least 4 weeks"),
        Code("PERSONAL", "Exceptional personal circumstances of the child or parent"),
        Code("AWAY", "The child or parent was away from the area for at least 4 weeks"),
        Code("MISSED", "The child or parent missed an appointment"),
    ],
)

# Advice and information sought under regulation 6(1).
ADVICE_KINDS = CodeList(
    "advice",
    [
        Code("EP", "Educational psychologist"),
        Code("HEALTH", "Health care professionals"),
        Code("SOCIAL_CARE", "Social care"),
        Code("EDUCATION", "Head teacher, principal or early years provider"),
        Code("PARENT", "Parent or young person"),
        Code("OTHER", "Other"),
    ],
)

# SEN2 4.6 CeaseReason.
CEASE_REASONS = CodeList(
    "cease reason",
    [
        Code("1", "Reached maximum age"),
        Code("2", "Needs met without an EHC plan"),
        Code("3", "Moved on to higher education"),
        Code("4", "Moved on to paid employment (not an apprenticeship)"),
        Code("5", "Transferred to another local authority in England"),
        Code("6", "Young person no longer wishes to engage in education or training"),
        Code("7", "Moved outside England"),
        Code("8", "Deceased"),
        Code("9", "Other"),
    ],
)

# SEN2 4.4c DP direct payments.
DIRECT_PAYMENTS = CodeList(
    "direct payment",
    [
        Code("E", "Education only"),
        Code("S", "Social care only"),
        Code("H", "Health only"),
        Code("I", "Integrated (a combination)"),
    ],
)

RESIDENTIAL = CodeList(
    "residential", [Code("A", "Residential 38 to 51 weeks"), Code("B", "Residential 52 weeks")]
)
WORK_BASED = CodeList(
    "work-based learning",
    [Code("A", "Apprenticeship"), Code("T", "Traineeship"), Code("S", "Supported internship")],
)

# SEN2 5.4c ReviewOutcome.
REVIEW_OUTCOMES = CodeList(
    "review outcome",
    [Code("M", "Maintain the plan"), Code("A", "Amend the plan"), Code("C", "Cease the plan")],
)

# Appealable decisions (CFA 2014 s.51) and how disagreements end.
DISPUTED_DECISIONS = CodeList(
    "disputed decision",
    [
        Code("NOT_ASSESS", "Not to carry out an EHC needs assessment"),
        Code("NOT_ISSUE", "Not to issue an EHC plan"),
        Code("CONTENTS", "The contents of the plan (sections B, F or I)"),
        Code("NOT_AMEND", "Not to amend the plan after a review or re-assessment"),
        Code("CEASE", "To cease the plan"),
        Code("NOT_REASSESS", "Not to carry out a re-assessment"),
    ],
)
MEDIATION_OUTCOMES = CodeList(
    "mediation outcome",
    [
        Code("AGREED", "Agreement reached"),
        Code("PARTLY", "Agreement on some issues"),
        Code("NOT_AGREED", "No agreement"),
        Code("DECLINED", "Mediation offered but not taken up (certificate issued)"),
    ],
)
TRIBUNAL_OUTCOMES = CodeList(
    "tribunal outcome",
    [
        Code("UPHELD", "Appeal upheld"),
        Code("PARTLY", "Appeal upheld in part"),
        Code("DISMISSED", "Appeal dismissed"),
        Code("CONCEDED", "Conceded by the local authority"),
        Code("WITHDRAWN", "Withdrawn by the appellant"),
    ],
)
