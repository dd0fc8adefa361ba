"""The PySide6 desktop app: timeline, reader, table grids, contacts and import.

Only this package imports Qt; it builds on ``irviewer.core`` and never writes SQL itself.
"""

from irviewer.gui.qtcompat import make_none_immortal

make_none_immortal()
