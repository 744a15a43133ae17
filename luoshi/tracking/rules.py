"""Thresholds of the status engine (评价规则), configurable per plan in a TOML rules file.

Defaults and where they come from (docs/tracking.md explains each choice):

* 序时 grading of flows and shares, ``mode = "points"``: 银川's 红黄绿灯 — meeting 序时 is
  green; 10 to 30 points behind (both included) yellow; more than 30 red. Lags under 10
  points are read as within tolerance (符合序时, green); ``on_track_lag = 0`` makes any lag
  yellow. ``mode = "ratio"`` grades completion ÷ 序时 instead, with Cascade's health bands:
  ≥ 95 % on track, 85–94 % behind, below 85 % at risk.
* 左右 (≈) bands: ±0.5 point for targets in % or 个百分点, else ±10 % of the value.
* Growth rates: up to 1 point short of the target (or of the band's edge) is 滞后, more is 严重滞后.
* Levels: up to 10 % beyond the bound is 滞后, more is 严重滞后; 5 % better than the bound is 超序时.
* Reporting: monthly, due by the 25th of the following month; a missing report is red.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from luoshi.errors import RulesError

__all__ = ["Rules", "DEFAULT_RULES", "DEFAULT_RULES_TOML", "load_rules", "rules_from_dict"]


@dataclass(frozen=True, slots=True)
class Rules:
    """Thresholds; see the module docstring and docs/tracking.md for the defaults' grounds."""

    mode: str = "points"
    basis: str = "months"
    ahead: float = 0.0
    on_track_lag: float = 10.0
    severe_lag: float = 30.0
    on_track_ratio: float = 0.95
    severe_ratio: float = 0.85
    band_relative: float = 0.10
    band_points: float = 0.5
    rate_warn: float = 1.0
    rate_ahead: float = 0.0
    level_warn: float = 0.10
    level_ahead: float = 0.05
    frequency: str = "month"
    deadline_day: int = 25
    deadline_months: int = 1
    unreported_light: str = "red"


DEFAULT_RULES = Rules()

#: The rules file format, with the defaults; ``luoshi`` can write this as a starting point.
DEFAULT_RULES_TOML = """\
# luoshi 评价规则 (status rules). Every key is optional; a missing key keeps its default.

[progress]            # 序时 grading of flows (累计) and shares (覆盖率)
mode = "points"       # "points": gap in percentage points (银川 红黄绿灯); "ratio": completion ÷ 序时 (Cascade)
basis = "months"      # 序时 by "months" (6月底 = 6/12) or "days" (182/366)
ahead = 0.0           # points (or, in ratio mode, ratio above 1) ahead of 序时 beyond which 超序时
on_track_lag = 10.0   # points behind 序时 still 符合序时 (green); 银川: yellow from 10
severe_lag = 30.0     # points behind beyond which 严重滞后 (red); 银川: red beyond 30
on_track_ratio = 0.95 # ratio mode: completion ÷ 序时 at or above this is 符合序时 (Cascade "on track")
severe_ratio = 0.85   # ratio mode: below this is 严重滞后 (Cascade "at risk")

[band]                # targets stated 左右 (≈)
relative = 0.10       # ± share of the value
points = 0.5          # ± points, for targets in % or 个百分点

[rate]                # growth targets (增速)
warn = 1.0            # points short of the target (or the band's edge) still 滞后; more is 严重滞后
ahead = 0.0           # points beyond the target (or the band's edge) beyond which 超序时

[level]               # bounds on levels (PM2.5 < 28, 失业率 ≤ 5.5 %)
warn = 0.10           # share beyond the bound still 滞后; more is 严重滞后
ahead = 0.05          # share better than the bound from which 超序时

[reporting]           # 报送
frequency = "month"   # default reporting period: month, quarter, half, year
deadline_day = 25     # a period's report is due by this day …
deadline_months = 1   # … of the month this many months after the period ends
unreported_light = "red"  # light of 未报送: red, yellow or none
"""

