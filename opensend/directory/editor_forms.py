"""The forms directory editors use. A service form reads and writes a snapshot
(`opensend.directory.records`), so the same form proposes a change and shows it."""

import re
from datetime import time
from decimal import Decimal, InvalidOperation

from django import forms

from opensend.directory import geography
from opensend.directory.models import (
    AGE_LIMIT,
    GuidancePage,
    Location,
    Provider,
    ServiceStatus,
    Taxonomy,
    TaxonomyTerm,
    Vocabulary,
)
from opensend.directory.queries import terms_of

WEEKDAY_FIELDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SESSION = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*(?:-|to|–)\s*(\d{1,2})[:.](\d{2})\s*$")
PRICE_ROWS = 3
CONTACT_ROWS = 2
TERM_VOCABULARIES = (
    ("categories", Vocabulary.CATEGORY, "Categories", "Choose every category that fits."),
    ("needs", Vocabulary.NEED, "Needs it supports", "Leave empty if it is for everyone."),
    ("delivery", Vocabulary.DELIVERY, "How it is delivered", ""),
)
YES_NO = [("yes", "Yes"), ("no", "No")]


def term_choices(vocabulary: str, selected=()) -> list[tuple[str, str]]:
    """Active terms in tree order, broader term first; retired terms only if already chosen."""
    selected = {str(s) for s in selected}
    terms = [
        t for t in terms_of(vocabulary, active_only=False) if t.is_active or str(t.pk) in selected
    ]
    by_parent: dict = {}
    for term in terms:
        by_parent.setdefault(term.parent_id, []).append(term)
    choices = []

    def walk(parent_id, prefix):
        for term in by_parent.get(parent_id, []):
            choices.append((str(term.pk), f"{prefix}{term.name}"))
            walk(term.pk, f"{prefix}{term.name}: ")

    walk(None, "")
    return choices


def parse_sessions(text: str) -> list[tuple[time, time]]:
    """'09:00-12:00, 13:00-15:30' as (opens, closes) pairs; ValueError in words."""
    sessions = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = SESSION.match(part)
        if not match:
            raise ValueError(f"Enter times like 09:00-17:00, not '{part}'")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        try:
            opens, closes = time(h1, m1), time(h2, m2)
        except ValueError:
            raise ValueError(f"'{part}' is not a real time") from None
        if closes <= opens:
            raise ValueError(f"In '{part}' the closing time must be after the opening time")
        sessions.append((opens, closes))
    return sessions


