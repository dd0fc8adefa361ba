"""irviewer: an offline viewer for investor-relations releases."""

__version__ = "0.1.0"
