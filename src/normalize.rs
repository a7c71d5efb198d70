//! Normalization on a copy, with an offset map back to the original text.
//!
//! Matching happens on a folded copy of the text: Unicode case folding (full,
//! not ASCII only: `ß` folds to `ss`), diacritics removed (`Sébastien` =
//! `Sebastien`), quote and apostrophe variants (`’ ‘ ´ \``) unified to `'`,
//! double quotes to `"`, hyphen and dash variants (`‐ – — −`) to `-`, runs of
//! white space (line breaks inside a name included) collapsed to one space, and
//! invisible format characters (zero-width space, soft hyphen, BOM) dropped.
//!
//! Every byte of the copy knows the original byte offset of the character it
//! came from, so a match in the copy is reported with offsets into the
//! original: see [`Normalized::original_span`].

use std::ops::Range;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use crate::swar::{eq_byte, in_range, load_le, HIGH};

/// A normalized copy of a text and the map from its bytes to the original's.
///
/// Reuse one value across documents ([`Normalized::normalize_into`]) to avoid
/// allocating per document.
///
/// # Example
///
/// ```
/// use gazetag::normalize::Normalized;
///
/// let text = "Sébastien  LECORNU’s\nvisit";
/// let norm = Normalized::new(text);
/// assert_eq!(norm.as_str(), "sebastien lecornu's visit");
/// // "lecornu" in the copy is "LECORNU" in the original.
/// let start = norm.as_str().find("lecornu").unwrap();
/// let span = norm.original_span(text, start..start + "lecornu".len());
/// assert_eq!(&text[span], "LECORNU");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    text: String,
    /// `map[i]` is the original byte offset of the character that produced
    /// normalized byte `i`; one extra element maps the end of the copy to the
    /// end of the original.
    map: Vec<u32>,
}

impl Normalized {
    /// Normalizes `text` into a new value.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::normalize::Normalized;
    /// assert_eq!(Normalized::new("Straße – “Nord”").as_str(), "strasse - \"nord\"");
    /// ```
    pub fn new(text: &str) -> Normalized {
        let mut norm = Normalized::default();
        norm.normalize_into(text);
        norm
    }

