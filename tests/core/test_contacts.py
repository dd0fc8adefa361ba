"""Contact extraction: the seed expectations, the scored corpus, and synthetic contact blocks.

Synthetic blocks use invented people, companies and 555 numbers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from irviewer.core.extract.contacts import extract_contacts
from irviewer.core.extract.contacts_text import parse_labels, split_pieces
from irviewer.core.extract.contacts_words import find_phones, is_name
from irviewer.core.ingest import read_document
from irviewer.core.ingest.base import Line
from irviewer.core.records import Contact


def _lines(text: str) -> list[Line]:
    return [Line(t) for t in text.strip("\n").split("\n")]


def _run(text: str, company: str | None = "Acme Widgets, Inc.") -> list[Contact]:
    return extract_contacts(_lines(text), company)


def _short(contacts: list[Contact]) -> list[tuple]:
    return [(c.role, c.name, c.organization, c.phone, c.email) for c in contacts]


# --- seeds ----------------------------------------------------------------------------------


def _seed_contacts(seed_path, prefix: str) -> list[Contact]:
    raw = read_document(seed_path(prefix))
    return extract_contacts(raw.lines, None)


def test_seed_003_has_exactly_the_three_printed_contacts(seed_path) -> None:
    assert _short(_seed_contacts(seed_path, "003")) == [
        ("investor", "Sarah Kiely", "ImmunoGen, Inc.", "781-895-0600",
         "sarah.kiely@immunogen.com"),
        ("media", "Amy Reilly", "ImmunoGen, Inc.", "781-895-0138", "amy.reilly@immunogen.com"),
        ("media", "Robert Stanislaro", "FTI Consulting, Inc.", "212-850-5657",
         "robert.stanislaro@fticonsulting.com"),
    ]


def test_seed_002_stacked_blocks_with_agency_media_contact(seed_path) -> None:
    assert _short(_seed_contacts(seed_path, "002")) == [
        ("investor", "Carol Hausner", "ImmunoGen, Inc.", "781-895-0600", "info@immunogen.com"),
        ("media", "Dan Budwick", "Pure Communications, Inc.", "973-271-6085", None),
    ]


def test_seed_004_one_line_block_and_no_prospectus_numbers(seed_path) -> None:
    contacts = _seed_contacts(seed_path, "004")
    assert contacts == [Contact(
        role="investor",
        name="Carol Hausner",
        organization="ImmunoGen, Inc.",
        title="Executive Director, Investor Relations and Corporate Communications",
        phone="781-895-0600",
        email="info@immunogen.com",
    )]


def test_seed_000_ethics_hotline_is_not_a_contact(seed_path) -> None:
    assert [c for c in _seed_contacts(seed_path, "000") if c.role in ("investor", "media")] == []


def test_seed_003_contacts_survive_the_pipeline(seed_path) -> None:
    from irviewer.core.pipeline import parse_file

    names = [c.name for c in parse_file(seed_path("003")).contacts]
    assert names == ["Sarah Kiely", "Amy Reilly", "Robert Stanislaro"]


# --- scored corpus --------------------------------------------------------------------------

_SUFFIX = r"\b(inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|holdings?|sa|ag|nv)\b"


def _norm(s: str | None) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", (s or "").casefold()).split())


def _norm_org(s: str | None) -> str:
    return " ".join(re.sub(_SUFFIX, " ", _norm(re.sub(r"\(.*?\)", " ", s or ""))).split())


def _digits(s: str | None) -> str:
    d = re.sub(r"\D", "", s or "")
    return d[-10:] if len(d) >= 10 else d[-7:]


def _key(c: dict) -> tuple:
    return (c["role"], _norm(c["name"]), _digits(c["phone"]), (c["email"] or "").casefold(),
            _norm_org(c["organization"]))


# 22's contacts exist only in JPEG scans, so a text extractor cannot see them.
_CORPUS_IDS = [f"{i:02d}" for i in range(1, 28) if i != 22]


@pytest.mark.parametrize("doc_id", _CORPUS_IDS)
def test_corpus_contacts_match_truth(corpus_dir: Path, doc_id: str) -> None:
    truth = json.loads((corpus_dir / "truth" / f"{doc_id}.json").read_text())
    (path,) = sorted((corpus_dir / "files").glob(f"{doc_id}_*"))
    raw = read_document(path)
    got = extract_contacts(raw.lines, truth.get("company"))
    assert sorted(_key(c.to_json()) for c in got) == sorted(
        _key(c) for c in truth.get("contacts") or []
    )


# --- lexical pieces -------------------------------------------------------------------------


def test_phones_are_kept_as_printed() -> None:
    text = "+33 (0)1 55 50 01 00 212.555.0147 +1-617-555-0199 (617) 555-0123"
    assert [p for _, _, p in find_phones(text)] == [
        "+33 (0)1 55 50 01 00", "212.555.0147", "+1-617-555-0199", "(617) 555-0123",
    ]


def test_table_figures_are_not_phones() -> None:
    assert find_phones("Revenue 1,427 848 2,781 1,620 and 2016 2015 2016 2015") == []


def test_flattened_label_row_yields_one_label_per_column() -> None:
    labels = parse_labels("Media - North Region Media - South Region Investors")
    assert [(p.role, p.text) for p in labels] == [
        ("media", "Media - North Region"), ("media", "Media - South Region"),
        ("investor", "Investors"),
    ]


def test_both_audiences_label_and_organisation_prefix() -> None:
    (label,) = parse_labels("Zenith Investor Relations and Media Contact")
    assert (label.role, label.org) == ("both", "Zenith")


def test_prose_is_not_a_label() -> None:
    assert parse_labels("For more information about the offer, please contact the agent") is None


def test_names_titles_and_orgs_are_told_apart() -> None:
    pieces = split_pieces("Orbit Labs, Inc. Dana K. Whitfield, 617-555-0100 Senior Director, "
                          "Investor Relations dana@orbitlabs.com")
    assert [(p.kind, p.text) for p in pieces] == [
        ("org", "Orbit Labs, Inc."),
        ("name", "Dana K. Whitfield"),
        ("phone", "617-555-0100"),
        ("title", "Senior Director, Investor Relations"),
        ("email", "dana@orbitlabs.com"),
    ]
    assert is_name("Christine Regan Lindenboom")
    assert not is_name("Vice President Investor Relations")


# --- synthetic blocks -----------------------------------------------------------------------


def test_stacked_blocks_with_or_and_agency() -> None:
    text = """
