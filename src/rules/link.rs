//! Document-level linking of names: a person introduced in full ("Pete
//! Hegseth", found by a rule or a dictionary) links later uses of the
//! surname ("Hegseth", "Secretary Hegseth"; "Zarqawi" after "Abu Musab
//! al-Zarqawi"); a name found by a rule links
//! its other occurrences; an acronym defined in the text ("Ministry of
//! National Defense (MND)") links its later uses, and an organization's
//! initials its uses anywhere (see `initials.rs`). A surname two people share
//! is tagged as a person without an entity rather than guessed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasher;

use super::apply::{left, local_entity, right, without_legal_form, word_before, Edit};
use super::initials::{initials, stand_alone, CapsStarts};
use super::lexicon::{FxBuild, Lexicon};
use super::token::{plain_word, tokenize_range, word_kind, Kind, LineBreaks, Token};
use super::RuleSet;
use crate::dictionary::Label;
use crate::doc::{Doc, EntityRef, Evidence, Field, Mention, Span};
use crate::guard::line_at;
use crate::link::Headline;
use crate::resolve::Taken;
use crate::swar::load_le;

/// What a key links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Target {
    entity: EntityRef,
    label: Label,
    /// (field, start) of the introduction: links count only after it.
    after: (Field, usize),
    rule: &'static str,
    /// The key is a name in capitals, for headlines ("WOODS MAKES PRO
    /// DEBUT"): it counts only in a line without lower case, and before the
    /// introduction too (a headline comes first).
    caps: bool,
}

impl Target {
    /// Whether the target links a key's occurrence at `at`: after its
    /// introduction; a surname anywhere in a headline; a name in capitals
    /// anywhere (its line is tested apart), the start of the title too.
    fn links_at(&self, at: (Field, usize), in_headline: bool) -> bool {
        self.caps || self.after < at || (in_headline && self.rule == "link_surname")
    }
}

/// The keys [`link`] makes room for first.
const KEYS: usize = 14;

/// The most keys [`Keys`] finds one among by comparing them all: for a few,
/// hashing the key and the table's upkeep cost more.
const COMPARED_KEYS: usize = 8;

/// Buffers of [`link`], kept by the thread from document to document.
#[derive(Default)]
pub(crate) struct Buffers {
    /// Key occurrences: (start, key index).
    hits: Vec<(usize, usize)>,
    /// Per key, where its last occurrence taken ends.
    next: Vec<usize>,
    /// Per key, its targets (see [`Keys`]).
    targets: Vec<Vec<Target>>,
    /// Key occurrences of a field: (start, end, index of the key).
    found: Vec<(usize, usize, usize)>,
    /// The organizations whose initials were read.
    spelled: Vec<EntityRef>,
    /// The table of [`KeyFinder::first`], all `(0, 0)` between documents.
    first: Vec<(u32, u32)>,
    /// The hashes of [`Keys`].
    hashes: HashMap<u64, usize, FxBuild>,
    /// The memory of [`Keys`]' names and of [`KeyFinder`]'s keys, empty
    /// between documents (see [`recycled`]).
    names: Vec<Cow<'static, str>>,
    prefixed: Vec<Prefixed<'static>>,
    /// An empty lexicon, for tokenizing: kinds are all linking needs, no
    /// word lookups (one made and dropped per document cost more).
    bare: Lexicon,
}

/// `v` emptied, as a vector of items of another lifetime: collected from
/// a vector of items of the same size and alignment, a vector takes over
/// its memory (the standard library collects in place), so a buffer kept
/// by the thread holds, for one document, items that borrow it.
fn recycled<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().map(|_| unreachable!("emptied")).collect()
}

/// The keys of a document and their targets. Keys are borrowed from the
/// document's text, never copied, but for the names in capitals that
/// headlines are matched with. The lists of targets, the table of the
/// keys' hashes and the memory of the keys are kept by the thread from
/// document to document: making and freeing one per key, or a table per
/// document, cost more than the rest of adding them.
struct Keys<'t, 'b> {
    /// The keys, by their index in `targets`: keys are never removed, so the
    /// indices of a document are `0..names.len()`.
    names: Vec<Cow<'t, str>>,
    /// The hash of a key to its index, once there are more than
    /// [`COMPARED_KEYS`] keys. A key whose hash an earlier key holds is not
    /// in it, but found in `names` (hardly ever).
    hashes: &'b mut HashMap<u64, usize, FxBuild>,
    targets: &'b mut Vec<Vec<Target>>,
}

impl<'t, 'b> Keys<'t, 'b> {
    /// No keys, their names in `names` (emptied).
    fn new(
        hashes: &'b mut HashMap<u64, usize, FxBuild>,
        targets: &'b mut Vec<Vec<Target>>,
        mut names: Vec<Cow<'t, str>>,
    ) -> Keys<'t, 'b> {
        hashes.clear();
        names.clear();
        // Sized for the keys of most documents: seldom grown.
        names.reserve(KEYS);
        Keys {
            names,
            hashes,
            targets,
        }
    }

    fn hash(key: &str) -> u64 {
        FxBuild::default().hash_one(key)
    }

    /// The index of `key`, if it is a key.
    fn position(&self, key: &str) -> Option<usize> {
        if self.names.len() > COMPARED_KEYS {
            let &i = self.hashes.get(&Self::hash(key))?;
            if self.names[i] == key {
                return Some(i);
            }
        }
        self.names.iter().position(|k| k == key)
    }

    /// Hashes the key just added into `hashes`, and the keys before it when
    /// they pass [`COMPARED_KEYS`].
    fn hash_last(&mut self) {
        let n = self.names.len();
        let from = match n {
            ..=COMPARED_KEYS => return,
            _ if n == COMPARED_KEYS + 1 => 0,
            _ => n - 1,
        };
        for (i, key) in self.names.iter().enumerate().skip(from) {
            self.hashes.entry(Self::hash(key)).or_insert(i);
        }
    }

    /// Adds a target to `key`. A defined acronym outranks a rule's own name
    /// for the same word; an entity is a key's target once.
    fn add(&mut self, key: Cow<'t, str>, t: Target) {
        let new = self.names.len();
        let i = self.position(&key).unwrap_or(new);
        if i == new {
            self.names.push(key);
            self.hash_last();
            // The list of an earlier document's key is reused.
            match self.targets.get_mut(i) {
                Some(v) => v.clear(),
                None => self.targets.push(Vec::new()),
            }
        }
        let v = &mut self.targets[i];
        // Initials yield to the same letters found as a name (their
        // occurrences were read as names already: "BP" in a headline too)
        // and to an acronym the text defined.
        let outranks = |o: &Target| match t.rule {
            "acronym" => matches!(o.rule, "link_name" | "initials"),
            "link_name" => o.rule == "initials",
            _ => false,
        };
        let outranked = |o: &Target| match t.rule {
            "initials" => matches!(o.rule, "acronym" | "link_name"),
            "link_name" => o.rule == "acronym",
            _ => false,
        };
        if v.iter().any(outranked) {
            return;
        }
        v.retain(|o| !outranks(o));
        if !v.iter().any(|o| o.entity == t.entity) {
            v.push(t);
        }
    }

    fn get(&self, key: &str) -> Option<&[Target]> {
        self.position(key).map(|i| &self.targets[i][..])
    }

    /// The targets of every key, to change.
    fn targets_mut(&mut self) -> &mut [Vec<Target>] {
        &mut self.targets[..self.names.len()]
    }

    /// The targets of every key, by the key's index.
    fn targets(&self) -> &[Vec<Target>] {
        &self.targets[..self.names.len()]
    }
}