    /// Normalizes `text`, reusing this value's buffers.
    ///
    /// Texts of 4 GiB or more are truncated to their first 4 GiB (offsets are
    /// stored as `u32`); the tagger splits such inputs before they get here.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::normalize::Normalized;
    /// let mut norm = Normalized::default();
    /// norm.normalize_into("ÉLYSÉE");
    /// assert_eq!(norm.as_str(), "elysee");
    /// norm.normalize_into("Kremlin");
    /// assert_eq!(norm.as_str(), "kremlin");
    /// ```
    pub fn normalize_into(&mut self, text: &str) {
        self.text.clear();
        self.map.clear();
        let text = truncate_to_u32(text);
        self.text.reserve(text.len());
        self.map.reserve(text.len() + 1);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Fast path: a run of ASCII bytes that fold to themselves or to
            // their lower case, single spaces included, copied in bulk (and
            // lowered with the rest, below). Most news text is one such run
            // per line.
            let end = plain_run_end(bytes, i, self.text.ends_with(' '));
            if end > i {
                self.text.push_str(&text[i..end]);
                self.map.extend(i as u32..end as u32);
                i = end;
            }
            // The byte that ended the run (most often a line break) is taken
            // at once: a scan from it would stop at it again, and that
            // empty scan cost as much as a run's copy, once a line.
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if b < 0x80 {
                self.push_ascii(b, i);
                i += 1;
                // A run of ASCII white space (a line break and the next
                // line's indent) is one space, pushed above: the rest add
                // nothing, and are stepped over at once.
                if is_ascii_space(b) {
                    while bytes.get(i).copied().is_some_and(is_ascii_space) {
                        i += 1;
                    }
                }
                continue;
            }
            // Non-ASCII: decode one char. `text` is valid UTF-8 and `i` is on a
            // char boundary because we only ever step whole chars.
            let c = match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            };
            self.push_char(c, i);
            i += c.len_utf8();
        }
        // Every other path pushes no ASCII capital (see the test
        // `no_ascii_capital_but_from_ascii`): the runs are lowered here at
        // once, as one pass over the text cost less than one a run (a line).
        self.text.make_ascii_lowercase();
        self.map.push(text.len() as u32);
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The normalized text as bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    /// The original byte offset of the character that produced normalized
    /// byte `i` (for `i == len`, the end of the original text).
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::normalize::Normalized;
    /// let norm = Normalized::new("a  b");
    /// assert_eq!(norm.as_str(), "a b");
    /// assert_eq!(norm.original_offset(2), 3);
    /// ```
    pub fn original_offset(&self, i: usize) -> usize {
        self.map.get(i).copied().unwrap_or(0) as usize
    }

    /// Maps a range of the normalized copy to the range of the original text
    /// that produced it. The end is extended to the end of the original
    /// character that produced the range's last byte.
    ///
    /// `original` must be the text this value was normalized from.
    #[inline]
    pub fn original_span(&self, original: &str, range: Range<usize>) -> Range<usize> {
        let start = self.original_offset(range.start);
        if range.end <= range.start {
            return start..start;
        }
        let last = self.original_offset(range.end - 1);
        // An ASCII last character (most) needs no decode.
        let end = match original.as_bytes().get(last) {
            Some(&b) if b < 0x80 => last + 1,
            _ => match original.get(last..).and_then(|s| s.chars().next()) {
                Some(c) => last + c.len_utf8(),
                None => original.len(),
            },
        };
        start..end.max(start)
    }

    fn push_ascii(&mut self, b: u8, at: usize) {
        let out = match b {
            b'A'..=b'Z' => b + 32,
            _ if is_ascii_space(b) => {
                self.push_space(at);
                return;
            }
            b'`' => b'\'',
            _ => b,
        };
        self.text.push(out as char);
        self.map.push(at as u32);
    }

    fn push_space(&mut self, at: usize) {
        if !self.text.ends_with(' ') {
            self.text.push(' ');
            self.map.push(at as u32);
        }
    }

    fn push_char(&mut self, c: char, at: usize) {
        if c.is_whitespace() {
            self.push_space(at);
            return;
        }
        if let Some(unified) = unify_punctuation(c) {
            self.text.push(unified);
            self.map.push(at as u32);
            return;
        }
        if is_invisible(c) {
            return;
        }
        for lower in c.to_lowercase() {
            if let Some(special) = fold_special(lower) {
                self.push_str_at(special, at);
                continue;
            }
            if is_hangul_syllable(lower) {
                // Compatibility decomposition would split syllables into jamo:
                // no diacritics to remove, and the copy would triple in size.
                self.push_char_at(lower, at);
                continue;
            }
            decompose_compatible(lower, |d| {
                if is_combining_mark(d) {
                    return;
                }
                // Compatibility forms (fullwidth letters, ligatures) may
                // decompose to upper case or to characters that fold further.
                for l in d.to_lowercase() {
                    match fold_special(l) {
                        Some(special) => self.push_str_at(special, at),
                        None => self.push_char_at(l, at),
                    }
                }
            });
        }
    }

    fn push_char_at(&mut self, c: char, at: usize) {
        if c.is_whitespace() {
            self.push_space(at);
            return;
        }
        let c = unify_punctuation(c).unwrap_or(c);
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.map.push(at as u32);
        }
    }

    fn push_str_at(&mut self, s: &str, at: usize) {
        for c in s.chars() {
            self.push_char_at(c, at);
        }
    }
}

/// The ASCII white space that folds to a space (all that
/// [`char::is_whitespace`] has).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// ASCII bytes that fold to themselves or to their lower case: everything
/// but white space (collapsed) and the backtick (an apostrophe), and never
/// bytes >= 0x80.
static PLAIN_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0x21;
    while b < 0x7f {
        t[b] = b != b'`' as usize;
        b += 1;
    }
    t
};

