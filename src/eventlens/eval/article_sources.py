"""Texts of real news articles addressed in place in the evaluation corpora.

The real-article dev set (``evaldata/articles/real.json``) never copies a text: each doc carries a
``source`` address that this module turns back into the text, read from ``../shared/data``:

- ``gwn:<n>``, ``lgl:<n>``, ``geovirus:<n>``: the ``<text>`` element of the n-th (0-based, file
  order) ``<article>`` of ``geoparsing/GWN.xml``, ``geoparsing/lgl.xml``, ``geoparsing/GeoVirus.xml``.
- ``wikievents:<doc_id>``: the document of ``wikievents/dev.jsonl`` rebuilt with every token at its
  annotated offset (:func:`eventlens.eval.wikievents_suite.doc_text`).
- ``meantime:<path>``: a MEANTIME file (path relative to ``meantime_en/``): its sentences in order,
  tokens joined by one space (as :mod:`eventlens.eval.dates_suite` reads them), one sentence a line.
  Sentence 0 is the title, sentence 1 usually the date line.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from eventlens.errors import EvalError

__all__ = ["source_text", "source_meta", "XML_FILES"]

XML_FILES = {
    "gwn": "geoparsing/GWN.xml",
    "lgl": "geoparsing/lgl.xml",
    "geovirus": "geoparsing/GeoVirus.xml",
}


@lru_cache(maxsize=4)
def _xml_articles(path: str) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("article"))


@lru_cache(maxsize=1)
def _wikievents(path: str) -> dict[str, dict]:
    docs = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                docs[doc["doc_id"]] = doc
    return docs


def _meantime_sentences(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    return [" ".join(sentences[k]) for k in sorted(sentences)]


def _split(source: str) -> tuple[str, str]:
    kind, sep, key = source.partition(":")
    if not sep or not key:
        raise EvalError(
            f"{source!r}: an article address is '<corpus>:<key>' "
            "(corpus: gwn, lgl, geovirus, wikievents, meantime)"
        )
    return kind.strip().lower(), key.strip()


def source_text(source: str, data_dir: Path | str = Path("../shared/data")) -> str:
    """The text of the article at ``source`` (e.g. ``"lgl:12"``, ``"wikievents:road_ied_8"``)."""
    data_dir = Path(data_dir)
    kind, key = _split(source)
    if kind in XML_FILES:
        arts = _xml_articles(str(data_dir / XML_FILES[kind]))
        n = int(key)
        if not 0 <= n < len(arts):
            raise EvalError(f"{source}: {kind} holds articles 0..{len(arts) - 1}")
        return arts[n].findtext("text") or ""
    if kind == "wikievents":
        from eventlens.eval.wikievents_suite import doc_text

        docs = _wikievents(str(data_dir / "wikievents" / "dev.jsonl"))
        if key not in docs:
            raise EvalError(f"{source}: no such doc_id in wikievents/dev.jsonl")
        return doc_text(docs[key])
    if kind == "meantime":
        path = data_dir / "meantime_en" / key
        if not path.is_file():
            raise EvalError(f"{source}: no file {path}")
        return "\n".join(_meantime_sentences(path))
    raise EvalError(f"{source}: unknown corpus {kind!r}")


def source_meta(source: str, data_dir: Path | str = Path("../shared/data")) -> dict[str, str | None]:
    """What the corpus says about the article besides its text: title, url, download or creation time."""
    data_dir = Path(data_dir)
    kind, key = _split(source)
    if kind in XML_FILES:
        art = _xml_articles(str(data_dir / XML_FILES[kind]))[int(key)]
        return {
            "title": art.findtext("title"),
            "url": art.findtext("link") or art.findtext("url") or art.findtext("source"),
            "time": art.findtext("dltime"),
        }
    if kind == "meantime":
        root = ET.parse(data_dir / "meantime_en" / key).getroot()
        dct = [t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"]
        return {"title": None, "url": None, "time": dct[0] if dct else None}
    return {"title": None, "url": None, "time": None}
