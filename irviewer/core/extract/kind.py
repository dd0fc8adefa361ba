"""What a release is about, from its headline and lead sentence (or an 8-K's item numbers).

General keyword rules, tried on the headline first, then on the sub-headlines and the lead;
the first rule that matches decides. Rule order (most specific news first):

1. event: a notice of a call, webcast, presentation or meeting to come;
2. governance: annual or special meetings and shareholder votes (before earnings, as
   'Results of the Annual Meeting' is not an earnings release);
3. deal: tender and exchange offers;
4. earnings: results for a period;
5. offering: stock and debt offerings, private placements;
6. deal: acquisitions, mergers, licences, partnerships, agreements;
7. clinical: IND clearances and clinical holds (before regulatory news, which says 'FDA');
8. product: regulatory news (approvals, designations, NDA/BLA/MAA submissions and
   acceptances, priority review, PDUFA dates, clearances, CE marks);
9. clinical: trials, data, endpoints, patients dosed, enrolment;
10. governance: executive and board changes (appointments, successions, retirements,
    CEO transitions), proxies, bylaws;
11. product: launches, introductions, commercial availability;
12. corporate: dividends, buybacks, stock splits, spin-offs, renames, restructurings,
    awards, strategy and outlook.

'other' when nothing matches.
"""

from __future__ import annotations

import re
from functools import lru_cache