class ServiceForm(forms.Form):
    name = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea, max_length=5000)
    status = forms.ChoiceField(choices=ServiceStatus.choices, widget=forms.RadioSelect)
    url = forms.URLField(label="Website", required=False, assume_scheme="https")
    email = forms.EmailField(required=False)
    phone = forms.CharField(max_length=30, required=False)
    minimum_age = forms.IntegerField(
        label="Youngest age", min_value=0, max_value=AGE_LIMIT, required=False
    )
    maximum_age = forms.IntegerField(
        label="Oldest age", min_value=0, max_value=AGE_LIMIT, required=False
    )
    is_free = forms.ChoiceField(label="Is it free?", choices=YES_NO, widget=forms.RadioSelect)
    fees = forms.CharField(label="What it costs", widget=forms.Textarea, required=False)
    referral_required = forms.ChoiceField(
        label="Does it need a referral?", choices=YES_NO, widget=forms.RadioSelect
    )
    how_to_access = forms.CharField(
        label="How families start using it", widget=forms.Textarea, required=False
    )
    send_support = forms.CharField(
        label="How it supports children and young people with SEND",
        widget=forms.Textarea,
        required=False,
    )
    schedule_description = forms.CharField(
        label="When it runs",
        max_length=300,
        required=False,
        help_text="For example, term time only",
    )
    alert = forms.CharField(
        label="Short-term notice", max_length=300, required=False, help_text="Shown at the top"
    )
    locations = forms.MultipleChoiceField(
        label="Venues", required=False, widget=forms.CheckboxSelectMultiple
    )
    service_area = forms.CharField(label="Area covered", max_length=200, required=False)
    note = forms.CharField(
        label="What changed and why (for the reviewer)", max_length=500, required=False
    )

    def __init__(self, *args, provider: Provider, snapshot: dict | None = None, **kwargs):
        self.provider = provider
        self.original = snapshot or {}
        super().__init__(*args, initial=self._initial(self.original), **kwargs)
        chosen = self.original.get("terms", [])
        for name, vocabulary, label, hint in TERM_VOCABULARIES:
            choices = term_choices(vocabulary, chosen)
            self.fields[name] = forms.MultipleChoiceField(
                label=label,
                help_text=hint,
                required=False,
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
            )
            self.initial[name] = [value for value, _ in choices if value in chosen]
        self.fields["locations"].choices = [
            (str(loc.pk), f"{loc.name}, {loc.postal_code}" if loc.postal_code else loc.name)
            for loc in Location.objects.filter(provider=provider)
        ]
        for day in WEEKDAY_FIELDS:
            self.fields[day] = forms.CharField(
                label=day.capitalize(), required=False, max_length=100
            )
        for n in range(1, PRICE_ROWS + 1):
            self.fields[f"price_{n}_option"] = forms.CharField(
                label=f"Price {n}: what for", max_length=200, required=False
            )
            self.fields[f"price_{n}_amount"] = forms.CharField(
                label=f"Price {n}: amount in pounds", max_length=12, required=False
            )
        for n in range(1, CONTACT_ROWS + 1):
            for part, label in (("name", "name"), ("title", "job title"), ("phone", "phone")):
                self.fields[f"contact_{n}_{part}"] = forms.CharField(
                    label=f"Contact {n}: {label}", max_length=150, required=False
                )
            self.fields[f"contact_{n}_email"] = forms.EmailField(
                label=f"Contact {n}: email", required=False
            )

    @staticmethod
    def _initial(snapshot: dict) -> dict:
        if not snapshot:
            return {"status": ServiceStatus.ACTIVE, "is_free": "yes", "referral_required": "no"}
        initial = {k: v for k, v in snapshot.items() if not isinstance(v, list)}
        initial["is_free"] = "yes" if snapshot.get("is_free") else "no"
        initial["referral_required"] = "yes" if snapshot.get("referral_required") else "no"
        initial["locations"] = snapshot.get("locations", [])
        days: dict[int, list[str]] = {}
        for row in snapshot.get("opening_times", []):
            days.setdefault(int(row["weekday"]), []).append(f"{row['opens_at']}-{row['closes_at']}")
        for n, day in enumerate(WEEKDAY_FIELDS):
            initial[day] = ", ".join(days.get(n, []))
        for n, row in enumerate(snapshot.get("cost_options", [])[:PRICE_ROWS], start=1):
            initial[f"price_{n}_option"] = row.get("option", "")
            initial[f"price_{n}_amount"] = row.get("amount") or ""
        for n, row in enumerate(snapshot.get("contacts", [])[:CONTACT_ROWS], start=1):
            for part in ("name", "title", "phone", "email"):
                initial[f"contact_{n}_{part}"] = row.get(part, "")
        areas = snapshot.get("service_areas", [])
        initial["service_area"] = areas[0]["name"] if areas else ""
        return initial

    def clean(self):
        data = super().clean()
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error(
                "maximum_age", "Oldest age must be the same as or more than youngest age"
            )
        if data.get("is_free") == "no" and not data.get("fees"):
            self.add_error("fees", "Enter what it costs, or choose that it is free")
        for day in WEEKDAY_FIELDS:
            try:
                data[f"{day}_sessions"] = parse_sessions(data.get(day) or "")
            except ValueError as error:
                self.add_error(day, str(error))
        for n in range(1, PRICE_ROWS + 1):
            option, amount = data.get(f"price_{n}_option"), data.get(f"price_{n}_amount")
            if amount and not option:
                self.add_error(f"price_{n}_option", f"Enter what price {n} is for")
            if amount:
                try:
                    value = Decimal(amount.replace("£", "").replace(",", "").strip())
                    if value < 0 or value >= Decimal("1000000"):
                        raise InvalidOperation
                except InvalidOperation:
                    self.add_error(f"price_{n}_amount", f"Enter price {n} in pounds, like 4.50")
        for n in range(1, CONTACT_ROWS + 1):
            has_details = any(data.get(f"contact_{n}_{p}") for p in ("title", "phone", "email"))
            if has_details and not data.get(f"contact_{n}_name"):
                self.add_error(f"contact_{n}_name", f"Enter a name for contact {n}, like Duty team")
        return data

    def snapshot(self) -> dict:
        """The details as entered, as a snapshot; lists the form does not show are kept."""
        data = self.cleaned_data
        snapshot = dict(self.original)
        for name in (
            "name",
            "description",
            "status",
            "url",
            "email",
            "phone",
            "minimum_age",
            "maximum_age",
            "fees",
            "how_to_access",
            "send_support",
            "schedule_description",
            "alert",
        ):
            snapshot[name] = data.get(name)
        snapshot["is_free"] = data["is_free"] == "yes"
        snapshot["referral_required"] = data["referral_required"] == "yes"
        snapshot["provider"] = str(self.provider.pk)
        shown = {value for name, *_ in TERM_VOCABULARIES for value, _ in self.fields[name].choices}
        kept = [t for t in self.original.get("terms", []) if t not in shown]
        snapshot["terms"] = kept + [t for name, *_ in TERM_VOCABULARIES for t in data[name]]
        snapshot["locations"] = data["locations"]
        snapshot["opening_times"] = [
            {"weekday": n, "opens_at": f"{o:%H:%M}", "closes_at": f"{c:%H:%M}"}
            for n, day in enumerate(WEEKDAY_FIELDS)
            for o, c in data[f"{day}_sessions"]
        ]
        snapshot["cost_options"] = self._prices(data)
        snapshot["contacts"] = [
            {p: data.get(f"contact_{n}_{p}") or "" for p in ("name", "title", "phone", "email")}
            for n in range(1, CONTACT_ROWS + 1)
            if data.get(f"contact_{n}_name")
        ] + self.original.get("contacts", [])[CONTACT_ROWS:]
        snapshot["service_areas"] = self._areas(data.get("service_area") or "")
        return snapshot

    def _prices(self, data) -> list[dict]:
        originals = self.original.get("cost_options", [])
        prices = []
        for n in range(1, PRICE_ROWS + 1):
            option = data.get(f"price_{n}_option")
            if not option:
                continue
            amount = data.get(f"price_{n}_amount")
            described = (
                originals[n - 1].get("amount_description", "") if n <= len(originals) else ""
            )
            prices.append(
                {
                    "option": option,
                    "amount": amount.replace("£", "").replace(",", "").strip() if amount else None,
                    "amount_description": described,
                }
            )
        return prices + originals[PRICE_ROWS:]

    def _areas(self, name: str) -> list[dict]:
        originals = self.original.get("service_areas", [])
        if not name:
            return originals[1:]
        uri = originals[0].get("uri", "") if originals and originals[0]["name"] == name else ""
        return [{"name": name, "uri": uri}] + originals[1:]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve and publish"), ("reject", "Reject")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Why you are rejecting it",
        widget=forms.Textarea,
        required=False,
        max_length=2000,
        help_text="The provider sees this",
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Enter why you are rejecting the change")
        return data


