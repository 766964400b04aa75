"""Print the text of a real-article address, so anyone can check a doc of evaldata/articles/real.json.

PYTHONPATH=src python tools/articles_text.py lgl:12 [--data ../shared/data] [--meta]
PYTHONPATH=src python tools/articles_text.py --doc <doc_id>   # look the address up in real.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventlens.eval.article_sources import source_meta, source_text

REAL = Path(__file__).resolve().parent.parent / "evaldata" / "articles" / "real.json"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "source", nargs="?", help="gwn:<n>, lgl:<n>, geovirus:<n>, wikievents:<doc_id> or meantime:<path>"
    )
    ap.add_argument("--doc", help="a doc_id of evaldata/articles/real.json instead of an address")
    ap.add_argument("--data", default="../shared/data", help="evaluation data dir (default ../shared/data)")
    ap.add_argument("--meta", action="store_true", help="print the corpus title/url/time first")
    args = ap.parse_args(argv)
    source = args.source
    if args.doc:
        docs = {d["doc_id"]: d for d in json.loads(REAL.read_text(encoding="utf-8"))["docs"]}
        source = docs[args.doc]["source"]
    if not source:
        ap.error("give an address or --doc")
    if args.meta:
        print(json.dumps(source_meta(source, args.data), ensure_ascii=False))
    print(source_text(source, args.data))


if __name__ == "__main__":
    main()
