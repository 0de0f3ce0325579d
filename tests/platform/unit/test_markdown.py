from mljudge.core.markdown import render_statement, render_user_markdown


def test_it_strips_scripts_and_event_handlers_from_a_statements_html():
    html = render_statement('Hi <script>alert("x")</script><img src="a.png" onerror="alert(1)"> '
                            '[click](javascript:alert(1)) <iframe src="//evil"></iframe>')
    assert "<script" not in html and "alert(\"x\")" not in html and "onerror" not in html
    assert 'href="javascript:' not in html and "<iframe" not in html
    assert '<img src="a.png">' in html


def test_it_shows_html_in_user_text_as_text():
    html = render_user_markdown('Hi <script>alert("x")</script><img src="a.png" onerror="alert(1)">')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img" in html


def test_it_keeps_math_for_katex_untouched_by_markdown():
    html = render_user_markdown("Inline $a_i * b_i$ and display $$\\sum_{j} e^{x_j}$$, but not `$code$` or $5 and $6.")
    assert '<span class="math math-inline">a_i * b_i</span>' in html
    assert '<span class="math math-display">\\sum_{j} e^{x_j}</span>' in html
    assert "<code>$code$</code>" in html
    assert "$5 and $6" in html


def test_it_renders_a_display_formula_on_its_own_lines_and_inside_a_list_item():
    html = render_statement("$$\na + b\n$$\n\n- **Gradient**:\n  $$\\nabla_w = X^\\top (p - y), \\qquad\n"
                            "  \\partial_b = \\sum_i p_i$$\n")
    assert '<span class="math math-display">a + b</span>' in html
    assert '<span class="math math-display">\\nabla_w = X^\\top (p - y), \\qquad\n' in html


def test_it_escapes_html_inside_math():
    html = render_user_markdown("$x < y <script>alert(1)</script>$")
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_it_highlights_fenced_code_and_starts_lists_under_a_line():
    html = render_user_markdown("**Input**\n- a\n- b\n\n```python\nimport numpy as np\n```\n")
    assert "<ul>" in html and "<li>a</li>" in html
    assert '<div class="highlight">' in html and '<span class="kn">import</span>' in html


def test_it_renders_tables_with_their_alignment():
    html = render_user_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
    assert '<th align="left">a</th>' in html and '<td align="right">2</td>' in html
