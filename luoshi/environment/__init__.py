"""Environmental indicators (环境指标) computed from raw monitoring data (监测数据).

Two packages, each a pure core over numpy arrays plus readers for the usual file formats:

- :mod:`luoshi.environment.air`: the air quality index (空气质量指数, AQI) of HJ 633—2012 and
  HJ 633—2026, daily values with the validity rules of GB 3095, and the annual evaluation
  (年度评价) of HJ 663—2013.
- :mod:`luoshi.environment.water`: surface-water classes (地表水水质类别) of GB 3838—2002 per
  item and per section (断面), and 达标 against each section's target class (水质目标).

Exact rounding (GB/T 8170 修约, round half to even on the decimal value) lives in
:mod:`luoshi.environment.rounding`, shared by both.
"""

from __future__ import annotations

__all__ = ["air", "rounding", "water"]
