"""Text and model inputs for the fictional demo archive built by ``make_demo.py``.

Everything here is invented: Northwind Therapeutics, its people, products, partners,
trials and numbers do not exist. Phone numbers use the 555 range and e-mail/web
addresses use the reserved ``.example`` domain.
"""

from __future__ import annotations

from dataclasses import dataclass, field

COMPANY = "Northwind Therapeutics, Inc."
SHORT = "Northwind"
TICKER = "(Nasdaq: NWTX)"
CITY = "CAMBRIDGE, Mass."
WEB = "www.northwind-tx.example"
IR_WEB = "investors.northwind-tx.example"
DESCRIPTOR = (
    "a clinical-stage biopharmaceutical company developing oral and biologic therapies "
    "for fibrotic lung diseases"
)


@dataclass(frozen=True)
class Person:
    """A contact person."""

    name: str
    title: str
    org: str
    phone: str
    email: str


IR_A = Person(
    "Rachel Lindqvist",
    "Vice President, Investor Relations",
    COMPANY,
    "617-555-0142",
    "ir@northwind-tx.example",
)
IR_B = Person(
    "Daniel Okoro",
    "Senior Director, Investor Relations and Corporate Communications",
    COMPANY,
    "617-555-0119",
    "ir@northwind-tx.example",
)
MEDIA_A = Person(
    "Priya Castellano",
    "Account Director",
    "Harbor Street Communications",
    "212-555-0178",
    "northwind@harborstreet.example",
)
MEDIA_B = Person(
    "Owen Trask",
    "Senior Vice President",
    "Harbor Street Communications",
    "212-555-0163",
    "otrask@harborstreet.example",
)
CFO = Person(
    "Thomas Brandt",
    "Chief Financial Officer",
    COMPANY,
    "617-555-0104",
    "tbrandt@northwind-tx.example",
)
PARTNER_MEDIA = Person(
    "Lena Baumgartner",
    "Head of Corporate Communications",
    "Lindenhof Pharma AG",
    "+41 61 555 01 23",
    "media@lindenhof-pharma.example",
)


def ir_person(iso: str) -> Person:
    """Investor-relations contact in office on ``iso``."""
    return IR_A if iso < "2024-01-01" else IR_B


def media_person(iso: str) -> Person:
    """Agency media contact in office on ``iso``."""
    return MEDIA_A if iso < "2024-01-01" else MEDIA_B


def ceo(iso: str) -> tuple[str, str]:
    """(name, title) of the chief executive on ``iso``."""
    if iso < "2024-03-01":
        return "Margaret Halvorsen, Ph.D.", "President and Chief Executive Officer"
    return "Julian Achterberg, M.D.", "Chief Executive Officer"


def about(iso: str) -> str:
    """The 'About Northwind Therapeutics' paragraph as it read on ``iso``."""
    parts = [
        f"{COMPANY} is a clinical-stage biopharmaceutical company dedicated to developing "
        "new medicines for people living with fibrotic lung diseases. The company's lead "
        "product candidate, velcorastat (NWT-101), is an investigational, oral, selective "
        "inhibitor of Kestrel-family serine kinase 2 (KSK2), a signaling enzyme that "
        "Northwind believes drives the activation of lung fibroblasts."
    ]
    if iso < "2023-01-05":
        parts.append(
            "Velcorastat is being developed for the treatment of idiopathic pulmonary "
            "fibrosis (IPF)."
        )
    elif iso < "2024-12-03":
        parts.append(
            "Velcorastat has received Breakthrough Therapy designation from the U.S. "
            "Food and Drug Administration and is being evaluated in the global "
            "Phase 3 CIRRUS-IPF trial in idiopathic pulmonary fibrosis (IPF)."
        )
    elif iso < "2025-04-22":
        parts.append(
            "Velcorastat met the primary endpoint of the global Phase 3 CIRRUS-IPF "
            "trial in idiopathic pulmonary fibrosis (IPF)."
        )
    else:
        parts.append(
            "A New Drug Application for velcorastat in idiopathic pulmonary fibrosis "
            "(IPF) is under Priority Review by the U.S. Food and Drug Administration."
        )
    if iso >= "2022-01-10":
        parts.append(
            "Northwind has licensed rights to velcorastat outside the United States "
            "to Lindenhof Pharma AG."
        )
    parts.append(
        "The company is also advancing NWT-220, a monoclonal antibody for systemic "
        "sclerosis-associated interstitial lung disease, and NWT-330, a discovery-stage "
        "inhaled program. Northwind is headquartered in Cambridge, Massachusetts. "
        f"For more information, please visit {WEB}."
    )
    return " ".join(parts)


FLS_LONG = (
    "This press release contains forward-looking statements within the meaning of the "
    "Private Securities Litigation Reform Act of 1995, including statements regarding {topics}. "
    'Words such as "anticipate," "believe," "could," "expect," "intend," "may," "plan," '
    '"potential," "will" and similar expressions are intended to identify forward-looking '
    "statements, although not all forward-looking statements contain these words. These "
    "statements are based on management's current expectations and involve substantial risks "
    "and uncertainties that could cause actual results to differ materially from those "
    "expressed or implied, including risks related to the timing, conduct and outcome of "
    "clinical trials; the possibility that results of earlier studies will not be predictive "
    "of later studies; the regulatory review process; Northwind's reliance on third parties, "
    "including its collaboration partner and contract manufacturers; Northwind's ability to "
    'obtain additional funding; and the other risks described under the heading "Risk '
    "Factors\" in Northwind's most recent annual and quarterly reports filed with the "
    "Securities and Exchange Commission. Forward-looking statements speak only as of the date "
    "of this press release, and Northwind undertakes no obligation to update them, except as "
    "required by law."
)
FLS_SHORT = (
    "Statements in this press release about future expectations, plans and prospects, "
    "including statements about {topics}, are forward-looking statements. Actual results may "
    "differ materially because of various important factors, including those discussed in "
    "Northwind's filings with the Securities and Exchange Commission. Northwind disclaims any "
    "obligation to update these statements except as required by law."
)


def fls(topics: str, short: bool = False) -> str:
    """Forward-looking statements paragraph."""
    return (FLS_SHORT if short else FLS_LONG).format(topics=topics)


