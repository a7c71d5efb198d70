/*!
Splitting a raw article dump into parts: section label, title, byline,
datelines, body and boilerplate.

The rules here are deliberately conservative. Much of the text that reaches
the tagger is not a scraped web page but clean wire copy or one sentence per
line corpora, and misreading a body line as boilerplate would silently drop
entities, while misreading boilerplate as body only costs a little noise. So
anything that is not clearly header material or clearly boilerplate is
[`PartKind::Body`].
*/

use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::swar::{ascii_digits, count_high, eq_byte, in_range, load_le, HIGH};

/// The kind of an article [`Part`].
///
/// Serialized as its lower-case name, e.g. `"byline"`.
///
/// # Example
///
/// ```
/// use gazetag::segment::PartKind;
///
/// assert!(PartKind::Title.is_tagged());
/// assert!(!PartKind::Boilerplate.is_tagged());
/// assert_eq!(PartKind::Dateline.as_str(), "dateline");
/// ```
#[derive(Clone, Copy, Debug, Eq, PartialEq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PartKind {
    /// A short section label above the title, such as "Politics".
    Section,
    /// The headline.
    Title,
    /// The author line ("By Jane Doe", or a name line followed by a role
    /// line such as "Senior Editor"), including that role line.
    Byline,
    /// A timestamp line ("Updated", "July 31, 2025 5:07 AM") or a wire
    /// service dateline ("SEOUL, July 31 (Yonhap) --").
    Dateline,
    /// Article text.
    Body,
    /// Text that is not part of the article: image placeholders, repeated
    /// promotional lines, subscription footers, truncated teasers.
    Boilerplate,
}

impl PartKind {
    /// Returns true if entities in parts of this kind should be tagged:
    /// everything except [`PartKind::Boilerplate`].
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::segment::PartKind;
    ///
    /// assert!(PartKind::Byline.is_tagged());
    /// assert!(!PartKind::Boilerplate.is_tagged());
    /// ```
    pub fn is_tagged(self) -> bool {
        !matches!(self, PartKind::Boilerplate)
    }

    /// Returns the lower-case name of this kind, as used when serializing.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::segment::PartKind;
    ///
    /// assert_eq!(PartKind::Boilerplate.as_str(), "boilerplate");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            PartKind::Section => "section",
            PartKind::Title => "title",
            PartKind::Byline => "byline",
            PartKind::Dateline => "dateline",
            PartKind::Body => "body",
            PartKind::Boilerplate => "boilerplate",
        }
    }
}

/// One part of an article, as found by [`parts`].
///
/// # Example
///
/// ```
/// use gazetag::segment::{parts, PartKind};
///
/// let text = "By Jane Doe, Reuters\nUpdated 2 hours ago\n\nThe body.";
/// let ps = parts(text);
/// assert_eq!(ps[0].kind, PartKind::Byline);
/// assert_eq!(&text[ps[0].name.clone().unwrap()], "Jane Doe");
/// ```
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Part {
    /// What this part is.
    pub kind: PartKind,
    /// The byte range of the part in the original text, trimmed of
    /// surrounding whitespace.
    pub span: Range<usize>,
    /// For a [`PartKind::Byline`], the range of the (first) author's name,
    /// when one was recognized. Always `None` for other kinds.
    pub name: Option<Range<usize>>,
}

/// Splits a raw article dump into its parts.
///
/// The parts are in text order and do not overlap. Together they cover every
/// non-whitespace byte of `text`: only whitespace between parts (line breaks,
/// blank lines, indentation, and the space after a wire dateline) is left
/// out. Consecutive lines of the same kind within one paragraph form one
/// part, so a body paragraph is one part; a blank line always starts a new
/// part.
///
/// # Rules
///
/// At the top of the text, in this order and each at most once:
///
/// * **Section**: a first line that is exactly a common section name
///   ("Politics", "World", "Business", ...).
/// * **Title**: the next line, if it has 3 to 30 words and either is
///   followed by a blank line and does not end with a period, or is
///   followed by a byline or a timestamp line.
/// * Then up to 8 header lines, each a **Byline** ("By Name ...", or a line
///   of 2 to 4 capitalized words followed by a role line like "Senior
///   Editor at large" or by a timestamp line; the role line joins the
///   byline), a timestamp **Dateline** ("Updated", "July 31, 2025 5:07 AM",
///   "3 hours ago", "BRUSSELS 1996-08-22") or a placeholder.
///
/// Everywhere, a line is **Boilerplate** if it is
///
/// * an image or ad placeholder: "News Image", "CTA Image", "Image",
///   "Photo", "Advertisement", "Getty Images", ...;
/// * a subscription or copyright footer: "Sign up for ...", "Subscribe ...",
///   "Follow us on ...", "... All rights reserved ...", "© ...";
/// * a short line (at most 40 bytes, no digits, no final `.`, `!` or `?`)
///   occurring at least 3 times that contains a promotional word such as "image", "video", "ad",
///   "subscribe" or "read". Repeated lines without such a word ("Division
///   two" in a results table) stay Body.
///
/// A paragraph that ends by cutting a word short with "..." or "…" ("the
/// South K...") is a truncated teaser, and Boilerplate, if its opening
/// reappears later in the text, or if it is the first body paragraph of a
/// dump with a detected title or byline and most of its capitalized words
/// reappear later.
///
/// The first body line may start with a wire dateline ("SEOUL, July 31
/// (Yonhap) --", "WASHINGTON (Reuters) -", "BRUSSELS 1996-08-22"), reported
/// as a Dateline part covering just that prefix.
///
/// Everything else is Body.
///
/// # Example
///
/// ```
/// use gazetag::segment::{parts, PartKind};
///
/// let text = "\
/// World
///
/// Leaders Meet in Seoul
///
/// By Jane Doe
///
/// SEOUL, July 31 (Yonhap) -- Leaders met on Thursday.
/// CTA Image
/// ";
/// let got: Vec<(PartKind, &str)> =
///     parts(text).into_iter().map(|p| (p.kind, &text[p.span])).collect();
/// assert_eq!(got, vec![
///     (PartKind::Section, "World"),
///     (PartKind::Title, "Leaders Meet in Seoul"),
///     (PartKind::Byline, "By Jane Doe"),
///     (PartKind::Dateline, "SEOUL, July 31 (Yonhap) --"),
///     (PartKind::Body, "Leaders met on Thursday."),
///     (PartKind::Boilerplate, "CTA Image"),
/// ]);
/// ```
pub fn parts(text: &str) -> Vec<Part> {
    let mut out = Vec::new();
    parts_into(text, &mut out);
    out
}

/// [`parts`], into `out` (cleared first).
pub(crate) fn parts_into(text: &str, out: &mut Vec<Part>) {
    out.clear();
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => {
            let (lines, labels) = &mut *s;
            parts_with(text, lines, labels, out)
        }
        Err(_) => parts_with(text, &mut Vec::new(), &mut Vec::new(), out),
    })
}

thread_local! {
    /// The lines of the last text and their labels: buffers reused from
    /// text to text (growing them anew cost three allocations a text).
    static SCRATCH: RefCell<(Vec<Line>, Vec<Label>)> = RefCell::default();
}

