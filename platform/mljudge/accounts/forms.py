from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm


class SignupForm(UserCreationForm):
    email = forms.EmailField(required=True, help_text="We send a link there to activate the account.")
    display_name = forms.CharField(max_length=60, required=False,
                                   help_text="Shown next to your @username on leaderboards.")

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email", "display_name")

    # No check that the e-mail is free: the form must answer the same for a registered address as for a new
    # one (services.signup_request mails the owner instead). Usernames are public, so "taken" is said.
    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_display_name(self) -> str:
        return display_name_checked(self.cleaned_data["display_name"], username=self.data.get("username") or "")


def display_name_checked(name: str, *, username: str) -> str:
    """A display name cannot pose as someone's handle: no "@", and not another person's username (`username`
    is the account's own, which it may repeat). ValidationError says why."""
    name = " ".join(name.split())
    if "@" in name:
        raise forms.ValidationError("A display name cannot contain “@” (it marks usernames).")
    own = username.strip().lower()
    if name and name.lower() != own and get_user_model().objects.filter(username__iexact=name).exists():
        raise forms.ValidationError("That is another person's username; choose a different display name.")
    return name


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(max_length=60, required=False,
                                   help_text="Shown next to your @username on leaderboards; empty shows the username.")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_display_name(self) -> str:
        return display_name_checked(self.cleaned_data["display_name"], username=self.user.get_username())


class AccountDeleteForm(forms.Form):
    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
                               help_text="Your password, to confirm.")
    confirm = forms.BooleanField(label="I understand that this cannot be undone.")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password
