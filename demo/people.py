"""Places and (fictional) people of the demo catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import cycle


@dataclass(frozen=True)
class Place:
    """A municipality or district with its official key; a joint model project has the
    keys of its other members in `further_keys`."""

    name: str
    key: str
    state: str
    region: str | None = None
    further_keys: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "key": self.key, "state": self.state, "region": self.region}


NRW = "Nordrhein-Westfalen"
SWF = "Südwestfalen"

# The official keys of "5 für Südwestfalen": Arnsberg, Bad Berleburg, Menden (Sauerland),
# Olpe and Soest.
SUEDWESTFALEN_FIVE = ("05958004", "05970004", "05962040", "05966024", "05974040")

# The regions of the demo's regional series, by the district keys (Kreisschlüssel) they span.
REGIONS: dict[str, tuple[str, ...]] = {
    # Hochsauerlandkreis, Märkischer Kreis, Kreis Olpe, Kreis Siegen-Wittgenstein, Kreis Soest
    SWF: ("05958", "05962", "05966", "05970", "05974"),
    "Oberbergisches Land": ("05374",),
}

MODEL_PROJECTS: tuple[Place, ...] = (
    Place("Stadt Wuppertal", "05124000", NRW, "Bergisches Land"),
    Place("Landeshauptstadt Potsdam", "12054000", "Brandenburg"),
    Place("Stadt Mannheim", "08222000", "Baden-Württemberg", "Rhein-Neckar"),
    Place("Stadt Kempten (Allgäu)", "09763000", "Bayern", "Allgäu"),
    Place("5 für Südwestfalen", SUEDWESTFALEN_FIVE[0], NRW, SWF, SUEDWESTFALEN_FIVE[1:]),
    Place("Landkreis Mayen-Koblenz", "07137", "Rheinland-Pfalz"),
    Place("Stadt Jena", "16053000", "Thüringen"),
    Place("Hansestadt Lübeck", "01003000", "Schleswig-Holstein"),
    Place("Stadt Iserlohn", "05962024", NRW, SWF),
    Place("Kalletal und Lemgo", "05766036", NRW, "Lippe", ("05766044",)),
    Place("Stadt Bochum", "05911000", NRW, "Ruhrgebiet"),
)

MUNICIPALITIES: dict[str, Place] = {
    place.name: place
    for place in (
        Place("Stadt Meschede", "05958032", NRW, SWF),
        Place("Stadt Brilon", "05958012", NRW, SWF),
        Place("Stadt Lüdenscheid", "05962032", NRW, SWF),
        Place("Gemeinde Wenden", "05966028", NRW, SWF),
        Place("Stadt Lippstadt", "05974028", NRW, SWF),
        Place("Stadt Landshut", "09261000", "Bayern", "Niederbayern"),
        Place("Stadt Memmingen", "09764000", "Bayern", "Allgäu"),
        Place("Stadt Speyer", "07318000", "Rheinland-Pfalz", "Vorderpfalz"),
        Place("Stadt Trier", "07211000", "Rheinland-Pfalz", "Trier"),
        Place("Stadt Brandenburg an der Havel", "12051000", "Brandenburg", "Havelland"),
        Place("Stadt Frankfurt (Oder)", "12053000", "Brandenburg", "Oderland"),
        Place("Stadt Flensburg", "01001000", "Schleswig-Holstein", "Nordfriesland"),
    )
}

_FIRST = ("Lena", "Jonas", "Miriam", "Tobias", "Sara", "Felix", "Hanna", "David", "Katrin", "Paul")
_LAST = ("Hofmann", "Becker", "Wagner", "Schulte", "Krause", "Vogel", "Lorenz", "Berger", "Engel")


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    locale: str = "de"


def people() -> Iterator[Person]:
    """An endless, repeatable stream of fictional people with example.org addresses."""
    firsts, lasts = cycle(_FIRST), cycle(_LAST)
    for number in range(1, 10_000):
        first, last = next(firsts), next(lasts)
        locale = "en" if number % 7 == 0 else "de"
        email = f"{first}.{last}.{number}@example.org".lower()
        yield Person(f"{first} {last}", email, locale)
