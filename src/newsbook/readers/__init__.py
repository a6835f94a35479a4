"""Readers: one module per input format; each returns the shared model."""
from .freshrss_text import ReadResult, read

READERS = {"freshrss-text": read}

__all__ = ["READERS", "ReadResult", "read"]