/// The end of the run of bytes from `i` that the fast path copies: bytes
/// that are [`PLAIN_ASCII`], and spaces, but not a space after a space (the
/// byte before `i` counts as one when `prev_space`).
///
/// Eight bytes at a time: a byte-at-a-time loop with a table lookup was most
/// of the normalization's instructions, and news text runs on for a line or
/// more. Sixteen a step while they last, with one branch for both words.
fn plain_run_end(b: &[u8], mut i: usize, prev_space: bool) -> usize {
    // The bytes of `x` that end the run, and its spaces; `prev` is the high
    // bit of byte 0 when the byte before is a space.
    let ends = |x: u64, prev: u64| {
        let space = eq_byte(x, b' ');
        // Not printable ASCII (nor a space), a backtick, or a second space.
        let bad =
            (!in_range(x, b' ', b'~') & HIGH) | eq_byte(x, b'`') | (space & (space << 8 | prev));
        (bad, (space >> 56) & 0x80)
    };
    let mut prev = u64::from(prev_space) << 7;
    while let Some(chunk) = b.get(i..i + 16) {
        let (lo, between) = ends(load_le(&chunk[..8]), prev);
        let (hi, last) = ends(load_le(&chunk[8..]), between);
        if lo | hi != 0 {
            let at = if lo != 0 {
                lo.trailing_zeros()
            } else {
                64 + hi.trailing_zeros()
            };
            return i + (at / 8) as usize;
        }
        prev = last;
        i += 16;
    }
    if let Some(chunk) = b.get(i..i + 8) {
        let (bad, last) = ends(load_le(chunk), prev);
        if bad != 0 {
            return i + (bad.trailing_zeros() / 8) as usize;
        }
        prev = last;
        i += 8;
    }
    plain_run_end_bytewise(b, i, prev != 0)
}

/// [`plain_run_end`] a byte at a time: for the last bytes, and the
/// reference it is tested against.
fn plain_run_end_bytewise(b: &[u8], mut i: usize, mut prev_space: bool) -> usize {
    while let Some(&c) = b.get(i) {
        if PLAIN_ASCII[usize::from(c)] {
            prev_space = false;
        } else if c == b' ' && !prev_space {
            prev_space = true;
        } else {
            break;
        }
        i += 1;
    }
    i
}

/// Folds one string the way the matcher folds text (used for dictionary
/// aliases and stop words).
///
/// # Example
///
/// ```
/// use gazetag::normalize::fold;
/// assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
/// assert_eq!(fold("  North\n Korea "), " north korea ");
/// ```
pub fn fold(s: &str) -> String {
    Normalized::new(s).text
}

/// Folds quotes, dashes, white space and diacritics but keeps case: the form
/// in which the `exact` and `capitalized` policies compare a surface with its
/// alias.
///
/// # Example
///
/// ```
/// use gazetag::normalize::fold_keep_case;
/// assert_eq!(fold_keep_case("Élysée  Palace"), "Elysee Palace");
/// ```
pub fn fold_keep_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_keep_case_into(s, &mut out);
    out
}

/// [`fold_keep_case`] appending to a buffer, for callers that reuse one.
pub fn fold_keep_case_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        if let Some(u) = unify_punctuation(c) {
            out.push(u);
            continue;
        }
        if c == '`' {
            out.push('\'');
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        if let Some(special) = fold_special_keep_case(c) {
            out.push_str(special);
            continue;
        }
        if is_hangul_syllable(c) {
            out.push(c);
            continue;
        }
        decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                out.push(d);
            }
        });
    }
}

fn truncate_to_u32(text: &str) -> &str {
    const MAX: usize = u32::MAX as usize - 1;
    if text.len() <= MAX {
        return text;
    }
    let mut end = MAX;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Quote, apostrophe and dash variants, mapped to one ASCII character. The
/// Hawaiian ʻokina (U+02BB) is a letter, not a quote, and is kept.
fn unify_punctuation(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}'
        | '\u{02BC}' | '\u{FF07}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{FF02}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        _ => return None,
    })
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Characters with no visible form that may sit inside a word.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Case folds that `char::to_lowercase` does not do, and Latin letters with
/// no canonical decomposition that news writes without their stroke.
fn fold_special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'ſ' => "s",
        'ς' => "σ",
        'ø' => "o",
        'đ' => "d",
        'ð' => "d",
        'ł' => "l",
        'ħ' => "h",
        'ı' => "i",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ŀ' => "l",
        _ => return None,
    })
}

