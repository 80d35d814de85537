"""Stage package: structure."""
