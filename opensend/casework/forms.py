"""One small form per step of an EHC case.

Forms check what a form can: that a date is given, real and not in the future, and that a code is
on its list. Whether a step may happen now (a decision after the request was received, a final
plan after the draft) is for `casework.services`, which refuses with a `CaseworkError` naming the
field; the view puts that message on the field, so it shows in the error summary as well.
"""

import datetime as dt

from django import forms

from opensend.casework.models import PhaseTransfer
from opensend.core import codelists
from opensend.core.forms import GovukDateField
from opensend.people.models import Establishment

DATE_HINT = "For example, 27 3 2025"
LA_NUMBER_HINT = "The 3-digit DfE local authority number, for example 383 for Leeds"


def _blank(choices, text="Choose"):
    return [("", text), *choices]


class StepDateField(GovukDateField):
    """The date a step happened; left blank, "Enter the date ..." as the Design System words it."""

    def clean(self, value):
        if self.required and (not value or not any(str(p or "").strip() for p in value)):
            raise forms.ValidationError(f"Enter the {self.label[0].lower()}{self.label[1:]}")
        return super().clean(value)


def _date(label: str, *, required: bool = True, past_only: bool = True, hint: str = DATE_HINT):
    return StepDateField(label=label, required=required, past_only=past_only, help_text=hint)


def _radios(choices, label: str, *, required_message: str):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
    )


def _select(choices, label: str, *, blank: str, required: bool = False):
    return forms.ChoiceField(label=label, choices=_blank(choices, blank), required=required)


def _la_number(label: str) -> forms.CharField:
    field = forms.RegexField(
        label=label,
        regex=r"^\d{3}$",
        help_text=LA_NUMBER_HINT,
        error_messages={
            "required": f"Enter {label[0].lower()}{label[1:]}",
            "invalid": "Enter the local authority number as 3 digits, like 383",
        },
    )
    field.widget.attrs.update({"class": "govuk-input--width-3", "inputmode": "numeric"})
    return field


class EstablishmentChoiceField(forms.ModelChoiceField):
    """An open school or college, picked as in the register's placement form; the page enhances
    the select with accessible-autocomplete (`data-module="app-autocomplete"`)."""

    def __init__(self, label: str, *, required: bool = False, **kwargs):
        super().__init__(
            queryset=Establishment.objects.filter(closed_on__isnull=True),
            label=label,
            required=required,
            empty_label="None",
            **kwargs,
        )
        self.widget.attrs["data-module"] = "app-autocomplete"

    def label_from_instance(self, obj: Establishment) -> str:
        return f"{obj.name} ({obj.identifier})"


def date_form(name: str, label: str, *, hint: str = DATE_HINT) -> type[forms.Form]:
    """A form asking for the one date on which a step happened."""
    return type(
        "DateForm",
        (forms.Form,),
        {name: _date(label, hint=hint), "__module__": __name__, "__doc__": f"{label}."},
    )


# --- the request --------------------------------------------------------------------------------


class RequestForm(forms.Form):
    received_on = _date("Date the request was received")
    source = _radios(
        codelists.REQUEST_SOURCES.choices(),
        "Who made the request",
        required_message="Choose who made the request",
    )
    in_youth_accommodation = forms.BooleanField(
        label="The request was made while the young person was in relevant youth accommodation",
        required=False,
    )


class ReassessmentForm(forms.Form):
    received_on = _date("Date the request for a re-assessment was received")
    source = _radios(
        codelists.REQUEST_SOURCES.choices(),
        "Who made the request",
        required_message="Choose who made the request",
    )


class TransferInForm(forms.Form):
    from_la = _la_number("Local authority that maintained the plan")
    transferred_on = _date("Date this local authority became responsible")
    start_date = _date(
        "Date the plan started",
        hint="When the other local authority first issued the plan, for example 1 9 2022",
    )


class DecisionForm(forms.Form):
    assess = _radios(
        [("yes", "Yes, carry out an EHC needs assessment"), ("no", "No, do not assess")],
        "Will the local authority assess?",
        required_message="Choose whether the local authority will assess",
    )
    decided_on = _date("Date the decision was notified")

    @property
    def will_assess(self) -> bool:
        return self.cleaned_data["assess"] == "yes"


WithdrawForm = date_form("withdrawn_on", "Date the request was withdrawn")
NoPlanForm = date_form("decided_on", "Date the family was told no plan will be issued")
DraftPlanForm = date_form("sent_on", "Date the draft plan was sent")
ReviewMeetingForm = date_form("meeting_on", "Date of the review meeting")
ReviewReportForm = date_form("sent_on", "Date the review report was sent")
AmendmentDraftForm = date_form("sent_on", "Date the draft amended plan was sent")
AmendedPlanForm = date_form("issued_on", "Date the final amended plan was issued")


class MoveAwayForm(forms.Form):
    to_la = _la_number("Local authority the family moved to")
    moved_on = _date("Date they moved")


# --- the assessment -----------------------------------------------------------------------------


class AdviceRequestForm(forms.Form):
    kind = _radios(
        codelists.ADVICE_KINDS.choices(),
        "Whose advice",
        required_message="Choose whose advice was asked for",
    )
    adviser = forms.CharField(
        label="Who was asked (optional)",
        required=False,
        max_length=200,
        help_text="A name or a team, for example Leeds Educational Psychology Service",
    )
    requested_on = _date("Date the advice was requested")


