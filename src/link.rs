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
//! introduced entries is kept without an entity rather than guessed. One
//! that fits none counts after the title of its entry's office, for a head
//! of state or government whose country the document names ("In Berlin,
//! Chancellor Merz"); otherwise it is rejected.

use std::collections::HashMap;

use crate::boundary::ascii_word_after;
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
    let mut first = first_mentions(&doc.mentions);
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
                let m = doc
                    .mentions
                    .get(a as usize)
                    .unwrap_or_else(|| &added[a as usize - doc.mentions.len()]);
                if in_headline || (m.field, m.span.start) < (c.field, c.span.start) {
                    linked.push((i, a));
                }
            }
        }
        match linked.as_slice() {
            [] => match titled(doc, &shorts[g.lo..g.hi]) {
                Some(i) => {
                    let c = shorts[g.lo + i];
                    // Later short forms of the entry link to this one.
                    first.insert(c.entry, (doc.mentions.len() + added.len()) as u32);
                    added.push(Mention {
                        span: c.span,
                        field: c.field,
                        label: doc.inner.dict.entries()[c.entry as usize].label,
                        entity: EntityRef::Entry(c.entry),
                        evidence: Evidence::Titled { alias: c.alias },
                    });
                    taken.insert(g.field, g.span);
                }
                None => reject(doc, &shorts[g.lo..g.hi], Reason::NoAntecedent),
            },
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
    // Merge, then remap antecedent indices (into the mentions, then the
    // added ones) to the merged order.
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
            *antecedent = new_index[*antecedent as usize];
        }
    }
    doc.mentions = merged;
}

/// The candidate of `cands` (short forms of one span with no full name
/// before them) that names a head of state or government by the title of
/// their office right before it ("Chancellor Merz", "Prime Minister
/// Carney"), where one entry alone fits. The short form stands alone (not
/// "President Wang Bingqian"), the document names the entry's country
/// elsewhere, and no nationality or country of another country comes
/// right before the title ("Taiwanese President Lee").
fn titled(doc: &Doc<'_>, cands: &[Candidate]) -> Option<usize> {
    let entries = doc.inner.dict.entries();
    let is_leader = |c: &Candidate| {
        let e = &entries[c.entry as usize];
        matches!(&*e.kind, "head_of_state" | "head_of_government") && e.office.is_some()
    };
    // Most short forms are no leader's: those are done with first.
    if !cands.iter().any(is_leader) {
        return None;
    }
    let c = cands.first()?;
    let text = doc.field_text(c.field);
    if ascii_word_after(text.as_bytes(), c.span.end)
        .is_some_and(|(s, _)| text.as_bytes()[s].is_ascii_uppercase())
    {
        return None;
    }
    let title = words_before_on_line(text, c.span.start, 2);
    // (candidate, where its title starts)
    let mut found: Option<(usize, usize)> = None;
    for (i, c) in cands.iter().enumerate() {
        if !is_leader(c) {
            continue;
        }
        let office = entries[c.entry as usize].office.as_deref();
        let Some(start) = office.and_then(|o| title_start(o, &title)) else {
            continue;
        };
        match found {
            Some((j, _)) if cands[j].entry != c.entry => return None,
            Some(_) => {}
            None => found = Some((i, start)),
        }
    }
    let (found, title_start) = found?;
    let e = &entries[cands[found].entry as usize];
    let country_before = doc
        .mentions
        .iter()
        .rfind(|m| m.field == c.field && m.span.end <= title_start)
        .filter(|m| text[m.span.end..title_start].trim().is_empty())
        .and_then(|m| doc.entry(m))
        .and_then(|before| before.country.clone());
    if country_before.is_some_and(|k| Some(k) != e.country) {
        return None;
    }
    let named = doc.mentions.iter().any(|m| {
        doc.entry(m)
            .is_some_and(|x| x.country.is_some() && x.country == e.country)
    });
    named.then_some(found)
}

/// Where the title of `office` starts, if the words `title` (spans of a
/// text's words, in order, ending right before a name) end with it: the
/// office's last word, or its last before "of" ("President"; "Secretary
/// of War": "Secretary"), and the word before that too where the last is
/// "Minister" ("Prime Minister").
fn title_start(office: &str, title: &[(usize, usize, &str)]) -> Option<usize> {
    let head = office.split(" of ").next().unwrap_or(office);
    let mut words = head.rsplit(' ');
    let last = words.next()?;
    let want: Vec<&str> = match last {
        "Minister" => std::iter::once(last).chain(words.next()).collect(),
        _ => vec![last],
    };
    let matched =
        title.len() >= want.len() && want.iter().zip(title.iter().rev()).all(|(w, t)| t.2 == *w);
    matched.then(|| title[title.len() - want.len()].0)
}

/// Up to `n` words right before `i`, past blanks on the same line, in
/// order: (start, end, text).
fn words_before_on_line(text: &str, i: usize, n: usize) -> Vec<(usize, usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut at = i;
    while out.len() < n {
        let end = at
            - b[..at]
                .iter()
                .rev()
                .take_while(|&&c| c == b' ' || c == b'\t')
                .count();
        let start = end
            - b[..end]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
        if start == end || end == at {
            break;
        }
        out.push((start, end, &text[start..end]));
        at = start;
    }
    out.reverse();
    out
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
