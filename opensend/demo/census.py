"""The register counted as DfE counts EHC plans on a census day, to compare with the published
figures: plans active on the day by age on the previous 31 August, primary need, type of
setting attended (the rank 1 placement), sex and ethnicity."""

import datetime as dt
from collections import Counter

import polars as pl

from opensend.core.codelists import ethnicity_group
from opensend.demo.journeys import CENSUS_DATE
from opensend.demo.published import NEED_UNKNOWN, PublishedFigures, age_label
from opensend.people.models import SenStatus, current_on
from opensend.people.register import register_as_at
from opensend.returns.sen2.settings_lookup import setting_type_of


def ehc_caseload(local_authority, on: dt.date = CENSUS_DATE) -> PublishedFigures:
    """EHC plans the LA maintained on `on`, in the shape of DfE's published figures, counted
    from the product's own reconstruction of the register on that day."""
    register = register_as_at(on, la_ids=[local_authority.pk]).filter(pl.col("provision") == "E")
    people = register.select(
        "age",
        "primary_need",
        "establishment_type",
        "sen_setting",
        "in_sen_unit",
        "in_resourced_provision",
        "sex",
        "ethnicity",
    ).to_dicts()
    figures = PublishedFigures(local_authority.la_code, local_authority.name, total=len(people))
    figures.by_age = dict(Counter(age_label(p["age"]) for p in people))
    figures.by_need = dict(Counter(p["primary_need"] or NEED_UNKNOWN for p in people))
    figures.by_setting = dict(Counter(_setting(p) for p in people))
    figures.by_sex = dict(Counter(p["sex"] for p in people))
    figures.by_ethnicity = dict(Counter(ethnicity_group(p["ethnicity"]) for p in people))
    return figures


def _setting(person: dict) -> str:
    if not (person["establishment_type"] or person["sen_setting"]):
        return "placement_unknown"
    return setting_type_of(
        age=person["age"],
        establishment_type=person["establishment_type"] or "",
        in_sen_unit=bool(person["in_sen_unit"]),
        in_resourced_provision=bool(person["in_resourced_provision"]),
        sen_setting=person["sen_setting"] or "",
    )


def sen_support_count(local_authority, on: dt.date = CENSUS_DATE) -> int:
    return (
        SenStatus.objects.filter(
            current_on(on), provision="K", person__responsible_la=local_authority
        )
        .values("person_id")
        .distinct()
        .count()
    )
