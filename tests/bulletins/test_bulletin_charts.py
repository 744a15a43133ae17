"""The charts are PNG images drawn in a CJK face: every character drawn has a glyph in the
face matplotlib used (no tofu boxes), and matplotlib warns of no missing glyph."""

from __future__ import annotations

import io
import warnings

import pytest
from bulletin_helpers import synthetic_data
from PIL import Image

from luoshi.bulletins import OutputError
from luoshi.bulletins import fonts as fonts_module
from luoshi.bulletins.charts import draw_charts, grade_chart


def test_the_charts_font_has_every_glyph(sample_charts) -> None:
    from matplotlib.ft2font import FT2Font

    assert [chart.key for chart in sample_charts] == ["grades", "units"]
    for chart in sample_charts:
        assert "CJK" in chart.font.name or "Hei" in chart.font.name or "Han" in chart.font.name
        face = FT2Font(chart.font.path, face_index=chart.font.index)
        assert face.family_name == chart.font.name
        missing = {
            c for text in chart.texts for c in text if not c.isspace() and face.get_char_index(ord(c)) == 0
        }
        assert not missing, (chart.key, missing)
        assert any("\u4e00" <= c <= "\u9fff" for text in chart.texts for c in text)


def test_matplotlib_finds_the_same_face_and_warns_of_nothing(sample_data) -> None:
    from matplotlib import font_manager

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font" would fail here
        chart = grade_chart(sample_data)
    found = font_manager.findfont(
        font_manager.FontProperties(family=chart.font.name), fallback_to_default=False
    )
    assert found == chart.font.path


def test_the_pngs_are_images(sample_charts) -> None:
    for chart in sample_charts:
        image = Image.open(io.BytesIO(chart.png))
        assert image.format == "PNG" and image.width > 1000 and image.height > 300


def test_many_units_make_a_taller_chart() -> None:
    small, large = draw_charts(synthetic_data(6))[1], draw_charts(synthetic_data(60))[1]
    assert Image.open(io.BytesIO(large.png)).height > Image.open(io.BytesIO(small.png)).height


def test_no_cjk_font_is_a_clear_error(monkeypatch) -> None:
    from matplotlib import font_manager

    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    with pytest.raises(OutputError, match="no CJK font") as raised:
        fonts_module.chart_font()
    assert "fonts-noto-cjk" in raised.value.hint