/// [`parts`], with buffers for the lines and their labels, appended to
/// `out`.
fn parts_with(text: &str, lines: &mut Vec<Line>, labels: &mut Vec<Label>, out: &mut Vec<Part>) {
    split_lines(text, lines);
    let lines = &lines[..];
    let n = lines.len();
    let line = |i: usize| -> &str { text.get(lines[i].span.clone()).unwrap_or("") };
    labels.clear();
    labels.resize(n, Label::Body);

    // The header: section, title, then bylines, timestamps and placeholders.
    let mut h = 0;
    let mut is_dump = false;
    if n >= 2 && is_section(line(0)) {
        labels[0] = Label::Section;
        h = 1;
    }
    let mut stamps = Stamps::default();
    if h + 1 < n && is_title(text, lines, h, &mut stamps) {
        labels[h] = Label::Title;
        is_dump = true;
        h += 1;
    }
    let header_limit = h + 8;
    let mut byline_seen = false;
    while h < n && h < header_limit {
        let t = line(h);
        if is_placeholder(t) {
            labels[h] = Label::Boilerplate;
            h += 1;
            continue;
        }
        if !byline_seen {
            if let Some(name) = byline_at(text, lines, h, &mut stamps) {
                labels[h] = Label::Byline(name);
                byline_seen = true;
                is_dump = true;
                h += 1;
                if h < n && lines[h].para == lines[h - 1].para && is_role(line(h)) {
                    labels[h] = Label::BylineRole;
                    h += 1;
                }
                continue;
            }
        }
        // A wire dateline followed by text opens the body instead.
        let opens_body = wire_dateline(t).is_some_and(|len| len < t.len());
        if stamps.at(text, lines, h) && !opens_body {
            labels[h] = Label::Dateline;
            h += 1;
            continue;
        }
        break;
    }

    // The rest: boilerplate lines among the body.
    // Short lines, sorted, to count repeats (no hashing: few lines are short),
    // gathered at the first promotional line: most texts have none.
    let mut short: Option<Vec<&str>> = None;
    let mut count = |t: &str| -> usize {
        let short = short.get_or_insert_with(|| {
            let mut short: Vec<&str> = (0..n)
                .map(line)
                .filter(|t| t.len() <= MAX_PROMO_LEN)
                .collect();
            short.sort_unstable();
            short
        });
        let lo = short.partition_point(|s| *s < t);
        let hi = short.partition_point(|s| *s <= t);
        hi - lo
    };
    // A line holds "all rights reserved" only if the text does: one search
    // of the text instead of one per line (most texts have none).
    let rights = rights_reserved(text);
    for (l, label) in lines.iter().zip(labels.iter_mut()).skip(h) {
        if !may_be_boilerplate(text, &l.span, rights) {
            continue;
        }
        let t = text.get(l.span.clone()).unwrap_or("");
        let repeated = t.len() <= MAX_PROMO_LEN && is_promo(t) && count(t) >= 3;
        if is_placeholder(t) || is_footer_in(t, rights) || repeated {
            *label = Label::Boilerplate;
        }
    }
    mark_teasers(text, lines, labels, h, is_dump);

    // A wire dateline opening the first body line.
    let wire = (h..n)
        .find(|&i| labels[i] == Label::Body)
        .and_then(|i| wire_dateline(line(i)).map(|len| (i, lines[i].span.start + len)));

    assemble(text, lines, labels, wire, out)
}

/// A non-blank line, trimmed, with the index of its paragraph.
#[derive(Clone, Debug)]
struct Line {
    span: Range<usize>,
    /// Increases at every blank line, so lines of one paragraph share it.
    para: usize,
}

/// What a line was recognized as.
#[derive(Clone, Debug, Eq, PartialEq)]
enum Label {
    Section,
    Title,
    Byline(Option<Range<usize>>),
    /// A role line ("Senior Editor at large") that joins the byline above.
    BylineRole,
    Dateline,
    Body,
    Boilerplate,
}

/// Splits `text` into trimmed non-blank lines, into `lines` (cleared first).
fn split_lines(text: &str, lines: &mut Vec<Line>) {
    lines.clear();
    let mut para = 0;
    let mut offset = 0;
    // The pieces `split('\n')` gives, found with `memchr` (vectorized; the
    // standard library's search goes a word at a time).
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    for end in ends {
        let span = trimmed(text, offset..end);
        if span.is_empty() {
            // Count a blank line once, however many follow each other.
            if lines.last().is_some_and(|l: &Line| l.para == para) {
                para += 1;
            }
        } else {
            lines.push(Line { span, para });
        }
        offset = end + 1;
    }
}

/// The span of the line `text[line]` trimmed as `str::trim` trims it.
/// ASCII ends are trimmed a byte at a time (the standard library's trim
/// decodes a char at each end, and every line of every text is trimmed),
/// on the bytes: slicing the `str` would check char boundaries, and the
/// line's ends are ones (at a '\n' or an end of `text`). An end that is
/// not ASCII may be Unicode white space, and is left to `str::trim`.
fn trimmed(text: &str, line: Range<usize>) -> Range<usize> {
    let ws = |c: &u8| matches!(c, b'\t'..=b'\r' | b' ');
    let b = &text.as_bytes()[line.clone()];
    let lo = b.iter().position(|c| !ws(c)).unwrap_or(b.len());
    let hi = b.iter().rposition(|c| !ws(c)).map_or(lo, |k| k + 1);
    match (b.get(lo), b.get(hi.wrapping_sub(1))) {
        (Some(&f), Some(&l)) if f >= 0x80 || l >= 0x80 => {
            let raw = &text[line.clone()];
            let start = line.start + raw.len() - raw.trim_start().len();
            start..start + raw.trim().len()
        }
        _ => line.start + lo..line.start + hi,
    }
}

/// Turns line labels into parts, merging neighbours of the same kind.
fn assemble(
    text: &str,
    lines: &[Line],
    labels: &[Label],
    wire: Option<(usize, usize)>,
    out: &mut Vec<Part>,
) {
    // The paragraph of the last part and whether lines may join it (only
    // the last is ever joined: no list of these to copy from).
    let mut last_para = (0, false);
    let mut push = |kind, span: Range<usize>, name, para, joinable: bool, joins: bool| {
        if let Some(last) = out.last_mut() {
            let (para_of_last, last_joinable) = last_para;
            if joins && last_joinable && last.kind == kind && para_of_last == para {
                last.span.end = span.end;
                return;
            }
        }
        out.push(Part { kind, span, name });
        last_para = (para, joinable);
    };
    for (i, (l, label)) in lines.iter().zip(labels).enumerate() {
        let span = l.span.clone();
        match (label, wire) {
            (Label::Body, Some((w, end))) if w == i => {
                let start = super::skip_whitespace(text, end);
                push(
                    PartKind::Dateline,
                    span.start..end,
                    None,
                    l.para,
                    false,
                    false,
                );
                if start < span.end {
                    push(PartKind::Body, start..span.end, None, l.para, true, false);
                }
            }
            (Label::Section, _) => push(PartKind::Section, span, None, l.para, false, false),
            (Label::Title, _) => push(PartKind::Title, span, None, l.para, false, false),
            (Label::Byline(name), _) => {
                push(PartKind::Byline, span, name.clone(), l.para, true, false)
            }
            (Label::BylineRole, _) => push(PartKind::Byline, span, None, l.para, false, true),
            (Label::Dateline, _) => push(PartKind::Dateline, span, None, l.para, true, true),
            (Label::Body, _) => push(PartKind::Body, span, None, l.para, true, true),
            (Label::Boilerplate, _) => push(PartKind::Boilerplate, span, None, l.para, true, true),
        }
    }
}