/// Links surnames, repeated names, acronyms and initials. `toks` is scratch
/// space: only the few places that matter are tokenized (mentions,
/// parentheses, occurrences of the keys). `caps` holds the pairs of capitals
/// that start the document's words in capitals. `breaks` holds how each field's line breaks
/// read (by [`Field`] index), once judged (see [`LineBreaks::for_range`]).
pub(crate) fn link<'t>(
    rules: &RuleSet,
    doc: &mut Doc<'t>,
    taken: &mut Taken,
    breaks: &mut [Option<LineBreaks>; 2],
    toks: &mut Vec<Token>,
    caps: &CapsStarts,
    bufs: &mut Buffers,
) {
    let mut buf = String::new();
    let Buffers {
        hits,
        next,
        targets,
        found,
        spelled,
        first,
        hashes,
        names: spare_names,
        prefixed: spare_prefixed,
        bare,
    } = bufs;
    let bare = &*bare;
    spelled.clear();
    let mut keys = Keys::new(hashes, targets, recycled(std::mem::take(spare_names)));
    // A report of sport: teams, line-ups, scorers, results of people
    // ("Jesper Parnevik (Sweden) 66").
    // Looked at only for a person of the name lists.
    let sporty = std::cell::OnceCell::new();
    let is_sporty = |doc: &Doc<'_>| {
        doc.mentions.iter().any(|m| match m.entity {
            EntityRef::Local(i) if doc.locals[i as usize].kind == "sports_team" => true,
            _ => matches!(m.evidence, Evidence::Rule { rule } if matches!(
                rules.rule_name(rule),
                "lineup" | "scorer" | "scorecard" | "name_before_country" | "score_table"
            )),
        })
    };
    let mut new_orgs = Vec::new();
    for field in [Field::Title, Field::Text] {
        let text = doc.field_text(field);
        let bytes = text.as_bytes();
        let lines = &mut breaks[field as usize];
        for m in doc.mentions.iter().filter(|m| m.field == field) {
            if matches!(m.entity, EntityRef::Ambiguous(_)) {
                continue;
            }
            let is_person = m.label == Label::Person;
            let at = (field, m.span.start);
            let target = |rule, after| Target {
                entity: m.entity,
                label: m.label,
                after,
                rule,
                caps: false,
            };
            let mut after = m.span.end;
            while after < bytes.len() && bytes[after].is_ascii_whitespace() {
                after += 1;
            }
            let paren = bytes.get(after) == Some(&b'(');
            if is_person || paren {
                toks.clear();
                let end = if paren {
                    right(bytes, after, 2)
                } else {
                    m.span.end
                };
                let read = LineBreaks::for_range(lines, text, m.span.start, end);
                tokenize_range(text, m.span.start, end, read, bare, toks);
                let b = toks.partition_point(|t| (t.start as usize) < m.span.end);
                let mut words = toks[..b].iter().filter(|t| t.kind.is_word());
                if is_person && words.clone().nth(1).is_some() {
                    // A Chinese name puts the family name first ("Wang
                    // Donghai ... Wang said"), whichever rule found it
                    // ("veteran dissident Wang Donghai").
                    let family_first = match m.evidence {
                        Evidence::Rule { rule } => {
                            rules.rule_name(rule) == "chinese_name"
                                || family_name_first(rules, text, words.clone(), &mut buf)
                        }
                        _ => false,
                    };
                    // A generation's or monarch's numeral is no surname
                    // ("Andres Soriano III ... Soriano").
                    let family = match family_first {
                        true => words.next(),
                        false => words
                            .next_back()
                            .filter(|t| !is_numeral(slice(text, t)))
                            .or_else(|| words.next_back()),
                    };
                    let family = family
                        .map(|last| (last.kind, slice(text, last)))
                        .filter(|&(kind, surname)| kind == Kind::Cap && surname.len() > 2);
                    let mut full_name_in_headline = false;
                    // "Zarqawi" after "Abu Musab al-Zarqawi": a family name
                    // with the Arabic article is also written without it,
                    // and with it capitalized at a sentence's start.
                    let forms = family.into_iter().flat_map(|(_, surname)| {
                        std::iter::once(Cow::Borrowed(surname)).chain(other_article_forms(surname))
                    });
                    for form in forms {
                        let surname = &*form;
                        let t = target("link_surname", at);
                        keys.add(form.clone(), t);
                        // The name and the surname in a headline in
                        // capitals, unless the surname is a word there
                        // ("MAY").
                        // A person that name lists alone found ("Bell
                        // Canada", "Dayton Hudson" may be firms) counts
                        // only in a report of sport, where the text also
                        // names him by the surname alone ("Alan Shearer
                        // ... Shearer said").
                        let bits = rules.lex.lookup(surname, Kind::Cap, &mut buf);
                        // Outside sport, one that the text names by the
                        // surname again, where the surname is no word
                        // in lower case ("drilling") nor a word of an
                        // organization's name ("Dayton Hudson Corp").
                        let trusted = !from_name_lists(rules, m.evidence)
                            || (memchr::memmem::find_iter(bytes, surname).nth(1).is_some()
                                && (*sporty.get_or_init(|| is_sporty(doc))
                                    || (!has_lower_case_word(bytes, surname)
                                        && !is_word_of_org(doc, surname))));
                        if bits & rules.inert == 0 && trusted {
                            let headline = Target {
                                after: (Field::Title, 0),
                                caps: true,
                                ..t
                            };
                            keys.add(Cow::Owned(surname.to_uppercase()), headline);
                            if !full_name_in_headline {
                                full_name_in_headline = true;
                                let name = &text[m.span.range()];
                                let full = Target {
                                    rule: "link_name",
                                    ..headline
                                };
                                keys.add(Cow::Owned(name.to_uppercase()), full);
                            }
                        }
                    }
                }
                // "Long Name (LN)"; an organization's acronym in another
                // language too ("Popular Revolutionary Army (EPR)").
                let acronym = defined_acronym(text, toks, b, &toks[..b]).or_else(|| {
                    (m.label == Label::Organization)
                        .then(|| foreign_acronym(rules, text, toks, b, &mut buf))
                        .flatten()
                });
                if let Some(acr) = acronym {
                    keys.add(Cow::Borrowed(acr), target("acronym", at));
                }
            }
            if matches!(m.entity, EntityRef::Local(_)) {
                let t = target("link_name", (Field::Title, 0));
                keys.add(Cow::Borrowed(&text[m.span.range()]), t);
            }
            // "the SEC" before or after "the Securities and Exchange
            // Commission": its initials, anywhere in the document; once
            // found, not read again for the organization (most are named
            // again and again).
            if m.label == Label::Organization && !spelled.contains(&m.entity) {
                if let Some(letters) = initials(rules, &text[m.span.range()], caps) {
                    spelled.push(m.entity);
                    keys.add(Cow::Owned(letters), target("initials", (Field::Title, 0)));
                }
            }
            // "Magna" after "Magna International Inc": a firm by the first
            // word of its name, linked as a surname is; and by its name
            // without the legal form ("Security Pacific" after "Security
            // Pacific Corp").
            let name = &text[m.span.range()];
            if m.label == Label::Organization && ends_in_legal_form(rules, name, &mut buf) {
                if let Some(first) = firm_first_word(rules, name, &mut buf) {
                    keys.add(Cow::Borrowed(first), target("link_firm", at));
                }
                let bare = without_legal_form(rules, name);
                if bare.contains(char::is_whitespace) {
                    keys.add(Cow::Borrowed(bare), target("link_firm", at));
                }
            }
        }
        // An undefined capitalized run followed by its acronym: an
        // organization.
        for p in memchr::memchr_iter(b'(', bytes) {
            if p == 0 || !bytes[p - 1].is_ascii_whitespace() {
                continue;
            }
            // The acronym in "( ACR )" is a token in capitals: its first
            // byte (past blanks, not a line break) is a capital or
            // non-ASCII. Most parentheses hold numbers or lower case.
            let inside = bytes[p + 1..]
                .iter()
                .find(|&&c| c == b'\n' || !c.is_ascii_whitespace());
            if !inside.is_some_and(|&c| c.is_ascii_uppercase() || c >= 0x80) {
                continue;
            }
            toks.clear();
            let (from, to) = (left(bytes, p, 12), right(bytes, p, 2));
            let read = LineBreaks::for_range(lines, text, from, to);
            tokenize_range(text, from, to, read, bare, toks);
            let Some(j) = toks.iter().position(|t| t.start as usize == p) else {
                continue;
            };
            // The run of capitalized words (and 'of', 'and' ...) before it.
            let free = |t: &Token| taken.overlapping(field, span_of(t)).is_none();
            let eligible = |t: &Token| {
                free(t)
                    && (t.kind == Kind::Cap
                        || (t.kind == Kind::Lower
                            && matches!(slice(text, t), "of" | "and" | "for" | "the")))
            };
            if j == 0 || toks[j - 1].kind != Kind::Cap || !eligible(&toks[j - 1]) {
                continue;
            }
            let mut i = j - 1;
            while i > 0 && eligible(&toks[i - 1]) {
                i -= 1;
            }
            while toks[i].kind != Kind::Cap {
                i += 1;
            }
            if j - i < 2 {
                continue;
            }
            if let Some(acr) = defined_acronym(text, toks, j, &toks[i..j]) {
                let span = Span {
                    start: toks[i].start as usize,
                    end: toks[j - 1].end as usize,
                };
                new_orgs.push((field, span, acr, Vec::new()));
                continue;
            }
            // "[Korean Peninsula] Energy Development Organization (KEDO)":
            // the run takes in place or nationality mentions before it when
            // their initials start the acronym.
            let mut k = i;
            while k > 0 && i - k < 4 && toks[k - 1].kind == Kind::Cap {
                k -= 1;
                let covering: Vec<usize> = doc
                    .mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.field == field && m.span.overlaps(span_of(&toks[k])))
                    .map(|(x, _)| x)
                    .collect();
                let from = toks[k].start as usize;
                let inside = |x: &usize| {
                    let m = &doc.mentions[*x];
                    matches!(m.label, Label::Place | Label::Nationality)
                        && from <= m.span.start
                        && m.span.end <= toks[i - 1].end as usize
                };
                if covering.is_empty() || !covering.iter().all(inside) {
                    break;
                }
                if let Some(acr) = defined_acronym(text, toks, j, &toks[k..j]) {
                    let span = Span {
                        start: from,
                        end: toks[j - 1].end as usize,
                    };
                    let removed: Vec<usize> = doc
                        .mentions
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| m.field == field && m.span.overlaps(span))
                        .map(|(x, _)| x)
                        .collect();
                    if removed.iter().all(inside) {
                        new_orgs.push((field, span, acr, removed));
                    }
                    break;
                }
            }
        }
    }
    // "Mr. Smith" found by a rule after "John Smith": the same person.
    let mut relinked = Vec::new();
    for m in doc.mentions.iter_mut() {
        if m.label != Label::Person || !matches!(m.entity, EntityRef::Local(_)) {
            continue;
        }
        let text = doc_text(doc.title, doc.text, m.field);
        let Some(targets) = keys.get(&text[m.span.range()]) else {
            continue;
        };
        let mut live = targets
            .iter()
            .filter(|t| t.rule == "link_surname" && t.after < (m.field, m.span.start));
        if let (Some(one), None) = (live.next(), live.next()) {
            relinked.push(m.entity);
            m.entity = one.entity;
        }
    }
    // Their own names now link through the full name's surname.
    if !relinked.is_empty() {
        for targets in keys.targets_mut() {
            targets.retain(|t| !(t.rule == "link_name" && relinked.contains(&t.entity)));
        }
    }
    let mut edit = Edit::new();
    for (field, span, acr, removed) in new_orgs {
        for x in removed {
            taken.remove(field, doc.mentions[x].span);
            edit.remove(x);
        }
        let name = &doc.field_text(field)[span.range()];
        let local = local_entity(doc, Label::Organization, name, "organization", None, None);
        let entity = EntityRef::Local(local);
        taken.insert(field, span);
        edit.add(Mention {
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
            caps: false,
        };
        keys.add(Cow::Borrowed(acr), t);
    }
    if keys.names.is_empty() {
        edit.finish(doc);
        *spare_names = recycled(keys.names);
        return;
    }
    let mut others = Vec::new();
    // The keys and their targets are read by index from here on: no list
    // of the pairs is made.
    let (names, key_targets) = (&keys.names[..], keys.targets());
    let finder = KeyFinder::new(
        names.iter().map(|k| k.as_bytes()),
        first,
        recycled(std::mem::take(spare_prefixed)),
    );
    next.clear();
    next.resize(names.len(), 0);
    // A headline names people by their surnames before the story gives
    // their full names ("Karbacher wins" above "Bernd Karbacher won").
    let headline = Headline::of(doc);
    for field in [Field::Title, Field::Text] {
        let text = doc.field_text(field);
        let bytes = text.as_bytes();
        let lines = &mut breaks[field as usize];
        // Occurrences of the keys at a capitalized token: the longest at
        // each start. Every occurrence is reported, but each key's are taken
        // as a search for that key alone finds them: one starting inside the
        // previous one of the same key is skipped.
        found.clear();
        next.fill(0);
        finder.find(bytes, hits);
        for &(s, key) in hits.iter() {
            let e = s + names[key].len();
            if s < next[key] {
                continue;
            }
            next[key] = e;
            found.push((s, e, key));
        }
        found.sort_unstable_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        for at_start in found.chunk_by(|a, b| a.0 == b.0) {
            // Most occurrences are names already taken (the mentions the
            // keys came from): those are passed over whichever of them is
            // the longest at a token, so they need no tokens.
            if at_start.iter().all(|&(s, e, key)| {
                let span = Span { start: s, end: e };
                passed_over(
                    doc,
                    &key_targets[key],
                    field,
                    span,
                    headline.holds(field, span),
                    taken,
                )
            }) {
                continue;
            }
            // One tokenization serves every occurrence at this start (the
            // first is the longest).
            let (s, longest) = (at_start[0].0, at_start[0].1);
            tokenize_key(text, s, longest, lines, bare, toks);
            let Some(&(s, e, key)) = at_start.iter().find(|&&(_, e, _)| at_token(toks, s, e))
            else {
                continue;
            };
            let targets = &key_targets[key];
            let span = Span { start: s, end: e };
            let here = (field, span.start);
            let in_headline = headline.holds(field, span);
            let mut live = targets.iter().filter(|x| x.links_at(here, in_headline));
            let Some(first) = live.next() else { continue };
            let alone = live.next().is_none();
            // A surname, or a place a rule found, before another name word
            // is part of a longer name ("Bridgton Junction").
            if first.caps {
                // In a headline in capitals every word is in capitals: no
                // test of a longer name, but the line must be one.
                if !line_in_capitals(bytes, s) {
                    continue;
                }
                // "DEAN FOODS" above "Dean Foods Co": the name starts an
                // organization's name of the text, not the person's.
                if first.rule == "link_surname" && starts_org_name(doc, bytes, s, e) {
                    continue;
                }
            } else {
                // So is a person's one-word name before another name word:
                // "Naina" after "his wife Naina" in "Naina Yeltsin".
                let whole_name = first.rule == "link_surname"
                    || (first.rule == "link_name"
                        && (first.label == Label::Place
                            || (first.label == Label::Person && !text[s..e].contains(' '))));
                if whole_name && !standalone(rules, text, e, lines, bare, &mut buf, toks) {
                    continue;
                }
                if first.rule == "link_firm" && !firm_word_alone(rules, bytes, s, e, &mut buf) {
                    continue;
                }
                if first.rule == "initials" && !stand_alone(bytes, s, e) {
                    continue;
                }
            }
            // "Naina Yeltsin" after "Boris Yeltsin": another person of the
            // family, named in full, unless the word before the surname
            // may just start the sentence ("Instead Yeltsin").
            if first.rule == "link_surname" && !first.caps {
                if let Some((w, other_person)) = first_name_before(rules, text, s, &mut buf) {
                    let full = Span { start: w, end: e };
                    if taken
                        .overlapping(field, Span { start: w, end: s })
                        .is_none()
                    {
                        if other_person && taken.overlapping(field, span).is_none() {
                            taken.insert(field, full);
                            others.push((field, full));
                        }
                        continue;
                    }
                }
            }
            if taken.overlapping(field, span).is_some() {
                match taken_over(doc, field, span, first) {
                    Some(i) => {
                        taken.remove(field, doc.mentions[i].span);
                        edit.remove(i);
                    }
                    None => continue,
                }
            }
            let entity = if alone {
                first.entity
            } else {
                doc.alternatives.push(Vec::new());
                EntityRef::Ambiguous(doc.alternatives.len() as u32 - 1)
            };
            taken.insert(field, span);
            edit.add(Mention {
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
    *spare_prefixed = recycled(finder.into_spare());
    *spare_names = recycled(keys.names);
    for (field, span) in others {
        let name = &doc.field_text(field)[span.range()];
        let local = local_entity(doc, Label::Person, name, "person", None, None);
        edit.add(Mention {
            span,
            field,
            label: Label::Person,
            entity: EntityRef::Local(local),
            evidence: Evidence::Rule {
                rule: rules.link_rule("family_name"),
            },
        });
    }
    edit.finish(doc);
}

/// The other forms of a family name with the Arabic article ("al-", "el-"),
/// where the rest is a capitalized word of three letters or more: without
/// it ("Zarqawi" for "al-Zarqawi") and with the article's case changed
/// ("Al-Zarqawi", opening a sentence). None for any other name.
fn other_article_forms(surname: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let split = ["al-", "Al-", "el-", "El-"]
        .into_iter()
        .find_map(|article| {
            let rest = surname.strip_prefix(article)?;
            (word_kind(rest) == Kind::Cap && rest.len() > 2).then_some((article, rest))
        });
    split.into_iter().flat_map(|(article, rest)| {
        let mut other_case = String::with_capacity(surname.len());
        let mut letters = article.chars();
        other_case.extend(letters.next().map(|c| match c.is_ascii_uppercase() {
            true => c.to_ascii_lowercase(),
            false => c.to_ascii_uppercase(),
        }));
        other_case.push_str(letters.as_str());
        other_case.push_str(rest);
        [Cow::Borrowed(rest), Cow::Owned(other_case)]
    })
}

/// The capitalized name word right before a surname at `s` ("Naina
/// Yeltsin", "De Wilde"): its start, and whether it names another person
/// of the family: not when a capitalized name word comes before it too (a
/// longer name: "Reynard Ford Cosworth", but "Then De Wilde") or it is a participle opening a
/// sentence. Titles, offices and function words (`nonname` holds the
/// adverbs that open sentences: "Instead Yeltsin") are no first name
/// ("President Yeltsin").
fn first_name_before(
    rules: &RuleSet,
    text: &str,
    s: usize,
    buf: &mut String,
) -> Option<(usize, bool)> {
    if rules.not_in_lists == 0 {
        return None;
    }
    let b = text.as_bytes();
    let (ws, we) = word_before(b, s)?;
    let w = &text[ws..we];
    if b[we..s] != *b" " || w.len() < 2 || word_kind(w) != Kind::Cap {
        return None;
    }
    let bits = rules.lex.lookup(w, Kind::Cap, buf);
    let particle = bits & rules.particles != 0;
    if bits & rules.not_in_lists != 0 && !particle {
        return None;
    }
    // A capitalized word before it too: a longer name ("Reynard Ford
    // Cosworth"), no person of the family.
    if let Some((ps, pe)) = word_before(b, ws) {
        let prev = &text[ps..pe];
        if b[pe..ws] == *b" "
            && word_kind(prev) == Kind::Cap
            && rules.lex.lookup(prev, Kind::Cap, buf) & rules.inert == 0
        {
            return Some((ws, false));
        }
    }
    // A participle that opens a sentence ("Replacing Greeniaus, ...").
    let opens = b[..ws]
        .iter()
        .rev()
        .find(|c| !matches!(c, b' ' | b'\t'))
        .is_none_or(|c| matches!(c, b'.' | b'!' | b'?' | b'"' | b':' | b'\n' | b'\r'));
    Some((ws, !(opens && w.len() > 5 && w.ends_with("ing"))))
}

/// Whether a person was found by name lists alone ("Bell Canada", "Davis
/// Water" are firms): such a guess does not reach into a headline.
/// Whether `word` (capitalized) occurs in `bytes` in lower case, as a word.
pub(crate) fn has_lower_case_word(bytes: &[u8], word: &str) -> bool {
    let lower = word.to_lowercase();
    let is_letter = |c: &u8| c.is_ascii_alphanumeric() || *c >= 0x80;
    memchr::memmem::find_iter(bytes, lower.as_bytes()).any(|i| {
        let end = i + lower.len();
        let inside = i > 0 && is_letter(&bytes[i - 1]) || bytes.get(end).is_some_and(is_letter);
        !inside
    })
}

/// Whether `word` is a capitalized word of the document's organization
/// mentions (split at every character that is no letter or digit). No
/// set of the words is built, and no name is split (few words are asked
/// about): `word`, capitalized and all letters and digits, is searched for
/// in each name, with no letter or digit on either side.
pub(crate) fn is_word_of_org(doc: &Doc<'_>, word: &str) -> bool {
    if !word.starts_with(char::is_uppercase) || !word.chars().all(char::is_alphanumeric) {
        return false;
    }
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // Names are short: their bytes equal to the word's first are tried.
    let first = word.as_bytes()[0];
    doc.mentions
        .iter()
        .filter(|m| m.label == Label::Organization)
        .any(|m| {
            let name = doc.surface(m);
            memchr::memchr_iter(first, name.as_bytes()).any(|at| {
                name[at..].starts_with(word)
                    && !alphanumeric(name[..at].chars().next_back())
                    && !alphanumeric(name[at + word.len()..].chars().next())
            })
        })
}

fn from_name_lists(rules: &RuleSet, evidence: Evidence) -> bool {
    let Evidence::Rule { rule } = evidence else {
        return false;
    };
    matches!(
        rules.rule_name(rule),
        "given_surname"
            | "common_given_surname"
            | "name_surname"
            | "given_alone"
            | "place_given_surname"
            | "list_person"
    )
}

/// Whether the line around `i` has no lower-case ASCII letter.
pub(crate) fn line_in_capitals(bytes: &[u8], i: usize) -> bool {
    !bytes[line_at(bytes, i)].iter().any(u8::is_ascii_lowercase)
}

/// Finds the keys of a document in a text: memchr looks for the bytes that
/// start keys, three at a time (a document's keys start with a few
/// capitals, each rare in running text), and at each such byte only the
/// keys starting with it are compared, by their first eight bytes at once
/// (a text search per key, or an automaton built per document, costs more;
/// so did a pass of 8 bytes at a time that stopped at every capital).
struct KeyFinder<'k, 'f> {
    /// The keys, by first byte, second byte ([`NO_SECOND`] for a key of one
    /// byte: the last of its first byte) and index.
    keys: Vec<Prefixed<'k>>,
    /// The keys starting with byte `b` are `keys[lo..hi]` for
    /// `(lo, hi) = first[b]`: each byte found tries only its own, not all
    /// the keys. 256 entries, lent by the thread: set for the first bytes
    /// of the keys, and reset for them on drop (made, or moved, per
    /// document, the table cost more than the search saved).
    first: &'f mut [(u32, u32); 256],
    /// The first bytes of the keys, each once, in order: `heads[..n_heads]`
    /// (found once per document, not once per field).
    heads: [u8; 256],
    n_heads: usize,
}

/// A key of [`KeyFinder`], with its first eight bytes as a word.
struct Prefixed<'k> {
    /// The key's first eight bytes (fewer zero-padded), as [`load_le`]
    /// reads them.
    prefix: u64,
    /// The bytes of `prefix` that are the key's.
    mask: u64,
    /// The key's second byte, or [`NO_SECOND`].
    second: u16,
    key: &'k [u8],
    /// The key's index.
    index: usize,
}

impl<'k> Prefixed<'k> {
    /// Whether the key starts `rest`, whose first eight bytes are `word`.
    #[inline(always)]
    fn starts(&self, rest: &[u8], word: u64) -> bool {
        word & self.mask == self.prefix
            && rest.len() >= self.key.len()
            && (self.key.len() <= 8 || rest[8..self.key.len()] == self.key[8..])
    }
}

/// The most bytes one pass of [`KeyFinder::find`] looks for (memchr3).
const BYTES_PER_PASS: usize = 3;

/// The second byte of a one-byte key.
const NO_SECOND: u16 = 256;

/// The most keys of one first byte that [`KeyFinder::at`] compares all: a
/// document naming thousands of people has many keys of one first byte,
/// and then only those of the same second byte are compared.
const COMPARED_ALL: usize = 8;

impl<'k, 'f> KeyFinder<'k, 'f> {
    /// The finder of `keys`, with `first`, all `(0, 0)`, as its table, and
    /// its list of keys in `sorted` (emptied).
    fn new(
        keys: impl Iterator<Item = &'k [u8]>,
        first: &'f mut Vec<(u32, u32)>,
        mut sorted: Vec<Prefixed<'k>>,
    ) -> Self {
        let prefixed = keys
            .enumerate()
            .filter(|(_, k)| !k.is_empty())
            .map(|(index, key)| {
                let n = key.len().min(8);
                Prefixed {
                    prefix: load_le(key),
                    mask: u64::MAX >> (8 * (8 - n)),
                    second: key.get(1).map_or(NO_SECOND, |&c| u16::from(c)),
                    key,
                    index,
                }
            });
        // Grown once for all the keys, not by doubling (the filter hides
        // the count from `extend`).
        sorted.clear();
        sorted.reserve(prefixed.size_hint().1.unwrap_or(0));
        sorted.extend(prefixed);
        sorted.sort_unstable_by_key(|k| (k.key[0], k.second, k.index));
        first.resize(256, (0, 0));
        // An array, not a slice: indexed by a byte, it needs no bounds check.
        let Ok(first) = <&mut [(u32, u32); 256]>::try_from(&mut first[..]) else {
            unreachable!("the table has 256 entries");
        };
        let (mut heads, mut n_heads) = ([0u8; 256], 0);
        for (i, k) in sorted.iter().enumerate() {
            let range = &mut first[usize::from(k.key[0])];
            if range.0 == range.1 {
                // The keys are sorted by first byte: each group's first is new.
                *range = (i as u32, i as u32);
                heads[n_heads] = k.key[0];
                n_heads += 1;
            }
            range.1 += 1;
        }
        KeyFinder {
            keys: sorted,
            first,
            heads,
            n_heads,
        }
    }

    /// Every occurrence in `bytes`, overlapping ones included, as (start,
    /// index of the key): those of each key in order of start, those of
    /// different keys in no order.
    fn find(&self, bytes: &[u8], hits: &mut Vec<(usize, usize)>) {
        hits.clear();
        for heads in self.heads[..self.n_heads].chunks(BYTES_PER_PASS) {
            self.pass(bytes, heads, hits);
        }
    }

    /// The occurrences of the keys that start with a byte of `heads` (one
    /// to three bytes).
    fn pass(&self, bytes: &[u8], heads: &[u8], hits: &mut Vec<(usize, usize)>) {
        match *heads {
            [a] => memchr::memchr_iter(a, bytes).for_each(|s| self.at(bytes, s, hits)),
            [a, b] => memchr::memchr2_iter(a, b, bytes).for_each(|s| self.at(bytes, s, hits)),
            [a, b, c] => memchr::memchr3_iter(a, b, c, bytes).for_each(|s| self.at(bytes, s, hits)),
            _ => unreachable!("a pass looks for one to three bytes"),
        }
    }

    /// The keys that start at `s`: its byte starts some. Inlined: called
    /// for every byte found, the call cost more than the test at most.
    #[inline(always)]
    fn at(&self, bytes: &[u8], s: usize, hits: &mut Vec<(usize, usize)>) {
        let (lo, hi) = self.first[usize::from(bytes[s])];
        let rest = &bytes[s..];
        let word = load_le(rest);
        let mut keys = &self.keys[lo as usize..hi as usize];
        if keys.len() > COMPARED_ALL {
            keys = narrow(keys, rest, s, hits);
        }
        for k in keys {
            if k.starts(rest, word) {
                hits.push((s, k.index));
            }
        }
    }
}

/// Of `keys`, many of the first byte of `rest` (at `s`), those of its
/// second byte, to compare; the one-byte key, if any, is a hit. Out of
/// line: hardly ever called, inlined it made [`KeyFinder::at`] slower.
#[inline(never)]
fn narrow<'a, 'k>(
    keys: &'a [Prefixed<'k>],
    rest: &[u8],
    s: usize,
    hits: &mut Vec<(usize, usize)>,
) -> &'a [Prefixed<'k>] {
    if let Some(one) = keys.last().filter(|k| k.second == NO_SECOND) {
        hits.push((s, one.index));
    }
    let Some(&second) = rest.get(1) else {
        return &[];
    };
    let second = u16::from(second);
    let from = keys.partition_point(|k| k.second < second);
    let to = from + keys[from..].partition_point(|k| k.second == second);
    &keys[from..to]
}

impl<'k> KeyFinder<'k, '_> {
    /// Its list of keys, emptied, for the next finder; the table is left
    /// all `(0, 0)`.
    fn into_spare(mut self) -> Vec<Prefixed<'k>> {
        self.reset_table();
        let mut keys = std::mem::take(&mut self.keys);
        keys.clear();
        keys
    }

    fn reset_table(&mut self) {
        for k in &self.keys {
            self.first[usize::from(k.key[0])] = (0, 0);
        }
    }
}

