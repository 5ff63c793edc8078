"""Emails the directory sends as things happen: a decision on a proposed change goes to the person
who proposed it; a family's suggestion goes to the service's editors. Sent after the transaction
commits, so a rolled-back change sends nothing; a mail server that fails is logged and never
undoes the change."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse

from opensend.directory.models import ChangeSuggestion, RevisionState, ServiceRevision
from opensend.directory.reminders import recipients_for

log = logging.getLogger(__name__)


def decision_made(revision: ServiceRevision) -> None:
    """Tell the proposer their change was approved or rejected (not when they decided it)."""
    proposer = revision.submitted_by
    if proposer is None or proposer.pk == revision.decided_by_id or not proposer.email:
        return
    name = revision.snapshot.get("name") or revision.service.name
    if revision.state == RevisionState.APPROVED:
        subject = f"Published: your change to {name}"
        what = "The Local Offer team approved your change. Families see it now."
    else:
        subject = f"Not published: your change to {name}"
        what = (
            f"The Local Offer team did not publish your change. Their reason:\n\n{revision.reason}"
        )
    body = "\n".join(
        ["Hello,", "", what, "", _link("directory:revision", revision.pk), "", "OpenSEND"]
    )
    _send_after_commit(subject, body, [proposer.email])


def suggestion_received(suggestion: ChangeSuggestion) -> None:
    """Tell the service's editors (or, with none, the local authority's) about a suggestion."""
    service = suggestion.service
    recipients, _ = recipients_for(service, {})
    if not recipients:
        return
    body = "\n".join(
        [
            "Hello,",
            "",
            f"Someone using the Local Offer suggested a change to {service.name}:",
            "",
            f"{suggestion.get_topic_display()}",
            suggestion.details,
            "",
            "Check the details, change them if needed, then close the suggestion:",
            _link("directory:suggestion", suggestion.pk),
            "",
            "OpenSEND",
        ]
    )
    _send_after_commit(f"A suggestion about {service.name}", body, list(recipients))


def _link(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _send_after_commit(subject: str, body: str, to: list[str]) -> None:
    def send():
        try:
            EmailMessage(subject=subject, body=body, to=to).send()
        except (smtplib.SMTPException, OSError):
            log.exception("Could not send the email %r to %s", subject, ", ".join(to))

    transaction.on_commit(send)
