"""Stage package: merge."""