impl Drop for KeyFinder<'_, '_> {
    /// Leaves the table all `(0, 0)` for the next document.
    fn drop(&mut self) {
        self.reset_table();
    }
}

/// Whether an occurrence of a key with `targets` at `span` is passed over
/// whatever its tokens: no target counts there yet; or a mention is taken
/// there already and the first target takes over none ([`taken_over`]:
/// the last test of [`link`], made first, as the tests before it only pass
/// more occurrences over and change nothing where a mention is taken); or
/// a firm's name is inside a longer mention.
fn passed_over(
    doc: &Doc<'_>,
    targets: &[Target],
    field: Field,
    span: Span,
    in_headline: bool,
    taken: &Taken,
) -> bool {
    let Some(first) = targets
        .iter()
        .find(|x| x.links_at((field, span.start), in_headline))
    else {
        return true;
    };
    // A firm's name takes over only a (small town's) mention of its own
    // words: not the firm's name in full that it starts.
    taken.overlapping(field, span).is_some_and(|t| {
        (first.rule == "link_firm" && t != span) || taken_over(doc, field, span, first).is_none()
    })
}

/// The mention at `span`, where a mention is taken already, that an
/// occurrence of a key whose first live target is `first` takes over, if
/// any: one of exactly `span`, or for a person's name (`link_name`) the
/// short form of another person inside it. Initials take over none.
fn taken_over(doc: &Doc<'_>, field: Field, span: Span, first: &Target) -> Option<usize> {
    let bytes = doc.field_text(field).as_bytes();
    match first.rule {
        // An acronym the text defined beats a rule's guess at the same word
        // ("the MOU" is the ministry, not an unknown organization).
        "acronym" => mention_at(doc, field, span, is_rule_guess),
        // "Michael Jordan ... Jordan said": the person, unless a
        // preposition makes it the place ("King Abdullah of Jordan"). The
        // mention is looked for first: most occurrences are of no place,
        // and the word before costs more to read.
        "link_surname" => mention_at(doc, field, span, is_dictionary_place)
            .filter(|_| !after_preposition(bytes, span.start)),
        // "Magna" after "Magna International Inc": the firm, not the small
        // town of Utah.
        "link_firm" => mention_at(doc, field, span, |m| is_small_town(doc, m))
            .filter(|_| !after_preposition(bytes, span.start)),
        // "Kim Yo Jong" again after "Kim Jong Un": the person the text
        // named in full, not the short form "Kim" of another inside it.
        "link_name" if first.label == Label::Person => short_form_inside(doc, field, span),
        _ => None,
    }
}

