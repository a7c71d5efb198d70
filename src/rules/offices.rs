//! A person named later by the office a rule found before the name: after
//! "Treasury Secretary James Baker", "the Treasury Secretary said" is Baker;
//! after "Foreign Secretary Boris Johnson", "The Foreign Secretary added"
//! is Johnson.
//!
//! The office must be written as it was before the name (capitalized, as a
//! title), right after "the", and end there: not before a capitalized word
//! (a name: "the Treasury Secretary James Baker"), "of" or "for" (another
//! office: "the Minister of Communications"), nor a hyphen ("the Prime
//! Minister-designate"). Only in the text, after the first holder; an
//! office two people hold in the document names neither.

use memchr::memmem;

use super::apply::{after_the, Edit};
use crate::dictionary::Label;
use crate::doc::{Doc, EntityRef, Evidence, Field, Mention, Span};
use crate::guard::on_one_line;
use crate::resolve::Taken;

/// An office a rule found before a person's name.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Holder {
    pub field: Field,
    /// The office's words ("Treasury Secretary").
    pub office: Span,
    /// The name the rule proposed after it.
    pub person: Span,
}

/// Tags "the <office>" after the holders' names as the holders, under rule
/// `rule`.
pub(crate) fn refer(doc: &mut Doc<'_>, taken: &mut Taken, holders: &[Holder], rule: u32) {
    let offices = offices(doc, holders);
    if offices.is_empty() {
        return;
    }
    let text = doc.field_text(Field::Text);
    let mut edit = Edit::new();
    for (office, after, entity) in offices {
        let Some(entity) = entity else { continue };
        for at in memmem::find_iter(text.as_bytes(), office.as_bytes()) {
            let span = Span {
                start: at,
                end: at + office.len(),
            };
            if at < after
                || !after_the(text, at)
                || !ends_there(text, span.end)
                || taken.overlapping(Field::Text, span).is_some()
            {
                continue;
            }
            taken.insert(Field::Text, span);
            edit.add(Mention {
                span,
                field: Field::Text,
                label: Label::Person,
                entity,
                evidence: Evidence::Rule { rule },
            });
        }
    }
    edit.finish(doc);
}

/// Each capitalized office of the holders whose name is a person mention,
/// with where in the text its references may start (0 when the name is in
/// the title) and its one holder (none when two hold it).
fn offices(doc: &Doc<'_>, holders: &[Holder]) -> Vec<(String, usize, Option<EntityRef>)> {
    let mut offices: Vec<(String, usize, Option<EntityRef>)> = Vec::new();
    for h in holders {
        let Some(office) = doc.field_text(h.field).get(h.office.range()) else {
            continue;
        };
        if !office.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let Some(entity) = person_at(doc, h.field, h.person) else {
            continue;
        };
        // Titles wrap across lines as names do.
        let office = on_one_line(office).into_owned();
        let after = match h.field {
            Field::Title => 0,
            Field::Text => h.person.end,
        };
        match offices.iter_mut().find(|(o, _, _)| *o == office) {
            Some((_, first, holder)) => {
                *first = (*first).min(after);
                if *holder != Some(entity) {
                    *holder = None;
                }
            }
            None => offices.push((office, after, Some(entity))),
        }
    }
    offices
}

/// The entity of the person mention at exactly `span`, if any and one.
fn person_at(doc: &Doc<'_>, field: Field, span: Span) -> Option<EntityRef> {
    let mentions = doc.mentions();
    let at = mentions.partition_point(|m| (m.field, m.span.start) < (field, span.start));
    mentions
        .get(at)
        .filter(|m| m.field == field && m.span == span && m.label == Label::Person)
        .map(|m| m.entity)
        .filter(|e| !matches!(e, EntityRef::Ambiguous(_)))
}

/// Whether an office written up to `end` ends there: no letter, digit or
/// hyphen goes on, and the next word is no name (capitalized), "of" or
/// "for".
fn ends_there(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
        return false;
    }
    let Some(next) = rest
        .strip_prefix(|c: char| c.is_whitespace())
        .map(str::trim_start)
    else {
        return true;
    };
    let word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !(word.starts_with(|c: char| c.is_uppercase()) || word == "of" || word == "for")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_office_ends_at_its_last_word() {
        let table = [
            ("the Treasury Secretary said", true),
            ("the Treasury Secretary's plan", true),
            ("the Treasury Secretary, Baker", true),
            ("the Treasury Secretary", true),
            ("the Treasury Secretary James Baker", false),
            ("the Treasury Secretary of Japan", false),
            ("the Treasury Secretary-designate", false),
            ("the Treasury Secretaryship", false),
        ];
        for (text, want) in table {
            let end = text.find("Secretary").unwrap() + "Secretary".len();
            assert_eq!(ends_there(text, end), want, "{text:?}");
        }
    }

    #[test]
    fn the_office_follows_the() {
        let table = [
            ("the Treasury Secretary", true),
            ("The Treasury Secretary", true),
            ("said the  Treasury Secretary", true),
            ("U.S. Treasury Secretary", false),
            ("breathe Treasury Secretary", false),
            ("theTreasury Secretary", false),
        ];
        for (text, want) in table {
            let at = text.find("Treasury").unwrap();
            assert_eq!(after_the(text, at), want, "{text:?}");
        }
    }
}