About Acme Widgets, Inc.
Acme Widgets, Inc. makes widgets.

For Investors:
Acme Widgets, Inc.
Dana Whitfield, 617-555-0100
dana.whitfield@acmewidgets.com

or

For Media:
Acme Widgets, Inc.
Lee Marsh, 617-555-0101
lee.marsh@acmewidgets.com
or
Brightline Communications, Inc.
Sam Ortiz, 212-555-0102
sam.ortiz@brightline.com

Source: Acme Widgets, Inc.
"""
    assert _short(_run(text)) == [
        ("investor", "Dana Whitfield", "Acme Widgets, Inc.", "617-555-0100",
         "dana.whitfield@acmewidgets.com"),
        ("media", "Lee Marsh", "Acme Widgets, Inc.", "617-555-0101", "lee.marsh@acmewidgets.com"),
        ("media", "Sam Ortiz", "Brightline Communications, Inc.", "212-555-0102",
         "sam.ortiz@brightline.com"),
    ]


def test_one_line_unlabelled_block_takes_its_role_from_the_title() -> None:
    text = ("Acme Widgets, Inc. Dana Whitfield, 617-555-0100 Senior Director, Corporate "
            "Communications press@acmewidgets.com")
    (contact,) = _run(text)
    assert (contact.role, contact.name, contact.title) == (
        "media", "Dana Whitfield", "Senior Director, Corporate Communications")


def test_run_in_contacts_on_one_paragraph() -> None:
    text = ("For more information: Investors: Dana Whitfield, (617) 555-0100, "
            "ir@acmewidgets.com; Media: Lee Marsh, (617) 555-0101, media@acmewidgets.com")
    assert _short(_run(text)) == [
        ("investor", "Dana Whitfield", "Acme Widgets, Inc.", "(617) 555-0100",
         "ir@acmewidgets.com"),
        ("media", "Lee Marsh", "Acme Widgets, Inc.", "(617) 555-0101", "media@acmewidgets.com"),
    ]


def test_three_column_grid_flattened_by_pdf_text() -> None:
    text = """