/// Section labels, compared case-insensitively with the whole line.
const SECTIONS: &[&str] = &[
    "africa",
    "americas",
    "analysis",
    "arts",
    "asia",
    "business",
    "climate",
    "crime",
    "culture",
    "defense",
    "economy",
    "education",
    "energy",
    "entertainment",
    "environment",
    "europe",
    "finance",
    "health",
    "lifestyle",
    "local",
    "markets",
    "media",
    "middle east",
    "money",
    "nation",
    "national",
    "news",
    "opinion",
    "politics",
    "science",
    "security",
    "sport",
    "sports",
    "tech",
    "technology",
    "travel",
    "u.s.",
    "us",
    "us news",
    "weather",
    "world",
    "world news",
];

/// Image, video and ad placeholders, compared case-insensitively with the
/// whole line (a trailing colon ignored).
const PLACEHOLDERS: &[&str] = &[
    "ad",
    "advertisement",
    "cta image",
    "getty images",
    "image",
    "images",
    "news image",
    "photo",
    "photos",
    "read more",
    "share",
    "share this article",
    "skip advertisement",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "video",
];

/// Words that mark a repeated short line as promotional.
const PROMO_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advertisement",
    "app",
    "banner",
    "click",
    "cta",
    "download",
    "image",
    "images",
    "listen",
    "newsletter",
    "photo",
    "photos",
    "promo",
    "promoted",
    "read",
    "share",
    "sponsored",
    "subscribe",
    "tap",
    "video",
    "watch",
];

/// Words that make a line an author's role line.
const ROLE_WORDS: &[&str] = &[
    "analyst",
    "anchor",
    "author",
    "bureau",
    "chief",
    "columnist",
    "contributor",
    "correspondent",
    "critic",
    "editor",
    "freelance",
    "journalist",
    "photographer",
    "producer",
    "reporter",
    "staff",
    "writer",
];

/// Capitalized words that do not occur in a person's name line.
const NOT_NAME: &[&str] = &[
    "advertisement",
    "and",
    // Months and days, but the months that are also given names ("June"):
    // "Pay April Six" over "Record March 16" is a dividend table.
    "january",
    "february",
    "march",
    "april",
    "july",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "breaking",
    "by",
    "exclusive",
    "for",
    "how",
    "image",
    "in",
    "live",
    "news",
    "of",
    "photo",
    "posted",
    "press",
    "published",
    "the",
    "updated",
    "video",
    "what",
    "why",
];

/// Lower-case particles allowed inside a name ("Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "di", "dos", "du", "la", "le", "van", "von",
];

/// Repeated lines longer than this are never treated as promotional.
const MAX_PROMO_LEN: usize = 40;

/// Lines longer than this are never placeholders.
const MAX_PLACEHOLDER_LEN: usize = 40;

/// Lines longer than this are never footers.
const MAX_FOOTER_LEN: usize = 300;

