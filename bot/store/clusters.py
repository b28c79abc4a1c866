"""Events as clusters of per-article reports: storing a report, placing it in its event, and
rebuilding every event from the reports (`briefbot reindex`).

The rule deciding which reports are one event is `bot.identity`; this module only moves rows
in and out of it. Everything here runs inside the caller's write transaction, over `Db` (on
SQLite, on the writer's own thread without suspending; see bot.store.db), like `Store._save`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot import identity
from bot.facts import Event
from bot.names import name_key
from bot.store.db import Db, Row

# Candidates are events dated (or, undated, reported) this many days either side of the new
# report's date (or publication): wider than any rule in bot.identity reaches (a week's period
# and the publication lag an undated report may have), narrow enough to stay a small index range.
CANDIDATE_DAYS = 7 + identity.PUBLISHED_SLACK.days + 1
MAX_CANDIDATES = 200


@dataclass(frozen=True)
class ReindexResult:
    reports: int
    events_before: int
    events_after: int


async def save_report(
    db: Db, ev: Event, article_id: int, entity_ids: dict[str, int], now: str
) -> int:
    """Store the article's own version of the event, then place it in its event; the event id."""
    loc = ev.location
    parties = [
        {
            "name": p.name,
            "kind": p.kind,
            "country_code": p.country_code,
            "entity_id": entity_ids.get(name_key(p.name)),
            **({"convened": True} if p.convened else {}),
        }
        for p in ev.participants
    ]
    rows = await db.fetch(
        db.sql.INSERT_EVENT_REPORT,
        {
            "article_id": article_id,
            "type": ev.type,
            "kind": ev.kind,
            "mode": ev.mode,
            "participants": json.dumps(parties),
            "location_name": loc.name if loc else None,
            "location_country_code": loc.country_code if loc else None,
            "location_detail": loc.detail if loc else None,
            "date": ev.date,
            "date_precision": ev.date_precision if ev.date else None,
            "status": ev.status,
            "topics": json.dumps(ev.topics),
            "excluded_topics": json.dumps(ev.excluded_topics),
            "outcome": ev.outcome,
            "content": ev.content,
            "evidence": ev.evidence,
            "evidence_start": ev.evidence_start,
            "evidence_end": ev.evidence_end,
            "confidence": ev.confidence,
        },
    )
    return await place_report(db, rows[0][0], now)


async def place_report(db: Db, report_id: int, now: str) -> int:
    """Put a stored report into the event it is the same as, or a new one; the event id."""
    row = (await db.fetch(db.sql.GET_EVENT_REPORT, {"id": report_id}))[0]
    report = (await _reports(db, [row]))[0]
    clusters = await _candidate_clusters(db, report, row)
    chosen, verdict, verdicts = identity.best_cluster(report, clusters)
    members = [*clusters[chosen], report] if chosen is not None else [report]
    fields = _event_fields(identity.representative(members))
    if chosen is None:
        event_id = (await db.fetch(db.sql.INSERT_EVENT, {**fields, "now": now}))[0][0]
    else:
        event_id = chosen
        await db.execute(db.sql.UPDATE_EVENT, {**fields, "id": event_id})
    await db.execute(
        db.sql.SET_REPORT_EVENT,
        {
            "id": report_id,
            "event_id": event_id,
            "merge_reason": json.dumps(_reason(chosen, verdict, verdicts, len(members))),
        },
    )
    await db.executemany(
        db.sql.INSERT_EVENT_PARTICIPANT,
        [
            {
                "event_id": event_id,
                "entity_id": p.get("entity_id"),
                "name": p["name"],
                "kind": p["kind"],
                "country_code": p.get("country_code"),
            }
            for p in json.loads(row["participants"])
        ],
    )
    await db.execute(
        db.sql.INSERT_EVENT_SOURCE,
        {
            "event_id": event_id,
            "article_id": row["article_id"],
            "evidence": row["evidence"],
            "evidence_start": row["evidence_start"],
            "evidence_end": row["evidence_end"],
            "claimed_status": row["status"],
            "claimed_date": row["date"],
            "claimed_date_precision": row["date_precision"],
            "claimed_location": row["location_name"],
        },
    )
    await db.execute(db.sql.EVENT_SEEN_TIMES, {"id": event_id})
    await _index_event(db, event_id, fields)
    return event_id


