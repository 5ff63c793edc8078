"""Plan the demo Local Offer for one local authority: about 120 made-up providers, 150 venues and
600 services, with their review state. Pure Python: `directory` saves the plan.

The same local authority and seed give the same plan, ids included (UUIDs drawn from the seeded
generator), so `opensend demo --reset` republishes the same ORUK ids. Term codes are those of
`opensend.directory.taxonomies`; age groups are left to the saver, which derives them from the
ages as `records` does.

Venues sit in the LA's real postcode districts (`postcodes`), at the district's centroid
(`opensend.directory.geography`) moved by up to `JITTER_KM` in a random direction. Phone numbers
come from the ranges Ofcom keeps for drama, which are never given to anyone: the LA's city range
where Ofcom has one (Leeds 0113 496 0000 to 0999, London 020 7946 0000 to 0999 and so on), else
01632 960000 to 960999; freephone 0808 157 0000 to 0999 for helplines and 07700 900000 to 900999
for mobiles. Email addresses and websites are on example.org, a reserved domain.
"""

import datetime as dt
import math
import random
import re
import uuid
from dataclasses import dataclass, field, replace

from opensend.demo import directory_content as content
from opensend.demo import directory_phrases as phrases
from opensend.demo.names import NamePools, SettingNamer
from opensend.demo.postcodes import districts_for, synthetic_postcode
from opensend.directory.geography import district_centroid

JITTER_KM = 0.9
KM_PER_DEGREE = 111.195  # of latitude, on the mean Earth radius
OVERDUE_SHARE = 0.15  # of published services, last reviewed more than six months ago
REVIEW_DAYS = 183  # six months, as opensend.directory.queries.REVIEW_INTERVAL
OLDEST_REVIEW_DAYS = 270  # nine months
TEMPORARILY_CLOSED = 8
INACTIVE = 6
DEFUNCT = 4
ALERTS = 6
PENDING_ELSEWHERE = {"short-breaks": 3, "sendiass": 2, "forum": 2}
PENDING_AT_ACCOUNT = 3  # changes to the signed-in provider's services, plus its new services
SUGGESTIONS = {"out_of_date": 6, "extra": 4, "closed": 2, "other": 3}
HANDLED_SUGGESTIONS = {"done": 2, "dismissed": 2}
REMINDED_SHARE = 0.5  # of overdue services, already sent a reminder
ACCOUNT = "directory_provider"  # the provider organisation of the demo sign-in directory_editor2

# Ofcom's drama ranges: (prefix, how the last three digits follow it).
CITY_RANGES = {
    "383": "0113 496 0",  # Leeds
    "373": "0114 496 0",  # Sheffield
    "892": "0115 496 0",  # Nottingham
    "856": "0116 496 0",  # Leicester
    "801": "0117 496 0",  # Bristol
    "870": "0118 496 0",  # Reading
    "330": "0121 496 0",  # Birmingham
    "341": "0151 496 0",  # Liverpool
    "352": "0161 496 0",  # Manchester
    **dict.fromkeys(("390", "391", "392", "393", "394"), "0191 498 0"),  # Tyneside, Sunderland
}
LONDON_RANGE = "020 7946 0"
NO_AREA_RANGE = "01632 960"
FREEPHONE_RANGE = "0808 157 0"
MOBILE_RANGE = "07700 900"

# Accessibility features of venues and how often a venue has each.
FEATURES = (
    ("step-free", 0.8),
    ("accessible-toilet", 0.7),
    ("disabled-parking", 0.5),
    ("quiet-space", 0.35),
    ("hearing-loop", 0.3),
    ("lift", 0.3),
    ("changing-places", 0.12),
    ("bsl", 0.08),
)


@dataclass
class PlannedProvider:
    id: uuid.UUID
    kind: str
    name: str
    description: str
    email: str
    website: str
    account: str  # a partner organisation key ("sendiass", ...), ACCOUNT, or ""


@dataclass
class PlannedVenue:
    id: uuid.UUID
    address_id: uuid.UUID
    provider: int
    pattern: str
    name: str
    address_1: str
    city: str
    state_province: str
    postal_code: str
    latitude: float | None
    longitude: float | None
    accessibility: tuple[str, ...]


