//! Document-level linking of names: a person introduced in full ("Pete
//! Hegseth", found by a rule or a dictionary) links later uses of the
//! surname ("Hegseth", "Secretary Hegseth"); a name found by a rule links
//! its other occurrences; an acronym defined in the text ("Ministry of
//! National Defense (MND)") links its later uses. A surname two people share
//! is tagged as a person without an entity rather than guessed.

use std::collections::HashMap;

use super::apply::{local_entity, Edit};
use super::token::{Kind, Token};
use super::RuleSet;
use crate::dictionary::Label;
use crate::doc::{Doc, EntityRef, Evidence, Field, Mention, Span};
use crate::resolve::Taken;

/// What a key links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Target {
    entity: EntityRef,
    label: Label,
    /// (field, start) of the introduction: links count only after it.
    after: (Field, usize),
    rule: &'static str,
}

/// Links surnames, repeated names and acronyms; `tokens` are the tokens of
/// the title and the text.
pub(crate) fn link(
    rules: &RuleSet,
    doc: &mut Doc<'_>,
    taken: &mut Taken,
    tokens: &[Vec<Token>; 2],
) {
    let mut keys: HashMap<String, Vec<Target>> = HashMap::new();
    let add = |keys: &mut HashMap<String, Vec<Target>>, key: String, t: Target| {
        let v = keys.entry(key).or_default();
        if !v.iter().any(|o| o.entity == t.entity) {
            v.push(t);
        }
    };
    let mut new_orgs = Vec::new();
    for field in [Field::Title, Field::Text] {
        let text = doc.field_text(field);
        let toks = &tokens[field as usize];
        for m in doc.mentions.iter().filter(|m| m.field == field) {
            if matches!(m.entity, EntityRef::Ambiguous(_)) {
                continue;
            }
            let (a, b) = token_range(toks, m.span);
            let words: Vec<&Token> = toks[a..b].iter().filter(|t| t.kind.is_word()).collect();
            let at = (field, m.span.start);
            if m.label == Label::Person && words.len() >= 2 {
                if let Some(last) = words.last() {
                    let surname = slice(text, last);
                    if last.kind == Kind::Cap && surname.len() > 2 {
                        let t = Target {
                            entity: m.entity,
                            label: m.label,
                            after: at,
                            rule: "link_surname",
                        };
                        add(&mut keys, surname.to_string(), t);
                    }
                }
            }
            if matches!(m.entity, EntityRef::Local(_)) {
                let t = Target {
                    entity: m.entity,
                    label: m.label,
                    after: (Field::Title, 0),
                    rule: "link_name",
                };
                add(&mut keys, text[m.span.range()].to_string(), t);
            }
            // "Long Name (LN)"
            if let Some(acr) = defined_acronym(text, toks, b, &words) {
                let t = Target {
                    entity: m.entity,
                    label: m.label,
                    after: at,
                    rule: "acronym",
                };
                add(&mut keys, acr.to_string(), t);
            }
        }
        // An undefined capitalized run followed by its acronym: an
        // organization.
        let mut i = 0;
        while i < toks.len() {
            if toks[i].kind != Kind::Cap || taken.overlapping(field, span_of(&toks[i])).is_some() {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < toks.len()
                && (toks[j].kind == Kind::Cap
                    || (j > i
                        && toks[j].kind == Kind::Lower
                        && matches!(slice(text, &toks[j]), "of" | "and" | "for" | "the")))
                && taken.overlapping(field, span_of(&toks[j])).is_none()
            {
                j += 1;
            }
            while j > i && toks[j - 1].kind != Kind::Cap {
                j -= 1;
            }
            let words: Vec<&Token> = toks[i..j].iter().collect();
            if j - i >= 2 {
                if let Some(acr) = defined_acronym(text, toks, j, &words) {
                    let span = Span {
                        start: toks[i].start as usize,
                        end: toks[j - 1].end as usize,
                    };
                    new_orgs.push((field, span, acr.to_string()));
                }
            }
            i = j.max(i + 1);
        }
    }
    // "Mr. Smith" found by a rule after "John Smith": the same person.
    for m in doc.mentions.iter_mut() {
        if m.label != Label::Person || !matches!(m.entity, EntityRef::Local(_)) {
            continue;
        }
        let text = doc_text(doc.title, doc.text, m.field);
        let Some(targets) = keys.get(&text[m.span.range()]) else {
            continue;
        };
        let live: Vec<&Target> = targets
            .iter()
            .filter(|t| t.rule == "link_surname" && t.after < (m.field, m.span.start))
            .collect();
        if let [one] = live.as_slice() {
            m.entity = one.entity;
        }
    }
    let mut edit = Edit::default();
    for (field, span, acr) in new_orgs {
        let name = doc.field_text(field)[span.range()].to_string();
        let local = local_entity(doc, Label::Organization, &name, "organization", None, None);
        let entity = EntityRef::Local(local);
        taken.insert(field, span);
        edit.added.push(Mention {
            span,
            field,
            label: Label::Organization,
            entity,
            evidence: Evidence::Rule {
                rule: rules.link_rule("acronym"),
            },
        });
        let t = Target {
            entity,
            label: Label::Organization,
            after: (field, span.start),
            rule: "acronym",
        };
        add(&mut keys, acr, t);
    }
    if keys.is_empty() {
        edit.finish(doc);
        return;
    }
    for field in [Field::Title, Field::Text] {
        let text = doc.field_text(field);
        let toks = &tokens[field as usize];
        for (i, t) in toks.iter().enumerate() {
            if !matches!(t.kind, Kind::Cap | Kind::Upper) {
                continue;
            }
            let word = slice(text, t);
            // Longest key starting here: a repeated full name, else one word.
            let mut best: Option<(Span, &Vec<Target>)> = None;
            for (key, targets) in keys.iter().filter(|(k, _)| k.starts_with(word)) {
                let end = t.start as usize + key.len();
                if text.get(t.start as usize..end) != Some(key.as_str()) {
                    continue;
                }
                if !toks[i..].iter().any(|x| x.end as usize == end) {
                    continue;
                }
                if best.is_none_or(|(s, _)| s.end < end) {
                    best = Some((
                        Span {
                            start: t.start as usize,
                            end,
                        },
                        targets,
                    ));
                }
            }
            let Some((span, targets)) = best else {
                continue;
            };
            if taken.overlapping(field, span).is_some() {
                continue;
            }
            let here = (field, span.start);
            let live: Vec<&Target> = targets.iter().filter(|x| x.after < here).collect();
            let Some(first) = live.first() else { continue };
            if first.rule == "link_surname" && !standalone(toks, i, span) {
                continue;
            }
            let entity = if live.len() == 1 {
                first.entity
            } else {
                doc.alternatives.push(Vec::new());
                EntityRef::Ambiguous(doc.alternatives.len() as u32 - 1)
            };
            taken.insert(field, span);
            edit.added.push(Mention {
                span,
                field,
                label: first.label,
                entity,
                evidence: Evidence::Rule {
                    rule: rules.link_rule(first.rule),
                },
            });
        }
    }
    edit.finish(doc);
}

/// A surname counts alone: not followed by another capitalized word.
fn standalone(toks: &[Token], i: usize, span: Span) -> bool {
    let next = toks[i..].iter().find(|t| t.start as usize >= span.end);
    !next.is_some_and(|t| matches!(t.kind, Kind::Cap | Kind::Upper) && t.lists == 0)
}

/// If `toks[b..]` is "( ACR )" and ACR's letters are the initials of the
/// capitalized `words`, ACR.
fn defined_acronym<'t>(
    text: &'t str,
    toks: &[Token],
    b: usize,
    words: &[&Token],
) -> Option<&'t str> {
    let (open, acr, close) = (toks.get(b)?, toks.get(b + 1)?, toks.get(b + 2)?);
    if open.kind != Kind::LParen || acr.kind != Kind::Upper || close.kind != Kind::RParen {
        return None;
    }
    let acr_text = slice(text, acr);
    let letters: String = acr_text.chars().filter(|c| c.is_alphabetic()).collect();
    let initials: String = words
        .iter()
        .filter(|t| matches!(t.kind, Kind::Cap | Kind::Upper))
        .filter_map(|t| slice(text, t).chars().next())
        .collect();
    (letters.len() >= 2
        && (letters == initials || initials.starts_with(&letters) && letters.len() >= 3))
        .then_some(acr_text)
}

fn slice<'t>(text: &'t str, t: &Token) -> &'t str {
    let s = text.get(t.start as usize..t.end as usize).unwrap_or("");
    s.strip_suffix('.').unwrap_or(s)
}

fn span_of(t: &Token) -> Span {
    Span {
        start: t.start as usize,
        end: t.end as usize,
    }
}

/// The tokens inside `span`, as an index range.
fn token_range(toks: &[Token], span: Span) -> (usize, usize) {
    let a = toks.partition_point(|t| (t.start as usize) < span.start);
    let b = toks.partition_point(|t| (t.start as usize) < span.end);
    (a, b)
}

fn doc_text<'t>(title: &'t str, text: &'t str, field: Field) -> &'t str {
    match field {
        Field::Title => title,
        Field::Text => text,
    }
}
