"""The one version source of the package."""

__version__ = "0.1.0"
