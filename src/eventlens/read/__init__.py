"""Readers: files, directories, stdin, HTML, JSON and plain text to raw Articles.

Readers only read: they decode bytes, pick the main text of HTML pages, take
titles and metadata times, and label the language. Boilerplate inside plain
text, publication times printed in the text and datelines are the job of
:mod:`eventlens.stages.clean`. Bad inputs come back as
:class:`~eventlens.errors.InputError` values, never as exceptions.
"""

from eventlens.read.html import read_html
from eventlens.read.jsonl import read_json, read_jsonl
from eventlens.read.paths import EXTENSIONS, read_bytes, read_paths, sniff_format
from eventlens.read.text import read_text

__all__ = [
    "EXTENSIONS",
    "read_bytes",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_paths",
    "read_text",
    "sniff_format",
]