# How many events standing on one report a newly learned country may move, per article.
MAX_RELEARNED = 50


async def place_again(db: Db, entity_ids: list[int], article_id: int, now: str) -> int:
    """Events of one report naming a person whose country was not known when the report was
    placed (an outlet wrote "Foreign Minister Jeje Odongo" without his country) and is known
    now: each report joins the event it can now be shown to be, if any; an event that stays on
    its own keeps its id, so a briefing that showed it does not show it again (a watch's thread
    on the event it joins may now be anchored on the moved, older report). How many moved."""
    if not entity_ids:
        return 0
    moved = 0
    joined: set[int] = set()  # events that took a report in this pass: no longer lone
    for report_id, event_id in await db.fetch(
        db.sql.LONE_REPORTS_NAMING,
        {"ids": json.dumps(entity_ids), "article_id": article_id, "limit": MAX_RELEARNED},
    ):
        if event_id in joined:
            continue
        row = (await db.fetch(db.sql.GET_EVENT_REPORT, {"id": report_id}))[0]
        report = (await _reports(db, [row]))[0]
        clusters = await _candidate_clusters(db, report, row)
        clusters.pop(event_id, None)
        chosen, _, _ = identity.best_cluster(report, clusters)
        if chosen is None:
            continue
        await db.execute(db.sql.DETACH_EVENT_REPORT, {"id": report_id})
        await db.execute(db.sql.DELETE_EVENT_FTS, {"id": event_id})
        await db.execute(db.sql.DELETE_EVENT, {"id": event_id})
        joined.add(await place_report(db, report_id, now))
        moved += 1
    return moved


async def reindex(db: Db, now: str) -> ReindexResult:
    """Rebuild every event from the stored reports, replayed in ingest order (the caller holds
    the transaction). The same reports and rule always give the same events, ids included:
    the events table is emptied, so new ids start again from 1."""
    before, reports = (await db.fetch(db.sql.COUNT_EVENTS_AND_REPORTS))[0]
    await db.execute(db.sql.DETACH_EVENT_REPORTS)
    # Participants and sources go with them (ON DELETE CASCADE).
    await db.execute(db.sql.DELETE_ALL_EVENTS)
    await db.execute(db.sql.DELETE_ALL_EVENTS_FTS)
    # Ids first: reading rows through a cursor while writing on the same connection is unsafe,
    # and the ids of even a large archive are small.
    for (report_id,) in await db.fetch(db.sql.ALL_EVENT_REPORT_IDS):
        await place_report(db, report_id, now)
    after = (await db.fetch(db.sql.COUNT_EVENTS_AND_REPORTS))[0][0]
    return ReindexResult(reports=reports, events_before=before, events_after=after)


# --- rows <-> identity ---------------------------------------------------------------------------
async def _candidate_clusters(
    db: Db, report: identity.Report, row: Row
) -> dict[int, list[identity.Report]]:
    anchor = report.date or report.published
    if anchor is None:
        return {}  # neither a date nor a publication date: nothing can be shown to be the same
    start, end = identity.period(anchor, report.precision if report.date else "day")
    parties = json.loads(row["participants"])
    params = {
        "type": report.type,
        "date_from": (start - timedelta(days=CANDIDATE_DAYS)).isoformat(),
        "date_to": (end + timedelta(days=CANDIDATE_DAYS)).isoformat(),
        "sides": json.dumps(sorted(report.sides)) if report.sides else None,
        "entity_ids": json.dumps([p["entity_id"] for p in parties if p.get("entity_id")]),
        "limit": MAX_CANDIDATES,
    }
    ids = [r[0] for r in await db.fetch(db.sql.IDENTITY_CANDIDATES, params)]
    if not ids:
        return {}
    clusters: dict[int, list[identity.Report]] = {}
    rows = await db.fetch(db.sql.CLUSTER_REPORTS, {"ids": json.dumps(ids)})
    for member_row, member in zip(rows, await _reports(db, rows), strict=True):
        clusters.setdefault(member_row["event_id"], []).append(member)
    return clusters


