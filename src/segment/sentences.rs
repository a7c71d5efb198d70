/*!
A fast, rule-based sentence splitter tuned for news text.

The splitter scans bytes, stopping only at the few bytes that can matter
(`.`, `!`, `?`, `\n` and the lead bytes of a handful of multi-byte
punctuation marks), so on English text it runs at memory-scan speeds and never
decodes most characters. Unicode is still handled correctly: positions are
only ever reported at ASCII bytes or after complete multi-byte sequences, so
they always fall on `char` boundaries.
*/

use std::iter::FusedIterator;
use std::ops::Range;

use super::abbreviations::{self, Kind};
use super::{skip_whitespace, trim_end, whitespace_len};

/// Returns an iterator over the sentences of `text`, as trimmed byte ranges.
///
/// # Rules
///
/// A sentence ends after `.`, `!`, `?` or `…` (a run of them, such as `?!`
/// or `...`), optionally followed by closing quotes or brackets, when what
/// follows is whitespace and then a character that can start a sentence: an
/// upper-case or caseless letter (Korean, Chinese, ...), a digit or an
/// opening quote or bracket. The CJK marks `。`, `！`, `？` and `．` end a
/// sentence even without following whitespace.
///
/// A single `.` does not end a sentence after a known abbreviation:
///
/// * titles and Latin abbreviations ("Mr.", "Gen.", "Sen.", "vs.", "e.g.")
///   never end one;
/// * "No." and "Nos." do not end one before a digit;
/// * "U.S.", "Inc.", "Jr.", "Jan.", "a.m.", other dotted initialisms
///   ("N.Y.", "J.R.R.") and single initials ("John F. Kennedy") end one only
///   when the next word is a capitalized function word such as "The", "It",
///   "He" or "But": "in the U.S. The next day" splits, "the U.S. Senate"
///   does not;
/// * "etc." follows the ordinary rules.
///
/// Line breaks depend on the shape of the text, decided once from its first
/// 8 KiB:
///
/// * In most news dumps one line holds one paragraph, heading, byline or
///   list item, so **every line break ends a sentence**.
/// * Text that looks hard-wrapped (many 40 to 100 byte lines that run on
///   into the next line without final punctuation, as in Reuters wire copy)
///   is treated as flowing text: a line break ends a sentence only before a
///   blank line, an indented line or a bullet (`•`, `- `, `* `, ...).
///
/// A blank line always ends a sentence. `\r\n` line endings are supported;
/// a lone `\r` is treated as ordinary whitespace.
///
/// # Example
///
/// ```
/// use gazetag::segment::sentences;
///
/// let text = "Gen. Lee met Mr. Smith in the U.S. The talks, held at 9 a.m. \
///             on Jan. 5, went well! \"Good,\" he said.\nNext line";
/// let got: Vec<&str> = sentences(text).map(|r| &text[r]).collect();
/// assert_eq!(got, vec![
///     "Gen. Lee met Mr. Smith in the U.S.",
///     "The talks, held at 9 a.m. on Jan. 5, went well!",
///     "\"Good,\" he said.",
///     "Next line",
/// ]);
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    sentences_judged(text, None)
}

/// [`sentences`], with whether `text` is hard-wrapped when the caller judged
/// it already (`Some(looks_hard_wrapped(text))`): the tagger's rules judge
/// it, and judging costs as much as finding a short text's sentences.
pub(crate) fn sentences_judged(text: &str, wrapped: Option<bool>) -> Sentences<'_> {
    Sentences {
        text,
        pos: 0,
        wrapped: wrapped.unwrap_or_else(|| looks_hard_wrapped(text)),
    }
}

/// Replaces the contents of `out` with the byte offsets at which the
/// sentences of `text` start, in increasing order.
///
/// This is the cheap way to ask whether a word is the first word of its
/// sentence: binary search the offsets. Reusing `out` across documents
/// avoids an allocation per document.
///
/// # Example
///
/// ```
/// use gazetag::segment::sentence_starts;
///
/// let text = "He left. Smith stayed.";
/// let mut starts = vec![];
/// sentence_starts(text, &mut starts);
/// assert_eq!(starts, vec![0, 9]);
/// assert!(starts.binary_search(&9).is_ok()); // "Smith" starts a sentence
/// ```
pub fn sentence_starts(text: &str, out: &mut Vec<usize>) {
    out.clear();
    out.extend(sentences(text).map(|r| r.start));
}

