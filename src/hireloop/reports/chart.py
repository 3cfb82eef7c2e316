"""Inline SVG charts for reports: no script, no external file, so they render the same in a browser and a PDF."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape


def competency_bars(rows: Sequence[tuple[str, float | None]], *, width: int = 560, bar_h: int = 22) -> str:
    """Horizontal bars of 1-5 scores, one per competency, with the 1..5 scale drawn behind them."""
    label_w, pad = 170, 8
    plot_w = width - label_w - 50
    height = pad * 2 + len(rows) * (bar_h + 8) + 18
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img">']
    for level in range(1, 6):
        x = label_w + plot_w * (level - 1) / 4
        parts.append(f'<line x1="{x:.1f}" y1="{pad}" x2="{x:.1f}" y2="{height - 18}" stroke="#ddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 4}" font-size="11" text-anchor="middle" fill="#666">{level}</text>')
    for i, (name, score) in enumerate(rows):
        y = pad + i * (bar_h + 8)
        parts.append(f'<text x="{label_w - 8}" y="{y + bar_h * 0.7:.1f}" font-size="13" text-anchor="end">'
                     f'{escape(name)}</text>')
        if score is None:
            parts.append(f'<text x="{label_w + 4}" y="{y + bar_h * 0.7:.1f}" font-size="12" fill="#999">–</text>')
            continue
        w = max(2.0, plot_w * (max(1.0, min(5.0, score)) - 1) / 4)
        colour = "#2f7d4f" if score >= 3.5 else "#c08a1e" if score >= 2.5 else "#b0413e"
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="3" fill="{colour}"/>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + bar_h * 0.7:.1f}" font-size="12">{score:.1f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def percentile_marker(percentile: float | None, *, width: int = 220, height: int = 18) -> str:
    """A 0-100 track with the norm's middle marked and the candidate's percentile as a dot."""
    if percentile is None:
        return ""
    x = 6 + (width - 12) * max(0.0, min(100.0, percentile)) / 100
    mid = width / 2
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="pct" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}"><rect x="6" y="{height / 2 - 2}" width="{width - 12}" height="4" fill="#ddd"/>'
            f'<line x1="{mid}" y1="2" x2="{mid}" y2="{height - 2}" stroke="#999"/>'
            f'<circle cx="{x:.1f}" cy="{height / 2}" r="5" fill="#2b5c9e"/></svg>')
