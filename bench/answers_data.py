"""Synthetic facts for the answer benchmark, written straight into a Briefbot database (no spaCy).

Per article: ~5 entity mentions, 3 statements (some repeated by other outlets), 2 events (some
reports of an event already stored) with 2 participants each, sources and every FTS row. Entities
grow with the archive (persons, organisations, countries, each with aliases). Deterministic for a
given seed; `fill(db, start, stop)` adds articles start..stop-1, so a 10,000-article database can
be grown to 100,000. Parameterised SQL only, through executemany, in one transaction per chunk.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.extract.countries import country_index
from bot.names import name_key

COUNTRY_CODES = (
    "RUS USA UKR CHN TUR AZE ARM GEO IRN ISR PSE SAU QAT EGY FRA DEU GBR ITA POL IND PAK JPN "
    "KOR PRK BRA MEX CAN AUS ZAF NGA ETH KEN SYR IRQ JOR LBN ARE KAZ UZB BLR HUN SRB VEN CUB "
    "ESP NLD BEL SWE FIN NOR"
).split()
REAL_PEOPLE = (
    ("Sergei Lavrov", ["Lavrov", "Sergey Lavrov"], "Foreign Minister", "RUS"),
    ("Marco Rubio", ["Rubio"], "Secretary of State", "USA"),
    ("Antony Blinken", ["Blinken"], "Secretary of State", "USA"),
    ("Vladimir Putin", ["Putin"], "President", "RUS"),
    ("Donald Trump", ["Trump"], "President", "USA"),
    ("Volodymyr Zelensky", ["Zelensky", "Zelenskyy"], "President", "UKR"),
    ("Wang Yi", [], "Foreign Minister", "CHN"),
    ("Hakan Fidan", ["Fidan"], "Foreign Minister", "TUR"),
    ("Jeyhun Bayramov", ["Bayramov"], "Foreign Minister", "AZE"),
    ("Ararat Mirzoyan", ["Mirzoyan"], "Foreign Minister", "ARM"),
    ("Abbas Araghchi", ["Araghchi"], "Foreign Minister", "IRN"),
    ("Emmanuel Macron", ["Macron"], "President", "FRA"),
    ("Maria Zakharova", ["Zakharova"], "spokesperson", "RUS"),
    ("Steve Witkoff", ["Witkoff"], "envoy", "USA"),
)
FIRST = (
    "Anna Boris Carlos Dana Elif Farid Gustav Hana Ivan Jin Karim Lena Mehmet Nadia Omar Pavel "
    "Quentin Rania Sofia Tomas Umar Vera Wei Ximena Yusuf Zara Ali Bela Chen Dmitri"
).split()
LAST = (
    "Petrov Novak Kaya Rahimi Schmidt Haddad Tanaka Moreau Kowalski Silva Ivanova Aliyev Grigoryan "
    "Lee Okafor Mendes Rossi Yilmaz Kuznetsov Dubois Nakamura Popescu Horvat Jensen Larsen Costa "
    "Fischer Navarro Bakr Hosseini Kim Singh Sato Volkov Orlov Abdi Mensah Ochoa Varga Lind"
).split()
TITLES = (
    "Foreign Minister",
    "Deputy Foreign Minister",
    "Prime Minister",
    "President",
    "ambassador",
    "spokesperson",
    "Defence Minister",
    "envoy",
    "Secretary of State",
    "adviser",
)
ORG_STEMS = (
    "Ministry of Foreign Affairs",
    "Defence Ministry",
    "Security Council",
    "Parliament",
    "Presidential Office",
    "Embassy",
    "Foreign Ministry",
)
TOPICS = (
    "sanctions ceasefire embassy nuclear gas oil grain trade border peace security visas "
    "prisoners drones tariffs elections refugees corridor pipeline investment energy shipping "
    "arms missiles humanitarian aid reconstruction water climate debt"
).split()
FILLER = (
    "the of and to in a that on for with said talks officials government meeting week new "
    "agreement countries minister foreign would state also after between its their over "
    "statement relations two sides support issues discussed further cooperation process"
).split()
VERBS = ("said", "told reporters", "stressed", "warned", "announced", "noted", "added", "claimed")
OUTLETS = tuple(
    f"{name} {kind}"
    for name in (
        "Caspian",
        "Global",
        "Daily",
        "Capital",
        "Eastern",
        "Atlantic",
        "Pacific",
        "Nordic",
    )
    for kind in ("News", "Times", "Post", "Wire", "Herald")
)
EVENT_TYPES = (
    ("CONSULT", 35),
    ("AGREE", 10),
    ("ACCUSE", 8),
    ("THREATEN", 5),
    ("SUPPORT", 6),
    ("COOPERATE", 6),
    ("REQUEST", 5),
    ("REJECT", 5),
    ("SANCTION", 4),
    ("PROTEST", 3),
    ("AID", 3),
    ("CONCEDE", 2),
    ("RETREAT", 2),
    ("MOBILIZE", 2),
    ("COERCE", 2),
    ("ASSAULT", 2),
)
CONSULT_KINDS = ("talks", "meeting", "phone call", "visit", "negotiations", "summit")
YEARS = 5
CHUNK = 5_000

INSERT_SOURCE = "INSERT OR IGNORE INTO sources (id, name) VALUES (?, ?)"
INSERT_ENTITY = """INSERT INTO entities
(id, key, name, kind, title, country, country_code, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"""
INSERT_ALIAS = "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, norm) VALUES (?, ?, ?)"
INSERT_ARTICLE = """INSERT INTO articles
(id, source_id, title, author, url, canonical_url, content_hash, published, language, origin, text,
ingested_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 'en', ?, ?, ?)"""
INSERT_MENTION = "INSERT OR IGNORE INTO mentions (article_id, entity_id) VALUES (?, ?)"
INSERT_STATEMENT = """INSERT INTO statements (id, key, speaker_entity_id, speaker, speaker_text,
speaker_kind, speaker_title, speaker_country, verb, content, quote, date, first_seen)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
INSERT_STATEMENT_SOURCE = """INSERT OR IGNORE INTO statement_sources (statement_id, article_id,
evidence, content_start, content_end, speaker_text) VALUES (?, ?, ?, ?, ?, ?)"""
INSERT_EVENT = """INSERT INTO events (id, type, kind, mode, date, date_precision, status,
location_name, location_country_code, location_detail, topics, excluded_topics, outcome, content,
first_seen, updated_at) VALUES (?, ?, ?, ?, ?, 'day', ?, ?, ?, NULL, ?, '[]', ?, ?, ?, ?)"""
INSERT_PARTICIPANT = """INSERT OR IGNORE INTO event_participants (event_id, entity_id, name, kind,
country_code) VALUES (?, ?, ?, ?, ?)"""
INSERT_EVENT_SOURCE = """INSERT OR IGNORE INTO event_sources (event_id, article_id, evidence,
evidence_start, evidence_end, claimed_status, claimed_date, claimed_location)
VALUES (?, ?, ?, 0, ?, ?, ?, ?)"""
INSERT_EVENT_FTS = "INSERT INTO events_fts (rowid, topics, text) VALUES (?, ?, ?)"
MAX_ID = "SELECT coalesce(max(id), 0) FROM {table}"  # table names are constants below, not input


class Generator:
    """Deterministic facts: article i always gets the same entities, statements and events."""

    def __init__(self, total: int, seed: int = 7) -> None:
        self.total = total
        self.seed = seed
        self.now = datetime.now(UTC).replace(microsecond=0)
        self.start = self.now - timedelta(days=365 * YEARS)
        self.countries = [country_index().by_code(code) for code in COUNTRY_CODES]

    # --- entities ----------------------------------------------------------------------------
    def entities(
        self, articles: int
    ) -> list[tuple[int, str, str, str | None, str | None, list[str]]]:
        """(id, kind, name, title, country_code, aliases) for an archive of `articles` articles:
        countries, the real people, then generated people and organisations (one per 5 articles)."""
        rows: list[tuple[int, str, str, str | None, str | None, list[str]]] = []
        for c in self.countries:
            rows.append((len(rows) + 1, "country", c.name, None, c.code, []))
        for name, aliases, title, code in REAL_PEOPLE:
            rows.append((len(rows) + 1, "person", name, title, code, aliases))
        extra = articles // 5
        seen = {name_key(row[2]) for row in rows}
        for k in range(extra):
            rng = random.Random(f"{self.seed}-entity-{k}")
            code = rng.choice(COUNTRY_CODES)
            if k % 6 == 5:
                country = country_index().by_code(code).name
                name = f"{rng.choice(ORG_STEMS)} of {country} {k}"
                rows.append(
                    (len(rows) + 1, "organization", name, None, code, [f"{country} {k} office"])
                )
            else:
                first, last = rng.choice(FIRST), rng.choice(LAST)
                name = f"{first} {last}"
                if name_key(name) in seen:
                    name = f"{first} {last}-{_tag(k)}"
                while name_key(name) in seen:  # transliteration folding can merge two tags
                    name += "q"
                seen.add(name_key(name))
                surname = name.split(" ", 1)[1]
                rows.append(
                    (
                        len(rows) + 1,
                        "person",
                        name,
                        rng.choice(TITLES),
                        code,
                        [surname, f"{first[0]}. {surname}"],
                    )
                )
        return rows

    # --- articles ----------------------------------------------------------------------------
    def when(self, i: int) -> datetime:
        """Article i's publication time: evenly over the last YEARS years, the newest today."""
        return self.start + (self.now - self.start) * ((i + 1) / self.total)


def _tag(k: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        out = letters[k % 26] + out
        k //= 26
        if not k:
            return out.capitalize()


def _words(rng: random.Random, n: int, topics: list[str]) -> str:
    return " ".join(
        rng.choice(topics) if rng.random() < 0.2 else rng.choice(FILLER) for _ in range(n)
    )


def _next_id(db: sqlite3.Connection, table: str) -> int:
    assert table in ("entities", "articles", "statements", "events")
    return db.execute(MAX_ID.format(table=table)).fetchone()[0] + 1


def fill(path: Path, start: int, stop: int, total: int, seed: int = 7) -> None:
    """Add articles start..stop-1 (of an archive planned to reach `total`) with all their facts."""
    gen = Generator(total, seed)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")
    try:
        with db:
            db.executemany(INSERT_SOURCE, list(enumerate(OUTLETS, start=1)))
            known = _next_id(db, "entities") - 1
            stamp = gen.now.isoformat()
            new = [e for e in gen.entities(stop) if e[0] > known]
            db.executemany(
                INSERT_ENTITY,
                [
                    (
                        eid,
                        f"{kind}:{name_key(name)}",
                        name,
                        kind,
                        title,
                        country_index().by_code(code).name if kind != "country" else None,
                        code,
                        stamp,
                    )
                    for eid, kind, name, title, code, _ in new
                ],
            )
            db.executemany(
                INSERT_ALIAS,
                [
                    (eid, alias, name_key(alias))
                    for eid, _, name, _, _, aliases in new
                    for alias in [name, *aliases]
                ],
            )
        entities = gen.entities(stop)
        for chunk in range(start, stop, CHUNK):
            with db:
                _fill_chunk(db, gen, entities, chunk, min(stop, chunk + CHUNK))
    finally:
        db.close()


def _fill_chunk(
    db: sqlite3.Connection, gen: Generator, entities: list, start: int, stop: int
) -> None:
    countries = [e for e in entities if e[1] == "country"]
    people = [e for e in entities if e[1] == "person"]
    orgs = [e for e in entities if e[1] == "organization"] or countries
    famous = people[: len(REAL_PEOPLE)]
    next_statement, next_event = _next_id(db, "statements"), _next_id(db, "events")
    rows: dict[str, list[tuple]] = {
        k: []
        for k in (
            "articles",
            "mentions",
            "statements",
            "statement_sources",
            "events",
            "participants",
            "event_sources",
            "events_fts",
        )
    }
    for i in range(start, stop):
        rng = random.Random(f"{gen.seed}-article-{i}")
        article_id = i + 1
        when = gen.when(i)
        day = when.date().isoformat()
        seen = (when + timedelta(hours=rng.randint(1, 36))).isoformat(timespec="microseconds")
        topics = rng.sample(TOPICS, 3)
        a, b = rng.sample(countries[:12], 2) if rng.random() < 0.7 else rng.sample(countries, 2)
        title = f"{a[2]} and {b[2]} discuss {topics[0]} and {topics[1]}"
        text = f"{title}. " + _words(rng, rng.randint(60, 140), topics) + "."
        url = f"https://news.example/{i}"
        rows["articles"].append(
            (
                article_id,
                rng.randint(1, len(OUTLETS)),
                title,
                url,
                url,
                hashlib.sha256(f"{gen.seed}-{i}".encode()).hexdigest(),
                day,
                f"bench/{i}",
                text,
                seen,
            )
        )
        mentioned = {a[0], b[0]}
        for k in range(3):
            if (
                rng.random() < 0.1 and next_statement > 1
            ):  # another outlet carries an earlier statement
                rows["statement_sources"].append(
                    (
                        rng.randint(max(1, next_statement - 500), next_statement - 1),
                        article_id,
                        "Reported again.",
                        0,
                        10,
                        "officials",
                    )
                )
                continue
            roll = rng.random()
            if roll < 0.85:
                who = rng.choice(famous) if rng.random() < 0.3 else rng.choice(people)
                speaker, kind, title_, code = who[2], "person", who[3], who[4]
            elif roll < 0.95:
                who = rng.choice(orgs)
                speaker, kind, title_, code = who[2], "organization", None, who[4]
            else:
                who, speaker, kind, title_, code = None, None, None, None, None
            mentioned.add(who[0]) if who else None
            content = f"{topics[k % 3]} " + _words(rng, rng.randint(10, 25), topics)
            verb = rng.choice(VERBS)
            quote = rng.choice(("direct", "indirect", "mixed"))
            sid = next_statement
            next_statement += 1
            country = country_index().by_code(code).name if code else None
            rows["statements"].append(
                (
                    sid,
                    f"bench-{i}-{k}",
                    who[0] if who else None,
                    speaker,
                    speaker or "officials",
                    kind,
                    title_,
                    country,
                    verb,
                    content,
                    quote,
                    day,
                    seen,
                )
            )
            rows["statement_sources"].append(
                (
                    sid,
                    article_id,
                    f"{speaker or 'Officials'} {verb}: {content}",
                    0,
                    len(content),
                    speaker or "officials",
                )
            )
        for _ in range(2):
            if rng.random() < 0.15 and next_event > 1:  # another report of a recent event
                eid = rng.randint(max(1, next_event - 200), next_event - 1)
                rows["event_sources"].append(
                    (
                        eid,
                        article_id,
                        "A later report.",
                        15,
                        rng.choice(("ongoing", "concluded")),
                        day,
                        None,
                    )
                )
                continue
            etype = rng.choices([t for t, _ in EVENT_TYPES], [w for _, w in EVENT_TYPES])[0]
            kind = rng.choice(CONSULT_KINDS) if etype == "CONSULT" else etype.lower()
            status = rng.choice(("planned", "ongoing", "concluded", "concluded"))
            place = rng.choice(countries)
            eid = next_event
            next_event += 1
            ev_topics = json.dumps(topics[:2])
            content = f"{kind} on {topics[0]}" if etype in ("CONSULT", "AGREE") else None
            evidence = f"{a[2]} and {b[2]} held {kind} on {topics[0]} in {place[2]}."
            rows["events"].append(
                (
                    eid,
                    etype,
                    kind,
                    "in_person" if etype == "CONSULT" else None,
                    day,
                    status,
                    place[2],
                    place[4],
                    ev_topics,
                    "deal signed" if etype == "AGREE" else None,
                    content,
                    seen,
                    seen,
                )
            )
            parts = [a, b] if rng.random() < 0.8 else [a, rng.choice(famous)]
            for p in parts:
                rows["participants"].append((eid, p[0], p[2], p[1], p[4]))
                mentioned.add(p[0])
            rows["event_sources"].append(
                (eid, article_id, evidence, len(evidence), status, day, place[2])
            )
            rows["events_fts"].append((eid, " ; ".join(topics[:2]), f"{evidence} {content or ''}"))
        rows["mentions"].extend((article_id, e) for e in sorted(mentioned))
    db.executemany(INSERT_ARTICLE, rows["articles"])
    db.executemany(INSERT_MENTION, rows["mentions"])
    db.executemany(INSERT_STATEMENT, rows["statements"])
    db.executemany(INSERT_STATEMENT_SOURCE, rows["statement_sources"])
    db.executemany(INSERT_EVENT, rows["events"])
    db.executemany(INSERT_PARTICIPANT, rows["participants"])
    db.executemany(INSERT_EVENT_SOURCE, rows["event_sources"])
    db.executemany(INSERT_EVENT_FTS, rows["events_fts"])
