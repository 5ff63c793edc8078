from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render

from opensend.core.access import requires
from opensend.core.forms import GovukDateField
from opensend.core.models import AccessEvent


class AuditSearchForm(forms.Form):
    user = forms.CharField(label="User's email address", required=False)
    person = forms.CharField(label="Person ID", required=False, help_text="For example P0000123")
    action = forms.ChoiceField(
        label="Action", required=False, choices=[("", "Any"), *AccessEvent.Action.choices]
    )
    date_from = GovukDateField(label="From", required=False)
    date_to = GovukDateField(label="To", required=False)

    def clean_person(self):
        value = self.cleaned_data["person"].strip().upper().lstrip("P")
        if value and not value.isdigit():
            raise forms.ValidationError("Enter a person ID like P0000123")
        return int(value) if value else None


def search_events(data: dict):
    events = AccessEvent.objects.all()
    if data.get("user"):
        events = events.filter(user_email__icontains=data["user"].strip())
    if data.get("person"):
        events = events.filter(person_id=data["person"])
    if data.get("action"):
        events = events.filter(action=data["action"])
    if data.get("date_from"):
        events = events.filter(occurred_at__date__gte=data["date_from"])
    if data.get("date_to"):
        events = events.filter(occurred_at__date__lte=data["date_to"])
    return events


@requires("core.view_audit")
def audit_list(request):
    form = AuditSearchForm(request.GET or None)
    events = search_events(form.cleaned_data if form.is_valid() else {})
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "core/audit.html", {"form": form, "page": page, "query": query.urlencode()}
    )