Contact Information
Investors
Dana Whitfield Mary Ann Cole Lee Q. Marsh
Head of Investor Relations Vice President Investor Relations Investor Relations Manager
Acme Acme Acme
+1 617 555 0100 +44 20 7946 0001 +1 212 555 0102
dana.whitfield@acme.example.com mcole@acme.example.com lee.marsh@acme.example.com
Media - Europe Media - Americas
Sam Ortiz Kim Lu
Northpoint PR Acme
+44 20 7946 0002 +1 212 555 0103
sortiz@northpoint.example.com kim.lu@acme.example.com
Acme Registered Office: 1 Example Street, Springfield
"""
    got = _run(text)
    assert _short(got) == [
        ("investor", "Dana Whitfield", "Acme", "+1 617 555 0100", "dana.whitfield@acme.example.com"),
        ("investor", "Mary Ann Cole", "Acme", "+44 20 7946 0001", "mcole@acme.example.com"),
        ("investor", "Lee Q. Marsh", "Acme", "+1 212 555 0102", "lee.marsh@acme.example.com"),
        ("media", "Sam Ortiz", "Northpoint PR", "+44 20 7946 0002", "sortiz@northpoint.example.com"),
        ("media", "Kim Lu", "Acme", "+1 212 555 0103", "kim.lu@acme.example.com"),
    ]
    assert [c.title for c in got[:3]] == [
        "Head of Investor Relations", "Vice President Investor Relations",
        "Investor Relations Manager",
    ]


def test_two_column_unnamed_mailboxes_with_dotted_phones() -> None:
    text = """
Contact: Media Relations Investor Relations
press@acme.example.com 212.555.0147 ir@acme.example.com 212.555.0148
"""
    assert _short(_run(text)) == [
        ("media", None, "Acme Widgets, Inc.", "212.555.0147", "press@acme.example.com"),
        ("investor", None, "Acme Widgets, Inc.", "212.555.0148", "ir@acme.example.com"),
    ]


def test_parenthesised_roles_before_the_headline() -> None:
    text = """
Contacts: Acme Widgets, Inc.
Dana Whitfield
(Investors and Media)
+1-617-555-0100
Lee Marsh
(Investors)
+1-617-555-0101
Acme Widgets Announces a Partnership With Example Corp to Develop New Widgets for Everyone
"""
    assert _short(_run(text)) == [
        ("investor", "Dana Whitfield", "Acme Widgets, Inc.", "+1-617-555-0100", None),
        ("investor", "Lee Marsh", "Acme Widgets, Inc.", "+1-617-555-0101", None),
    ]


def test_department_label_under_the_name_with_tel_and_email_prefixes() -> None:
    text = """
For more information, please contact:
Dana Whitfield
Acme Global Press Office
Tel.: +33 (0)1 55 50 01 00
E-mail: dana.whitfield@acme.example.com
Lee Marsh
Acme Investor Relations
Tel.: +33 (0)1 55 50 01 01
Fax: +33 (0)1 55 50 01 99
E-mail: lee.marsh@acme.example.com
About Acme
"""
    assert _short(_run(text)) == [
        ("media", "Dana Whitfield", "Acme", "+33 (0)1 55 50 01 00",
         "dana.whitfield@acme.example.com"),
        ("investor", "Lee Marsh", "Acme", "+33 (0)1 55 50 01 01", "lee.marsh@acme.example.com"),
    ]


def test_contact_us_card_pairs_department_phones_with_people() -> None:
    text = """
Contact Us
Investor Relations
(617) 555-0100
Corporate Communications
(617) 555-0101
Dana Whitfield
ir@acme.example.com
Lee Marsh
lee.marsh@acme.example.com
"""
    got = _run(text)
    assert [(c.role, c.name, c.title, c.phone, c.email) for c in got] == [
        ("investor", "Dana Whitfield", "Investor Relations", "(617) 555-0100",
         "ir@acme.example.com"),
        ("media", "Lee Marsh", "Corporate Communications", "(617) 555-0101",
         "lee.marsh@acme.example.com"),
    ]


def test_plain_contact_label_gives_role_other() -> None:
    text = """
