"""Markdown to safe HTML. Text is rendered once, when it is written, and the HTML is stored: pages show the
stored HTML and never render on read (a page view costs no parsing, whatever the text).

The parser is markdown-it-py: CommonMark, whose block, emphasis and link-label algorithms are linear in the
input, with GFM tables and strikethrough and dollarmath for `$…$` / `$$…$$`. Two trust levels, one pipeline:

- statements (authors' problem folders): raw HTML is parsed, then sanitised;
- user text (design answers, comments, their preview): raw HTML is not parsed at all (it shows as text).

Both then go through nh3 with a tight allowlist: no `class`, `style` or `id`, links get `rel="nofollow
noopener noreferrer"`, images only from this site (an external image becomes a link: it loads nothing when
an instructor opens the answer, yet the reader still sees what the author pointed to). Math and highlighted
code are put in as unguessable placeholders and swapped back after sanitising, so the only `class`
attributes in the output are the ones this module writes: `<span class="math math-inline|math-display">`
(escaped TeX that KaTeX renders in the browser, see frontend/src/main.js) and Pygments' `div.highlight`."""
from __future__ import annotations

import functools
import html
import re
import secrets
from collections.abc import Sequence
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import PythonLexer, get_lexer_by_name
from pygments.lexers.special import TextLexer

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
}
LINK_REL = "nofollow noopener noreferrer"
# Fenced code is highlighted only in these languages (anything else is plain text): lexers measured linear on
# hostile input. Not all of Pygments' are: `console` took 14 s and `yaml` 9 s on 40,000 crafted characters.
_LEXERS = {
    "python": "python", "py": "python", "python3": "python",
    "pycon": "pycon", "bash": "bash", "sh": "bash", "shell": "bash",
    "json": "json", "toml": "toml", "sql": "sql", "diff": "diff",
}
_FORMATTER = HtmlFormatter(cssclass="highlight", wrapcode=True)  # building one costs more than highlighting
# Bounds on the work one input can cause, each far above what real text needs:
# a display formula's closing `$$` is looked for this many lines down at most (dollarmath scans to the end of
# the text from every `$$` that opens a list item otherwise: quadratic);
_MATH_BLOCK_MAX_LINES = 30
# a table stops after this many cells (markdown-it pads every row to the header's width: a 1.5 kB header of
# 200 columns over rows of "|" is 65 000 cells, 0.8 s and 660 kB of HTML);
_TABLE_MAX_CELLS = 2_000
# blocks nest this deep (lists in quotes in lists…; deeper content is dropped), inline parsing this deep (an
# image in a link needs 3): every unmatched `[` is scanned once per level, the constant in front of a `[` flood.
_BLOCK_NESTING = 20
_INLINE_NESTING = 4
_ALIGN = re.compile(r"^text-align:(left|center|right)$")


def is_same_origin(url: str) -> bool:
    """A URL that can only point at this site: no scheme, no host (`//host`, `/\\host` and `\\\\host` are
    hosts to a browser)."""
    url = url.strip().replace("\\", "/")
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("//")


def _placeholder(env: dict, fragment: str) -> str:
    env["fragments"].append(fragment)
    return f"{env['token']}X{len(env['fragments']) - 1}X"


