from django import forms


class DesignAnswerForm(forms.Form):
    # No max_length here: services.design_answer_create owns the cap (ANSWER_MAX_CHARS) and its message.
    answer = forms.CharField(strip=False)
