"""The composite index (综合指数) of a period's air quality, in its two definitions.

- ``ranking`` (default): the city-ranking rule (《城市环境空气质量排名技术规定》, 环办〔2014〕
  64号, revised 环办监测〔2018〕19号) [B: from provincial bulletins' notes and several
  implementations, the rule's text not read]: I_i = C_i / S_i with SO2, NO2, PM10, PM2.5 the
  period mean over the annual 二级 limit, O3 the MDA8 90th percentile over 160, CO the 24-hour
  95th percentile over 4; I_sum = Σ I_i to two decimals. Example from a published note:
  21/35 + 39/70 + 9/60 + 15/40 + 192/160 + 0.7/4 = 3.06.
- ``hj663``: HJ 663—2013 附录 C (informative) [A]: I_i = max(annual mean / annual limit,
  percentile / 24-hour limit) for SO2, NO2, PM10, PM2.5; CO and O3 their percentile over the
  daily (8-hour) limit; I_sum = Σ I_i and I_max = max I_i.

The sum is taken over exact fractions and rounded once (GB/T 8170, two decimals). A weighted
variant attributed to HJ 663—2026 (PM2.5 ×3, NO2 ×2, O3 ×2) is not implemented: it is
unverified [C].
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from luoshi.environment.air.pollutants import Pollutant
from luoshi.environment.air.standards import AirLimits
from luoshi.environment.air.statistics import ratio, to_places

__all__ = ["VARIANTS", "CompositeIndex", "composite_index"]

VARIANTS = ("ranking", "hj663")
_ORDER = (Pollutant.SO2, Pollutant.NO2, Pollutant.CO, Pollutant.O3, Pollutant.PM10, Pollutant.PM25)


@dataclass(frozen=True)
class CompositeIndex:
    """I_sum (``value``) and I_max of a period, with each single index I_i (两位小数)."""

    variant: str
    value: Decimal | None
    maximum: Decimal | None
    parts: dict[Pollutant, Decimal | None]


def _scale(value: int, pollutant: Pollutant) -> Decimal:
    return Decimal(value).scaleb(-pollutant.places)


def composite_index(
    means: dict[Pollutant, Decimal | None],
    percentiles: dict[Pollutant, Decimal | None],
    limits: AirLimits,
    variant: str = "ranking",
) -> CompositeIndex:
    """The composite index from a period's means and percentiles (None where missing).

    ``limits`` should be the 二级 limits; a missing figure leaves I_sum undefined.
    """
    if variant not in VARIANTS:
        raise ValueError(f"composite index variant must be one of {VARIANTS}, not {variant!r}")
    parts: dict[Pollutant, Fraction | None] = {}
    for p in _ORDER:
        if p is Pollutant.O3:
            c = percentiles.get(p)
            parts[p] = None if c is None else ratio(c, _scale(limits.o3_8h, p))
        elif p is Pollutant.CO:
            c = percentiles.get(p)
            parts[p] = None if c is None else ratio(c, _scale(limits.daily[p], p))
        else:
            mean = means.get(p)
            by_mean = None if mean is None else ratio(mean, _scale(limits.annual[p], p))
            if variant == "ranking":
                parts[p] = by_mean
            else:
                c = percentiles.get(p)
                by_day = None if c is None else ratio(c, _scale(limits.daily[p], p))
                parts[p] = None if by_mean is None or by_day is None else max(by_mean, by_day)
    known = [v for v in parts.values() if v is not None]
    complete = len(known) == len(parts)
    return CompositeIndex(
        variant=variant,
        value=to_places(sum(known, Fraction(0)), 2) if complete else None,
        maximum=to_places(max(known), 2) if complete else None,
        parts={p: None if v is None else to_places(v, 2) for p, v in parts.items()},
    )
