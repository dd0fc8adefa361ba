"""Read typed pieces of a contact block, in order, into contact entries.

The reader keeps a context (the audience label and organisation printed above) and one open
entry. A new name, or a second email or phone, starts a new entry; 'or' and labels close it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from irviewer.core.extract.contacts_words import Piece


@dataclass
class Entry:
    """One contact being assembled; ``role`` None means no audience label was printed."""

    role: str | None = None  # investor | media | both | other | None
    name: str | None = None
    org: str | None = None
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    label: str | None = None  # the audience label printed for this entry
    own_label: bool = False  # the label sits right above (or beside) this entry

    @property
    def empty(self) -> bool:
        return not (self.phone or self.email)


@dataclass
class Context:
    role: str | None = None
    org: str | None = None
    label: str | None = None
    fresh: bool = False  # a label was just read and no entry has taken it yet
    fax: bool = False  # the next phone is a fax number


@dataclass
class Reader:
    """Feeds pieces through the block's state; ``entries`` collects finished contacts."""

    ctx: Context = field(default_factory=Context)
    cur: Entry | None = None
    entries: list[Entry] = field(default_factory=list)

    def fork(self) -> Reader:
        """A reader for one grid column: same context, its own entries."""
        self.close()
        return Reader(ctx=replace(self.ctx))

    def close(self) -> None:
        if self.cur is not None and not self.cur.empty:
            self.entries.append(self.cur)
        self.cur = None

    def _open(self) -> Entry:
        self.close()
        ctx = self.ctx
        self.cur = Entry(role=ctx.role, org=ctx.org, label=ctx.label, own_label=ctx.fresh)
        ctx.fresh = False
        return self.cur

    def feed(self, pieces: Iterable[Piece]) -> None:
        for piece in pieces:
            handler = getattr(self, f"_on_{piece.kind}", None)
            if handler is not None:
                handler(piece)
            if piece.kind not in ("fax", "prefix"):
                self.ctx.fax = False

    def end_line(self) -> None:
        self.ctx.fax = False

    def _on_generic(self, p: Piece) -> None:
        self.close()
        self.ctx = Context(role="other", org=p.org)

    def _on_label(self, p: Piece) -> None:
        cur = self.cur
        if cur is not None and cur.name and cur.empty and not cur.own_label:
            # 'Jane Doe' / 'Acme Investor Relations': the label names the unit of the person above.
            cur.role, cur.label, cur.own_label = p.role, p.text, True
            cur.org = p.org or cur.org
            return
        self.close()
        self.ctx = Context(role=p.role, org=p.org, label=p.text, fresh=True)

    def _on_paren(self, p: Piece) -> None:
        if self.cur is not None:
            self.cur.role, self.cur.label, self.cur.own_label = p.role, p.text, True
        else:
            self.ctx.role, self.ctx.label, self.ctx.fresh = p.role, p.text, True

    def _on_or(self, p: Piece) -> None:
        self.close()

    def _on_fax(self, p: Piece) -> None:
        self.ctx.fax = True

    def _on_org(self, p: Piece) -> None:
        cur = self.cur
        if cur is not None and cur.empty:
            cur.org = p.text  # 'Jane Doe' / 'Acme': the organisation of the person above
            return
        self.close()
        self.ctx.org = p.text

    def _on_name(self, p: Piece) -> None:
        cur = self.cur
        if cur is None or cur.name or not cur.empty:
            cur = self._open()
        cur.name = p.text

    def _on_title(self, p: Piece) -> None:
        cur = self.cur
        if cur is not None and not cur.title and (cur.name or cur.empty):
            cur.title = p.text
            return
        self._open().title = p.text

    def _on_phone(self, p: Piece) -> None:
        if self.ctx.fax:
            return
        cur = self.cur
        if cur is None or cur.phone:
            cur = self._open()
        cur.phone = p.text

    def _on_email(self, p: Piece) -> None:
        cur = self.cur
        if cur is None or cur.email:
            cur = self._open()
        cur.email = p.text
