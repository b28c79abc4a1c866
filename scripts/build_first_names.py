"""Build bot/extract/data/first_names.json, the first names that tell a person's gender.

    python scripts/build_first_names.py PATH/TO/nomquamgender-0.1.4-py3-none-any.whl

The source is nomquamgender's name table (Van Buskirk, Clauset and Larremore, MIT licence):
for about 720,000 first names, how many people in 36 name-gender datasets from many countries
bore it and the share of them that were women. A pronoun is only read against a name that
tells: kept are names borne by at least MIN_COUNT people with a share of women at most
MAX_SHARE (men) or at least 1 - MAX_SHARE (women), written in plain letters. Names common to
both ("Jean", "Andrea", "Kim") and family names that open East Asian names ("Wang", "Xi") fall
between and are left out, so their bearers stay open to either pronoun.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

MIN_COUNT = 100
MAX_SHARE = 0.05
OUT = Path(__file__).resolve().parent.parent / "bot" / "extract" / "data" / "first_names.json"


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        table = json.loads(archive.read("nomquamgender/name_data.json"))
    female, male = [], []
    for name, (_sources, count, share_women, _uncertainty) in table.items():
        if count < MIN_COUNT or not (name.isascii() and name.isalpha()) or len(name) < 2:
            continue
        if share_women >= 1 - MAX_SHARE:
            female.append(name)
        elif share_women <= MAX_SHARE:
            male.append(name)
    data = {
        "source": "nomquamgender 0.1.4 name_data.json (MIT licence), "
        f"names borne by at least {MIN_COUNT} people, share of women <= {MAX_SHARE} "
        f"or >= {1 - MAX_SHARE}",
        "female": sorted(female),
        "male": sorted(male),
    }
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(female)} female, {len(male)} male first names")


if __name__ == "__main__":
    main(sys.argv[1])