/// The one mention overlapping `span`, if it is a person's short form
/// (evidence [`Evidence::ShortForm`]) inside it and shorter.
fn short_form_inside(doc: &Doc<'_>, field: Field, span: Span) -> Option<usize> {
    let mut overlapping = super::apply::overlapping_mentions(&doc.mentions, field, span);
    let (Some(i), None) = (overlapping.next(), overlapping.next()) else {
        return None;
    };
    let m = &doc.mentions[i];
    let inside = span.start <= m.span.start && m.span.end <= span.end && m.span != span;
    let short_form = matches!(m.evidence, Evidence::ShortForm { .. });
    (inside && short_form && m.label == Label::Person).then_some(i)
}

/// Tokenizes the chunks from the one holding `s` to the one holding `e`
/// into `toks` (cleared first): those of a key at `s..e` and of a shorter
/// key at `s` ([`at_token`]). `bare` is an empty lexicon (kinds are all
/// this needs).
fn tokenize_key(
    text: &str,
    s: usize,
    e: usize,
    lines: &mut Option<LineBreaks>,
    bare: &Lexicon,
    toks: &mut Vec<Token>,
) {
    let bytes = text.as_bytes();
    toks.clear();
    // Most keys found are one word, a whole chunk: its one token is made
    // here, as the tokenizer makes it (in no list: `bare` holds no word).
    if let Some(kind) = whole_chunk_word(text, s, e) {
        toks.push(Token {
            start: s as u32,
            end: e as u32,
            kind,
            lists: 0,
            mention: 0,
        });
        return;
    }
    // Tokens do not cross white space, so no later one may end at `e`.
    let (from, to) = (chunk_start(bytes, s), right(bytes, e, 0));
    let read = LineBreaks::for_range(lines, text, from, to);
    tokenize_range(text, from, to, read, bare, toks);
}

