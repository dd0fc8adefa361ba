"""Qt-free core: ingest, extract, store and export. Never imports PySide6."""
