//! Document-level linking of short forms.
//!
//! A short alias ("Hegseth", "Ahn") counts only after the full name of the
//! same entry appeared earlier in the document (the title comes before the
//! text). It then links to that first mention. A headline is the exception:
//! it names people by their surnames before the story gives their full
//! names ("Arafat goes to Nablus" above "Yasser Arafat went ..."), so a
//! short form in the title field or in the text's own headline (a
//! [`PartKind::Title`](crate::segment::PartKind::Title) part) links to a
//! full name anywhere in the document. A short form that fits two
//! introduced entries is kept without an entity rather than guessed; one
//! that fits none is rejected.

use std::collections::HashMap;

use crate::doc::{Doc, EntityRef, Evidence, Field, Mention, Reason, Rejected};
use crate::resolve::{group, Candidate, Group, Taken};
use crate::rules::FxBuild;
use crate::segment::PartKind;
use crate::Span;

/// Adds the short-form mentions that have an antecedent and a free span.
/// `doc.mentions` must be sorted by (field, start). `groups` is a buffer.
pub(crate) fn short_forms(
    doc: &mut Doc<'_>,
    shorts: &mut [Candidate],
    groups: &mut Vec<Group>,
    taken: &mut Taken,
) {
    if shorts.is_empty() {
        return;
    }
    group(shorts, groups);
    let first = first_mentions(&doc.mentions);
    let headline = Headline::of(doc);
    let mut added = Vec::new();
    for g in groups.iter() {
        if let Some(winner) = taken.overlapping(g.field, g.span) {
            reject(doc, &shorts[g.lo..g.hi], Reason::Overlapped(winner));
            continue;
        }
        let in_headline = headline.holds(g.field, g.span);
        // (candidate, index of the first full mention of its entry)
        let mut linked: Vec<(usize, u32)> = Vec::new();
        for i in g.lo..g.hi {
            let c = &shorts[i];
            if linked.iter().any(|&(j, _)| shorts[j].entry == c.entry) {
                continue;
            }
            if let Some(&a) = first.get(&c.entry) {
                let m = &doc.mentions[a as usize];
                if in_headline || (m.field, m.span.start) < (c.field, c.span.start) {
                    linked.push((i, a));
                }
            }
        }
        match linked.as_slice() {
            [] => reject(doc, &shorts[g.lo..g.hi], Reason::NoAntecedent),
            [(i, antecedent)] => {
                let c = shorts[*i];
                added.push(Mention {
                    span: c.span,
                    field: c.field,
                    label: doc.inner.dict.entries()[c.entry as usize].label,
                    entity: EntityRef::Entry(c.entry),
                    evidence: Evidence::ShortForm {
                        alias: c.alias,
                        antecedent: *antecedent,
                    },
                });
                taken.insert(g.field, g.span);
            }
            many => {
                let c = shorts[many[0].0];
                doc.alternatives
                    .push(many.iter().map(|&(i, _)| shorts[i].entry).collect());
                added.push(Mention {
                    span: c.span,
                    field: c.field,
                    label: doc.inner.dict.entries()[c.entry as usize].label,
                    entity: EntityRef::Ambiguous(doc.alternatives.len() as u32 - 1),
                    evidence: Evidence::Alias { alias: c.alias },
                });
                taken.insert(g.field, g.span);
            }
        }
    }
    if added.is_empty() {
        return;
    }
    // Merge, then remap antecedent indices to the merged order.
    let full_count = doc.mentions.len();
    doc.mentions.extend(added);
    let mut order: Vec<usize> = (0..doc.mentions.len()).collect();
    order.sort_by_key(|&i| {
        let m = &doc.mentions[i];
        (m.field, m.span.start, m.span.end)
    });
    let mut new_index = vec![0u32; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new as u32;
    }
    let mut merged: Vec<Mention> = order.iter().map(|&i| doc.mentions[i]).collect();
    for m in &mut merged {
        if let Evidence::ShortForm { antecedent, .. } = &mut m.evidence {
            debug_assert!((*antecedent as usize) < full_count);
            *antecedent = new_index[*antecedent as usize];
        }
    }
    doc.mentions = merged;
}

/// Where a document's headline is: the title field, and the text's own
/// headline when its segmentation found one.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Headline(Option<Span>);

impl Headline {
    pub(crate) fn of(doc: &Doc<'_>) -> Headline {
        Headline(
            doc.parts
                .iter()
                .find(|p| p.kind == PartKind::Title)
                .map(|p| Span::from(p.span.clone())),
        )
    }

    /// Whether `span` of `field` lies in the headline.
    pub(crate) fn holds(self, field: Field, span: Span) -> bool {
        field == Field::Title
            || self
                .0
                .is_some_and(|h| h.start <= span.start && span.end <= h.end)
    }
}

/// The index of the first mention of each entry (mentions are sorted), so
/// that linking a short form is a lookup, not a scan of the document.
fn first_mentions(mentions: &[Mention]) -> HashMap<u32, u32, FxBuild> {
    let mut first = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if let EntityRef::Entry(e) = m.entity {
            first.entry(e).or_insert(i as u32);
        }
    }
    first
}

fn reject(doc: &mut Doc<'_>, cands: &[Candidate], reason: Reason) {
    doc.rejected.extend(cands.iter().map(|c| Rejected {
        span: c.span,
        field: c.field,
        alias: c.alias,
        reason,
    }));
}
