from django import forms


class DesignAnswerForm(forms.Form):
    answer = forms.CharField(strip=False, max_length=200_000)
