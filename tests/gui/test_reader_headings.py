"""Section headings in a body ('## ' paragraphs) render as headings, not as text with marks."""

from irviewer.gui.widgets.reader_html import body_blocks


def test_heading_paragraph_becomes_a_heading_block() -> None:
    body = "First paragraph ends here.\n\n## Recent Highlights\n\n• One item\n• Two item"
    assert body_blocks(body) == [
        ("p", ["First paragraph ends here."]),
        ("h", ["Recent Highlights"]),
        ("ul", ["One item", "Two item"]),
    ]
