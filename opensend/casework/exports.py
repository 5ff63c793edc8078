"""The casework lists as CSV or XLSX: the columns of each list. Writing the file and escaping
formulas is `core.exports`; each download needs a reason and is audited by the view."""

from opensend.casework.models import Request
from opensend.core.exports import table_rows


def _date(value) -> str:
    return value.isoformat() if value else ""


def _stage(row) -> str:
    return Request.Stage(row.stage).label if row.stage else ""


CASE_COLUMNS = [
    ("Case", lambda r: r.case_reference),
    ("Person ID", lambda r: r.person_reference),
    ("First name", lambda r: r.forename),
    ("Last name", lambda r: r.surname),
    ("Caseworker", lambda r: r.caseworker_name),
    ("Stage", _stage),
    ("Date received", lambda r: _date(r.received)),
    ("Next step", lambda r: r.step),
    ("Due", lambda r: _date(r.due)),
    ("Days left", lambda r: "" if r.days_left is None else r.days_left),
    ("Status", lambda r: r.rag),
]
TRACKER_COLUMNS = [
    *CASE_COLUMNS[:5],
    ("Date received", lambda r: _date(r.received)),
    ("Week", lambda r: r.week),
    ("Where it is", lambda r: r.prediction.step.label),
    ("Next step", lambda r: r.step),
    ("Next step due", lambda r: _date(r.due)),
    ("Status", lambda r: r.rag),
    ("Final plan due", lambda r: _date(r.prediction.due)),
    ("Predicted final plan", lambda r: _date(r.predicted)),
    ("At risk", lambda r: "yes" if r.at_risk else "no"),
    ("20-week exception", lambda r: r.exception),
]
REVIEW_COLUMNS = [*CASE_COLUMNS[:5], *CASE_COLUMNS[7:]]
TRANSFER_COLUMNS = [
    *CASE_COLUMNS[:5],
    ("Year of transfer", lambda r: r.transfer_year),
    ("Review started", lambda r: "yes" if r.started else "no"),
    *CASE_COLUMNS[7:],
]
CASELOAD_COLUMNS = [
    ("Caseworker", lambda r: r.name),
    ("Open requests and assessments", lambda r: r.open_cases),
    ("Live plans", lambda r: r.live_plans),
    ("Overdue", lambda r: r.overdue),
    ("Due in 14 days", lambda r: r.due_soon),
    ("At risk of missing 20 weeks", lambda r: r.at_risk),
]


def rows(columns, records):
    """Header and escaped rows for a list's records (rows from `casework.queries`)."""
    return table_rows(columns, records)