/// The kind of `text[s..e]` when it is a whole chunk (white space or the
/// field's ends around it) and a plain word ([`plain_word`]) capitalized or
/// in capitals: the tokenizer reads such a chunk as one token of that kind
/// (no period follows for an abbreviation or initials to take).
fn whole_chunk_word(text: &str, s: usize, e: usize) -> Option<Kind> {
    let b = text.as_bytes();
    let chunk =
        (s == 0 || b[s - 1].is_ascii_whitespace()) && b.get(e).is_none_or(u8::is_ascii_whitespace);
    if !chunk {
        return None;
    }
    match plain_word(text, s) {
        Some((end, kind @ (Kind::Cap | Kind::Upper), _)) if end == e => Some(kind),
        _ => None,
    }
}

/// Whether `s..e` starts at a capitalized token of `toks` and ends with a
/// token (see [`tokenize_key`]).
fn at_token(toks: &[Token], s: usize, e: usize) -> bool {
    let Some(i) = toks.iter().position(|t| t.start as usize == s) else {
        return false;
    };
    matches!(toks[i].kind, Kind::Cap | Kind::Upper) && toks[i..].iter().any(|x| x.end as usize == e)
}

/// The mention of exactly `span` that `pick` accepts, if there is one.
fn mention_at(
    doc: &Doc<'_>,
    field: Field,
    span: Span,
    pick: impl Fn(&Mention) -> bool,
) -> Option<usize> {
    super::apply::overlapping_mentions(&doc.mentions, field, span)
        .find(|&i| doc.mentions[i].span == span && pick(&doc.mentions[i]))
}

