"""badia: conflict reports in, a geocoded, source-attributed event dataset out."""

from badia.pipeline import extract, extract_text

__all__ = ["extract", "extract_text"]
__version__ = "0.1.0"
