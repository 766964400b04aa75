import pytest

from eventlens.stages.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("three", 3, id="word"),
        pytest.param("twenty-five", 25, id="hyphenated-tens"),
        pytest.param("1,200", 1200, id="thousands-separator"),
        pytest.param("at least 12", 12, id="at-least"),
        pytest.param("more than 40", 40, id="more-than"),
        pytest.param("dozens", 12, id="dozens-acled-rule"),
        pytest.param("several", 3, id="several-acled-rule"),
        pytest.param("a few", 3, id="a-few"),
        pytest.param("hundreds", 100, id="hundreds"),
        pytest.param("two hundred", 200, id="two-hundred"),
        pytest.param("a", 1, id="article-one"),
        pytest.param("no", 0, id="explicit-none"),
        pytest.param("soldiers", None, id="not-a-number"),
    ],
)
def test_parse_number(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected
