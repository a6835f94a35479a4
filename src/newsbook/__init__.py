"""newsbook: FreshRSS text copy -> model of plain-text blocks -> MyST Jupyter Book."""

__version__ = "0.1.0"
