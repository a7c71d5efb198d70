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
///
/// The sets are as wide as the distinct atoms need, one word of 128 bits,
/// two or four: the built-in rules fit one, and each word more adds to the
/// work at every token.
#[derive(Clone, Debug)]
pub(crate) enum Starts {
    One(Pairs<1>),
    Two(Pairs<2>),
    Four(Pairs<4>),
}

/// [`Starts`] over sets of `N` words.
#[derive(Clone, Debug)]
pub(crate) struct Pairs<const N: usize> {
    /// For each byte of a token's symbol, by its value: the atoms that
    /// accept it there. A token's atoms are those accepting all its bytes.
    accepts: Box<[[Atoms<N>; 256]; WIDTH]>,
    /// The atoms a match may start with.
    first: Atoms<N>,
    /// The atoms a match may be made of alone.
    alone: Atoms<N>,
    /// For each first atom (by word, then bit), the atoms that may come
    /// after it.
    then: Box<[[Atoms<N>; WORD_BITS]; N]>,
}

/// A set of atoms, a bit each, in `N` words.
#[derive(Clone, Copy, Debug)]
struct Atoms<const N: usize>([u128; N]);

/// Atoms per word of a set.
const WORD_BITS: usize = u128::BITS as usize;

impl<const N: usize> Atoms<N> {
    const NONE: Atoms<N> = Atoms([0; N]);
    const ALL: Atoms<N> = Atoms([u128::MAX; N]);

    /// The set with atom `bit` added.
    fn with(mut self, bit: usize) -> Atoms<N> {
        self.0[bit / WORD_BITS] |= 1 << (bit % WORD_BITS);
        self
    }

    fn and(self, other: Atoms<N>) -> Atoms<N> {
        Atoms(std::array::from_fn(|w| self.0[w] & other.0[w]))
    }

    fn is_empty(self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    fn meets(self, other: Atoms<N>) -> bool {
        !self.and(other).is_empty()
    }
}

impl Starts {
    /// The pairs of `patterns`, over the symbols of `syms`; none when their
    /// first two tokens have more distinct atoms than four words hold
    /// (then every token is searched).
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
        let mut bit_of_class: HashMap<[Vec<u8>; WIDTH], usize> = HashMap::new();
        let mut bit: HashMap<usize, usize> = HashMap::new();
        for &a in &used {
            let class = class_bytes(&atoms.terms[a], syms)?;
            let next = bit_of_class.len();
            bit.insert(a, *bit_of_class.entry(class).or_insert(next));
        }
        let atoms = Numbered {
            bit,
            atoms,
            prefix,
            syms,
        };
        Ok(match bit_of_class.len().div_ceil(WORD_BITS) {
            0 | 1 => Some(Starts::One(atoms.pairs()?)),
            2 => Some(Starts::Two(atoms.pairs()?)),
            3 | 4 => Some(Starts::Four(atoms.pairs()?)),
            _ => None,
        })
    }

    /// The first token at or after `at` (a token's start in `symbols`) where
    /// a match that is not empty may start, or the end of `symbols`. The
    /// set width is told apart here, once for the tokens it skips.
    #[inline]
    pub(crate) fn next_start(&self, symbols: &[u8], at: usize) -> usize {
        match self {
            Starts::One(p) => p.next_start(symbols, at),
            Starts::Two(p) => p.next_start(symbols, at),
            Starts::Four(p) => p.next_start(symbols, at),
        }
    }
}

/// The atoms of the patterns' first two tokens, each with its bit.
struct Numbered<'a> {
    /// The bit of each atom (its number in `atoms`); atoms that accept the
    /// same symbols share one.
    bit: HashMap<usize, usize>,
    atoms: AtomIds,
    prefix: Prefix,
    syms: &'a Symbols,
}

