"""Country names that several countries share once the form of government is dropped.

"Congo" is the short form of both the Democratic Republic of the Congo and the Republic of the
Congo; "Korea" of both Koreas. GeoNames gives the bare name to one of them only (the Republic of
the Congo), so without this a story about Beni and North Kivu that writes "eastern Congo" is put
in the wrong country. A short form is a country name with its form-of-government words removed
("Democratic Republic of the", "People's", "Federal", a bracketed capital): when two countries'
names reduce to the same words, the bare words are ambiguous and the article decides (its other
places' countries, as for any name); with no such context the more populous country, the one
news names far more often, wins on the ranking's population prior.

Names that differ by a real word are not shared short forms and stay as GeoNames has them:
"Sudan" is Sudan, not South Sudan; "Guinea" is Guinea, not Equatorial Guinea, Guinea-Bissau or
Papua New Guinea; "Niger" is Niger, not Nigeria (their demonyms, "Nigerien" and "Nigerian",
are distinct keys of :meth:`eventlens.geo.gazetteer.Gazetteer.country_words` already).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from eventlens.geo.normalize import normalize_key

__all__ = ["shared_short_forms", "short_form"]

#: Words that say how a country is governed, not which country it is.
_FORM_WORDS = frozenset(
    """the of and democratic republic people s peoples federal federative islamic independent
    state kingdom plurinational bolivarian socialist co operative cooperative""".split()
)
_BRACKETS = re.compile(r"\([^)]*\)")


def short_form(name: str) -> str:
    """The lookup key of ``name`` without its form-of-government words and bracketed parts:
    "Congo, The Democratic Republic of the" -> "congo", "Congo (Brazzaville)" -> "congo",
    "Democratic People's Republic of Korea" -> "korea", "South Sudan" -> "south sudan"."""
    key = normalize_key(_BRACKETS.sub(" ", name).replace(",", " ").replace("'", " "))
    return " ".join(w for w in key.split() if w not in _FORM_WORDS)


def shared_short_forms(
    names: Iterable[tuple[str, str]], primary: Iterable[str] = ()
) -> dict[str, tuple[str, ...]]:
    """``(country name, ISO2)`` pairs -> {short form: the ISO2 codes sharing it}, only for short
    forms that two or more countries share and that are no country's ``primary`` name as it
    stands: "China" is the People's Republic though Taiwan is the "Republic of China", "Samoa" the
    independent state though the other is "American Samoa"."""
    own = {normalize_key(n) for n in primary}
    by_form: Mapping[str, set[str]] = defaultdict(set)
    for name, iso2 in names:
        form = short_form(name)
        if form and iso2 and form not in own:
            by_form[form].add(iso2)  # type: ignore[index]
    return {form: tuple(sorted(codes)) for form, codes in by_form.items() if len(codes) > 1}
