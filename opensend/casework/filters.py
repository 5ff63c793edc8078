"""The filter form shared by the casework lists: each list keeps the fields it uses."""

from django import forms

from opensend.casework import queries
from opensend.casework.models import PhaseTransfer, Request
from opensend.casework.prediction import Step
from opensend.core.forms import FilterTagsMixin

STAGES = {
    "my_cases": [(stage.value, stage.label) for stage in Request.Stage if stage != "closed"],
    "tracker": [(step.value, step.label) for step in Step],
    "reviews": queries.REVIEW_STEPS,
    "phase_transfers": list(PhaseTransfer.Move.choices),
}
STAGE_LABELS = {"reviews": "Step", "phase_transfers": "Move"}
ALL_FIELDS = ("q", "caseworker", "stage", "rag", "within", "overdue", "at_risk")
FIELDS = {
    "my_cases": ("q", "caseworker", "stage", "rag", "overdue"),
    "tracker": ("q", "caseworker", "stage", "rag", "overdue", "at_risk"),
    "reviews": ("q", "caseworker", "stage", "within", "rag", "overdue"),
    "phase_transfers": ("q", "caseworker", "stage", "rag", "overdue"),
    "team": ("q", "caseworker", "stage", "rag", "overdue"),
}


class CaseListFilterForm(FilterTagsMixin, forms.Form):
    q = forms.CharField(label="Name or reference", required=False)
    caseworker = forms.ChoiceField(label="Caseworker", required=False)
    stage = forms.ChoiceField(label="Stage", required=False)
    rag = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any"), *queries.RAG_CHOICES]
    )
    within = forms.TypedChoiceField(
        label="Annual reviews due within",
        required=False,
        coerce=int,
        empty_value=queries.DEFAULT_REVIEW_WINDOW,
        choices=[(days, f"{days} days") for days in queries.REVIEW_WINDOWS],
    )
    overdue = forms.BooleanField(label="Overdue only", required=False)
    at_risk = forms.BooleanField(label="At risk of missing 20 weeks only", required=False)

    def __init__(self, data, *, list_name: str, caseworkers=(), team: bool = True):
        """`team`: False for "My cases" of someone who sees only their own cases."""
        super().__init__(data)
        keep = FIELDS[list_name]
        if list_name == "my_cases" and not team:
            keep = tuple(name for name in keep if name != "caseworker")
        for name in ALL_FIELDS:
            if name not in keep:
                del self.fields[name]
        if "stage" in self.fields:
            self.fields["stage"].choices = [("", "Any"), *STAGES.get(list_name, STAGES["my_cases"])]
            self.fields["stage"].label = STAGE_LABELS.get(list_name, "Stage")
        if "caseworker" in self.fields:
            self.fields["caseworker"].choices = [
                ("", "Anyone"),
                ("me", "Me"),
                ("none", "Not assigned"),
                *((str(person.pk), person.full_name or person.email) for person in caseworkers),
            ]

    def criteria(self, sort: str = "") -> queries.ListFilter:
        if not self.is_valid():
            return queries.ListFilter(sort=sort)
        data = self.cleaned_data
        return queries.ListFilter(
            caseworker=data.get("caseworker") or "",
            stage=data.get("stage") or "",
            rag=data.get("rag") or "",
            overdue_only=bool(data.get("overdue")),
            at_risk_only=bool(data.get("at_risk")),
            query=data.get("q") or "",
            within_days=data.get("within") or queries.DEFAULT_REVIEW_WINDOW,
            sort=sort,
        )
