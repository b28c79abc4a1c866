#!/bin/sh
# `make test` runs the store, answer and schedule tests on PostgreSQL too, against a throwaway
# server the suite starts and stops itself (tests/pg_server.py). This only makes sure the server
# binaries are installed: Debian's `postgresql` package when no initdb is here.
set -eu
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        exec sudo -n sh "$0"
    fi
    echo "PostgreSQL is not installed and this user cannot install it (apt-get install postgresql);" \
        "its tests will be skipped (they fail when CI is set)" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is not installed and there is no apt-get here; install its server" >&2
    exit 0
fi
# The package would create and start a cluster of its own at install; the tests make theirs.
mkdir -p /etc/postgresql-common/createcluster.d
echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/briefbot-tests.conf
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
