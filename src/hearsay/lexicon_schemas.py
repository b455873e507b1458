"""The typed schema of every lexicon file (``lexicons/<lang>/<name>.json``): its keys and the
type of each value, checked when the lexicon is loaded, so a misspelt, missing or mistyped key
fails at once naming the key and the file instead of turning into an empty word list.

A lexicon's ``_comment`` key (what the list is for, where it comes from) is always allowed.
"""

from __future__ import annotations

SCHEMAS: dict[str, dict[str, object]] = {
    "checks": {
        "after": list[str],
        "before": list[str],
        "later": list[str],
        "max_sentences_back": int,
    },
    "claims": {
        "credit_phrases": list[str],
        "credit_prefixes": list[str],
        "min_words": int,
    },
    "cues": {
        "classes": dict[str, list[str]],
        "recipient_verbs": list[str],
        "needs_frame": dict[str, list[str]],
        "object_content": list[str],
        "clause_only": list[str],
        "document_verbs": list[str],
        "document_verb_class": dict[str, str],
        "reports_verbs": list[str],
        "passive_reportative": list[str],
        "according_to": list[list[str]],
        "no_comment": dict,
        "commissive": list[str],
        "volition": list[str],
        "said_preps": list[str],
        "object_with_prep": dict[str, list[str]],
        "in_document": list[str],
        "question_verbs": list[str],
        "object_speech": list[str],
        "object_topic": list[str],
        "prep_content": dict[str, list[str]],
        "noun_cues": dict[str, str],
        "noun_cue_verbs": list[str],
        "noun_proposals": dict[str, str],
        "outlet_verbs": list[str],
        "wh_openers": list[str],
        "outlet_only": list[str],
    },
    "denials": {
        "report_nouns": list[str],
        "falsity": list[str],
        "frame_verbs": list[str],
        "min_shared": int,
        "min_share": float,
        "reach_chars": int,
    },
    "descriptors": {
        "person_roles": dict,
        "kinship": list[str],
        "group_nouns": list[str],
        "titles": dict,
        "org_nouns": dict[str, str],
        "org_nouns_bare": list[str],
        "org_name_words": dict[str, str],
        "org_type_preferences": dict,
        "not_descriptors": list[str],
        "kin_inverse": dict,
        "event_name_words": list[str],
        "exclusive_roles": dict,
        "place_named_orgs": list[str],
        "speaking_roles": list[str],
    },
    "given_names": {
        "f": list[str],
        "m": list[str],
    },
    "hedges": {
        "reportative": dict,
        "allegation": dict[str, list[str]],
        "appearance": dict,
        "epistemic": dict,
        "cue_classes": dict,
    },
    "outlets": {
        "names": list[str],
        "name_words": list[str],
        "told_verbs": list[str],
        "reported_verbs": list[str],
        "common_word_names": list[str],
    },
    "pronouns": {
        "pronouns": dict[str, dict[str, str]],
        "pleonastic_heads": list[str],
        "speech_verbs": list[str],
    },
    "quotes": {
        "elisions": list[str],
    },
    "relations": {
        "family_listing_verbs": list[str],
        "staff_titles": list[str],
        "event_titles": list[str],
        "staff_preps": list[str],
        "kin_nouns": dict[str, str],
        "weak_kin_nouns": list[str],
        "couple_nouns": list[str],
        "couple_numbers": list[str],
        "spouse_adjectives": list[str],
        "marriage_verbs": list[str],
        "marriage_phrases": dict[str, str],
        "marriage_nouns": list[str],
        "anniversary_nouns": list[str],
        "romantic_nouns": dict[str, list[str]],
        "romantic_verbs": dict[str, list[str]],
        "romantic_phrases": dict[str, list[str]],
        "meet_verbs": list[str],
        "meet_markers": list[str],
        "denial_verbs": list[str],
        "employment_verbs": dict[str, list[str]],
        "employment_preps": list[str],
        "titles": dict[str, list[str]],
        "title_qualifier_skip": list[str],
        "former_markers": list[str],
        "org_kind_nouns": list[str],
        "first_person": list[str],
        "plural_pronouns": list[str],
        "eponymous_titles": list[str],
        "divorce_verbs": list[str],
        "qualified_kin_nouns": dict[str, list[str]],
        "relationship_nouns": list[str],
        "relationship_verbs": list[str],
        "breakup_verbs": dict[str, list[str]],
        "linking_verbs": list[str],
        "appointment_verbs": list[str],
        "place_preps": list[str],
        "succession_verbs": list[str],
        "negating_adverbs": list[str],
        "romantic_adverbs": list[str],
    },
    "trace": {
        "stopwords": list[str],
        "negations": list[str],
        "report_verbs": list[str],
        "by_report_verbs": list[str],
        "channel_verbs": list[str],
        "told_verbs": list[str],
        "report_nouns": list[str],
        "outlet_nouns": list[str],
        "generic_name_words": list[str],
        "document_heads": list[str],
        "reliance": list[str],
        "dating_connectives": list[str],
        "correction_markers": list[str],
        "own_report_words": list[str],
        "synonyms": list[list[str]],
        "irregular_forms": dict[str, list[str]],
        "nominalizations": dict[str, list[str]],
        "support_verbs": list[str],
        "describing_verbs": list[str],
        "edge_conjunctions": list[str],
        "conditionals": list[str],
        "report_qualifiers": list[str],
        "negating_particles": list[str],
        "light_verb_phrases": dict[str, str],
        "number_words": dict[str, str],
    },
    "sources": {
        "anonymous": list[str],
        "person_only_with_modifier": list[str],
        "unnamed_by_definition": list[str],
        "head_ends": list[str],
        "contrastive_modifiers": list[str],
        "familiar_modifiers": list[str],
        "reports": list[str],
        "document": list[str],
        "organization": list[str],
        "outlet_words": list[str],
        "outlets": list[str],
        "abbreviations": list[str],
        "section_labels": list[str],
        "group_shares": list[str],
        "vague_groups": list[str],
        "representatives": list[str],
        "state_media": dict[str, list[str]],
        "document_authors": list[str],
        "authored_documents": list[str],
        "interview_answer_labels": list[str],
        "indefinite_determiners": list[str],
        "definite_determiners": list[str],
        "partitive_quantifiers": list[str],
        "work_title_nouns": list[str],
        "person_noun_endings": list[str],
        "person_noun_endings_not": list[str],
        "person_nouns": list[str],
        "collective_nouns": list[str],
        "pair_nouns": list[str],
        "outlet_phrases": list[str],
        "issued_statements": list[str],
        "personal_offices": list[str],
    },
    "time": {
        "months": dict[str, int],
        "month_names": list[str],
        "ambiguous_months": list[str],
        "weekdays": dict[str, int],
        "seasons": dict[str, list],
        "holidays": dict,
        "numbers": dict,
        "decade_words": dict[str, int],
        "vague_numbers": list[str],
        "ordinals": dict[str, int],
        "units": dict[str, list],
        "parts_of_day": dict[str, str],
        "day_offsets": dict[str, int],
        "references": dict,
        "sets": dict,
        "set_quantifiers": list[str],
        "relative_this": list[str],
        "relative_last": list[str],
        "relative_next": list[str],
        "modifiers": dict[str, str],
        "mod_ranges": dict[str, list[float]],
        "narrative": dict[str, int],
        "vague_counts": dict[str, list],
        "prepositions": list[str],
        "strip_tail": list[str],
        "future_auxiliaries": list[str],
        "anniversary_words": list[str],
        "dated_occasions": list[str],
        "wedding_words": list[str],
        "fiscal_words": list[str],
        "not_time_heads": list[str],
        "detect_alone": list[str],
        "never_alone": list[str],
        "age_words": list[str],
        "idioms": list[str],
        "event_days": list[str],
        "tense": dict,
        "horizon_words": list[str],
        "report_nouns": list[str],
        "rate_words": list[str],
        "approximators": list[str],
        "count_fillers": list[str],
        "unit_fillers": list[str],
        "year_introducers": list[str],
        "time_zones": list[str],
        "left_modifiers": list[str],
        "trailing_drop": list[str],
        "entity_time_words": list[str],
        "trigger_words": list[str],
        "age_possessives": list[str],
        "rate_markers": list[str],
        "count_openers": list[str],
        "count_closers": list[str],
        "count_after": list[str],
        "holiday_heads": list[str],
        "range_connectors": list[str],
        "month_relatives": dict[str, int],
        "day_ordinal_openers": list[str],
        "clock_prepositions": list[str],
        "period_modifiers": list[str],
        "season_determiners": list[str],
        "season_spans": list[str],
        "unit_determiners": list[str],
        "whole_year_phrases": list[str],
        "vague_quantifiers": list[str],
        "duration_leads": list[str],
        "duration_tails": list[str],
        "within_period_words": list[str],
        "value_hedges": list[str],
        "reporting_periods": list[str],
        "quarter_pointers": list[str],
        "clause_determiners": list[str],
        "count_span_words": list[str],
        "count_span_trimmed": list[str],
        "clock_marks": list[str],
        "decade_openers": list[str],
        "period_openers": list[str],
        "day_parts": list[str],
        "year_end_fillers": list[str],
        "season_relatives": list[str],
        "year_fillers": list[str],
        "year_end_followers": list[str],
        "point_modifiers": list[str],
        "clock_words": list[str],
        "fixed_time": dict[str, str],
    },
}