fn contains_ci(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The words of a line split at non-alphanumeric characters.
fn alnum_words(t: &str) -> impl Iterator<Item = &str> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn is_section(t: &str) -> bool {
    t.len() <= 30 && contains_ci(SECTIONS, t)
}

/// Inlined: every line is asked, and most are out at the first tests (a
/// call cost as much as they do).
#[inline(always)]
fn is_placeholder(t: &str) -> bool {
    // Every placeholder starts with one of these letters, in either case:
    // most short lines are out at their first byte.
    let initial = t.as_bytes().first().map(|c| c | 0x20);
    t.len() <= MAX_PLACEHOLDER_LEN
        && matches!(
            initial,
            Some(b'a' | b'c' | b'g' | b'i' | b'n' | b'p' | b'r' | b's' | b'v')
        )
        && is_listed_placeholder(t)
}

/// Whether `t` is one of [`PLACEHOLDERS`] (a trailing colon ignored).
#[inline(never)]
fn is_listed_placeholder(t: &str) -> bool {
    contains_ci(PLACEHOLDERS, t.strip_suffix(':').unwrap_or(t).trim_end())
}

fn is_footer(t: &str) -> bool {
    is_footer_in(t, true)
}

/// [`is_footer`] for a line of a text: `text_rights` is false when the
/// text holds no "all rights reserved" (see [`rights_reserved`]), so that
/// the line need not be searched. Inlined, as [`is_placeholder`].
#[inline(always)]
fn is_footer_in(t: &str, text_rights: bool) -> bool {
    if t.len() > MAX_FOOTER_LEN {
        return false;
    }
    let first = t.as_bytes().first().copied().unwrap_or(0);
    (may_start_footer(first) && footer_prefix(t)) || (text_rights && rights_reserved(t))
}

/// Whether a line starting with byte `first` may start with a footer
/// prefix: every one starts with 's', 'f' or 'c' in either case, or with
/// '©' (0xC2 0xA9), so most lines are out at their first byte.
fn may_start_footer(first: u8) -> bool {
    matches!(first | 0x20, b's' | b'f' | b'c') || first == 0xC2
}

/// False for a line `text[span]` (not empty) that [`is_placeholder`],
/// [`is_footer_in`] (with `text_rights`) and [`is_promo`] all turn down
/// for its length and first byte: most lines, decided without slicing the
/// text for them (a check of char boundaries each).
fn may_be_boilerplate(text: &str, span: &Range<usize>, text_rights: bool) -> bool {
    let len = span.len();
    len <= MAX_PLACEHOLDER_LEN.max(MAX_PROMO_LEN)
        || (len <= MAX_FOOTER_LEN && (text_rights || may_start_footer(text.as_bytes()[span.start])))
}

/// Whether `t` starts like a subscription or copyright footer. Only the
/// prefixes of its first byte are compared: a line starting with 's' is
/// asked about "subscribe" and "sign up", not about all eight (a tenth of
/// all lines start with one of these letters).
#[inline(never)]
fn footer_prefix(t: &str) -> bool {
    match t.as_bytes().first().map(|c| c | 0x20) {
        Some(b's') => {
            let subscribe = starts_with_ci(t, "subscribe")
                && !t["subscribe".len()..].starts_with(|c: char| c.is_alphabetic());
            subscribe || starts_with_ci(t, "sign up for ") || starts_with_ci(t, "sign up to ")
        }
        Some(b'f') => starts_with_ci(t, "follow us on ") || starts_with_ci(t, "follow us:"),
        Some(b'c') => starts_with_ci(t, "copyright ©") || starts_with_ci(t, "copyright (c)"),
        _ => t.starts_with('©'),
    }
}

/// "All rights reserved" in any case. Every line of every document is asked,
/// so a SIMD search for the word's rare letter comes first.
#[inline(never)]
fn rights_reserved(t: &str) -> bool {
    const PHRASE: &[u8] = b"all rights reserved";
    const V: usize = 16; // where the rare letter is in the phrase
    let b = t.as_bytes();
    // Most lines have a 'v' somewhere; only the window around each one is
    // compared, where the byte before is the phrase's ('r' in either case:
    // most 'v's are out there).
    memchr::memchr2_iter(b'v', b'V', b).any(|p| {
        p >= V
            && b[p - 1] | 0x20 == b'r'
            && b.get(p - V..p - V + PHRASE.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(PHRASE))
    })
}

/// Whether `t` is a short line (at most [`MAX_PROMO_LEN`] bytes) without
/// an ASCII digit or a final `.`, `!` or `?` that holds one of
/// [`PROMO_WORDS`] among its words ([`alnum_words`]).
fn is_promo(t: &str) -> bool {
    if t.len() > MAX_PROMO_LEN || t.ends_with(['.', '!', '?']) {
        return false;
    }
    if t.is_ascii() {
        return ascii_promo_without_digits(t.as_bytes());
    }
    !t.bytes().any(|b| b.is_ascii_digit()) && alnum_words(t).any(|w| contains_ci(PROMO_WORDS, w))
}

/// [`is_promo`]'s digit and word tests of an ASCII line, in one pass over
/// it eight bytes at a time (every short line is asked; testing for digits
/// and splitting a byte at a time cost half as much again). Without
/// digits, its alphanumeric characters are its letters, so its words end
/// at the other bytes.
fn ascii_promo_without_digits(b: &[u8]) -> bool {
    let mut found = false;
    let mut start = 0;
    for (k, chunk) in b.chunks(8).enumerate() {
        let x = load_le(chunk);
        if ascii_digits(x) != 0 {
            return false;
        }
        // (Only a letter's byte is a lower-case letter's once `| 0x20`
        // lowers it.)
        let letters = in_range(x | 0x2020_2020_2020_2020, b'a', b'z');
        let mut word_ends = !letters & HIGH >> (64 - 8 * chunk.len());
        while word_ends != 0 && !found {
            let end = 8 * k + (word_ends.trailing_zeros() / 8) as usize;
            found = is_promo_word(&b[start..end]);
            start = end + 1;
            word_ends &= word_ends - 1;
        }
    }
    found || is_promo_word(&b[start..])
}

/// Whether ASCII word `w` is one of [`PROMO_WORDS`] in some case.
fn is_promo_word(w: &[u8]) -> bool {
    // Most words have no promo word of their length, initial and last
    // letter: they are turned away without a scan of the list ("the", with
    // the initial of "tap", by its last letter).
    may_be_listed(&PROMO_INITIALS, w, w.first())
        && may_be_listed(&PROMO_FINALS, w, w.last())
        && PROMO_WORDS
            .iter()
            .any(|p| p.as_bytes().eq_ignore_ascii_case(w))
}

/// Per length (up to 15 bytes), a bit for the first letter (with `last`,
/// the last) of each word of `lists` of that length (`a` the lowest). The
/// words are lower-case ASCII and start (with `last`, end) with a letter.
const fn letters(lists: &[&[&str]], last: bool) -> [u32; 16] {
    let mut bits = [0; 16];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let w = lists[l][i].as_bytes();
            let c = if last { w[w.len() - 1] } else { w[0] };
            assert!(w.len() < 16 && c.is_ascii_lowercase());
            bits[w.len()] |= 1 << (c - b'a');
            i += 1;
        }
        l += 1;
    }
    bits
}

/// Whether a word of the lists of `letters` (see [`letters`]) may be `w`
/// in some ASCII case: one of them has its length and `letter`, the byte
/// of `w` in the place (first or last) that `letters` keeps.
fn may_be_listed(letters: &[u32; 16], w: &[u8], letter: Option<&u8>) -> bool {
    // (Only a letter's byte is a letter's once `| 0x20` lowers it.)
    let letter = letter.map_or(0, |b| b | 0x20).wrapping_sub(b'a');
    letters
        .get(w.len())
        .is_some_and(|&bits| letter < 26 && bits >> letter & 1 == 1)
}

/// The initials (see [`letters`]) of [`PROMO_WORDS`].
const PROMO_INITIALS: [u32; 16] = letters(&[PROMO_WORDS], false);

/// The last letters (see [`letters`]) of [`PROMO_WORDS`].
const PROMO_FINALS: [u32; 16] = letters(&[PROMO_WORDS], true);

/// The initials (see [`letters`]) of the words that are no name's.
const NOT_NAME_INITIALS: [u32; 16] = letters(&[NOT_NAME, SECTIONS, ROLE_WORDS, PROMO_WORDS], false);

fn is_role(t: &str) -> bool {
    t.len() <= 80
        && !t.ends_with('.')
        && at_most_words(t, 8)
        && alnum_words(t).any(|w| contains_ci(ROLE_WORDS, w))
}

/// Returns true for a word that can be part of a personal name.
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let first_upper = chars.next().is_some_and(|c| c.is_uppercase());
    first_upper
        && w.chars().count() <= 24
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !(may_be_listed(&NOT_NAME_INITIALS, w.as_bytes(), w.as_bytes().first())
            && (contains_ci(NOT_NAME, w)
                || contains_ci(SECTIONS, w)
                || contains_ci(ROLE_WORDS, w)
                || contains_ci(PROMO_WORDS, w)))
}

/// Returns true for a line of 2 to 4 words that looks like a person's name.
fn is_name_line(t: &str) -> bool {
    if t.len() > 50 {
        return false;
    }
    // The words in an array, not a `Vec`: this runs for most short lines.
    let mut words = [""; 4];
    let n = match words_into(t, &mut words) {
        Some(n) if n >= 2 => n,
        _ => return false,
    };
    let last = n - 1;
    words[..n]
        .iter()
        .enumerate()
        .all(|(i, w)| is_name_word(w) || (i != 0 && i != last && NAME_PARTICLES.contains(w)))
}

/// The words of `t` (as `split_whitespace` gives them) put in `into`, and
/// how many; `None` when there are more. An ASCII line is split a byte at a
/// time, without decoding chars, unless it holds a vertical tab (white
/// space that `split_ascii_whitespace` keeps in a word).
fn words_into<'t>(t: &'t str, into: &mut [&'t str]) -> Option<usize> {
    fn fill<'t>(words: impl Iterator<Item = &'t str>, into: &mut [&'t str]) -> Option<usize> {
        let mut n = 0;
        for w in words {
            *into.get_mut(n)? = w;
            n += 1;
        }
        Some(n)
    }
    if t.is_ascii() && !t.as_bytes().contains(&0x0b) {
        fill(t.split_ascii_whitespace(), into)
    } else {
        fill(t.split_whitespace(), into)
    }
}

