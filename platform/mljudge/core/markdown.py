"""Markdown to safe HTML, server-side: Python-Markdown, Pygments highlighting, then nh3 sanitising.

Math (`$…$`, `$$…$$`) is lifted out before Markdown sees it (so `_` and `\\` inside formulas survive),
and put back after sanitising as escaped text in <span class="math">, which KaTeX renders in the browser."""
from __future__ import annotations

import html
import re
import secrets

import markdown as md
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "td": {"align"},
    "th": {"align"},
}
# Code (fenced or inline) is left alone; math is $$…$$ (display) or $…$ (inline, not `\$`, no spaces inside
# the delimiters so "costs $5 and $6" stays text).
_CODE_OR_MATH = re.compile(
    r"(?P<fence>^(?P<ticks>`{3,}|~{3,})[^\n]*\n.*?^(?P=ticks)[ \t]*$)"
    r"|(?P<code>(?P<bt>`+).+?(?P=bt))"
    r"|(?P<display>(?<!\\)\$\$(?P<dtex>.+?)(?<!\\)\$\$)"
    r"|(?P<inline>(?<![\\$])\$(?P<itex>[^\s$](?:[^$\n]*?[^\s\\$])?)\$(?!\d))",
    re.DOTALL | re.MULTILINE,
)


_LIST_ITEM = re.compile(r"^\s{0,3}([-*+]|\d+[.)])\s")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def _loosen_lists(text: str) -> str:
    """GitHub-style: a list may start right under a paragraph line (Python-Markdown wants a blank line)."""
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and _LIST_ITEM.match(line) and out and out[-1].strip() \
                and not _LIST_ITEM.match(out[-1]) and not out[-1].startswith((" ", "\t")):
            out.append("")
        out.append(line)
    return "\n".join(out)


def render_markdown(text: str) -> str:
    """Safe HTML for untrusted or trusted Markdown alike."""
    text = _loosen_lists(text)
    token = "MLJMATH" + secrets.token_hex(6)
    formulas: list[tuple[bool, str]] = []

    def lift(match: re.Match) -> str:
        if match.group("fence") or match.group("code"):
            return match.group(0)
        display = match.group("display") is not None
        formulas.append((display, match.group("dtex") if display else match.group("itex")))
        return f"{token}X{len(formulas) - 1}X"

    lifted = _CODE_OR_MATH.sub(lift, text)
    rendered = md.markdown(
        lifted,
        extensions=["fenced_code", "codehilite", "tables", "sane_lists"],
        extension_configs={"codehilite": {"css_class": "highlight", "guess_lang": False}},
        output_format="html",
    )
    clean = nh3.clean(rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer nofollow")

    def drop(match: re.Match) -> str:
        display, tex = formulas[int(match.group(1))]
        kind = "math-display" if display else "math-inline"
        return f'<span class="math {kind}">{html.escape(tex)}</span>'

    return re.sub(rf"{token}X(\d+)X", drop, clean)


def highlight_python(source: str) -> str:
    """Read-only highlighted code for submission pages (Pygments escapes everything)."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    return highlight(source, PythonLexer(), HtmlFormatter(cssclass="highlight", linenos="table"))