/// An iterator over sentence ranges, created by [`sentences`].
///
/// # Example
///
/// ```
/// use gazetag::segment::{sentences, Sentences};
///
/// let mut it: Sentences<'_> = sentences("Hi. Bye.");
/// assert_eq!(it.next(), Some(0..3));
/// assert_eq!(it.next(), Some(4..8));
/// assert_eq!(it.next(), None);
/// ```
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    pos: usize,
    /// Whether single line breaks are soft (see [`looks_hard_wrapped`]).
    wrapped: bool,
}

impl<'a> Iterator for Sentences<'a> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        loop {
            let start = skip_whitespace(self.text, self.pos);
            if start >= self.text.len() {
                self.pos = self.text.len();
                return None;
            }
            let (end, next) = find_boundary(self.text, start, self.wrapped);
            // Always make progress, whatever the rules decided.
            self.pos = next.max(start + 1).min(self.text.len());
            let end = trim_end(self.text, start, end);
            if end > start {
                return Some(start..end);
            }
        }
    }
}

impl<'a> FusedIterator for Sentences<'a> {}

impl Sentences<'_> {
    /// Moves the scan on to `line`, the text's start or the line after one
    /// of its hard line breaks ([`is_hard_break`]), unless it is there
    /// already: the sentences after a hard line break are the same whether
    /// the scan starts at the text's start or there, so a caller that only
    /// asks where sentences are from `line` on skips the scan of the text
    /// before it.
    pub(crate) fn skip_to_block(&mut self, line: usize) {
        self.pos = self.pos.max(line);
    }

    /// The start of the sentence that [`Iterator::next`] gives next, found
    /// without scanning for its end: a sentence starts at the first byte
    /// after the last boundary that is not white space (the sentence from
    /// such a byte is never empty). So a caller that asks where the sentence
    /// after a byte starts does not split that sentence too.
    pub(crate) fn next_start(&self) -> Option<usize> {
        let start = skip_whitespace(self.text, self.pos);
        (start < self.text.len()).then_some(start)
    }
}

/// Whether the line break at `i` ends a sentence whatever the text's shape
/// ([`line_break`] says so before a blank or indented line, wrapped or not).
fn is_hard_break(bytes: &[u8], i: usize) -> bool {
    bytes[i] == b'\n' && matches!(bytes.get(i + 1), Some(b' ' | b'\t' | b'\n'))
}

/// The offsets of the hard line breaks of `text` (see [`is_hard_break`]),
/// in order: no sentence crosses one, so a sentence lies in the lines
/// between the breaks around any of its bytes.
#[cfg(test)]
pub(crate) fn hard_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\n', bytes).filter(move |&i| is_hard_break(bytes, i))
}

/// The lines between the hard line breaks around the bytes `span` of
/// `text`, among which is no hard break: from after the last hard break
/// ([`is_hard_break`]) before `span` (or the start) to the first at or after
/// its end (or the end). The sentence of a byte in `span` lies in them.
/// Found by scanning out from `span`, not the whole text (and not `span`,
/// which a caller may know holds no hard break).
pub(crate) fn hard_block(text: &str, span: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let lo = memchr::memrchr_iter(b'\n', &bytes[..span.start])
        .find(|&i| is_hard_break(bytes, i))
        .map_or(0, |i| i + 1);
    let pos = span.end;
    let hi = memchr::memchr_iter(b'\n', &bytes[pos..])
        .map(|i| pos + i)
        .find(|&i| is_hard_break(bytes, i))
        .unwrap_or(bytes.len());
    lo..hi
}

/// The bytes at which the scanner must stop and look closer. Lead bytes of
/// multi-byte characters are included for `…` and U+2028/U+2029 (0xE2) and
/// for the CJK marks (0xE3, 0xEF); continuation bytes never are, so the
/// scanner only ever stops on a character boundary.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'\n' as usize] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// Returns the position of the first byte at or after `i` that is
/// [`SPECIAL`], or `bytes.len()`.
///
/// Eight bytes at a time, with the classic "has a zero byte" bit trick, for
/// as long as the text is ASCII: most bytes of English news are neither
/// punctuation nor line breaks, so this is where the splitter spends its
/// time. Any non-ASCII byte drops to the byte-at-a-time table lookup.
#[inline]
fn next_special(bytes: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    #[inline(always)]
    fn has_byte(x: u64, b: u8) -> bool {
        let v = x ^ (LO * u64::from(b));
        v.wrapping_sub(LO) & !v & HI != 0
    }
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = match <[u8; 8]>::try_from(chunk) {
            Ok(a) => u64::from_le_bytes(a),
            Err(_) => break,
        };
        if x & HI != 0
            || has_byte(x, b'.')
            || has_byte(x, b'\n')
            || has_byte(x, b'!')
            || has_byte(x, b'?')
        {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !SPECIAL[usize::from(bytes[i])] {
        i += 1;
    }
    i
}

/// The longest token, in bytes, checked against the abbreviation list. It
/// bounds the look-behind at each period, which keeps the scan linear.
const MAX_ABBREVIATION_LEN: usize = 16;

/// Finds the end of the sentence starting at `start`.
///
/// Returns the end of the sentence (before trimming) and the position at
/// which to look for the next one.
fn find_boundary(text: &str, start: usize, wrapped: bool) -> (usize, usize) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut i = start;
    loop {
        i = next_special(bytes, i);
        if i >= len {
            return (len, len);
        }
        if bytes[i] == b'\n' {
            if let Some(next) = line_break(text, i, wrapped) {
                return (i, next);
            }
            i += 1;
            continue;
        }
        let rest = &bytes[i..];
        if rest.starts_with("\u{2028}".as_bytes()) || rest.starts_with("\u{2029}".as_bytes()) {
            return (i, skip_whitespace(text, i + 3));
        }
        if terminal_len(bytes, i).0 == 0 {
            // Some other multi-byte character: step over its lead byte; the
            // continuation bytes are never special.
            i += 1;
            continue;
        }
        match after_terminal(text, start, i) {
            Ok(boundary) => return boundary,
            Err(resume) => i = resume,
        }
    }
}

