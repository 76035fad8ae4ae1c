"""The official keys that identify a municipality or a district, and the Land they name.

A municipality's key (Amtlicher Gemeindeschlüssel, AGS) has 8 digits, a district's
(Kreisschlüssel) 5; the first 5 digits of a municipality's key are its district's key and
the first 2 name its Land.
"""

from __future__ import annotations

import re

from domain.errors import InvalidValue

MUNICIPALITY_KEY_DIGITS = 8
DISTRICT_KEY_DIGITS = 5
_OFFICIAL_KEY = re.compile(r"[0-9]{5}(?:[0-9]{3})?")

LAENDER = {
    "01": "Schleswig-Holstein",
    "02": "Hamburg",
    "03": "Niedersachsen",
    "04": "Bremen",
    "05": "Nordrhein-Westfalen",
    "06": "Hessen",
    "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg",
    "09": "Bayern",
    "10": "Saarland",
    "11": "Berlin",
    "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen",
    "15": "Sachsen-Anhalt",
    "16": "Thüringen",
}

# The Länder's short names (ISO 3166-2), also accepted for `state`; NRW as commonly written.
SHORT_NAMES = {
    "01": ("SH",),
    "02": ("HH",),
    "03": ("NI",),
    "04": ("HB",),
    "05": ("NW", "NRW"),
    "06": ("HE",),
    "07": ("RP",),
    "08": ("BW",),
    "09": ("BY",),
    "10": ("SL",),
    "11": ("BE",),
    "12": ("BB",),
    "13": ("MV",),
    "14": ("SN",),
    "15": ("ST",),
    "16": ("TH",),
}


def land_of(key: str | None) -> str | None:
    return LAENDER.get(key[:2]) if key else None


def is_official_key(key: object) -> bool:
    """8 digits for a municipality or 5 for a district, starting with a Land's number."""
    return isinstance(key, str) and bool(_OFFICIAL_KEY.fullmatch(key)) and land_of(key) is not None


def require_official_key(key: str | None) -> str:
    if key is None or not is_official_key(key):
        raise InvalidValue(
            f"Official key '{key or ''}' must be the 8-digit municipality key (AGS) or the "
            "5-digit district key (Kreisschlüssel) of a Land."
        )
    return key


def district_of(key: str) -> str:
    """The district key a municipality's key begins with (a district's key is its own)."""
    return key[:DISTRICT_KEY_DIGITS]


def disagreement(key: str, state: str | None) -> str | None:
    """Why `state` cannot be given with `key`, or None when it agrees (or is not given)."""
    land = land_of(key)
    if state is None or not state.strip() or land is None:
        return None
    names = (land, *SHORT_NAMES[key[:2]])
    if any(state.strip().casefold() == name.casefold() for name in names):
        return None
    return f"The official key {key} belongs to {land}, not to {state.strip()}."


def require_land(key: str, state: str | None) -> str:
    """The Land the key names, by its full name; a state given must be that Land (by its
    name or short name)."""
    reason = disagreement(key, state)
    if reason:
        raise InvalidValue(reason)
    return LAENDER[key[:2]]
