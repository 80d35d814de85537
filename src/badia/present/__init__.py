"""Stage package: present."""