/// Decides whether the terminal punctuation at `i` ends the sentence that
/// started at `start`.
///
/// Returns `Ok((end, next))` for a boundary, or `Err(resume)` with the
/// position from which scanning should continue. `resume` lies after the
/// whole punctuation run, so a long run such as "......" is examined once.
fn after_terminal(text: &str, start: usize, i: usize) -> Result<(usize, usize), usize> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut j = i;
    let mut cjk = false;
    loop {
        let (n, is_cjk) = terminal_len(bytes, j);
        if n == 0 {
            break;
        }
        cjk |= is_cjk;
        j += n;
    }
    let single_period = j == i + 1 && bytes[i] == b'.';
    let mut end = j;
    loop {
        let n = closer_len(bytes, end);
        if n == 0 {
            break;
        }
        end += n;
    }
    if end >= len {
        return Ok((len, len));
    }
    if whitespace_len(text, end) == 0 {
        // "3.5", "example.com", "?!)" glued to a word: not a boundary,
        // except in CJK text, which does not put spaces between sentences.
        return if cjk { Ok((end, end)) } else { Err(end) };
    }
    let mut k = end;
    let mut newlines = 0usize;
    loop {
        let w = whitespace_len(text, k);
        if w == 0 {
            break;
        }
        if bytes[k] == b'\n' {
            newlines += 1;
        }
        k += w;
    }
    if k >= len {
        return Ok((end, len));
    }
    if newlines >= 2 {
        // A blank line ends a sentence whatever precedes it.
        return Ok((end, k));
    }
    let next = match text.get(k..).and_then(|s| s.chars().next()) {
        Some(c) => c,
        None => return Err(end),
    };
    if !can_start_sentence(next) {
        // Resume right after the punctuation, so that a line break in the
        // whitespace is still judged by the line break rules.
        return Err(end);
    }
    if cjk || !single_period {
        return Ok((end, k));
    }
    match abbreviation_before(text, start, i) {
        None | Some(Kind::Ordinary) => Ok((end, k)),
        Some(Kind::Never) => Err(end),
        Some(Kind::BeforeNumber) if next.is_ascii_digit() => Err(end),
        Some(Kind::BeforeNumber) => Ok((end, k)),
        Some(Kind::Sometimes) if abbreviations::is_function_word(ascii_word_at(text, k)) => {
            Ok((end, k))
        }
        Some(Kind::Sometimes) => Err(end),
    }
}

/// Whether the line break at `i` of hard-wrapped text (see
/// [`looks_hard_wrapped`]) only wraps a line: the line before it runs on
/// (it is as long as wrapped lines are and does not end a sentence), and the
/// next line goes on with the same paragraph (it is neither blank, indented,
/// a bullet nor missing). A short line before a break was ended on purpose:
/// a dateline ("TOFTIR , Faroe Islands 1996-08-31"), a heading. But the
/// text's first line may be short, if not in capitals: wire copy whose
/// dateline was cut off starts mid-line ("Secretary of State George\n
/// Shultz acknowledged").
pub(crate) fn wraps_line(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |k| k + 1);
    let line = trim_ascii(&bytes[start..i]);
    let runs_on = if start == 0 {
        !line.is_empty()
            && line.len() <= *WRAPPED_LINE.end()
            && line.iter().any(u8::is_ascii_lowercase)
    } else {
        WRAPPED_LINE.contains(&line.len())
    };
    runs_on && (!is_closed(line) || ends_in_initial(line)) && line_break(text, i, true).is_none()
}