_PERIOD = (
    r"(?:quarter|quarterly|q[1-4]|fiscal|full[- ]year|year[- ]end|annual|half[- ]year|"
    r"first[- ]half|second[- ]half|six[- ]month|nine[- ]month|twelve[- ]month|h[12]|20\d\d)"
)
_AGENCY = (
    r"(?:fda|ema|chmp|mhra|pmda|nmpa|anvisa|tga|health\s+canada|european\s+commission|"
    r"food\s+and\s+drug\s+administration|european\s+medicines\s+agency|regulatory)"
)
_FILING = (
    r"(?:s?nda|s?bla|maa|pma|anda|510\(k\)|new\s+drug\s+applications?|"
    r"biologics?\s+license\s+applications?|marketing\s+authori[sz]ation\s+applications?|"
    r"premarket\s+approval)(?!\w)"
)
# Regulatory news about a product: approvals, designations, filings and their acceptance.
_REGULATORY = re.compile(
    rf"\b{_AGENCY}\b[^.]{{0,60}}?\b(?:approv\w*|clear(?:s|ed|ance)|authori[sz]\w*|"
    r"designations?|accept\w*|grant\w*|priority\s+review|fast\s+track|positive\s+opinion)"
    r"|\b(?:breakthrough(?:\s+therapy|\s+device)?|fast\s+track|orphan\s+(?:drug|medicinal)|"
    r"priority\s+review|rare\s+pediatric\s+disease|prime|rmat|qidp)\s+(?:designation|status)"
    r"|\bpriority\s+review\b|\bpdufa\b|\bcomplete\s+response\s+letter\b|\bce\s+mark"
    # a filing made or accepted, not one planned ('plans to submit', 'planned NDA submission')
    rf"|(?<!planned\s)(?<!potential\s)(?<!expected\s)(?<!anticipated\s)\b{_FILING}[^.]{{0,50}}?\b(?:submi\w*|fil(?:e|es|ed|ing)|accept\w*|approv\w*|"
    r"validat\w*|clear\w*)"
    rf"|(?<!to\s)\b(?:submi\w*|fil(?:es|ed|ing)|accept\w*|approv\w*|validat\w*)\s+(?:of\s+)?"
    rf"(?:\S+\s+){{0,4}}?{_FILING}"
    r"|\b(?:receives?|granted|wins?|obtains?)\s+(?:\S+\s+){0,3}?(?:approval|clearance|"
    r"marketing\s+authori[sz]ation)\b",
    re.I,
)
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "event",
        re.compile(
            r"\b(?:to|will)\s+(?:host|hold|present|participate|webcast|report|release|announce)\b"
            r"[^.]{0,80}\b(?:conference|call|webcast|results|meeting|summit|day|symposium|"
            r"congress)\b"
            r"|\b(?:schedules?|sets)\b[^.]{0,60}\b(?:call|webcast|release\s+date)\b"
            r"|\bconference\s+call\s+(?:notice|to\s+discuss|scheduled|details)\b"
            r"|\bannounces?\s+(?:the\s+)?(?:date|timing)\s+(?:of|for)\b"
            r"|\b(?:earnings|results)\s+(?:release\s+)?(?:and\s+)?"
            r"(?:conference\s+call|call|webcast)\b",
            re.I,
        ),
    ),
    (
        # meetings and votes before earnings: 'Announces Results of 2026 Annual Meeting'
        "governance",
        re.compile(
            r"\b(?:code\s+of\s+(?:business\s+)?(?:ethics|conduct)|annual\s+(?:general\s+)?meeting|"
            r"special\s+meeting|shareholder\s+vote|stockholders?\s+(?:approve|vote))",
            re.I,
        ),
    ),
    ("deal", re.compile(r"\b(?:tender|exchange)\s+offer\b", re.I)),
    (
        "earnings",
        re.compile(
            rf"\b(?:financial|operating)\s+results\b|\bresults\b[^.;]{{0,60}}\b{_PERIOD}\b"
            rf"|\b{_PERIOD}\b[^.;]{{0,60}}\b(?:results|earnings)\b"
            r"|\breports?\s+(?:record\s+)?(?:revenue|earnings|sales)\b",
            re.I,
        ),
    ),
    (
        "offering",
        re.compile(
            r"\b(?:public|proposed|underwritten|secondary|registered\s+direct|at-the-market)\s+"
            r"offering\b|\boffering\s+of\s+(?:\$[\d.,]+\s+\w+\s+(?:of\s+)?)?(?:common|ordinary|"
            r"preferred|senior|convertible|notes|shares|stock|units|debentures)"
            r"|\bprivate\s+placement"
            r"|\b(?:prices?|pricing\s+of|upsizes?|closes?)\b[^.]{0,60}\boffering\b"
            r"|\b(?:senior|convertible|exchangeable)\s+notes\s+due\b|\bnotes\s+offering\b",
            re.I,
        ),
    ),
    (
        "deal",
        re.compile(
            r"\b(?:acqui(?:re|res|red|ring|sition|sitions)|merger|merge|merging|tender\s+offer|"
            r"exchange\s+offer|takeover|buyout|divest(?:s|iture|ment)?|joint\s+venture|"
            r"partnership|partner(?:s|ing)?\s+with|collaborat(?:e|es|ion)|alliance|"
            r"licens(?:e|ing)\s+"
            r"(?:agreement|deal)|(?:definitive|strategic|purchase|capacity|supply|license|"
            r"infrastructure|commercial|distribution|multi-year|expanded)\s+"
            r"(?:\w+\s+){0,3}?agreement|"
            r"agreement\s+(?:to|with)\s+(?:acquire|sell|buy|purchase|merge)|"
            r"agreement\s+and\s+plan\s+of\s+merger|to\s+(?:sell|buy|purchase)\s+\w+|"
            r"(?:completes?|closes?|announces?|agrees\s+to)\s+(?:the\s+)?sale\s+of)",
            re.I,
        ),
    ),
    (
        # an IND cleared or a trial put on hold says 'FDA' but is about starting a trial
        "clinical",
        re.compile(
            r"\bIND\b|\binvestigational\s+new\s+drug\b|\bclinical\s+hold\b|"
            r"\bclinical\s+trial\s+(?:application|authori[sz]ation)\b"
        ),
    ),
    ("product", _REGULATORY),
    (
        "clinical",
        re.compile(
            r"\b(?:phase\s*(?:[123]|i{1,3})[ab]?\b|clinical\s+(?:data|trial|study|results|hold)|"
            r"trials?\b|topline|top-line|pivotal|first\s+patient|patients?\s+dosed|efficacy|"
            r"(?:study|trial)\s+(?:results|data)|data\s+(?:from|at|presented)|"
            r"(?:primary|secondary)\s+endpoints?|enrol(?:l?ment|ls?|led|ling)\b|"
            r"interim\s+analysis|data\s+readout)",
            re.I,
        ),
    ),
    (
        "governance",
        re.compile(
            r"\b(?:code\s+of\s+(?:business\s+)?(?:ethics|conduct)|annual\s+meeting|"
            r"special\s+meeting|"
            r"shareholder\s+vote|stockholders?\s+(?:approve|vote)|proxy|bylaws?|"
            r"governance|(?:appoint|name|elect|promote)(?:s|d|ed|ment)?\b[^.]{0,80}\b"
            r"(?:ceo|cfo|coo|"
            r"president|chief|officer|director|directors|chair|chairman|chairwoman|board|executive|"
            r"head\s+of|vice)\b|(?:ceo|cfo|president|chief\s+\w+\s+officer|director)s?\b[^.]{0,40}"
            r"\b(?:to\s+retire|retire(?:s|ment)|resign(?:s|ation)|steps?\s+down|succession)|"
            r"joins?\s+(?:the\s+)?board|leadership\s+(?:change|transition|appointments?)|"
            r"departure\s+of\s+directors|"
            r"(?:ceo|cfo|coo|chief\s+\w+\s+officer|executive|management|leadership|board|"
            r"chair(?:man|woman|person)?)\s+(?:transitions?|succession|changes?)|"
            r"(?:to\s+)?succeeds?\b[^.;]{0,60}?\bas\s+(?:ceo|chief|president|chair)|to\s+succeed\b|"
            r"successor\b|"
            r"(?:to|will)\s+retire\b(?!\s+(?:its|the|all|\$|\d|outstanding|debt|notes|bonds|shares))|"
            r"(?:retire(?:s|ment)?|resign(?:s|ation)?|departure|steps?\s+down)\b[^.]{0,60}?"
            r"\b(?:ceo|cfo|coo|chief\s+\w+\s+officer|president|chair(?:man|woman|person)?))",
            re.I,
        ),
    ),
    (
        "product",
        re.compile(
            r"\b(?:launch(?:es|ed)?|introduc(?:es|ed|ing)|unveil(?:s|ed)?|now\s+available|"
            r"commercial(?:ly)?\s+(?:available|availability|launch)|"
            r"rolls?\s+out|(?:fda|ema|regulatory|european\s+commission|health\s+canada)\b[^.]{0,40}"
            r"\b(?:approv\w*|clear\w*|authoriz\w*)|approv(?:al|es|ed)\s+(?:of|for)\b[^.]{0,60}\b"
            r"(?:treatment|therapy|indication|patients))",
            re.I,
        ),
    ),
    (
        "corporate",
        re.compile(
            r"\b(?:spin-?off|separation|split-?off|dividends?|(?:share|stock)\s+repurchase|"
            r"repurchase\s+program|buyback|(?:stock|share)\s+split|rebrand\w*|"
            r"name\s+change|changes?\s+(?:its\s+)?name|restructur\w*|relocat\w*|headquarters|"
            r"award\w*|named\s+(?:one\s+of|to|a)\b|recogni[sz]ed|ranked|sustainab\w*|strategy|"
            r"strategic\s+plan|plan\s+to\s+create|investor\s+day|guidance|outlook)\b",
            re.I,
        ),
    ),
)
# 8-K item numbers: what a filing without a press release reports.
_ITEM_KINDS = {
    "1.01": "deal",
    "1.02": "deal",
    "2.01": "deal",
    "2.02": "earnings",
    "2.03": "offering",
    "3.02": "offering",
    "5.01": "governance",
    "5.02": "governance",
    "5.03": "governance",
    "5.05": "governance",
    "5.07": "governance",
    "5.08": "governance",
    "8.01": "",
    "7.01": "",
    "9.01": "",
}


@lru_cache(maxsize=4096)
def classify_text(
    *texts: str | None, skip: tuple[str, ...] = (), first: tuple[str, ...] = ()
) -> str:
    """The first rule that matches, trying each text in turn; 'other' when none does.

    Rules for the kinds in `first` are tried before the others.
    """
    rules = [r for r in RULES if r[0] in first] + [r for r in RULES if r[0] not in first]
    for text in texts:
        if not text:
            continue
        for kind, pattern in rules:
            if kind not in skip and pattern.search(text):
                return kind
    return "other"


def classify_items(items: list[tuple[str, str]], body: str) -> str:
    """Kind of an 8-K main document from its items, or from its text for 7.01/8.01 only.

    In an item's text a transaction outranks the meeting and proxy language that filings
    about a merger always carry.
    """
    for number, _title in items:
        kind = _ITEM_KINDS.get(number)
        if kind:
            return kind
    return classify_text(body[:3000], skip=("event", "earnings"), first=("deal", "offering"))
