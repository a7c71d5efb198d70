//! The pattern language of rules, compiled to a regex over token symbols.
//!
//! Each token becomes a few bytes (a *symbol*, see [`Symbols`]) that encode
//! its kind, the label of the mention covering it and the word lists it is
//! in. An atom of a pattern (`cap&given`, `'of'`, `m_place`) becomes the
//! class of every symbol it accepts, so the regex engine runs over tokens in
//! linear time.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::lexicon::{Case, FxBuild, Lexicon, ListBits};
use super::token::{Kind, KINDS};
use crate::dictionary::Label;

/// Mention labels a token can carry: 0 is none.
pub(crate) const MENTIONS: usize = 5;

/// The mention index of a label.
pub(crate) fn mention_index(label: Label) -> u8 {
    match label {
        Label::Person => 1,
        Label::Organization => 2,
        Label::Place => 3,
        Label::Nationality => 4,
    }
}

/// The symbol alphabet. A token is a byte for its kind and the label of
/// the mention covering it together (see [`kind_mention`]), then for each
/// of [`GROUPS`] groups of word lists the index of the combination of the
/// group's lists it is in. The ranges overlap: every atom is [`WIDTH`] bytes
/// and a search starts only at a token, so a byte's place in its token
/// tells what it means. A term of an atom tests one feature, so an atom is
/// a product of byte classes: the lazy DFA stays small.
#[derive(Clone, Debug, Default)]
pub(crate) struct Symbols {
    groups: [Group; GROUPS],
    /// Every combination of the used lists a token can have.
    combos: Vec<ListBits>,
    /// The combo bytes of each combination.
    combo_index: HashMap<ListBits, [u8; GROUPS], FxBuild>,
    used: ListBits,
    zero: [u8; GROUPS],
}

/// A group of lists with a combo byte of its own.
#[derive(Clone, Debug, Default)]
struct Group {
    lists: ListBits,
    /// The combinations of `lists` a token can have, sorted: the index of
    /// one is its byte.
    combos: Vec<ListBits>,
}

/// Bytes per token in the symbol string. Where one group would hold every
/// list, the second group's byte is the same for every token; the width
/// stays fixed all the same (the built-in rules fill both: 224 and 14
/// combinations).
pub(crate) const WIDTH: usize = 1 + GROUPS;
/// Groups of lists, each with a combo byte: two bytes hold far more
/// combinations than rule sets make.
const GROUPS: usize = 2;
/// The most combinations of a group's lists. Fewer than 256 leave byte
/// values that no symbol uses (`0xE0..`, `NOT_START` among them): they make
/// one byte class, and the lazy DFA's rows, a power of two of its classes
/// and one for the end of the input, stay 256 wide rather than 512 (each
/// state twice the memory to build and hold).
const MAX_COMBOS: usize = 224;

impl Symbols {
    /// The alphabet of the lexicon's list combinations, keeping only the
    /// lists in `used` (those the patterns name).
    pub(crate) fn new(lex: &Lexicon, used: ListBits) -> Result<Symbols, String> {
        let combos = project(&lex.combos(), used);
        let groups = split(lex, &combos, used)?.map(|lists| Group {
            lists,
            combos: project(&combos, lists),
        });
        let bytes_of = |c: ListBits| {
            groups
                .each_ref()
                .map(|g| g.combos.binary_search(&(c & g.lists)).unwrap_or(0) as u8)
        };
        let combo_index: HashMap<ListBits, [u8; GROUPS], FxBuild> =
            combos.iter().map(|&c| (c, bytes_of(c))).collect();
        Ok(Symbols {
            zero: bytes_of(0),
            groups,
            combos,
            combo_index,
            used,
        })
    }

    /// Appends the symbol of a token to `out`.
    #[inline]
    pub(crate) fn push(&self, kind: Kind, lists: ListBits, mention: u8, out: &mut Vec<u8>) {
        let lists = lists & self.used;
        let [a, b] = if lists == 0 {
            self.zero
        } else {
            self.combo_index.get(&lists).copied().unwrap_or(self.zero)
        };
        out.extend_from_slice(&[kind_mention(kind as u8, mention), a, b]);
    }
}

