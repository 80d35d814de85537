"""Stage package: evaluate."""
