from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password

from opensend.accounts.models import User
from opensend.accounts.roles import Role


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": False}),
        error_messages={"required": "Enter your email address"},
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )
    error_messages = {
        "invalid_login": "Enter a correct email address and password",
        "inactive": "This account has been switched off. Ask your administrator.",
    }

    def clean_username(self):
        return self.cleaned_data["username"].lower()


class OneTimeCodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code, for example 123456",
        max_length=6,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": "govuk-input--width-5",
                "spellcheck": False,
            }
        ),
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("The code is 6 digits, like 123456")
        if self.device is None or not self.device.verify_token(code):
            raise forms.ValidationError("That code is not right or has expired: try the next one")
        return code


class UserForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "email", "organisation", "role", "is_active"]
        labels = {"full_name": "Full name", "is_active": "Account can be used"}
        widgets = {"role": forms.RadioSelect}
        error_messages = {
            "full_name": {"required": "Enter the person's full name"},
            "email": {
                "required": "Enter an email address",
                "unique": "An account with this email address already exists",
            },
            "organisation": {"required": "Choose the organisation"},
            "role": {"required": "Choose a role"},
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].required = True
        self.fields["organisation"].empty_label = "Choose organisation"
        self.fields["role"].choices = Role.choices
        self.fields["email"].widget.attrs.update({"autocomplete": "off", "spellcheck": False})

    def clean_email(self):
        return self.cleaned_data["email"].lower()


class SetPasswordForm(forms.Form):
    new_password = forms.CharField(
        label="New password",
        strip=False,
        help_text="At least 12 characters. A few unrelated words is a good password.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a new password"},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_new_password(self):
        password = self.cleaned_data["new_password"]
        validate_password(password, self.user)
        return password
