"""Compliance and market readiness: checklist definitions, applicability, readiness (no Qt)."""
