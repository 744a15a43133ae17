"""Rules files (评价规则): the documented defaults, overrides per plan, and clear errors."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from luoshi.errors import RulesError, TrackingError
from luoshi.tracking import DEFAULT_RULES, DEFAULT_RULES_TOML, Rules, load_rules, rules_from_dict


def test_the_default_file_gives_the_default_rules() -> None:
    assert rules_from_dict(tomllib.loads(DEFAULT_RULES_TOML)) == DEFAULT_RULES == Rules()


def test_a_plan_overrides_only_what_it_names(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        '[progress]\nmode = "ratio"\nsevere_lag = 25\n\n[reporting]\ndeadline_day = 20\n', encoding="utf-8"
    )
    rules = load_rules(path)
    assert (rules.mode, rules.severe_lag, rules.deadline_day) == ("ratio", 25.0, 20)
    assert rules.on_track_lag == DEFAULT_RULES.on_track_lag


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ({"colours": {"red": 1}}, "未知的规则节"),
        ({"progress": {"speed": 1}}, "未知的键"),
        ({"progress": {"mode": "fast"}}, "应取 points, ratio"),
        ({"progress": {"severe_lag": "30"}}, "非负数"),
        ({"progress": {"severe_lag": -1}}, "非负数"),
        ({"progress": {"on_track_lag": 40}}, "on_track_lag ≤ severe_lag"),
        ({"progress": {"on_track_ratio": 0.8}}, "severe_ratio ≤ on_track_ratio"),
        ({"reporting": {"deadline_day": 32}}, "deadline_day"),
        ({"reporting": {"deadline_day": 2.5}}, "整数"),
        ({"reporting": {"unreported_light": "blue"}}, "red, yellow, none"),
        ({"band": {"relative": 1.5}}, "relative < 1"),
    ],
)
def test_bad_rules_say_what_is_wrong(document: dict, words: str) -> None:
    with pytest.raises(RulesError) as caught:
        rules_from_dict(document, where="plan.toml")
    assert words in str(caught.value)
    assert isinstance(caught.value, TrackingError)


def test_a_file_that_is_not_there_or_not_toml(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="不存在"):
        load_rules(tmp_path / "absent.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[progress\n", encoding="utf-8")
    with pytest.raises(RulesError, match="TOML"):
        load_rules(broken)
