"""The contacts sidebar: grouped cards, click-to-copy, mailto only on request."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QToolButton

from irviewer.core.records import Contact
from irviewer.gui.widgets import contacts_sidebar
from irviewer.gui.widgets.contacts_sidebar import EMPTY_TEXT, ContactsSidebar

CONTACTS = [
    Contact(
        "media", "Pat Sample", "Sample Communications", None, "555-010-9876", "pat@sample.example"
    ),
    Contact(
        "investor",
        "Jane Example",
        "Example Co.",
        "Head of IR",
        "+1 555 010 1234",
        "jane@example.com",
    ),
    Contact("investor", None, "Example Co.", "Investor Relations", None, "ir@example.com"),
    Contact("partners", "Chris Placeholder", None, None, "+33 1 23 45 67 89", None),
]


class FakeDesktop:
    """Stands in for QDesktopServices: records URLs instead of opening them."""

    def __init__(self) -> None:
        self.opened: list[QUrl] = []

    def openUrl(self, url: QUrl) -> bool:  # noqa: N802 (Qt's name)
        self.opened.append(url)
        return True


@pytest.fixture
def desktop(monkeypatch) -> FakeDesktop:
    fake = FakeDesktop()
    monkeypatch.setattr(contacts_sidebar, "QDesktopServices", fake)
    return fake


@pytest.fixture
def sidebar(qtbot, desktop) -> ContactsSidebar:
    widget = ContactsSidebar()
    qtbot.addWidget(widget)
    widget.resize(300, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_contacts(CONTACTS)
    return widget


def texts(sidebar: ContactsSidebar) -> list[tuple[str, str]]:
    return [(b.field, b.value) for b in sidebar.value_labels()]


def test_empty_state(qtbot):
    widget = ContactsSidebar()
    qtbot.addWidget(widget)
    assert widget.contact_count() == 0
    assert widget._pages.currentIndex() == 0
    assert widget._empty.text() == EMPTY_TEXT


def test_contacts_are_grouped_by_role_investor_first(sidebar):
    assert sidebar.contact_count() == 4
    groups = [
        label.text() for label in sidebar.findChildren(contacts_sidebar.QLabel, "contactsGroup")
    ]
    assert groups == ["INVESTOR RELATIONS  ·  2", "MEDIA  ·  1", "OTHER CONTACTS  ·  1"]
    assert [card.contact.name for card in sidebar.cards()] == [
        "Jane Example",
        None,
        "Pat Sample",
        "Chris Placeholder",
    ]
    assert texts(sidebar)[:5] == [
        ("name", "Jane Example"),
        ("title", "Head of IR"),
        ("organization", "Example Co."),
        ("phone", "+1 555 010 1234"),
        ("email", "jane@example.com"),
    ]


def test_unnamed_contact_leads_with_its_title_in_bold(sidebar):
    card = sidebar.cards()[1]
    first = card.value_labels()[0]
    assert (first.field, first.value) == ("title", "Investor Relations")
    assert first.font().bold()
    assert not card.value_labels()[1].font().bold()


def test_clicking_a_value_copies_it_and_reports(qtbot, sidebar, desktop):
    phone = next(b for b in sidebar.value_labels() if b.value == "555-010-9876")
    with qtbot.waitSignal(sidebar.copied) as blocker:
        qtbot.mouseClick(phone, Qt.MouseButton.LeftButton)
    assert blocker.args == ["555-010-9876"]
    assert QGuiApplication.clipboard().text() == "555-010-9876"
    email = next(b for b in sidebar.value_labels() if b.field == "email")
    qtbot.mouseClick(email, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "jane@example.com"  # no display break marks
    assert desktop.opened == []  # copying never opens the mail app


def test_keyboard_space_copies_a_focused_value(qtbot, sidebar):
    name = sidebar.value_labels()[0]
    with qtbot.waitSignal(sidebar.copied) as blocker:
        qtbot.keyClick(name, Qt.Key.Key_Space)
    assert blocker.args == ["Jane Example"]


def test_mail_button_opens_mailto_only_when_clicked(qtbot, sidebar, desktop):
    assert desktop.opened == []
    buttons = sidebar.findChildren(QToolButton, "mailButton")
    assert len(buttons) == 3  # one per email
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert [url.toString() for url in desktop.opened] == ["mailto:jane@example.com"]


def test_set_contacts_replaces_the_cards(sidebar):
    sidebar.set_contacts(CONTACTS[:1])
    assert sidebar.contact_count() == 1
    assert [b.value for b in sidebar.value_labels()] == [
        "Pat Sample",
        "Sample Communications",
        "555-010-9876",
        "pat@sample.example",
    ]
    sidebar.set_contacts([])
    assert sidebar._pages.currentIndex() == 0


def _printed_details(text: str, name: str) -> tuple[str, str]:
    """The phone on the seed's line naming `name` and the first email after it."""
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if name in line)
    phone = re.search(r"\d{3}-\d{3}-\d{4}", lines[at])
    email = next(m for line in lines[at:] if (m := re.search(r"[\w.+-]+@[\w.-]+\.\w+", line)))
    assert phone is not None
    return phone.group(0), email.group(0)