class SuggestionResponseForm(forms.Form):
    state = forms.ChoiceField(
        label="What happened",
        choices=[("done", "Dealt with: the details are right now"), ("dismissed", "Dismissed")],
        widget=forms.RadioSelect,
    )
    response = forms.CharField(label="Note", widget=forms.Textarea, required=False, max_length=2000)


class ProviderForm(forms.ModelForm):
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = Provider
        fields = ["name", "description", "email", "website", "identifier_scheme", "identifier"]
        widgets = {"description": forms.Textarea}


class LocationForm(forms.ModelForm):
    accessibility_features = forms.MultipleChoiceField(
        label="Accessibility", required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Location
        fields = [
            "name",
            "location_type",
            "description",
            "address_1",
            "city",
            "state_province",
            "postal_code",
            "uprn",
        ]
        widgets = {"location_type": forms.RadioSelect, "description": forms.Textarea}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accessibility_features"].choices = term_choices(Vocabulary.ACCESSIBILITY)
        if self.instance.pk:
            self.initial["accessibility_features"] = [
                str(pk) for pk in self.instance.accessibility.values_list("pk", flat=True)
            ]

    def clean_postal_code(self):
        text = self.cleaned_data.get("postal_code") or ""
        if not text:
            return ""
        postcode = geography.normalise_postcode(text)
        if postcode is None or " " not in postcode:
            raise forms.ValidationError("Enter a full postcode, like YO1 7HH")
        return postcode

    def clean(self):
        data = super().clean()
        if data.get("location_type") == "physical":
            for name, label in (
                ("address_1", "building and street"),
                ("city", "town or city"),
                ("postal_code", "postcode"),
            ):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, f"Enter the {label} of a venue people visit")
        return data

    def save(self, commit=True):
        location = super().save(commit=False)
        place = geography.locate(location.postal_code) if location.postal_code else None
        location.latitude = getattr(place, "latitude", None)
        location.longitude = getattr(place, "longitude", None)
        if commit:
            location.save()
        return location


