"""Articles without a publication date still tell their incidents apart by day (issue 15).

A corpus text or a pasted page often has no timestamp. Its relative dates ("overnight
Saturday", "on Sunday", "early this morning", "in mid-May") resolve to no days, so they used
to be invisible to grouping: two days of protests became one record with both tolls, and an
older raid recalled at the end gave its toll to the day's news. Texts written for these tests.
"""

from __future__ import annotations

from eventlens.stages.dates import find_dates
from eventlens.stages.undated import _deictic

TWO_DAYS = """Police and farmers clash for a second day in Dalmora
More than 150 people were hurt overnight Saturday when farmers fought riot police outside the
agriculture ministry in Dalmora, throwing stones and setting tyres alight. Police used tear gas
and water cannon.
On Sunday about 2,000 farmers gathered again in the square in front of the ministry, where
police blocked the entrances with buses. Around 40 people were detained, but no one was hurt.
"""

RECALLED_RAID = """Raiders kill seven herders in Ilmar district
Gunmen killed seven herders early on Friday when they raided a cattle camp near the town of
Ilmar, the district commissioner said. The raiders drove off about 400 head of cattle.
On Tuesday, 23 people were killed in a similar raid on a camp further north.
"""

SAME_DAY = """Gunmen attack a bus near Kotra
Gunmen opened fire on a bus near Kotra on Friday, killing four passengers, police said.
Police said on Friday evening that the attackers had fled into the hills. Two of the wounded
died later in hospital, bringing the toll to six.
"""


EARLIER_KILLING = """Police shoot dead man holding a pipe in Varda
Police officers responding to reports of an armed man on Wednesday shot dead a man carrying a metal pipe, police said.
Three officers fired a total of eight rounds. The man was pronounced dead at a hospital.
The shooting comes after the police killing of an unarmed man on March 18 in Lodi, which sparked two weeks of protests.
Dario Kent, 24, was shot by officers who said they thought he had a gun.
"""


def _reported(events):
    return [e for e in events if e.role == "reported"]


def test_two_days_of_protest_are_two_records(pipe) -> None:
    events = pipe.extract(TWO_DAYS)
    rep = _reported(events)
    assert len(rep) == 2, [(e.sub_event_type, e.injured) for e in events]
    injured = sorted((e.injured or 0) for e in rep)
    assert injured[0] == 0 or injured[0] is None or injured[0] < 150
    assert injured[-1] >= 150
    # no record carries a date the text does not give
    assert all(e.date is None for e in events)


def test_an_earlier_raid_keeps_its_own_toll(pipe) -> None:
    events = pipe.extract(RECALLED_RAID)
    assert sorted(e.fatalities or 0 for e in events) == [7, 23]
    assert all(e.date is None for e in events)


def test_one_day_told_in_several_sentences_stays_one_record(pipe) -> None:
    events = pipe.extract(SAME_DAY)
    assert len(events) == 1
    assert events[0].fatalities == 6


def test_the_same_texts_with_a_publication_date_are_dated(pipe) -> None:
    events = pipe.extract(TWO_DAYS, published="2024-05-27T09:00")
    assert len(_reported(events)) == 2
    assert all(e.date is not None for e in events)


def test_only_dates_pointing_from_the_time_of_writing_float() -> None:
    def deictic(sentence: str, words: str) -> bool:
        return _deictic(sentence, sentence.index(words), words)

    assert deictic("Gunmen attacked the camp on Friday", "Friday")
    assert deictic("On Sunday about 2,000 farmers gathered", "Sunday")
    assert deictic("In mid-May, 23 people were killed", "mid-May")
    # a month without its year floats only on an anchor the text gives
    assert not _deictic("In mid-May, 23 people were killed", 3, "mid-May", months=False)
    # a day inside quoted speech is the speaker's day
    assert not deictic('"They tried to kill me today," the mayor said on Friday', "today")
    assert not deictic("the anniversary of Bloody Friday", "Friday")
    assert not deictic("By the end of the day, 20 bombs had gone off", "the day")
    # without an anchor these are unresolved, which is why they float
    assert all(d.range is None for d in find_dates("on Friday", None))


def test_a_calendar_day_in_a_story_told_by_weekday_is_an_older_incident(pipe) -> None:
    events = pipe.extract(EARLIER_KILLING)
    assert [e.role for e in events] == ["reported", "background"], [
        (e.role, e.sentences[0].text[:40]) for e in events
    ]
    assert all(e.date is None for e in events)