/// Recognizes a byline starting at line `i`; returns the name's range.
fn byline_at(
    text: &str,
    lines: &[Line],
    i: usize,
    stamps: &mut Stamps,
) -> Option<Option<Range<usize>>> {
    let span = lines[i].span.clone();
    let t = text.get(span.clone())?;
    if let Some(name) = by_line(t) {
        return Some(name.map(|r| span.start + r.start..span.start + r.end));
    }
    let next = lines.get(i + 1)?;
    let next_text = text.get(next.span.clone())?;
    // The line's own shape first: it rules out nearly every line, and
    // costs less than the role and timestamp tests of the next.
    let followed = next.para == lines[i].para
        && is_name_line(t)
        && (is_role(next_text) || stamps.at(text, lines, i + 1));
    if followed {
        return Some(Some(span));
    }
    None
}

/// Recognizes "By Jane Doe, Reuters"; returns the name's range in `t`, if
/// it has at least two words.
fn by_line(t: &str) -> Option<Option<Range<usize>>> {
    if t.len() > 120 || !(t.starts_with("By ") || t.starts_with("BY ")) {
        return None;
    }
    let mut name: Option<Range<usize>> = None;
    let mut count = 0;
    let mut offset = 3;
    for raw in t[3..].split(' ') {
        let at = offset;
        offset += raw.len() + 1;
        if raw.is_empty() {
            continue;
        }
        let w = raw.trim_end_matches([',', ';', '|', ':']);
        let word_ok = is_name_word(w) || (count > 0 && NAME_PARTICLES.contains(&w));
        if !word_ok || count == 4 {
            break;
        }
        count += 1;
        let end = at + w.len();
        name = Some(name.map_or(at..end, |r| r.start..end));
        if w.len() != raw.len() {
            break;
        }
    }
    if count == 0 {
        return None;
    }
    Some(name.filter(|_| count >= 2))
}

fn is_title(text: &str, lines: &[Line], i: usize, stamps: &mut Stamps) -> bool {
    let t = text.get(lines[i].span.clone()).unwrap_or("");
    let shaped = t.len() <= 250
        && (3..=30).contains(&word_count(t))
        && t.chars().any(char::is_alphabetic)
        && by_line(t).is_none()
        && !stamps.at(text, lines, i)
        && !is_footer(t);
    if !shaped {
        return false;
    }
    let next = &lines[i + 1];
    let blank_after = next.para != lines[i].para;
    (blank_after && !t.ends_with('.'))
        || byline_at(text, lines, i + 1, stamps).is_some()
        || (!blank_after && stamps.at(text, lines, i + 1))
}

/// Compiles the patterns of this module now, not in the first [`parts`]
/// call: the tagger's build does it, so that the first document does not
/// wait for them (tens of milliseconds).
pub(crate) fn prepare() {
    timestamp_pattern();
    dateline_pattern();
}

/// `t.split_whitespace().count() <= n`, counted as [`word_count`] does.
fn at_most_words(t: &str, n: usize) -> bool {
    if !t.is_ascii() {
        return t.split_whitespace().nth(n).is_none();
    }
    ascii_word_count(t.as_bytes()) <= n
}

/// `t.split_whitespace().count()`. ASCII text (the callers' lines are
/// short) is counted eight bytes at a time: the word starts of a word at
/// once, where the standard library decodes a char at a time (that cost
/// more than the pattern search after).
fn word_count(t: &str) -> usize {
    if !t.is_ascii() {
        return t.split_whitespace().count();
    }
    ascii_word_count(t.as_bytes())
}

/// The words of ASCII `b`, split at white space as `split_whitespace`
/// splits.
fn ascii_word_count(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(8);
    let mut words = 0;
    // Whether the byte before is white space (or the start).
    let mut after_space = true;
    for chunk in &mut chunks {
        let x = load_le(chunk);
        let space = in_range(x, b'\t', b'\r') | eq_byte(x, b' ');
        let starts = !space & HIGH & (space << 8 | u64::from(after_space) << 7);
        words += count_high(starts);
        after_space = space >> 63 == 1;
    }
    for &c in chunks.remainder() {
        let space = matches!(c, b'\t'..=b'\r' | b' ');
        words += usize::from(!space && after_space);
        after_space = space;
    }
    words
}

/// [`is_timestamp`] of the header's lines, each judged once: the title
/// test asks about the first two lines and the header's loop about the
/// same ones again (a pattern search each).
#[derive(Default)]
struct Stamps([Option<bool>; 12]);

impl Stamps {
    /// Whether line `i` is a timestamp.
    fn at(&mut self, text: &str, lines: &[Line], i: usize) -> bool {
        let t = || text.get(lines[i].span.clone()).unwrap_or("");
        match self.0.get_mut(i) {
            Some(slot) => *slot.get_or_insert_with(|| is_timestamp(t())),
            None => is_timestamp(t()),
        }
    }
}

fn is_timestamp(t: &str) -> bool {
    t.len() <= 80 && may_be_timestamp(t) && at_most_words(t, 8) && timestamp_pattern().is_match(t)
}

/// False for lines that [`timestamp_pattern`] cannot match, decided
/// without it: every branch but the first two needs a digit, the first
/// starts with one of its words and the second ends with "ago". A byte
/// that is not ASCII leaves it to the pattern (`\d` and case folding are
/// Unicode's). Most header lines are prose, out here.
fn may_be_timestamp(t: &str) -> bool {
    let b = t.as_bytes();
    matches!(
        b.first().map(|c| c | 0x20),
        Some(b'l' | b'u' | b'p' | b'm' | b'f')
    ) || (b.len() >= 3 && b[b.len() - 3..].eq_ignore_ascii_case(b"ago"))
        || has_digit_or_non_ascii(b)
}

/// Whether `b` holds an ASCII digit or a byte that is not ASCII, looked at
/// eight bytes at a time: a prose line has neither, and is read to its end
/// (a byte at a time, that cost three times as much).
fn has_digit_or_non_ascii(b: &[u8]) -> bool {
    b.chunks(8).any(|chunk| {
        let x = load_le(chunk);
        (ascii_digits(x) | (x & HIGH)) != 0
    })
}

fn timestamp_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?xi)
            ^(?:last\s+)?(?:updated|published|posted|modified|first\s+published)\b
            | \bago$
            | \b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?
                 |aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)
              \.?\s+\d{1,2}\b
            | \b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b
            | \b\d{4}-\d{2}-\d{2}\b
            | \b\d{1,2}/\d{1,2}/\d{2,4}\b
            | \b\d{1,2}:\d{2}\b",
        )
        .expect("the timestamp pattern is valid")
    })
}

/// Returns the length of a wire service dateline at the start of `t`.
fn wire_dateline(t: &str) -> Option<usize> {
    if !may_be_dateline(t) {
        return None;
    }
    let m = dateline_pattern().find(t)?;
    let after = &t[m.end()..];
    // The dateline must be followed by a word break, not run into text.
    if after.is_empty() || after.starts_with(char::is_whitespace) {
        Some(m.end())
    } else {
        None
    }
}