impl Numbered<'_> {
    /// The pairs, over sets of `N` words (which hold every bit).
    fn pairs<const N: usize>(&self) -> Result<Pairs<N>, String> {
        let set = |ids: &BTreeSet<usize>| ids.iter().fold(Atoms::NONE, |s, a| s.with(self.bit[a]));
        let mut then = Box::new([[Atoms::NONE; WORD_BITS]; N]);
        for (a, b) in &self.prefix.pairs {
            let (word, bit) = (self.bit[a] / WORD_BITS, self.bit[a] % WORD_BITS);
            then[word][bit] = then[word][bit].with(self.bit[b]);
        }
        Ok(Pairs {
            accepts: self.accepts()?,
            first: set(&self.prefix.first),
            alone: set(&self.prefix.alone),
            then,
        })
    }

    /// The table [`Pairs::accepts`].
    fn accepts<const N: usize>(&self) -> Result<Box<[[Atoms<N>; 256]; WIDTH]>, String> {
        let mut accepts = Box::new([[Atoms::NONE; 256]; WIDTH]);
        for (&a, &b) in &self.bit {
            let class = class_bytes(&self.atoms.terms[a], self.syms)?;
            for (byte, values) in class.iter().enumerate() {
                for &v in values {
                    let accept = &mut accepts[byte][usize::from(v)];
                    *accept = accept.with(b);
                }
            }
        }
        Ok(accepts)
    }
}

impl<const N: usize> Pairs<N> {
    /// See [`Starts::next_start`].
    #[inline]
    fn next_start(&self, symbols: &[u8], mut at: usize) -> usize {
        while at < symbols.len() && !self.may_start(symbols, at) {
            at += WIDTH;
        }
        at
    }

    /// Whether a match that is not empty may start at the token at `at`
    /// of `symbols` (false only when none can).
    #[inline]
    fn may_start(&self, symbols: &[u8], at: usize) -> bool {
        let first = self.atoms_at(symbols, at).and(self.first);
        if first.is_empty() {
            return false;
        }
        if first.meets(self.alone) {
            return true;
        }
        // A match that starts at the last token is that token alone.
        if symbols.len() <= at + WIDTH {
            return false;
        }
        let next = self.atoms_at(symbols, at + WIDTH);
        for (then, mut left) in self.then.iter().zip(first.0) {
            while left != 0 {
                if then[left.trailing_zeros() as usize].meets(next) {
                    return true;
                }
                left &= left - 1;
            }
        }
        false
    }

    /// The atoms that accept the token at `at` of `symbols`.
    #[inline]
    fn atoms_at(&self, symbols: &[u8], at: usize) -> Atoms<N> {
        symbols[at..at + WIDTH]
            .iter()
            .zip(self.accepts.iter())
            .fold(Atoms::ALL, |s, (&v, accepts)| {
                s.and(accepts[usize::from(v)])
            })
    }
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
    use crate::rules::pattern::MENTIONS;
    use crate::rules::token::Kind;
    use crate::rules::{ListBits, RuleSet};

    /// A token: kind, lists, mention.
    type Tok = (Kind, ListBits, u8);

    /// Checks `next_start` against the anchored search at every token of
    /// each of `seqs`, at the start of a field and after it: it may skip
    /// (rule out) only tokens where the search finds no match or an empty
    /// one.
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
                    let may = starts.next_start(&symbols, at) == at;
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
    fn more_atoms_than_a_word_holds_keep_the_filter() {
        // Each kind, with each mention, with none, or without one of three,
        // then the same kind: 144 distinct atoms, in two words.
        let firsts = [
            "m_person",
            "m_org",
            "m_place",
            "m_nat",
            "!m_any",
            "!m_person",
            "!m_org",
            "!m_place",
        ];
        let rules: String = Kind::ALL
            .iter()
            .flat_map(|k| firsts.map(|m| (k.name(), m)))
            .enumerate()
            .map(|(i, (k, m))| {
                format!("{{\"rule\": \"r{i}\", \"pattern\": \"(org: {k}&{m}) {k}\"}}\n")
            })
            .collect();
        let rules = RuleSet::from_jsonl_str("many.jsonl", &rules).unwrap();
        let starts = rules.patterns.as_ref().unwrap().starts.as_ref();
        assert!(matches!(starts, Some(Starts::Two(_))), "{starts:?}");
        let tokens: Vec<Tok> = Kind::ALL
            .into_iter()
            .flat_map(|k| (0..MENTIONS as u8).map(move |m| (k, 0, m)))
            .collect();
        let seqs = tokens
            .iter()
            .flat_map(|&a| tokens.iter().map(move |&b| vec![a, b]));
        let (matched, ruled_out) = check(&rules, seqs);
        // Each pair's first token, after a field start or not, either
        // starts a match or is ruled out: the pair tells it all here. The
        // second, the last, is ruled out: no rule matches one token alone.
        let pairs = 2 * tokens.len() * tokens.len();
        assert_eq!(matched + ruled_out, 2 * pairs, "{matched} {ruled_out}");
        assert!(ruled_out > pairs * 9 / 10, "{ruled_out}");
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