/// The first byte of a token's symbol: its kind and mention in one byte
/// rather than one each, since the lazy DFA builds a state after every
/// byte it reads and a transition for every state and byte it meets (with
/// a byte each, 28% of the states it built on Reuters came after the kind
/// byte).
fn kind_mention(kind: u8, mention: u8) -> u8 {
    mention * KINDS as u8 + kind
}

// Every pair of a kind and a mention has a byte of its own.
const _: () = assert!(KINDS * MENTIONS <= 256);

/// The distinct combinations of `lists` among `combos`, sorted.
fn project(combos: &[ListBits], lists: ListBits) -> Vec<ListBits> {
    let mut out: Vec<ListBits> = combos.iter().map(|c| c & lists).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The lists of `used` in groups of at most [`MAX_COMBOS`] combinations
/// among `combos`: each list, in order of definition, joins the first group
/// it fits.
fn split(lex: &Lexicon, combos: &[ListBits], used: ListBits) -> Result<[ListBits; GROUPS], String> {
    let mut groups = [0; GROUPS];
    for bit in (0..ListBits::BITS)
        .map(|i| 1 << i)
        .filter(|b| used & b != 0)
    {
        let fits = |g: &ListBits| project(combos, g | bit).len() <= MAX_COMBOS;
        let g = groups.iter().position(fits).ok_or_else(|| {
            format!(
                "the word lists used by patterns overlap in too many ways: with \
                 list '{}', each of {} groups of lists overlaps in more than {} ways",
                lex.names_of(bit).next().unwrap_or("?"),
                GROUPS,
                MAX_COMBOS,
            )
        })?;
        groups[g] |= bit;
    }
    Ok(groups)
}

/// One term of an atom.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Term {
    Kind(Kind),
    Word,
    Any,
    Mention(u8),
    MentionAny,
    Free,
    List(ListBits),
}

impl Term {
    fn accepts(&self, kind: Kind, lists: ListBits, mention: u8) -> bool {
        match *self {
            // An ordinal is a number too ("num" matches "5th").
            Term::Kind(k) => kind == k || (k == Kind::Num && kind == Kind::Ordinal),
            Term::Word => kind.is_word(),
            Term::Any => kind != Kind::Break,
            Term::Mention(m) => mention == m,
            Term::MentionAny => mention != 0,
            Term::Free => mention == 0,
            Term::List(bit) => lists & bit != 0,
        }
    }
}

/// A parsed pattern item.
#[derive(Clone, Debug)]
pub(super) enum Item {
    /// Conjunction of (negated?, term).
    Atom(Vec<(bool, Term)>),
    /// Raw regex syntax: groups, alternation, quantifiers.
    Raw(String),
}

/// A pattern checked against the lexicon, ready to be turned into regex
/// syntax once the symbol alphabet is known.
#[derive(Clone, Debug)]
pub(crate) struct Parsed {
    pub(super) items: Vec<Item>,
    /// Capture names used, in order.
    pub captures: Vec<String>,
}

impl Parsed {
    /// Whether the pattern is one capture around all of it: its matches
    /// need no capture search.
    pub(crate) fn capture_is_whole(&self) -> bool {
        let opens = |r: &str| r == "(?:" || r.starts_with('\u{0}');
        let Some(Item::Raw(first)) = self.items.first() else {
            return false;
        };
        if self.captures.len() != 1 || !first.starts_with('\u{0}') {
            return false;
        }
        // The capture's group closes with the last item, not before.
        let mut depth = 0;
        for (i, item) in self.items.iter().enumerate() {
            if let Item::Raw(r) = item {
                if opens(r) {
                    depth += 1;
                } else if r == ")" {
                    depth -= 1;
                    if depth == 0 {
                        return i + 1 == self.items.len();
                    }
                }
            }
        }
        false
    }

