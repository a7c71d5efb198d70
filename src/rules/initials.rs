//! Organizations named by their initials without a definition: after or
//! before "the Securities and Exchange Commission", "the SEC" is that
//! commission; "GM" is "General Motors Corp" in a story that names it.
//!
//! Wire copy seldom defines the initials of a well-known body ("(SEC)"), so
//! the initials of each organization a document names in full link the
//! same letters in capitals anywhere in it (rule `initials`). The letters
//! must stand alone in running text: not in a headline in capitals (where
//! any word might spell them: "CUT", "AND"), not joined to a word by a
//! hyphen or a slash ("MD-11", "ICO-member"), not inside a ticker
//! ("<ABNN.AS>"). Two letters collide more often ("DM" is also a currency,
//! "PC" a computer): they count only beside no other capitalized word
//! ("GM Opala", "AM General", "IBM PC, XT, AT").

use super::apply::without_legal_form;
use super::RuleSet;

/// The most letters a name's initials may have.
const MAX_LETTERS: usize = 6;

/// Which two capitals start the words in capitals of a document: a name's
/// initials are looked for only where its first two letters start one (most
/// documents name no organization by its initials, and a search for keys
/// costs a pass over the document). The window finder of the rules fills
/// it, as it reads every capitalized word no mention covers.
#[derive(Clone, Debug, Default)]
pub(crate) struct CapsStarts([u64; 11]);

impl CapsStarts {
    /// Every pair: for rules that read whole texts, with no window finder.
    pub(crate) fn all() -> CapsStarts {
        CapsStarts([u64::MAX; 11])
    }

    /// Adds the pair that starts `word`, a word in capitals.
    #[inline]
    pub(crate) fn add(&mut self, word: &[u8]) {
        if let [a @ b'A'..=b'Z', b @ b'A'..=b'Z', ..] = *word {
            let k = pair(a, b);
            self.0[k / 64] |= 1 << (k % 64);
        }
    }