For more information, contact:
Dana Whitfield
Head of Investor Relations
617.555.0100
"""
    assert _short(_run(text)) == [
        ("other", "Dana Whitfield", "Acme Widgets, Inc.", "617.555.0100", None)
    ]


def test_both_audiences_label_makes_investor_and_outside_agency_media() -> None:
    text = """
Contacts
Media and Investor Relations
Dana Whitfield
Vice President, Investor Relations
investors@acmewidgets.com
Northpoint for Acme Widgets, Inc.
acme@northpoint.example.com
"""
    assert [(c.role, c.name, c.organization) for c in _run(text)] == [
        ("investor", "Dana Whitfield", "Acme Widgets"),
        ("media", None, "Northpoint for Acme Widgets, Inc."),
    ]


def test_unlabelled_press_mailbox_is_media() -> None:
    text = """
About Acme Widgets
Acme Widgets makes widgets for people who need widgets every single day of the year.
press@acmewidgets.com
###
"""
    assert _short(_run(text)) == [
        ("media", None, "Acme Widgets", None, "press@acmewidgets.com")
    ]


def test_label_words_broken_one_per_line() -> None:
    text = """
Media
Contact:
press@acme.example.com
Investor
Relations
Contact:
ir@acme.example.com
"""
    assert [(c.role, c.email) for c in _run(text)] == [
        ("media", "press@acme.example.com"), ("investor", "ir@acme.example.com"),
    ]


def test_organisation_prefixed_labels_and_or_lines() -> None:
    text = """
Acme Investor Contact
Dana Whitfield
(617) 555-0100
or
Lee Marsh
(617) 555-0101
Orbit Media Contact
Sam Ortiz
sam.ortiz@orbit.example.com
"""
    assert _short(_run(text)) == [
        ("investor", "Dana Whitfield", "Acme", "(617) 555-0100", None),
        ("investor", "Lee Marsh", "Acme", "(617) 555-0101", None),
        ("media", "Sam Ortiz", "Orbit", None, "sam.ortiz@orbit.example.com"),
    ]


def test_numbers_that_are_not_contacts_stay_out() -> None:
    text = """
Conference Call Information
Acme will host a conference call today at 8:00 a.m. ET. To access the call, dial
(877) 555-0100 (domestic) or (412) 555-0101 (international); the conference ID is 1234567.
Domestic: 1-877-555-0102
Information Agent:
Example Proxy & Co., Inc.
(800) 555-0103
Copies of the prospectus may be obtained from Example Securities LLC, Attn: Prospectus
Department, by telephone at 866-555-0104 or by email at prospectus@example.com.
Violations may be reported through our ethics hotline at 1-866-555-0105.
"""
    assert _run(text) == []


def test_heading_after_the_contacts_ends_the_block() -> None:
    text = """
Contact:
Dana Whitfield
(617) 555-0100

Conference Call
Domestic: 877-555-0100
International: 412-555-0101
"""
    assert _short(_run(text)) == [
        ("other", "Dana Whitfield", "Acme Widgets, Inc.", "(617) 555-0100", None)
    ]


def test_name_with_title_or_company_on_the_same_line() -> None:
    text = """
Investor Contact:
Dana Whitfield – Vice President, Investor Relations
dana@acmewidgets.com
Media Contact:
Lee Marsh, Brightline Communications, Inc., 212-555-0102
"""
    got = _run(text)
    assert [(c.role, c.name, c.title, c.organization, c.phone) for c in got] == [
        ("investor", "Dana Whitfield", "Vice President, Investor Relations", "Acme Widgets, Inc.",
         None),
        ("media", "Lee Marsh", None, "Brightline Communications, Inc.", "212-555-0102"),
    ]


def test_title_wrapped_onto_a_second_line() -> None:
    text = """
