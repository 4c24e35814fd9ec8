"""tppo_extract: typed records of anti-trafficking (TPPO) prevention work from Indonesian news."""

from .about import __version__
from .pipeline import load

__all__ = ["__version__", "load"]
