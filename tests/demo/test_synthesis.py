"""The synthetic register before it is saved: census-day counts, histories, identifiers."""

import datetime as dt
import random
from collections import Counter

import pytest

from opensend.core.dates import age_at_start_of_academic_year
from opensend.core.identifiers import is_valid_uln, is_valid_upn
from opensend.demo.calibration import plan_ehc_register, plan_sen_support
from opensend.demo.establishments import Identifiers
from opensend.demo.journeys import CENSUS_DATE, Journey, SchoolMix
from opensend.demo.names import NamePools
from opensend.demo.published import ages_in, targets_for
from opensend.demo.synthesis import synthesise_partnership
from opensend.returns.sen2.settings_lookup import BY_COLUMN

TODAY = dt.date(2026, 11, 22)


def synthesise(name="York", seed=1, today=TODAY):
    targets = targets_for(name)
    ehc = plan_ehc_register(targets.figures, targets.england)
    return synthesise_partnership(
        targets.local_authority,
        ehc,
        plan_sen_support(ehc),
        seed=seed,
        today=today,
        names=NamePools.from_faker(seed),
        identifiers=Identifiers(),
    )


@pytest.fixture(scope="module")
def york():
    return synthesise()


def on_census_day(facts):
    return [f for f in facts if f.start <= CENSUS_DATE and (f.end is None or f.end >= CENSUS_DATE)]


def test_census_day_has_the_planned_people(york):
    provisions = Counter(s.kind for p in york.people for s in on_census_day(p.statuses))
    assert provisions["E"] == 1556
    assert (
        provisions["K"]
        == plan_sen_support(
            plan_ehc_register(targets_for("York").figures, targets_for("York").england)
        ).total
    )
    assert all(len(on_census_day(p.statuses)) <= 1 for p in york.people)


def test_same_seed_same_register_and_another_seed_another():
    first, again, other = synthesise(seed=7), synthesise(seed=7), synthesise(seed=8)
    assert [p.upn for p in first.people] == [p.upn for p in again.people]
    assert [(p.forename, p.surname, p.birth_date) for p in first.people] == [
        (p.forename, p.surname, p.birth_date) for p in again.people
    ]
    assert [p.surname for p in first.people] != [p.surname for p in other.people]


def test_identifiers_are_valid_and_unique(york):
    upns = [p.upn for p in york.people if p.upn]
    ulns = [p.uln for p in york.people if p.uln]
    assert all(is_valid_upn(u) and u[1:4] == "816" for u in upns)
    assert all(is_valid_uln(u) for u in ulns)
    assert len(set(upns)) == len(upns)
    assert len(set(ulns)) == len(ulns)
    for person in york.people:
        assert person.upn or person.uln or person.upn_unknown
        age = age_at_start_of_academic_year(person.birth_date, CENSUS_DATE)
        if person.upn_unknown == "UN1":
            assert age < 6
        if person.upn_unknown == "UN8":  # new to the LA: neither UPN nor ULN known yet
            assert not person.upn
            assert not person.uln


def test_postcodes_are_in_york(york):
    assert all(p.postcode.startswith("YO") for p in york.people)


def test_placements_follow_one_another(york):
    for person in york.people:
        for stay in person.stays:
            assert stay.end is None or stay.end >= stay.start
        for before, after in zip(person.stays, person.stays[1:], strict=False):
            assert before.end is not None
            assert before.end < after.start


def test_nobody_is_in_a_phase_too_young_or_too_old_for_them(york):
    for person in york.people:
        for stay in person.stays:
            year = stay.start.year if stay.start.month >= 9 else stay.start.year - 1
            age = age_at_start_of_academic_year(person.birth_date, dt.date(year, 9, 1))
            if stay.phase == "PRIMARY":
                assert age <= 10, (person, stay)
            if stay.phase == "SECONDARY":
                assert 11 <= age <= 19, (person, stay)
            if BY_COLUMN[stay.setting].group == "fe":
                assert age >= 13


def test_histories_look_like_a_register(york):
    ehc = [p for p in york.people if any(s.kind == "E" for s in on_census_day(p.statuses))]
    earlier_support = sum(p.statuses[0].kind == "K" for p in ehc) / len(ehc)
    assert 0.3 < earlier_support < 0.8
    free_meals = sum(any(c.kind == "FSM" for c in on_census_day(p.circumstances)) for p in ehc)
    school_age = sum(
        5 <= age_at_start_of_academic_year(p.birth_date, CENSUS_DATE) <= 18 for p in ehc
    )
    assert 0.3 < free_meals / school_age < 0.5
    looked_after = sum(any(c.kind == "CLA" for c in on_census_day(p.circumstances)) for p in ehc)
    assert 0.01 < looked_after / len(ehc) < 0.04
    ceased = [p for p in york.people if p.statuses[-1].end and p.statuses[-1].end < CENSUS_DATE]
    assert ceased


def test_persistent_absence_is_higher_with_a_plan(york):
    def persistently_absent(provision):
        terms = [
            t
            for p in york.people
            for t in p.attendance
            if any(s.kind == provision for s in on_census_day(p.statuses))
            and (t.academic_year, t.term) == (2024, "AUT")
        ]
        return sum(
            (t.authorised + t.unauthorised) / t.sessions_possible >= 0.1 for t in terms
        ) / len(terms)

    assert 0.25 < persistently_absent("E") < 0.45
    assert persistently_absent("K") < persistently_absent("E")


def test_suspensions_are_more_common_for_semh(york):
    def suspended_share(semh):
        group = [
            p
            for p in york.people
            if any((n.need == "SEMH") == semh for n in on_census_day(p.needs) if n.rank == 1)
        ]
        return sum(any(e.kind == "SUSPENSION" for e in p.exclusions) for p in group) / len(group)

    assert suspended_share(True) > 2 * suspended_share(False)


@pytest.mark.parametrize("seed", range(3))
def test_every_published_age_and_setting_has_a_journey_to_census_day(seed):
    rng = random.Random(seed)
    england = targets_for("Leeds").england
    for label, settings in england.by_age_and_setting.items():
        for setting, plans in settings.items():
            for age in ages_in(label) if plans else ():
                birth = dt.date(2024 - age, 3, 1)
                journey = Journey(rng, SchoolMix(), age, birth)
                stays = journey.before_census(setting, max(birth, dt.date(2020, 1, 1)))
                current = on_census_day(stays)
                if setting == "placement_unknown":
                    assert current == []
                else:
                    assert [s.setting for s in current] == [setting], (label, setting)


def test_nothing_happens_after_today():
    early = synthesise(today=dt.date(2025, 3, 1))
    for person in early.people:
        facts = person.statuses + person.stays + person.needs + person.circumstances
        assert all(f.start <= dt.date(2025, 3, 1) for f in facts)