async def _reports(db: Db, rows: Sequence[Row]) -> list[identity.Report]:
    """Rows of event_reports as identity reports: a person named without a country gets the one
    their entity is known by (from this or any other article)."""
    parties = [json.loads(r["participants"]) for r in rows]
    entity_ids = sorted({p["entity_id"] for ps in parties for p in ps if p.get("entity_id")})
    codes = (
        {
            r[0]: r[1]
            for r in await db.fetch(db.sql.ENTITY_COUNTRY_CODES, {"ids": json.dumps(entity_ids)})
        }
        if entity_ids
        else {}
    )
    return [
        identity.Report(
            id=r["id"],
            article=r["article_id"],
            type=r["type"],
            kind=r["kind"],
            parties=tuple(
                identity.Party(
                    p["name"],
                    p["kind"],
                    p.get("country_code") or codes.get(p.get("entity_id")),
                    convened=bool(p.get("convened")),
                )
                for p in ps
            ),
            place=identity.Place.named(
                r["location_name"], r["location_country_code"], r["location_detail"]
            ),
            date=r["date"],
            precision=r["date_precision"],
            published=r["published"],
            status=r["status"],
            mode=r["mode"],
            topics=tuple(json.loads(r["topics"])),
            excluded_topics=tuple(json.loads(r["excluded_topics"])),
            outcome=r["outcome"],
            content=r["content"],
            confidence=r["confidence"],
        )
        for r, ps in zip(rows, parties, strict=True)
    ]


def _event_fields(rep: identity.Representative) -> dict[str, Any]:
    place = rep.place
    return {
        "type": rep.type,
        "kind": rep.kind,
        "mode": rep.mode,
        "date": rep.date,
        "date_precision": rep.precision,
        "status": rep.status,
        "location_name": place.name if place else None,
        "location_country_code": place.country_code if place else None,
        "location_detail": place.detail if place else None,
        "topics": json.dumps(list(rep.topics)),
        "excluded_topics": json.dumps(list(rep.excluded_topics)),
        "outcome": rep.outcome,
        "content": rep.content,
        "confidence": rep.confidence,
        "disputed": json.dumps(list(rep.disputed)),
    }


def _reason(
    chosen: int | None,
    verdict: identity.Verdict,
    verdicts: dict[int, identity.Verdict],
    members: int,
) -> dict[str, Any]:
    """Why the report is where it is: the fields that agreed with every member of its event, or,
    for a report that started an event, why the nearest candidates were refused."""
    if chosen is not None:
        return {"rule": verdict.rule, "agreed": list(verdict.agreed), "members": members}
    refused = {str(cid): v.rule for cid, v in sorted(verdicts.items())[:5]}
    return {"rule": "new", "refused": refused} if refused else {"rule": "new"}


async def _index_event(db: Db, event_id: int, fields: dict[str, Any]) -> None:
    """The event's full-text row: its topics, every report's evidence, its terms and outcome."""
    evidence = (await db.fetch(db.sql.EVENT_FTS_TEXT, {"id": event_id}))[0][0]
    topics = json.loads(fields["topics"])
    await db.execute(db.sql.DELETE_EVENT_FTS, {"id": event_id})
    await db.execute(
        db.sql.INSERT_EVENT_FTS,
        {
            "id": event_id,
            "topics": " ; ".join(topics),
            "text": " ".join(filter(None, (evidence, fields["content"], fields["outcome"]))),
        },
    )
