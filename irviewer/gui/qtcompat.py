"""Work-arounds for bugs in the Qt binding that the app cannot avoid otherwise.

PySide6 6.12.0 on CPython 3.11: whenever a Python override called from C++ returns ``None`` where
Qt expects a QVariant (``QAbstractItemModel.data``/``headerData`` for a role the model does not
serve, ``QTextBrowser.loadResource`` refusing a URL, ...), the binding drops one reference to
``None`` that it never took. Views ask for unserved roles constantly, so after some tens of
thousands of calls ``None``'s reference count reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc". Measured here: 1,000 ``index.data(role)`` calls on a model
returning None lower ``sys.getrefcount(None)`` by exactly 1,000.

CPython 3.12 made ``None`` immortal (a fixed, huge reference count); ``make_none_immortal`` does
the same on 3.11 by adding 2**40 references once, which no session can use up.
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40


def make_none_immortal() -> None:
    """Give ``None``, ``True`` and ``False`` so many references that the binding's stray
    decrements never free them (``True``/``False`` lose one about every three viewports
    scrolled: "Fatal Python error: bool_dealloc")."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return  # immortal there already (or refcounts work differently)
    import ctypes

    for value in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(value))
        if refcount.value < _HEADROOM:
            refcount.value += _HEADROOM
