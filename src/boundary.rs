//! Word boundaries, decided on the normalized copy.
//!
//! The automaton knows nothing of words: it is only asked to match where a
//! word starts, and a match only counts where a word ends. A word is a run of
//! letters and digits. Two joiners need care:
//!
//! - a hyphen joins two parts of one word (`Gyu-back`, `anti-war`) unless
//!   the part after it starts with a capital letter (`Russia-Ukraine`,
//!   `anti-American`), which news writes for two names side by side, or is
//!   the head of a compound adjective (`ISIL-held`, `Seoul-based`), whose
//!   first part still names its entity;
//! - an apostrophe joins (`O'Brien`), except in a possessive: `Korea's`
//!   ends the word `Korea`.

use crate::normalize::Normalized;

/// Byte classes of the normalized copy: ASCII letters and digits are word
/// bytes; bytes >= 0x80 start or continue multi-byte characters and need a
/// decode (they are `false` here: a table of every byte value spares the
/// scans a test and a bounds check a byte).
const fn ascii_word_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
}

static ASCII_WORD: [bool; 256] = ascii_word_table();

/// The bytes that, before an ASCII letter or digit, leave open whether a
/// word starts there: a joiner (`-`, `'`) or a byte of a character beyond
/// ASCII. One look-up where three tests cost the scan a word.
const fn unsure_before_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || b == b'-' as usize || b == b'\'' as usize;
        b += 1;
    }
    t
}

static UNSURE_BEFORE: [bool; 256] = unsure_before_table();

/// The character starting at byte `i` of `s` (`i` must be a char boundary).
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some(b as char);
    }
    s.get(i..)?.chars().next()
}

/// The character ending at byte `i` of `s`.
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    if i == 0 {
        return None;
    }
    let b = *s.as_bytes().get(i - 1)?;
    if b < 0x80 {
        return Some(b as char);
    }
    s.get(..i)?.chars().next_back()
}

#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        ASCII_WORD[c as usize]
    } else {
        c.is_alphanumeric()
    }
}

/// Whether the original character behind normalized byte `i` is upper case.
fn original_is_upper(norm: &Normalized, original: &str, i: usize) -> bool {
    char_at(original, norm.original_offset(i)).is_some_and(|c| c.is_uppercase())
}

/// Whether a word starts at byte `i` of the normalized copy.
pub(crate) fn is_word_start(norm: &Normalized, original: &str, i: usize) -> bool {
    let s = norm.as_str();
    let Some(c) = char_at(s, i) else { return false };
    if !is_word_char(c) {
        return false;
    }
    let Some(prev) = char_before(s, i) else {
        return true;
    };
    if is_word_char(prev) {
        return false;
    }
    if prev == '-' || prev == '\'' {
        let joined = char_before(s, i - 1).is_some_and(is_word_char);
        if joined {
            return prev == '-' && original_is_upper(norm, original, i);
        }
    }
    true
}

/// Whether a match covering normalized bytes `start..end` ends at a word
/// boundary.
///
/// Always inlined, the rare case out of line: as a call it cost the phrase
/// walk more in saved registers than the two-byte check itself.
#[inline(always)]
pub(crate) fn is_word_end(norm: &Normalized, original: &str, end: usize) -> bool {
    // Most ends have ASCII on both sides and no joiner after: decided from
    // the two bytes, without a call (the full check cost about fifty
    // instructions a candidate in the phrase walk).
    let b = norm.as_bytes();
    if let (Some(&last), Some(&next)) = (b.get(end.wrapping_sub(1)), b.get(end)) {
        if last < 0x80 && next < 0x80 && next != b'-' && next != b'\'' {
            return !ASCII_WORD[last as usize] || !ASCII_WORD[next as usize];
        }
    }
    is_word_end_slow(norm, original, end)
}

/// [`is_word_end`] where a character beyond ASCII or a joiner is involved.
#[inline(never)]
fn is_word_end_slow(norm: &Normalized, original: &str, end: usize) -> bool {
    let s = norm.as_str();
    match char_before(s, end) {
        Some(last) if is_word_char(last) => {}
        // A match may end in punctuation ("U.S."); then it ends a word.
        Some(_) => return true,
        None => return false,
    }
    let Some(next) = char_at(s, end) else {
        return true;
    };
    if is_word_char(next) {
        return false;
    }
    let after = char_at(s, end + 1);
    match next {
        '-' => match after {
            Some(a) if is_word_char(a) => {
                original_is_upper(norm, original, end + 1) || compound_head(s, end + 1)
            }
            _ => true,
        },
        '\'' => match after {
            Some('s') => !char_at(s, end + 2).is_some_and(is_word_char),
            Some(a) => !is_word_char(a),
            None => true,
        },
        _ => true,
    }
}

/// Words that, after a hyphen, make the name before it the modifier of a
/// compound adjective: "ISIL-held", "U.S.-led", "Seoul-based". The name still
/// names its entity, so it ends a word there; other lower-case parts join
/// ("Gyu-back").
const COMPOUND_HEADS: &[&str] = &[
    "affiliated",
    "aligned",
    "allied",
    "backed",
    "based",
    "born",
    "bound",
    "brokered",
    "controlled",
    "dominated",
    "era",
    "flagged",
    "funded",
    "held",
    "led",
    "linked",
    "listed",
    "made",
    "occupied",
    "owned",
    "registered",
    "run",
    "sponsored",
    "style",
    "supported",
];

