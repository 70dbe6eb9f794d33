"""Charts as inline SVG drawn on the server: no script, no CDN. Each chart has a title and a
description for screen readers, and its numbers in a table next to it. A suppressed value (a count
under 5) is drawn as a short grey hatched stub marked "<5", never as a bar of its real size."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from indicators.suppression import SUPPRESSED_LABEL

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 60, 8, 12, 40
COLOURS = ("#1f5a96", "#b3531a", "#2e7d4f")  # dark enough for white gaps and 3:1 against white


def _pattern(chart_id: str) -> str:
    return (
        f'<defs><pattern id="{chart_id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e4e4e4"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" stroke-width="2"/></pattern></defs>'
    )


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return SUPPRESSED_LABEL
    whole = unit != "%" and float(value).is_integer()
    text = str(int(value)) if whole else f"{value:.1f}".replace(".", ",")
    return f"{text} %" if unit == "%" else text


def _week_label(week: str) -> str:
    return "s" + week.split("-W")[1]  # "2026-W49" → "s49"


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    weeks: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    unit: str = "",
    maximum: float | None = None,
) -> str:
    """Weekly bars, one group per week and one bar per series (a legend when several)."""
    values = [v for _, vals in series for v in vals if v is not None]
    top = maximum if maximum is not None else max([*values, 1.0])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    group_w = plot_w / max(len(weeks), 1)
    bar_w = group_w * 0.8 / len(series)
    parts = [_pattern(chart_id)]
    if not values:  # every week suppressed: no scale to read, say so
        parts.append(
            f'<text x="{LEFT + 8}" y="{TOP + plot_h / 2:.1f}" font-size="13" fill="#333">'
            f"Toutes les semaines sont masquées ({SUPPRESSED_LABEL}).</text>"
        )
    for fraction in (0.0, 0.5, 1.0) if values else (0.0,):
        y = TOP + plot_h * (1 - fraction)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#c8c8c8"/>'
        )
        parts.append(
            f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#333">'
            f"{escape(_number(top * fraction, unit))}</text>"
        )
    for w, week in enumerate(weeks):
        x0 = LEFT + w * group_w + group_w * 0.1
        for s, (_, vals) in enumerate(series):
            value = vals[w]
            x = x0 + s * bar_w
            if value is None:
                parts.append(
                    f'<rect x="{x:.1f}" y="{TOP + plot_h - 10:.1f}" width="{bar_w - 1:.1f}" height="10" fill="url(#{chart_id}-hatch)"/>'
                )
            else:
                h = plot_h * (value / top if top else 0)
                parts.append(
                    f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar_w - 1:.1f}" height="{h:.1f}" fill="{COLOURS[s % len(COLOURS)]}"/>'
                )
        parts.append(
            f'<text x="{x0 + group_w * 0.4:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle" '
            f'font-size="11" fill="#333">{escape(_week_label(week))}</text>'
        )
    if len(series) > 1:
        for s, (name, _) in enumerate(series):
            x = LEFT + s * 200
            parts.append(
                f'<rect x="{x}" y="{HEIGHT - 14}" width="10" height="10" fill="{COLOURS[s % len(COLOURS)]}"/>'
            )
            parts.append(
                f'<text x="{x + 14}" y="{HEIGHT - 5}" font-size="11" fill="#333">{escape(name)}</text>'
            )
    svg = (
        f'<svg role="img" aria-labelledby="{chart_id}-t {chart_id}-d" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(description)}</desc>{"".join(parts)}</svg>'
    )
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name, _ in series)
    body = "".join(
        f'<tr><th scope="row">{escape(week)}</th>'
        + "".join(f'<td class="n">{escape(_number(vals[w], unit))}</td>' for _, vals in series)
        + "</tr>"
        for w, week in enumerate(weeks)
    )
    table = (
        f"<details><summary>Les données de « {escape(title)} »</summary><table>"
        f'<thead><tr><th scope="col">Semaine</th>{head}</tr></thead><tbody>{body}</tbody></table></details>'
    )
    return f'<figure class="chart"><h3>{escape(title)}</h3>{svg}{table}</figure>'


def topic_bars(chart_id: str, title: str, rows: Sequence[tuple[str, int | None]]) -> str:
    """Horizontal bars, one per topic, with the value written at the end of each bar."""
    row_h, label_w = 24, 170
    height = max(len(rows), 1) * row_h + 8
    top = max([v for _, v in rows if v is not None] + [1])
    parts = [_pattern(chart_id)]
    for i, (name, value) in enumerate(rows):
        y = 4 + i * row_h
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12" fill="#333">{escape(name)}</text>'
        )
        width = 40 if value is None else (WIDTH - label_w - 60) * value / top
        fill = f"url(#{chart_id}-hatch)" if value is None else COLOURS[0]
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{width:.1f}" height="16" fill="{fill}"/>'
        )
        parts.append(
            f'<text x="{label_w + width + 6:.1f}" y="{y + 15}" font-size="12" fill="#333">{escape(_number(value, ""))}</text>'
        )
    description = (
        "; ".join(f"{name} : {_number(value, '')}" for name, value in rows) or "aucune donnée"
    )
    return (
        f'<figure class="chart"><h3>{escape(title)}</h3>'
        f'<svg role="img" aria-labelledby="{chart_id}-t {chart_id}-d" viewBox="0 0 {WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(description)}</desc>{"".join(parts)}</svg></figure>'
    )
