"""The spaCy pipeline: the configured model plus Briefbot's fixes for the small model's slips.

- `briefbot_line_breaks` (before the parser): a line break always ends a sentence, so a headline
  or byline never runs into the paragraph after it.
- `briefbot_entity_fixes` (an `entity_ruler` after the NER, overwriting): outlets such as
  Caliber.Az and known officials' names (a lone "Trump" is a person, not an organisation).
- The tokenizer keeps outlet names written like domains ("Caliber.Az", "News.Az") whole.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from bot.extract.model_check import check_model

_DOMAIN_NAME = re.compile(
    r"^[A-Z][A-Za-z0-9-]+\.(?:az|Az|AZ|ru|Ru|com|net|org|ua|Ua|ge|am|kz|uz|by|io|info|news|tv)$"
)


def load_data(name: str) -> dict:
    raw = resources.files("bot.extract").joinpath(f"data/{name}.json").read_text(encoding="utf-8")
    return json.loads(raw)


@Language.component("briefbot_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if (token.is_space and "\n" in token.text) or ("\n" in token.whitespace_ and token.i + 1 < len(doc)):
            doc[token.i + 1].is_sent_start = True
    return doc


def _ruler_patterns() -> list[dict]:
    patterns: list[dict] = []
    for outlet in load_data("media")["outlets"]:
        patterns.append({"label": "ORG", "pattern": outlet, "id": "media"})
    for person in load_data("people")["people"]:
        for name in [person["name"], *person["aliases"]]:
            if len(name) > 3:  # two-letter aliases (MBS aside) are too ambiguous to tag everywhere
                patterns.append({"label": "PERSON", "pattern": name, "id": "person"})
    return patterns


def _keep_domain_names(nlp: Language) -> None:
    previous = nlp.tokenizer.token_match

    def token_match(text: str):
        return _DOMAIN_NAME.match(text) or (previous(text) if previous else None)

    nlp.tokenizer.token_match = token_match


@lru_cache(maxsize=2)
def load_pipeline(model: str) -> Language:
    """Load the model once per process, checked (supply chain), with Briefbot's components added."""
    nlp = spacy.load(model)
    # Before our own components are added, so a missing parser is reported clearly, not by add_pipe.
    check_model(model, nlp.meta, nlp.pipe_names)
    _keep_domain_names(nlp)
    nlp.add_pipe("briefbot_line_breaks", before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler", name="briefbot_entity_fixes", after="ner", config={"overwrite_ents": True}
    )
    ruler.add_patterns(_ruler_patterns())
    return nlp