/// Whether the word starting at byte `i` of the normalized copy is one of
/// [`COMPOUND_HEADS`].
fn compound_head(s: &str, i: usize) -> bool {
    let rest = &s.as_bytes()[i..];
    let len = rest
        .iter()
        .position(|&b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    is_compound_head(&rest[..len])
}

/// Whether `word` (lower case ASCII) is one of [`COMPOUND_HEADS`].
pub(crate) fn is_compound_head(word: &[u8]) -> bool {
    COMPOUND_HEADS
        .binary_search_by(|h| h.as_bytes().cmp(word))
        .is_ok()
}

/// Calls `f(start, head_end)` for every byte offset of the normalized copy
/// where a word starts, in order; `start..head_end` is the run of ASCII
/// letters and digits there (empty when the word starts beyond ASCII),
/// which the scan finds anyway.
#[inline]
pub(crate) fn for_each_word_start(
    norm: &Normalized,
    original: &str,
    mut f: impl FnMut(usize, usize),
) {
    let s = norm.as_str();
    let bytes = s.as_bytes();
    // No state is carried from one character to the next: the byte before
    // an ASCII letter or digit reached here is never one (the run it ends
    // is skipped whole), so it alone tells whether a word starts; only a
    // joiner or a character beyond ASCII before it needs the full check.
    // (A flag "the last character was a word character", set at every
    // byte, cost a load and a store a byte.)
    let mut i = 0;
    while i < bytes.len() {
        // `f` is called from one place, below, so that it can be inlined
        // here (the phrase walk's is called at nearly every word).
        let start = i;
        let b = bytes[i];
        let head_end = if b < 0x80 {
            i += 1;
            if !ASCII_WORD[b as usize] {
                continue;
            }
            // The rest of an ASCII word starts nothing.
            while bytes.get(i).is_some_and(|&c| ASCII_WORD[c as usize]) {
                i += 1;
            }
            let head_end = i;
            // Nor does the ASCII byte that ends it (most often a space):
            // skipped here, it costs no turn of the loop.
            if bytes.get(i).is_some_and(|&c| c < 0x80) {
                i += 1;
            }
            let checked = start > 0 && UNSURE_BEFORE[usize::from(bytes[start - 1])];
            if checked && !is_word_start(norm, original, start) {
                continue;
            }
            head_end
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            if !c.is_alphanumeric() || !is_word_start(norm, original, start) {
                continue;
            }
            start
        };
        f(start, head_end);
    }
}

/// The run of ASCII letters and digits right after `i`, past ASCII white
/// space (line breaks too: wire copy wraps there), as a range of `b`; none
/// where something else comes first.
pub(crate) fn ascii_word_after(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let start = i + b[i..]
        .iter()
        .take_while(|c| c.is_ascii_whitespace())
        .count();
    let end = start
        + b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
    (end > start).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str) -> Vec<String> {
        let norm = Normalized::new(text);
        let mut out = Vec::new();
        for_each_word_start(&norm, text, |i, _| {
            let s = &norm.as_str()[i..];
            let end = s
                .char_indices()
                .find(|(_, c)| !is_word_char(*c))
                .map_or(s.len(), |(k, _)| k);
            out.push(s[..end].to_string());
        });
        out
    }

    #[test]
    fn word_starts() {
        let table: &[(&str, &[&str])] = &[
            ("", &[]),
            ("the U.S. and", &["the", "u", "s", "and"]),
            ("Ahn Gyu-back", &["ahn", "gyu"]),
            ("Russia-Ukraine war", &["russia", "ukraine", "war"]),
            ("O'Brien's", &["o"]),
            ("Korea’s", &["korea"]),
            ("서울 Seoul", &["서울", "seoul"]),
            ("(NATO)", &["nato"]),
            ("anti-American", &["anti", "american"]),
        ];
        for (text, want) in table {
            assert_eq!(starts(text), *want, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// The scan reports exactly the offsets where the full check finds a
        /// word start, whatever precedes a word: a joiner, a character
        /// beyond ASCII (a letter or not), another word.
        #[test]
        fn scan_finds_every_word_start(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Bc", "9", " ", "-", "'", "’", ".", "é", "É", "서울", "—", "\u{a0}", "ß",
                    "x-Y", "o'b",
                ]),
                0..16,
            ),
        ) {
            let text = pieces.concat();
            let norm = Normalized::new(&text);
            let mut got = Vec::new();
            for_each_word_start(&norm, &text, |i, _| got.push(i));
            let want: Vec<usize> = norm
                .as_str()
                .char_indices()
                .map(|(i, _)| i)
                .filter(|&i| is_word_start(&norm, &text, i))
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn word_ends() {
        // (text, end of the match in the normalized copy, is a word end)
        let table: &[(&str, usize, bool)] = &[
            ("Korea's", 5, true),
            ("Korea’s", 5, true),
            ("Koreas", 5, false),
            ("Korea'n", 5, false),
            ("USB", 2, false),
            ("US,", 2, true),
            ("Seoul-based", 5, true),
            ("ISIL-held", 4, true),
            ("Seoul-basedx", 5, false),
            ("Ahn Gyu-back", 7, false),
            ("Gyu-bac", 3, false),
            ("Seoul-Washington", 5, true),
            ("U.S.A", 4, true),
            ("Korea", 5, true),
        ];
        for (text, end, want) in table {
            let norm = Normalized::new(text);
            assert_eq!(
                is_word_end(&norm, text, *end),
                *want,
                "{:?} at {}",
                text,
                end
            );
        }
    }
}
