from django import template

register = template.Library()

VERDICT_CLASS = {"accepted": "ok", "skipped": "muted", "system_error": "warn"}


@register.filter
def verdict_class(verdict: str) -> str:
    return VERDICT_CLASS.get(verdict or "", "bad")


@register.filter
def verdict_label(verdict: str) -> str:
    return (verdict or "").replace("_", " ").title()


@register.filter
def seconds(value) -> str:
    if value is None:
        return "—"
    if value < 0.01:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
