"""Shared reportlab building blocks for the PDFs (no Qt)."""
