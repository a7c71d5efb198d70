//! Parsing the three topic files into a model's tables. Every problem is an
//! [`Error`] located at file and line, so that a curator can fix the line.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::score::leading_bytes;
use super::taxonomy::{Taxonomy, TopicInfo};
use crate::rules::FxBuild;
use crate::{Error, Label, MatchPolicy};

/// One evidence rule: a phrase row of `evidence.jsonl`.
#[derive(Clone, Debug)]
pub(crate) struct Rule {
    pub(crate) topic: u32,
    pub(crate) weight: f32,
    /// Phrase indexes of the context terms.
    pub(crate) requires: Vec<u32>,
    pub(crate) unless: Vec<u32>,
    pub(crate) doc_scope: bool,
}

/// One distinct (surface, policy) fed to the matcher: the rules that use it
/// as evidence, and whether it is a context term of some rule.
#[derive(Clone, Debug)]
pub(crate) struct PhraseEntry {
    pub(crate) text: String,
    pub(crate) policy: MatchPolicy,
    pub(crate) rules: Vec<u32>,
    pub(crate) is_term: bool,
}

/// A rule as scoring reads it, in [`Tables::flat_rules`]: the rules of one
/// phrase side by side and their terms in one array, so that a hit reads
/// one short run of memory where the nested vectors cost a cache miss each.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FlatRule {
    pub(crate) topic: u32,
    pub(crate) weight: f32,
    /// Where its terms start in [`Tables::terms`]: `requires` of them, then
    /// `unless` of them, each list sorted.
    pub(crate) terms: u32,
    pub(crate) requires: u32,
    pub(crate) unless: u32,
    pub(crate) doc_scope: bool,
}

impl FlatRule {
    /// Its `requires_any` terms, sorted.
    #[inline]
    pub(crate) fn requires<'t>(&self, terms: &'t [u32]) -> &'t [u32] {
        let at = self.terms as usize;
        &terms[at..at + self.requires as usize]
    }

    /// Its `unless_any` terms, sorted.
    #[inline]
    pub(crate) fn unless<'t>(&self, terms: &'t [u32]) -> &'t [u32] {
        let at = (self.terms + self.requires) as usize;
        &terms[at..at + self.unless as usize]
    }
}

/// What scoring needs of a phrase, in 16 bytes: its rules in
/// [`Tables::flat_rules`], whether it is a context term, and its text in
/// lower case, as an index into [`Tables::lower_texts`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PhraseInfo {
    pub(crate) rules_start: u32,
    pub(crate) rules_end: u32,
    pub(crate) is_term: bool,
    pub(crate) lower_text: u32,
}

/// Evidence an entity kind or label gives; `topic: None` means explicitly none.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EntityRule {
    /// Index among all kind and label rules, for counting repeats.
    pub(crate) id: u32,
    pub(crate) topic: Option<u32>,
    pub(crate) weight: f32,
}

/// The rules of an entity kind, and the pair rules that count it.
#[derive(Clone, Debug, Default)]
pub(crate) struct KindRules {
    /// Its own rules; where it has none, its label's rules apply.
    pub(crate) rules: Vec<EntityRule>,
    /// The indexes in [`Tables::pair_rules`] of the rules with this kind
    /// among their `kinds`, in order (found once a fact, not by comparing
    /// each entity's kind with each rule's kinds).
    pub(crate) pairs: Vec<u32>,
}

/// Fires once when entities of `kinds` come from `min_countries` countries.
#[derive(Clone, Debug)]
pub(crate) struct PairRule {
    pub(crate) kinds: Vec<String>,
    pub(crate) min_countries: usize,
    pub(crate) topic: u32,
    pub(crate) weight: f32,
}