def type_name(expected) -> str:
    return getattr(expected, "__name__", None) if not getattr(expected, "__args__", None) else str(expected)


def matches(value, expected) -> bool:
    """Whether a JSON value has the schema type (``float`` accepts integers too)."""
    args = getattr(expected, "__args__", None)
    origin = getattr(expected, "__origin__", expected)
    if origin is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if origin is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if not isinstance(value, origin):
        return False
    if not args:
        return True
    if origin is list:
        return all(matches(v, args[0]) for v in value)
    if origin is dict:
        return all(isinstance(k, str) and matches(v, args[1]) for k, v in value.items())
    return True


def problems(name: str, data: dict) -> list[str]:
    """What is wrong with a lexicon's content, one line per key (empty when it fits)."""
    schema = SCHEMAS.get(name)
    if schema is None:
        return ["no schema is declared for it (add one to src/hearsay/lexicon_schemas.py)"]
    out = []
    for key in data:
        if key != "_comment" and key not in schema:
            out.append(f"unknown key {key!r} (a new key is declared in src/hearsay/lexicon_schemas.py; "
                       f"known: {', '.join(sorted(schema))})")
    for key, expected in schema.items():
        if key not in data:
            out.append(f"missing key {key!r}")
        elif not matches(data[key], expected):
            out.append(f"key {key!r} should be {type_name(expected)}")
    return out
