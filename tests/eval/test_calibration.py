"""Expected calibration error and the reliability table on hand-computed cases."""

from __future__ import annotations

import pytest

from eventlens.eval.calibration import expected_calibration_error, reliability_table


def test_ece_by_hand() -> None:
    # bin 8 holds 0.82 and 0.85 (both right): mean 0.835, accuracy 1 -> gap 0.165, weight 2/5
    # bins 6, 7, 4 hold one each: 0.6 wrong (gap 0.6), 0.7 right (0.3), 0.4 wrong (0.4)
    # ECE = (2 * 0.165 + 0.6 + 0.3 + 0.4) / 5 = 0.326
    conf = [0.82, 0.6, 0.85, 0.7, 0.4]
    ok = [True, False, True, True, False]
    assert expected_calibration_error(conf, ok) == pytest.approx(0.326)
    table = reliability_table(conf, ok)
    assert [(b["lo"], b["n"], b["accuracy"]) for b in table] == [
        (0.4, 1, 0.0),
        (0.6, 1, 0.0),
        (0.7, 1, 1.0),
        (0.8, 2, 1.0),
    ]
    assert table[-1]["mean_confidence"] == pytest.approx(0.835)


def test_perfectly_calibrated_is_zero_and_one_falls_in_the_last_bin() -> None:
    # four at 0.75 with three right; 1.0 (right) joins the last bin, not an eleventh
    assert expected_calibration_error([0.75] * 4, [True, True, True, False]) == pytest.approx(0.0)
    assert expected_calibration_error([1.0, 0.95], [True, True]) == pytest.approx(0.025)
    assert reliability_table([1.0, 0.95], [True, True])[0]["lo"] == 0.9


def test_overconfident_wrong_answers_cost_their_confidence() -> None:
    assert expected_calibration_error([0.9, 0.9], [False, False]) == pytest.approx(0.9)


def test_no_items_is_undefined_not_zero() -> None:
    assert expected_calibration_error([], []) is None
    assert reliability_table([], []) == []


def test_length_mismatch_raises() -> None:
    with pytest.raises(ValueError, match="2 confidences but 1 outcomes"):
        expected_calibration_error([0.1, 0.2], [True])


def test_reliability_svg_draws_one_point_per_bin_and_a_legend_per_series() -> None:
    import xml.etree.ElementTree as ET

    from eventlens.eval.calibration import reliability_svg

    a = reliability_table([0.82, 0.6, 0.85, 0.7, 0.4], [True, False, True, True, False])
    b = reliability_table([0.95, 0.15], [True, False])
    root = ET.fromstring(reliability_svg({"news <A&B>": a, "notes": b}))
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{ns}circle")) == len(a) + len(b) == 6
    assert len(root.findall(f"{ns}polyline")) == 2
    assert any(t.text == "news <A&B> (n=5)" for t in root.findall(f"{ns}text"))
