//! Which pairs of tokens can begin a rule's match.
//!
//! `apply` runs an anchored search at every token of a window, and most of
//! these searches die on the second token ("said the", ", and"): a token
//! alone rarely rules a match out, since rules start on words and on
//! punctuation alike, but the pair mostly does. Each search costs some 200
//! instructions, most of them the lazy DFA's steps over six bytes; the
//! atoms that may come first and second in a pattern, as bit sets, rule a
//! pair out for a few dozen.

use std::collections::{BTreeSet, HashMap};

use super::pattern::{class_bytes, Item, Parsed, Symbols, Term, WIDTH};

/// The atoms of the patterns' first two tokens, numbered, and which pairs
/// of them the patterns' matches may start with. An over-approximation
/// (`^` counts as passed; a lazy quantifier as optional): a pair it rules
/// out starts no match that is not empty, nor does a last token whose
/// atoms make no match alone.
#[derive(Clone, Debug)]
pub(crate) struct Starts {
    /// For each byte of a token's symbol, by its value: the atoms that
    /// accept it there. A token's atoms are those accepting all its bytes.
    accepts: Box<[[Atoms; 256]; WIDTH]>,
    /// The atoms a match may start with.
    first: Atoms,
    /// The atoms a match may be made of alone.
    alone: Atoms,
    /// For each first atom, the atoms that may come after it.
    then: Box<[Atoms; Atoms::BITS as usize]>,
}

/// A set of atoms, a bit each.
type Atoms = u128;

impl Starts {
    /// The pairs of `patterns`, over the symbols of `syms`; none when their
    /// first two tokens have more distinct atoms than a set holds (then
    /// every token is searched).
    pub(crate) fn new<'a>(
        patterns: impl IntoIterator<Item = &'a Parsed>,
        syms: &Symbols,
    ) -> Result<Option<Starts>, String> {
        let mut atoms = AtomIds::default();
        let mut prefix = Prefix::default();
        for p in patterns {
            let mut items = p.items.iter().peekable();
            prefix.or(alternation(&mut items, &mut atoms));
        }
        let used: BTreeSet<usize> = prefix
            .first
            .iter()
            .chain(prefix.pairs.iter().flat_map(|(a, b)| [a, b]))
            .copied()
            .collect();
        // Atoms that accept the same symbols share a bit ("@nm" and
        // "cap&!nonname&!month" are one atom written two ways): the set
        // holds the distinct ones.
        let mut bit_of_class: HashMap<[Vec<u8>; WIDTH], Atoms> = HashMap::new();
        let mut bit: HashMap<usize, Atoms> = HashMap::new();
        for &a in &used {
            let class = class_bytes(&atoms.terms[a], syms)?;
            let next = bit_of_class.len();
            if next == Atoms::BITS as usize && !bit_of_class.contains_key(&class) {
                return Ok(None);
            }
            bit.insert(a, *bit_of_class.entry(class).or_insert(1 << next));
        }
        let set = |ids: &BTreeSet<usize>| ids.iter().fold(0, |s, a| s | bit[a]);
        let mut then = Box::new([0; Atoms::BITS as usize]);
        for (a, b) in &prefix.pairs {
            then[bit[a].trailing_zeros() as usize] |= bit[b];
        }
        Ok(Some(Starts {
            accepts: accepts(&bit, &atoms, syms)?,
            first: set(&prefix.first),
            alone: set(&prefix.alone),
            then,
        }))
    }

    /// Whether a match that is not empty may start at the token at `at`
    /// of `symbols` (false only when none can).
    #[inline]
    pub(crate) fn may_start(&self, symbols: &[u8], at: usize) -> bool {
        let first = self.atoms_at(symbols, at) & self.first;
        if first == 0 {
            return false;
        }
        if first & self.alone != 0 {
            return true;
        }
        // A match that starts at the last token is that token alone.
        if symbols.len() <= at + WIDTH {
            return false;
        }
        let next = self.atoms_at(symbols, at + WIDTH);
        let mut left = first;
        while left != 0 {
            if self.then[left.trailing_zeros() as usize] & next != 0 {
                return true;
            }
            left &= left - 1;
        }
        false
    }

    /// The atoms that accept the token at `at` of `symbols`.
    #[inline]
    fn atoms_at(&self, symbols: &[u8], at: usize) -> Atoms {
        symbols[at..at + WIDTH]
            .iter()
            .zip(self.accepts.iter())
            .fold(Atoms::MAX, |s, (&v, accepts)| s & accepts[usize::from(v)])
    }
}