/// Whether `bytes[s..e]` and the word after it begin the name of an
/// organization of the text, compared without case ("DEAN FOODS" and "Dean
/// Foods Co").
fn starts_org_name(doc: &Doc<'_>, bytes: &[u8], s: usize, e: usize) -> bool {
    let from = e + bytes[e..].iter().take_while(|c| **c == b' ').count();
    let to = from
        + bytes[from..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
    if from == e || to == from {
        return false;
    }
    let (name, next) = (&bytes[s..e], &bytes[from..to]);
    let text = doc.text.as_bytes();
    doc.mentions
        .iter()
        .filter(|m| m.field == Field::Text && m.label == Label::Organization)
        .any(|m| {
            let org = &text[m.span.range()];
            let Some(rest) = org
                .get(..name.len())
                .filter(|head| head.eq_ignore_ascii_case(name))
                .map(|_| &org[name.len()..])
            else {
                return false;
            };
            let blanks = rest.iter().take_while(|c| c.is_ascii_whitespace()).count();
            blanks > 0
                && rest[blanks..]
                    .get(..next.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(next))
                && !rest[blanks + next.len()..]
                    .first()
                    .is_some_and(u8::is_ascii_alphanumeric)
        })
}

/// Whether a firm's `name` ends in a legal form ("Inc", "Corp.").
fn ends_in_legal_form(rules: &RuleSet, name: &str, buf: &mut String) -> bool {
    let Some((_, last)) = name.rsplit_once(char::is_whitespace) else {
        return false;
    };
    let last = last.trim_end_matches('.');
    // Legal forms are listed in capitals ("INC", "CORP"), and are short.
    let mut upper = [0u8; 4];
    last.len() <= upper.len() && {
        let upper = &mut upper[..last.len()];
        upper.copy_from_slice(last.as_bytes());
        upper.make_ascii_uppercase();
        std::str::from_utf8(upper)
            .is_ok_and(|u| rules.lex.lookup(u, Kind::Upper, buf) & rules.legal_forms != 0)
    }
}

/// The first word of a firm's name that ends in a legal form ("Magna" of
/// "Magna International Inc", "NationsBank" of "NationsBank Corp."; see
/// [`ends_in_legal_form`]), by which the text names it again: a capitalized
/// word of three letters or more, no possessive, that no list knows as a
/// function word, month, title, office, head of a name or ordinal ("First
/// Albany Corp", "National Westminster Bank Plc").
fn firm_first_word<'n>(rules: &RuleSet, name: &'n str, buf: &mut String) -> Option<&'n str> {
    let (first, _) = name.split_once(char::is_whitespace)?;
    if first.len() < 3 || word_kind(first) != Kind::Cap || first.contains(['\'', '\u{2019}']) {
        return None;
    }
    (rules.lex.lookup(first, Kind::Cap, buf) & (rules.not_in_lists | rules.inert) == 0)
        .then_some(first)
}

