"""ACLED actor names for news words (eventlens.stages.actor_names); texts written for these tests."""

import pytest

from eventlens.stages.actor_names import canonical_actor, find_actors, normalise_country, rename_actor


@pytest.mark.parametrize(
    ("words", "country", "name", "inter"),
    [
        pytest.param(
            "Russian drones", "Ukraine", "Military Forces of Russia (2000-)", 8, id="demonym-drones-abroad"
        ),
        pytest.param(
            "Russian troops", "Russia", "Military Forces of Russia (2000-)", 1, id="demonym-troops-at-home"
        ),
        pytest.param("al-Shabaab fighters", "Somalia", "Al Shabaab", 2, id="al-hyphen-group-noun"),
        pytest.param("Al Shabab militants", "Kenya", "Al Shabaab", 2, id="spelling-variant"),
        pytest.param("the Shebab", "Somalia", "Al Shabaab", 2, id="french-spelling"),
        pytest.param(
            "Houthi rebels",
            "Yemen",
            "Military Forces of Yemen (2016-) Supreme Political Council",
            1,
            id="houthis",
        ),
        pytest.param(
            "unidentified gunmen", "Kenya", "Unidentified Armed Group (Kenya)", 3, id="gunmen-kenya"
        ),
        pytest.param(
            "suspected JNIM militants",
            "Mali",
            "JNIM: Group for Support of Islam and Muslims",
            2,
            id="hedge-acronym",
        ),
        pytest.param(
            "Kenyan police officers", "Kenya", "Police Forces of Kenya (2013-)", 1, id="demonym-police"
        ),
        pytest.param(
            "U.S. troops", "Syria", "Military Forces of the United States (2021-)", 8, id="us-dotted"
        ),
        pytest.param("protesters", "India", "Protesters (India)", 6, id="protesters"),
        pytest.param("rioters", "Nepal", "Rioters (Nepal)", 5, id="rioters"),
        pytest.param("villagers", "Nigeria", "Civilians (Nigeria)", 7, id="civilians"),
    ],
)
def test_canonical_actor(words: str, country: str, name: str, inter: int) -> None:
    hit = canonical_actor(words, country)
    assert hit is not None
    assert (hit.name, hit.inter) == (name, inter)


def test_lowercase_and_capitals_archives() -> None:
    assert canonical_actor("al shabaab militants", "Somalia").name == "Al Shabaab"  # type: ignore[union-attr]
    assert canonical_actor("AL-SHABAAB FIGHTERS", "Somalia").name == "Al Shabaab"  # type: ignore[union-attr]
    assert canonical_actor("houthi rebels", "Yemen").name.endswith("Supreme Political Council")  # type: ignore[union-attr]
    # in an all-lowercase archive "is militants" is the Islamic State; "is" alone is never a name
    assert canonical_actor("is militants", "Iraq").name == "Islamic State (Iraq)"  # type: ignore[union-attr]
    assert canonical_actor("is", "Iraq") is None


def test_mojibake_is_repaired() -> None:
    broken = "Al-Shabaab\u00e2\u20ac\u2122s fighters"  # "Al-Shabaab’s fighters" read as cp1252
    hit = canonical_actor(broken, "Somalia")
    assert hit is not None and hit.name == "Al Shabaab"


def test_country_names_from_any_gazetteer() -> None:
    assert normalise_country("Democratic Republic of the Congo") == "Democratic Republic of Congo"
    assert normalise_country("COD") == "Democratic Republic of Congo"
    hit = canonical_actor("gunmen", "Democratic Republic of the Congo")
    assert hit is not None and hit.name == "Unidentified Armed Group (Democratic Republic of Congo)"


def test_unknown_capitalised_name_is_left_alone() -> None:
    # a named group the dictionary does not know must not become "unidentified"
    assert canonical_actor("Zorblax Liberation Brigade fighters", "Chad") is None


def test_state_forces_of_a_country_without_acled_rows() -> None:
    hit = canonical_actor("Chadian soldiers", "Chad")
    assert hit is not None and hit.name.startswith("Military Forces of Chad")