    fn holds(&self, a: u8, b: u8) -> bool {
        let k = pair(a, b);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// The index of two capitals among the 676 pairs.
fn pair(a: u8, b: u8) -> usize {
    usize::from(a - b'A') * 26 + usize::from(b - b'A')
}

/// The initials of an organization's name: the first letters of its
/// capitalized words, its legal form left off ("British Petroleum Co Plc":
/// "BP") and its lower-case words skipped ("Chicago Board of Trade":
/// "CBT"); words joined by a hyphen count apart ("Georgia-Pacific": "GP").
/// `None` for a name of fewer than two such words or more than
/// [`MAX_LETTERS`], holding a word in capitals or starting with a digit
/// (its letters are not its initials: "NASDAQ National Market"), or whose
/// first two letters start no word in capitals of the document (`starts`).
pub(crate) fn initials(rules: &RuleSet, name: &str, starts: &CapsStarts) -> Option<String> {
    // The first two letters first, in one pass over the bytes (most
    // organizations' names are one word: "EC", "Texaco"); the legal form,
    // looked up, only takes letters off the end.
    let mut heads = [0u8; 2];
    let mut n = 0;
    let mut at_start = true;
    for &c in name.as_bytes() {
        if c.is_ascii_whitespace() || c == b'-' {
            at_start = true;
        } else if at_start && !matches!(c, b'.' | b',' | b'\'' | b'"') {
            at_start = false;
            if !c.is_ascii_lowercase() && c != b'&' {
                heads[n] = c;
                n += 1;
                if n == 2 {
                    break;
                }
            }
        }
    }
    let [a, b] = heads;
    if n < 2 || !a.is_ascii_uppercase() || !b.is_ascii_uppercase() || !starts.holds(a, b) {
        return None;
    }
    let (letters, n) = letters(without_legal_form(rules, name))?;
    Some(letters[..n].iter().map(|&c| char::from(c)).collect())
}

/// The first letters of the capitalized words of `name` (see
/// [`initials`]), and how many.
fn letters(name: &str) -> Option<([u8; MAX_LETTERS], usize)> {
    let mut letters = [0; MAX_LETTERS];
    let mut n = 0;
    for word in name.split(|c: char| c.is_whitespace() || c == '-') {
        let word = word.trim_matches(|c: char| matches!(c, '.' | ',' | '\'' | '"'));
        let Some(first) = word.bytes().next() else {
            continue;
        };
        if first.is_ascii_lowercase() || word == "&" {
            continue;
        }
        let in_capitals = word.len() > 1 && !word.bytes().any(|c| c.is_ascii_lowercase());
        if !first.is_ascii_uppercase() || in_capitals || n == MAX_LETTERS {
            return None;
        }
        letters[n] = first;
        n += 1;
    }
    (n >= 2).then_some((letters, n))
}

/// Whether the initials at `s..e` of `bytes` stand alone in running text
/// (see the module's documentation): the caller has checked that they are a
/// whole token.
pub(crate) fn stand_alone(bytes: &[u8], s: usize, e: usize) -> bool {
    let joins = |c: u8| matches!(c, b'-' | b'/' | b'<' | b'>' | b'.' | b'&');
    if s > 0 && joins(bytes[s - 1]) {
        return false;
    }
    // "SEC." ends a sentence; "AS.L" is a ticker's tail.
    let after = bytes.get(e).copied();
    let next = bytes.get(e + 1).copied();
    if after.is_some_and(|c| c != b'.' && joins(c))
        || (after == Some(b'.') && next.is_some_and(|c| c.is_ascii_alphanumeric()))
    {
        return false;
    }
    if super::link::line_in_capitals(bytes, s) {
        return false;
    }
    e - s > 2 || !beside_capitalized(bytes, s, e)
}

/// Whether the word after `e` starts with a capital, or the word before `s`
/// (past blanks and one comma) is in capitals.
fn beside_capitalized(bytes: &[u8], s: usize, e: usize) -> bool {
    let next = bytes[e..]
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .map(|k| bytes[e + k]);
    if next.is_some_and(|c| c.is_ascii_uppercase()) {
        return true;
    }
    let before = bytes[..s].trim_ascii_end();
    let before = before.strip_suffix(b",").unwrap_or(before).trim_ascii_end();
    let word = before
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let word = &before[before.len() - word..];
    word.len() > 1 && word.iter().all(u8::is_ascii_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> RuleSet {
        RuleSet::from_jsonl_str(
            "t.jsonl",
            r#"{"list": "org_suffix_upper", "case": "any", "words": ["co", "corp", "inc", "plc", "ltd"]}
{"list": "honorific", "case": "capitalized", "words": ["mr"]}
{"rule": "honorific_name", "pattern": "honorific (person: cap+) org_suffix_upper?"}"#,
        )
        .unwrap()
    }

    #[test]
    fn initials_of_names() {
        let rules = rules();
        for (name, want) in [
            ("Securities and Exchange Commission", Some("SEC")),
            ("British Petroleum Co Plc", Some("BP")),
            ("Chicago Board of Trade", Some("CBT")),
            ("Georgia-Pacific Corp", Some("GP")),
            ("New York Stock Exchange", Some("NYSE")),
            ("Harcourt Brace Jovanovich Inc.", Some("HBJ")),
            ("Exxon Corp", None),
            ("NASDAQ National Market", None),
            ("3M Co", None),
            (
                "Racketeer Influenced and Corrupt Organization Act Of Law",
                None,
            ),
            // No word in capitals of the document starts with "GM".
            ("General Motors Corp", None),
        ] {
            let mut starts = CapsStarts::default();
            for word in ["SEC", "BP", "CBT", "GP", "NYSE", "HBJ", "EC", "NN", "RI"] {
                starts.add(word.as_bytes());
            }
            assert_eq!(initials(&rules, name, &starts).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn initials_stand_alone_in_running_text() {
        for (text, word, want) in [
            ("Then the SEC said so.", "SEC", true),
            ("filed with the SEC. It said", "SEC", true),
            ("it approved the SEC's rule", "SEC", true),
            ("the MD-11 jet flew", "MD", false),
            ("owned by <ABNN.AS> here", "AS", false),
            ("export target to ICO-member countries", "ICO", false),
            ("GM TO CUT OUTPUT\nGM said", "GM", false),
            ("Sales at GM fell.", "GM", true),
            ("A GM Opala costs more.", "GM", false),
            ("the IBM PC, XT, AT, or compatibles", "AT", false),
        ] {
            let s = text.find(word).unwrap();
            assert_eq!(
                stand_alone(text.as_bytes(), s, s + word.len()),
                want,
                "{text}"
            );
        }
    }
}
