"""The synthetic schools, colleges and settings of a demo partnership. Pure Python.

Enough establishments of each type and phase for the people planned to attend them, each holding
a plausible number of pupils with SEN; some mainstream schools have an SEN unit or resourced
provision. URNs are 6 digits from 100000 and colleges' UKPRNs 8 digits from 10000000, handed out
in order by the caller so several partnerships never clash.
"""

import datetime as dt
import math
import random
from collections import Counter
from dataclasses import dataclass, field

from opensend.demo.names import SettingNamer
from opensend.demo.postcodes import synthetic_postcode
from opensend.returns.sen2.settings_lookup import (
    ALTERNATIVE_PROVISION,
    BY_COLUMN,
    EARLY_YEARS,
    FURTHER_EDUCATION,
    MAINSTREAM,
    SPECIAL,
)

URNS = range(100000, 150000)
UKPRNS = range(10000000, 10100000)
WITH_UKPRN_ONLY = {"FE_COLLEGE", "SPECIALIST_POST16", "UKRLP_PROVIDER"}
OUT_OF_AREA_TYPES = {"INDEPENDENT_SPECIAL", "NON_MAINTAINED_SPECIAL"}

# Pupils or students with SEN a setting of each kind holds, roughly.
PLACES = {
    "PRIMARY": 45,
    "SECONDARY": 150,
    "ALL_THROUGH": 25,
    "SPECIAL": 130,
    "AP": 50,
    "FE": 450,
    "NURSERY": 12,
    "NOT_APPLICABLE": 30,
}
SMALL_SETTING_PLACES = {
    "INDEPENDENT_SPECIAL": 40,
    "NON_MAINTAINED_SPECIAL": 40,
    "SPECIALIST_POST16": 50,
    "WELSH": 10,
    "OTHER_SCHOOL": 15,
}
UNIT_PLACES = {"PRIMARY": 14, "SECONDARY": 24}
# Establishments every partnership has, so any journey between phases finds a school.
ALWAYS = [
    ("LA_MAINSTREAM", "PRIMARY"),
    ("LA_MAINSTREAM", "SECONDARY"),
    ("ACADEMY_MAINSTREAM", "PRIMARY"),
    ("ACADEMY_MAINSTREAM", "SECONDARY"),
    ("LA_SPECIAL", "SPECIAL"),
    ("PRU", "AP"),
    ("FE_COLLEGE", "FE"),
    ("SPECIALIST_POST16", "FE"),
    ("UKRLP_PROVIDER", "FE"),
    ("EARLY_YEARS", "NURSERY"),
]


def phase_for(setting: str, age: int) -> str:
    """The phase of the establishment someone of this age attends in a type of setting."""
    kind = BY_COLUMN[setting]
    if kind.group == MAINSTREAM:
        if kind.establishment_type == "INDEPENDENT_MAINSTREAM":
            return "ALL_THROUGH"
        return "PRIMARY" if age <= 10 else "SECONDARY"
    return {
        SPECIAL: "SPECIAL",
        ALTERNATIVE_PROVISION: "AP",
        FURTHER_EDUCATION: "FE",
        EARLY_YEARS: "NURSERY",
    }.get(kind.group, "NOT_APPLICABLE")


@dataclass
class SyntheticEstablishment:
    establishment_type: str
    phase: str
    name: str
    la_code: str
    postcode: str
    urn: str = ""
    ukprn: str = ""
    has_sen_unit: bool = False
    has_resourced_provision: bool = False
    opened_on: dt.date | None = None
    id: int | None = None  # set when saved


@dataclass
class Identifiers:
    """The next free URN, UKPRN and first nine digits of a ULN."""

    next_urn: int = URNS.start
    next_ukprn: int = UKPRNS.start
    next_uln: int = 100_000_000

    def urn(self) -> str:
        if self.next_urn not in URNS:
            raise RuntimeError("no synthetic URNs left in 100000-149999")
        self.next_urn += 1
        return str(self.next_urn - 1)

    def ukprn(self) -> str:
        if self.next_ukprn not in UKPRNS:
            raise RuntimeError("no synthetic UKPRNs left")
        self.next_ukprn += 1
        return str(self.next_ukprn - 1)


@dataclass
class EstablishmentPools:
    """A partnership's establishments, grouped for choosing one for a placement."""

    establishments: list[SyntheticEstablishment] = field(default_factory=list)
    _pools: dict = field(default_factory=dict)

    def add(self, establishment: SyntheticEstablishment) -> None:
        self.establishments.append(establishment)
        key = (establishment.establishment_type, establishment.phase)
        self._pools.setdefault((*key, ""), []).append(establishment)
        if establishment.has_sen_unit:
            self._pools.setdefault((*key, "unit"), []).append(establishment)
        if establishment.has_resourced_provision:
            self._pools.setdefault((*key, "rp"), []).append(establishment)

    def choose(self, rng: random.Random, setting: str, phase: str) -> SyntheticEstablishment:
        kind = BY_COLUMN[setting]
        flag = "unit" if kind.in_sen_unit else "rp" if kind.in_resourced_provision else ""
        pool = (
            self._pools.get((kind.establishment_type, phase, flag))
            or self._pools.get((kind.establishment_type, phase, ""))
            or self._pools[
                ("LA_MAINSTREAM", "SECONDARY" if phase == "SECONDARY" else "PRIMARY", "")
            ]
        )
        return rng.choice(pool)


def design_establishments(
    demand: Counter,
    *,
    la_code: str,
    neighbours: tuple[str, ...],
    districts: list[str],
    identifiers: Identifiers,
    rng: random.Random,
) -> EstablishmentPools:
    """Establishments for `demand`: people by (setting column, phase) at the census."""
    by_kind: Counter = Counter()
    units: Counter = Counter()
    for (setting, phase), people in demand.items():
        kind = BY_COLUMN[setting]
        if not kind.establishment_type:
            continue
        by_kind[(kind.establishment_type, phase)] += people
        if kind.in_sen_unit or kind.in_resourced_provision:
            units[(kind.establishment_type, phase, "unit" if kind.in_sen_unit else "rp")] += people
    for key in ALWAYS:
        by_kind.setdefault(key, 0)
    namer = SettingNamer(rng)
    pools = EstablishmentPools()
    for (establishment_type, phase), people in sorted(by_kind.items()):
        places = SMALL_SETTING_PLACES.get(establishment_type, PLACES[phase])
        count = max(1, math.ceil(people / places))
        unit_count = math.ceil(
            units[(establishment_type, phase, "unit")] / UNIT_PLACES.get(phase, 20)
        )
        rp_count = math.ceil(units[(establishment_type, phase, "rp")] / UNIT_PLACES.get(phase, 20))
        count = max(count, unit_count + rp_count)
        for n in range(count):
            out_of_area = establishment_type in OUT_OF_AREA_TYPES and neighbours and n % 2
            pools.add(
                SyntheticEstablishment(
                    establishment_type=establishment_type,
                    phase=phase,
                    name=namer.name(establishment_type, phase),
                    la_code=rng.choice(neighbours) if out_of_area else la_code,
                    postcode=synthetic_postcode(rng, districts),
                    urn="" if establishment_type in WITH_UKPRN_ONLY else identifiers.urn(),
                    ukprn=identifiers.ukprn() if establishment_type in WITH_UKPRN_ONLY else "",
                    has_sen_unit=n < unit_count,
                    has_resourced_provision=unit_count <= n < unit_count + rp_count,
                    opened_on=dt.date(rng.randint(1950, 2015), 9, 1),
                )
            )
    return pools