@dataclass
class PlannedService:
    id: uuid.UUID
    provider: int
    name: str
    description: str
    status: str
    url: str
    email: str
    phone: str
    minimum_age: int
    maximum_age: int
    is_free: bool
    fees: str
    referral_required: bool
    how_to_access: str
    send_support: str
    schedule_description: str
    alert: str
    categories: tuple[str, ...]
    needs: tuple[str, ...]
    delivery: tuple[str, ...]
    venues: tuple[int, ...]
    opening_times: tuple[tuple[int, str, str], ...]  # (weekday, "HH:MM", "HH:MM")
    cost_options: tuple[tuple[str, str, str], ...]  # (option, amount "12.50", description)
    contacts: tuple[tuple[str, str, str, str], ...]  # (name, title, phone, email)
    assured_on: dt.date | None = None
    published: bool = True


@dataclass
class PlannedChange:
    """A provider's proposed change: the service as it would be after it."""

    service: int
    kind: str
    note: str
    proposed: PlannedService
    submitted_on: dt.date
    account: str  # whose directory editor proposed it


@dataclass
class PlannedSuggestion:
    service: int
    topic: str
    details: str
    name: str
    email: str
    received_on: dt.date
    state: str  # new, done, dismissed
    response: str = ""


@dataclass
class DirectoryPlan:
    providers: list[PlannedProvider] = field(default_factory=list)
    venues: list[PlannedVenue] = field(default_factory=list)
    services: list[PlannedService] = field(default_factory=list)
    changes: list[PlannedChange] = field(default_factory=list)
    suggestions: list[PlannedSuggestion] = field(default_factory=list)
    reminders: list[tuple[int, dt.date]] = field(default_factory=list)  # (service, sent on)

    def published(self) -> list[PlannedService]:
        return [s for s in self.services if s.published]


def slug(text: str) -> str:
    """'Oakfield Swimming Club (synthetic)' -> 'oakfield-swimming-club'."""
    text = text.replace("(synthetic)", "").replace("&", "and").replace("'", "")
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def short_slug(text: str, limit: int = 40) -> str:
    """A slug of at most `limit` characters, cut between words."""
    whole = slug(text)
    if len(whole) <= limit:
        return whole
    return whole[: limit + 1].rsplit("-", 1)[0]


def short_name(la_name: str) -> str:
    """'Bristol, City of' -> 'Bristol'."""
    return la_name.split(",")[0].strip()


class Numbers:
    """Phone numbers from Ofcom's drama ranges, each used once until a range runs out."""

    def __init__(self, rng: random.Random, la_code: str, la_type: str):
        self.rng = rng
        local = CITY_RANGES.get(la_code)
        if local is None:
            local = LONDON_RANGE if la_type == "London Borough" else NO_AREA_RANGE
        self.prefixes = {"local": local, "freephone": FREEPHONE_RANGE, "mobile": MOBILE_RANGE}
        self.unused: dict[str, list[int]] = {}

    def next(self, kind: str = "local") -> str:
        if not self.unused.get(kind):
            endings = list(range(1000))
            self.rng.shuffle(endings)
            self.unused[kind] = endings
        return f"{self.prefixes[kind]}{self.unused[kind].pop():03d}"


