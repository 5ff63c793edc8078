"""Header rules (H): what return this is, whose, for which census, and the LA's officers."""

from __future__ import annotations

import datetime as dt

from opensend.returns.sen2 import codes
from opensend.returns.sen2.records import Header
from opensend.returns.sen2.rules.common import bad_code
from opensend.returns.sen2.rules.engine import WARNING, Context, Finding, Outcome, rule

SUPPORTED = ", ".join(str(y) for y in codes.SUPPORTED_YEARS)


@rule("H01", "header", "Collection is SEN2", "Write SEN2 in Collection")
def collection_is_sen2(header: Header, ctx: Context) -> Outcome:
    if header.collection == "SEN2":
        return None
    return Finding("Collection", header.collection, f"Collection '{header.collection}' is not SEN2")


@rule("H02", "header", "SourceLevel is L (local authority)", "Write L in SourceLevel")
def source_level_is_la(header: Header, ctx: Context) -> Outcome:
    if header.source_level == "L":
        return None
    return Finding(
        "SourceLevel", header.source_level, f"SourceLevel '{header.source_level}' is not L"
    )


@rule(
    "H03",
    "header",
    "LEA is the 3-digit DfE number of a local authority in England",
    "Write your LA's 3-digit DfE number (like 383 for Leeds)",
)
def lea_is_an_la(header: Header, ctx: Context) -> Outcome:
    if header.lea in codes.la_numbers():
        return None
    if not header.lea:
        return Finding("LEA", "", "LEA is missing")
    return Finding("LEA", header.lea, f"LEA '{header.lea}' is not a DfE local authority number")


@rule(
    "H04",
    "header",
    f"Year is a collection year OpenSEND supports ({SUPPORTED})",
    f"Write the census year ({SUPPORTED}); a return for another year cannot be checked here",
)
def year_is_supported(header: Header, ctx: Context) -> Outcome:
    if header.year in {str(y) for y in codes.SUPPORTED_YEARS}:
        return None
    checked = f"; checked with the {ctx.year} rules" if header.year else ""
    return Finding(
        "Year", header.year, f"Year '{header.year}' is not a supported collection year{checked}"
    )


@rule(
    "H05",
    "header",
    "ReferenceDate is the census date of the Year (the third Thursday of January)",
    "Write the census date of the Year as YYYY-MM-DD",
)
def reference_date_is_census_date(header: Header, ctx: Context) -> Outcome:
    expected = codes.census_date(ctx.year).isoformat()
    if header.reference_date == expected:
        return None
    return Finding(
        "ReferenceDate",
        header.reference_date,
        f"ReferenceDate '{header.reference_date}' is not the {ctx.year} census date {expected}",
        f"Write {expected} (the third Thursday of January {ctx.year})",
    )


def officer_finding(element: str, value: str, year: int) -> Finding | None:
    if not value:
        return Finding(
            element,
            "",
            f"{element} is missing",
            f"Write Y, N or R (recruitment in progress) in {element}",
        )
    return bad_code(element, value, codes.OFFICER_IN_POST, year)


@rule(
    "H06",
    "header",
    "DMO (Designated Medical Officer in place) is present and Y, N or R",
    "Write Y, N or R",
)
def dmo_given(header: Header, ctx: Context) -> Outcome:
    return officer_finding("DMO", header.dmo, ctx.year)


@rule(
    "H07",
    "header",
    "DCO (Designated Clinical Officer in place) is present and Y, N or R",
    "Write Y, N or R",
)
def dco_given(header: Header, ctx: Context) -> Outcome:
    return officer_finding("DCO", header.dco, ctx.year)


@rule(
    "H08",
    "header",
    "DSCO (Designated Social Care Officer in place) is present and Y, N or R: mandatory "
    "from 2026, voluntary in 2025",
    "Write Y, N or R",
    warning_in=(2025,),
)
def dsco_given(header: Header, ctx: Context) -> Outcome:
    return officer_finding("DSCO", header.dsco, ctx.year)


@rule("H09", "header", "SerialNo is 3 digits", "Write the return's serial number as 3 digits")
def serial_number(header: Header, ctx: Context) -> Outcome:
    value = header.serial_no
    if len(value) == 3 and value.isascii() and value.isdigit():
        return None
    return Finding(
        "SerialNo",
        value,
        f"SerialNo '{value}' is not 3 digits",
        "Write 3 digits, like 001 for the first file sent this year",
    )


def parse_date_time(value: str) -> dt.datetime | None:
    """An xs:dateTime (YYYY-MM-DDThh:mm:ss, optional fraction and zone), or None."""
    if len(value) < 19 or value[10] != "T" or not value.isascii():
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


@rule(
    "H10",
    "header",
    "DateTime is a date and time written YYYY-MM-DDThh:mm:ss",
    "Write when the file was made, like 2025-05-23T11:14:05",
)
def date_time(header: Header, ctx: Context) -> Outcome:
    if parse_date_time(header.date_time) is not None:
        return None
    return Finding(
        "DateTime", header.date_time, f"DateTime '{header.date_time}' is not a date and time"
    )


@rule(
    "H11",
    "header",
    "DateTime (when the file was made) is not before the reference date",
    "Make the return after the census date, from the records as they stood on it",
    severity=WARNING,
)
def made_after_census(header: Header, ctx: Context) -> Outcome:
    made = parse_date_time(header.date_time)
    if made is None or made.date() >= ctx.reference_date:
        return None
    return Finding(
        "DateTime",
        header.date_time,
        f"The file was made ({header.date_time}) before the reference date {ctx.reference_date}",
    )