def test_islamic_state_branch_by_country() -> None:
    assert canonical_actor("ISIS fighters", "Syria").name == "Islamic State (Syria)"  # type: ignore[union-attr]
    assert canonical_actor("Islamic State militants", "Iraq").name == "Islamic State (Iraq)"  # type: ignore[union-attr]


def test_kind_hint_when_words_say_nothing() -> None:
    assert canonical_actor("they", "Mali", kind_hint="armed").name == "Unidentified Armed Group (Mali)"  # type: ignore[union-attr]
    assert canonical_actor("they", "Mali") is None


def test_rename_keeps_the_pipelines_country_for_bare_force_words() -> None:
    # "Russian forces shelled ..." in Ukraine: the pipeline named Russia, its words say only "forces"
    hit = rename_actor("Military Forces of Russia", "forces", "Ukraine")
    assert hit is not None and hit.name == "Military Forces of Russia (2000-)"
    # generic words refine the same side only: attackers described as "people" stay armed
    hit = rename_actor("Unidentified Armed Group (Germany)", "people", "Germany")
    assert hit is not None and hit.name == "Unidentified Armed Group (Germany)"
    hit = rename_actor("presumed JNIM militants", "presumed JNIM militants", "Burkina Faso")
    assert hit is not None and hit.name == "JNIM: Group for Support of Islam and Muslims"


def test_find_actors_in_a_sentence() -> None:
    text = (
        "Saudi-led coalition warplanes struck a market, the Houthi-run news agency said; "
        "Russian troops were not involved."
    )
    found = [(m.text, m.actor.name) for m in find_actors(text, "Yemen")]
    assert found == [
        ("Saudi-led coalition warplanes", "Operation Restoring Hope"),
        ("Houthi", "Military Forces of Yemen (2016-) Supreme Political Council"),
        ("Russian troops", "Military Forces of Russia (2000-)"),
    ]
    assert all(text[m.start : m.end] == m.text for m in find_actors(text, "Yemen"))
    # generic words name no one; "and" is not Andorra, "us" not the United States
    assert find_actors("Gunmen and police told us nothing.", "Colombia") == []


def test_anti_a_group_is_not_the_group() -> None:
    assert canonical_actor("anti-Houthi forces", "Yemen") is None  # a name the dictionary does not know
    hit = rename_actor("Military Forces of Yemen", "anti-Houthi forces", "Yemen")
    assert hit is not None and hit.name.startswith("Military Forces of Yemen")
    assert "Supreme Political Council" not in hit.name
    hit = canonical_actor("pro-Houthi fighters", "Yemen")
    assert hit is not None and hit.name.endswith("Supreme Political Council")


def test_a_capitalised_word_is_no_acronym() -> None:
    # "LeT" (Lashkar-e-Taiba) is written with capitals inside; "Let" is an English word or a name
    assert find_actors("Let Yet Kone village was bombed.", "Myanmar") == []
    assert [m.actor.name for m in find_actors("LeT gunmen opened fire.", "India")] == ["LeT: Lashkar-e-Taiba"]


def test_a_state_phrase_ends_with_its_force_words() -> None:
    text = "On Friday, Turkish jets conducted airstrikes on villages near Qandil."
    assert [m.text for m in find_actors(text, "Iraq")] == ["Turkish jets"]


@pytest.mark.parametrize(
    ("words", "country", "name"),
    [
        pytest.param("armed men", "Guatemala", "Unidentified Gang (Guatemala)", id="gang-country"),
        pytest.param(
            "two gunmen on a motorbike", "Brazil", "Unidentified Gang and/or Police Militia", id="brazil"
        ),
        pytest.param("armed men", "Kenya", "Unidentified Armed Group (Kenya)", id="armed-group-country"),
        pytest.param("rebels", "Guatemala", "Unidentified Armed Group (Guatemala)", id="rebels-stay-rebels"),
    ],
)
def test_unnamed_armed_men_take_the_countrys_usual_template(words: str, country: str, name: str) -> None:
    hit = canonical_actor(words, country)
    assert hit is not None and hit.name == name and hit.rule == "generic"


