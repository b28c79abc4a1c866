"""The Slack adapter: slack-bolt's AsyncApp for `/brief`, and briefings posted by the scheduler.

Named `slack_app` so it never shadows the `slack_sdk`/`slack_bolt` packages.
"""

from adapters.slack_app.platform import SlackPlatform, serve

__all__ = ["SlackPlatform", "serve"]