/// Whether the first word of a firm's name at `s..e` stands alone: no
/// capitalized name word before it ("New Jersey Bell"), no capitalized
/// word or number in capitals after it ("Data General", "Mark IV"), nor
/// "and" or "&" and a capitalized word ("Harper and Row", "Standard and
/// Poor's").
fn firm_word_alone(rules: &RuleSet, b: &[u8], s: usize, e: usize, buf: &mut String) -> bool {
    if let Some((ws, we)) = word_before(b, s) {
        let prev = &b[ws..we];
        if b[we..s].iter().all(u8::is_ascii_whitespace)
            && prev.first().is_some_and(u8::is_ascii_uppercase)
            && std::str::from_utf8(prev)
                .is_ok_and(|w| rules.lex.lookup(w, word_kind(w), buf) & rules.inert == 0)
        {
            return false;
        }
    }
    // The word after `from`, as a range of `b`.
    let next_word = |from: usize| {
        let a = from
            + b[from..]
                .iter()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
        let z = a + b[a..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'&')
            .count();
        a..z
    };
    let capitalized = |r: std::ops::Range<usize>| b[r].first().is_some_and(u8::is_ascii_uppercase);
    let next = next_word(e);
    if capitalized(next.clone()) {
        return false;
    }
    if matches!(&b[next.clone()], b"and" | b"&") {
        return !capitalized(next_word(next.end));
    }
    true
}

/// A rule's guess: an organization with no dictionary entry behind it.
fn is_rule_guess(m: &Mention) -> bool {
    m.label == Label::Organization
        && matches!(m.evidence, Evidence::Rule { .. })
        && matches!(m.entity, EntityRef::Local(_))
}

/// A dictionary place.
fn is_dictionary_place(m: &Mention) -> bool {
    m.label == Label::Place && matches!(m.entity, EntityRef::Entry(_))
}

/// A town of the dictionary, with fewer than [`SMALL_TOWN`] people: a
/// firm's first word of the same spelling is more likely the firm.
fn is_small_town(doc: &Doc<'_>, m: &Mention) -> bool {
    let EntityRef::Entry(i) = m.entity else {
        return false;
    };
    let e = &doc.inner.dict.entries()[i as usize];
    m.label == Label::Place && &*e.kind == "city" && e.population.is_some_and(|p| p < SMALL_TOWN)
}

/// See [`is_small_town`].
const SMALL_TOWN: u64 = 100_000;

/// Whether the word before `start` is a preposition or article that makes
/// a name a place ("in Jordan", "the Jordan").
fn after_preposition(b: &[u8], start: usize) -> bool {
    let before = b[..start].trim_ascii_end();
    let word_start = before
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |k| k + 1);
    let word = &before[word_start..];
    const PLACE_WORDS: [&[u8]; 16] = [
        b"in", b"of", b"to", b"from", b"at", b"across", b"into", b"near", b"the", b"for", b"on",
        b"by", b"with", b"toward", b"towards", b"through",
    ];
    PLACE_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Where the chunk of text holding `at` starts (see [`left`]), past its
/// leading white space.
fn chunk_start(b: &[u8], at: usize) -> usize {
    let start = left(b, at, 0);
    start
        + b[start..at]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
}

/// A name ending at `end` counts alone: not followed by another
/// capitalized word (unless that word is in a rule word list). `toks` holds
/// the tokens of the name ([`tokenize_key`] of it or of a longer key at its
/// start), and the chunk after them is tokenized only when no token
/// follows the name there: when the name ends the last of their chunks.
/// `bare` is an empty lexicon (kinds are all this needs).
fn standalone(
    rules: &RuleSet,
    text: &str,
    end: usize,
    lines: &mut Option<LineBreaks>,
    bare: &Lexicon,
    buf: &mut String,
    toks: &mut Vec<Token>,
) -> bool {
    if toks.last().is_none_or(|t| (t.start as usize) < end) {
        let to = right(text.as_bytes(), end, 1);
        let read = LineBreaks::for_range(lines, text, end, to);
        tokenize_range(text, end, to, read, bare, toks);
    }
    let Some(t) = toks.iter().find(|t| t.start as usize >= end) else {
        return true;
    };
    if !matches!(t.kind, Kind::Cap | Kind::Upper) {
        return true;
    }
    let w = &text[t.start as usize..t.end as usize];
    rules.lex.lookup(w, t.kind, buf) != 0
}

/// If `toks[b..]` is "( ACR )" and ACR's letters are the initials of the
/// words of `words` (its other tokens do not count), ACR.
fn defined_acronym<'t>(
    text: &'t str,
    toks: &[Token],
    b: usize,
    words: &[Token],
) -> Option<&'t str> {
    let acr_text = parenthesized(text, toks, b)?;
    let letters: Vec<char> = acr_text.chars().filter(|c| c.is_alphabetic()).collect();
    // The initials of the capitalized words, each needed, and of the
    // lower-case words between them ("of", "for"), each optional.
    let parts: Vec<(char, bool)> = words
        .iter()
        .filter(|t| matches!(t.kind, Kind::Cap | Kind::Upper | Kind::Lower))
        .filter_map(|t| {
            let c = slice(text, t).chars().next()?;
            Some((c.to_ascii_uppercase(), t.kind != Kind::Lower))
        })
        .collect();
    (letters.len() >= 2 && fits(&letters, &parts)).then_some(acr_text)
}

/// If `toks[b..]` is "( ACR )" with ACR two to six capital letters that
/// name no common thing (`acronym_common`: "CEO", "GDP"): the acronym an
/// organization's name in another language gives ("Indonesian Democratic
/// Party (PDI)"), whose initials need not fit.
fn foreign_acronym<'t>(
    rules: &RuleSet,
    text: &'t str,
    toks: &[Token],
    b: usize,
    buf: &mut String,
) -> Option<&'t str> {
    let acr_text = parenthesized(text, toks, b)?;
    let plain =
        (2..=6).contains(&acr_text.len()) && acr_text.bytes().all(|c| c.is_ascii_uppercase());
    (plain && rules.lex.lookup(acr_text, Kind::Upper, buf) == 0).then_some(acr_text)
}

/// The word in capitals of "( ACR )" at `toks[b..]`, if that is what is there.
fn parenthesized<'t>(text: &'t str, toks: &[Token], b: usize) -> Option<&'t str> {
    let (open, acr, close) = (toks.get(b)?, toks.get(b + 1)?, toks.get(b + 2)?);
    let ok = open.kind == Kind::LParen && acr.kind == Kind::Upper && close.kind == Kind::RParen;
    ok.then(|| slice(text, acr))
}

/// Whether `letters` spell the initials of `parts` (char, needed): every
/// needed one in order, optional ones where they fit; or, for three
/// letters or more, the initials of the first words only, or all but one
/// needed word after the first ("Korean \[Peninsula\] Energy Development
/// Organization (KEDO)").
fn fits(letters: &[char], parts: &[(char, bool)]) -> bool {
    fn go(letters: &[char], parts: &[(char, bool)], used: usize, skips: usize) -> bool {
        let Some((&l, rest)) = letters.split_first() else {
            return used >= 3 || parts.iter().all(|p| !p.1);
        };
        let Some((&(c, needed), tail)) = parts.split_first() else {
            return false;
        };
        (c == l && go(rest, tail, used + 1, skips))
            || (!needed && go(letters, tail, used, skips))
            || (needed && used > 0 && skips > 0 && go(letters, tail, used, skips - 1))
    }
    go(letters, parts, 0, usize::from(letters.len() >= 4))
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

fn doc_text<'t>(title: &'t str, text: &'t str, field: Field) -> &'t str {
    match field {
        Field::Title => title,
        Field::Text => text,
    }
}

/// Whether a word is a Roman numeral in capitals ("III", "VIII").
fn is_numeral(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|c| matches!(c, b'I' | b'V' | b'X' | b'L'))
}

