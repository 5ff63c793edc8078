"""Synthetic names for people (Faker, en_GB) and for schools and settings. Pure Python.

Names are drawn once into pools from a seeded Faker, then picked with the caller's random
generator: fast enough for an England-sized register, and the same seed gives the same names.
"""

import random
from dataclasses import dataclass

from faker import Faker

POOL_SIZE = 3000

_FIRST = [
    "Oak",
    "Ash",
    "Beech",
    "Elm",
    "Birch",
    "Holly",
    "Willow",
    "Rowan",
    "Hazel",
    "Cedar",
    "Maple",
    "Park",
    "Brook",
    "River",
    "Hill",
    "Meadow",
    "Moor",
    "Green",
    "Church",
    "Mill",
    "Bank",
    "Castle",
    "Kings",
    "Queens",
    "Lea",
    "Stone",
    "West",
    "East",
    "North",
    "South",
    "High",
    "Fair",
    "Spring",
    "Wood",
    "Lime",
    "Thorn",
    "Heather",
    "Bramble",
    "Fern",
    "Cross",
    "Orchard",
    "Bridge",
    "Manor",
    "Grange",
    "Abbey",
    "Chapel",
    "Lark",
    "Swallow",
    "Kestrel",
    "Heron",
]
_SECOND = [
    "field",
    "wood",
    "side",
    "lands",
    "bank",
    "dale",
    "hill",
    "croft",
    "gate",
    "lea",
    "ley",
    "mead",
    "brook",
    "view",
    "way",
    "bridge",
    "hurst",
    "combe",
    "stead",
    "ford",
]
_SAINTS = [
    "St Mary's",
    "St John's",
    "St Peter's",
    "St Joseph's",
    "All Saints",
    "Holy Trinity",
    "St Anne's",
    "St Paul's",
    "Christ Church",
    "St Michael's",
    "St Thomas's",
    "St Chad's",
]
_NURSERIES = [
    "Little Acorns",
    "Busy Bees",
    "Tiny Steps",
    "Rainbow",
    "Sunflower",
    "Ladybird",
    "Little Explorers",
    "Honeypot",
    "Stepping Stones",
    "Daisy Chain",
    "Bright Start",
    "Acorn Tree",
    "Teddy Bears",
    "Buttercups",
    "Little Owls",
    "Treetops",
]
_WELSH = [
    "Ysgol Bryn",
    "Ysgol Glan",
    "Ysgol Pen",
    "Ysgol Tref",
    "Ysgol Cae",
    "Ysgol Coed",
    "Ysgol Maes",
    "Ysgol Nant",
]
_WELSH_PLACES = ["Derw", "Afon", "Mynydd", "Celyn", "Onnen", "Bedw", "Gwyn", "Teg"]

# What each kind of setting is called: "{place}" is a made-up place name.
NAME_PATTERNS = {
    ("LA_MAINSTREAM", "PRIMARY"): [
        "{place} Primary School",
        "{place} Community Primary School",
        "{saint} C of E Primary School",
        "{place} Infant and Junior School",
        "{saint} Catholic Primary School",
    ],
    ("LA_MAINSTREAM", "SECONDARY"): [
        "{place} High School",
        "{place} School",
        "{saint} Catholic High School",
    ],
    ("ACADEMY_MAINSTREAM", "PRIMARY"): [
        "{place} Primary Academy",
        "{place} Academy",
        "{saint} C of E Academy",
    ],
    ("ACADEMY_MAINSTREAM", "SECONDARY"): [
        "{place} Academy",
        "{place} High School",
        "{place} Community College",
    ],
    ("FREE_MAINSTREAM", "PRIMARY"): ["{place} Free School", "{place} Primary Free School"],
    ("FREE_MAINSTREAM", "SECONDARY"): ["{place} Free School", "{place} Studio School"],
    ("INDEPENDENT_MAINSTREAM", "ALL_THROUGH"): [
        "{place} Preparatory School",
        "{place} College",
        "{place} House School",
    ],
    ("LA_SPECIAL", "SPECIAL"): ["{place} School", "{place} Specialist Inclusive Learning Centre"],
    ("ACADEMY_SPECIAL", "SPECIAL"): ["{place} Academy", "{place} Special Academy"],
    ("INDEPENDENT_SPECIAL", "SPECIAL"): [
        "{place} House School",
        "{place} Hall School",
        "{place} Specialist School",
    ],
    ("NON_MAINTAINED_SPECIAL", "SPECIAL"): [
        "{place} School for Deaf Children",
        "{place} College for the Blind",
        "{place} School",
    ],
    ("PRU", "AP"): ["{place} Pupil Referral Unit", "{place} Learning Centre"],
    ("AP_ACADEMY", "AP"): ["The {place} Academy", "{place} Alternative Provision Academy"],
    ("AP_FREE", "AP"): ["{place} Free School (AP)", "The {place} Centre"],
    ("FE_COLLEGE", "FE"): ["{place} College", "{place} Sixth Form College"],
    ("SPECIALIST_POST16", "FE"): ["{place} Specialist College", "{place} College of Life Skills"],
    ("UKRLP_PROVIDER", "FE"): ["{place} Training Limited", "{place} Skills Centre"],
    ("ONLINE", "NOT_APPLICABLE"): ["{place} Online School"],
    ("WELSH", "NOT_APPLICABLE"): ["{welsh}"],
    ("OTHER_SCHOOL", "NOT_APPLICABLE"): [
        "{place} Secure Children's Home",
        "{place} Hospital School",
    ],
    ("EARLY_YEARS", "NURSERY"): ["{nursery} Day Nursery", "{nursery} Pre-School"],
}


@dataclass
class NamePools:
    forenames: dict[str, list[str]]  # by sex: M, F
    surnames: list[str]

    @classmethod
    def from_faker(cls, seed: int) -> "NamePools":
        fake = Faker("en_GB")
        fake.seed_instance(seed)
        girls = [fake.first_name_female() for _ in range(POOL_SIZE)]
        boys = [fake.first_name_male() for _ in range(POOL_SIZE)]
        surnames = [fake.last_name() for _ in range(POOL_SIZE)]
        return cls({"F": girls, "M": boys, "U": girls[::2] + boys[::2]}, surnames)

    def person(self, rng: random.Random, sex: str) -> tuple[str, str, str]:
        """(forename, middle names, surname)."""
        forenames = self.forenames[sex]
        middle = rng.choice(forenames) if rng.random() < 0.6 else ""
        return rng.choice(forenames), middle, rng.choice(self.surnames)


class SettingNamer:
    """Unique, plausible names for an LA's synthetic schools and settings."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.places = [a + b for a in _FIRST for b in _SECOND]
        rng.shuffle(self.places)
        self.used: set[str] = set()

    def name(self, establishment_type: str, phase: str) -> str:
        patterns = NAME_PATTERNS[(establishment_type, phase)]
        for attempt in range(10 * len(self.places)):
            name = self.rng.choice(patterns).format(
                place=self.places[(len(self.used) + attempt) % len(self.places)],
                saint=self.rng.choice(_SAINTS),
                nursery=self.rng.choice(_NURSERIES),
                welsh=f"{self.rng.choice(_WELSH)}{self.rng.choice(_WELSH_PLACES).lower()}",
            )
            if attempt >= len(self.places):  # every place used: number the rest
                name = f"{name} {attempt // len(self.places) + 1}"
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("ran out of setting names")
