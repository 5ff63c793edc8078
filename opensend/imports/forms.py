from django import forms

MAX_UPLOAD_MB = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024


class RegisterUploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a CSV file",
        help_text=f"Saved as CSV UTF-8, up to {MAX_UPLOAD_MB} MB",
        error_messages={
            "required": "Select a CSV file",
            "empty": "The selected file is empty",
            "invalid": "Select a CSV file",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(
                "The selected file must be a CSV: in Excel choose File, Save As, and the file "
                'type "CSV UTF-8 (Comma delimited)"'
            )
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The selected file must be smaller than {MAX_UPLOAD_MB} MB: split it into "
                "smaller files and import each one"
            )
        return upload
