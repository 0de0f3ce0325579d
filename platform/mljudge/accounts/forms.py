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
        """A display name cannot pose as someone's handle: no "@", and not another person's username."""
        name = " ".join(self.cleaned_data["display_name"].split())
        if "@" in name:
            raise forms.ValidationError("A display name cannot contain “@” (it marks usernames).")
        wanted = (self.data.get("username") or "").strip().lower()
        if name and name.lower() != wanted and get_user_model().objects.filter(username__iexact=name).exists():
            raise forms.ValidationError("That is another person's username; choose a different display name.")
        return name
