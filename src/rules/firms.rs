//! A given name alone that is a word of an organization the document
//! names is that organization: "Merrill" after "Merrill Lynch", "Morgan"
//! after "J.P. Morgan & Co", "Douglas" after "McDonnell Douglas".
//!
//! Rule `given_alone` takes a lone given name in running text for a
//! person ("Reagan", "Ronaldo"); in business news the same word is as often
//! the short name of a firm named in full before or after it. Where the
//! document has one organization with that word, the word is linked to it
//! (rule `link_name`); where it has several, the word is no mention.

use std::collections::HashMap;

use super::apply::Edit;
use super::lexicon::FxBuild;
use super::RuleSet;
use crate::dictionary::Label;
use crate::doc::{Doc, EntityRef, Evidence, Mention};
use crate::resolve::Taken;

/// Relinks or drops the persons of `given_alone` that name a firm of the
/// document (see the module docs).
pub(crate) fn relink(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken) {
    let alone = |m: &Mention| {
        m.label == Label::Person
            && matches!(m.evidence, Evidence::Rule { rule } if rules.rule_name(rule) == "given_alone")
    };
    if !doc.mentions.iter().any(alone) {
        return;
    }
    // Each word of an organization's name, folded: the organization, or
    // `None` when two name it.
    let mut words: HashMap<String, Option<EntityRef>, FxBuild> = HashMap::default();
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.label == Label::Organization)
    {
        let name = doc.surface(m);
        for w in name.split(|c: char| !c.is_alphanumeric()) {
            if w.len() < 3 || !w.starts_with(char::is_uppercase) {
                continue;
            }
            words
                .entry(w.to_lowercase())
                .and_modify(|e| {
                    if *e != Some(m.entity) {
                        *e = None;
                    }
                })
                .or_insert(Some(m.entity));
        }
    }
    if words.is_empty() {
        return;
    }
    let link = rules.link_rule("link_name");
    let mut edit = Edit::new();
    for (i, m) in doc.mentions.iter().enumerate() {
        if !alone(m) {
            continue;
        }
        let Some(&firm) = words.get(&doc.surface(m).to_lowercase()) else {
            continue;
        };
        edit.remove(i);
        match firm {
            Some(entity) => edit.add(Mention {
                label: Label::Organization,
                entity,
                evidence: Evidence::Rule { rule: link },
                ..*m
            }),
            None => taken.remove(m.field, m.span),
        }
    }
    edit.finish(doc);
}