# ---------------------------------------------------------------------------------------
# Financial model inputs (in thousands of US dollars), quarters Q1..Q4 per year.
# ---------------------------------------------------------------------------------------
RD = {
    2019: [8912, 9405, 9877, 10214],
    2020: [10655, 11032, 11870, 12416],
    2021: [13204, 14851, 16329, 18077],
    2022: [21486, 23950, 25118, 27642],
    2023: [29771, 33405, 36982, 38216],
    2024: [41093, 44560, 46127, 43804],
    2025: [39951, 37268, 38574],
}
GA = {
    2019: [3214, 3366, 3402, 3585],
    2020: [3702, 3810, 3947, 4121],
    2021: [4388, 4905, 5216, 5540],
    2022: [6012, 6377, 6541, 6893],
    2023: [7245, 7612, 7880, 8304],
    2024: [9115, 9602, 10247, 11398],
    2025: [13876, 15442, 17035],
}
GRANT = {
    2019: [512, 486, 530, 601],
    2020: [644, 702, 655, 590],
    2021: [415, 388, 0, 0],
}
# Recognition of the $75.0 million Lindenhof upfront payment (received Q1 2022);
# the tail beyond the model feeds the current portion of deferred revenue.
UPFRONT = 75000
UPFRONT_SCHEDULE = [
    4120,
    5380,
    5905,
    6212,
    5876,
    6034,
    6410,
    6189,
    5540,
    4902,
    4377,
    3811,
    3206,
    2650,
    2145,
    1480,
    763,
]
MILESTONES = {(2023, 3): 20000, (2025, 2): 30000}
OTHER = {
    2019: [1102, 1086, 978, 915],
    2020: [811, 402, 188, 97],
    2021: [-23, -84, 212, 168],
    2022: [305, 486, 902, 1311],
    2023: [2604, 2977, 3218, 3302],
    2024: [3105, 2880, 2716, 2954],
    2025: [5412, 5107, 4688],
}
SHARES = {  # weighted-average shares outstanding, thousands
    2019: [31204, 31288, 31352, 31410],
    2020: [31502, 31577, 31660, 31731],
    2021: [31826, 33019, 39994, 40087],
    2022: [40182, 40297, 40455, 41210],
    2023: [46873, 50412, 50530, 51320],
    2024: [52730, 54108, 55610, 57240],
    2025: [68320, 68495, 68710],
}
AOCI = {
    2019: [12, 25, 31, 18],
    2020: [44, 61, 29, 8],
    2021: [-5, -37, -52, -96],
    2022: [-412, -688, -903, -577],
    2023: [-341, -290, -188, -64],
    2024: [15, -22, 98, 41],
    2025: [66, 103, 87],
}
FINANCING = {
    (2021, 2): 141236,
    (2022, 4): 18402,
    (2023, 1): 168925,
    (2023, 4): 41306,
    (2024, 2): 72540,
    (2024, 4): 298114,
}

