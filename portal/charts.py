"""Small server-rendered SVG charts for the admin dashboard, each with its text alternative.

A chart is an inline <svg role="img"> labelled by its own <title> and <desc>, followed by the
same figures as a table inside <details>, so that screen readers and people who prefer numbers
get everything the picture shows. No script, no inline style: the admin's CSP stays as it is.
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from wagtail.admin.ui.components import Component

WIDTH = 600
LABEL_WIDTH = 210
VALUE_WIDTH = 50
ROW_HEIGHT = 28
BAR_HEIGHT = 18
LABEL_CHARS = 30

LINE_HEIGHT = 220
LINE_LEFT = 48
LINE_RIGHT = 16
LINE_TOP = 16
LINE_BOTTOM = 32


@dataclass
class Chart:
    chart_id: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    items: list[tuple[str, int]]
    kind: str = "bar"
    width: int = WIDTH
    height: int = 0
    shapes: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(value for _label, value in self.items)

    @property
    def empty(self) -> bool:
        return not self.items


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(chart_id, title, description, items, label_heading, value_heading) -> Chart:
    """Horizontal bars, one row per (label, value): long labels stay readable."""
    chart = Chart(chart_id, title, description, label_heading, value_heading, list(items))
    largest = max((value for _label, value in chart.items), default=0) or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for row, (label, value) in enumerate(chart.items):
        y = row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2
        length = round(span * value / largest)
        bars.append(
            {
                "label": label,
                "short_label": _short(label),
                "value": number_format(value),
                "y": y,
                "text_y": y + BAR_HEIGHT - 4,
                "x": LABEL_WIDTH,
                "length": max(length, 1 if value else 0),
                "value_x": LABEL_WIDTH + length + 6,
            }
        )
    chart.height = max(len(bars), 1) * ROW_HEIGHT
    chart.shapes = {"bars": bars, "label_x": LABEL_WIDTH - 8}
    return chart


def _nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``value``."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def line_chart(chart_id, title, description, items, label_heading, value_heading) -> Chart:
    """A line over time, one point per (label, value), left to right."""
    chart = Chart(
        chart_id, title, description, label_heading, value_heading, list(items), kind="line"
    )
    chart.height = LINE_HEIGHT
    top = _nice_ceiling(max((value for _label, value in chart.items), default=0) or 1)
    plot_width = WIDTH - LINE_LEFT - LINE_RIGHT
    plot_height = LINE_HEIGHT - LINE_TOP - LINE_BOTTOM
    count = len(chart.items)
    points = []
    for index, (label, value) in enumerate(chart.items):
        x = LINE_LEFT + (plot_width * index / (count - 1) if count > 1 else plot_width / 2)
        y = LINE_TOP + plot_height * (1 - value / top)
        points.append(
            {
                "x": round(x, 1),
                "y": round(y, 1),
                "label": label,
                "value": number_format(value),
                # Every other label fits under the axis; the table has them all.
                "show_label": index % 2 == (count - 1) % 2,
            }
        )
    # A middle line only where its value is a whole number.
    shares = (0, 0.5, 1) if top % 2 == 0 else (0, 1)
    grid = [
        {
            "y": round(LINE_TOP + plot_height * (1 - share), 1),
            "value": number_format(int(share * top)),
        }
        for share in shares
    ]
    chart.shapes = {
        "points": points,
        "polyline": " ".join(f"{point['x']},{point['y']}" for point in points),
        "grid": grid,
        "left": LINE_LEFT,
        "right": WIDTH - LINE_RIGHT,
        "axis_y": LINE_TOP + plot_height,
        "label_y": LINE_HEIGHT - 10,
    }
    return chart


def render_chart(chart: Chart) -> SafeString:
    return render_to_string("portal/charts/chart.html", {"chart": chart})


class ChartPanel(Component):
    """A dashboard panel of one or more charts, with an optional link to the details."""

    template_name = "portal/charts/panel.html"

    class Media:
        css = {"all": ["css/admin-charts.css"]}

    def __init__(self, name, heading, charts, order=150, link_url="", link_text=""):
        self.name = name
        self.heading = heading
        self.charts = charts
        self.order = order
        self.link_url = link_url
        self.link_text = link_text

    def get_context_data(self, parent_context):
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "charts": [render_chart(chart) for chart in self.charts],
            "link_url": self.link_url,
            "link_text": self.link_text,
        }
