"""The subscription form: `subscribe` without arguments asks time, timezone, days, topic and
thread in a form, and its answers become the typed command, so both go one way (parse_rule).

Each field is checked on its own, so a form can show its error beside it.
"""

from __future__ import annotations

from dataclasses import replace

from bot.answer.model import Form, FormField
from bot.schedule.rules import NO_THREAD, RuleError, clock_of, zone_name

FORM_ID = "subscribe_form"
DAY_CHOICES = (
    "daily",
    "weekdays",
    "weekends",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
THREAD_CHOICES = ("yes", "no")


def subscribe_form(default_tz: str) -> Form:
    """The form, its timezone filled in with `default_tz` (the user's own where the platform
    says)."""
    return Form(
        FORM_ID,
        "Scheduled briefing",
        "Subscribe",
        (
            FormField("time", "Time (24-hour HH:MM)", "08:00", initial="08:00"),
            FormField("timezone", "Timezone (IANA name)", "Europe/Berlin", initial=default_tz),
            FormField("days", "Days", initial="daily", choices=DAY_CHOICES),
            FormField(
                "topic", "About (a topic; leave empty for everything)", "embassies", optional=True
            ),
            FormField(
                "thread", "Post in a thread under a headline", initial="yes", choices=THREAD_CHOICES
            ),
        ),
    )


def with_timezone(form: Form, tz: str) -> Form:
    """The form suggesting `tz` (the user's own, where the platform gives it) as its timezone;
    unchanged when `tz` is not a timezone we know, so a bad suggestion never shows."""
    zone = zone_name(tz)
    if zone is None:
        return form
    fields = tuple(
        replace(field, initial=zone) if field.key == "timezone" else field for field in form.fields
    )
    return replace(form, fields=fields)


def form_command(values: dict[str, str]) -> tuple[str | None, dict[str, str]]:
    """The typed command the answers make, or None and an error for each field that is wrong."""
    errors: dict[str, str] = {}
    time = values.get("time", "").strip()
    try:
        hour, minute = clock_of(time)
    except RuleError as error:
        errors["time"] = str(error)
    zone = zone_name(values.get("timezone", "").strip() or "UTC")
    if zone is None:
        errors["timezone"] = "not a timezone I know: use an IANA name such as Europe/Berlin, or UTC"
    days = values.get("days", "").strip().lower() or "daily"
    if days not in DAY_CHOICES:
        errors["days"] = "one of " + ", ".join(DAY_CHOICES)
    thread = values.get("thread", "").strip().lower() or "yes"
    if thread not in THREAD_CHOICES:
        errors["thread"] = "yes or no"
    if errors:
        return None, errors
    command = f"subscribe {days} at {hour:02d}:{minute:02d} {zone}"
    topic = " ".join(values.get("topic", "").split())
    if topic:
        command += f" about {topic}"
    if thread == "no":
        command += f" {NO_THREAD}"
    return command, {}
