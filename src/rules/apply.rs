//! Running the rules over a tagged document.

use std::cell::RefCell;

use super::pattern::{mention_index, WIDTH};
use super::token::{tokenize, Token};
use super::{link, RuleSet};
use crate::dictionary::Label;
use crate::doc::{Doc, EntityRef, Evidence, Field, LocalEntity, Mention, Span};
use crate::resolve::Taken;

/// Per-thread buffers.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Tokens of the title and of the text.
    pub tokens: [Vec<Token>; 2],
    symbols: Vec<u8>,
}

thread_local! {
    pub(crate) static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A mention a rule proposes.
#[derive(Clone, Debug)]
struct Proposal {
    field: Field,
    span: Span,
    label: Label,
    rule: u32,
    office: Option<Span>,
    country: Option<Span>,
}

/// Adds the mentions the rules find in spans still free, then links what
/// they found across the document.
pub(crate) fn apply(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken) {
    let Some(regex) = &rules.regex else {
        return;
    };
    SCRATCH.with(|s| {
        let mut s = s.borrow_mut();
        let s = &mut *s;
        let mut proposals = Vec::new();
        for field in [Field::Title, Field::Text] {
            let text = doc.field_text(field);
            let tokens = &mut s.tokens[field as usize];
            tokenize(text, &rules.lex, tokens);
            mark_mentions(tokens, &doc.mentions, field);
            s.symbols.clear();
            for t in tokens.iter() {
                rules.syms.push(t.kind, t.lists, t.mention, &mut s.symbols);
            }
            let span_of = |m: regex::bytes::Match<'_>| -> Option<Span> {
                let (a, b) = (m.start() / WIDTH, m.end() / WIDTH);
                (b > a).then(|| Span {
                    start: tokens[a].start as usize,
                    end: tokens[b - 1].end as usize,
                })
            };
            for caps in regex.captures_iter(&s.symbols) {
                let Some(ri) = rules.rules.iter().position(|r| caps.get(r.group).is_some()) else {
                    continue;
                };
                let r = &rules.rules[ri];
                let get = |k: usize| r.captures[k].and_then(|g| caps.get(g)).and_then(span_of);
                let Some(span) = get(0).or_else(|| get(1)).or_else(|| get(2)) else {
                    continue;
                };
                proposals.push(Proposal {
                    field,
                    span,
                    label: r.label,
                    rule: ri as u32,
                    office: get(3),
                    country: get(4),
                });
            }
        }
        let mut edit = Edit::default();
        for p in proposals {
            commit(rules, doc, taken, &mut edit, p);
        }
        edit.finish(doc);
        link::link(rules, doc, taken, &s.tokens);
    });
}

/// Sets each token's mention label from the document's mentions of `field`
/// (sorted by start).
pub(crate) fn mark_mentions(tokens: &mut [Token], mentions: &[Mention], field: Field) {
    let mut ms = mentions.iter().filter(|m| m.field == field).peekable();
    for t in tokens.iter_mut() {
        t.mention = 0;
        while ms.peek().is_some_and(|m| m.span.end as u32 <= t.start) {
            ms.next();
        }
        if let Some(m) = ms.peek() {
            if m.span.start as u32 <= t.start {
                t.mention = mention_index(m.label);
            }
        }
    }
}

/// Mentions to remove and to add, merged at the end so that indices held
/// by short forms stay right.
#[derive(Default)]
pub(crate) struct Edit {
    pub removed: Vec<usize>,
    pub added: Vec<Mention>,
}

impl Edit {
    /// Applies the edit: removes, adds, sorts, and remaps the antecedents of
    /// short forms (a short form whose antecedent went goes too).
    pub(crate) fn finish(self, doc: &mut Doc<'_>) {
        if self.removed.is_empty() && self.added.is_empty() {
            return;
        }
        let old = std::mem::take(&mut doc.mentions);
        let n = old.len();
        let mut keep = vec![true; n];
        for &i in &self.removed {
            keep[i] = false;
        }
        for (i, m) in old.iter().enumerate() {
            if let Evidence::ShortForm { antecedent, .. } = m.evidence {
                if !keep.get(antecedent as usize).copied().unwrap_or(false) {
                    keep[i] = false;
                }
            }
        }
        let mut all: Vec<(usize, Mention)> = old
            .into_iter()
            .enumerate()
            .filter(|(i, _)| keep[*i])
            .collect();
        all.extend(self.added.into_iter().map(|m| (usize::MAX, m)));
        all.sort_by_key(|(_, m)| (m.field, m.span.start, m.span.end));
        let mut new_index = vec![u32::MAX; n];
        for (new, (old, _)) in all.iter().enumerate() {
            if *old != usize::MAX {
                new_index[*old] = new as u32;
            }
        }
        doc.mentions = all
            .into_iter()
            .map(|(_, mut m)| {
                if let Evidence::ShortForm { antecedent, .. } = &mut m.evidence {
                    *antecedent = new_index[*antecedent as usize];
                }
                m
            })
            .collect();
    }
}

