"""The ``tppo_actions`` stage: typed anti-trafficking actions with actor, place, date, count and status.

One module per concern, in the order a document goes through them:

- ``rules``: the trigger and topic lexicons (``resources/actions/*.jsonl``), validated and compiled;
- ``topic``: whether the article is about trafficking at all;
- ``clauses``: sentences, paragraphs and clauses of the body, and distances in them;
- ``candidates``: the lexicon's trigger matches in each sentence;
- ``acts``: the act/non-act decision (duties, conditions, procedures, restating nouns) and the status;
- ``syntax``: what the dependency parse says of an act: its reporting verb, own clause and object phrase;
- ``arguments`` and ``counts``: actor, places, date and count of an act (the parse first, where there is one,
  then the rules);
- ``merging``: one record per act;
- ``component``: the document loop and the spaCy factory.
"""

from __future__ import annotations

from .acts import action_status, is_generic, is_nominal
from .arguments import confidence, event_date, find_date, rank_actors, rank_places, sentence_subject
from .candidates import TriggerMatch, candidate_rules, find_triggers
from .clauses import MAX_EVIDENCE, NO_ACTION_KINDS, distance, paragraph_bounds, sentence_bounds
from .component import ActionExtractor, annotate_actions, find_actions, make_actions
from .counts import attendance_count, find_count, parse_number
from .rules import CompiledRule, TopicRule, TriggerRule, compile_pattern, compile_rule, first_words, load_triggers
from .topic import TOPIC_THRESHOLD, is_on_topic, topic_score

__all__ = [
    "MAX_EVIDENCE",
    "NO_ACTION_KINDS",
    "TOPIC_THRESHOLD",
    "ActionExtractor",
    "CompiledRule",
    "TopicRule",
    "TriggerMatch",
    "TriggerRule",
    "action_status",
    "annotate_actions",
    "attendance_count",
    "candidate_rules",
    "compile_pattern",
    "compile_rule",
    "confidence",
    "distance",
    "event_date",
    "find_actions",
    "find_count",
    "find_date",
    "find_triggers",
    "first_words",
    "is_generic",
    "is_nominal",
    "is_on_topic",
    "load_triggers",
    "make_actions",
    "paragraph_bounds",
    "parse_number",
    "rank_actors",
    "rank_places",
    "sentence_bounds",
    "sentence_subject",
    "topic_score",
]
