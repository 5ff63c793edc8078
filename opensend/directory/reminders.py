"""Reminding providers to check services nobody has reviewed for six months.

A published, running service is due a reminder when its details were last reviewed (approved or
confirmed) more than six months ago (`queries.REVIEW_INTERVAL`) and it has had no reminder in
the last 28 days. Reminders go by email to the directory editors of the provider's partner
organisation; a provider with none (or with no partner organisation) is reminded through the
local authority's directory editors instead. Each email lists every due service its readers
look after, and each service reminded gets a `ReviewReminder` saying who was emailed.

`send_reminders()` runs daily or weekly as `opensend directory reminders`
(docs/directory-import.md).
"""

import smtplib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from opensend.accounts.models import User
from opensend.accounts.roles import OrganisationKind, Role
from opensend.directory.models import ReviewReminder, Service
from opensend.directory.queries import REVIEW_INTERVAL, overdue_for_review
from opensend.directory.words import count_of

REMINDER_INTERVAL = timedelta(days=28)  # no second reminder about a service within this
SUBJECT = "Please check your services in the Local Offer"
LA_SUBJECT = "Services in the Local Offer need checking"


@dataclass
class ReminderEmail:
    """One email: who it goes to and the services it lists."""

    recipients: tuple[str, ...]
    services: list[Service]
    to_local_authority: bool = False  # the providers have no directory editors of their own
    sent: bool = False
    problem: str = ""

    @property
    def providers(self) -> list[str]:
        return sorted({service.provider.name for service in self.services})


@dataclass
class ReminderSummary:
    due: int = 0  # services due a reminder
    emails: list[ReminderEmail] = field(default_factory=list)
    unreachable: list[Service] = field(default_factory=list)  # nobody to email about these
    dry_run: bool = False

    @property
    def reminded(self) -> int:
        return sum(len(email.services) for email in self.emails if email.sent)

    @property
    def failed(self) -> list[ReminderEmail]:
        return [email for email in self.emails if email.problem]

    def lines(self) -> list[str]:
        """The summary in words, one line each, for the command's output."""
        verb = "Would email" if self.dry_run else "Emailed"
        lines = [f"{count_of(self.due, 'service')} due a reminder"]
        for email in self.emails:
            state = f"NOT SENT ({email.problem})" if email.problem else verb
            via = " (the local authority's directory editors)" if email.to_local_authority else ""
            lines.append(
                f"{state} {', '.join(email.recipients)}{via} about "
                f"{count_of(len(email.services), 'service')} of {', '.join(email.providers)}"
            )
        if self.unreachable:
            names = ", ".join(f"{s.name} ({s.provider.name})" for s in self.unreachable)
            lines.append(
                f"Nobody to email about {count_of(len(self.unreachable), 'service')}: {names}. "
                "Add a directory editor at the local authority"
            )
        return lines


def services_due(now=None) -> QuerySet[Service]:
    """Published, running services overdue for review and not reminded in the last 28 days."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    recently = ReviewReminder.objects.filter(sent_at__gt=now - REMINDER_INTERVAL)
    return (
        overdue_for_review(Service.objects.all(), today)
        .exclude(pk__in=recently.values("service_id"))
        .select_related("provider", "provider__account_organisation")
        .order_by("provider__name", "name")
    )


def _editors(**filters) -> list[str]:
    users = User.objects.filter(role=Role.DIRECTORY_EDITOR, is_active=True, **filters)
    return sorted(users.values_list("email", flat=True))


def recipients_for(service: Service, la_editors: dict) -> tuple[tuple[str, ...], bool]:
    """(the email addresses to remind about the service, whether they are the local
    authority's editors standing in for a provider that has none)."""
    organisation = service.provider.account_organisation
    if organisation is not None:
        own = _editors(organisation=organisation)
        if own:
            return tuple(own), False
    local_authorities = (
        tuple(organisation.covered_local_authority_ids()) if organisation is not None else ()
    )
    if local_authorities not in la_editors:
        which = (
            {"organisation__in": local_authorities}
            if local_authorities
            else {"organisation__kind": OrganisationKind.LOCAL_AUTHORITY}
        )
        la_editors[local_authorities] = tuple(_editors(**which))
    return la_editors[local_authorities], True


def send_reminders(*, now=None, dry_run: bool = False, site_url: str | None = None):
    """Email a reminder about every service due one; returns what was (or would be) sent."""
    now = now or timezone.now()
    due = list(services_due(now))
    summary = ReminderSummary(due=len(due), dry_run=dry_run)
    grouped: dict[tuple, ReminderEmail] = {}
    la_editors: dict = {}
    for service in due:
        recipients, to_la = recipients_for(service, la_editors)
        if not recipients:
            summary.unreachable.append(service)
            continue
        email = grouped.setdefault(
            (recipients, to_la), ReminderEmail(recipients, [], to_local_authority=to_la)
        )
        email.services.append(service)
    summary.emails = list(grouped.values())
    if dry_run:
        return summary
    site_url = (site_url if site_url is not None else getattr(settings, "SITE_URL", "")).rstrip("/")
    for email in summary.emails:
        message = EmailMessage(
            subject=LA_SUBJECT if email.to_local_authority else SUBJECT,
            body=reminder_text(email, site_url),
            to=list(email.recipients),
        )
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            email.problem = str(error) or type(error).__name__
            continue
        email.sent = True
        ReviewReminder.objects.bulk_create(
            ReviewReminder(service=service, sent_at=now, recipients=", ".join(email.recipients))
            for service in email.services
        )
    return summary


def _link(site_url: str, name: str, *args) -> str:
    if not site_url:
        return ""
    try:
        return site_url + reverse(name, args=args)
    except NoReverseMatch:
        return site_url + "/"


def reminder_text(email: ReminderEmail, site_url: str) -> str:
    """The email's body: plain text, every service with when it was last reviewed."""
    months = round(REVIEW_INTERVAL.days / 30.5)
    lines = ["Hello,", ""]
    if email.to_local_authority:
        lines += [
            f"These services in the Local Offer have not been checked for more than {months} "
            "months, and nobody at their providers can sign in to OpenSEND to check them, so "
            "this reminder comes to the local authority's directory editors.",
        ]
    else:
        lines += [
            f"These services in the Local Offer have not been checked for more than {months} "
            "months. Families rely on the details being right.",
        ]
    lines += [
        "",
        "For each one, sign in to OpenSEND, open the service, and either change what is out of "
        "date or choose 'The details are still correct'.",
    ]
    by_provider = defaultdict(list)
    for service in email.services:
        by_provider[service.provider.name].append(service)
    for provider, services in sorted(by_provider.items()):
        lines += ["", provider]
        for service in services:
            reviewed = (
                f"last checked {service.assured_date:%-d %B %Y}"
                if service.assured_date
                else "never checked"
            )
            lines.append(f"- {service.name}: {reviewed}")
            if link := _link(site_url, "directory:service", service.pk):
                lines.append(f"  {link}")
    if link := _link(site_url, "directory:overdue"):
        lines += ["", f"Every service waiting to be checked: {link}"]
    lines += [
        "",
        f"If a service is still not checked, you will get another reminder in "
        f"{REMINDER_INTERVAL.days} days.",
        "",
        "OpenSEND",
    ]
    return "\n".join(lines) + "\n"
