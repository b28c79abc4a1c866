"""`in PLACE` in a query: which stored locations a typed place stands for.

A country stands for every location in it (events store a city's country beside its name), a
city or any other place only for itself: `talks in Turkey` lists the Istanbul talks,
`talks in Istanbul` never lists Ankara's.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.extract.countries import country_index

# Readings of a place name that make it a country: "Turkey", "Türkiye", "the US". Capitals and
# other cities are in the index only to say which country they are in, so they stay places.
_COUNTRY_READINGS = ("name", "alias")


@dataclass(frozen=True)
class Place:
    name: str  # as typed (tidied): compared with each event's location name
    country_code: str | None = None  # set when the place is a country (ISO alpha-3)


def resolve_place(text: str) -> Place:
    """The place a user typed; never fails (an unknown place simply matches no location)."""
    name = text.strip(" \"'?.!,“”")
    country = country_index().resolve(name, hows=_COUNTRY_READINGS)
    return Place(name, country.code if country else None)