    /// The bits of the word lists the pattern names.
    pub(crate) fn lists_used(&self) -> ListBits {
        let mut bits = 0;
        for item in &self.items {
            if let Item::Atom(terms) = item {
                for (_, t) in terms {
                    if let Term::List(b) = t {
                        bits |= b;
                    }
                }
            }
        }
        bits
    }
}

/// Capture names a rule may use.
pub(crate) const CAPTURES: [&str; 5] = ["person", "org", "place", "office", "country"];

/// Expands `@macro` references (to a depth of 8).
pub(crate) fn expand(pattern: &str, defines: &HashMap<String, String>) -> Result<String, String> {
    let mut s = pattern.to_string();
    for _ in 0..8 {
        if !s.contains('@') {
            return Ok(s);
        }
        let mut out = String::with_capacity(s.len());
        let mut rest = s.as_str();
        while let Some(at) = rest.find('@') {
            out.push_str(&rest[..at]);
            let tail = &rest[at + 1..];
            let len = tail
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(tail.len());
            let name = &tail[..len];
            let body = defines
                .get(name)
                .ok_or_else(|| format!("unknown macro '@{}'", name))?;
            write!(out, "(?:{})", body).ok();
            rest = &tail[len..];
        }
        out.push_str(rest);
        s = out;
    }
    Err("macros nest too deeply".to_string())
}

/// Parses an expanded pattern. Literal words become one-word lists of the
/// lexicon (case `any`).
pub(crate) fn parse(pattern: &str, lex: &mut Lexicon) -> Result<Parsed, String> {
    let mut items = Vec::new();
    let mut captures = Vec::new();
    let b = pattern.as_bytes();
    let mut i = 0;
    let mut depth = 0i32;
    while i < b.len() {
        let c = b[i] as char;
        match c {
            ' ' | '\t' | '\n' => i += 1,
            '(' => {
                depth += 1;
                if pattern[i + 1..].starts_with("?:") {
                    items.push(Item::Raw("(?:".into()));
                    i += 3;
                    continue;
                }
                let rest = &pattern[i + 1..];
                let len = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                if len > 0 && rest[len..].starts_with(':') {
                    let name = &rest[..len];
                    if !CAPTURES.contains(&name) {
                        return Err(format!(
                            "unknown capture '{}' (one of {})",
                            name,
                            CAPTURES.join(", ")
                        ));
                    }
                    if captures.iter().any(|c| c == name) {
                        return Err(format!("capture '{}' used twice", name));
                    }
                    captures.push(name.to_string());
                    items.push(Item::Raw(format!("\u{0}{}\u{0}", name)));
                    i += 1 + len + 1;
                } else {
                    items.push(Item::Raw("(?:".into()));
                    i += 1;
                }
            }
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return Err("unbalanced ')'".into());
                }
                items.push(Item::Raw(")".into()));
                i += 1;
            }
            '|' | '?' | '*' | '+' | '^' => {
                items.push(Item::Raw(c.to_string()));
                i += 1;
            }
            '{' => {
                let end = pattern[i..].find('}').ok_or("unclosed '{'")?;
                let body = &pattern[i + 1..i + end];
                if !body.chars().all(|c| c.is_ascii_digit() || c == ',') {
                    return Err(format!("bad repetition '{{{}}}'", body));
                }
                items.push(Item::Raw(pattern[i..=i + end].to_string()));
                i += end + 1;
            }
            _ => {
                let (atom, len) = parse_atom(&pattern[i..], lex)?;
                items.push(Item::Atom(atom));
                i += len;
            }
        }
    }
    if depth != 0 {
        return Err("unbalanced '('".into());
    }
    Ok(Parsed { items, captures })
}

