"""Towns by name: their country and where they lie (`data/towns.json`, built from GeoNames by
scripts/build_towns.py). The gazetteer of countries.json knows capitals and the venues news
returns to; this table knows the thousands of other towns talks are held in, so that "Wuhan"
is in China and far from Beijing. A name several large towns bear is not in it: such a place
stays of unknown country, as it was."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from bot.extract.pipeline import load_data
from bot.names import fold

# Towns this close are one place as far as the news goes: "Rawalpindi" and "Islamabad",
# "Versailles" and "Paris"; not "The Hague" and "Amsterdam".
NEAR_KM = 30.0
# Towns this far apart are two places: "Wuhan" and "Beijing". Between the two, a venue town
# an outlet names beside the capital ("Entebbe", "Kampala") may be the same occasion's.
FAR_KM = 100.0


@dataclass(frozen=True)
class Town:
    name: str
    country_code: str  # ISO 3166 alpha-3
    latitude: float
    longitude: float


@lru_cache(maxsize=1)
def _towns() -> dict[str, Town]:
    table = load_data("towns")["towns"]
    return {fold(name): Town(name, code, lat, lon) for name, (code, lat, lon) in table.items()}


def town_named(name: str | None, country_code: str | None = None) -> Town | None:
    """The town the name gives ("the Wuhan" read as "Wuhan"), when it is in the country given
    (if one is); None for a name the table does not know."""
    if not name:
        return None
    found = _towns().get(fold(name).removeprefix("the "))
    if found is None or (country_code and found.country_code != country_code):
        return None
    return found


def km_between(a: Town, b: Town) -> float:
    """The great-circle distance between two towns, in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def near(a: Town, b: Town) -> bool:
    return km_between(a, b) <= NEAR_KM


def far(a: Town, b: Town) -> bool:
    return km_between(a, b) >= FAR_KM
