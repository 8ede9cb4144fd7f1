"""Invoicing (later issues build here)."""
