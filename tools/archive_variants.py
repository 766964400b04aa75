"""How much of the articles suite survives text as archives deliver it (issue 15 item 5).

    PYTHONPATH=src python tools/archive_variants.py [--data ../shared/data] [--limit N]

Scores ``eventlens eval articles`` on each article as given, all lowercase and ALL CAPS (same
offsets, so the same expectations apply), and counts the articles whose mojibake copy (UTF-8
read as cp1252, then as latin-1) the readers turn back into the exact original text. A robust
reader gives the same figures for every variant.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from eventlens.eval.articles_suite import articles_dir, load_article_docs, run_articles_suite
from eventlens.eval.corpus import default_extract_many
from eventlens.read.text import read_text


def _variant(change: Callable[[str], str]) -> Callable[..., Any]:
    base = default_extract_many()

    def extract_many(arts: Sequence[Any], **kw: Any) -> Any:
        changed = []
        for a in arts:
            ts = a.title_span
            changed.append(
                replace(
                    a,
                    text=change(a.text),
                    title=change(a.title) if a.title else a.title,
                    title_span=replace(ts, text=change(ts.text)) if ts else ts,
                )
            )
        return base(changed, **kw)

    return extract_many


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    for name, change in (("as given", None), ("lowercase", str.lower), ("ALL CAPS", str.upper)):
        fn = _variant(change) if change else None
        res = run_articles_suite(args.data, args.limit, fn)
        f = res["figures"]
        print(f"{name:10s} checks_passed {f.get('checks_passed')}  (n={res['n']}, checks={f['checks']})")

    from eventlens.eval.articles_suite import _article

    adir = articles_dir(None)
    docs = load_article_docs(adir)[: args.limit]
    same = {"cp1252": 0, "latin-1": 0}
    for _set, doc in docs:
        text = _article(doc, adir, args.data).text
        for codec in same:
            bad = text.encode("utf-8").decode(codec, errors="ignore" if codec == "cp1252" else "strict")
            same[codec] += read_text(bad, id="x").text == text
    for codec, k in same.items():
        print(f"mojibake via {codec}: {k}/{len(docs)} articles read back exactly")


if __name__ == "__main__":
    main()
