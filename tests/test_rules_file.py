"""The kernel's reader of the dated rules file: every entry readable, named and sourced."""

from __future__ import annotations

from costready import rules_file


def test_every_entry_has_a_name_people_read() -> None:
    # A figure or rule without a label would show its key (or fail) wherever it is quoted.
    unnamed = [entry.key for entry in rules_file.all_entries() if not entry.label]
    assert unnamed == []


def test_every_entry_has_an_official_https_source_and_dates() -> None:
    for entry in rules_file.all_entries():
        assert entry.source.startswith("https://"), entry.key
        assert entry.applies_from <= entry.checked or entry.key, entry.key


def test_sections_are_read_generically() -> None:
    # Invoicing and compliance add sections (late payment, procurement...) without new code
    # here: each is listed and its entries come back keyed "section.name".
    for section in rules_file.other_sections():
        for name, entry in rules_file.section_entries(section).items():
            assert entry.key == f"{section}.{name}"
