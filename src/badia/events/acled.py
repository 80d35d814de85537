"""Our event types mapped to ACLED event and sub-event types (GUIDELINES section 1)."""

from __future__ import annotations

_STATE_SIDES = {"government", "russia"}

_MAP: dict[str, tuple[str, str]] = {
    "attack": ("Battles", "Armed clash"),
    "clash": ("Battles", "Armed clash"),
    "ambush": ("Battles", "Armed clash"),
    "withdrawal": ("Strategic developments", "Non-violent transfer of territory"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "civilian_violence": ("Violence against civilians", "Attack"),
    "deployment": ("Strategic developments", "Other"),
    "other": ("Strategic developments", "Other"),
}


def acled_types(event_type: str, side1: str | None, quote: str = "") -> tuple[str, str]:
    """(ACLED event type, sub-event type); captures depend on who takes the ground."""
    if event_type == "capture":
        if side1 in _STATE_SIDES:
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    if event_type == "bombing" and "suicide" in quote.lower():
        return "Explosions/Remote violence", "Suicide bomb"
    if event_type == "civilian_violence" and any(w in quote.lower() for w in ("kidnap", "abduct")):
        return "Violence against civilians", "Abduction/forced disappearance"
    return _MAP[event_type]
