"""Register downloads as CSV or XLSX (each one audited by the view that serves it; the file
writing and formula escaping are `core.exports`)."""

from opensend.core import codelists, exports
from opensend.core.exports import table_rows

COLUMNS = [
    ("ID", lambda p: p.reference),
    ("Local ID", lambda p: p.local_id),
    ("UPN", lambda p: p.upn),
    ("ULN", lambda p: p.uln),
    ("UPN unknown reason", lambda p: p.upn_unknown),
    ("First name", lambda p: p.forename),
    ("Last name", lambda p: p.surname),
    ("Date of birth", lambda p: p.birth_date.isoformat()),
    ("Sex", lambda p: p.sex),
    ("Ethnicity", lambda p: p.ethnicity),
    ("Postcode", lambda p: p.postcode),
    ("SEN status", lambda p: codelists.SEN_PROVISION.label(p.current_provision)),
    ("Primary need", lambda p: p.current_primary_need or ""),
    (
        "Main setting",
        lambda p: (
            p.current_establishment_name or codelists.SEN_SETTINGS.label(p.current_sen_setting)
        ),
    ),
]


def rows(people):
    return table_rows(COLUMNS, people.iterator(chunk_size=2000))


def to_csv(people) -> bytes:
    return exports.to_csv(rows(people))


def to_xlsx(people) -> bytes:
    return exports.to_xlsx(rows(people), "Register")