Investors:
Dana Whitfield
Senior Director, Investor Relations and Corporate
Communications
Acme Widgets, Inc.
617-555-0100
dana@acmewidgets.com
"""
    (contact,) = _run(text)
    assert (contact.role, contact.name, contact.title, contact.email) == (
        "investor", "Dana Whitfield",
        "Senior Director, Investor Relations and Corporate Communications",
        "dana@acmewidgets.com",
    )


def test_name_followed_by_agency_without_a_company_suffix() -> None:
    text = ("Investors: Dana Whitfield, 617-555-0100, ir@acmewidgets.com\n"
            "Media: Lee Marsh, Bluewater Communications, 212-555-0102, acme@bluewater.com")
    assert _short(_run(text)) == [
        ("investor", "Dana Whitfield", "Acme Widgets, Inc.", "617-555-0100", "ir@acmewidgets.com"),
        ("media", "Lee Marsh", "Bluewater Communications", "212-555-0102", "acme@bluewater.com"),
    ]


def test_contact_label_with_name_and_firm_on_one_line() -> None:
    text = "Contact: Dana Whitfield, Orbit Labs, 617-555-0100, dana@orbitlabs.com"
    assert _short(_run(text)) == [
        ("other", "Dana Whitfield", "Orbit Labs", "617-555-0100", "dana@orbitlabs.com")
    ]


def test_duplicate_block_is_reported_once() -> None:
    block = """
Contacts
Investor Relations
Dana Whitfield
ir@acme.example.com
"""
    assert len(_run(block + "Some more text in between that is plainly a sentence, not a contact."
                    + block)) == 1


def test_html_table_grid_is_read_by_cell() -> None:
    lines = [
        Line("Investor Contact: Media Contact:", 1, ("Investor Contact:", "Media Contact:"), 0),
        Line("Dana Whitfield Lee Marsh", 1, ("Dana Whitfield", "Lee Marsh"), 0),
        Line("(617) 555-0100", 1, ("(617) 555-0100", ""), 0),
        Line("ir@acme.example.com lee@acme.example.com", 1,
             ("ir@acme.example.com", "lee@acme.example.com"), 0),
    ]
    assert _short(extract_contacts(lines, "Acme Widgets, Inc.")) == [
        ("investor", "Dana Whitfield", "Acme Widgets, Inc.", "(617) 555-0100",
         "ir@acme.example.com"),
        ("media", "Lee Marsh", "Acme Widgets, Inc.", None, "lee@acme.example.com"),
    ]


def test_fixed_width_text_columns_with_a_gap() -> None:
    text = """
Investor Contact:                 Media Contact:
Dana Whitfield                    Lee Marsh
                                  Brightline PR
(617) 555-0100                    (212) 555-0102
dana@acmewidgets.com              lee@brightline.com
"""
    assert _short(_run(text)) == [
        ("investor", "Dana Whitfield", "Acme Widgets, Inc.", "(617) 555-0100",
         "dana@acmewidgets.com"),
        ("media", "Lee Marsh", "Brightline PR", "(212) 555-0102", "lee@brightline.com"),
    ]


def test_block_continues_over_a_page_break() -> None:
    lines = [
        Line("Investor Contact:", 6),
        Line("Dana Whitfield", 6),
        Line("- 6 -", 6),
        Line("Acme Widgets Second Quarter 2026 Results", 7),
        Line("(617) 555-0100", 7),
        Line("dana@acmewidgets.com", 7),
        Line("Acme Widgets sells widgets in 40 countries and employs 3,000 people.", 7),
    ]
    assert _short(extract_contacts(lines, "Acme Widgets, Inc.")) == [
        ("investor", "Dana Whitfield", "Acme Widgets", "(617) 555-0100", "dana@acmewidgets.com"),
    ]


def test_organisation_from_mail_domain_is_the_short_company_name() -> None:
    text = """
Nimbus Energy Corporation (NYSE: NMB) reported results. Nimbus grew.
Media Relations
media.relations@nimbus.com
"""
    (contact,) = extract_contacts(_lines(text), "Nimbus Energy Corporation")
    assert contact.organization == "Nimbus"


def test_no_contacts_in_empty_input() -> None:
    assert extract_contacts([], None) == []
