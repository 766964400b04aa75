"""Cost of one large input: seconds (wall and CPU) per 100k words and peak RSS for a 5 KB, 100 KB
and 1 MB text.

    .venv/bin/python bench/large_input.py [--sizes 5000,100000,1000000] [--no-geo] [--profile N]

Each size runs in its own child process (a fresh interpreter), so its peak RSS (``ru_maxrss`` of
the child) is that size's alone. The text is one article made of varied news paragraphs written
for this benchmark (templates below, filled from small word lists with a fixed seed), so every
size reads the same kind of prose and the per-word rate should stay flat: extraction cost must
grow linearly with the input (issue 16, item 4). ``--profile N`` prints the top N functions of
cProfile (cumulative) for each size instead of timing alone.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

TITLE = "Violence flares across several provinces as talks stall"

# Paragraphs written for this benchmark (not copied from any corpus). Slots are filled at random.
TEMPLATES = [
    "Gunmen on motorbikes attacked a police checkpoint in {town} on {day}, killing {n} officers and "
    "wounding {m} others, a local official said. No group has claimed responsibility.",
    "An improvised explosive device struck a {vehicle} carrying {group} fighters near {town} on {day}, "
    "the {outlet} reported, citing security sources. {n} people were killed.",
    "Hundreds of {people} marched through the centre of {town} on {day} to demand {demand}. The "
    "protest ended peacefully, organisers said, although police briefly blocked the main road.",
    "Security forces fired tear gas to disperse demonstrators who had gathered outside the governor's "
    "office in {town}, witnesses said. At least {m} protesters were injured.",
    "{group} militants abducted {n} villagers from a farm outside {town} late on {day}, according to "
    "a community leader who asked not to be named. Relatives said a ransom had been demanded.",
    "Air strikes hit positions held by {group} in the hills east of {town} on {day}, the army said "
    "in a statement, adding that {n} fighters had been killed. The claim could not be verified.",
    "Residents of {town} said shelling resumed before dawn on {day}. A hospital director said {n} "
    "civilians, among them {k} children, had been brought in dead and {m} were being treated.",
    "The {outlet} said talks between the government and {group} had stalled over the release of "
    "prisoners. Mediators are expected to return to {town} next week.",
    "Clashes broke out between rival {people} in the market district of {town} on {day} after a "
    "dispute over land. Police said {n} people died and several shops were set on fire.",
    "A suicide bomber detonated explosives at a crowded bus station in {town} on {day}, killing at "
    "least {n} people, the interior ministry said. {group} later claimed the attack online.",
    "Unidentified assailants shot dead a local journalist in {town} on {day}. Colleagues said he had "
    "received threats after reporting on corruption in the provincial council.",
    "The army said it had retaken the village of {village}, near {town}, after two days of fighting "
    "with {group}. It gave no figure for casualties on either side.",
    "Aid agencies warned that food stocks in {town} would run out within weeks if the road from "
    "{village} stayed closed. Some {big} people have fled the district since the spring.",
    "Police arrested {n} suspects in connection with the bombing of a church in {town} last month, "
    "a spokesman said on {day}. He declined to name the group they belonged to.",
    "Soldiers and {group} fighters exchanged fire for several hours on the outskirts of {town} on "
    "{day}. A military source said {n} soldiers and {m} militants were killed.",
    "A drone struck a car on the highway between {town} and {village} on {day}, killing its {k} "
    "occupants, a security official said. The vehicle burned out completely.",
    "Teachers in {town} went on strike on {day} over unpaid salaries, closing dozens of schools. The "
    "union said the stoppage would continue until the ministry paid three months of arrears.",
    "A mortar round landed in a residential street of {town} on {day}, wounding {m} people, "
    "including a woman and her two sons, the health department said.",
]
SLOTS = {
    "town": [
        "Mosul",
        "Kirkuk",
        "Maiduguri",
        "Kano",
        "Aleppo",
        "Idlib",
        "Mogadishu",
        "Kismayo",
        "Gao",
        "Timbuktu",
        "Bunia",
        "Goma",
        "Kandahar",
        "Herat",
        "Sanaa",
        "Taiz",
        "Benghazi",
        "Misrata",
    ],
    "village": ["Qayyarah", "Konduga", "Sarmada", "Afgoye", "Ansongo", "Komanda", "Spin Boldak"],
    "group": ["Islamic State", "Boko Haram", "al-Shabaab", "the Houthis", "ADF", "Taliban", "JNIM"],
    "people": ["students", "farmers", "herders", "traders", "workers", "residents"],
    "demand": ["better electricity", "the release of detained activists", "higher wages", "clean water"],
    "vehicle": ["pickup truck", "minibus", "military convoy", "fuel tanker"],
    "outlet": ["Reuters", "AFP", "Associated Press", "state news agency"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "n": [str(i) for i in range(2, 40)],
    "m": [str(i) for i in range(2, 60)],
    "k": ["two", "three", "four", "five"],
    "big": ["20,000", "45,000", "120,000"],
}


def build_text(n_bytes: int, seed: int = 16) -> str:
    """One article of about ``n_bytes`` UTF-8 bytes: a title line, then varied paragraphs."""
    rng = random.Random(seed)
    parts = [TITLE]
    size = len(TITLE)
    while size < n_bytes:
        t = rng.choice(TEMPLATES)
        para = t.format(**{k: rng.choice(v) for k, v in SLOTS.items()})
        parts.append(para)
        size += len(para.encode("utf-8")) + 2
    return "\n\n".join(parts)


def _child(n_bytes: int, geo: bool, profile: int) -> None:
    """Run in the child: extract one text of ``n_bytes``, print one JSON line of figures."""
    from eventlens.pipeline import Pipeline

    pipe = Pipeline(geocoder=None if geo else False)
    pipe.extract("Warm-up: gunmen killed two people in Mosul on Monday, police said.", published="2024-05-06")
    text = build_text(n_bytes)
    t0, c0 = time.perf_counter(), time.process_time()
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        events = prof.runcall(pipe.extract, text, published="2024-05-06")
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(profile)
    else:
        events = pipe.extract(text, published="2024-05-06")
    secs = time.perf_counter() - t0
    cpu = time.process_time() - c0
    words = len(text.split())
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"bytes": len(text.encode("utf-8")), "words": words, "events": len(events), "seconds": secs}
    out |= {"s_per_100k_words": secs / words * 100_000, "peak_rss_mb": rss_mb}
    out |= {"cpu_s_per_100k_words": cpu / words * 100_000}
    print(json.dumps(out))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="5000,100000,1000000", help="text sizes in bytes, comma-separated")
    ap.add_argument("--no-geo", action="store_true", help="switch geocoding off")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the top N cProfile rows")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ns = ap.parse_args()
    if ns.child is not None:
        _child(ns.child, not ns.no_geo, ns.profile)
        return 0
    print(
        f"{'bytes':>9} {'words':>8} {'events':>6} {'seconds':>8} {'s/100k words':>12} "
        f"{'CPU s/100k':>10} {'peak RSS MB':>11}"
    )
    for size in (int(s) for s in ns.sizes.split(",")):
        cmd = [sys.executable, __file__, "--child", str(size), "--profile", str(ns.profile)]
        cmd += ["--no-geo"] if ns.no_geo else []
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"{size}: failed ({proc.returncode}): {proc.stderr.strip()[-500:]}", file=sys.stderr)
            continue
        if ns.profile:
            print(proc.stderr, file=sys.stderr)
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        print(
            f"{r['bytes']:>9} {r['words']:>8} {r['events']:>6} {r['seconds']:>8.1f} "
            f"{r['s_per_100k_words']:>12.1f} {r['cpu_s_per_100k_words']:>10.1f} {r['peak_rss_mb']:>11.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
