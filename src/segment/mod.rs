/*!
Segmentation of news text: paragraphs, sentences, words and article parts.

Every function in this module reports UTF-8 byte offsets into the text it was
given, as half-open ranges that always lie on `char` boundaries. Nothing is
copied or normalized, so a range can be used to slice the original text
directly, and offsets can be carried through to tagging results unchanged.

None of these functions panic, whatever the input (arbitrary Unicode, NUL
bytes, a single megabyte-long line), and all of them run in linear time.

# Example

```
use gazetag::segment;

let text = "Politics\n\nMr. Smith went to Washington. He met Gen. Lee.";
let sentences: Vec<&str> =
    segment::sentences(text).map(|r| &text[r]).collect();
assert_eq!(sentences, vec![
    "Politics",
    "Mr. Smith went to Washington.",
    "He met Gen. Lee.",
]);
```
*/

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

pub use self::parts::{parts, Part, PartKind};
pub(crate) use self::parts::{parts_into, prepare};
pub(crate) use self::sentences::{hard_block, looks_hard_wrapped, sentences_judged, wraps_line};
pub use self::sentences::{sentence_starts, sentences, Sentences};

mod abbreviations;
mod parts;
mod sentences;

/// Returns an iterator over the paragraphs of `text`.
///
/// Paragraphs are separated by blank lines: a line break followed by a line
/// that is empty or contains only whitespace. Each yielded range is trimmed
/// of surrounding whitespace and is never empty. Line endings may be `\n` or
/// `\r\n`.
///
/// # Example
///
/// ```
/// use gazetag::segment::paragraphs;
///
/// let text = "  First one.\nStill first.\r\n \r\nSecond.\n\n\n";
/// let got: Vec<&str> = paragraphs(text).map(|r| &text[r]).collect();
/// assert_eq!(got, vec!["First one.\nStill first.", "Second."]);
/// ```
pub fn paragraphs(text: &str) -> Paragraphs<'_> {
    Paragraphs { text, pos: 0 }
}

/// An iterator over paragraph ranges, created by [`paragraphs`].
///
/// # Example
///
/// ```
/// use gazetag::segment::{paragraphs, Paragraphs};
///
/// let mut it: Paragraphs<'_> = paragraphs("a\n\nb");
/// assert_eq!(it.next(), Some(0..1));
/// assert_eq!(it.next(), Some(3..4));
/// assert_eq!(it.next(), None);
/// ```
#[derive(Clone, Debug)]
pub struct Paragraphs<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Paragraphs<'a> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let start = skip_whitespace(text, self.pos);
        if start >= bytes.len() {
            self.pos = bytes.len();
            return None;
        }
        // Look for a line break whose following line is blank. Checking the
        // following line stops at its first non-whitespace character, and
        // the search resumes there, so every byte is visited a bounded
        // number of times.
        let mut i = start;
        while let Some(nl) = find_byte(bytes, b'\n', i) {
            let mut k = nl + 1;
            let mut blank = false;
            while k < bytes.len() {
                let w = whitespace_len(text, k);
                if w == 0 {
                    break;
                }
                if bytes[k] == b'\n' {
                    blank = true;
                }
                k += w;
            }
            if blank || k >= bytes.len() {
                self.pos = k;
                return Some(start..trim_end(text, start, nl));
            }
            i = k;
        }
        self.pos = bytes.len();
        Some(start..trim_end(text, start, bytes.len()))
    }
}

/// Returns an iterator over the words of `text`, with their byte ranges.
///
/// Words are found with the Unicode word boundary rules of UAX #29, keeping
/// only the segments that contain a letter or a digit: punctuation and
/// whitespace are skipped.
///
/// # Example
///
/// ```
/// use gazetag::segment::words;
///
/// let text = "Ahn Gyu-back met U.S. officials in 서울.";
/// let got: Vec<&str> = words(text).map(|(_, w)| w).collect();
/// assert_eq!(got, vec!["Ahn", "Gyu", "back", "met", "U.S", "officials", "in", "서울"]);
/// let (range, word) = words(text).nth(4).unwrap();
/// assert_eq!(&text[range], word);
/// ```
pub fn words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
    text.unicode_word_indices()
        .map(|(i, w)| (i..i + w.len(), w))
}

/// Returns the position of the first `needle` at or after `from`.
///
/// A plain loop: the compiler vectorizes it well enough for the short
/// distances between line breaks in news text.
fn find_byte(haystack: &[u8], needle: u8, from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|p| from + p)
}

/// Returns the length in bytes of the whitespace character at `i`, or 0 if
/// there is none (or `i` is out of bounds or not on a char boundary).
#[inline]
fn whitespace_len(text: &str, i: usize) -> usize {
    let b = match text.as_bytes().get(i) {
        Some(&b) => b,
        None => return 0,
    };
    if b < 0x80 {
        // ASCII fast path: the common case by far.
        return usize::from(matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C));
    }
    match text.get(i..).and_then(|s| s.chars().next()) {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// Returns the first position at or after `i` that is not whitespace.
fn skip_whitespace(text: &str, mut i: usize) -> usize {
    loop {
        let w = whitespace_len(text, i);
        if w == 0 {
            return i.min(text.len());
        }
        i += w;
    }
}

/// Returns `end` moved back over any whitespace, but not before `start`.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    match text.get(start..end) {
        Some(s) => start + s.trim_end().len(),
        None => end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        paragraphs(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn paragraphs_table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("   \n\t\r\n  ", &[]),
            ("one", &["one"]),
            ("one\ntwo", &["one\ntwo"]),
            ("one\n\ntwo", &["one", "two"]),
            ("one\n  \t \ntwo\n", &["one", "two"]),
            ("one\r\n\r\ntwo\r\n", &["one", "two"]),
            ("\n\n  one  \n\n\n\n two \n\n", &["one", "two"]),
            (
                "서울\n\n😀 emoji\u{a0}\n\u{a0}\nCafé",
                &["서울", "😀 emoji", "Café"],
            ),
            ("a\0b\n\n\0", &["a\0b", "\0"]),
        ];
        for &(input, want) in cases {
            assert_eq!(paras(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn paragraphs_never_empty_and_in_order() {
        let text = "x\n\n\n \n y \n\nz\n \n";
        let mut last = 0;
        for r in paragraphs(text) {
            assert!(r.start < r.end);
            assert!(r.start >= last);
            last = r.end;
        }
    }

    #[test]
    fn paragraphs_huge_line() {
        let text = "a".repeat(1 << 20);
        assert_eq!(paragraphs(&text).collect::<Vec<_>>(), vec![0..1 << 20]);
        let text = "\n".repeat(1 << 20);
        assert_eq!(paragraphs(&text).count(), 0);
    }

    #[test]
    fn words_table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("  ,;  ", &[]),
            ("Hello, world!", &["Hello", "world"]),
            ("Café crème 3.5", &["Café", "crème", "3.5"]),
            ("국방부 장관", &["국방부", "장관"]),
            ("a😀b", &["a", "b"]),
            ("x\0y", &["x", "y"]),
        ];
        for &(input, want) in cases {
            let got: Vec<&str> = words(input)
                .map(|(r, w)| {
                    assert_eq!(&input[r], w);
                    w
                })
                .collect();
            assert_eq!(got, want, "input: {input:?}");
        }
    }
}
