"""The register counted as DfE counts EHC plans on a census day, to compare with the published
figures: plans active on the day by age on the previous 31 August, primary need, type of
setting attended (the rank 1 placement), sex and ethnicity."""

import datetime as dt
from collections import Counter

from opensend.core.codelists import ethnicity_group
from opensend.core.dates import age_at_start_of_academic_year
from opensend.demo.journeys import CENSUS_DATE
from opensend.demo.published import NEED_UNKNOWN, PublishedFigures, age_label
from opensend.demo.setting_types import setting_type_of
from opensend.people.models import Need, Person, Placement, SenStatus, current_on


def ehc_caseload(local_authority, on: dt.date = CENSUS_DATE) -> PublishedFigures:
    """EHC plans the LA maintained on `on`, in the shape of DfE's published figures."""
    with_plans = SenStatus.objects.filter(
        current_on(on), provision="E", person__responsible_la=local_authority
    ).values("person_id")
    people = Person.objects.filter(pk__in=with_plans).values_list(
        "pk", "birth_date", "sex", "ethnicity"
    )
    ages = {pk: age_at_start_of_academic_year(birth, on) for pk, birth, _, _ in people}
    needs = dict(
        Need.objects.filter(current_on(on), rank=1, person__in=with_plans).values_list(
            "person_id", "need_type"
        )
    )
    settings = {
        person: setting_type_of(
            age=ages[person],
            establishment_type=establishment_type or "",
            in_sen_unit=unit,
            in_resourced_provision=resourced,
            sen_setting=sen_setting,
        )
        for person, establishment_type, unit, resourced, sen_setting in Placement.objects.filter(
            current_on(on), rank=1, person__in=with_plans
        ).values_list(
            "person_id",
            "establishment__establishment_type",
            "in_sen_unit",
            "in_resourced_provision",
            "sen_setting",
        )
    }
    figures = PublishedFigures(local_authority.la_code, local_authority.name, total=len(ages))
    figures.by_age = dict(Counter(age_label(age) for age in ages.values()))
    figures.by_need = dict(Counter(needs.get(pk, NEED_UNKNOWN) for pk in ages))
    figures.by_setting = dict(Counter(settings.get(pk, "placement_unknown") for pk in ages))
    figures.by_sex = dict(Counter(sex for _, _, sex, _ in people))
    figures.by_ethnicity = dict(Counter(ethnicity_group(code) for *_, code in people))
    return figures


def sen_support_count(local_authority, on: dt.date = CENSUS_DATE) -> int:
    return (
        SenStatus.objects.filter(
            current_on(on), provision="K", person__responsible_la=local_authority
        )
        .values("person_id")
        .distinct()
        .count()
    )