def _math(display: bool):
    kind = "math-display" if display else "math-inline"

    def render(self, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
        span = f'<span class="math {kind}">{html.escape(tokens[idx].content.strip())}</span>'
        return _placeholder(env, span) if not tokens[idx].block else f"<p>{_placeholder(env, span)}</p>\n"

    return render


@functools.cache
def _lexer(name: str) -> Lexer:
    return get_lexer_by_name(name) if name else TextLexer()


def _code(source: str, language: str) -> str:
    return highlight(source, _lexer(_LEXERS.get(language.lower(), "")), _FORMATTER)


def _fence(self, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
    token = tokens[idx]
    language = token.info.split(maxsplit=1)[0] if token.info.strip() else ""
    return _placeholder(env, _code(token.content, language)) + "\n"


def _code_block(self, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
    return _placeholder(env, _code(tokens[idx].content, "")) + "\n"


def _image(self, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    if is_same_origin(src):
        return self.image(tokens, idx, options, env)
    alt = self.renderInlineAsText(token.children, options, env) if token.children else ""
    return f'<a href="{html.escape(src)}">{html.escape(alt or src)}</a>'


def _table_align(state) -> None:
    """markdown-it aligns table cells with `style`; the sanitiser allows no style, so say it with `align`."""
    for token in state.tokens:
        if token.type in ("th_open", "td_open") and token.attrs.get("style"):
            match = _ALIGN.match(str(token.attrs.pop("style")))
            if match:
                token.attrSet("align", match.group(1))


def _wrap(ruler, name: str, wrapper) -> None:
    """Replaces a parser rule with wrapper(rule), keeping the rules it may interrupt."""
    rule = next(rule for rule in ruler.__rules__ if rule.name == name)
    ruler.at(name, wrapper(rule.fn), {"alt": rule.alt})


def _bounded_math_block(math_block):
    def bounded(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        return math_block(state, start_line, min(end_line, start_line + _MATH_BLOCK_MAX_LINES), silent)

    return bounded


def _bounded_table(table):
    def bounded(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if not silent and start_line + 1 < end_line:
            delimiter = state.src[state.bMarks[start_line + 1]:state.eMarks[start_line + 1]]
            columns = delimiter.count("|") + 1  # at least the table's width
            end_line = min(end_line, start_line + 2 + _TABLE_MAX_CELLS // columns)
        return table(state, start_line, end_line, silent)

    return bounded


def _shallow_inline(inline):
    def shallow(state) -> None:
        state.md.options["maxNesting"] = _INLINE_NESTING
        try:
            inline(state)
        finally:
            state.md.options["maxNesting"] = _BLOCK_NESTING

    return shallow


def _parser(*, raw_html: bool) -> MarkdownIt:
    """A parser for one render (building one takes 0.1 ms; its nesting option changes while it runs)."""
    md = MarkdownIt("commonmark", {"html": raw_html, "maxNesting": _BLOCK_NESTING})
    md.enable(["table", "strikethrough"])
    if not raw_html:
        md.disable(["html_block", "html_inline"])
    # `$5 and $6` is money, not math: no space inside the dollars, no digit right outside them.
    dollarmath_plugin(md, allow_labels=False, allow_space=False, allow_digits=False, allow_blank_lines=False,
                      double_inline=True)
    _wrap(md.block.ruler, "math_block", _bounded_math_block)
    _wrap(md.block.ruler, "table", _bounded_table)
    _wrap(md.core.ruler, "inline", _shallow_inline)
    md.core.ruler.push("table_align", _table_align)
    for name, render in (("math_inline", _math(False)), ("math_inline_double", _math(True)),
                         ("math_block", _math(True)), ("fence", _fence), ("code_block", _code_block),
                         ("image", _image)):
        md.add_render_rule(name, render)
    return md


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src" and not is_same_origin(value):
        return None
    return value


def _render(text: str, *, raw_html: bool) -> str:
    env = {"token": "MLJ" + secrets.token_hex(8), "fragments": []}
    clean = nh3.clean(_parser(raw_html=raw_html).render(text, env), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      attribute_filter=_attribute, url_schemes={"http", "https", "mailto"}, link_rel=LINK_REL)
    fragments = env["fragments"]
    if not fragments:
        return clean
    return re.sub(rf"{env['token']}X(\d+)X", lambda m: fragments[int(m.group(1))], clean)


def render_statement(text: str) -> str:
    """A problem statement from an author's folder, as safe HTML (stored when the problem is synced)."""
    return _render(text, raw_html=True)


def render_user_markdown(text: str) -> str:
    """A user's Markdown (design answer, comment, preview) as safe HTML, to be stored when written."""
    return _render(text, raw_html=False)


def highlight_python(source: str) -> str:
    """Read-only highlighted code for submission pages (Pygments escapes everything; linear, and the source
    is at most grading.api.MAX_SOURCE_BYTES)."""
    return highlight(source, PythonLexer(), HtmlFormatter(cssclass="highlight", linenos="table"))