# ---------------------------------------------------------------------------------------
# Earnings-release narrative, keyed by (year, quarter) of the reported period.
# ---------------------------------------------------------------------------------------
EARNINGS: dict[tuple[int, int], dict] = {
    (2020, 4): {
        "subheads": [],
        "highlights": [
            "Completed enrollment of the Phase 2b NIMBUS-IPF trial of velcorastat in December "
            "2020, with 312 patients randomized at 64 sites in North America and Europe; "
            "topline data are expected in mid-2021.",
            "Initiated a Phase 1 single- and multiple-ascending dose trial of NWT-220 in "
            "healthy volunteers; the first three cohorts have completed dosing.",
            "Received the second-year installment of a research grant from the Fibrosis Cure "
            "Alliance supporting biomarker analyses in NIMBUS-IPF.",
        ],
        "quote": "Despite the operational challenges of the past year, our clinical sites "
        "kept NIMBUS-IPF on schedule, and we enter 2021 anticipating our first "
        "randomized, placebo-controlled data for velcorastat.",
        "rd_driver": "higher clinical costs for the NIMBUS-IPF trial and increased "
        "manufacturing activities for velcorastat",
        "ga_driver": "higher personnel costs and professional fees",
        "runway": "into the second half of 2022",
        "call": "4:30 p.m. ET",
    },
    (2021, 2): {
        "subheads": [
            "Positive Phase 2b NIMBUS-IPF results support advancement of velcorastat into Phase 3"
        ],
        "highlights": [
            "Reported positive topline results from the Phase 2b NIMBUS-IPF trial in June "
            "2021; velcorastat 200 mg twice daily reduced the decline in forced vital capacity "
            "(FVC) by 58% compared with placebo over 26 weeks.",
            "Completed an underwritten public offering of 8,108,108 shares of common stock, "
            "resulting in net proceeds of approximately $141.2 million.",
            "Scheduled an End-of-Phase 2 meeting with the U.S. Food and Drug Administration "
            "(FDA) for the fourth quarter of 2021.",
        ],
        "quote": "The NIMBUS-IPF results gave us the clarity we were looking for, and the "
        "financing we completed in June allows us to plan a Phase 3 program from a "
        "position of strength.",
        "rd_driver": "NIMBUS-IPF close-out activities and Phase 3 readiness work, including "
        "drug supply",
        "ga_driver": "increased headcount and costs of operating as a larger public company",
        "runway": "into 2024",
        "call": "8:00 a.m. ET",
    },
    (2021, 4): {
        "subheads": ["Exclusive license with Lindenhof Pharma brings $75 million upfront payment"],
        "highlights": [
            "Entered into an exclusive license agreement with Lindenhof Pharma AG in January "
            "2022 to develop and commercialize velcorastat outside the United States; "
            "received the $75.0 million upfront payment in February 2022.",
            "Completed an End-of-Phase 2 meeting with the FDA in November 2021 and reached "
            "alignment on the design of the single, global Phase 3 CIRRUS-IPF trial.",
            "Presented full NIMBUS-IPF results in a late-breaking oral session at a major "
            "respiratory medicine meeting in October 2021.",
            "Completed the Phase 1 trial of NWT-220; the Phase 2 HALYARD trial in systemic "
            "sclerosis-associated interstitial lung disease is expected to start in mid-2022.",
        ],
        "quote": "With a clear regulatory path agreed with FDA and a committed partner for "
        "markets outside the United States, we are well positioned to start "
        "CIRRUS-IPF.",
        "rd_driver": "Phase 3 start-up activities, manufacturing scale-up and NWT-220 "
        "Phase 1 costs",
        "ga_driver": "higher personnel costs, including stock-based compensation",
        "runway": "into 2024",
        "call": "8:00 a.m. ET",
    },
    (2022, 2): {
        "subheads": [],
        "highlights": [
            "Began site activation for the Phase 3 CIRRUS-IPF trial; dosing of the first "
            "patient is expected in the first half of 2023 following completion of a "
            "long-term toxicology study.",
            "Dosed the first patient in the Phase 2 HALYARD trial of NWT-220 in July 2022.",
            "Stockholders approved all proposals at the 2022 Annual Meeting held on June 15, 2022.",
        ],
        "quote": "Our teams are activating CIRRUS-IPF sites across four continents, and "
        "HALYARD is now enrolling, giving us two mid-to-late-stage trials in "
        "fibrotic lung disease.",
        "rd_driver": "CIRRUS-IPF site activation, the start of HALYARD and increased "
        "personnel costs",
        "ga_driver": "higher personnel and facility costs",
        "runway": "into 2024",
        "call": "4:30 p.m. ET",
    },
    (2022, 4): {
        "subheads": [
            "FDA Breakthrough Therapy designation granted to velcorastat in IPF",
            "February 2023 public offering extends cash runway into 2025",
        ],
        "highlights": [
            "Received Breakthrough Therapy designation from the FDA for velcorastat for the "
            "treatment of idiopathic pulmonary fibrosis (IPF) in January 2023.",
            "Completed an underwritten public offering in February 2023 with net proceeds of "
            "approximately $168.9 million.",
            "Sold shares under the company's at-the-market program in the fourth quarter of "
            "2022 for net proceeds of $18.4 million.",
            "Appointed Helena Marsh, M.D., to the Board of Directors in October 2022.",
        ],
        "quote": "Breakthrough Therapy designation recognizes both the unmet need in IPF and "
        "the strength of our Phase 2 data, and we look forward to dosing the first "
        "CIRRUS-IPF patient in the coming months.",
        "rd_driver": "CIRRUS-IPF start-up costs, the HALYARD trial and higher personnel costs",
        "ga_driver": "higher personnel costs and professional fees",
        "runway": "into 2025, including the net proceeds of the February 2023 offering",
        "call": "8:00 a.m. ET",
    },
    (2023, 1): {
        "subheads": [],
        "highlights": [
            "More than 140 clinical sites activated or in activation for CIRRUS-IPF; the "
            "company remains on track to dose the first patient in the second quarter of "
            "2023.",
            "Completed an upsized underwritten public offering in February 2023 with net "
            "proceeds of approximately $168.9 million.",
            "Enrollment in the Phase 2 HALYARD trial of NWT-220 surpassed 50% of the planned "
            "120 patients.",
        ],
        "quote": "We are in the final stretch of preparing CIRRUS-IPF for its first patients, "
        "and the February financing ensures we can run the trial to completion.",
        "rd_driver": "CIRRUS-IPF start-up activities and HALYARD enrollment",
        "ga_driver": "higher personnel costs",
        "runway": "into 2025",
        "call": "8:00 a.m. ET",
    },
    (2023, 3): {
        "subheads": [],
        "highlights": [
            "More than 790 patients randomized in CIRRUS-IPF as of October 31, 2023; "
            "enrollment is expected to be completed in November 2023.",
            "Earned a $20.0 million milestone payment from Lindenhof Pharma upon the first "
            "patient dosed in CIRRUS-IPF in the European Union.",
            "Moved into the company's new headquarters and laboratory facility in Cambridge.",
        ],
        "quote": "Enrollment in CIRRUS-IPF has moved faster than we planned, which keeps us "
        "on track for topline data around the end of 2024.",
        "rd_driver": "CIRRUS-IPF enrollment and drug supply costs",
        "ga_driver": "higher personnel costs and costs of the new facility",
        "runway": "into 2025",
        "call": "4:30 p.m. ET",
    },
    (2023, 4): {
        "subheads": [],
        "highlights": [
            "Completed enrollment in the Phase 3 CIRRUS-IPF trial in November 2023 with 846 "
            "patients randomized; topline data are expected around the end of 2024.",
            "Announced that Julian Achterberg, M.D., President and Chief Operating Officer, "
            "will succeed Margaret Halvorsen, Ph.D., as Chief Executive Officer on "
            "March 1, 2024.",
            "Completed enrollment in the Phase 2 HALYARD trial; data are expected in the "
            "second half of 2024.",
        ],
        "quote": "Completing CIRRUS-IPF enrollment ahead of plan was a fitting way to close "
        "my time as CEO, and I am confident in Julian and the team as they take "
        "Northwind into its next chapter.",
        "rd_driver": "CIRRUS-IPF enrollment, HALYARD and drug supply costs",
        "ga_driver": "higher personnel costs and costs of the new facility",
        "runway": "into 2025",
        "call": "8:00 a.m. ET",
    },
    (2024, 2): {
        "subheads": [],
        "highlights": [
            "The last patient is expected to complete the 52-week CIRRUS-IPF treatment "
            "period in November 2024, with topline data expected around year-end.",
            "Julian Achterberg, M.D., became Chief Executive Officer on March 1, 2024.",
            "HALYARD data will be presented at the Transatlantic Lung Fibrosis Symposium in "
            "September 2024.",
            "Appointed Natalie Corwin as Chief Commercial Officer to lead pre-launch "
            "planning for velcorastat.",
            "Sold 3,086,000 shares of common stock under the company's at-the-market program "
            "in the second quarter for net proceeds of approximately $72.5 million.",
        ],
        "quote": "We are now preparing on every front for a potential approval: the "
        "regulatory dossier, the supply chain and a commercial organization.",
        "rd_driver": "CIRRUS-IPF treatment-period costs and manufacturing of registration batches",
        "ga_driver": "pre-commercial activities and higher personnel costs",
        "runway": "into 2026",
        "call": "4:30 p.m. ET",
    },
    (2024, 4): {
        "subheads": [
            "Phase 3 CIRRUS-IPF met its primary endpoint; New Drug Application "
            "submitted to FDA in February 2025",
            "December 2024 offering brings net proceeds of $298.1 million",
        ],
        "highlights": [
            "Reported positive topline results from the Phase 3 CIRRUS-IPF trial in December "
            "2024; velcorastat reduced the annual decline in FVC by 47% versus placebo.",
            "Submitted a New Drug Application (NDA) for velcorastat in IPF to the FDA in "
            "February 2025.",
            "Completed an underwritten public offering of 12,650,000 shares in December 2024 "
            "for net proceeds of approximately $298.1 million.",
            "Presented positive Phase 2 HALYARD data for NWT-220 in September 2024.",
        ],
        "quote": "2024 was the year velcorastat proved itself in Phase 3. Our priorities now "
        "are a successful FDA review and a launch that reaches every appropriate "
        "patient.",
        "rd_driver": "manufacturing of registration and launch batches, partially offset "
        "by lower CIRRUS-IPF costs as the trial completed",
        "ga_driver": "pre-commercial activities and higher personnel costs",
        "runway": "into 2027",
        "call": "8:00 a.m. ET",
    },
    (2025, 2): {
        "subheads": [],
        "highlights": [
            "The FDA accepted the NDA for velcorastat in IPF and granted Priority Review; "
            "the PDUFA target action date is October 24, 2025.",
            "The European Medicines Agency validated Lindenhof Pharma's Marketing "
            "Authorization Application, triggering a $30.0 million milestone payment to "
            "Northwind.",
            "Completed hiring of the U.S. field leadership team ahead of the anticipated launch.",
        ],
        "quote": "The review is progressing as expected, and our launch preparations are "
        "on schedule.",
        "rd_driver": "lower CIRRUS-IPF costs, partially offset by NWT-220 Phase 3 planning",
        "ga_driver": "commercial launch preparation",
        "runway": "into 2027",
        "call": "8:00 a.m. ET",
    },
    (2025, 3): {
        "subheads": [
            "FDA extends PDUFA target action date for velcorastat to January 23, "
            "2026; no additional clinical data requested"
        ],
        "highlights": [
            "In October 2025, the FDA extended the review of the velcorastat NDA by three "
            "months after determining that manufacturing information submitted by the "
            "company during the review constituted a major amendment.",
            "Hosted a virtual R&D Day on October 1, 2025, outlining the Phase 3 design for "
            "NWT-220 and first data from the NWT-330 inhaled program.",
            "First patient in the Phase 3 TOPSAIL-SSc trial of NWT-220 is expected in the "
            "first half of 2026.",
        ],
        "quote": "The extension is disappointing in its timing but not in its substance: "
        "FDA has not asked for new clinical data, and we remain ready to launch.",
        "rd_driver": "lower CIRRUS-IPF costs, partially offset by NWT-220 Phase 3 preparation",
        "ga_driver": "commercial launch preparation and higher personnel costs",
        "runway": "into 2027",
        "call": "4:30 p.m. ET",
    },
}