/// Everything a model is made of, before the matcher is compiled.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tables {
    pub(crate) taxonomy: Taxonomy,
    pub(crate) rules: Vec<Rule>,
    pub(crate) phrases: Vec<PhraseEntry>,
    pub(crate) phrase_index: HashMap<(String, MatchPolicy), u32, FxBuild>,
    pub(crate) kind_rules: HashMap<String, KindRules, FxBuild>,
    /// The rules of each label, by `label as usize` (an index, not a
    /// lookup, for each entity fact).
    pub(crate) label_rules: [Vec<EntityRule>; Label::ALL.len()],
    pub(crate) pair_rules: Vec<PairRule>,
    /// Number of kind and label rules ([`EntityRule::id`] is below it).
    pub(crate) entity_rule_count: u32,
    /// Per phrase, what scoring reads of it (see [`Tables::flatten`]).
    pub(crate) phrase_info: Vec<PhraseInfo>,
    /// The rules of every phrase, phrase by phrase, each phrase's in the
    /// order of [`PhraseEntry::rules`].
    pub(crate) flat_rules: Vec<FlatRule>,
    /// The context terms of `flat_rules`.
    pub(crate) terms: Vec<u32>,
    /// The phrases' texts in lower case, each once: the evidence text of
    /// nearly every hit (its surface in lower case) is its phrase's, and
    /// scoring finds it here, not by hashing the surface.
    pub(crate) lower_texts: Vec<String>,
    /// The [`leading_bytes`] of each of `lower_texts`.
    pub(crate) lower_leads: Vec<u128>,
    /// The start of the JSON record of the evidence of each of
    /// `lower_texts`, `{"source":"phrase","text":…` (see
    /// `json::write_topic`): escaped once per model, not once per record.
    pub(crate) lower_json: Vec<Box<str>>,
    /// The index of each of `lower_texts`.
    pub(crate) lower_text_index: HashMap<String, u32, FxBuild>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    meta: Option<serde_json::Value>,
    id: Option<String>,
    label: Option<String>,
    definition: Option<String>,
    parent: Option<String>,
    wikidata: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvidence {
    meta: Option<serde_json::Value>,
    topic: Option<String>,
    phrase: Option<String>,
    weight: Option<f32>,
    #[serde(rename = "match")]
    policy: Option<MatchPolicy>,
    requires_any: Option<Vec<String>>,
    unless_any: Option<Vec<String>>,
    scope: Option<String>,
    #[allow(dead_code)]
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntityRule {
    meta: Option<serde_json::Value>,
    kind: Option<String>,
    label: Option<Label>,
    pair: Option<RawPair>,
    topic: Option<String>,
    weight: Option<f32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPair {
    kinds: Vec<String>,
    min_countries: usize,
}

/// Calls `f` with each non-blank line parsed as `T`, locating errors.
fn each_line<T: for<'de> Deserialize<'de>>(
    file: &Path,
    content: &str,
    mut f: impl FnMut(T, usize) -> Result<(), Error>,
) -> Result<(), Error> {
    for (index, line) in content.lines().enumerate() {
        let lineno = index + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let raw: T = serde_json::from_str(line).map_err(|e| {
            let msg = e.to_string();
            // serde_json reports "at line 1 column N" of the one-line input;
            // the file line is what matters to the reader.
            let msg = match msg.rfind(" at line 1 column ") {
                Some(i) => format!("{} (column {})", &msg[..i], &msg[i + 18..]),
                None => msg,
            };
            Error::syntax(msg).at(file, lineno)
        })?;
        f(raw, lineno).map_err(|e| e.at(file, lineno))?;
    }
    Ok(())
}

fn meta_only(lineno: usize, other_fields: bool) -> Result<(), Error> {
    if other_fields {
        return Err(Error::invalid("a meta line holds nothing else"));
    }
    if lineno != 1 {
        return Err(Error::invalid("the meta line must be the first line"));
    }
    Ok(())
}

impl Tables {
    /// Parses `taxonomy.jsonl`.
    pub(crate) fn add_taxonomy(&mut self, file: &Path, content: &str) -> Result<(), Error> {
        let mut parents = Vec::new();
        let mut lines = Vec::new();
        each_line(file, content, |raw: RawTopic, lineno| {
            if raw.meta.is_some() {
                return meta_only(lineno, raw.id.is_some() || raw.label.is_some());
            }
            let id = raw.id.ok_or_else(|| Error::invalid("missing field 'id'"))?;
            let label = raw
                .label
                .ok_or_else(|| Error::invalid("missing field 'label'").in_entry(&id))?;
            if !is_qcode(&id) {
                return Err(Error::invalid("a topic id is 'medtop:' and 8 digits").in_entry(&id));
            }
            if self.taxonomy.by_id.contains_key(&id) {
                return Err(Error::invalid("duplicate topic id").in_entry(&id));
            }
            let index = self.taxonomy.topics.len() as u32;
            self.taxonomy.by_id.insert(id.clone(), index);
            let json_head = format!("{{\"id\":{},\"label\":{}", quote(&id), quote(&label));
            let json_rollup = format!("{{\"source\":\"rollup\",\"text\":{}", quote(&label));
            self.taxonomy.topics.push(TopicInfo {
                json_head: json_head.into(),
                json_rollup: json_rollup.into(),
                id,
                label,
                definition: raw.definition,
                wikidata: raw.wikidata,
                parent: None,
                parent_id: None,
                top_id: String::new(),
                depth: 0,
                id_rank: 0,
            });
            parents.push(raw.parent);
            lines.push(lineno);
            Ok(())
        })?;
        self.taxonomy.link(&parents).map_err(|(t, msg)| {
            Error::invalid(msg)
                .at(file, lines[t as usize])
                .in_entry(&self.taxonomy.topics[t as usize].id)
        })
    }

    /// Parses `evidence.jsonl`; the taxonomy must be loaded first.
    pub(crate) fn add_evidence(&mut self, file: &Path, content: &str) -> Result<(), Error> {
        each_line(file, content, |raw: RawEvidence, lineno| {
            if raw.meta.is_some() {
                return meta_only(lineno, raw.topic.is_some() || raw.phrase.is_some());
            }
            let phrase = raw
                .phrase
                .ok_or_else(|| Error::invalid("missing field 'phrase'"))?;
            let at = |e: Error| e.in_entry(&phrase);
            let topic = raw
                .topic
                .ok_or_else(|| at(Error::invalid("missing field 'topic'")))?;
            let topic = self
                .taxonomy
                .get(&topic)
                .ok_or_else(|| at(Error::invalid(format!("unknown topic '{}'", topic))))?;
            let weight = raw
                .weight
                .ok_or_else(|| at(Error::invalid("missing field 'weight'")))?;
            if !weight.is_finite() {
                return Err(at(Error::invalid("weight must be a finite number")));
            }
            let policy = raw.policy.unwrap_or(MatchPolicy::Any);
            if policy == MatchPolicy::Short {
                return Err(at(Error::invalid("policy 'short' is for entity aliases")));
            }
            if policy == MatchPolicy::Capitalized && !phrase.chars().any(char::is_uppercase) {
                return Err(at(Error::invalid(
                    "policy 'capitalized' needs an upper-case letter in the phrase",
                )));
            }
            let doc_scope = match raw.scope.as_deref() {
                None | Some("sentence") => false,
                Some("document") => true,
                Some(other) => {
                    return Err(at(Error::invalid(format!(
                        "scope must be 'sentence' or 'document', not '{}'",
                        other
                    ))))
                }
            };
            check_phrase(&phrase).map_err(at)?;
            let mut terms = |list: Option<Vec<String>>| -> Result<Vec<u32>, Error> {
                let mut out = Vec::new();
                for t in list.unwrap_or_default() {
                    check_phrase(&t).map_err(|e| e.in_entry(&t))?;
                    let p = self.intern(&t, MatchPolicy::Any);
                    self.phrases[p as usize].is_term = true;
                    out.push(p);
                }
                out.sort_unstable();
                out.dedup();
                Ok(out)
            };
            let requires = terms(raw.requires_any)?;
            let unless = terms(raw.unless_any)?;
            let rule = self.rules.len() as u32;
            self.rules.push(Rule {
                topic,
                weight,
                requires,
                unless,
                doc_scope,
            });
            let p = self.intern(&phrase, policy);
            self.phrases[p as usize].rules.push(rule);
            Ok(())
        })
    }

    /// Parses `entity_topics.jsonl`; the taxonomy must be loaded first.
    pub(crate) fn add_entity_rules(&mut self, file: &Path, content: &str) -> Result<(), Error> {
        each_line(file, content, |raw: RawEntityRule, lineno| {
            if raw.meta.is_some() {
                return meta_only(lineno, raw.kind.is_some() || raw.topic.is_some());
            }
            let topic = match &raw.topic {
                None => None,
                Some(t) => Some(
                    self.taxonomy
                        .get(t)
                        .ok_or_else(|| Error::invalid(format!("unknown topic '{}'", t)))?,
                ),
            };
            let weight = match (topic, raw.weight) {
                (Some(_), Some(w)) if w.is_finite() => w,
                (Some(_), Some(_)) => return Err(Error::invalid("weight must be a finite number")),
                (Some(_), None) => return Err(Error::invalid("missing field 'weight'")),
                (None, _) => 0.0,
            };
            let rule = EntityRule {
                id: self.entity_rule_count,
                topic,
                weight,
            };
            match (raw.kind, raw.label, raw.pair) {
                (Some(kind), None, None) => {
                    self.kind_rules.entry(kind).or_default().rules.push(rule);
                    self.entity_rule_count += 1;
                }
                (None, Some(label), None) => {
                    self.label_rules[label as usize].push(rule);
                    self.entity_rule_count += 1;
                }
                (None, None, Some(pair)) => {
                    let topic = topic.ok_or_else(|| Error::invalid("a pair rule needs a topic"))?;
                    if pair.kinds.is_empty() || pair.min_countries < 2 {
                        return Err(Error::invalid(
                            "a pair rule needs kinds and min_countries of at least 2",
                        ));
                    }
                    let index = self.pair_rules.len() as u32;
                    for kind in &pair.kinds {
                        let pairs = &mut self.kind_rules.entry(kind.clone()).or_default().pairs;
                        if pairs.last() != Some(&index) {
                            pairs.push(index);
                        }
                    }
                    self.pair_rules.push(PairRule {
                        kinds: pair.kinds,
                        min_countries: pair.min_countries,
                        topic,
                        weight,
                    });
                }
                _ => {
                    return Err(Error::invalid(
                        "a line holds exactly one of 'kind', 'label' or 'pair'",
                    ))
                }
            }
            Ok(())
        })
    }

    /// Every phrase's (text, policy), in phrase index order: what the
    /// matcher compiles.
    pub(crate) fn phrase_list(&self) -> impl Iterator<Item = (&str, MatchPolicy)> + '_ {
        self.phrases.iter().map(|p| (p.text.as_str(), p.policy))
    }

    /// Lays out `phrase_info`, `flat_rules`, `terms` and `lower_texts`
    /// from the phrases and rules loaded; called once, after the last file.
    pub(crate) fn flatten(&mut self) {
        self.phrase_info.clear();
        self.flat_rules.clear();
        self.terms.clear();
        self.lower_texts.clear();
        self.lower_leads.clear();
        self.lower_json.clear();
        self.lower_text_index.clear();
        for p in &self.phrases {
            let lower = p.text.to_lowercase();
            let lower_text = match self.lower_text_index.get(&lower) {
                Some(&i) => i,
                None => {
                    let i = self.lower_texts.len() as u32;
                    self.lower_leads.push(leading_bytes(lower.as_bytes()));
                    self.lower_json.push(phrase_json_head(&lower));
                    self.lower_texts.push(lower.clone());
                    self.lower_text_index.insert(lower, i);
                    i
                }
            };
            let rules_start = self.flat_rules.len() as u32;
            for &r in &p.rules {
                let rule = &self.rules[r as usize];
                self.flat_rules.push(FlatRule {
                    topic: rule.topic,
                    weight: rule.weight,
                    terms: self.terms.len() as u32,
                    requires: rule.requires.len() as u32,
                    unless: rule.unless.len() as u32,
                    doc_scope: rule.doc_scope,
                });
                self.terms.extend(&rule.requires);
                self.terms.extend(&rule.unless);
            }
            self.phrase_info.push(PhraseInfo {
                rules_start,
                rules_end: self.flat_rules.len() as u32,
                is_term: p.is_term,
                lower_text,
            });
        }
    }

    /// The phrase index of (text, policy), adding it when new. `Any` phrases
    /// are keyed lower case: case cannot matter to them.
    fn intern(&mut self, text: &str, policy: MatchPolicy) -> u32 {
        let key_text = if policy == MatchPolicy::Any {
            text.to_lowercase()
        } else {
            text.to_string()
        };
        let next = self.phrases.len() as u32;
        let key = (key_text, policy);
        if let Some(&p) = self.phrase_index.get(&key) {
            return p;
        }
        self.phrases.push(PhraseEntry {
            text: text.to_string(),
            policy,
            rules: Vec::new(),
            is_term: false,
        });
        self.phrase_index.insert(key, next);
        next
    }
}

/// The start of the JSON record of phrase evidence of `text`.
fn phrase_json_head(text: &str) -> Box<str> {
    format!("{{\"source\":\"phrase\",\"text\":{}", quote(text)).into()
}

/// `s` as a JSON string, as `serde_json` writes it.
fn quote(s: &str) -> String {
    // Strings always serialize.
    serde_json::to_string(s).unwrap_or_default()
}

fn is_qcode(id: &str) -> bool {
    id.strip_prefix("medtop:")
        .is_some_and(|d| d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))
}

fn check_phrase(p: &str) -> Result<(), Error> {
    if !p.chars().any(char::is_alphanumeric) {
        return Err(Error::invalid("a phrase needs a letter or digit"));
    }
    if p.trim() != p {
        return Err(Error::invalid("a phrase has no leading or trailing space"));
    }
    Ok(())
}
