"""The dashboard's SVG charts: the picture, its text alternative and the same figures as text."""

from bs4 import BeautifulSoup

from portal.charts import bar_chart, line_chart, render_chart


def soup_of(chart):
    return BeautifulSoup(render_chart(chart), "html.parser")


def test_bar_chart_is_a_labelled_image_with_a_data_table():
    chart = bar_chart(
        "c1", "Dotazy podle tématu", "Dvě témata.", [("Bydlení", 6), ("Dluhy", 3)], "Téma", "Počet"
    )
    soup = soup_of(chart)
    svg = soup.find("svg")
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "c1-title c1-desc"
    assert soup.find(id="c1-title").get_text() == "Dotazy podle tématu"
    assert soup.find(id="c1-desc").get_text() == "Dvě témata."
    widths = [int(rect["width"]) for rect in svg.find_all("rect")]
    assert widths[0] == 2 * widths[1]
    rows = [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in soup.tbody("tr")]
    assert rows == [["Bydlení", "6"], ["Dluhy", "3"]]
    assert soup.find("details").summary is not None
    assert soup.find("script") is None and "style=" not in str(soup)


def test_bar_chart_shortens_long_labels_only_in_the_picture():
    label = "Velmi dlouhý název tématu, který se do grafu nevejde celý"
    soup = soup_of(bar_chart("c2", "T", "D", [(label, 1)], "Téma", "Počet"))
    assert soup.find("svg").find("text").get_text().endswith("…")
    assert soup.tbody.th.get_text() == label


def test_line_chart_plots_points_left_to_right_and_scales_to_a_round_top():
    chart = line_chart("c3", "Odběratelé", "Růst.", [("1. 11.", 0), ("8. 11.", 5)], "Týden", "N")
    soup = soup_of(chart)
    circles = soup.find_all("circle")
    assert [circle.title.get_text() for circle in circles] == ["1. 11.: 0", "8. 11.: 5"]
    assert float(circles[0]["cx"]) < float(circles[1]["cx"])
    # 5 is the top of the scale: the second point sits on the top grid line.
    grid = {text.get_text() for text in soup.find_all("text")}
    assert {"0", "5"} <= grid
    assert float(circles[1]["cy"]) < float(circles[0]["cy"])


def test_empty_chart_says_so_in_words():
    soup = soup_of(bar_chart("c4", "Hledání", "Nic nechybělo.", [], "Dotaz", "Počet"))
    assert soup.find("svg") is None
    assert "Nic nechybělo." in soup.get_text()
