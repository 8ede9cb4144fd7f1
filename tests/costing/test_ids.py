"""One rule for ids: a readable slug of the name, numbered when taken."""

from costready.costing.ids import new_id, slug


def test_a_name_becomes_a_readable_slug():
    assert new_id("Home support", []) == "home-support"
    assert slug("Day activities (Tues)") == "day-activities-tues"


def test_accents_are_dropped_not_lost():
    assert new_id("Café club", []) == "cafe-club"


def test_a_taken_id_is_numbered_from_two():
    assert new_id("Home support", ["home-support"]) == "home-support-2"
    assert new_id("Home support", ["home-support", "home-support-2"]) == "home-support-3"


def test_a_name_with_nothing_readable_takes_the_fallback():
    assert new_id("  £!  ", [], fallback="service") == "service"
    assert new_id("", ["item"]) == "item-2"


def test_taken_may_be_any_iterable_even_a_generator():
    assert new_id("Rent", (i for i in ["rent"])) == "rent-2"