# ---------------------------------------------------------------------------------------
# Non-earnings releases. Body paragraphs: "## X" = section heading, "- X" = bullet.
# ---------------------------------------------------------------------------------------
@dataclass
class Release:
    """A non-earnings press release rendered to .txt, .md or .html."""

    date: str
    slug: str
    fmt: str
    headline: list[str]
    lead: str
    body: list[str]
    contacts: str
    topics: str
    subheads: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    wrap: int = 0
    short_fls: bool = False
    extra_about: list[str] = field(default_factory=list)


CALL_0614 = (
    "Northwind will host a conference call and webcast today, June 14, 2021, at 8:00 a.m. ET. "
    "To access the call, dial 1-877-555-0110 (U.S.) or 1-412-555-0136 (international) and "
    "reference conference ID 6142021. A live webcast and slide presentation will be available "
    f"in the Investors section of the company's website at {IR_WEB}, and a replay will be "
    "archived there for 90 days."
)

RELEASES: list[Release] = [
    Release(
        date="2021-01-11",
        slug="lakeshore-conference",
        fmt="txt",
        wrap=72,
        headline=[
            "Northwind Therapeutics to Present at the 39th Annual Lakeshore Healthcare",
            "Conference",
        ],
        lead=f", {DESCRIPTOR}, today announced that Margaret Halvorsen, Ph.D., President and "
        "Chief Executive Officer, will present a corporate overview at the 39th Annual "
        "Lakeshore Healthcare Conference, which will be held virtually from January 19 to "
        "January 22, 2021.",
        body=[
            "Presentation details:",
            "- Date: Wednesday, January 20, 2021",
            "- Time: 2:40 p.m. ET",
            "- Format: Recorded presentation followed by a live question-and-answer session",
            "A live webcast of the presentation will be available in the Investors section of "
            f"Northwind's website at {IR_WEB}. A replay will be available for 90 days "
            "following the event.",
            "Members of Northwind's management team will also hold virtual one-on-one meetings "
            "with investors during the conference. Investors interested in arranging a meeting "
            "should contact their conference representative.",
        ],
        contacts="single",
        short_fls=True,
        topics="the company's participation in investor conferences",
    ),
    Release(
        date="2021-06-14",
        slug="nimbus-ipf-topline",
        fmt="md",
        headline=[
            "Northwind Therapeutics Announces Positive Topline Results from Phase 2b "
            "NIMBUS-IPF Trial of Velcorastat in Idiopathic Pulmonary Fibrosis"
        ],
        subheads=[
            "Velcorastat 200 mg twice daily reduced decline in forced vital capacity by "
            "58% versus placebo over 26 weeks (p=0.004)"
        ],
        bullets=[
            "Both velcorastat doses met the primary endpoint; the 100 mg dose reduced FVC "
            "decline by 31% (p=0.047)",
            "Velcorastat was generally well tolerated, with discontinuation rates due to "
            "adverse events similar to placebo",
            "Company plans to advance velcorastat into Phase 3; conference call today at "
            "8:00 a.m. ET",
        ],
        lead=f", {DESCRIPTOR}, today announced positive topline results from NIMBUS-IPF, a "
        "Phase 2b randomized, double-blind, placebo-controlled trial evaluating "
        "velcorastat (NWT-101) in patients with idiopathic pulmonary fibrosis (IPF).",
        body=[
            "NIMBUS-IPF randomized 312 patients 1:1:1 to velcorastat 100 mg, velcorastat "
            "200 mg or placebo, each taken orally twice daily for 26 weeks. Approximately 60% "
            "of participants were receiving background antifibrotic therapy. The primary "
            "endpoint was the change from baseline in forced vital capacity (FVC), measured in "
            "milliliters, at week 26.",
            "## Efficacy",
            "At week 26, the mean decline in FVC was 41 mL in the 200 mg group and 68 mL in "
            "the 100 mg group, compared with 98 mL in the placebo group. The treatment effect "
            "was consistent in patients with and without background antifibrotic therapy. "
            "Velcorastat also reduced serum levels of two exploratory markers of fibroblast "
            "activity in a dose-dependent manner.",
            "## Safety and tolerability",
            "The most common adverse events were mild to moderate diarrhea and nausea. "
            "Discontinuations due to adverse events occurred in 6.1% of patients in the 200 mg "
            "group, 4.8% in the 100 mg group and 5.5% in the placebo group. No imbalance in "
            "serious adverse events was observed.",
            '"These results are the strongest evidence to date that inhibiting KSK2 can slow '
            'the loss of lung function in IPF," said Margaret Halvorsen, Ph.D., President and '
            'Chief Executive Officer of Northwind. "We thank the patients and investigators '
            'who made NIMBUS-IPF possible, and we intend to move quickly into Phase 3."',
            '"A 58% reduction in FVC decline over six months is a clinically meaningful '
            'effect," said Lucas Ferreira-Tan, M.D., Professor of Medicine at Bayfield '
            "University School of Medicine and lead investigator of the trial.",
            "Northwind plans to request an End-of-Phase 2 meeting with the U.S. Food and Drug "
            "Administration and to present detailed results at an upcoming medical meeting.",
            "## Conference call",
            CALL_0614,
            "## About idiopathic pulmonary fibrosis",
            "IPF is a chronic, progressive disease in which scar tissue accumulates in the "
            "lungs, causing a steady loss of lung function. Many patients live only a few years "
            "after diagnosis, and available therapies slow but do not stop progression.",
        ],
        contacts="stacked",
        topics="the design, timing and potential of a Phase 3 program for velcorastat",
    ),
    Release(
        date="2021-06-16",
        slug="public-offering-pricing",
        fmt="txt",
        wrap=76,
        headline=[
            "Northwind Therapeutics Announces Pricing of $150.0 Million Underwritten "
            "Public Offering of Common Stock"
        ],
        lead=" today announced the pricing of an underwritten public offering of 8,108,108 "
        "shares of its common stock at a public offering price of $18.50 per share. The "
        "gross proceeds to Northwind from the offering are expected to be approximately "
        "$150.0 million, before deducting underwriting discounts and commissions and other "
        "offering expenses. All of the shares are being offered by Northwind.",
        body=[
            "In addition, Northwind has granted the underwriters a 30-day option to purchase up "
            "to 1,216,216 additional shares of common stock at the public offering price, less "
            "underwriting discounts and commissions. The offering is expected to close on or "
            "about June 21, 2021, subject to customary closing conditions.",
            "Halloway & Co. and Brightwater Securities are acting as joint book-running "
            "managers for the offering. Penfold Capital Markets is acting as lead manager.",
            "Northwind intends to use the net proceeds from the offering to fund the Phase 3 "
            "development of velcorastat, the continued clinical development of NWT-220, and "
            "for working capital and general corporate purposes.",
            "The shares are being offered pursuant to a shelf registration statement on "
            "Form S-3 previously filed with and declared effective by the Securities and "
            "Exchange Commission (SEC). A final prospectus supplement relating to the offering "
            "will be filed with the SEC. Copies may be obtained, when available, from Halloway "
            "& Co., Attention: Prospectus Department, 100 Example Plaza, New York, NY 10001, "
            "by telephone at 212-555-0190 or by e-mail at prospectus@halloway.example.",
            "This press release shall not constitute an offer to sell or the solicitation of "
            "an offer to buy these securities, nor shall there be any sale of these securities "
            "in any state or jurisdiction in which such an offer, solicitation or sale would "
            "be unlawful prior to registration or qualification under the securities laws of "
            "any such state or jurisdiction.",
        ],
        contacts="inline",
        short_fls=True,
        topics="the completion, timing and size of the offering and the anticipated use of "
        "proceeds",
    ),
    Release(
        date="2022-01-10",
        slug="lindenhof-license",
        fmt="md",
        headline=[
            "Northwind Therapeutics and Lindenhof Pharma Enter into Exclusive License "
            "Agreement for Velcorastat Outside the United States"
        ],
        subheads=[
            "Northwind to receive $75 million upfront and is eligible for up to $610 "
            "million in development, regulatory and commercial milestones, plus tiered "
            "royalties",
            "Northwind retains all rights in the United States; companies to share the "
            "cost of the global Phase 3 program",
        ],
        lead=f", {DESCRIPTOR}, and Lindenhof Pharma AG, a specialty pharmaceutical company "
        "headquartered in Basel, Switzerland, today announced an exclusive license "
        "agreement under which Lindenhof will develop and commercialize velcorastat for "
        "idiopathic pulmonary fibrosis (IPF) and other fibrotic lung diseases in all "
        "territories outside the United States.",
        body=[
            "## Terms of the agreement",
            "- Northwind will receive an upfront payment of $75 million.",
            "- Northwind is eligible to receive up to $610 million in development, regulatory "
            "and sales-based milestone payments.",
            "- Northwind is eligible for tiered royalties ranging from the low double digits to "
            "the high teens on net sales in the licensed territory.",
            "- Lindenhof will fund 40% of the costs of the global Phase 3 CIRRUS-IPF trial.",
            "Northwind will lead the global Phase 3 program and retains full development and "
            "commercialization rights in the United States. A joint steering committee will "
            "oversee development activities.",
            '"Lindenhof has built one of the leading respiratory franchises in Europe, and we '
            "could not ask for a better partner to bring velcorastat to patients outside the "
            'United States," said Margaret Halvorsen, Ph.D., President and Chief Executive '
            "Officer of Northwind.",
            '"The NIMBUS-IPF data impressed our team, and we look forward to working with '
            'Northwind on a Phase 3 program designed to support approvals around the world," '
            "said Annika Vogelsang, Ph.D., Chief Executive Officer of Lindenhof Pharma.",
            "Crane Ridge Partners served as exclusive financial advisor and Whitlock & Pryce "
            "LLP served as legal counsel to Northwind.",
            "## Conference call",
            "Northwind will host a conference call today at 8:30 a.m. ET. Participants may "
            "dial 1-877-555-0110 (U.S.) or 1-412-555-0136 (international), conference ID "
            f"1102022. A webcast will be available at {IR_WEB}.",
        ],
        extra_about=[
            "## About Lindenhof Pharma AG",
            "Lindenhof Pharma AG is a privately held specialty pharmaceutical company focused "
            "on respiratory and rare diseases. Headquartered in Basel, Switzerland, Lindenhof "
            "markets medicines in more than 30 countries.",
        ],
        contacts="partner",
        topics="the anticipated benefits of the license agreement, potential milestone and "
        "royalty payments, and the development of velcorastat",
    ),
    Release(
        date="2022-04-28",
        slug="annual-meeting-notice",
        fmt="txt",
        wrap=0,
        headline=["Northwind Therapeutics Announces Virtual 2022 Annual Meeting of Stockholders"],
        lead=" today announced that its 2022 Annual Meeting of Stockholders will be held on "
        "Wednesday, June 15, 2022, at 9:00 a.m. ET. The meeting will be held in a "
        "virtual-only format via live audio webcast at "
        "www.virtualmeeting.example/NWTX2022.",
        body=[
            "Stockholders of record at the close of business on April 20, 2022, the record "
            "date, are entitled to notice of and to vote at the meeting. To attend, "
            "stockholders will need the 16-digit control number included on their proxy card "
            "or voting instruction form.",
            "At the meeting, stockholders will be asked to:",
            "- elect three Class II directors, Robert Kessling, Angela Duvall and Peter Anand, "
            "each to serve until the 2025 annual meeting;",
            "- ratify the appointment of Ashby & Lowell LLP as Northwind's independent "
            "registered public accounting firm for the fiscal year ending December 31, 2022;",
            "- approve, on a non-binding advisory basis, the compensation of Northwind's named "
            "executive officers; and",
            "- approve an amendment to the 2019 Equity Incentive Plan to increase the number of "
            "shares reserved for issuance by 2,500,000 shares.",
            "Northwind began mailing a Notice of Internet Availability of Proxy Materials on "
            "or about April 28, 2022. The proxy statement and annual report are available at "
            f"{IR_WEB}. Stockholders are encouraged to vote in advance of the meeting by "
            "internet, telephone or mail.",
        ],
        contacts="combined",
        short_fls=True,
        topics="the timing and format of the annual meeting",
    ),
    Release(
        date="2022-10-17",
        slug="board-appointment-marsh",
        fmt="md",
        headline=["Northwind Therapeutics Appoints Helena Marsh, M.D., to Board of Directors"],
        subheads=[
            "Experienced drug developer brings more than 25 years of respiratory and "
            "late-stage clinical development leadership"
        ],
        lead=f", {DESCRIPTOR}, today announced the appointment of Helena Marsh, M.D., to its "
        "Board of Directors, effective October 14, 2022. Dr. Marsh will also serve on the "
        "Science and Technology Committee and the Nominating and Corporate Governance "
        "Committee.",
        body=[
            "Dr. Marsh most recently served as Chief Development Officer of Calloway "
            "Biosciences, where from 2012 to 2021 she oversaw global development of a portfolio "
            "of respiratory and immunology medicines, including three programs that advanced "
            "through Phase 3 to approval. Earlier in her career she held clinical development "
            "roles of increasing responsibility at Ridgeway Pharmaceuticals. She received her "
            "M.D. from Eastmoor University and trained in pulmonary and critical care medicine.",
            "Dr. Marsh fills the seat vacated by Peter Anand, who stepped down from the board "
            "for personal reasons after six years of service.",
            '"Helena has run exactly the kind of large, global respiratory trials we are about '
            'to begin with CIRRUS-IPF," said Robert Kessling, Chair of the Board. "We also '
            "thank Peter for his many contributions since Northwind's earliest days.\"",
            '"Velcorastat is one of the most interesting programs in fibrotic lung disease, '
            'and I am excited to help the team take it through Phase 3," said Dr. Marsh.',
        ],
        contacts="stacked",
        topics="the company's board composition and the development of velcorastat",
    ),
    Release(
        date="2023-01-05",
        slug="breakthrough-therapy-designation",
        fmt="txt",
        wrap=70,
        headline=[
            "Northwind Therapeutics Receives FDA Breakthrough Therapy Designation",
            "for Velcorastat for the Treatment of Idiopathic Pulmonary Fibrosis",
        ],
        lead=f", {DESCRIPTOR}, today announced that the U.S. Food and Drug Administration "
        "(FDA) has granted Breakthrough Therapy designation to velcorastat (NWT-101), an "
        "investigational oral KSK2 inhibitor, for the treatment of idiopathic pulmonary "
        "fibrosis (IPF).",
        body=[
            "The designation was based on results from the Phase 2b NIMBUS-IPF trial, in which "
            "velcorastat 200 mg twice daily reduced the 26-week decline in forced vital "
            "capacity by 58% compared with placebo.",
            "Breakthrough Therapy designation is intended to expedite the development and "
            "review of drugs for serious conditions when preliminary clinical evidence "
            "indicates that the drug may demonstrate substantial improvement over available "
            "therapy on a clinically significant endpoint. It provides for more intensive FDA "
            "guidance on development and makes the program eligible for rolling and priority "
            "review.",
            '"This designation will allow us to work even more closely with FDA as we begin '
            'the Phase 3 CIRRUS-IPF trial," said Aisha Rahimi, M.D., Chief Medical Officer of '
            'Northwind. "People with IPF need treatments that do more than slow the disease '
            'modestly, and we believe velcorastat can be one of them."',
            "Northwind expects to dose the first patient in CIRRUS-IPF, a global, randomized, "
            "placebo-controlled trial, in the first half of 2023.",
        ],
        contacts="stacked",
        topics="the potential benefits of Breakthrough Therapy designation and the timing of "
        "the CIRRUS-IPF trial",
    ),
    Release(
        date="2023-06-20",
        slug="cirrus-ipf-first-patient",
        fmt="md",
        headline=[
            "Northwind Therapeutics Doses First Patient in Global Phase 3",
            "CIRRUS-IPF Trial of Velcorastat",
        ],
        lead=" today announced that the first patient has been dosed in CIRRUS-IPF, a global "
        "Phase 3 trial evaluating velcorastat (NWT-101) in adults with idiopathic "
        "pulmonary fibrosis (IPF).",
        body=[
            "## Trial at a glance",
            "| Design | Randomized, double-blind, placebo-controlled |",
            "| --- | --- |",
            "| Planned enrollment | Approximately 840 patients |",
            "| Treatment | Velcorastat 200 mg or placebo, twice daily, for 52 weeks |",
            "| Primary endpoint | Absolute change in FVC (mL) from baseline to week 52 |",
            "| Sites | About 180 sites in 22 countries |",
            "Patients may continue stable background antifibrotic therapy. Key secondary "
            "endpoints include time to first acute exacerbation or respiratory hospitalization "
            "and change in a patient-reported measure of cough severity.",
            '"Starting CIRRUS-IPF is the culmination of years of work by our team and our '
            'partners at Lindenhof Pharma," said Margaret Halvorsen, Ph.D., President and '
            "Chief Executive Officer of Northwind.",
            "Under the license agreement with Lindenhof Pharma, Northwind will be eligible for "
            "a $20 million milestone payment upon dosing of the first patient in the European "
            "Union, which is expected in the third quarter of 2023. Topline data are expected "
            "around the end of 2024.",
        ],
        contacts="inline",
        topics="the conduct and timing of the CIRRUS-IPF trial and potential milestone payments",
    ),
    Release(
        date="2024-01-08",
        slug="ceo-transition",
        fmt="txt",
        wrap=76,
        headline=[
            "Northwind Therapeutics Announces CEO Transition:",
            "Julian Achterberg, M.D., to Succeed Margaret Halvorsen, Ph.D.",
        ],
        subheads=[
            "Dr. Halvorsen to retire as CEO effective March 1, 2024 and to remain on "
            "the Board as Vice Chair",
            "Preliminary year-end cash, cash equivalents and marketable securities of "
            "approximately ${CASH_2023Q4} million",
        ],
        lead=" today announced that Margaret Halvorsen, Ph.D., will retire as President and "
        "Chief Executive Officer effective March 1, 2024, and that the Board of Directors "
        "has appointed Julian Achterberg, M.D., currently President and Chief Operating "
        "Officer, to succeed her as Chief Executive Officer on that date.",
        body=[
            "Dr. Halvorsen co-founded Northwind in 2016 and led the company through its "
            "initial public offering, the NIMBUS-IPF trial and the start of Phase 3. She will "
            "remain on the Board of Directors as Vice Chair.",
            "Dr. Achterberg joined Northwind in 2018 as Chief Medical Officer and became "
            "President and Chief Operating Officer in 2021. He was appointed to the Board of "
            "Directors effective January 5, 2024.",
            '"Julian has been my partner in building Northwind, and the board and I have full '
            'confidence in him," said Dr. Halvorsen. "With CIRRUS-IPF fully enrolled, this is '
            'the right moment for a transition."',
            '"I am honored to lead Northwind into a period that we hope will include Phase 3 '
            'data and a regulatory submission," said Dr. Achterberg.',
            "Northwind also reported preliminary unaudited cash, cash equivalents and "
            "marketable securities of approximately ${CASH_2023Q4} million as of December 31, "
            "2023, and reiterated its expectation of topline CIRRUS-IPF data around the end "
            "of 2024.",
        ],
        contacts="stacked",
        topics="the leadership transition, preliminary financial results and the timing of "
        "CIRRUS-IPF data",
    ),
    Release(
        date="2024-09-30",
        slug="halyard-phase2-data",
        fmt="md",
        headline=[
            "Northwind Therapeutics Presents Positive Phase 2 HALYARD Results for "
            "NWT-220 in Systemic Sclerosis-Associated Interstitial Lung Disease"
        ],
        subheads=[
            "NWT-220 stabilized lung function over 24 weeks; data presented at the 2024 "
            "Transatlantic Lung Fibrosis Symposium"
        ],
        lead=f", {DESCRIPTOR}, today presented results from HALYARD, a Phase 2 randomized, "
        "placebo-controlled trial of NWT-220 in patients with systemic "
        "sclerosis-associated interstitial lung disease (SSc-ILD).",
        body=[
            "HALYARD randomized 122 patients to NWT-220 300 mg or placebo, administered by "
            "subcutaneous injection every four weeks for 24 weeks.",
            "## Key results at week 24",
            "| Endpoint | NWT-220 (n=62) | Placebo (n=60) |",
            "| --- | ---: | ---: |",
            "| Mean change in FVC (mL) | -12 | -87 |",
            "| Mean change in modified Rodnan skin score | -4.1 | -2.3 |",
            "| Patients with serious adverse events | 6.5% | 8.3% |",
            "| Discontinuations due to adverse events | 3.2% | 5.0% |",
            "The difference in FVC change versus placebo was 75 mL (p=0.012). Injection-site "
            "reactions were the most common adverse event with NWT-220 and were mild.",
            '"These data suggest that NWT-220 may protect lung function in a disease with very '
            'few options," said Julian Achterberg, M.D., Chief Executive Officer of '
            'Northwind. "We plan to meet with FDA to discuss a Phase 3 trial."',
        ],
        contacts="stacked",
        topics="the development of NWT-220, including the design and timing of a Phase 3 trial",
    ),
    Release(
        date="2024-12-03",
        slug="cirrus-ipf-topline",
        fmt="txt",
        wrap=70,
        headline=[
            "Northwind Therapeutics' Phase 3 CIRRUS-IPF Trial of Velcorastat Meets "
            "Primary Endpoint in Idiopathic Pulmonary Fibrosis"
        ],
        subheads=[
            "Velcorastat reduced the annual decline in FVC by 47% versus placebo (p<0.001)",
            "NDA submission planned for the first quarter of 2025; conference call today "
            "at 8:00 a.m. ET",
        ],
        lead=f", {DESCRIPTOR}, today announced that the Phase 3 CIRRUS-IPF trial of "
        "velcorastat in patients with idiopathic pulmonary fibrosis (IPF) met its primary "
        "endpoint.",
        body=[
            "CIRRUS-IPF randomized 846 patients at 183 sites in 22 countries. At week 52, the "
            "mean decline in forced vital capacity (FVC) was 102 mL in patients receiving "
            "velcorastat 200 mg twice daily compared with 193 mL in patients receiving "
            "placebo, a relative reduction of 47%.",
            "Velcorastat also met the key secondary endpoint of time to first acute "
            "exacerbation or respiratory hospitalization (hazard ratio 0.71; p=0.03). Results "
            "for the patient-reported cough endpoint favored velcorastat but did not reach "
            "statistical significance.",
            "Discontinuations due to adverse events occurred in 8.9% of velcorastat-treated "
            "patients and 7.6% of placebo patients. Diarrhea was the most common adverse event "
            "(14% versus 8%) and was mostly mild.",
            '"CIRRUS-IPF confirms what we saw in Phase 2," said Julian Achterberg, M.D., '
            'Chief Executive Officer of Northwind. "We plan to submit a New Drug Application '
            'in the first quarter of 2025."',
            "Conference call: Northwind will host a conference call and webcast today at "
            "8:00 a.m. ET. Dial 1-877-555-0110 (U.S.) or 1-412-555-0136 (international) and "
            f"use conference ID 1203024. The webcast will be available at {IR_WEB}.",
        ],
        contacts="stacked",
        topics="the CIRRUS-IPF results and the timing of an NDA submission",
    ),
    Release(
        date="2025-04-22",
        slug="nda-acceptance-priority-review",
        fmt="md",
        headline=[
            "FDA Accepts Northwind Therapeutics' New Drug Application for Velcorastat "
            "and Grants Priority Review"
        ],
        subheads=["PDUFA target action date set for October 24, 2025"],
        lead=" today announced that the U.S. Food and Drug Administration (FDA) has accepted "
        "for filing the company's New Drug Application (NDA) for velcorastat for the "
        "treatment of idiopathic pulmonary fibrosis (IPF) and granted Priority Review.",
        body=[
            "The NDA, submitted in February 2025, is supported by the Phase 3 CIRRUS-IPF and "
            "Phase 2b NIMBUS-IPF trials. The FDA has indicated that it does not currently "
            "plan to hold an advisory committee meeting to discuss the application.",
            "Separately, Northwind's partner Lindenhof Pharma expects validation of its "
            "Marketing Authorization Application in the European Union in the second quarter "
            "of 2025, which would trigger a $30 million milestone payment to Northwind.",
            '"Priority Review brings velcorastat one step closer to patients who have been '
            'waiting for better options," said Julian Achterberg, M.D., Chief Executive '
            "Officer of Northwind.",
        ],
        contacts="single",
        topics="the FDA review of the velcorastat NDA and potential milestone payments",
    ),
    Release(
        date="2025-09-15",
        slug="rd-day-2025",
        fmt="html",
        headline=["Northwind Therapeutics to Host Virtual R&D Day on October 1, 2025"],
        lead=" today announced that it will host a virtual R&D Day for investors and analysts "
        "on Wednesday, October 1, 2025, from 10:00 a.m. to 12:30 p.m. ET.",
        body=[
            "The agenda will include:",
            "- an update on the FDA review of velcorastat and launch readiness;",
            "- the planned Phase 3 TOPSAIL-SSc trial of NWT-220; and",
            "- first preclinical and Phase 1 data from NWT-330, an inhaled program for chronic "
            "lung allograft dysfunction.",
            "Speakers will include members of Northwind's leadership team and two external "
            "experts in interstitial lung disease.",
            f"Registration for the live webcast is available at {IR_WEB}/events. A replay "
            "will be available after the event.",
        ],
        contacts="inline",
        short_fls=True,
        topics="the content of the R&D Day and the company's development plans",
    ),
]