@pytest.mark.parametrize(
    ("words", "country", "name"),
    [
        pytest.param("ENDF troops", "Ethiopia", "Military Forces of Ethiopia (2018-)", id="army-acronym"),
        pytest.param("SSPDF soldiers", "South Sudan", "Military Forces of South Sudan (2011-)", id="sspdf"),
        pytest.param(
            "CRPF personnel",
            "India",
            "Police Forces of India (2014-) Central Reserve Police Force",
            id="unit-initials-in-its-country",
        ),
        pytest.param(
            "BGF fighters", "Myanmar", "BGF: Burmese Guerrilla Force", id="a-group-keeps-its-acronym"
        ),
    ],
)
def test_state_forces_by_their_acronyms(words: str, country: str, name: str) -> None:
    hit = canonical_actor(words, country)
    assert hit is not None and hit.name == name


def test_a_units_initials_stay_in_its_country() -> None:
    hit = canonical_actor("CRPF personnel", "Nepal")
    assert hit is None or "India" not in hit.name


def _every_window(text: str, country: str | None, max_words: int = 8) -> list[tuple[int, int, str]]:
    """The finder's definition spelled out: at each token, every window from the longest down is
    looked up in full (no pruning), the first that names an actor wins. A plain reference for
    the finder, which skips windows that cannot name one."""
    from eventlens.stages import actor_names as an
    from eventlens.stages.actor_dictionary import actor_dictionary
    from eventlens.stages.actor_words import actor_tokens

    names = actor_dictionary()
    ctry = normalise_country(country)
    toks = [(m.start(), m.end(), m.group()) for m in an._WORD.finditer(text)]
    generic = an._GENERIC
    out, i = [], 0
    while i < len(toks):
        hit = None
        for n in range(min(max_words, len(toks) - i), 0, -1):
            low = [w for _, _, t in toks[i : i + n] for w in actor_tokens(t)[0]]
            raw = [w for _, _, t in toks[i : i + n] for w in actor_tokens(t)[1]]
            if not low or set(low) <= generic or low[0] in ("the", "a", "an"):
                continue
            gaps = [text[toks[j][1] : toks[j + 1][0]] for j in range(i, i + n - 1)]
            if not all(an._JOINER.fullmatch(g) for g in gaps):
                continue
            found = names.lookup(low, raw, ctry)
            if found is not None:
                hit = (n, an._named(names, found, ctry, " ".join(low)).name)
                break
            if n <= 4 and low[-1] in an._FORCE_HEADS:
                st = an._state(names, low, raw, ctry)
                c = names.find_country(low, raw)
                if st is not None and c is not None and c[1] == 0 and set(low[c[2] :]) <= an._FORCE_WORDS:
                    hit = (n, st.name)
                    break
        if hit is None:
            i += 1
            continue
        out.append((toks[i][0], toks[i + hit[0] - 1][1], hit[1]))
        i += hit[0]
    return out


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Suspected Boko Haram insurgents raided a camp outside the town; Nigerian soldiers fled.",
            "Nigeria",
        ),
        ("boko haram fighters and the islamic state west africa province clashed near the lake", "Nigeria"),
        ("In Somalia, al-Shabaab militants ambushed AMISOM troops, Kenyan police said.", "Somalia"),
        ("The Taliban, the Haqqani network and Afghan security forces all denied it.", "Afghanistan"),
        ("Members of the Islamic State group / ISIS attacked Iraqi Army positions.", "Iraq"),
        ("Houthi rebels shelled the port; Saudi-led coalition jets and US drones struck back.", "Yemen"),
        ("Gunmen, police and Kenyan soldiers, the armed forces and the rebels: few names.", "Kenya"),
        ("JNIM and Ansaroul Islam fighters attacked a Burkinabe army post near Djibo.", "Burkina Faso"),
        ("M23 rebels and the FARDC fought near Goma while ADF militants raided a village.", None),
    ],
)
def test_find_actors_matches_every_window(text: str, country: str | None) -> None:
    # the finder prunes the windows it tries (only alias prefixes are looked up); what it finds
    # is what trying every window finds
    found = [(m.start, m.end, m.actor.name) for m in find_actors(text, country)]
    assert found == _every_window(text, country)
    assert found  # each text names someone: the comparison is not between two empty lists