fn fold_special_keep_case(c: char) -> Option<&'static str> {
    Some(match c {
        'Ø' => "O",
        'Đ' | 'Ð' => "D",
        'Ł' => "L",
        'Ħ' => "H",
        'Æ' => "AE",
        'Œ' => "OE",
        'Þ' => "TH",
        'ẞ' => "SS",
        _ => return fold_special(c),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, normalized)
    const CASES: &[(&str, &str)] = &[
        ("", ""),
        ("ABC def", "abc def"),
        ("Sébastien", "sebastien"),
        ("Straße", "strasse"),
        ("ΣΊΣΥΦΟΣ", "σισυφοσ"),
        ("North Korea’s", "north korea's"),
        ("North Korea`s", "north korea's"),
        ("Asia–Pacific", "asia-pacific"),
        ("Asia—Pacific", "asia-pacific"),
        ("North\r\n  Korea", "north korea"),
        ("North\u{00A0}Korea", "north korea"),
        ("Ahn\u{200B}Gyu", "ahngyu"),
        ("Łódź", "lodz"),
        ("Ｔｏｋｙｏ", "tokyo"),
        ("ﬁnance", "finance"),
        ("Côte d'Ivoire", "cote d'ivoire"),
        ("İstanbul", "istanbul"),
        ("a\0b", "a\0b"),
        ("서울", "서울"),
    ];

    #[test]
    fn table() {
        for (input, want) in CASES {
            assert_eq!(Normalized::new(input).as_str(), *want, "input {:?}", input);
        }
    }

    #[test]
    fn map_points_at_char_starts() {
        for (input, _) in CASES {
            let norm = Normalized::new(input);
            assert_eq!(norm.map.len(), norm.text.len() + 1);
            for (i, &o) in norm.map.iter().enumerate() {
                assert!(input.is_char_boundary(o as usize), "{:?} byte {}", input, i);
            }
            assert!(norm.map.windows(2).all(|w| w[0] <= w[1]));
        }
    }

    /// No character beyond ASCII normalizes to an ASCII capital, so that
    /// `normalize_into` may lower the whole text at the end.
    #[test]
    fn no_ascii_capital_but_from_ascii() {
        let mut norm = Normalized::default();
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            norm.text.clear();
            norm.push_char(c, 0);
            assert!(
                !norm.text.bytes().any(|b| b.is_ascii_uppercase()),
                "{:?}",
                c
            );
        }
    }

    #[test]
    fn original_span_covers_whole_chars() {
        let text = "Straße Élysée";
        let norm = Normalized::new(text);
        let s = norm.as_str().find("elysee").unwrap();
        assert_eq!(&text[norm.original_span(text, s..s + 6)], "Élysée");
        assert_eq!(&text[norm.original_span(text, 0..7)], "Straße");
    }

    proptest::proptest! {
        /// The fast path's run ends where the byte-at-a-time scan's does.
        #[test]
        fn plain_runs_end_as_bytewise(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    b'a', b'Z', b' ', b' ', b'`', b'~', 0x7f, b'\n', b'\t', 0, 0x1f, b'!', 0x80, 0xc3,
                    0xff,
                ]),
                0..40,
            ),
            from in 0usize..40,
            prev_space: bool,
        ) {
            let from = from.min(bytes.len());
            proptest::prop_assert_eq!(
                plain_run_end(&bytes, from, prev_space),
                plain_run_end_bytewise(&bytes, from, prev_space)
            );
        }
    }

    proptest::proptest! {
        /// A run of white space folds to one space, mapped to its first
        /// byte, however the run is made and whatever is around it.
        #[test]
        fn space_runs_fold_to_one(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "B", " ", "\n", "\t", "\r\n", "    ", "\u{b}", "\u{a0}", "é", "`", ".",
                ]),
                0..16,
            )
        ) {
            let text = pieces.concat();
            let norm = Normalized::new(&text);
            let mut want = String::new();
            let mut map = Vec::new();
            for (i, c) in text.char_indices() {
                if c.is_whitespace() {
                    if !want.ends_with(' ') {
                        want.push(' ');
                        map.push(i as u32);
                    }
                } else {
                    let one = Normalized::new(&text[i..i + c.len_utf8()]);
                    want.push_str(one.as_str());
                    map.extend(one.map[..one.text.len()].iter().map(|&o| o + i as u32));
                }
            }
            map.push(text.len() as u32);
            proptest::prop_assert_eq!(norm.as_str(), want.as_str());
            proptest::prop_assert_eq!(&norm.map, &map);
        }
    }

    #[test]
    fn keep_case() {
        assert_eq!(fold_keep_case("U.S."), "U.S.");
        assert_eq!(fold_keep_case("Ahn\nGyu‐back"), "Ahn Gyu-back");
        assert_eq!(fold_keep_case("Łódź"), "Lodz");
    }
}