_KEYS: dict[tuple[str, str], str] = {
    ("progress", "mode"): "mode",
    ("progress", "basis"): "basis",
    ("progress", "ahead"): "ahead",
    ("progress", "on_track_lag"): "on_track_lag",
    ("progress", "severe_lag"): "severe_lag",
    ("progress", "on_track_ratio"): "on_track_ratio",
    ("progress", "severe_ratio"): "severe_ratio",
    ("band", "relative"): "band_relative",
    ("band", "points"): "band_points",
    ("rate", "warn"): "rate_warn",
    ("rate", "ahead"): "rate_ahead",
    ("level", "warn"): "level_warn",
    ("level", "ahead"): "level_ahead",
    ("reporting", "frequency"): "frequency",
    ("reporting", "deadline_day"): "deadline_day",
    ("reporting", "deadline_months"): "deadline_months",
    ("reporting", "unreported_light"): "unreported_light",
}
_CHOICES = {
    "mode": ("points", "ratio"),
    "basis": ("months", "days"),
    "frequency": ("month", "quarter", "half", "year"),
    "unreported_light": ("red", "yellow", "none"),
}
_TYPES = {field.name: field.type for field in fields(Rules)}


def load_rules(path: str | Path) -> Rules:
    """Rules from a TOML file; keys it leaves out keep their defaults."""
    file = Path(path)
    if not file.is_file():
        raise RulesError("规则文件不存在 (rules file not found)", path=str(path))
    try:
        document = tomllib.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RulesError(f"规则文件不是有效的 TOML (not valid TOML): {error}", path=str(path)) from error
    return rules_from_dict(document, where=str(path))


def rules_from_dict(
    document: dict[str, Any], *, base: Rules = DEFAULT_RULES, where: str | None = None
) -> Rules:
    """Rules from a parsed document (``{"progress": {"severe_lag": 25}, …}``) over ``base``."""
    changes: dict[str, Any] = {}
    for section, table in document.items():
        if not isinstance(table, dict) or not any(key[0] == section for key in _KEYS):
            raise RulesError(
                f"未知的规则节 (unknown section) [{section}]",
                hint="可用节: [progress] [band] [rate] [level] [reporting]",
                path=where,
            )
        for key, value in table.items():
            name = _KEYS.get((section, key))
            if name is None:
                known = ", ".join(k for s, k in _KEYS if s == section)
                raise RulesError(
                    f"[{section}] 中未知的键 (unknown key) {key!r}", hint=f"可用: {known}", path=where
                )
            changes[name] = _checked(section, key, name, value, where)
    rules = replace(base, **changes)
    _check_order(rules, where)
    return rules


def _checked(section: str, key: str, name: str, value: Any, where: str | None) -> Any:
    kind = _TYPES[name]
    label = f"[{section}] {key}"
    if kind == "str":
        if value not in _CHOICES[name]:
            raise RulesError(f"{label} 应取 {', '.join(_CHOICES[name])} (got {value!r})", path=where)
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise RulesError(f"{label} 应为整数 (must be an integer), got {value!r}", path=where)
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise RulesError(f"{label} 应为非负数 (must be a non-negative number), got {value!r}", path=where)
    return float(value)


def _check_order(rules: Rules, where: str | None) -> None:
    problems = []
    if rules.on_track_lag > rules.severe_lag:
        problems.append("on_track_lag ≤ severe_lag")
    if not 0 < rules.severe_ratio <= rules.on_track_ratio <= 1:
        problems.append("0 < severe_ratio ≤ on_track_ratio ≤ 1")
    if rules.band_relative >= 1:
        problems.append("[band] relative < 1")
    if not 1 <= rules.deadline_day <= 31:
        problems.append("1 ≤ deadline_day ≤ 31")
    if not 0 <= rules.deadline_months <= 12:
        problems.append("0 ≤ deadline_months ≤ 12")
    if problems:
        raise RulesError(f"阈值顺序不对 (thresholds out of order): need {'; '.join(problems)}", path=where)
