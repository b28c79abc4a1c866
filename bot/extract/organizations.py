"""International organisations under every name reports use for them (data/organizations.json).

Like the country gazetteer: "Group of Seven" and "G7" are one body, and so are "the IAEA" and the
International Atomic Energy Agency. Entity linking, the spaCy entity ruler and cross-article event
identity all read this one table.
"""

from __future__ import annotations

from functools import lru_cache

from bot.extract.pipeline import load_data
from bot.names import name_key


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    return {
        canonical: (canonical, *aliases)
        for canonical, aliases in load_data("organizations")["organizations"].items()
    }


@lru_cache(maxsize=1)
def _by_key() -> dict[str, str]:
    return {name_key(name): canonical for canonical, names in _table().items() for name in names}


def organization_names(canonical: str) -> tuple[str, ...]:
    """Every name of the organisation whose usual name is `canonical`."""
    return _table().get(canonical, (canonical,))


def all_organization_names() -> list[str]:
    return [name for names in _table().values() for name in names]


def organization_name(text: str) -> str | None:
    """The usual name of an international organisation named `text` any way reports name it."""
    return _by_key().get(name_key(text.removeprefix("the ").removeprefix("The ")))


@lru_cache(maxsize=1)
def _movements() -> dict[str, str]:
    table = load_data("organizations")["movements"]
    return {
        name_key(name): canonical
        for canonical, aliases in table.items()
        for name in (canonical, *aliases)
    }


def all_movement_names() -> list[str]:
    return [
        name
        for canonical, aliases in load_data("organizations")["movements"].items()
        for name in (canonical, *aliases)
        if not name.startswith("the ")
    ]


def movement_names(canonical: str) -> tuple[str, ...]:
    """Every name of the movement whose one name is `canonical`."""
    return (canonical, *load_data("organizations")["movements"].get(canonical, []))


def movement_name(text: str) -> str | None:
    """The one name of a non-state movement or armed group named `text` any way outlets name it
    ("Huthi", "Houthis" and "Ansar Allah" are the Houthis), or None."""
    return _movements().get(name_key(text.removeprefix("the ").removeprefix("The ")))


@lru_cache(maxsize=1)
def _members() -> dict[str, frozenset[str]]:
    table = load_data("organizations")["members"]
    return {
        name_key(canonical): frozenset(codes)
        for canonical, codes in table.items()
        if not canonical.startswith("_")
    }


def organization_members(key: str) -> frozenset[str]:
    """The member states (ISO alpha-3) of the body whose name key is `key` (empty when it is
    none of the bodies whose meetings gather their members)."""
    return _members().get(key, frozenset())


@lru_cache(maxsize=1)
def _summit_bodies() -> frozenset[str]:
    return frozenset(name_key(b) for b in load_data("organizations")["summit_bodies"])


def gathers_only_at_summits(key: str) -> bool:
    """The body whose name key is `key` gathers its members at summits and conferences: two of
    them met with it are talks it hosts or mediates, not its meeting."""
    return key in _summit_bodies()


@lru_cache(maxsize=1)
def _organs() -> dict[str, str]:
    return {name_key(organ): body for organ, body in load_data("organizations")["organs"].items()}


def body_acted_for(text: str) -> str | None:
    """The body an organ named `text` acts for ("the European Commission": the European Union),
    by usual name, or None."""
    return _organs().get(name_key(text.removeprefix("the ").removeprefix("The ")))


@lru_cache(maxsize=1)
def _seats() -> dict[str, tuple[str, ...]]:
    return {
        name_key(city): tuple(bodies)
        for city, bodies in load_data("organizations")["seats"].items()
    }


def bodies_seated_in(city: str) -> tuple[str, ...]:
    """The international bodies a city seats ("Brussels": the EU and NATO), by usual name."""
    return _seats().get(name_key(city), ())
