//! Turning phrase hits and entity facts into scored topics.
//!
//! The steps, in order (each a function below so that tests can pin them):
//!
//! 1. **Phrase evidence.** Each hit of a phrase fires every rule of that
//!    phrase whose context holds (a `requires_any` term in the same sentence,
//!    no `unless_any` term there; the title is one sentence). The n-th firing
//!    of one rule adds `weight / n`, so repetition helps with diminishing
//!    returns; title hits are counted first and are multiplied by
//!    [`TopicConfig::title_boost`].
//! 2. **Entity evidence.** Each distinct entity fact fires the rules of its
//!    kind (or, if its kind has none, of its label); the n-th fact of one rule
//!    adds `weight / n`. Pair rules fire once.
//! 3. **Floor.** A topic's own evidence is floored at zero: negative phrases
//!    cancel evidence, they never count against ancestors.
//! 4. **Roll-up.** A topic's own evidence is added in full to each ancestor.
//! 5. **Length.** Sums are divided by `sqrt(max(words, 100) / 100)`: a long
//!    article repeats its subject, a short one cannot.
//! 6. **Squash.** `x / (x + 4)`: in `[0, 1)`, and never saturating, so the
//!    order of strong topics survives in an `f32`.
//!
//! Because roll-up is in full, an ancestor's score is at least that of any
//! descendant, so sorting by score (ties: shallower first) lists every
//! topic's top-level ancestor before it, and `top_k` can never cut one off.

use std::collections::{BTreeMap as HashMap, HashSet};

use super::load::Tables;
use super::{EntityFact, EvidenceSource, Topic, TopicConfig, TopicEvidence, TopicInput};
use crate::segment::sentence_starts;

/// The hyperbolic squash's half-point: raw evidence of 4 (after length
/// normalization) scores 0.5.
pub(crate) const SQUASH_HALF: f32 = 4.0;

/// Articles shorter than this many words are normalized as if this long.
pub(crate) const MIN_WORDS: f32 = 100.0;

/// Per-topic accumulator: own evidence and its itemized list.
#[derive(Default)]
struct Acc {
    own: f32,
    evidence: Vec<TopicEvidence>,
}

/// Evidence items keyed by (topic, source, text, title) while summing.
type Items = HashMap<(u32, EvidenceSource, String, bool), (f32, u32)>;

pub(crate) fn score(tables: &Tables, input: &TopicInput<'_>, config: &TopicConfig) -> Vec<Topic> {
    let mut items: Items = HashMap::new();
    phrase_evidence(tables, input, config, &mut items);
    entity_evidence(tables, input.entities, &mut items);
    let mut accs: HashMap<u32, Acc> = HashMap::new();
    for ((topic, source, text, in_title), (weight, count)) in items {
        let acc = accs.entry(topic).or_default();
        acc.own += weight;
        acc.evidence.push(TopicEvidence {
            source,
            text,
            weight_added: weight,
            count,
            in_title,
        });
    }
    let totals = roll_up(tables, &mut accs);
    let words = input.title.split_whitespace().count() + input.text.split_whitespace().count();
    let norm = (MIN_WORDS.max(words as f32) / MIN_WORDS).sqrt();
    let mut out: Vec<(u32, Topic)> = Vec::new();
    for (t, total) in totals {
        let x = total / norm;
        let score = x / (x + SQUASH_HALF);
        if score < config.threshold || score <= 0.0 {
            continue;
        }
        let info = &tables.taxonomy.topics[t as usize];
        let mut evidence = accs.remove(&t).map(|a| a.evidence).unwrap_or_default();
        evidence.sort_by(|a, b| {
            b.weight_added
                .abs()
                .total_cmp(&a.weight_added.abs())
                .then_with(|| a.text.cmp(&b.text))
        });
        out.push((
            info.depth,
            Topic {
                id: info.id.clone(),
                label: info.label.clone(),
                score,
                evidence,
            },
        ));
    }
    out.sort_by(|(da, a), (db, b)| {
        b.score
            .total_cmp(&a.score)
            .then(da.cmp(db))
            .then_with(|| a.id.cmp(&b.id))
    });
    out.truncate(config.top_k);
    out.into_iter().map(|(_, t)| t).collect()
}