fn parse_atom(s: &str, lex: &mut Lexicon) -> Result<(Vec<(bool, Term)>, usize), String> {
    let mut terms = Vec::new();
    let mut i = 0;
    loop {
        let mut neg = false;
        if s[i..].starts_with('!') {
            neg = true;
            i += 1;
        }
        let rest = &s[i..];
        let (term, len) = if let Some(q) = rest.strip_prefix('\'') {
            let end = q.find('\'').ok_or("unclosed literal")?;
            let word = &q[..end];
            if word.is_empty() || word.contains(' ') {
                return Err(format!("literal '{}' must be one word", word));
            }
            let bit = lex.list(&format!("'{}'", super::lexicon::key_of(word)), Case::Any)?;
            lex.add_word(word, bit);
            (Term::List(bit), end + 2)
        } else if rest.starts_with('.') {
            (Term::Any, 1)
        } else {
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if len == 0 {
                return Err(format!(
                    "unexpected '{}'",
                    rest.chars().next().unwrap_or(' ')
                ));
            }
            (term_of(&rest[..len], lex)?, len)
        };
        terms.push((neg, term));
        i += len;
        if s[i..].starts_with('&') {
            i += 1;
            continue;
        }
        return Ok((terms, i));
    }
}

fn term_of(name: &str, lex: &Lexicon) -> Result<Term, String> {
    if let Some(k) = Kind::ALL.into_iter().find(|k| k.name() == name) {
        return Ok(Term::Kind(k));
    }
    Ok(match name {
        "word" => Term::Word,
        "any" => Term::Any,
        "m_person" => Term::Mention(mention_index(Label::Person)),
        "m_org" => Term::Mention(mention_index(Label::Organization)),
        "m_place" => Term::Mention(mention_index(Label::Place)),
        "m_nat" => Term::Mention(mention_index(Label::Nationality)),
        "m_any" => Term::MentionAny,
        "free" => Term::Free,
        _ => match lex.bit(name) {
            Some(bit) => Term::List(bit),
            None => return Err(format!("unknown word list or class '{}'", name)),
        },
    })
}

/// Turns a parsed pattern into regex syntax; captures keep their names.
/// `cache` keeps the class of each atom seen.
pub(crate) fn to_regex(
    p: &Parsed,
    syms: &Symbols,
    cache: &mut HashMap<String, String>,
) -> Result<String, String> {
    let mut out = String::new();
    for item in &p.items {
        match item {
            Item::Raw(r) => {
                if let Some(name) = r
                    .strip_prefix('\u{0}')
                    .and_then(|r| r.strip_suffix('\u{0}'))
                {
                    write!(out, "(?P<{}>", name).ok();
                } else {
                    out.push_str(r);
                }
            }
            Item::Atom(terms) => {
                let key = format!("{:?}", terms);
                if let Some(class) = cache.get(&key) {
                    out.push_str(class);
                    continue;
                }
                let class = class_of(terms, syms)?;
                out.push_str(&class);
                cache.insert(key, class);
            }
        }
    }
    Ok(out)
}

fn class_of(terms: &[(bool, Term)], syms: &Symbols) -> Result<String, String> {
    let mut s = String::from("(?:");
    for set in class_bytes(terms, syms)? {
        byte_class(&set, &mut s);
    }
    s.push(')');
    Ok(s)
}

/// The bytes an atom accepts at each byte of a token's symbol.
pub(super) fn class_bytes(
    terms: &[(bool, Term)],
    syms: &Symbols,
) -> Result<[Vec<u8>; WIDTH], String> {
    let kinds: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|&k| {
            terms
                .iter()
                .filter(|(_, t)| is_kind_term(t))
                .all(|(neg, t)| t.accepts(k, 0, 0) != *neg)
        })
        .collect();
    let mentions: Vec<u8> = (0..MENTIONS as u8)
        .filter(|&m| {
            terms
                .iter()
                .filter(|(_, t)| is_mention_term(t))
                .all(|(neg, t)| t.accepts(Kind::Cap, 0, m) != *neg)
        })
        .collect();
    let is_list = |t: &Term| matches!(t, Term::List(_));
    if kinds.is_empty() || mentions.is_empty() || !accepts_any(terms, &syms.combos, is_list) {
        return Err("an atom accepts no token".into());
    }
    let [a, b] = syms.groups.each_ref().map(|g| {
        let in_group = |t: &Term| matches!(t, Term::List(b) if b & g.lists != 0);
        (0..g.combos.len())
            .filter(|&i| accepts_any(terms, &g.combos[i..=i], in_group))
            .map(|i| i as u8)
            .collect()
    });
    // Sorted, as both mentions and kinds are.
    let first = mentions
        .iter()
        .flat_map(|&m| kinds.iter().map(move |&k| kind_mention(k as u8, m)))
        .collect();
    Ok([first, a, b])
}