@pytest.mark.parametrize(
    ("words", "country", "own"),
    [
        ("Irish Republican Army", "United Kingdom", "Irish Republican Army"),
        ("the Irish National Liberation Army", "United Kingdom", "Irish National Liberation Army"),
        ("Free Syrian Army rebels", "Syria", "Free Syrian Army"),
        ("Sudan People's Liberation Army", "South Sudan", "Sudan People's Liberation Army"),
        ("Ulster Volunteer Force", "United Kingdom", "Ulster Volunteer Force"),
    ],
)
def test_a_groups_own_name_is_never_the_states_military(words: str, country: str, own: str) -> None:
    # a country's adjective with "Republican", "Liberation", "Free"... and "Army" names a group
    assert canonical_actor(words, country) is None
    hit = rename_actor("Military Forces of Ireland", words, country)
    assert hit is not None and hit.name == own and hit.inter == 2


@pytest.mark.parametrize(
    ("words", "country", "name"),
    [
        ("Kosovo Liberation Army", "Kosovo", "Former KLA: Kosovo Liberation Army"),
        ("Karen National Liberation Army fighters", "Myanmar", "KNU/KNLA"),
        ("New People's Army", "Philippines", "NPA: New People's Army"),
        ("Syrian army troops", "Syria", "Military Forces of Syria"),
        ("the Irish army", "Ireland", "Military Forces of Ireland"),
        ("Afghan National Army soldiers", "Afghanistan", "Military Forces of Afghanistan"),
    ],
)
def test_dictionary_names_and_state_armies_still_read(words: str, country: str, name: str) -> None:
    hit = canonical_actor(words, country)
    assert hit is not None and hit.name.startswith(name)


def test_find_actors_reads_no_state_army_inside_a_groups_name() -> None:
    found = find_actors(
        "Fighters of the Free Syrian Army overran a checkpoint held by Syrian troops.", "Syria"
    )
    assert [m.text for m in found] == ["Syrian troops"]
    assert find_actors("The Irish Republican Army planted a bomb in London.", "United Kingdom") == []
    found = find_actors("the irish army said the free syrian army was not involved", "Ireland")
    assert [m.text for m in found] == ["irish army"]


def test_a_state_force_takes_the_name_of_the_events_day() -> None:
    from datetime import date

    from eventlens.stages.actor_names import name_on

    old, new = date(2015, 3, 2), date(2023, 2, 27)
    hit = canonical_actor("Afghan soldiers", "Afghanistan", when=old)
    assert hit is not None and hit.name == "Military Forces of Afghanistan (2004-2021)"
    hit = canonical_actor("Afghan soldiers", "Afghanistan", when=new)
    assert hit is not None and hit.name == "Military Forces of Afghanistan (2021-)"
    hit = canonical_actor("Afghan police", "Afghanistan", when=date(2019, 6, 1))
    assert hit is not None and hit.name == "Police Forces of Afghanistan (2004-2021)"
    # the Taliban were an armed group before they took Kabul, the state after
    hit = canonical_actor("Taliban fighters", "Afghanistan", when=old)
    assert hit is not None and (hit.name, hit.inter) == ("Taliban", 2)
    hit = canonical_actor("Taliban fighters", "Afghanistan", when=new)
    assert hit is not None and hit.name == "Military Forces of Afghanistan (2021-)"
    # no day known: the current name, as before
    hit = canonical_actor("Afghan soldiers", "Afghanistan")
    assert hit is not None and hit.name == "Military Forces of Afghanistan (2021-)"
    # a record already named: renamed by its day
    assert name_on("Military Forces of Afghanistan (2021-)", "Afghan troops", "Afghanistan", old) == (
        "Military Forces of Afghanistan (2004-2021)"
    )
    assert name_on("Military Forces of Afghanistan (2021-)", "the Taliban", "Afghanistan", old) == "Taliban"
    assert name_on("Military Forces of Afghanistan (2021-)", "Afghan troops", "Afghanistan", new) is None
    found = find_actors("Afghan troops and Taliban fighters clashed in Helmand.", "Afghanistan", when=old)
    assert [m.actor.name for m in found] == ["Military Forces of Afghanistan (2004-2021)", "Taliban"]
