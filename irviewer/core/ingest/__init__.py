"""Turn a file into a RawDocument: text lines in reading order, with page numbers."""

from irviewer.core.ingest.base import Line, RawDocument
from irviewer.core.ingest.detect import read_document

__all__ = ["Line", "RawDocument", "read_document"]