/// Whether the list terms of `terms` that `pick` picks accept one of
/// `combos`.
fn accepts_any(terms: &[(bool, Term)], combos: &[ListBits], pick: impl Fn(&Term) -> bool) -> bool {
    combos.iter().any(|&c| {
        terms
            .iter()
            .filter(|(_, t)| pick(t))
            .all(|(neg, t)| t.accepts(Kind::Cap, c, 0) != *neg)
    })
}

fn is_kind_term(t: &Term) -> bool {
    matches!(t, Term::Kind(_) | Term::Word | Term::Any)
}

fn is_mention_term(t: &Term) -> bool {
    matches!(t, Term::Mention(_) | Term::MentionAny | Term::Free)
}

/// Writes a class of sorted bytes, as ranges.
fn byte_class(set: &[u8], out: &mut String) {
    out.push('[');
    let mut i = 0;
    while i < set.len() {
        let mut j = i;
        while j + 1 < set.len() && set[j + 1] == set[j] + 1 {
            j += 1;
        }
        if i == j {
            write!(out, "\\x{:02X}", set[i]).ok();
        } else {
            write!(out, "\\x{:02X}-\\x{:02X}", set[i], set[j]).ok();
        }
        i = j + 1;
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_captures() {
        let mut lex = Lexicon::for_tests(&[]);
        for (pattern, whole) in [
            ("(person: cap cap)", true),
            ("(person: cap (?:initial | cap){0,2})", true),
            ("(org: cap | upper)", true),
            ("(person: cap) lower", false),
            ("lower (org: upper)", false),
            ("(person: cap)?", false),
            ("(person: cap) | (org: upper)", false),
            ("(office: lower) (person: cap)", false),
            ("(?:cap) (person: cap)", false),
        ] {
            let parsed = parse(pattern, &mut lex).unwrap();
            assert_eq!(parsed.capture_is_whole(), whole, "{pattern}");
        }
    }

    /// A token's symbol lies in an atom's classes, byte by byte, exactly
    /// when the atom accepts the token: kind and mention share a byte, so
    /// a class that mixed them up would accept the wrong tokens.
    #[test]
    fn symbols_lie_in_the_classes_of_the_atoms_that_accept_them() {
        let lex = Lexicon::for_tests(&["corp"]);
        let used = lex.combos().into_iter().fold(0, |a, c| a | c);
        assert_ne!(used, 0);
        let syms = Symbols::new(&lex, used).unwrap();
        let atoms = [
            vec![(false, Term::Kind(Kind::Cap))],
            vec![(false, Term::Mention(2))],
            vec![(false, Term::Kind(Kind::Sym)), (false, Term::Mention(4))],
            vec![(true, Term::Kind(Kind::Lower)), (false, Term::Free)],
            vec![(false, Term::Word), (false, Term::MentionAny)],
            vec![(false, Term::Any), (false, Term::List(used))],
            vec![(false, Term::Kind(Kind::Num)), (true, Term::List(used))],
        ];
        for terms in &atoms {
            let classes = class_bytes(terms, &syms).unwrap();
            for kind in Kind::ALL {
                for mention in 0..MENTIONS as u8 {
                    for lists in [0, used] {
                        let accepts = terms
                            .iter()
                            .all(|(neg, t)| t.accepts(kind, lists, mention) != *neg);
                        let mut symbol = Vec::new();
                        syms.push(kind, lists, mention, &mut symbol);
                        let inside = symbol.iter().zip(&classes).all(|(b, c)| c.contains(b));
                        assert_eq!(inside, accepts, "{terms:?} {kind:?} {mention} {lists}");
                    }
                }
            }
        }
    }
}