/// The table [`Starts::accepts`] of the atoms of `atoms` that have a bit
/// in `bit`.
fn accepts(
    bit: &HashMap<usize, Atoms>,
    atoms: &AtomIds,
    syms: &Symbols,
) -> Result<Box<[[Atoms; 256]; WIDTH]>, String> {
    let mut accepts = Box::new([[0; 256]; WIDTH]);
    for (&a, b) in bit {
        for (byte, values) in class_bytes(&atoms.terms[a], syms)?.iter().enumerate() {
            for &v in values {
                accepts[byte][usize::from(v)] |= b;
            }
        }
    }
    Ok(accepts)
}

/// The atoms of the patterns, numbered as met, one number per distinct atom.
#[derive(Default)]
struct AtomIds {
    terms: Vec<Vec<(bool, Term)>>,
    ids: HashMap<Vec<(bool, Term)>, usize>,
}

impl AtomIds {
    fn id(&mut self, terms: &[(bool, Term)]) -> usize {
        if let Some(&id) = self.ids.get(terms) {
            return id;
        }
        self.terms.push(terms.to_vec());
        self.ids.insert(terms.to_vec(), self.terms.len() - 1);
        self.terms.len() - 1
    }
}

/// What a piece of pattern may start with, up to two atoms.
#[derive(Clone, Debug, Default)]
struct Prefix {
    /// Whether it may match nothing.
    empty: bool,
    /// The atoms it may start with.
    first: BTreeSet<usize>,
    /// The atoms it may be made of alone.
    alone: BTreeSet<usize>,
    /// The pairs of atoms it may start with.
    pairs: BTreeSet<(usize, usize)>,
}

impl Prefix {
    fn empty() -> Prefix {
        Prefix {
            empty: true,
            ..Prefix::default()
        }
    }

    fn atom(id: usize) -> Prefix {
        Prefix {
            empty: false,
            first: BTreeSet::from([id]),
            alone: BTreeSet::from([id]),
            pairs: BTreeSet::new(),
        }
    }

    /// `self` or `other`.
    fn or(&mut self, other: Prefix) {
        self.empty |= other.empty;
        self.first.extend(other.first);
        self.alone.extend(other.alone);
        self.pairs.extend(other.pairs);
    }

    /// `self` then `next`.
    fn then(self, next: Prefix) -> Prefix {
        let mut pairs = self.pairs;
        for &a in &self.alone {
            pairs.extend(next.first.iter().map(|&b| (a, b)));
        }
        let mut out = Prefix {
            empty: false,
            first: self.first,
            alone: if next.empty {
                self.alone
            } else {
                BTreeSet::new()
            },
            pairs,
        };
        if self.empty {
            out.first.extend(next.first);
            out.alone.extend(next.alone);
            out.pairs.extend(next.pairs);
            out.empty = next.empty;
        }
        out
    }

    /// `self` repeated by the quantifier `q` (`?`, `*`, `+`, `{n,m}`);
    /// a count of more than one lets an atom follow its own kind.
    fn repeated(mut self, q: &str) -> Prefix {
        let (min, many) = match q {
            "?" => (0, false),
            "*" => (0, true),
            "+" => (1, true),
            _ => {
                let counts = q.trim_start_matches('{').trim_end_matches('}');
                let (min, max) = counts.split_once(',').unwrap_or((counts, counts));
                let min: u32 = min.parse().unwrap_or(0);
                (min, max.parse().map_or(true, |max: u32| max >= 2))
            }
        };
        self.empty |= min == 0;
        if many {
            for &a in &self.alone {
                self.pairs.extend(self.first.iter().map(|&b| (a, b)));
            }
        }
        self
    }
}

type Items<'a> = std::iter::Peekable<std::slice::Iter<'a, Item>>;

/// The prefix of the alternation at the head of `items`, up to a `)` it
/// leaves there.
fn alternation(items: &mut Items<'_>, atoms: &mut AtomIds) -> Prefix {
    let mut out = sequence(items, atoms);
    while matches!(items.peek(), Some(Item::Raw(r)) if r == "|") {
        items.next();
        out.or(sequence(items, atoms));
    }
    out
}

/// The prefix of the sequence at the head of `items`, up to a `|` or a
/// `)` it leaves there.
fn sequence(items: &mut Items<'_>, atoms: &mut AtomIds) -> Prefix {
    let mut out = Prefix::empty();
    loop {
        let piece = match items.peek() {
            None => return out,
            Some(Item::Raw(r)) if r == "|" || r == ")" => return out,
            Some(Item::Atom(terms)) => Prefix::atom(atoms.id(terms)),
            // A look-around consumes no token.
            Some(Item::Raw(r)) if r == "^" => Prefix::empty(),
            // A group, capturing or not.
            Some(Item::Raw(_)) => {
                items.next();
                let group = alternation(items, atoms);
                // Its `)`.
                items.next();
                out = out.then(quantified(group, items));
                continue;
            }
        };
        items.next();
        out = out.then(quantified(piece, items));
    }
}