class Planner:
    def __init__(self, la, seed: int, today: dt.date, names: NamePools):
        self.la = la
        self.today = today
        self.names = names
        self.rng = random.Random(f"opensend-demo-directory:{la.code}:{seed}")
        self._ids = random.Random(f"opensend-demo-directory-ids:{la.code}:{seed}")
        self.short = short_name(la.name)
        self.numbers = Numbers(random.Random(f"{la.code}:{seed}:phones"), la.code, la.la_type)
        self.places = iter(SettingNamer(random.Random(f"{la.code}:{seed}:places")).places)
        districts = districts_for(la.code, la.region)
        self.districts = [d for d in districts if district_centroid(d)] or districts
        self.plan = DirectoryPlan()

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self._ids.getrandbits(128), version=4)

    # --- providers, venues and services ----------------------------------------------------

    def make(self) -> DirectoryPlan:
        account_given = False
        for kind in content.KINDS:
            patterns = list(kind.names)
            self.rng.shuffle(patterns)
            for n in range(kind.count):
                account = kind.account
                if kind.key == content.ACCOUNT_KIND and not account_given:
                    account, account_given = ACCOUNT, True
                self._provider(kind, patterns[n % len(patterns)], account)
        self._drop_unused_venues()
        self._review_state()
        self._statuses()
        self._changes()
        self._suggestions()
        return self.plan

    def _provider(self, kind: content.ProviderKind, pattern: str, account: str) -> None:
        place = next(self.places)
        name = pattern.format(la=self.short, place=place)
        domain = slug(kind.domain.format(la=self.short) if kind.domain else name) + ".example.org"
        # The council's teams share its domain, each with its own pages and mailbox
        team = short_slug(name.replace(self.short, "")) if kind.domain == "{la}-council" else ""
        website = f"https://{domain}/" + (f"{team}/" if team else "")
        provider = PlannedProvider(
            id=self.uuid(),
            kind=kind.key,
            name=name,
            description=self.rng.choice(kind.about).format(la=self.short),
            email=f"{team or 'enquiries'}@{domain}",
            website=website,
            account=account,
        )
        index = len(self.plan.providers)
        self.plan.providers.append(provider)
        venues = self._venues(kind, index, name)
        main_phone = self.numbers.next("freephone" if kind.helpline else "local")
        templates = list(kind.templates)
        if kind.services is not None:
            low, high = kind.services
            templates = self.rng.sample(templates, min(len(templates), self.rng.randint(low, high)))
        for template in templates:
            if template.per_venue:
                for venue in self._venues_like(venues, template):
                    self._service(kind, template, index, place, main_phone, venues, (venue,))
            else:
                self._service(kind, template, index, place, main_phone, venues, None)

    def _venues(self, kind, provider: int, provider_name: str) -> list[int]:
        if not kind.venues:
            return []
        indexes = []
        for n in range(self.rng.randint(*kind.venue_count)):
            pattern = kind.venues[n % len(kind.venues)]
            place = next(self.places)
            name = pattern.format(la=self.short, place=place, name=provider_name)
            indexes.append(len(self.plan.venues))
            self.plan.venues.append(self._venue(provider, pattern, name, place))
        return indexes

    def _venue(self, provider: int, pattern: str, name: str, place: str) -> PlannedVenue:
        postcode = synthetic_postcode(self.rng, self.districts)
        latitude = longitude = None
        centroid = district_centroid(postcode.split(" ")[0])
        if centroid:
            latitude, longitude = jitter(self.rng, *centroid)
        if self.la.la_type == "London Borough":
            city, county = "London", "Greater London"
        elif self.la.la_type == "County":
            city, county = place, self.short
        else:
            city, county = self.short, self.la.region
        street = self.rng.choice(phrases.STREETS)
        if self.rng.random() < 0.15:
            street = f"{place} {self.rng.choice(('Road', 'Lane', 'Way'))}"
        features = tuple(code for code, share in FEATURES if self.rng.random() < share)
        if "changing-places" in features and "step-free" not in features:
            features = ("step-free", *features)
        return PlannedVenue(
            id=self.uuid(),
            address_id=self.uuid(),
            provider=provider,
            pattern=pattern,
            name=name,
            address_1=f"{self.rng.randint(1, 240)} {street}",
            city=city,
            state_province=county,
            postal_code=postcode,
            latitude=latitude,
            longitude=longitude,
            accessibility=features,
        )

    def _venues_like(self, venues: list[int], template) -> list[int]:
        return [v for v in venues if template.venue_like in self.plan.venues[v].pattern] or venues

    def _service(self, kind, template, provider_index: int, place, main_phone, venues, at):
        rng = self.rng
        venue_name = self.plan.venues[at[0]].name if at else ""
        name = rng.choice(template.names).format(la=self.short, place=place, venue=venue_name)
        in_person = "in-person" in template.delivery and venues
        if at is None:
            at = ()
            if in_person:
                candidates = self._venues_like(venues, template)
                at = (rng.choice(candidates),)
                others = [v for v in candidates if v not in at]
                if others and rng.random() < 0.25:
                    at = (*at, rng.choice(others))
        delivery = tuple(d for d in template.delivery if d != "in-person" or at)
        if not delivery:
            delivery = ("phone",)
        low, high = rng.choice(template.ages)
        needs = list(template.needs)
        extra = [n for n in template.some_needs if n not in needs]
        needs += rng.sample(extra, min(len(extra), rng.randint(0, 2)))
        schedule = rng.choice(phrases.SCHEDULES[rng.choice(template.schedules)])
        provider = self.plan.providers[provider_index]
        domain = provider.email.split("@")[1]
        phone = main_phone if rng.random() < 0.5 else self.numbers.next()
        team = rng.choice(kind.contacts)
        email = provider.email if rng.random() < 0.4 else f"{short_slug(team)}@{domain}"
        url = f"{provider.website}{short_slug(name, 80)}"
        is_free = not template.costs or rng.random() < template.free
        cost_options: tuple = ()
        fees = ""
        if not is_free:
            cost_options = tuple(
                (cost.option, rng.choice(cost.amounts), cost.description)
                for cost in phrases.COSTS[rng.choice(template.costs)]
            )
            fees = describe_fees(cost_options)
        fill = {"phone": phone, "email": email, "url": url, "provider": provider.name}
        fill["la"] = self.short
        service = PlannedService(
            id=self.uuid(),
            provider=provider_index,
            name=name,
            description=self._description(template, at, delivery),
            status="active",
            url=url,
            email=email,
            phone=phone,
            minimum_age=low,
            maximum_age=high,
            is_free=is_free,
            fees=fees,
            referral_required=template.referral,
            how_to_access=rng.choice(phrases.ACCESS[template.access]).format(**fill),
            send_support=self._send_support(needs),
            schedule_description=schedule.description,
            alert="",
            categories=template.categories,
            needs=tuple(needs),
            delivery=delivery,
            venues=at,
            opening_times=tuple(
                (day, opens, closes) for days, opens, closes in schedule.slots for day in days
            ),
            cost_options=cost_options,
            contacts=self._contacts(kind, team, phone, email, domain),
        )
        self.plan.services.append(service)

    def _description(self, template, at: tuple[int, ...], delivery: tuple[str, ...]) -> str:
        sentences = [self.rng.choice(template.about).format(la=self.short)]
        if at and self.rng.random() < 0.7:
            names = [self.plan.venues[v].name for v in at]
            where = " and ".join(names)
            sentences.append(
                self.rng.choice(
                    (f"Sessions take place at {where}.", f"You will find us at {where}.")
                )
            )
        elif "online" in delivery and len(delivery) == 1:
            sentences.append("Everything happens online, so you can take part from home.")
        elif "at-home" in delivery and self.rng.random() < 0.5:
            sentences.append("Staff come to you at home, at a time that suits your family.")
        elif "in-setting" in delivery and self.rng.random() < 0.5:
            sentences.append("We work in your child's nursery, school or college.")
        return " ".join(sentences)

    def _send_support(self, needs: list[str]) -> str:
        sentences = []
        for need in self.rng.sample(needs, len(needs))[:2]:
            if need in phrases.NEED_SUPPORT:
                sentences.append(self.rng.choice(phrases.NEED_SUPPORT[need]))
        sentences += self.rng.sample(phrases.GENERIC_SUPPORT, 2 if len(sentences) < 2 else 1)
        return " ".join(dict.fromkeys(sentences))

    def _contacts(self, kind, team: str, phone: str, email: str, domain: str) -> tuple:
        contacts = [(team, "", phone, email)]
        if self.rng.random() < 0.45:
            forename, _, surname = self.names.person(self.rng, self.rng.choice("MF"))
            person_email = f"{slug(forename)}.{slug(surname)}".replace("-", "") + f"@{domain}"
            club = kind.key in ("swimming", "football") or kind.key.startswith(
                ("trampoline", "gymnastics", "riding", "climbing", "judo", "tennis")
            )
            person_phone = self.numbers.next("mobile" if club else "local")
            contacts.append(
                (
                    f"{forename} {surname}",
                    self.rng.choice(kind.staff_titles),
                    person_phone,
                    person_email,
                )
            )
        return tuple(contacts)

    def _drop_unused_venues(self) -> None:
        """Venues no service uses (a provider whose chosen services are all remote) go."""
        used = sorted({v for s in self.plan.services for v in s.venues})
        new_index = {old: new for new, old in enumerate(used)}
        self.plan.venues = [self.plan.venues[v] for v in used]
        for service in self.plan.services:
            service.venues = tuple(new_index[v] for v in service.venues)

    # --- review state ----------------------------------------------------------------------

    def _review_state(self) -> None:
        services = self.plan.services
        overdue = set(self.rng.sample(range(len(services)), round(OVERDUE_SHARE * len(services))))
        for n, service in enumerate(services):
            if n in overdue:
                age = self.rng.randint(REVIEW_DAYS + 1, OLDEST_REVIEW_DAYS)
            else:
                age = self.rng.randint(0, REVIEW_DAYS - 1)
            service.assured_on = self.today - dt.timedelta(days=age)
        for n in sorted(overdue):
            if self.rng.random() < REMINDED_SHARE:
                sent = self.today - dt.timedelta(days=self.rng.randint(3, 40))
                self.plan.reminders.append((n, sent))

    def _statuses(self) -> None:
        """Some community services closed for now, stopped or gone; a few notices."""
        community = [
            n
            for n, s in enumerate(self.plan.services)
            if not self.plan.providers[s.provider].account
            and self.plan.providers[s.provider].kind in {k.key for k in content.GENERATED_KINDS}
        ]
        chosen = self.rng.sample(community, TEMPORARILY_CLOSED + INACTIVE + DEFUNCT + ALERTS)
        for position, n in enumerate(chosen):
            service = self.plan.services[n]
            if position < TEMPORARILY_CLOSED:
                service.status = "temporarily closed"
                service.alert = self.rng.choice(phrases.TEMPORARILY_CLOSED)
            elif position < TEMPORARILY_CLOSED + INACTIVE:
                service.status = "inactive"
                service.alert = self.rng.choice(phrases.NOT_RUNNING)
            elif position < TEMPORARILY_CLOSED + INACTIVE + DEFUNCT:
                service.status = "defunct"
            else:
                service.alert = self.rng.choice(phrases.ALERTS)

    def _changes(self) -> None:
        """Proposed changes waiting for review, and the signed-in provider's new services."""
        by_account: dict[str, list[int]] = {}
        for n, service in enumerate(self.plan.services):
            account = self.plan.providers[service.provider].account
            if account and service.status == "active":
                by_account.setdefault(account, []).append(n)
        wanted = {ACCOUNT: PENDING_AT_ACCOUNT, **PENDING_ELSEWHERE}
        kinds = [k for k in phrases.CHANGE_NOTES if k != "new"]
        for account, how_many in wanted.items():
            candidates = by_account.get(account, [])
            for n in self.rng.sample(candidates, min(how_many, len(candidates))):
                kind = self.rng.choice(kinds)
                self.plan.changes.append(
                    PlannedChange(
                        service=n,
                        kind=kind,
                        note=phrases.CHANGE_NOTES[kind],
                        proposed=self._changed(self.plan.services[n], kind),
                        submitted_on=self.today - dt.timedelta(days=self.rng.randint(1, 20)),
                        account=account,
                    )
                )
        account_services = by_account.get(ACCOUNT, [])
        if account_services:
            for name in phrases.NEW_SERVICE_NAMES:
                model = self.plan.services[self.rng.choice(account_services)]
                new = replace(
                    model,
                    id=self.uuid(),
                    name=name,
                    url=f"{self.plan.providers[model.provider].website}{short_slug(name, 80)}",
                    alert="",
                    assured_on=None,
                    published=False,
                )
                n = len(self.plan.services)
                self.plan.services.append(new)
                self.plan.changes.append(
                    PlannedChange(
                        service=n,
                        kind="new",
                        note=phrases.CHANGE_NOTES["new"],
                        proposed=new,
                        submitted_on=self.today - dt.timedelta(days=self.rng.randint(1, 10)),
                        account=ACCOUNT,
                    )
                )

    def _changed(self, service: PlannedService, kind: str) -> PlannedService:
        if kind == "times":
            schedule = self.rng.choice(phrases.SCHEDULES["after-school"])
            return replace(
                service,
                schedule_description=schedule.description,
                opening_times=tuple(
                    (day, opens, closes) for days, opens, closes in schedule.slots for day in days
                ),
            )
        if kind == "phone":
            return replace(service, phone=self.numbers.next())
        if kind == "email":
            domain = service.email.split("@")[1]
            return replace(service, email=f"team@{domain}")
        if kind == "price" and service.cost_options:
            raised = tuple(
                (option, f"{float(amount) * 1.1:.2f}" if float(amount) else amount, about)
                for option, amount, about in service.cost_options
            )
            return replace(service, cost_options=raised, fees=describe_fees(raised))
        if kind == "ages":
            return replace(service, maximum_age=25)
        if kind == "alert":
            return replace(service, alert=phrases.ALERTS[0])
        return replace(service, description=f"{service.description} {phrases.ADDED_DESCRIPTION}")

    def _suggestions(self) -> None:
        published = [n for n, s in enumerate(self.plan.services) if s.published]
        closed = [n for n in published if self.plan.services[n].status != "active"]
        states = [s for s, k in HANDLED_SUGGESTIONS.items() for _ in range(k)]
        for topic, how_many in SUGGESTIONS.items():
            for _ in range(how_many):
                pool = closed if topic == "closed" and closed else published
                n = self.rng.choice(pool)
                received = self.today - dt.timedelta(days=self.rng.randint(1, 60))
                name = email = ""
                if self.rng.random() < 0.6:
                    forename, _, surname = self.names.person(self.rng, self.rng.choice("MF"))
                    name = f"{forename} {surname}"
                    email = (
                        f"{slug(forename)}.{slug(surname)}".replace("-", "") + "@mail.example.org"
                    )
                self.plan.suggestions.append(
                    PlannedSuggestion(
                        service=n,
                        topic=topic,
                        details=self.rng.choice(phrases.SUGGESTIONS[topic]),
                        name=name,
                        email=email,
                        received_on=received,
                        state="new",
                    )
                )
        for suggestion, state in zip(
            self.rng.sample(self.plan.suggestions, len(states)), states, strict=True
        ):
            suggestion.state = state
            suggestion.response = phrases.SUGGESTION_RESPONSES[state]


def describe_fees(cost_options) -> str:
    """'Session: £4.00 (per child); Parent or carer: free (free when supporting a child)'."""
    parts = []
    for option, amount, about in cost_options:
        price = "free" if float(amount) == 0 else f"£{amount}"
        parts.append(f"{option}: {price}" + (f" ({about[0].lower()}{about[1:]})" if about else ""))
    return "; ".join(parts)


def jitter(rng: random.Random, latitude: float, longitude: float) -> tuple[float, float]:
    """A point less than JITTER_KM from (latitude, longitude), uniform over the disc."""
    distance = JITTER_KM * math.sqrt(rng.random())
    bearing = rng.uniform(0, 2 * math.pi)
    north = distance * math.cos(bearing) / KM_PER_DEGREE
    east = distance * math.sin(bearing) / (KM_PER_DEGREE * math.cos(math.radians(latitude)))
    return round(latitude + north, 6), round(longitude + east, 6)


def plan_directory(la, *, seed: int, today: dt.date, names: NamePools) -> DirectoryPlan:
    """The demo Local Offer for a local authority (`published.LocalAuthority`)."""
    return Planner(la, seed, today, names).make()
