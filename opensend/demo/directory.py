"""The demo Local Offer in the database: save a `directory_plan` plan for a demo partnership,
and remove it again.

Rows go in with `bulk_create` (no signals, so no simple-history rows: each published service's
approved revision 1 is where its history starts). Every published service's revision 1 holds the
snapshot `records.snapshot_of` reads back from the saved rows, age groups included (derived from
its ages as `records.apply_snapshot` does). Ids of attached rows (attributes, opening times...)
are UUID version 5 of their service's id, so the same seed gives the same ORUK ids.

The partnership records its providers and the guidance pages it created (`DemoPartnership`);
`remove_directory` deletes those providers with their venues, services, revisions, suggestions and
reminders, and those guidance pages, with plain DELETEs (`writer.delete_everything`).
"""

import datetime as dt
import random
import uuid
from collections import Counter
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from opensend.accounts.models import Organisation, User
from opensend.accounts.roles import OrganisationKind, Role
from opensend.demo.accounts import DEMO_DOMAIN
from opensend.demo.directory_guidance import PAGES
from opensend.demo.directory_plan import ACCOUNT, PlannedService, plan_directory, short_name
from opensend.demo.writer import delete_everything
from opensend.directory import records
from opensend.directory.models import (
    ChangeSuggestion,
    Contact,
    CostOption,
    GuidancePage,
    Location,
    LocationAccessibility,
    OpeningTime,
    Provider,
    ReviewReminder,
    RevisionState,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceAttribute,
    ServiceRevision,
    TaxonomyTerm,
    Vocabulary,
)

# The partnership's partner organisations whose directory editors edit a demo provider's
# services: (kind, part of its name). `ACCOUNT` is the one this module creates.
PARTNER_ACCOUNTS = {
    "short-breaks": (OrganisationKind.PROVIDER, "Short Breaks Service"),
    "sendiass": (OrganisationKind.PROVIDER, "SEND Information, Advice and Support Service"),
    "forum": (OrganisationKind.FORUM, ""),
    "icb": (OrganisationKind.ICB, ""),
}
# Partners whose (password-less) directory editors proposed some of the pending changes.
PROPOSERS = ("short-breaks", "sendiass", "forum")
ONS_AREA_URI = "http://statistics.data.gov.uk/id/statistical-geography/{code}"
BATCH = 500


class DemoDirectory:
    """The demo Local Offer for one partnership: planned when made, saved by `save`."""

    def __init__(self, local_authority, *, seed: int, today: dt.date, names):
        self.la = local_authority
        self.names = names
        self.plan = plan_directory(local_authority, seed=seed, today=today, names=names)

    def account_provider(self):
        return next(p for p in self.plan.providers if p.account == ACCOUNT)

    def provider_organisation(self, partnership) -> Organisation:
        """The partner organisation of the demo provider whose editor signs in as
        directory_editor2; made before the sign-ins so they can belong to it."""
        organisation = Organisation.objects.create(
            name=self.account_provider().name, kind=OrganisationKind.PROVIDER
        )
        organisation.local_authorities.add(partnership.local_authority)
        partnership.organisations.add(organisation)
        return organisation

    def save(self, partnership, progress) -> Counter:
        """Write the plan, after the partnership's demo sign-ins; returns rows written by
        table."""
        progress.start(
            f"Saving {short_name(self.la.name)}'s Local Offer", total=len(self.plan.services)
        )
        writer = _Writer(self, partnership)
        rows = writer.write()
        progress.advance(len(self.plan.services))
        return rows