/// Whether a name of two words reads as Chinese, family name first: its
/// first word is a family name of `cn_surname`, and its second no known
/// given name or surname ("Wang Donghai", not "Chen Smith").
fn family_name_first<'t>(
    rules: &RuleSet,
    text: &str,
    mut words: impl Iterator<Item = &'t Token>,
    buf: &mut String,
) -> bool {
    let (Some(first), Some(second), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let lookup = |t: &Token, buf: &mut String| rules.lex.lookup(slice(text, t), t.kind, buf);
    lookup(first, buf) & rules.family_first != 0
        && lookup(second, buf) & (rules.given | rules.surnames) == 0
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::collections::HashMap;

    use super::{whole_chunk_word, KeyFinder, Keys, Target, COMPARED_KEYS};
    use crate::dictionary::Label;
    use crate::doc::{Doc, EntityRef, Field};
    use crate::rules::lexicon::Lexicon;
    use crate::rules::token::{tokenize_range, LineBreaks, Token};

    /// A word that is a whole chunk, capitalized or in capitals, is the
    /// one token the tokenizer reads there; no other chunk is taken so.
    #[test]
    fn whole_chunk_words_are_their_tokens() {
        let text = "Smith NATO I U.S. Mr. A. Smith's (Smith) Smith, O'Neill \
                    Müller Gyu-back smith 42 SMITH\nJones";
        let b = text.as_bytes();
        let mut toks: Vec<Token> = Vec::new();
        let mut taken = 0;
        for s in 0..text.len() {
            for e in s + 1..=text.len() {
                let Some(kind) = whole_chunk_word(text, s, e) else {
                    continue;
                };
                taken += 1;
                toks.clear();
                tokenize_range(text, s, e, LineBreaks::Hard, &Lexicon::default(), &mut toks);
                let one = (toks[0].start as usize, toks[0].end as usize, toks[0].kind);
                assert_eq!((toks.len(), one, toks[0].lists), (1, (s, e, kind), 0));
                assert!(b[s..e].iter().all(u8::is_ascii_alphabetic));
            }
        }
        // Smith, NATO, SMITH and Jones ("I", of one letter, is left to the
        // tokenizer).
        assert_eq!(taken, 4);
    }

    fn target(entity: u32, rule: &'static str) -> Target {
        Target {
            entity: EntityRef::Local(entity),
            label: Label::Organization,
            after: (Field::Text, 0),
            rule,
            caps: false,
        }
    }

    fn entities(keys: &Keys<'_, '_>, key: &str) -> Vec<EntityRef> {
        keys.get(key)
            .map_or(Vec::new(), |ts| ts.iter().map(|t| t.entity).collect())
    }

    #[test]
    fn keys_keep_acronyms_over_names_and_reuse_lists() {
        let (mut hashes, mut lists) = (HashMap::default(), Vec::new());
        let mut keys = Keys::new(&mut hashes, &mut lists, Vec::new());
        keys.add(Cow::Borrowed("MND"), target(0, "link_name"));
        keys.add(Cow::Borrowed("MND"), target(0, "link_name"));
        assert_eq!(entities(&keys, "MND"), [EntityRef::Local(0)]);
        // The acronym drops the rule's name, and no name comes after it.
        keys.add(Cow::Borrowed("MND"), target(1, "acronym"));
        keys.add(Cow::Borrowed("MND"), target(2, "link_name"));
        assert_eq!(entities(&keys, "MND"), [EntityRef::Local(1)]);
        keys.add(Cow::Owned("KEDO".to_string()), target(3, "acronym"));
        assert_eq!(keys.names.len(), 2);
        // The next document starts with no keys and empty lists.
        let mut keys = Keys::new(&mut hashes, &mut lists, Vec::new());
        assert!(keys.get("MND").is_none());
        keys.add(Cow::Borrowed("EPR"), target(4, "acronym"));
        assert_eq!(entities(&keys, "EPR"), [EntityRef::Local(4)]);
        assert_eq!(keys.targets_mut().len(), 1);
        // Past a few keys, keys are found by their hashes; a key whose hash
        // another holds is found all the same.
        for k in 0..COMPARED_KEYS {
            keys.add(
                Cow::Owned(format!("K{k}")),
                target(10 + k as u32, "acronym"),
            );
        }
        assert_eq!(entities(&keys, "K0"), [EntityRef::Local(10)]);
        keys.hashes.insert(Keys::hash("MND"), 0);
        keys.add(Cow::Borrowed("MND"), target(5, "acronym"));
        assert_eq!(entities(&keys, "MND"), [EntityRef::Local(5)]);
        assert_eq!(entities(&keys, "EPR"), [EntityRef::Local(4)]);
        assert!(keys.get("KEDO").is_none());
        assert_eq!(lists.len(), 2 + COMPARED_KEYS);
    }

    /// The capitalized words of the document's organization mentions, in
    /// order, with repeats: what [`super::is_word_of_org`] finds.
    fn org_words<'d>(doc: &'d Doc<'_>) -> impl Iterator<Item = &'d str> {
        doc.mentions
            .iter()
            .filter(|m| m.label == Label::Organization)
            .flat_map(|m| doc.surface(m).split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.starts_with(char::is_uppercase))
    }

    #[test]
    fn words_of_organizations_are_whole_capitalized_words() {
        let text = "Niagara Mohawk Power Corp said. Mohawk-Hudson Inc, \u{c9}lectricit\u{e9} \
                    de France SA and Banco Central-Hispano Americano SA and ING Groep NV.";
        let doc = crate::Tagger::default().tag(text);
        let mut words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
            .collect();
        words.extend([
            "Moha",
            "Mohawk-Hudson",
            "",
            "de",
            "lectricit\u{e9}",
            "Groep NV",
        ]);
        assert!(super::is_word_of_org(&doc, "Mohawk"));
        for w in words {
            assert_eq!(
                super::is_word_of_org(&doc, w),
                org_words(&doc).any(|o| o == w),
                "{w:?}"
            );
        }
    }

    /// Every occurrence of every key, by start, as a search per key finds
    /// them when it restarts at every byte.
    fn naive(text: &[u8], keys: &[&[u8]]) -> Vec<(usize, usize)> {
        let mut hits = Vec::new();
        for s in 0..text.len() {
            for (i, k) in keys.iter().enumerate() {
                if !k.is_empty() && text[s..].starts_with(k) {
                    hits.push((s, i));
                }
            }
        }
        hits
    }

    #[test]
    fn key_finder_finds_every_occurrence() {
        let texts: [&[u8]; 5] = [
            b"Kim Jong Un met Kim. KimKim said Kim Jong and Jong Un",
            b"Ka Kb Ke Ki Ko Ku KimKim K",
            "Z\u{fc}rich and \u{c9}mile: Zurich, \u{c9}mile".as_bytes(),
            b"the 3M deal, 3M, @3M; lower kim Kim",
            b"Kim",
        ];
        let keysets: [&[&[u8]]; 6] = [
            &[b"Kim", b"Kim Jong", b"Jong Un", b"KimKim"],
            // More first bytes than one pass looks for.
            &[b"Un", b"Kim", b"said", b"Jong", b"and", b"KimKim", b"Z"],
            // More keys of one first byte than are all compared.
            &[
                b"Ku",
                b"K",
                b"Kim",
                b"Ka",
                b"Kim Jong",
                b"Ke",
                b"Kb",
                b"KimKim",
                b"Ki",
                b"Jong",
            ],
            &["\u{c9}mile".as_bytes(), b"Zurich", b"Z"],
            // Keys starting with bytes the 8-byte skip does not flag.
            &[b"3M", b"kim", b"@3M", b""],
            &[b"Kim", b"Kimchi"],
        ];
        let (mut hits, mut first) = (Vec::new(), Vec::new());
        for text in texts {
            for keys in keysets {
                KeyFinder::new(keys.iter().copied(), &mut first, Vec::new()).find(text, &mut hits);
                hits.sort_unstable();
                assert_eq!(
                    hits,
                    naive(text, keys),
                    "{:?}",
                    String::from_utf8_lossy(text)
                );
            }
        }
    }
}