/// Adds one proposal if its span is free, or if it only overlaps mentions it
/// may take over; an exact dictionary mention of the same label is kept.
fn commit(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken, edit: &mut Edit, p: Proposal) {
    let r = &rules.rules[p.rule as usize];
    if let Some(other) = taken.overlapping(p.field, p.span) {
        // Which existing mentions overlap?
        let overlapping: Vec<usize> = doc
            .mentions
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                m.field == p.field && m.span.overlaps(p.span) && !edit.removed.contains(i)
            })
            .map(|(i, _)| i)
            .collect();
        let added_overlap = edit
            .added
            .iter()
            .any(|m| m.field == p.field && m.span.overlaps(p.span));
        let may_take = !added_overlap
            && !overlapping.is_empty()
            && overlapping.iter().all(|&i| {
                let m = &doc.mentions[i];
                r.overrides.contains(&m.label)
                    && p.span.start <= m.span.start
                    && m.span.end <= p.span.end
                    && !(m.span == p.span && m.label == p.label)
            });
        let _ = other;
        if !may_take {
            return;
        }
        for &i in &overlapping {
            taken.remove(p.field, doc.mentions[i].span);
            edit.removed.push(i);
        }
    }
    let text = doc.field_text(p.field);
    let name = text.get(p.span.range()).unwrap_or("").to_string();
    let office = p
        .office
        .and_then(|s| text.get(s.range()))
        .map(str::to_string);
    let country = p.country.and_then(|s| country_in(doc, p.field, s));
    let kind = r
        .kind
        .clone()
        .unwrap_or_else(|| default_kind(p.label).to_string());
    let local = local_entity(doc, p.label, &name, &kind, country, office);
    taken.insert(p.field, p.span);
    edit.added.push(Mention {
        span: p.span,
        field: p.field,
        label: p.label,
        entity: EntityRef::Local(local),
        evidence: Evidence::Rule { rule: p.rule },
    });
}

fn default_kind(label: Label) -> &'static str {
    match label {
        Label::Person => "person",
        Label::Organization => "organization",
        Label::Place => "place",
        Label::Nationality => "demonym",
    }
}

/// The country code of the first dictionary mention with a country inside
/// `span`.
fn country_in(doc: &Doc<'_>, field: Field, span: Span) -> Option<String> {
    doc.mentions
        .iter()
        .filter(|m| m.field == field && span.start <= m.span.start && m.span.end <= span.end)
        .find_map(|m| doc.entry(m).and_then(|e| e.country.clone()))
}

/// The local entity of that label and name, made if new. Later facts
/// (office, country) fill what is missing.
pub(crate) fn local_entity(
    doc: &mut Doc<'_>,
    label: Label,
    name: &str,
    kind: &str,
    country: Option<String>,
    office: Option<String>,
) -> u32 {
    if let Some(i) = doc
        .locals
        .iter()
        .position(|e| e.label == label && e.name == name)
    {
        let e = &mut doc.locals[i];
        if e.office.is_none() {
            e.office = office;
        }
        if e.country.is_none() {
            e.country = country;
        }
        return i as u32;
    }
    let slug = slug(name);
    let mut id = format!("local:{}:{}", label.as_str(), slug);
    let mut n = 2;
    while doc.locals.iter().any(|e| e.id == id) {
        id = format!("local:{}:{}-{}", label.as_str(), slug, n);
        n += 1;
    }
    doc.locals.push(LocalEntity {
        id,
        name: name.to_string(),
        label,
        kind: kind.to_string(),
        country,
        office,
    });
    (doc.locals.len() - 1) as u32
}

fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in crate::normalize::fold(name).chars() {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    s
}