/// `piece` under the quantifiers that follow it in `items` (a lazy one's
/// `?` read as one more `?`: the same tokens or more).
fn quantified(mut piece: Prefix, items: &mut Items<'_>) -> Prefix {
    while let Some(Item::Raw(q)) = items.peek() {
        if !(q == "?" || q == "*" || q == "+" || q.starts_with('{')) {
            break;
        }
        piece = piece.repeated(q);
        items.next();
    }
    piece
}

#[cfg(test)]
mod tests {
    use regex_automata::{Anchored, Input};

    use super::*;
    use crate::rules::token::Kind;
    use crate::rules::{ListBits, RuleSet};

    /// A token: kind, lists, mention.
    type Tok = (Kind, ListBits, u8);

    /// Checks `may_start` against the anchored search at every token of
    /// each of `seqs`, at the start of a field and after it: it may rule
    /// out only tokens where the search finds no match or an empty one.
    /// Returns how many tokens start a match and how many it rules out.
    fn check(rules: &RuleSet, seqs: impl IntoIterator<Item = Vec<Tok>>) -> (usize, usize) {
        let p = rules.patterns.as_ref().unwrap();
        let starts = p.starts.as_ref().unwrap();
        let mut cache = p.dfa.create_cache();
        let (mut matched, mut ruled_out) = (0, 0);
        let mut symbols = Vec::new();
        for seq in seqs {
            for off in [0, 1] {
                symbols.clear();
                symbols.extend(std::iter::repeat_n(super::super::apply::NOT_START, off));
                for &(kind, lists, mention) in &seq {
                    rules.syms.push(kind, lists, mention, &mut symbols);
                }
                for at in (off..symbols.len()).step_by(WIDTH) {
                    let input = Input::new(&symbols).range(at..).anchored(Anchored::Yes);
                    let found = p.dfa.try_search_fwd(&mut cache, &input).unwrap();
                    let found = found.is_some_and(|m| m.offset() > at);
                    let may = starts.may_start(&symbols, at);
                    assert!(may || !found, "{seq:?} (after {off}) at {at}");
                    matched += usize::from(found);
                    ruled_out += usize::from(!may);
                }
            }
        }
        (matched, ruled_out)
    }

    #[test]
    fn pairs_rule_out_only_tokens_that_start_no_match() {
        // Optional first items, `^`, counts, lazy quantifiers, literals
        // (any kind), mentions, a match of one token.
        let rules = RuleSet::from_jsonl_str(
            "mine.jsonl",
            r#"
{"rule": "opt", "pattern": "(?:cap)? lower (org: upper)"}
{"rule": "start", "pattern": "(?:^ | comma) (place: upper num)"}
{"rule": "count", "pattern": "(person: cap{2,3})"}
{"rule": "star", "pattern": "(?:num | 'of')* (org: cap) period"}
{"rule": "lazy", "pattern": "lower?? (place: initial)"}
{"rule": "alone", "pattern": "(org: sym)"}
{"rule": "mention", "pattern": "(place: m_place+) lower"}
"#,
        )
        .unwrap();
        let of = rules.lex.bit("'of'").unwrap();
        let kinds = [
            Kind::Cap,
            Kind::Upper,
            Kind::Lower,
            Kind::Initial,
            Kind::Num,
            Kind::Comma,
            Kind::Period,
            Kind::Sym,
        ];
        let tokens: Vec<Tok> = kinds
            .into_iter()
            .flat_map(|k| [0, of].map(|l| (k, l)))
            .flat_map(|(k, l)| [0, 3].map(|m| (k, l, m)))
            .collect();
        let tokens = &tokens;
        let seqs = tokens.iter().flat_map(|&a| {
            tokens
                .iter()
                .flat_map(move |&b| tokens.iter().map(move |&c| vec![a, b, c]))
        });
        let (matched, ruled_out) = check(&rules, seqs);
        assert!(
            matched > 10_000 && ruled_out > 20_000,
            "{matched} {ruled_out}"
        );
    }

    #[test]
    #[cfg(feature = "default-dictionaries")]
    fn builtin_pairs_rule_out_only_tokens_that_start_no_match() {
        let rules = RuleSet::builtin().unwrap();
        let combos = rules.lex.combos();
        // xorshift: the same sequences every run.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let seqs: Vec<Vec<Tok>> = (0..20_000)
            .map(|_| {
                (0..5)
                    .map(|_| {
                        // Mostly words and free, as in a window.
                        let kind = Kind::ALL[[next(Kind::ALL.len()), next(3)][next(2)]];
                        let lists = [0, combos[next(combos.len())]][next(2)];
                        let mention = [0, next(5) as u8][next(2)];
                        (kind, lists, mention)
                    })
                    .collect()
            })
            .collect();
        let (matched, ruled_out) = check(&rules, seqs);
        assert!(
            matched > 1_000 && ruled_out > 50_000,
            "{matched} {ruled_out}"
        );
    }
}
