"""Compliance (later issues build here)."""
