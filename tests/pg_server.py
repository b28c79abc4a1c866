"""A throwaway PostgreSQL server for the test suite: initdb in a temporary folder, listening on
127.0.0.1 at a free port (and a unix socket in the same folder), trust authentication, no fsync;
stopped and deleted afterwards. `make test` installs Debian's `postgresql` package first when no
server binaries are here (scripts/ensure_postgres.sh).

Run as root (CI containers), the server runs as the `postgres` user, since initdb refuses root.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

START_TIMEOUT = 60


class ServerUnavailable(RuntimeError):
    """No PostgreSQL binaries here, or the server would not start (the reason says which)."""


def find_bin_dir() -> Path:
    """The newest installed server's bin folder (Debian: /usr/lib/postgresql/N/bin)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise ServerUnavailable(
        "no PostgreSQL server binaries (initdb); `make test` installs them: apt-get install -y "
        "postgresql"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    bin_dir: Path
    folder: Path
    port: int
    _as_user: list[str] = field(default_factory=list)
    _counter: int = 0

    @classmethod
    def start(cls) -> PostgresServer:
        bin_dir = find_bin_dir()
        folder = Path(tempfile.mkdtemp(prefix="briefbot-pg-"))
        as_user: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                shutil.rmtree(folder, ignore_errors=True)
                raise ServerUnavailable("running as root and there is no `postgres` user") from None
            os.chown(folder, user.pw_uid, user.pw_gid)
            as_user = ["runuser", "-u", "postgres", "--"]
        server = cls(bin_dir, folder, _free_port(), as_user)
        try:
            server._init_and_run()
        except BaseException:
            server.stop()
            raise
        return server

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [*self._as_user, *args], capture_output=True, text=True, timeout=START_TIMEOUT
        )
        if done.returncode != 0:
            raise ServerUnavailable(f"{Path(args[0]).name} failed: {done.stderr or done.stdout}")

    def _init_and_run(self) -> None:
        data = self.folder / "data"
        self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
        )
        # Durability is not under test here: no fsync makes creating databases and DDL fast.
        options = (
            f"-p {self.port} -h 127.0.0.1 -k {self.folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-t",
            str(START_TIMEOUT),
            "start",
        )

    def url(self, database: str = "postgres") -> str:
        """No password (trust): the URL prints as it is, so tests can pass it as BRIEFBOT_DB."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database_name(self, prefix: str = "t") -> str:
        self._counter += 1
        return f"{prefix}{os.getpid()}_{self._counter}"

    def stop(self) -> None:
        if (self.folder / "data" / "postmaster.pid").exists():
            subprocess.run(
                [
                    *self._as_user,
                    str(self.bin_dir / "pg_ctl"),
                    "-D",
                    str(self.folder / "data"),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ],
                capture_output=True,
                timeout=START_TIMEOUT,
            )
        shutil.rmtree(self.folder, ignore_errors=True)
