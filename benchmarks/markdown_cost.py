"""What hostile Markdown costs the renderer. Not a test: it prints figures for docs/security.md.

    .venv/bin/python benchmarks/markdown_cost.py [--sizes 10000,100000] [--repeat 3]

Renders each hostile input of tests/platform/security/test_markdown.py (the inputs that make Markdown
renderers super-linear, and the ones this renderer is slowest on) at each field's cap (design answer,
comment) and at the given sizes, and prints the median CPU time of `--repeat` renders. The renderer before
issue 10 (Python-Markdown) is gone from the code, so there is no old column: it took 34 s on 10,000 `[`.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mljudge.config.settings.test")


def main() -> int:
    import django

    django.setup()
    from mljudge.core.markdown import render_user_markdown
    from mljudge.review.services import MAX_COMMENT
    from mljudge.submissions.services import ANSWER_MAX_CHARS
    from tests.platform.security.test_markdown import HOSTILE_INPUTS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated sizes in characters")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = {f"comment cap {MAX_COMMENT:,}": MAX_COMMENT, f"answer cap {ANSWER_MAX_CHARS:,}": ANSWER_MAX_CHARS}
    sizes |= {f"{int(n):,}": int(n) for n in args.sizes.split(",")}

    def cost(text: str) -> float:
        times = []
        for _ in range(args.repeat):
            start = time.process_time()
            render_user_markdown(text)
            times.append(time.process_time() - start)
        return statistics.median(times)

    print(f"median CPU ms of {args.repeat} renders (render_user_markdown), by input size")
    print(f"{'input':34}" + "".join(f"{label:>20}" for label in sizes))
    worst = dict.fromkeys(sizes, (0.0, ""))
    for name, build in HOSTILE_INPUTS.items():
        row = f"{name:34}"
        for label, n in sizes.items():
            ms = cost(build(n)) * 1000
            worst[label] = max(worst[label], (ms, name))
            row += f"{ms:20.1f}"
        print(row, flush=True)
    print(f"{'worst':34}" + "".join(f"{ms:20.1f}" for ms, _ in worst.values()))
    for label, (ms, name) in worst.items():
        print(f"  at {label}: {ms:.1f} ms ({name}), {ms / sizes[label] * 1000:.1f} µs per character")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
