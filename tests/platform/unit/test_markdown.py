from mljudge.core.markdown import render_markdown


def test_it_strips_scripts_and_event_handlers():
    html = render_markdown('Hi <script>alert("x")</script><img src="a.png" onerror="alert(1)"> '
                           '[click](javascript:alert(1)) <iframe src="//evil"></iframe>')
    assert "<script" not in html and "alert" not in html and "onerror" not in html
    assert "javascript:" not in html and "<iframe" not in html
    assert '<img src="a.png">' in html


def test_it_keeps_math_for_katex_untouched_by_markdown():
    html = render_markdown("Inline $a_i * b_i$ and display $$\\sum_{j} e^{x_j}$$, but not `$code$` or $5 and $6.")
    assert '<span class="math math-inline">a_i * b_i</span>' in html
    assert '<span class="math math-display">\\sum_{j} e^{x_j}</span>' in html
    assert "<code>$code$</code>" in html
    assert "$5 and $6" in html


def test_it_escapes_html_inside_math():
    html = render_markdown("$x < y <script>alert(1)</script>$")
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_it_highlights_fenced_code_and_starts_lists_under_a_line():
    html = render_markdown("**Input**\n- a\n- b\n\n```python\nimport numpy as np\n```\n")
    assert "<ul>" in html and "<li>a</li>" in html
    assert '<div class="highlight">' in html and '<span class="kn">import</span>' in html