def test_sidebar_shows_seed_003_contacts(qtbot, seed_path):
    """Runs the real pipeline on seed 003 (needs the contacts extractor).

    Each shown contact's phone and email must be the ones printed next to its name in the
    seed (read at run time: no text of the seed is copied here).
    """
    from irviewer.core.pipeline import parse_file

    path = seed_path("003")
    document = parse_file(path)
    widget = ContactsSidebar()
    qtbot.addWidget(widget)
    widget.set_contacts(document.contacts)
    assert widget.contact_count() == 3
    printed = path.read_text(encoding="utf-8", errors="replace")
    names = []
    for card in widget.cards():
        values = {b.field: b.value for b in card.value_labels()}
        name = values.get("name")
        assert name and name in printed
        names.append(name)
        assert (values.get("phone"), values.get("email")) == _printed_details(printed, name)
    assert len(set(names)) == 3


# -- one-line emails ---------------------------------------------------------------------------


def email_label(sidebar: ContactsSidebar) -> contacts_sidebar.CopyValueLabel:
    return next(b for b in sidebar.value_labels() if b.field == "email")


def one_line_height(label) -> int:
    margins = label.contentsMargins()
    return label.fontMetrics().height() + margins.top() + margins.bottom() + 2


def test_an_email_that_fits_shows_whole_on_one_line_at_the_dock_width(qtbot, desktop):
    widget = ContactsSidebar()
    qtbot.addWidget(widget)
    widget.resize(260, 400)  # the main window's default dock width
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_contacts(
        [Contact("investor", "Ann Lee", None, None, None, "ir@acme-widgets.example")]
    )
    label = email_label(widget)
    qtbot.waitUntil(lambda: label.width() > 0)
    assert not label.wordWrap()
    assert label.text() == "ir@acme-widgets.example"
    assert not label.is_elided()
    assert label.height() <= one_line_height(label)
    assert label.toolTip() == contacts_sidebar.COPY_HINT


def test_a_long_email_elides_in_the_middle_with_the_whole_address_as_tooltip(qtbot, desktop):
    address = "investor.relations.department@a-very-long-company-name.example"
    widget = ContactsSidebar()
    qtbot.addWidget(widget)
    widget.resize(240, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_contacts([Contact("investor", "Ann Lee", None, None, None, address)])
    label = email_label(widget)
    qtbot.waitUntil(label.is_elided)
    shown = label.text()
    assert "\u2026" in shown
    head, tail = shown.split("\u2026")
    assert address.startswith(head) and address.endswith(tail) and head and tail
    assert label.height() <= one_line_height(label)
    assert address in label.toolTip()
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == address  # the whole address, not the shown text
    widget.resize(800, 400)
    qtbot.waitUntil(lambda: not label.is_elided())
    assert label.text() == address
    assert label.toolTip() == contacts_sidebar.COPY_HINT