/// Whether a line ends in a name's initials ("Mark D.", "executive D.E."):
/// its period ends no sentence. Not "U.S.", "U.K.", "U.N.", which often do.
fn ends_in_initial(line: &[u8]) -> bool {
    let word = line.rsplit(|&c| c == b' ').next().unwrap_or(line);
    let initials = matches!(word.len(), 2 | 4)
        && word
            .chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p.get(1) == Some(&b'.'));
    initials && !matches!(word, b"U.S." | b"U.K." | b"U.N.")
}

/// Decides whether the line break at `i` ends a sentence; returns the start
/// of the next sentence if so.
fn line_break(text: &str, i: usize, wrapped: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut k = i + 1;
    let mut blank = false;
    loop {
        let w = whitespace_len(text, k);
        if w == 0 {
            break;
        }
        if bytes[k] == b'\n' {
            blank = true;
        }
        k += w;
    }
    if k >= bytes.len() || !wrapped || blank {
        return Some(k.min(bytes.len()));
    }
    let indented = matches!(bytes.get(i + 1), Some(b' ' | b'\t'));
    if indented || is_bullet(text, k) {
        return Some(k);
    }
    None
}

/// Returns the length of the sentence-final mark at `i` (0 if none), and
/// whether it is a CJK mark.
#[inline]
fn terminal_len(bytes: &[u8], i: usize) -> (usize, bool) {
    let rest = match bytes.get(i..) {
        Some(rest) if !rest.is_empty() => rest,
        _ => return (0, false),
    };
    match rest[0] {
        b'.' | b'!' | b'?' => (1, false),
        _ if rest.starts_with("…".as_bytes()) => (3, false),
        _ if ["。", "！", "？", "．"]
            .iter()
            .any(|m| rest.starts_with(m.as_bytes())) =>
        {
            (3, true)
        }
        _ => (0, false),
    }
}

/// Returns the length of the closing quote or bracket at `i`, or 0.
#[inline]
fn closer_len(bytes: &[u8], i: usize) -> usize {
    let rest = match bytes.get(i..) {
        Some(rest) if !rest.is_empty() => rest,
        _ => return 0,
    };
    if matches!(rest[0], b'"' | b'\'' | b')' | b']' | b'}') {
        return 1;
    }
    ["”", "’", "»", "›", "」", "』", "）"]
        .iter()
        .find(|m| rest.starts_with(m.as_bytes()))
        .map_or(0, |m| m.len())
}

/// Returns true if `c` may be the first character of a sentence.
fn can_start_sentence(c: char) -> bool {
    // Caseless letters (Hangul, Han, Arabic, ...) count as capitals.
    (c.is_alphabetic() && !c.is_lowercase())
        || c.is_numeric()
        || matches!(
            c,
            '"' | '\'' | '(' | '[' | '“' | '‘' | '«' | '¿' | '¡' | '「' | '『'
        )
}

/// Returns true if a bullet marker starts at `k`.
fn is_bullet(text: &str, k: usize) -> bool {
    let mut chars = match text.get(k..) {
        Some(s) => s.chars(),
        None => return false,
    };
    match chars.next() {
        Some('•' | '·' | '▪' | '►' | '‣' | '◦' | '●' | '■') => true,
        Some('-' | '*' | '–' | '—') => chars.next() == Some(' '),
        _ => false,
    }
}

/// Classifies the word that ends right before the period at `i`.
fn abbreviation_before(text: &str, start: usize, i: usize) -> Option<Kind> {
    let bytes = text.as_bytes();
    let lo = start.max(i.saturating_sub(MAX_ABBREVIATION_LEN));
    let mut a = i;
    while a > lo && (bytes[a - 1].is_ascii_alphabetic() || bytes[a - 1] == b'.') {
        a -= 1;
    }
    if a == i || bytes[a] == b'.' {
        return None;
    }
    if a > start {
        // The token must be a whole word: "5Mr." or "Ünc." are not
        // abbreviations, and neither is a word longer than the look-behind.
        let before = text.get(..a).and_then(|s| s.chars().next_back());
        if before.is_some_and(|c| c.is_alphanumeric() || c == '.') {
            return None;
        }
    }
    // The token is ASCII, so `a..i` lies on char boundaries.
    let token = text.get(a..i)?;
    if let Some(kind) = abbreviations::lookup(token) {
        return Some(kind);
    }
    if is_initialism(token) {
        return Some(Kind::Sometimes);
    }
    None
}