class _Writer:
    def __init__(self, directory: DemoDirectory, partnership):
        self.plan = directory.plan
        self.la = directory.la
        self.directory = directory
        self.partnership = partnership
        editors = User.objects.filter(
            is_demo=True,
            role=Role.DIRECTORY_EDITOR,
            organisation__in=partnership.organisations.all(),
        ).order_by("email")
        la_id = partnership.local_authority_id
        self.reviewer = next((u for u in editors if u.organisation_id == la_id), None)
        self.accounts = self._account_organisations()
        self.editors = self._editors(editors)
        self.terms = self._terms()
        self.now = timezone.now()

    # --- who is who ------------------------------------------------------------------------

    def _account_organisations(self) -> dict[str, Organisation]:
        partners = list(self.partnership.organisations.all())
        found = {}
        for key, (kind, name_part) in PARTNER_ACCOUNTS.items():
            match = next((o for o in partners if o.kind == kind and name_part in o.name), None)
            if match is not None:
                found[key] = match
        account = next(
            (
                o
                for o in partners
                if o.kind == OrganisationKind.PROVIDER
                and o.name == self.directory.account_provider().name
            ),
            None,
        )
        if account is not None:
            found[ACCOUNT] = account
        return found

    def _editors(self, users) -> dict[str, User]:
        """The directory editor of each partner that proposes changes: the demo sign-in at the
        demo provider, and demo accounts nobody can sign in with at the others."""
        editors = {}
        account = self.accounts.get(ACCOUNT)
        signed_in = [u for u in users if account and u.organisation_id == account.pk]
        if signed_in:
            editors[ACCOUNT] = signed_in[0]
        rng = random.Random(f"opensend-demo-directory-editors:{self.la.code}")
        domain = f"{self.la.slug}.{DEMO_DOMAIN}"
        unusable = make_password(None)
        made = []
        for key in PROPOSERS:
            if key not in self.accounts:
                continue
            forename, _, surname = self.directory.names.person(rng, rng.choice("MF"))
            made.append(
                User(
                    email=f"{key}.directory.editor@{domain}",
                    full_name=f"{forename} {surname}",
                    role=Role.DIRECTORY_EDITOR,
                    organisation=self.accounts[key],
                    is_demo=True,
                    password=unusable,
                )
            )
        for key, user in zip(
            [k for k in PROPOSERS if k in self.accounts],
            User.objects.bulk_create(made),
            strict=True,
        ):
            editors[key] = user
        return editors

    def _terms(self) -> dict[tuple[str, str], TaxonomyTerm]:
        """Active starting terms by (vocabulary, code): codes an editor has retired or removed
        are left out of the demo."""
        terms = TaxonomyTerm.objects.filter(is_active=True).select_related("taxonomy")
        return {(t.taxonomy.vocabulary, t.code): t for t in terms}

    def _term_ids(self, service: PlannedService, with_age_groups: bool) -> list[str]:
        wanted = [
            *(("category", c) for c in service.categories),
            *(("need", c) for c in service.needs),
            *(("delivery", c) for c in service.delivery),
        ]
        ids = {str(self.terms[key].pk) for key in wanted if key in self.terms}
        if with_age_groups:
            for (vocabulary, _code), term in self.terms.items():
                bounded = term.minimum_age is not None and term.maximum_age is not None
                if (
                    vocabulary == Vocabulary.AGE_GROUP
                    and bounded
                    and term.minimum_age <= service.maximum_age
                    and service.minimum_age <= term.maximum_age
                ):
                    ids.add(str(term.pk))
        return sorted(ids)

    # --- writing ---------------------------------------------------------------------------

    def write(self) -> Counter:
        plan = self.plan
        providers = [self._provider(p) for p in plan.providers]
        Provider.objects.bulk_create(providers, batch_size=BATCH)
        self.partnership.providers.add(*providers)
        venues = [self._venue(v) for v in plan.venues]
        Location.objects.bulk_create(venues, batch_size=BATCH)
        LocationAccessibility.objects.bulk_create(
            [
                LocationAccessibility(
                    id=uuid.uuid5(venue.id, f"accessibility:{code}"),
                    location_id=venue.id,
                    term=self.terms[("accessibility", code)],
                )
                for venue in plan.venues
                for code in venue.accessibility
                if ("accessibility", code) in self.terms
            ],
            batch_size=BATCH,
        )
        published = [s for s in plan.services if s.published]
        Service.objects.bulk_create(
            [self._service(s) for s in published]
            + [self._new_service(s) for s in plan.services if not s.published],
            batch_size=BATCH,
        )
        attached = self._attached(published)
        for model, rows in attached.items():
            model.objects.bulk_create(rows, batch_size=BATCH)
        revisions = self._revisions(published)
        ServiceRevision.objects.bulk_create(revisions, batch_size=BATCH)
        suggestions = self._suggestions()
        ChangeSuggestion.objects.bulk_create(suggestions, batch_size=BATCH)
        reminders = self._reminders()
        ReviewReminder.objects.bulk_create(reminders, batch_size=BATCH)
        pages = self._guidance_pages()
        return Counter(
            {
                "Local Offer providers": len(providers),
                "Local Offer venues": len(venues),
                "Local Offer services": len(plan.services),
                "service revisions": len(revisions),
                "change suggestions": len(suggestions),
                "review reminders": len(reminders),
                "guidance pages": len(pages),
            }
        )

    def _provider(self, planned) -> Provider:
        return Provider(
            id=planned.id,
            name=planned.name,
            description=planned.description,
            email=planned.email,
            website=planned.website,
            account_organisation=self.accounts.get(planned.account),
            modified_at=self.now,
        )

    def _venue(self, planned) -> Location:
        return Location(
            id=planned.id,
            address_id=planned.address_id,
            provider_id=self.plan.providers[planned.provider].id,
            name=planned.name,
            address_1=planned.address_1,
            city=planned.city,
            state_province=planned.state_province,
            postal_code=planned.postal_code,
            latitude=planned.latitude,
            longitude=planned.longitude,
            modified_at=self.now,
        )

    def _service(self, planned: PlannedService) -> Service:
        moment = _moment(planned.assured_on, planned.id)
        return Service(
            id=planned.id,
            provider_id=self.plan.providers[planned.provider].id,
            **{name: getattr(planned, name) for name in records.FIELDS},
            is_published=True,
            assured_date=planned.assured_on,
            assurer_email=self.reviewer.email if self.reviewer else "",
            created_at=moment,
            last_modified=moment,
        )

    def _new_service(self, planned: PlannedService) -> Service:
        """A provider's new service waiting for its first approval, as `create_service` makes
        one: only its name and description until the revision is approved."""
        change = next(c for c in self.plan.changes if c.proposed.id == planned.id)
        moment = _moment(change.submitted_on, planned.id)
        return Service(
            id=planned.id,
            provider_id=self.plan.providers[planned.provider].id,
            name=planned.name,
            description=planned.description,
            is_published=False,
            created_at=moment,
            last_modified=moment,
        )

    def _attached(self, services: list[PlannedService]) -> dict:
        rows: dict = {model: [] for model in ROW_MODELS}
        area = {"name": self.la.name, "uri": ONS_AREA_URI.format(code=self.la.ons_code)}
        for service in services:
            sid = service.id
            for term in self._term_ids(service, with_age_groups=True):
                rows[ServiceAttribute].append(
                    ServiceAttribute(
                        id=uuid.uuid5(sid, f"term:{term}"), service_id=sid, term_id=term
                    )
                )
            for venue in service.venues:
                location = self.plan.venues[venue].id
                rows[ServiceAtLocation].append(
                    ServiceAtLocation(
                        id=uuid.uuid5(sid, f"location:{location}"),
                        service_id=sid,
                        location_id=location,
                    )
                )
            for day, opens, closes in service.opening_times:
                rows[OpeningTime].append(
                    OpeningTime(
                        id=uuid.uuid5(sid, f"opening:{day}:{opens}:{closes}"),
                        service_id=sid,
                        weekday=day,
                        opens_at=dt.time.fromisoformat(opens),
                        closes_at=dt.time.fromisoformat(closes),
                    )
                )
            for option, amount, about in service.cost_options:
                rows[CostOption].append(
                    CostOption(
                        id=uuid.uuid5(sid, f"cost:{option}"),
                        service_id=sid,
                        option=option,
                        amount=Decimal(amount),
                        amount_description=about,
                    )
                )
            for name, title, phone, email in service.contacts:
                rows[Contact].append(
                    Contact(
                        id=uuid.uuid5(sid, f"contact:{name}"),
                        service_id=sid,
                        name=name,
                        title=title,
                        phone=phone,
                        email=email,
                    )
                )
            rows[ServiceArea].append(
                ServiceArea(id=uuid.uuid5(sid, "area"), service_id=sid, **area)
            )
        return rows

    def snapshot(self, service: PlannedService, with_age_groups: bool = True) -> dict:
        """The service's details as `records.snapshot_of` reads them back once saved."""
        snapshot = {name: getattr(service, name) for name in records.FIELDS}
        snapshot["provider"] = str(self.plan.providers[service.provider].id)
        snapshot["terms"] = self._term_ids(service, with_age_groups)
        snapshot["locations"] = [str(self.plan.venues[v].id) for v in service.venues]
        snapshot["opening_times"] = [
            {"weekday": day, "opens_at": opens, "closes_at": closes}
            for day, opens, closes in service.opening_times
        ]
        snapshot["cost_options"] = [
            {"option": option, "amount": amount, "amount_description": about}
            for option, amount, about in service.cost_options
        ]
        snapshot["contacts"] = [
            {"name": name, "title": title, "phone": phone, "email": email}
            for name, title, phone, email in service.contacts
        ]
        snapshot["service_areas"] = [
            {"name": self.la.name, "uri": ONS_AREA_URI.format(code=self.la.ons_code)}
        ]
        return records.normalise(snapshot)

    def _revisions(self, published: list[PlannedService]) -> list[ServiceRevision]:
        revisions = []
        for service in published:
            moment = _moment(service.assured_on, service.id)
            revisions.append(
                ServiceRevision(
                    service_id=service.id,
                    number=1,
                    snapshot=self.snapshot(service),
                    state=RevisionState.APPROVED,
                    note="Added to the Local Offer",
                    source="demo",
                    submitted_by=self.reviewer,
                    submitted_at=moment,
                    decided_by=self.reviewer,
                    decided_at=moment,
                )
            )
        for change in self.plan.changes:
            new = change.kind == "new"
            revisions.append(
                ServiceRevision(
                    service_id=change.proposed.id,
                    number=1 if new else 2,
                    # A form proposing a new service leaves age groups to the approval
                    snapshot=self.snapshot(change.proposed, with_age_groups=not new),
                    state=RevisionState.PENDING,
                    note=change.note,
                    source="form",
                    submitted_by=self.editors.get(change.account),
                    submitted_at=_moment(change.submitted_on, change.proposed.id),
                )
            )
        return revisions

    def _suggestions(self) -> list[ChangeSuggestion]:
        suggestions = []
        for n, planned in enumerate(self.plan.suggestions):
            service = self.plan.services[planned.service]
            received = _moment(planned.received_on, uuid.uuid5(service.id, f"suggestion:{n}"))
            handled = planned.state != ChangeSuggestion.State.NEW
            suggestions.append(
                ChangeSuggestion(
                    service_id=service.id,
                    topic=planned.topic,
                    details=planned.details,
                    name=planned.name,
                    email=planned.email,
                    received_at=received,
                    state=planned.state,
                    handled_by=self.reviewer if handled else None,
                    handled_at=received + dt.timedelta(days=2) if handled else None,
                    response=planned.response,
                )
            )
        return suggestions

    def _reminders(self) -> list[ReviewReminder]:
        reminders = []
        for n, sent_on in self.plan.reminders:
            service = self.plan.services[n]
            provider = self.plan.providers[service.provider]
            recipients = list(dict.fromkeys((provider.email, service.email)))
            reminders.append(
                ReviewReminder(
                    service_id=service.id,
                    sent_at=_moment(sent_on, service.id),
                    recipients=", ".join(recipients),
                )
            )
        return reminders

    def _guidance_pages(self) -> list[GuidancePage]:
        """The starting guidance pages, where no page has their address yet."""
        taken = set(GuidancePage.objects.values_list("slug", flat=True))
        made = []
        for position, page in enumerate(PAGES):
            if page.slug in taken:
                continue
            guidance = GuidancePage.objects.create(
                slug=page.slug,
                title=page.title,
                summary=page.summary,
                body=page.body,
                position=position,
                modified_at=self.now,
                modified_by=self.reviewer,
            )
            guidance.needs.set(
                [self.terms[("need", c)] for c in page.needs if ("need", c) in self.terms]
            )
            made.append(guidance)
        self.partnership.guidance_pages.add(*made)
        return made


ROW_MODELS = (ServiceAttribute, ServiceAtLocation, OpeningTime, CostOption, Contact, ServiceArea)


def _moment(day: dt.date, key: uuid.UUID) -> dt.datetime:
    """A time during the working day of `day`, fixed by `key`."""
    minutes = 9 * 60 + key.int % (8 * 60)
    naive = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60))
    return timezone.make_aware(naive)


def remove_directory(partnership) -> int:
    """Delete the partnership's demo Local Offer; returns how many services went."""
    provider_ids = list(partnership.providers.values_list("pk", flat=True))
    page_ids = list(partnership.guidance_pages.values_list("pk", flat=True))
    partnership.providers.clear()
    partnership.guidance_pages.clear()
    removed = delete_everything(Service.objects.filter(provider_id__in=provider_ids))
    delete_everything(Provider.objects.filter(pk__in=provider_ids))
    delete_everything(GuidancePage.objects.filter(pk__in=page_ids))
    return removed
