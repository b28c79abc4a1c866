"""Who holds a claim: a process named by host, pid and a random token, and whether it is gone.

Briefing deliveries, watch alerts and held commands are claimed by one process at a time under a
lease; a claim whose process is known to be dead (same host, pid not running) may be taken over at
once instead of after the lease.
"""

from __future__ import annotations

import os
import secrets
import socket


def process_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def owner_alive(owner: str | None) -> bool:
    """False only when the owner is known to be gone: a process id on this host that is not
    running."""
    if not owner:
        return False
    try:
        host, pid, _ = owner.rsplit(":", 2)
        number = int(pid)
    except ValueError:
        return False
    if host != socket.gethostname():
        return True  # cannot tell from here; the lease decides
    try:
        os.kill(number, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