/// Returns true for "F" (an initial) and for dotted single letters such as
/// "U.S", "J.R.R" or "a.m" (the final period is not part of the token).
fn is_initialism(token: &str) -> bool {
    let b = token.as_bytes();
    if b.len() == 1 {
        return b[0].is_ascii_uppercase();
    }
    // Letters at even positions, periods at odd positions.
    b.len() % 2 == 1
        && b.iter().enumerate().all(|(n, &c)| {
            if n % 2 == 0 {
                c.is_ascii_alphabetic()
            } else {
                c == b'.'
            }
        })
}

/// Returns the run of ASCII letters at `k` (empty if longer than any
/// function word, which keeps the look-ahead bounded).
fn ascii_word_at(text: &str, k: usize) -> &str {
    let bytes = text.as_bytes();
    let n = bytes
        .get(k..)
        .unwrap_or(&[])
        .iter()
        .take(MAX_ABBREVIATION_LEN)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if n == MAX_ABBREVIATION_LEN {
        return "";
    }
    text.get(k..k + n).unwrap_or("")
}

/// How much of the text [`looks_hard_wrapped`] examines. Bounding it keeps
/// the decision cheap on long documents.
const WRAP_SAMPLE: usize = 8 * 1024;

/// Guesses whether `text` is hard-wrapped at a fixed width, like Reuters
/// wire copy, rather than holding one paragraph per line.
///
/// A line "runs on" when it is 40 to 100 bytes long ([`WRAPPED_LINE`]), does not end with
/// sentence-final punctuation, and the next line is neither blank nor
/// indented. The text counts as hard-wrapped when at least two lines and at
/// least a quarter of the non-blank lines of the sample run on.
pub(crate) fn looks_hard_wrapped(text: &str) -> bool {
    let bytes = &text.as_bytes()[..text.len().min(WRAP_SAMPLE)];
    let mut nonblank = 0usize;
    let mut run_on = 0usize;
    // The trimmed length of the previous line, if it could run on.
    let mut prev_open: Option<usize> = None;
    // The lines `split` would give, found with `memchr`: most of the
    // splitter's time on a short article went to this scan.
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    let mut start = 0;
    for end in ends {
        let line = &bytes[start..end];
        start = end + 1;
        let indented = matches!(line.first(), Some(b' ' | b'\t'));
        let trimmed = trim_ascii(line);
        if trimmed.is_empty() {
            prev_open = None;
            continue;
        }
        nonblank += 1;
        if let Some(n) = prev_open {
            if !indented && WRAPPED_LINE.contains(&n) {
                run_on += 1;
            }
        }
        prev_open = if is_closed(trimmed) {
            None
        } else {
            Some(trimmed.len())
        };
    }
    run_on >= 2 && run_on * 4 >= nonblank
}

/// The lengths in bytes of the lines of hard-wrapped text, but for the last
/// of each paragraph.
const WRAPPED_LINE: std::ops::RangeInclusive<usize> = 40..=100;

/// Whether a line (trimmed, not empty) ends with sentence-final
/// punctuation, maybe inside a closing quote or parenthesis.
fn is_closed(trimmed: &[u8]) -> bool {
    let last = trimmed[trimmed.len() - 1];
    matches!(last, b'.' | b'!' | b'?' | b':')
        || (matches!(last, b'"' | b'\'' | b')')
            && trimmed.len() >= 2
            && matches!(trimmed[trimmed.len() - 2], b'.' | b'!' | b'?'))
}

