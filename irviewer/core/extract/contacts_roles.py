"""Turn parsed entries into Contacts: pair department cards, settle roles and organisations."""

from __future__ import annotations

import re
from collections import Counter

from irviewer.core.extract.contacts_parse import Entry
from irviewer.core.extract.contacts_words import ORG_SUFFIX_RE, norm_key
from irviewer.core.records import Contact

INVESTOR_RE = re.compile(r"\binvestors?\b|\bshareholders?\b|\bIR\b|\banalysts?\b", re.IGNORECASE)
MEDIA_RE = re.compile(
    r"\bmedia\b|\bpress\b|public relations|communications|\bPR\b|\bnews", re.IGNORECASE
)
INVESTOR_MAIL_RE = re.compile(r"^(?:ir|investors?|investor[._-]?relations|shareholders?)\b|"
                              r"^ir[._-]|investorrelations")
MEDIA_MAIL_RE = re.compile(r"press|media|^pr\b|^pr[._-]|^news|communications|comms")
DEPARTMENT_RE = re.compile(r"relations|communications|office|affairs", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z0-9][\w&'\u2019.-]*")
_TICKER_RE = re.compile(r"[A-Z]{2,5}")


def finish_entries(
    entries: list[tuple[Entry, int]], rows_text: list[str], company: str | None
) -> list[Contact]:
    """Contacts in print order, without duplicates (a block printed twice counts once)."""
    entries = _pair_cards(entries)
    orgs = _OrgFinder(rows_text, company)
    out: list[Contact] = []
    seen: set[tuple[str, str, str]] = set()
    both_domain: dict[int, str] = {}
    for entry, block in entries:
        role = _role(entry, block, both_domain)
        if role is None:
            continue
        key = (norm_key(entry.name or ""), (entry.email or "").casefold(),
               re.sub(r"\D", "", entry.phone or ""))
        if key in seen:
            continue
        seen.add(key)
        title = entry.title
        if not title and not entry.name and entry.label and entry.role != "both" and (
            DEPARTMENT_RE.search(entry.label)
            and not re.search(r"(?i)contacts?$|inquiries$", entry.label)
        ):
            title = _label_title(entry.label)
        out.append(Contact(
            role=role,
            name=entry.name,
            organization=entry.org or orgs.find(entry.email),
            title=title,
            phone=entry.phone,
            email=entry.email,
        ))
    return out


def _label_title(label: str) -> str:
    return re.sub(r"(?i)^for\s+|\s+(?:contacts?|inquiries|enquiries)$", "", label).strip(" :")


def _pair_cards(entries: list[tuple[Entry, int]]) -> list[tuple[Entry, int]]:
    """'Investor Relations (833) ...' / 'Media (667) ...' then 'Jane Doe jane@' / 'John Roe john@':
    department phones printed apart from the people are paired with them in column order."""
    out: list[tuple[Entry, int]] = []
    i = 0
    while i < len(entries):
        k = 0
        while (i + k < len(entries) and entries[i + k][1] == entries[i][1]
               and _is_department(entries[i + k][0])):
            k += 1
        people = entries[i + k: i + 2 * k]
        if k and len(people) == k and all(
            b == entries[i][1] and e.name and not e.phone and not e.own_label for e, b in people
        ):
            for (dept, block), (person, _) in zip(entries[i: i + k], people, strict=True):
                out.append((Entry(
                    role=dept.role, name=person.name, org=person.org or dept.org,
                    title=person.title or (_label_title(dept.label) if dept.label else None),
                    phone=dept.phone, email=person.email, label=dept.label, own_label=True,
                ), block))
            i += 2 * k
            continue
        out.append(entries[i])
        i += 1
    return out


def _is_department(e: Entry) -> bool:
    return bool(e.own_label and e.phone and not e.name and not e.email)


def _role(entry: Entry, block: int, both_domain: dict[int, str]) -> str | None:
    role = entry.role
    if role is None:
        return _infer_role(entry)
    if role == "both":
        domain = (entry.email or "").rsplit("@", 1)[-1].casefold()
        base = both_domain.setdefault(block, domain) if domain else both_domain.get(block, "")
        agency = (domain and base and domain != base) or (
            entry.org and re.search(r"\bfor\b", entry.org)
        )
        return "media" if agency else "investor"
    return role


def _infer_role(entry: Entry) -> str | None:
    """Audience of an unlabelled contact, from its title or mailbox; None when unknown."""
    text = " ".join(t for t in (entry.title, entry.label) if t)
    inv, med = INVESTOR_RE.search(text), MEDIA_RE.search(text)
    if inv or med:
        if inv and med:
            return "investor" if inv.start() <= med.start() else "media"
        return "investor" if inv else "media"
    local = (entry.email or "").split("@")[0].casefold()
    if INVESTOR_MAIL_RE.search(local):
        return "investor"
    if MEDIA_MAIL_RE.search(local):
        return "media"
    return None


class _OrgFinder:
    """The organisation of a contact whose block prints none: the name its mail domain spells
    in the text ('northwind.com' -> 'Northwind', 'acmefinancial.com' -> 'Acme
    Financial'), else the company."""

    def __init__(self, rows_text: list[str], company: str | None) -> None:
        self.rows_text = rows_text
        self.company = company
        self.guessed: str | None = None
        self.cache: dict[str, str | None] = {}
        self._folded: list[str] | None = None
        self._words: dict[int, tuple[list[str], list[str]]] = {}

    def find(self, email: str | None) -> str | None:
        spelled = None
        if email:
            domain = mail_domain(email)
            if domain not in self.cache:
                self.cache[domain] = self._spelled(domain)
            spelled = self.cache[domain]
        if spelled and _TICKER_RE.fullmatch(spelled):
            spelled = None  # a ticker ('JNJ' for jnj.com) is not how the firm is named
        if self.company:
            # the company's own short name, or an outside firm the text names
            return spelled or self.company
        if spelled:
            return spelled
        if self.guessed is None:
            self.guessed = _guess_company(self.rows_text) or ""
        return self.guessed or spelled

    def _spelled(self, domain: str) -> str | None:
        if len(domain) < 3:
            return None
        found: Counter[str] = Counter()
        if self._folded is None:
            self._folded = [text.casefold() for text in self.rows_text]
        for n, text in enumerate(self.rows_text):
            if domain[:3] not in self._folded[n]:
                continue
            if n not in self._words:
                words = _WORD_RE.findall(text)
                self._words[n] = (words, [norm_key(w) for w in words])
            words, keys = self._words[n]
            for i in range(len(words)):
                if not domain.startswith(keys[i]):
                    continue  # every key built from words[i] on starts with its own
                key = ""
                for j in range(i, min(i + 4, len(words))):
                    key += keys[j]
                    if key == domain and (words[i][0].isupper() or words[i][0].isdigit()):
                        found[" ".join(words[i: j + 1]).rstrip(".")] += 1
                    if len(key) >= len(domain):
                        break
        return found.most_common(1)[0][0] if found else None


def mail_domain(email: str) -> str:
    """The organisation part of a mail domain: 'its.jnj.com' -> 'jnj', 'x.com.au' -> 'x'."""
    parts = email.rsplit("@", 1)[-1].lower().split(".")
    if len(parts) >= 3 and parts[-2] in {"co", "com", "org", "net", "ac", "gov", "edu"}:
        return norm_key(parts[-3])
    return norm_key(parts[-2]) if len(parts) >= 2 else ""


EXCHANGE_RE = re.compile(
    r"((?:[A-Z0-9][\w&'\u2019.-]*,?\s+|&\s+){0,4}[A-Z0-9][\w&'\u2019.-]*)\s*"
    r"(?:\([\"\u201c][^)]*\)\s*)?\(\s*(?:NYSE|NASDAQ|Nasdaq|Euronext|LSE|TSX|ASX|AMEX|OTC\w*)\s*:"
)


def _guess_company(rows_text: list[str]) -> str | None:
    """Without metadata: the name printed before '(NYSE: ...', else an 'About X' heading."""
    named: Counter[str] = Counter()
    for text in rows_text:
        for m in EXCHANGE_RE.finditer(text):
            named[m.group(1).strip(" ,")] += 1
    if named:
        return named.most_common(1)[0][0]
    body = "\n".join(rows_text)
    best: tuple[int, str] | None = None
    for text in rows_text:
        if text.startswith("About ") and len(text) < 60 and text[6:7].isupper():
            name = text[6:].strip()
            count = body.count(ORG_SUFFIX_RE.sub("", name).strip() or name)
            if best is None or count > best[0]:
                best = (count, name)
    return best[1] if best else None