class AdviceReturnedForm(forms.Form):
    returned_on = _date("Date the advice was returned")
    quality_note = forms.CharField(
        label="Quality of the advice (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example, whether it describes needs and outcomes specifically enough",
    )


class ExceptionForm(forms.Form):
    exception = forms.ChoiceField(
        label="Why the 20-week limit does not apply",
        choices=[*codelists.TIMESCALE_EXCEPTIONS.choices(), ("", "No exception applies")],
        widget=forms.RadioSelect,
        required=False,
        help_text="Regulations 5(4), 10(4) and 13(3). A waiting list is never an exception.",
    )
    note = forms.CharField(
        label="Details (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class IssuePlanForm(forms.Form):
    issued_on = _date("Date the final plan was issued")
    start_date = _date(
        "Date the plan starts (optional)",
        required=False,
        past_only=False,
        hint="Leave blank if it starts on the day it is issued",
    )


# --- the plan -----------------------------------------------------------------------------------


class NamedSettingForm(forms.Form):
    establishment = EstablishmentChoiceField(
        "School or college named", help_text="Start typing the name, URN or UKPRN"
    )
    sen_setting = _select(
        [
            choice
            for choice in codelists.SEN_SETTINGS.choices()
            if choice[0] not in codelists.PLAN_ONLY_EXCLUDED_SETTINGS
        ],
        "Or, if no school or college is named, the arrangement",
        blank="Not applicable",
    )
    sen_setting_other = forms.CharField(
        label="Details of the arrangement (optional)", required=False, max_length=200
    )
    in_sen_unit = forms.BooleanField(label="In an SEN unit", required=False)
    in_resourced_provision = forms.BooleanField(label="In resourced provision", required=False)

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("establishment")) == bool(cleaned.get("sen_setting")):
            self.add_error(
                "establishment", "Choose a school or college, or an arrangement, but not both"
            )
        return cleaned


class PlanDetailsForm(forms.Form):
    personal_budget = forms.BooleanField(
        label="A personal budget has been taken up", required=False
    )
    organised_arrangements = forms.BooleanField(
        label="Organised arrangements are in place", required=False
    )
    direct_payments = _select(
        codelists.DIRECT_PAYMENTS.choices(), "Direct payments", blank="No direct payments"
    )
    residential = _select(codelists.RESIDENTIAL.choices(), "Residential setting", blank="No")
    work_based = _select(codelists.WORK_BASED.choices(), "Work-based learning", blank="No")


class ReviewDecisionForm(forms.Form):
    outcome = _radios(
        codelists.REVIEW_OUTCOMES.choices(),
        "What did the local authority decide?",
        required_message="Choose maintain, amend or cease",
    )
    decided_on = _date("Date the decision was notified")


class PhaseTransferForm(forms.Form):
    move = _radios(
        PhaseTransfer.Move.choices,
        "Which move",
        required_message="Choose the move between phases",
    )
    transfer_year = forms.IntegerField(
        label="Year of transfer",
        help_text="The calendar year of the September the child or young person moves, like 2026",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Enter the year of transfer",
            "invalid": "Enter the year of transfer as 4 digits, like 2026",
            "min_value": "Enter the year of transfer as 4 digits, like 2026",
            "max_value": "Enter the year of transfer as 4 digits, like 2026",
        },
    )
    next_setting = EstablishmentChoiceField(
        "School or college they will move to (optional)",
        help_text="Start typing the name, URN or UKPRN",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["transfer_year"].widget.attrs.update(
            {"class": "govuk-input--width-4", "inputmode": "numeric"}
        )


class PhaseTransferIssuedForm(forms.Form):
    issued_on = _date("Date the amended plan was issued")
    next_setting = EstablishmentChoiceField(
        "School or college named (optional)", help_text="Start typing the name, URN or UKPRN"
    )


class CeaseForm(forms.Form):
    ceased_on = _date("Date the plan ceased")
    reason = _select(
        codelists.CEASE_REASONS.choices(),
        "Why the plan ceased",
        blank="Choose a reason",
        required=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Choose why the plan ceased"


# --- disagreements ------------------------------------------------------------------------------


class DisputeForm(forms.Form):
    decision = _radios(
        codelists.DISPUTED_DECISIONS.choices(),
        "Which decision is disputed",
        required_message="Choose the decision the family disagrees with",
    )
    decision_on = _date("Date of the decision letter")


class DisputeUpdateForm(forms.Form):
    """Mediation and the Tribunal, filled in as they happen; blank dates stay unrecorded."""

    mediation_on = _date("Mediation meeting (optional)", required=False)
    mediation_outcome = _select(
        codelists.MEDIATION_OUTCOMES.choices(), "Outcome of mediation", blank="Not known yet"
    )
    certificate_on = _date("Mediation certificate issued (optional)", required=False)
    appeal_registered_on = _date("Appeal registered with the Tribunal (optional)", required=False)
    hearing_on = _date("Hearing (optional)", required=False, past_only=False)
    tribunal_outcome = _select(
        codelists.TRIBUNAL_OUTCOMES.choices(), "Tribunal's decision", blank="Not known yet"
    )
    tribunal_outcome_on = _date("Date of the Tribunal's decision (optional)", required=False)
    closed_on = _date("Date the disagreement ended (optional)", required=False)

    @classmethod
    def initial_from(cls, dispute) -> dict[str, dt.date | str | None]:
        return {name: getattr(dispute, name) for name in cls.base_fields}