class TaxonomyForm(forms.ModelForm):
    uri = forms.URLField(
        label="URI", required=False, assume_scheme="https", help_text="Where it is published"
    )

    class Meta:
        model = Taxonomy
        fields = ["name", "description", "uri", "version"]
        widgets = {"description": forms.Textarea}


class TermForm(forms.ModelForm):
    term_uri = forms.URLField(label="Term URI", required=False, assume_scheme="https")

    class Meta:
        model = TaxonomyTerm
        fields = [
            "name",
            "description",
            "parent",
            "code",
            "term_uri",
            "position",
            "minimum_age",
            "maximum_age",
            "is_active",
        ]
        widgets = {"description": forms.Textarea}

    def __init__(self, *args, taxonomy: Taxonomy, **kwargs):
        super().__init__(*args, **kwargs)
        self.taxonomy = taxonomy
        parents = TaxonomyTerm.objects.filter(taxonomy=taxonomy)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].label = "Broader term"
        self.fields["parent"].required = False
        if taxonomy.vocabulary != Vocabulary.AGE_GROUP:
            del self.fields["minimum_age"]
            del self.fields["maximum_age"]

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        ancestor = parent
        while ancestor is not None:
            if self.instance.pk and ancestor.pk == self.instance.pk:
                raise forms.ValidationError("A term cannot sit under itself or a narrower term")
            ancestor = ancestor.parent
        return parent

    def clean_code(self):
        code = self.cleaned_data["code"]
        clash = TaxonomyTerm.objects.filter(taxonomy=self.taxonomy, code=code)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Another term in this taxonomy already uses that code")
        return code


class GuidancePageForm(forms.ModelForm):
    need_terms = forms.MultipleChoiceField(
        label="Needs it covers", required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = GuidancePage
        fields = ["title", "slug", "summary", "body", "position", "is_published"]
        widgets = {"body": forms.Textarea(attrs={"rows": 20}), "summary": forms.Textarea}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need_terms"].choices = term_choices(Vocabulary.NEED)
        if self.instance.pk:
            self.initial["need_terms"] = [
                str(pk) for pk in self.instance.needs.values_list("pk", flat=True)
            ]