/// Step 1: phrase hits, with context and repeats.
fn phrase_evidence(
    tables: &Tables,
    input: &TopicInput<'_>,
    config: &TopicConfig,
    items: &mut Items,
) {
    let mut starts = Vec::new();
    sentence_starts(input.text, &mut starts);
    // Sentence 0 is the title; text sentences are numbered from 1.
    let sentence_of = |start: usize| 1 + starts.partition_point(|&s| s <= start) as u32;
    let mut hits: Vec<(u32, u32, bool, &str)> = Vec::new(); // (phrase, sentence, in_title, surface)
    for m in input.title_hits {
        if let Some(s) = input.title.get(m.start..m.end) {
            hits.push((m.phrase, 0, true, s));
        }
    }
    for m in input.text_hits {
        if let Some(s) = input.text.get(m.start..m.end) {
            hits.push((m.phrase, sentence_of(m.start), false, s));
        }
    }
    let mut in_sentence: HashSet<(u32, u32)> = HashSet::new();
    let mut in_doc: HashSet<u32> = HashSet::new();
    for &(p, sentence, _, _) in &hits {
        if tables.phrases.get(p as usize).is_some_and(|e| e.is_term) {
            in_sentence.insert((p, sentence));
            in_doc.insert(p);
        }
    }
    let mut fired: HashMap<u32, u32> = HashMap::new();
    // Title hits first, so that they are the undiminished ones.
    hits.sort_by_key(|&(_, sentence, in_title, _)| (!in_title, sentence));
    for &(p, sentence, in_title, surface) in &hits {
        let Some(entry) = tables.phrases.get(p as usize) else {
            continue;
        };
        for &r in &entry.rules {
            let rule = &tables.rules[r as usize];
            let present = |term: &u32| {
                if rule.doc_scope {
                    in_doc.contains(term)
                } else {
                    in_sentence.contains(&(*term, sentence))
                }
            };
            if !rule.requires.is_empty() && !rule.requires.iter().any(present) {
                continue;
            }
            if rule.unless.iter().any(present) {
                continue;
            }
            let n = fired.entry(r).or_insert(0);
            *n += 1;
            let boost = if in_title { config.title_boost } else { 1.0 };
            let add = rule.weight * boost / *n as f32;
            let key = (
                rule.topic,
                EvidenceSource::Phrase,
                surface.to_lowercase(),
                in_title,
            );
            let item = items.entry(key).or_insert((0.0, 0));
            item.0 += add;
            item.1 += 1;
        }
    }
}

/// Step 2: entity facts, by kind or label, and pair rules.
fn entity_evidence(tables: &Tables, entities: &[EntityFact<'_>], items: &mut Items) {
    let mut seen = HashSet::new();
    let mut fired: HashMap<(bool, String, usize), u32> = HashMap::new();
    for fact in entities {
        if !seen.insert((fact.kind, fact.country, fact.name, fact.label)) {
            continue;
        }
        let (by_kind, rules) = match tables.kind_rules.get(fact.kind) {
            Some(rules) => (true, rules),
            None => match tables.label_rules.get(&fact.label) {
                Some(rules) => (false, rules),
                None => continue,
            },
        };
        let key_name = if by_kind {
            fact.kind.to_string()
        } else {
            fact.label.as_str().to_string()
        };
        for (i, rule) in rules.iter().enumerate() {
            let Some(topic) = rule.topic else { continue };
            let n = fired.entry((by_kind, key_name.clone(), i)).or_insert(0);
            *n += 1;
            let text = match fact.country {
                Some(c) => format!("{}: {} ({})", key_name, fact.name, c),
                None => format!("{}: {}", key_name, fact.name),
            };
            let item = items
                .entry((topic, EvidenceSource::Entity, text, false))
                .or_insert((0.0, 0));
            item.0 += rule.weight / *n as f32;
            item.1 += 1;
        }
    }
    for pair in &tables.pair_rules {
        let mut countries: Vec<&str> = entities
            .iter()
            .filter(|f| pair.kinds.iter().any(|k| k == f.kind))
            .filter_map(|f| f.country)
            .collect();
        countries.sort_unstable();
        countries.dedup();
        if countries.len() >= pair.min_countries {
            let text = format!("{} from {}", pair.kinds.join("/"), countries.join(", "));
            let item = items
                .entry((pair.topic, EvidenceSource::Entity, text, false))
                .or_insert((0.0, 0));
            item.0 += pair.weight;
            item.1 += 1;
        }
    }
}

/// Steps 3 and 4: floor own evidence at zero and add it to every ancestor,
/// itemizing each child's contribution as roll-up evidence of its parent.
fn roll_up(tables: &Tables, accs: &mut HashMap<u32, Acc>) -> HashMap<u32, f32> {
    let mut totals: HashMap<u32, f32> = HashMap::new();
    for (&t, acc) in accs.iter() {
        let own = acc.own.max(0.0);
        if own <= 0.0 {
            continue;
        }
        let mut at = Some(t);
        while let Some(a) = at {
            *totals.entry(a).or_insert(0.0) += own;
            at = tables.taxonomy.parent(a);
        }
    }
    for (&child, &total) in &totals {
        if let Some(parent) = tables.taxonomy.parent(child) {
            accs.entry(parent)
                .or_default()
                .evidence
                .push(TopicEvidence {
                    source: EvidenceSource::Rollup,
                    text: tables.taxonomy.topics[child as usize].label.clone(),
                    weight_added: total,
                    count: 1,
                    in_title: false,
                });
        }
    }
    totals
}
