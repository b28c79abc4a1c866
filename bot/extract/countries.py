"""Countries from names, abbreviations, demonyms, capitals and seats of government (ISO alpha-3).

pycountry supplies the ISO list; `data/countries.json` holds Briefbot's additions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import pycountry

from bot.names import fold


@dataclass(frozen=True)
class Country:
    name: str
    code: str  # ISO 3166 alpha-3


@dataclass(frozen=True)
class CountryMatch:
    country: Country
    how: str  # name | alias | demonym | capital | institution | city | territory


class CountryIndex:
    def __init__(self, data: dict) -> None:
        display = data["display_names"]
        self._by_code: dict[str, Country] = {}
        self._lookup: dict[str, tuple[str, str]] = {}
        for c in pycountry.countries:
            name = display.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
            self._by_code[c.alpha_3] = Country(name, c.alpha_3)
            for variant in {c.name, name, getattr(c, "official_name", None) or c.name}:
                self._lookup.setdefault(fold(variant), (c.alpha_3, "name"))
                # "Democratic Republic of Congo", as news writes it, beside "... of the Congo"
                self._lookup.setdefault(
                    fold(variant).replace(" of the ", " of "), (c.alpha_3, "name")
                )
        self._by_code.setdefault("XKX", Country("Kosovo", "XKX"))
        self._capitals: dict[str, str] = {}  # code -> the capital as first listed
        for city, code in data["capitals"].items():
            self._capitals.setdefault(code, city)
        for how, table in (
            ("alias", data["aliases"]),
            ("demonym", data["demonyms"]),
            ("capital", data["capitals"]),
            ("institution", data["institutions"]),
            ("city", data["cities"]),
            ("territory", data["territories"]),
        ):
            for text, code in table.items():
                key = fold(text)
                key = key.removeprefix("the ")
                # Exact country names win over any other reading of the same words.
                if self._lookup.get(key, ("", ""))[1] != "name":
                    self._lookup[key] = (code, how)
        self._shared = {
            fold(name).removeprefix("the "): frozenset(codes)
            for name, codes in data["shared_institutions"].items()
            if not name.startswith("_")
        }
        for short, codes in data["ambiguous_short_names"].items():
            if not short.startswith("_"):
                # the short name alone is the country news means by it, not ISO's ("Congo")
                self._lookup[fold(short)] = (codes[0], "alias")

    def shared_institution(self, text: str, code: str) -> bool:
        """A seat of government's name that the country `code`'s own body bears too ("Foreign
        Office" is Pakistan's and Germany's as well as Britain's)."""
        return code in self._shared.get(fold(text).removeprefix("the "), frozenset())

    def by_code(self, code: str) -> Country | None:
        return self._by_code.get(code)

    def capital_of(self, code: str) -> str | None:
        """The country's capital ("the Ethiopian capital" is Addis Ababa)."""
        return self._capitals.get(code)

    def city_state(self, country: Country) -> bool:
        """A country whose capital bears its name (Singapore, Monaco): its name is a city's."""
        return self.capital_of(country.code) == country.name

    def match(self, text: str) -> CountryMatch | None:
        key = fold(text)
        key = key.removeprefix("the ")
        found = self._lookup.get(key)
        if found is None:
            return None
        country = self._by_code.get(found[0])
        return CountryMatch(country, found[1]) if country else None

    def resolve(
        self, text: str, *, hows: tuple[str, ...] = ("name", "alias", "demonym")
    ) -> Country | None:
        """The country `text` names, counting only the readings in `hows`."""
        found = self.match(text)
        return found.country if found and found.how in hows else None


@lru_cache(maxsize=1)
def _data() -> dict:
    """data/countries.json, read once for every table made from it."""
    raw = resources.files("bot.extract").joinpath("data/countries.json").read_text(encoding="utf-8")
    return dict(json.loads(raw))


@lru_cache(maxsize=1)
def country_index() -> CountryIndex:
    return CountryIndex(_data())


@lru_cache(maxsize=1)
def _venues() -> dict[str, tuple[str, str]]:
    return {
        fold(name).removeprefix("the "): (town, code)
        for name, (town, code) in _data()["venues"].items()
    }


def venue_town(text: str) -> tuple[str, str] | None:
    """The town and country code of a venue diplomacy is held at ("Villa La Grange": Geneva)."""
    return _venues().get(fold(text).removeprefix("the "))


@lru_cache(maxsize=1)
def combining_forms() -> dict[str, str]:
    """ "franco" -> "France": a country's form before a hyphen ("the Franco-British summit")."""
    return {form.lower(): name for form, name in _data()["combining_forms"].items()}


@lru_cache(maxsize=1)
def regional_adjectives() -> dict[str, str]:
    """ "European" -> "European Union": the body whose members a region's people are of."""
    return dict(_data()["regional_adjectives"])


@lru_cache(maxsize=1)
def quarter_words() -> frozenset[str]:
    """Words naming a quarter of a country before its name ("Northern Mali", "eastern Congo")."""
    return frozenset(_data()["quarter_words"])


@lru_cache(maxsize=1)
def world_regions() -> frozenset[str]:
    """Continents and regions ("Europe", "the Middle East"): places less precise than a country."""
    return frozenset(_data()["world_regions"])


@lru_cache(maxsize=1)
def ambiguous_short_names() -> dict[str, tuple[str, ...]]:
    """Short names two countries share ("Congo"), with the codes they may stand for."""
    table = _data()["ambiguous_short_names"]
    return {fold(k): tuple(v) for k, v in table.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def settling_forms() -> dict[str, tuple[str, ...]]:
    """For a short name, the forms one of its countries must be written in for the short name
    to be read as that one ("Korean" is the North only where "the DPRK" is written)."""
    table = _data()["ambiguous_settled_only_by"]
    return {fold(k): tuple(v) for k, v in table.items() if not k.startswith("_")}


@cache
def loose_forms(short: str) -> frozenset[str]:
    """The words that name an ambiguous short name's country no more firmly than the name does:
    its own words and its demonyms ("korea", "korean", "koreans")."""
    demonyms = _data()["ambiguous_demonyms"]
    return frozenset(fold(short).split()) | {
        fold(d)
        for d, name in demonyms.items()
        if not d.startswith("_") and fold(name) == fold(short)
    }


@lru_cache(maxsize=1)
def _demonym_of_code() -> dict[str, str]:
    out: dict[str, str] = {}
    for word, code in _data()["demonyms"].items():
        if not word.startswith("_") and not word.endswith("s"):
            out.setdefault(code, word)  # the table's first singular form: "Venezuelan"
    return out


def demonym(code: str) -> str | None:
    """The adjective of a country's people ("VEN": "Venezuelan"), or None."""
    return _demonym_of_code().get(code)
