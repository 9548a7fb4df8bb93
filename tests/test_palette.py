"""Colours: readable badges, and a legend that matches what the map draws."""

from __future__ import annotations

import pytest

from mapui.palette import (
    FILL_OPACITY,
    MAP_BACKGROUND,
    STATUS_STYLES,
    blend,
    contrast_ratio,
    relative_luminance,
    text_colour_on,
)


def test_wcag_contrast_of_known_pairs():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert relative_luminance("#FFFFFF") == pytest.approx(1)


@pytest.mark.parametrize("status", list(STATUS_STYLES))
def test_every_status_badge_has_text_of_at_least_4_5_to_1(status):
    style = STATUS_STYLES[status]
    assert style["textColor"] == text_colour_on(style["fillColor"])
    assert contrast_ratio(style["textColor"], style["fillColor"]) >= 4.5


def test_white_on_the_orange_green_and_pink_badges_was_too_faint():
    for status in ("government", "opposition", "kurdish"):
        assert contrast_ratio("#FFFFFF", STATUS_STYLES[status]["fillColor"]) < 4.5
        assert STATUS_STYLES[status]["textColor"] == "#000000"


def test_legend_swatches_are_the_colours_the_map_draws_over_its_tiles():
    assert blend("#000000", 0.5, over="#FFFFFF") == "#808080"
    for style in STATUS_STYLES.values():
        assert style["legendFill"] == blend(style["fillColor"], FILL_OPACITY["stated"], over=MAP_BACKGROUND)
        assert style["legendPaleFill"] == blend(style["fillColor"], FILL_OPACITY["low"], over=MAP_BACKGROUND)
        # the paler swatch is a paler version of its own colour, not one grey for all
        assert relative_luminance(style["legendPaleFill"]) > relative_luminance(style["legendFill"])
    assert len({style["legendPaleFill"] for style in STATUS_STYLES.values()}) == len(STATUS_STYLES)


def test_every_status_style_names_a_badge_text_colour_that_reads():
    from mapui.palette import contrast_ratio, styles_in_code_order

    for style in styles_in_code_order():
        assert contrast_ratio(style["textColor"], style["fillColor"]) >= 4.5, style["status"]
