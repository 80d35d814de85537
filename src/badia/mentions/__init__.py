"""Stage package: mentions."""
