//! Tokens for the rules: words, abbreviations with their period, initials,
//! punctuation and line breaks, each with a kind and the word lists it
//! belongs to.

use super::lexicon::{Lexicon, ListBits};
use crate::boundary::is_compound_head;
use crate::segment::{looks_hard_wrapped, wraps_line};
use crate::swar;

/// How [`tokenize_range`] reads a line break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineBreaks {
    /// Every line break is a [`Kind::Break`] token: one line holds one
    /// paragraph, heading, byline or list item, as in most news dumps.
    Hard,
    /// The text is hard-wrapped at a fixed width, like Reuters wire copy: a
    /// line break inside a paragraph is white space, so that a name wrapped
    /// onto the next line ("Secretary Richard\nLyng") stays one name. A
    /// break is a token only where [`wraps_line`] says it ends more than a
    /// line: after a short line or a sentence, before a blank, indented or
    /// bulleted line.
    Wrapped,
}

impl LineBreaks {
    /// The line breaks of `text`, judged as the sentence splitter judges
    /// them (from the shape of its first 8 KiB).
    pub(crate) fn of(text: &str) -> LineBreaks {
        if looks_hard_wrapped(text) {
            LineBreaks::Wrapped
        } else {
            LineBreaks::Hard
        }
    }

    /// The line breaks to read `text[from..to]` with: those of `text`,
    /// judged once into `judged`, or `Hard` where the range holds no line
    /// break (both read it alike): most windows of the rules hold none, and
    /// judging a text costs more than many windows.
    pub(crate) fn for_range(
        judged: &mut Option<LineBreaks>,
        text: &str,
        from: usize,
        to: usize,
    ) -> LineBreaks {
        if memchr::memchr(b'\n', &text.as_bytes()[from..to]).is_none() {
            return LineBreaks::Hard;
        }
        *judged.get_or_insert_with(|| LineBreaks::of(text))
    }
}

/// The shape of a token. Word kinds come first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub(crate) enum Kind {
    /// `Seoul`, `McDonald`, `Gyu-back`.
    Cap = 0,
    /// `NATO`, `U.S.`, `SEOUL`.
    Upper,
    /// `said`.
    Lower,
    /// `M.`, `J`.
    Initial,
    /// `31`, `1996-08-22`, `F-16`.
    Num,
    /// `5th`, `82nd`, `2d`: a number written as an ordinal.
    Ordinal,
    /// `,`
    Comma,
    /// `.`, `!`, `?`
    Period,
    /// `:`, `;`
    Colon,
    /// `(`, `[`
    LParen,
    /// `)`, `]`
    RParen,
    /// quotes
    Quote,
    /// `-`, `--`, `–`, `—`
    Dash,
    /// a possessive `'s`
    Poss,
    /// a line break
    Break,
    /// any other character
    Sym,
}

/// Number of kinds.
pub(crate) const KINDS: usize = Kind::Sym as usize + 1;

impl Kind {
    /// Every kind, in order.
    pub(crate) const ALL: [Kind; KINDS] = [
        Kind::Cap,
        Kind::Upper,
        Kind::Lower,
        Kind::Initial,
        Kind::Num,
        Kind::Ordinal,
        Kind::Comma,
        Kind::Period,
        Kind::Colon,
        Kind::LParen,
        Kind::RParen,
        Kind::Quote,
        Kind::Dash,
        Kind::Poss,
        Kind::Break,
        Kind::Sym,
    ];

    /// True for word tokens (letters or digits).
    pub(crate) fn is_word(self) -> bool {
        (self as u8) <= Kind::Ordinal as u8
    }

    /// The kind's name in rule patterns.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Cap => "cap",
            Kind::Upper => "upper",
            Kind::Lower => "lower",
            Kind::Initial => "initial",
            Kind::Num => "num",
            Kind::Ordinal => "ordinal",
            Kind::Comma => "comma",
            Kind::Period => "period",
            Kind::Colon => "colon",
            Kind::LParen => "lparen",
            Kind::RParen => "rparen",
            Kind::Quote => "quote",
            Kind::Dash => "dash",
            Kind::Poss => "poss",
            Kind::Break => "brk",
            Kind::Sym => "sym",
        }
    }
}

/// One token: a byte span of the field's text, its kind, the lists it is in
/// and the label of the mention covering it (0: none).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    pub lists: ListBits,
    pub mention: u8,
}

