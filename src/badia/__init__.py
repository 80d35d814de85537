"""badia: conflict reports in, a geocoded, source-attributed event dataset out."""

from badia.pipeline import extract

__all__ = ["extract"]
__version__ = "0.1.0"