CODE_OF_CONDUCT = """\
# Northwind Therapeutics, Inc. Code of Business Conduct and Ethics

## 1. Purpose and scope

This Code of Business Conduct and Ethics applies to every director, officer and employee of
Northwind Therapeutics, Inc. and its subsidiaries, and to consultants and contractors acting on
the company's behalf. It describes the standards we expect of one another. It does not cover
every situation; when in doubt, ask before you act.

## 2. Our commitments

We put patient safety first. We conduct research with scientific integrity, report data
accurately and completely, and comply with the laws and regulations that govern our work.

## 3. Conflicts of interest

Avoid any situation in which a personal interest interferes, or appears to interfere, with the
interests of the company. Disclose potential conflicts, such as a financial interest in a
supplier or a family member employed by a competitor, to the Compliance Officer in writing.

## 4. Confidential information and insider trading

Protect the company's confidential information, including unpublished clinical data. Do not
buy or sell Northwind securities, or the securities of any partner, while aware of material
non-public information, and follow the company's Insider Trading Policy at all times.

## 5. Interactions with health care professionals and patients

All interactions with health care professionals, patient organizations and government
officials must be appropriate, documented and free of any intent to improperly influence
decisions. Never offer anything of value in exchange for a prescription, a referral or a
regulatory outcome.

## 6. Accurate books and records

Record all transactions accurately and on time. Never create false or misleading entries,
and cooperate fully with internal and external auditors.

## 7. Fair dealing and protection of assets

Deal honestly with partners, suppliers and competitors. Use company property, systems and
funds only for legitimate business purposes.

## 8. Reporting concerns

Report suspected violations to your manager, the Compliance Officer, or the confidential
Ethics Line at 1-888-555-0167 or ethics@northwind-tx.example. Reports may be made anonymously
where permitted by law.

## 9. No retaliation

Northwind does not tolerate retaliation against anyone who raises a concern in good faith or
participates in an investigation.

## 10. Waivers and amendments

Any waiver of this Code for a director or executive officer may be made only by the Board of
Directors and will be disclosed as required by law and Nasdaq listing rules.
"""