#[inline]
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Past the spaces and tabs from `i` on: the next token on the same line.
pub(crate) fn skip_blanks(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
        i += 1;
    }
    i
}

/// The end of the word starting at `i`: letters and digits, joined by a
/// hyphen, an apostrophe (not a possessive) or a period between digits.
pub(crate) fn word_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    loop {
        while i < b.len() {
            // ASCII letters and digits eight at a time (the zero padding
            // past the end stops the run).
            let x = swar::load_le(&b[i..b.len().min(i + 8)]);
            let stop = !swar::alphanumeric(x) & swar::HIGH;
            if stop == 0 {
                i += 8;
                continue;
            }
            i = b.len().min(i + (stop.trailing_zeros() / 8) as usize);
            if i < b.len() && b[i] >= 0x80 {
                match char_at(s, i) {
                    Some(c) if is_word_char(c) => i += c.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        // A joiner followed by a word character continues the word.
        let Some(&first) = b.get(i) else { return i };
        if first < 0x80 && !matches!(first, b'-' | b'\'' | b'&' | b'.' | b',' | b':' | b'/') {
            return i;
        }
        let Some(c) = char_at(s, i) else { return i };
        let joiner = matches!(c, '-' | '\'' | '’' | '&')
            || (matches!(c, '.' | ',' | ':' | '/')
                && i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !joiner {
            return i;
        }
        let next = i + c.len_utf8();
        match char_at(s, next) {
            Some(n) if is_word_char(n) => {
                // A possessive `'s` (or a lone `'t`-less `s`) ends the word.
                if matches!(c, '\'' | '’') && possessive_at(s, i) {
                    return i;
                }
                if c == '&' && !b[i - 1].is_ascii_uppercase() {
                    return i;
                }
                i = next;
            }
            _ => return i,
        }
    }
}

/// The end and kind of the word at `i` ([`word_end`], [`word_kind`]) when
/// it is plain, as most words are: ASCII letters followed by no byte that
/// could continue it. Eight bytes at a time answer both; `None` otherwise.
/// Third, the word's first eight bytes as [`swar::load_le`] reads them
/// (zero-padded), lower-cased: the whole word when it is that short, as
/// most are, for [`Lexicon::lookup_ascii`].
/// Always inlined: called for every word, it costs little more than a call.
#[inline(always)]
pub(crate) fn plain_word(s: &str, i: usize) -> Option<(usize, Kind, u64)> {
    let b = s.as_bytes();
    let mut end = i;
    // Lower-case letters past the first.
    let mut lower_rest = 0;
    let mut first = 0x80;
    let mut head = 0;
    loop {
        let x = swar::load_le(&b[end..b.len().min(end + 8)]);
        let lower = swar::in_range(x, b'a', b'z');
        let upper = swar::in_range(x, b'A', b'Z');
        // The zero padding past the end is no letter.
        let stop = !(lower | upper) & swar::HIGH;
        let n = (stop.trailing_zeros() / 8) as usize;
        // The bits below the first stop: all of them when there is none.
        let letters = !stop & stop.wrapping_sub(1);
        lower_rest |= lower & letters & !first;
        if first != 0 {
            // Each capital gains bit 0x20, as the lexicon's keys do.
            head = (x | upper >> 2) & swar::spread_high(letters & swar::HIGH);
        }
        first = 0;
        end += n;
        if n < 8 {
            break;
        }
    }
    // A digit, a non-ASCII byte or a joiner after letters ('.', ',', ':'
    // and '/' join digits only) goes on with the word.
    let next = b.get(end).copied().unwrap_or(b' ');
    if end == i || next.is_ascii_digit() || next >= 0x80 || matches!(next, b'-' | b'\'' | b'&') {
        return None;
    }
    let kind = if !b[i].is_ascii_uppercase() {
        Kind::Lower
    } else if lower_rest != 0 {
        Kind::Cap
    } else if end - i == 1 {
        Kind::Initial
    } else {
        Kind::Upper
    };
    Some((end, kind, head))
}

/// True when an apostrophe at `i` starts a possessive `'s` ending a word.
fn possessive_at(s: &str, i: usize) -> bool {
    let Some(c) = char_at(s, i) else { return false };
    if !matches!(c, '\'' | '’') {
        return false;
    }
    let j = i + c.len_utf8();
    let b = s.as_bytes();
    matches!(b.get(j), Some(b's') | Some(b'S')) && !b.get(j + 1).is_some_and(|&x| is_word_byte(x))
}

/// Digits and an ordinal suffix: `1st`, `82nd`, `3rd`, `11th`, and the
/// `2d`, `93d` of older military usage ("the 62d New York").
fn is_ordinal(b: &[u8]) -> bool {
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && matches!(&b[digits..], b"st" | b"nd" | b"rd" | b"th" | b"d")
}

/// Whether a capitalized word is a compound adjective ("Boston-based",
/// "U.S.-led"): a modifier, no word of a name ("St. Louis-based [Mercantile
/// Bancorp Inc.]"). The name before the hyphen is still found by the
/// dictionaries. Rare: kept out of line, so that `word_kind` stays small.
#[inline(never)]
fn compound_adjective(b: &[u8]) -> bool {
    b.iter()
        .rposition(|&c| c == b'-')
        .is_some_and(|h| is_compound_head(&b[h + 1..]))
}

/// Whether a lower-case word is a name after an Arabic article, written
/// lower case as transliterations do ("al-Baghdadi", "el-Sisi",
/// "ash-Shishani"): a name word, like "Al-Baghdadi". Rare: kept out of line.
#[inline(never)]
fn arabic_article_name(b: &[u8]) -> bool {
    const ARTICLES: [&[u8]; 16] = [
        b"al", b"el", b"ad", b"adh", b"an", b"ar", b"as", b"ash", b"at", b"ath", b"az", b"ed",
        b"en", b"es", b"et", b"ez",
    ];
    b.iter().position(|&c| c == b'-').is_some_and(|h| {
        ARTICLES.contains(&&b[..h])
            && b.get(h + 1).is_some_and(u8::is_ascii_uppercase)
            && b[h + 2..].iter().any(u8::is_ascii_lowercase)
    })
}

pub(crate) fn word_kind(w: &str) -> Kind {
    let b = w.as_bytes();
    // Digits, hyphens and non-ASCII bytes, eight bytes at a time: words
    // are short.
    let (mut digits, mut hyphens, mut high) = (0, 0, 0);
    for chunk in b.chunks(8) {
        let x = swar::load_le(chunk);
        digits |= swar::in_range(x, b'0', b'9');
        hyphens |= swar::in_range(x, b'-', b'-');
        high |= x & swar::HIGH;
    }
    // "F-16", "G20", "BEL20": designations and codes, no name words.
    if digits != 0 {
        return if is_ordinal(b) {
            Kind::Ordinal
        } else {
            Kind::Num
        };
    }
    if high == 0 {
        let first = b[0];
        if !first.is_ascii_uppercase() {
            return match hyphens != 0 && arabic_article_name(b) && !compound_adjective(b) {
                true => Kind::Cap,
                false => Kind::Lower,
            };
        }
        let mut letters = 1;
        for &c in &b[1..] {
            if c.is_ascii_lowercase() {
                return match hyphens != 0 && compound_adjective(b) {
                    true => Kind::Lower,
                    false => Kind::Cap,
                };
            }
            letters += c.is_ascii_alphabetic() as usize;
        }
        return if letters == 1 {
            Kind::Initial
        } else {
            Kind::Upper
        };
    }
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return Kind::Sym;
    };
    if first.is_numeric() {
        return Kind::Num;
    }
    if first.is_lowercase() {
        return Kind::Lower;
    }
    if !first.is_uppercase() {
        return Kind::Lower;
    }
    let (mut lower, mut letters) = (false, 1);
    for c in chars {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_lowercase() {
                lower = true;
            }
        }
    }
    if lower {
        Kind::Cap
    } else if letters == 1 {
        Kind::Initial
    } else {
        Kind::Upper
    }
}

/// Splits `text` into tokens, looking each word up in `lex`. `out` is
/// cleared first.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, lex: &Lexicon, out: &mut Vec<Token>) {
    out.clear();
    tokenize_range(text, 0, text.len(), LineBreaks::Hard, lex, out);
}

