"""Import every module of the installed `bot` and `adapters` packages, then read one HTML page.

Run by .ci/check_install.sh in a venv built from pyproject.toml alone, so that a dependency
missing from pyproject.toml (but present in the lock, or in a developer's venv) fails CI.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys


def main() -> int:
    failures = []
    count = 0
    for package_name in ("bot", "adapters"):
        package = importlib.import_module(package_name)
        for module in pkgutil.walk_packages(package.__path__, package_name + "."):
            count += 1
            try:
                importlib.import_module(module.name)
            except Exception as error:  # every failure listed, not only the first
                failures.append(f"{module.name}: {type(error).__name__}: {error}")
    # trafilatura imports its HTML cleaner only when it reads a page.
    from bot.ingest.readers import article_from_html

    page = "<html><body><article><p>" + "The ministers met in Geneva and talked. " * 20 + "</p></article></body></html>"
    try:
        article_from_html(page)
    except Exception as error:
        failures.append(f"reading an HTML page: {type(error).__name__}: {error}")
    for failure in failures:
        print(f"import check: {failure}", file=sys.stderr)
    print(f"import check: {count} modules, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    code = main()
    if code:
        raise SystemExit(code)