/// False for lines that [`dateline_pattern`] cannot match, decided by
/// their first two bytes: it starts with a capital and a capital or one of
/// `.'’-`. Bytes that are not ASCII are left to the pattern.
fn may_be_dateline(t: &str) -> bool {
    let fits = |c: u8, more: &[u8]| c >= 0x80 || c.is_ascii_uppercase() || more.contains(&c);
    match *t.as_bytes() {
        [a, ..] if !fits(a, b"") => false,
        [_, b, ..] => fits(b, b".'-"),
        _ => true,
    }
}

fn dateline_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            ^\p{Lu}[\p{Lu}.'’-]+(?:\ \p{Lu}[\p{Lu}.'’-]+){0,3}
            (?:
                # An agency: SEOUL, July 31 (Yonhap) -- / WASHINGTON (Reuters) -
                (?:,\ \p{Lu}[\p{L}.]+(?:\ [\p{Lu}\d][\p{L}\d.]*){0,2}){0,2}
                \ ?\(\p{L}[\p{L}\ .&'-]{0,30}\)\ *(?:--|—|–|-|:)
                # A date: NEW YORK, March 3 --
              | ,\ (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\ \d{1,2}
                (?:,\ \d{4})?\ *(?:--|—|–|-|:)
                # An ISO date: BRUSSELS 1996-08-22
              | \ +\d{4}-\d{2}-\d{2}(?:\ *(?:--|—|–|-|:))?
            )",
        )
        .expect("the wire dateline pattern is valid")
    })
}

/// Relabels truncated teaser paragraphs as boilerplate.
fn mark_teasers(text: &str, lines: &[Line], labels: &mut [Label], from: usize, is_dump: bool) {
    // Checking a teaser scans the rest of the text, so only the first few
    // candidates are considered, which keeps the whole linear.
    let mut budget = 4;
    let mut first_body = true;
    let mut i = from;
    while i < lines.len() && budget > 0 {
        let para = lines[i].para;
        let mut j = i;
        while j < lines.len() && lines[j].para == para {
            j += 1;
        }
        let all_body = labels[i..j].iter().all(|l| *l == Label::Body);
        if all_body {
            let span = lines[i].span.start..lines[j - 1].span.end;
            let t = text.get(span.clone()).unwrap_or("");
            if t.len() <= 1000 && ends_with_cut_word(t) {
                budget -= 1;
                let rest = text.get(span.end..).unwrap_or("");
                if opening_repeats(t, rest) || (is_dump && first_body && words_repeat(t, rest)) {
                    for label in &mut labels[i..j] {
                        *label = Label::Boilerplate;
                    }
                }
            }
            first_body = false;
        }
        i = j;
    }
}

/// Returns true if `t` ends with "..." or "…" glued to a letter ("South K...").
fn ends_with_cut_word(t: &str) -> bool {
    let head = match t.strip_suffix("...").or_else(|| t.strip_suffix('…')) {
        Some(head) => head,
        None => return false,
    };
    head.chars().next_back().is_some_and(char::is_alphabetic)
}

/// Returns true if the first 40 or so bytes of `t` occur in `rest`.
fn opening_repeats(t: &str, rest: &str) -> bool {
    let mut end = t.len().min(40);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    end >= 24 && rest.contains(&t[..end])
}