/// Trims ASCII whitespace from both ends (`<[u8]>::trim_ascii` needs a newer
/// compiler than this crate's minimum).
fn trim_ascii(mut b: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = b {
        if !first.is_ascii_whitespace() {
            break;
        }
        b = rest;
    }
    while let [rest @ .., last] = b {
        if !last.is_ascii_whitespace() {
            break;
        }
        b = rest;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Sentence starts found from the line after each hard break are those
    /// found from the text's start, and no sentence crosses a hard break;
    /// the block around each byte lies between the breaks around it.
    fn check_blocks(text: &str) {
        let breaks: Vec<usize> = hard_breaks(text).collect();
        for pos in 0..=text.len() {
            let k = breaks.partition_point(|&b| b < pos);
            let lo = if k == 0 { 0 } else { breaks[k - 1] + 1 };
            let hi = breaks.get(k).copied().unwrap_or(text.len());
            assert_eq!(hard_block(text, pos..pos), lo..hi, "{:?} at {}", text, pos);
        }
        let all: Vec<usize> = sentences(text).map(|r| r.start).collect();
        check_next_starts(sentences(text));
        for b in hard_breaks(text) {
            let mut from = sentences(text);
            from.skip_to_block(b + 1);
            check_next_starts(from.clone());
            let got: Vec<usize> = from.map(|r| r.start).collect();
            let want: Vec<usize> = all.iter().copied().filter(|&s| s > b).collect();
            assert_eq!(got, want, "{:?} from {}", text, b + 1);
            assert!(
                sentences(text).all(|r| r.end <= b || r.start > b),
                "{:?}",
                text
            );
        }
    }

    /// [`Sentences::next_start`] tells where each sentence `it` gives starts.
    fn check_next_starts(mut it: Sentences<'_>) {
        loop {
            let start = it.next_start();
            assert_eq!(start, it.next().map(|r| r.start), "{:?}", it.text);
            if start.is_none() {
                break;
            }
        }
    }

    #[test]
    fn hard_blocks_hold_whole_sentences() {
        for text in [
            "Showers continued throughout the week in\nthe Bahia cocoa zone.\n    The dry period means\nthe temporao will be late.\n\nNext paragraph. And more",
            "One line.\nTwo line\n\n  \n\tThree. Mr.\n    Smith left.\n",
            "\n\n  lead. x\n y\n\nz",
            "No breaks at all. Just sentences.",
        ] {
            check_blocks(text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn hard_blocks_match_the_splitter(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "the", "The", "Mr.", "U.S.", "end.", "why?", "\"Good,\"", "(yes.)", "…", "。", "\u{2029}", "\r\n",
                    "\n", "\n\n", "\n    ", "\n\t", " \n", "- item", "• item", "3.5", "Inc.", "x",
                    "a fairly long line of wrapped wire copy that runs on\n",
                ]),
                0..40,
            )
        ) {
            check_blocks(&words.join(" "));
        }
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn basics() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            (" \n\t\r\n ", &[]),
            ("One", &["One"]),
            ("One. Two! Three? Four", &["One.", "Two!", "Three?", "Four"]),
            ("Wait... What?! No.", &["Wait...", "What?!", "No."]),
            (
                "He said \"Stop.\" Then left.",
                &["He said \"Stop.\"", "Then left."],
            ),
            ("(It rained.) So what.", &["(It rained.)", "So what."]),
            (
                "“Go!” ‘Now.’ «Oui.» Fin",
                &["“Go!”", "‘Now.’", "«Oui.»", "Fin"],
            ),
            (
                "Rates hit 5. 2025 was worse.",
                &["Rates hit 5.", "2025 was worse."],
            ),
            (
                "It rose 3.5 pct. Shares fell.",
                &["It rose 3.5 pct.", "Shares fell."],
            ),
            ("See example.com. Bye.", &["See example.com.", "Bye."]),
            ("no break. lower case", &["no break. lower case"]),
            ("He left.\"Glued\" ok.", &["He left.\"Glued\" ok."]),
            ("End.   \n", &["End."]),
        ];
        for &(input, want) in cases {
            assert_eq!(split(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr. Smith and Mrs. Jones met Ms. Lee and Dr. Kim.", &[
                "Mr. Smith and Mrs. Jones met Ms. Lee and Dr. Kim.",
            ]),
            ("Gen. Lee, Lt. Dan, Col. Klink, Maj. Payne, Capt. Kirk, Adm. Byrd and Sgt. York.", &[
                "Gen. Lee, Lt. Dan, Col. Klink, Maj. Payne, Capt. Kirk, Adm. Byrd and Sgt. York.",
            ]),
            ("Sen. Warren, Rep. Ocasio, Gov. Newsom, Pres. Lincoln, Prof. X and St. Louis.", &[
                "Sen. Warren, Rep. Ocasio, Gov. Newsom, Pres. Lincoln, Prof. X and St. Louis.",
            ]),
            ("Apple Inc. Chief Tim Cook, Acme Corp. Boss, Foo Ltd. Shares, Dow Co. Ltd.", &[
                "Apple Inc. Chief Tim Cook, Acme Corp. Boss, Foo Ltd. Shares, Dow Co. Ltd.",
            ]),
            ("Martin Luther King Jr. Day and Bush Sr. Library.", &[
                "Martin Luther King Jr. Day and Bush Sr. Library.",
            ]),
            ("It was No. 1 and Nos. 2 and 3 in the list.", &[
                "It was No. 1 and Nos. 2 and 3 in the list.",
            ]),
            ("Smith vs. Jones, e.g. Paris, i.e. France.", &[
                "Smith vs. Jones, e.g. Paris, i.e. France.",
            ]),
            ("Apples, pears, etc. And then more.", &["Apples, pears, etc.", "And then more."]),
            ("Apples, pears, etc. are fruit.", &["Apples, pears, etc. are fruit."]),
            ("On Jan. 5, Feb. 6, Aug. 7, Sept. 11, Oct. 1, Nov. 2 and Dec. 3 it rained.", &[
                "On Jan. 5, Feb. 6, Aug. 7, Sept. 11, Oct. 1, Nov. 2 and Dec. 3 it rained.",
            ]),
            ("At 9 a.m. Monday and 5 p.m. Tuesday.", &["At 9 a.m. Monday and 5 p.m. Tuesday."]),
            ("The U.S. Senate, the U.K. Parliament and the U.N. Security Council met.", &[
                "The U.S. Senate, the U.K. Parliament and the U.N. Security Council met.",
            ]),
            // The documented exception: a function word after "U.S.".
            ("He arrived in the U.S. The next day he left.", &[
                "He arrived in the U.S.",
                "The next day he left.",
            ]),
            ("Talks with the U.K. It was long. It ended at 5 p.m. But why?", &[
                "Talks with the U.K.",
                "It was long.",
                "It ended at 5 p.m.",
                "But why?",
            ]),
            ("She works at Acme Inc. He does not.", &["She works at Acme Inc.", "He does not."]),
            ("In the U.S. 5 people died.", &["In the U.S. 5 people died."]),
            // A title before a function word still does not end a sentence.
            ("Ask Dr. The Expert.", &["Ask Dr. The Expert."]),
        ];
        for &(input, want) in cases {
            assert_eq!(split(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn initials() {
        let cases: &[(&str, &[&str])] = &[
            (
                "John F. Kennedy spoke. Then J.R.R. Tolkien wrote.",
                &["John F. Kennedy spoke.", "Then J.R.R. Tolkien wrote."],
            ),
            (
                "George W. Bush met Robert E. Lee in N.Y. City.",
                &["George W. Bush met Robert E. Lee in N.Y. City."],
            ),
            (
                "He chose plan B. The rest failed.",
                &["He chose plan B.", "The rest failed."],
            ),
            ("Vitamin C. Vitamin D.", &["Vitamin C. Vitamin D."]),
        ];
        for &(input, want) in cases {
            assert_eq!(split(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn line_breaks_one_paragraph_per_line() {
        let text = "Politics\n\nA Title Without Period\n\nRyan Bennett\nSenior Editor\n\
                    Updated\n  • First bullet.\n  • Second\nBody text. More text.\n";
        assert_eq!(
            split(text),
            vec![
                "Politics",
                "A Title Without Period",
                "Ryan Bennett",
                "Senior Editor",
                "Updated",
                "• First bullet.",
                "• Second",
                "Body text.",
                "More text.",
            ]
        );
        // CoNLL style: one sentence per line.
        let text = "EU rejects German call to boycott British lamb .\nPeter Blackburn\n\
                    BRUSSELS 1996-08-22\nThe European Commission said on Thursday .";
        assert_eq!(split(text).len(), 4);
        // Abbreviations do not glue lines together in this mode.
        assert_eq!(
            split("Talks with Mr.\nSmith"),
            vec!["Talks with Mr.", "Smith"]
        );
    }

    #[test]
    fn line_breaks_hard_wrapped() {
        let text = "Showers continued throughout the week in\n\
                    the Bahia cocoa zone, alleviating the drought since early\n\
                    January and improving prospects for the coming temporao,\n\
                    although normal humidity levels have not been restored,\n\
                    Comissaria Smith said in its weekly review.\n    \
                    The dry period means the temporao will be late this year.\n    \
                    Arrivals for the week ended February 22 were 155,221 bags\n\
                    of 60 kilos.\n    Shr 10 cts\n    Net 5 mln\n\nNew paragraph";
        assert!(looks_hard_wrapped(text));
        let got = split(text);
        assert_eq!(got.len(), 6, "{got:#?}");
        assert!(got[0].starts_with("Showers") && got[0].ends_with("weekly review."));
        assert_eq!(
            got[1],
            "The dry period means the temporao will be late this year."
        );
        assert!(got[2].starts_with("Arrivals") && got[2].ends_with("of 60 kilos."));
        assert_eq!(&got[3..], ["Shr 10 cts", "Net 5 mln", "New paragraph"]);
    }

    #[test]
    fn crlf() {
        let text = "First line.\r\nSecond line\r\n\r\nThird. Fourth.\r\n";
        assert_eq!(
            split(text),
            vec!["First line.", "Second line", "Third.", "Fourth."]
        );
    }

    #[test]
    fn unicode() {
        let cases: &[(&str, &[&str])] = &[
            (
                "안규백 국방부 장관이 말했다. 헤그세스 장관도 동의했다.",
                &["안규백 국방부 장관이 말했다.", "헤그세스 장관도 동의했다."],
            ),
            (
                "Café crème. Élan vital! Ça va?",
                &["Café crème.", "Élan vital!", "Ça va?"],
            ),
            (
                "Great news 🎉. 😀 Next. Über cool…\u{a0}Done",
                &["Great news 🎉. 😀 Next.", "Über cool…", "Done"],
            ),
            (
                "今日は晴れです。明日は雨！本当？はい",
                &["今日は晴れです。", "明日は雨！", "本当？", "はい"],
            ),
            ("Line one\u{2029}Line two", &["Line one", "Line two"]),
            ("a\u{2026}b — c’s “quoted”", &["a\u{2026}b — c’s “quoted”"]),
        ];
        for &(input, want) in cases {
            assert_eq!(split(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn nul_bytes_and_odd_input() {
        let cases: &[&str] = &[
            "\0",
            "\0. \0",
            "a.\0B",
            ".",
            "...",
            "!?",
            ". . .",
            "\u{feff}Hi.",
            "\u{2028}",
            "…",
            "。",
            "”",
            "Mr.",
            "U.S.",
            " U.S. The",
            "A. B. C.",
            "\n\n\n",
            "x\r",
            "\r\n\r\n",
            "•",
            "- ",
            "é.",
            "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q. The",
        ];
        for &input in cases {
            check_next_starts(sentences(input));
            let mut last = 0;
            for r in sentences(input) {
                assert!(
                    r.start >= last && r.start < r.end && r.end <= input.len(),
                    "{input:?}"
                );
                assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
                assert_eq!(input[r.clone()].trim(), &input[r.clone()], "{input:?}");
                last = r.end;
            }
        }
        assert_eq!(split("a\0b. \0c"), vec!["a\0b. \0c"]);
        assert_eq!(split("a\0b. C\0"), vec!["a\0b.", "C\0"]);
    }

    #[test]
    fn huge_lines() {
        let text = "a".repeat(1 << 20);
        assert_eq!(sentences(&text).collect::<Vec<_>>(), vec![0..1 << 20]);
        let text = ".".repeat(1 << 20);
        assert_eq!(sentences(&text).count(), 1);
        let text = "B. ".repeat(1 << 18);
        assert_eq!(sentences(&text).count(), 1);
        let text = "Go. ".repeat(1 << 18);
        assert_eq!(sentences(&text).count(), 1 << 18);
        let text = "\n".repeat(1 << 20);
        assert_eq!(sentences(&text).count(), 0);
        let text = "x\n".repeat(1 << 19);
        assert_eq!(sentences(&text).count(), 1 << 19);
    }

    #[test]
    fn starts() {
        let text = "  One. Two\nThree";
        let mut out = vec![99];
        sentence_starts(text, &mut out);
        assert_eq!(out, vec![2, 7, 11]);
        sentence_starts("", &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn next_special_matches_table() {
        let text = "abcdefghijklmnopq.rstuvwxyz 0123456789!ABCDEFGHIJ\nKLMNOPQRSTUVWX?é…。 end";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let want = (from..bytes.len())
                .find(|&i| SPECIAL[usize::from(bytes[i])])
                .unwrap_or(bytes.len());
            assert_eq!(next_special(bytes, from), want, "from {from}");
        }
    }

    #[test]
    fn initialism_shapes() {
        for t in ["F", "U.S", "J.R.R", "a.m", "N.Y"] {
            assert!(is_initialism(t), "{t}");
        }
        for t in ["", "f", "US", "U.S.", "Ph.D", "ab.c"] {
            assert!(!is_initialism(t), "{t}");
        }
    }

    /// Prints the throughput of `sentences` on the Reuters-21578 texts.
    ///
    /// Run with `cargo test --release -- --ignored throughput --nocapture`.
    #[test]
    #[ignore]
    fn throughput() {
        let path = "/work/shared/bench/reuters21578.jsonl";
        let data = match std::fs::read_to_string(path) {
            Ok(data) => data,
            Err(_) => return,
        };
        let texts: Vec<String> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        let mut best = f64::MAX;
        let mut count = 0;
        for _ in 0..5 {
            let now = std::time::Instant::now();
            count = texts.iter().map(|t| sentences(t).count()).sum::<usize>();
            best = best.min(now.elapsed().as_secs_f64());
        }
        println!(
            "sentences: {} texts, {:.1} MB, {} sentences, {:.0} MB/s",
            texts.len(),
            bytes as f64 / 1e6,
            count,
            bytes as f64 / 1e6 / best
        );
    }
}
