from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class SignUpForm(forms.ModelForm):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = User
        fields = ["email", "display_name", "preferred_language"]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords do not match."))
        elif password1:
            # Validate against a user carrying the submitted name and e-mail, so the similarity
            # check can refuse a password that is just the e-mail address.
            candidate = User(email=cleaned.get("email", ""), display_name=cleaned.get("display_name", ""))
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password1"])
        if commit:
            user.save()
        return user


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("That e-mail address and password do not match an account."),
        "inactive": _("This account is inactive."),
    }


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language", "field_of_work", "career_stage", "elevator_pitch"]
        widgets = {"elevator_pitch": forms.Textarea(attrs={"rows": 4, "maxlength": 600})}

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])


def clean_display_name(value: str) -> str:
    """Names are shown on coaches' pages and in e-mails: refuse markup and control characters.

    Letters in any script and emoji are welcome (Åsa, Søren, Jääskeläinen, 🙂).
    """
    value = " ".join(value.split())
    if not value:
        raise forms.ValidationError(_("Please enter a name."))
    if any(ch in "<>" for ch in value) or any(ord(ch) < 32 for ch in value):
        raise forms.ValidationError(_("A name cannot contain < or > or control characters."))
    return value