/// Returns true if at least 3 and at least 60% of the capitalized words of
/// `t` (the cut last word aside) occur in `rest`.
fn words_repeat(t: &str, rest: &str) -> bool {
    let trim =
        |w: &'_ str| -> String { w.trim_matches(|c: char| !c.is_alphanumeric()).to_string() };
    let seen: HashSet<String> = rest.split_whitespace().map(trim).collect();
    let mut words: Vec<String> = t.split_whitespace().map(trim).collect();
    words.pop();
    let capitalized: Vec<&String> = words
        .iter()
        .filter(|w| w.chars().count() >= 2 && w.starts_with(char::is_uppercase))
        .collect();
    let found = capitalized
        .iter()
        .filter(|w| seen.contains(w.as_str()))
        .count();
    found >= 3 && found * 5 >= capitalized.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn kinds(text: &str) -> Vec<(PartKind, &str)> {
        parts(text)
            .into_iter()
            .map(|p| (p.kind, &text[p.span]))
            .collect()
    }

    fn check_cover(text: &str) {
        let mut last = 0;
        for p in parts(text) {
            assert!(
                p.span.start >= last && p.span.start < p.span.end,
                "{text:?}: {p:?}"
            );
            assert!(
                text[last..p.span.start].trim().is_empty(),
                "gap in {text:?}"
            );
            if let Some(name) = &p.name {
                assert_eq!(p.kind, PartKind::Byline);
                assert!(name.start >= p.span.start && name.end <= p.span.end);
            }
            last = p.span.end;
        }
        assert!(text[last..].trim().is_empty());
    }

    /// [`is_footer`] without its fast paths (the first byte's gate, the
    /// search of the whole text).
    fn is_footer_simple(t: &str) -> bool {
        t.len() <= 300
            && (footer_prefix(t) || t.to_ascii_lowercase().contains("all rights reserved"))
    }

    /// Texts of up to `max` of the `pieces`, for the property tests.
    fn texts(pieces: &[&'static str], max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..max)
            .prop_map(|p| p.concat())
    }

    proptest::proptest! {
        /// The footer test of a line of a text, with the text searched once
        /// for "all rights reserved", is the simple one.
        #[test]
        fn footers_found_as_simply(text in texts(&[
            "Subscribe", "subscribe", "Subscriber", "SIGN UP FOR ", "Sign up to ", "follow us on ",
            "Follow us:", "©", "Copyright © ", "copyright (c) ", "All Rights Reserved", "all rights",
            " reserved", "v", "V", "cocoa ", "\n", "Ünc ", "x",
        ], 12)) {
            let rights = rights_reserved(&text);
            for line in text.split('\n') {
                proptest::prop_assert_eq!(is_footer_in(line, rights), is_footer_simple(line));
                proptest::prop_assert_eq!(is_footer(line), is_footer_simple(line));
            }
        }

        /// [`trimmed`] trims as the standard library's `str::trim`, a line
        /// inside a text too.
        #[test]
        fn trims_as_std(raw in texts(&[
            " ", "\t", "\r", "\u{b}", "\u{c}", "\u{1c}", "\u{a0}", "\u{3000}", "\u{85}", "a", "é", ".",
            "x y",
        ], 8)) {
            let text = format!("é\n{raw}\nx");
            let span = trimmed(&text, 3..3 + raw.len());
            proptest::prop_assert_eq!(span.start - 3, raw.len() - raw.trim_start().len());
            proptest::prop_assert_eq!(&text[span], raw.trim());
        }

        /// The prefilters of the timestamp and dateline patterns never
        /// turn down a line that a pattern matches, and the timestamp's
        /// test of digits eight bytes at a time is the byte-wise one.
        #[test]
        fn prefilters_keep_every_match(t in texts(&[
            "Updated ", "LAST ", "posted", "First published", "ago", "AGO", "3 hours ",
            "July 31, 2025", "5:07 AM", "1996-08-22", "BRUSSELS", "SEOUL, ", "(Yonhap) -- ",
            "O'NEILL", "Ü", "ſ", "x", " ", "News ", "Washington", "١٢:٣٠", "-",
        ], 6)) {
            if timestamp_pattern().is_match(&t) {
                proptest::prop_assert!(may_be_timestamp(&t), "{:?}", t);
            }
            if dateline_pattern().is_match(&t) {
                proptest::prop_assert!(may_be_dateline(&t), "{:?}", t);
            }
            proptest::prop_assert_eq!(
                has_digit_or_non_ascii(t.as_bytes()),
                t.bytes().any(|c| c.is_ascii_digit() || c >= 0x80)
            );
        }

        /// [`is_promo`] is its definition: short, no digit, no final
        /// `.`, `!` or `?`, and a promo word among [`alnum_words`].
        #[test]
        fn promo_lines_found_as_defined(t in texts(&[
            "Share", "AD", "ads", "read", "Ré", "é", "Ünc", "x", " ", "-", "'", "\u{a0}", "2",
            "video", "Video1", "_", "rear", "Sham", "bad", "TAPE", "Vide", "SUBSCRIBE", "Subscribes",
            "advertisements", "Advertisement", "watchers", "z", "@", "[", "`", "{", ".", "!", "?",
            "\u{663}",
        ], 8)) {
            let defined = t.len() <= MAX_PROMO_LEN
                && !t.ends_with(['.', '!', '?'])
                && !t.bytes().any(|b| b.is_ascii_digit())
                && alnum_words(&t).any(|w| contains_ci(PROMO_WORDS, w));
            proptest::prop_assert_eq!(is_promo(&t), defined);
        }

        /// [`at_most_words`], [`word_count`] and [`words_into`] count and
        /// split as `split_whitespace` does.
        #[test]
        fn words_counted_as_split_whitespace(
            t in texts(&[
                "a", "word", " ", "\t", "\u{b}", "\r", "\n", "\u{c}", "\u{1c}", "\u{8}", "\u{e}",
                "\u{1f}", "!", "~", "\u{a0}", "é", "\u{3000}",
            ], 40),
            n in 0usize..10,
        ) {
            // The same text without its non-ASCII chars, for the word-wise ways.
            let ascii: String = t.chars().filter(char::is_ascii).collect();
            for t in [&t, &ascii] {
                let words: Vec<&str> = t.split_whitespace().collect();
                proptest::prop_assert_eq!(at_most_words(t, n), words.len() <= n);
                proptest::prop_assert_eq!(word_count(t), words.len());
                let mut into = [""; 4];
                let got = words_into(t, &mut into[..n.min(4)]);
                if words.len() <= n.min(4) {
                    proptest::prop_assert_eq!(got, Some(words.len()));
                    proptest::prop_assert_eq!(&into[..words.len()], &words[..]);
                } else {
                    proptest::prop_assert_eq!(got, None);
                }
            }
        }
    }

    /// [`Stamps`] answers as [`is_timestamp`] does, asked twice, past its
    /// slots too.
    #[test]
    fn stamps_as_is_timestamp() {
        let text = "Updated 5:07 AM\nNews\n".repeat(8) + "Jan. 5\nplain";
        let mut lines = vec![];
        split_lines(&text, &mut lines);
        let mut stamps = Stamps::default();
        for _ in 0..2 {
            for (i, l) in lines.iter().enumerate() {
                assert_eq!(
                    stamps.at(&text, &lines, i),
                    is_timestamp(&text[l.span.clone()])
                );
            }
        }
        assert!(lines.len() > 16);
    }

    #[test]
    fn rights_reserved_in_any_case_anywhere() {
        for (line, want) in [
            ("all rights reserved", true),
            ("(c) 2024 Example Inc. All Rights Reserved.", true),
            ("ALL RIGHTS RESERVED", true),
            ("Seats reserved for all", false),
            ("all rights  reserved", false),
            ("rights reserved", false),
            ("", false),
        ] {
            assert_eq!(rights_reserved(line), want, "{:?}", line);
        }
    }

    #[test]
    fn seed_article() {
        use PartKind::*;
        let text = include_str!("../../tests/data/seed_article.txt");
        check_cover(text);
        let ps = parts(text);
        let got: Vec<(PartKind, &str)> =
            ps.iter().map(|p| (p.kind, &text[p.span.clone()])).collect();
        assert_eq!(got[0], (Section, "Politics"));
        assert_eq!(
            got[1],
            (Title, "First Communication Between New South Korean Defense Minister and U.S. Counterpart")
        );
        assert_eq!(got[2], (Byline, "Ryan Bennett\nSenior Editor at large"));
        assert_eq!(ps[2].name.clone().map(|r| &text[r]), Some("Ryan Bennett"));
        assert_eq!(got[3], (Dateline, "Updated\nJuly 31, 2025 5:07 AM"));
        assert_eq!(got[4], (Boilerplate, "News Image"));
        assert_eq!(got[5].0, Boilerplate);
        assert!(got[5]
            .1
            .starts_with("South Korean Defense Minister Ahn Gyu-back (pictured right)"));
        assert!(got[5].1.ends_with("according to the South K..."));
        assert_eq!(got[6].0, Body);
        assert!(got[6].1.starts_with("Why it matters\n  • The call"));
        assert!(got[6].1.contains("In a significant diplomatic development"));
        let cta = got
            .iter()
            .filter(|(k, t)| *k == Boilerplate && t.starts_with("CTA Image"))
            .count();
        assert_eq!(cta, 1, "the CTA lines form one part");
        let n = got.len();
        assert_eq!(got[n - 3].0, Boilerplate);
        assert_eq!(got[n - 3].1, ["CTA Image"; 11].join("\n"));
        assert_eq!(got[n - 2], (Body, "Boston Never Sleeps, Neither Do We."));
        assert_eq!(got[n - 1].0, Body);
        assert!(got[n - 1].1.starts_with("From Beacon Hill to Back Bay"));
        // Everything between the teaser and the CTA lines is body.
        assert!(got[6..n - 3].iter().all(|(k, _)| *k == Body));
        assert!(got[n - 4].1.ends_with("East Asia."));
        let json = serde_json::to_string(&ps[2]).unwrap();
        assert!(json.contains("\"kind\":\"byline\""), "{json}");
    }

    #[test]
    fn conll_style() {
        use PartKind::*;
        let text = "EU rejects German call to boycott British lamb .\nPeter Blackburn\n\
                    BRUSSELS 1996-08-22\nThe European Commission said on Thursday it disagreed .\n\
                    Germany 's representative said .";
        check_cover(text);
        let ps = parts(text);
        let got: Vec<(PartKind, &str)> =
            ps.iter().map(|p| (p.kind, &text[p.span.clone()])).collect();
        assert_eq!(got, vec![
            (Title, "EU rejects German call to boycott British lamb ."),
            (Byline, "Peter Blackburn"),
            (Dateline, "BRUSSELS 1996-08-22"),
            (Body, "The European Commission said on Thursday it disagreed .\nGermany 's representative said ."),
        ]);
        assert_eq!(
            ps[1].name.clone().map(|r| &text[r]),
            Some("Peter Blackburn")
        );
    }

    #[test]
    fn plain_bodies_stay_body() {
        let cases: &[&str] = &[
            "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought.\n    Comissaria Smith said.",
            "The company said profits rose.\n\nAnalysts had expected a fall.",
            "Division two\nBarnsley 2 Bradford 1\nDivision two\nBury 0 Hull 3\nDivision two\nWigan 1 York 1",
            "Photo opportunities abounded.\n\nPhoto opportunities abounded.\n\nPhoto opportunities abounded.",
            "Jane Doe\nJohn Smith\nAlice Brown",
            "He said the U.S. would act...\n\nIt did.",
        ];
        for &text in cases {
            check_cover(text);
            assert!(
                parts(text).iter().all(|p| p.kind == PartKind::Body),
                "{text:?}: {:?}",
                kinds(text)
            );
        }
    }

    #[test]
    fn wire_datelines() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "SEOUL, July 31 (Yonhap) -- North Korea fired.",
                "SEOUL, July 31 (Yonhap) --",
                "North Korea fired.",
            ),
            (
                "WASHINGTON (Reuters) - The Senate voted.",
                "WASHINGTON (Reuters) -",
                "The Senate voted.",
            ),
            (
                "NEW YORK, March 3 (Reuters) - Stocks fell.",
                "NEW YORK, March 3 (Reuters) -",
                "Stocks fell.",
            ),
            (
                "KYIV, Ukraine (AP) — Drones struck.",
                "KYIV, Ukraine (AP) —",
                "Drones struck.",
            ),
            (
                "LONDON, Aug. 4 -- Rain fell.",
                "LONDON, Aug. 4 --",
                "Rain fell.",
            ),
            (
                "BRUSSELS 1996-08-22 The Commission said.",
                "BRUSSELS 1996-08-22",
                "The Commission said.",
            ),
        ];
        for &(text, dateline, body) in cases {
            check_cover(text);
            assert_eq!(
                kinds(text),
                vec![(PartKind::Dateline, dateline), (PartKind::Body, body)],
                "{text:?}"
            );
        }
        for text in [
            "NATO - the alliance met.",
            "U.S. officials said.",
            "IBM (NYSE)x",
        ] {
            assert!(
                kinds(text).iter().all(|(k, _)| *k == PartKind::Body),
                "{text:?}"
            );
        }
    }

    #[test]
    fn bylines() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("By Jane Doe\n\nBody.", "By Jane Doe", Some("Jane Doe")),
            (
                "By Jane Doe, Reuters\n\nBody.",
                "By Jane Doe, Reuters",
                Some("Jane Doe"),
            ),
            (
                "By Jane Doe and John Roe\n\nBody.",
                "By Jane Doe and John Roe",
                Some("Jane Doe"),
            ),
            (
                "BY ANNA VAN DER BERG\n\nBody.",
                "BY ANNA VAN DER BERG",
                Some("ANNA VAN DER BERG"),
            ),
            ("By Reuters\n\nBody.", "By Reuters", None),
            (
                "Ursula von der Leyen\nStaff Writer\n\nBody.",
                "Ursula von der Leyen\nStaff Writer",
                Some("Ursula von der Leyen"),
            ),
            (
                "Kim Min-jae\nPublished 3 hours ago\n\nBody.",
                "Kim Min-jae",
                Some("Kim Min-jae"),
            ),
        ];
        for &(text, span, name) in cases {
            check_cover(text);
            let ps = parts(text);
            assert_eq!(ps[0].kind, PartKind::Byline, "{text:?}: {:?}", kinds(text));
            assert_eq!(&text[ps[0].span.clone()], span);
            assert_eq!(ps[0].name.clone().map(|r| &text[r]), name, "{text:?}");
        }
        assert!(kinds("By the way, it rained.")
            .iter()
            .all(|(k, _)| *k == PartKind::Body));
        // A dividend table: no name over a date.
        let table = "Qtly div 10 cts vs 10 cts prior\n    Pay April Six\n    Record March 16\n";
        assert!(
            kinds(table).iter().all(|(k, _)| *k != PartKind::Byline),
            "{:?}",
            kinds(table)
        );
    }

    #[test]
    fn boilerplate_lines() {
        let cases: &[&str] = &[
            "Advertisement",
            "Getty Images",
            "Image",
            "Photo:",
            "CTA Image",
            "Sign up for our newsletter",
            "Subscribe",
            "Subscribe to The Bostonian",
            "Follow us on X",
            "© 2025 The Bostonian",
            "Copyright (c) Acme. All Rights Reserved.",
        ];
        for &line in cases {
            let text = format!("The minister spoke on Monday.\n{line}\nHe left.");
            assert_eq!(
                kinds(&text),
                vec![
                    (PartKind::Body, "The minister spoke on Monday."),
                    (PartKind::Boilerplate, line),
                    (PartKind::Body, "He left."),
                ],
                "{line:?}"
            );
        }
        let text =
            "Body one.\nWatch the video\nBody two.\nWatch the video\nBody three.\nWatch the video";
        assert_eq!(
            kinds(text)
                .iter()
                .filter(|(k, _)| *k == PartKind::Boilerplate)
                .count(),
            3
        );
        for line in ["Subscribers grew fast.", "Signs up for change."] {
            let text = format!("Body one.\n{line}");
            assert!(
                kinds(&text).iter().all(|(k, _)| *k == PartKind::Body),
                "{line:?}"
            );
        }
    }

    #[test]
    fn teaser_repeated_opening() {
        let text = "The finance minister resigned on Monday after a long row ov...\n\n\
                    The finance minister resigned on Monday after a long row over the budget.";
        assert_eq!(kinds(text)[0].0, PartKind::Boilerplate);
        // A lone truncated paragraph is kept.
        let text = "The finance minister resigned on Monday after a long row ov...";
        assert_eq!(kinds(text), vec![(PartKind::Body, text)]);
    }

    #[test]
    fn odd_input() {
        let huge = "x".repeat(1 << 20);
        let huge_lines = "CTA Image\n".repeat(1 << 16);
        let cases: Vec<&str> = vec![
            "",
            " ",
            "\n\n\r\n",
            "\0",
            "\0\n\0\n\0",
            "a",
            "Politics",
            "Politics\n",
            "By",
            "By ",
            "By Jane",
            "안규백 국방부 장관\n\n본문입니다.",
            "😀\n\n😀 ...",
            "…",
            "x…",
            "Politics\r\n\r\nA Title Here Today\r\n\r\nBy Jane Doe\r\nUpdated\r\n\r\nBody.\r\n",
            &huge,
            &huge_lines,
        ];
        for text in cases {
            check_cover(text);
        }
        assert!(parts("").is_empty());
        assert!(parts(" \n\t ").is_empty());
        let text =
            "Politics\r\n\r\nA Title Here Today\r\n\r\nBy Jane Doe\r\nUpdated\r\n\r\nBody.\r\n";
        assert_eq!(
            kinds(text),
            vec![
                (PartKind::Section, "Politics"),
                (PartKind::Title, "A Title Here Today"),
                (PartKind::Byline, "By Jane Doe"),
                (PartKind::Dateline, "Updated"),
                (PartKind::Body, "Body."),
            ]
        );
        assert_eq!(parts(&huge_lines).len(), 1);
    }
}
