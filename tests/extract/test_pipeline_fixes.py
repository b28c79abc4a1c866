"""Briefbot's own pipeline components fix the small model's slips (bot/extract/pipeline.py)."""

from __future__ import annotations

from bot.extract.pipeline import VerbsTaggedAuxiliary


def test_a_full_verb_the_tagger_calls_an_auxiliary_is_a_verb_again(extractor):
    doc = extractor.nlp("Andean foreign ministers gathered in Lima on Monday, as they had planned.")
    gathered = doc[3]
    had = next(t for t in doc if t.text == "had")
    assert had.pos_ == "AUX"
    gathered.pos_, gathered.lemma_ = "AUX", "gathered"  # the slip the model makes on longer text
    VerbsTaggedAuxiliary(extractor.nlp)(doc)
    assert (gathered.pos_, gathered.lemma_) == ("VERB", "gather")
    assert had.pos_ == "AUX"  # a real auxiliary stays one


def test_the_pipeline_runs_the_fix_after_the_lemmatizer(extractor):
    names = extractor.nlp.pipe_names
    assert names.index("briefbot_verbs_tagged_auxiliary") == names.index("lemmatizer") + 1
