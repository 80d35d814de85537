"""Stage package: time."""