/// Appends the tokens of `text[from..to]` to `out` (offsets into `text`),
/// reading line breaks as `breaks` says. `from` and `to` must not cut a
/// token: each is the field's start or end or lies next to white space.
pub(crate) fn tokenize_range(
    text: &str,
    from: usize,
    to: usize,
    breaks: LineBreaks,
    lex: &Lexicon,
    out: &mut Vec<Token>,
) {
    tokenize_range_known(text, (from, to), breaks, lex, &[], out);
}

/// A capitalized word already found and looked up in the lexicon of a
/// tokenization: its start, its end and its lists.
pub(crate) type KnownWord = (usize, usize, ListBits);

/// [`tokenize_range`] of `text[range]`, taking the capitalized words of
/// `known` (sorted by start) as they are rather than reading and looking
/// them up again: the rules' triggers are such words, and their windows
/// are tokenized next.
pub(crate) fn tokenize_range_known(
    text: &str,
    (from, to): (usize, usize),
    breaks: LineBreaks,
    lex: &Lexicon,
    known: &[KnownWord],
    out: &mut Vec<Token>,
) {
    let mut known = known;
    // The whole field: whether a line break wraps a line depends on the
    // line after it, which may lie past `to`.
    let field = text;
    let b = &text.as_bytes()[..to];
    let text = &text[..to];
    let mut i = from;
    let mut buf = String::new();
    while i < b.len() {
        let c = b[i];
        if c == b'\n' && breaks == LineBreaks::Wrapped && wraps_line(field, i) {
            i += 1;
            continue;
        }
        if c == b'\n' {
            push(out, i, i + 1, Kind::Break, 0);
            i += 1;
            // A blank line and the next are one break.
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let ch = if c < 0x80 {
            c as char
        } else {
            match char_at(text, i) {
                Some(ch) => ch,
                None => break,
            }
        };
        if is_word_char(ch) {
            if let Some((_, mut end, lists)) = take_known(&mut known, i) {
                // As below: a capitalized word is no initial, and an
                // abbreviation takes its period.
                if b.get(end) == Some(&b'.') && lists & lex.abbrev_bit() != 0 {
                    end += 1;
                }
                push(out, i, end, Kind::Cap, lists);
                i = end;
                continue;
            }
            // The bytes of a plain word of eight bytes at most, as read.
            let (mut end, mut kind, mut ascii_head) = match plain_word(text, i) {
                Some((end, kind, head)) => (end, kind, (end - i <= 8).then_some(head)),
                None => {
                    let end = word_end(text, i);
                    (end, word_kind(&text[i..end]), None)
                }
            };
            // Dotted acronyms and initials: `U.S.`, `M.`
            if kind == Kind::Initial || (kind == Kind::Upper && end - i <= 2) {
                let mut j = end;
                while b.get(j) == Some(&b'.')
                    && b.get(j + 1).is_some_and(u8::is_ascii_uppercase)
                    && b.get(j + 2) == Some(&b'.')
                {
                    j += 2;
                }
                if j > end {
                    end = j + 1;
                    kind = Kind::Upper;
                    ascii_head = None;
                }
            }
            // A lone capital without a period is a word ("A", "I"), not an
            // initial.
            if kind == Kind::Initial && b.get(end) != Some(&b'.') {
                kind = Kind::Upper;
            }
            let lists = match ascii_head {
                Some(head) => lex.lookup_ascii(head, end - i, kind),
                None => lex.lookup_inline(text, (i, end), kind, &mut buf),
            };
            // An abbreviation or initial takes its period.
            if b.get(end) == Some(&b'.')
                && (kind == Kind::Initial || (lists & lex.abbrev_bit()) != 0)
            {
                end += 1;
            }
            push(out, i, end, kind, lists);
            i = end;
            continue;
        }
        let len = ch.len_utf8();
        let (kind, end) = match ch {
            ',' => (Kind::Comma, i + 1),
            '.' | '!' | '?' => (Kind::Period, i + 1),
            ':' | ';' => (Kind::Colon, i + 1),
            '(' | '[' | '{' => (Kind::LParen, i + 1),
            ')' | ']' | '}' => (Kind::RParen, i + 1),
            '"' | '“' | '”' | '«' | '»' | '‘' => (Kind::Quote, i + len),
            '\'' | '’' if possessive_at(text, i) => (Kind::Poss, i + len + 1),
            '\'' | '’' => (Kind::Quote, i + len),
            '-' | '–' | '—' => {
                let mut j = i + len;
                while b.get(j) == Some(&b'-') {
                    j += 1;
                }
                (Kind::Dash, j)
            }
            _ => (Kind::Sym, i + len),
        };
        // A symbol may be a literal of a pattern ("Smith & Co"): its lists
        // are looked up as a word's would be. Literals are ASCII; a symbol
        // beyond it ("€") would only cost a folded, allocated key.
        let lists = match kind {
            Kind::Sym if c < 0x80 => lex.lookup(&text[i..end], kind, &mut buf),
            _ => 0,
        };
        push(out, i, end, kind, lists);
        i = end;
    }
}

/// The word of `known` starting at `i`, taken off its front with those
/// starting before `i` (inside tokens read otherwise). A slice rather than
/// a `Peekable`, whose peeked state costs a test and a store at every word.
fn take_known(known: &mut &[KnownWord], i: usize) -> Option<KnownWord> {
    while known.first().is_some_and(|w| w.0 < i) {
        *known = &known[1..];
    }
    let &word = known.first().filter(|w| w.0 == i)?;
    *known = &known[1..];
    Some(word)
}

fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: Kind, lists: ListBits) {
    out.push(Token {
        start: start as u32,
        end: end as u32,
        kind,
        lists,
        mention: 0,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, &'static str)> {
        let lex = Lexicon::for_tests(&["mr", "gen"]);
        let mut out = Vec::new();
        tokenize(text, &lex, &mut out);
        out.iter()
            .map(|t| {
                (
                    text[t.start as usize..t.end as usize].to_string(),
                    t.kind.name(),
                )
            })
            .collect()
    }

    /// Word runs and kinds, eight bytes at a time, agree with a byte at a
    /// time: at every start of words long and short, ASCII or not.
    #[test]
    fn word_scans_match_byte_loops() {
        fn run_end(s: &str, mut i: usize) -> usize {
            while let Some(c) = char_at(s, i).filter(|c| c.is_alphanumeric()) {
                i += c.len_utf8();
            }
            i
        }
        fn kind(w: &str) -> Kind {
            if w.bytes().any(|c| c.is_ascii_digit()) {
                let suffix = w.trim_start_matches(|c: char| c.is_ascii_digit());
                let ordinal =
                    suffix.len() < w.len() && ["st", "nd", "rd", "th", "d"].contains(&suffix);
                return if ordinal { Kind::Ordinal } else { Kind::Num };
            }
            let first = w.chars().next().unwrap_or(' ');
            if !first.is_uppercase() {
                return Kind::Lower;
            }
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            match (w.chars().any(char::is_lowercase), letters) {
                (true, _) => Kind::Cap,
                (false, 1) => Kind::Initial,
                _ => Kind::Upper,
            }
        }
        let text = "Internationalization NATO-led O'Brien's F-16 1,000 \
                    Gy\u{f6}rgy \u{c9}COLE ab\u{e9}cdefghij J. A AT&T x9 \
                    abcdefgh ABCDEFGH 12345678 5th 82nd 2d 3rds 1st2 th5 a";
        for (i, c) in text.char_indices().filter(|(_, c)| c.is_alphanumeric()) {
            let end = word_end(text, i);
            let plain = run_end(text, i);
            // Joiners only ever extend the plain run.
            assert!(end >= plain, "{i} {c}");
            if !text[plain..end].contains(['-', '\'', '\u{2019}', '&', '.', ',', ':', '/']) {
                assert_eq!(end, plain, "{i} {c}");
            }
            assert_eq!(word_kind(&text[i..plain]), kind(&text[i..plain]), "{i} {c}");
            if let Some((plain_end, plain_kind, head)) = plain_word(text, i) {
                assert_eq!(
                    (plain_end, plain_kind),
                    (end, word_kind(&text[i..end])),
                    "{i} {c}"
                );
                let first = &text.as_bytes()[i..end.min(i + 8)];
                assert_eq!(head, swar::load_le(&first.to_ascii_lowercase()), "{i} {c}");
            }
        }
    }

    /// In hard-wrapped text a line break inside a paragraph is white space;
    /// one after a short line, a sentence or before an indented line is not.
    #[test]
    fn wrapped_line_breaks() {
        let text = "Ivorian Agriculture Minister Denis Kanon and the Planning\n\
                    Minister Bra told reporters in Abidjan that traders were\n\
                    calm about the prices of the crop this season.\n\
                    Coffee fell.\n    \
                    TOFTIR, Faroe Islands 1996-08-31\n\
                    Slovakia beat the Faroe Islands.";
        let lex = Lexicon::for_tests(&[]);
        let breaks = |lines| {
            let mut out = Vec::new();
            tokenize_range(text, 0, text.len(), lines, &lex, &mut out);
            let words: Vec<&str> = out
                .iter()
                .filter(|t| t.kind == Kind::Break)
                .map(|t| &text[t.end as usize..][..6])
                .collect();
            words
        };
        assert_eq!(LineBreaks::of(text), LineBreaks::Wrapped);
        assert_eq!(breaks(LineBreaks::Wrapped), ["Coffee", "    TO", "Slovak"]);
        assert_eq!(breaks(LineBreaks::Hard).len(), 5);
        // A name's initials end no sentence.
        let initials = "The company said former chief executive officer Clinton D.\n\
                        Sisson resigned and that its chairman, a director of the firm\n\
                        since 1980, would take over the post on Monday next week as\n\
                        the board looks for a new chief executive from outside.\n";
        let mut out = Vec::new();
        tokenize_range(
            initials,
            0,
            initials.len(),
            LineBreaks::of(initials),
            &lex,
            &mut out,
        );
        assert_eq!(out.iter().filter(|t| t.kind == Kind::Break).count(), 1);
        // Wire copy whose dateline was cut off: its short first line runs
        // on, unless in capitals (a headline).
        for (first, runs_on) in [
            ("Secretary of State George", true),
            ("SHULTZ SPEAKS", false),
        ] {
            let text = format!(
                "{first}\nShultz acknowledged failings in the handling of the affair and\n\
                 said the administration would press its case with the leaders of\n\
                 the Congress.\n"
            );
            let mut out = Vec::new();
            tokenize_range(&text, 0, text.len(), LineBreaks::of(&text), &lex, &mut out);
            let broken = out
                .iter()
                .any(|t| t.kind == Kind::Break && (t.start as usize) < first.len() + 1);
            assert_eq!(broken, !runs_on, "{text}");
        }
        assert_eq!(
            LineBreaks::of("One paragraph a line.\nAnother one here."),
            LineBreaks::Hard
        );
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Mr. Ahn Gyu-back's call.",
                &[
                    ("Mr.", "cap"),
                    ("Ahn", "cap"),
                    ("Gyu-back", "cap"),
                    ("'s", "poss"),
                    ("call", "lower"),
                    (".", "period"),
                ],
            ),
            (
                "U.S. Gen. M. Smith, 1996-08-22\nSEOUL",
                &[
                    ("U.S.", "upper"),
                    ("Gen.", "cap"),
                    ("M.", "initial"),
                    ("Smith", "cap"),
                    (",", "comma"),
                    ("1996-08-22", "num"),
                    ("\n", "brk"),
                    ("SEOUL", "upper"),
                ],
            ),
            (
                "(MND) -- O'Brien’s AT&T 1,000",
                &[
                    ("(", "lparen"),
                    ("MND", "upper"),
                    (")", "rparen"),
                    ("--", "dash"),
                    ("O'Brien", "cap"),
                    ("’s", "poss"),
                    ("AT&T", "upper"),
                    ("1,000", "num"),
                ],
            ),
            (
                "the 82nd Airborne, the 62d, 3rds",
                &[
                    ("the", "lower"),
                    ("82nd", "ordinal"),
                    ("Airborne", "cap"),
                    (",", "comma"),
                    ("the", "lower"),
                    ("62d", "ordinal"),
                    (",", "comma"),
                    ("3rds", "num"),
                ],
            ),
            // A name after an Arabic article written lower case is a
            // name word; a lower-case compound is none.
            (
                "Abu Bakr al-Baghdadi, al-Qaeda-linked, as-if, al-",
                &[
                    ("Abu", "cap"),
                    ("Bakr", "cap"),
                    ("al-Baghdadi", "cap"),
                    (",", "comma"),
                    ("al-Qaeda-linked", "lower"),
                    (",", "comma"),
                    ("as-if", "lower"),
                    (",", "comma"),
                    ("al", "lower"),
                    ("-", "dash"),
                ],
            ),
            // A compound adjective is a modifier, no name word; other
            // hyphenated names stay names.
            (
                "Boston-based Spencer, Moscow-backed Ahn Gyu-back",
                &[
                    ("Boston-based", "lower"),
                    ("Spencer", "cap"),
                    (",", "comma"),
                    ("Moscow-backed", "lower"),
                    ("Ahn", "cap"),
                    ("Gyu-back", "cap"),
                ],
            ),
        ];
        for (text, want) in cases {
            let got = kinds(text);
            let want: Vec<(String, &str)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
            assert_eq!(got, want, "{:?}", text);
        }
    }
}
