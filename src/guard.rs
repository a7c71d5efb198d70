//! Guards for aliases that are also common words ("Reading", "Nice",
//! "Chad"): such an alias counts only where its capital letter marks a name.

use crate::doc::Span;
use crate::swar;

/// Whether a common-word alias at `span` may count: it is not the first word
/// of its sentence or line, and its line is not set in capitals or title case
/// (headlines capitalize every word).
pub(crate) fn common_word_allowed(text: &str, span: Span) -> bool {
    !starts_sentence(text, span.start) && !headline_line(text, span.start)
}

/// Whether a short name's alias (`Guard::NotInHeadline`) at `span` may
/// count: not in a headline, where it reads as an acronym or starts a
/// longer name ("TALKS IN GAO", "Vice-Premier Yao Yilin Visits"); and
/// at a sentence start ("Iowa voters", "Bonn said") only as a word of its
/// own, written as a name: one before a capitalized word starts a longer
/// name ("Gao Jianming", "Vic Fazio", "Ohio Edison"), and one in capitals
/// not before a comma is an acronym ("GAO said"), not a dateline ("BONN,").
pub(crate) fn short_name_allowed(text: &str, span: Span) -> bool {
    if headline_line(text, span.start) {
        return false;
    }
    if !starts_sentence(text, span.start) {
        return !ends_a_name(text, span.start);
    }
    let after = text.get(span.end..).unwrap_or("");
    let in_capitals = text
        .get(span.start..span.end)
        .is_some_and(|s| !s.chars().any(char::is_lowercase));
    let next = after.trim_start_matches([' ', '\t']).chars().next();
    !(next.is_some_and(char::is_uppercase) || in_capitals && next != Some(','))
}

/// Whether the word starting at `at` continues a name: right after a
/// capitalized word of two letters or more, across white space or a hyphen
/// ("Noboru Goto", "Kumagai Gumi", "Liang Kuo-Shu"), though not after a
/// possessive ("Kohl's Bonn"), a party's initial ("D-Iowa") or a sentence's
/// first word.
fn ends_a_name(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let word_end = before.trim_end_matches(char::is_whitespace);
    let word_end = if word_end.len() == before.len() {
        match before.strip_suffix('-') {
            Some(b) => b,
            None => return false,
        }
    } else {
        word_end
    };
    let word = last_word(word_end, |c| c.is_alphanumeric() || matches!(c, '\'' | '’'));
    let start = word_end.len() - word.len();
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.ends_with("'s")
        && !word.ends_with("’s")
        // Capitalized as the sentence's first word: "In Bonn", "The Bonn
        // government", "Two Utah banks".
        && !starts_sentence(text, start)
}

/// Whether a place's name matched at `span` in capitals, though `alias` is
/// not written so, reads as an acronym instead: a word of five letters at
/// most ("GAO" is no town of Gao, "ICA" no city of Ica) inside running text
/// (its line has lower-case letters), not at the line's start, where wire
/// copy sets its datelines in capitals ("ROME, March 3 -"). `lines` keeps
/// the last line's answer for the next match: a headline in capitals holds
/// many.
// Inlined into the dictionary stage's loop over capitalized matches
// whichever code unit this module lands in: a call there costs more.
#[inline]
pub(crate) fn reads_as_acronym(text: &str, span: Span, alias: &str, lines: &mut LineCase) -> bool {
    let (Some(before), Some(surface)) = (text.get(..span.start), text.get(span.start..span.end))
    else {
        return false;
    };
    if surface
        .chars()
        .filter(|c| c.is_alphabetic())
        .nth(5)
        .is_some()
        || surface.chars().any(char::is_lowercase)
        || !alias.chars().any(char::is_lowercase)
    {
        return false;
    }
    // Only blanks before it on its line: a dateline's place.
    let at_line_start = before
        .bytes()
        .rev()
        .find(|&b| b == b'\n' || !b.is_ascii_whitespace())
        .is_none_or(|b| b == b'\n');
    !at_line_start && lines.has_lower(text, span.start)
}

/// Whether a line of a text has a lower-case letter, remembered for the
/// last line asked about.
#[derive(Debug, Default)]
pub(crate) struct LineCase {
    /// The last line's byte range and its answer.
    last: Option<(usize, usize, bool)>,
}

impl LineCase {
    /// Whether the line holding `at` has a lower-case letter.
    fn has_lower(&mut self, text: &str, at: usize) -> bool {
        if let Some((start, end, lower)) = self.last {
            if start <= at && at < end {
                return lower;
            }
        }
        let range = line_at(text.as_bytes(), at);
        let (start, end) = (range.start, range.end);
        let line = &text[range];
        let lower = if line.is_ascii() {
            line.bytes().any(|c| c.is_ascii_lowercase())
        } else {
            line.chars().any(char::is_lowercase)
        };
        self.last = Some((start, end, lower));
        lower
    }
}

/// Whether a qualifier alias at `span` qualifies the name before it: only
/// white space stands between it and a comma, and between that comma and a
/// word with a capital letter ("Irvine, Calif.", "Coeur d'Alene, Idaho").
pub(crate) fn qualifies_name(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("").trim_end();
    let Some(before) = before.strip_suffix(',') else {
        return false;
    };
    let before = before.trim_end();
    // The word before the comma: its letters, digits and the marks inside
    // names ("St.", "Winston-Salem", "Coeur d'Alene").
    last_word(before, |c| {
        c.is_alphanumeric() || matches!(c, '.' | '-' | '\'')
    })
    .chars()
    .any(char::is_uppercase)
}

/// The run of characters `in_word` accepts at the end of `s`.
fn last_word(s: &str, in_word: impl Fn(char) -> bool) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| in_word(c))
        .last()
        .map_or(s.len(), |(k, _)| k);
    &s[start..]
}

/// True when only white space, opening quotes or brackets stand between the
/// start of the sentence (or line, or text) and `at`.
pub(crate) fn starts_sentence(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    for c in before.chars().rev() {
        match c {
            '\n' | '.' | '!' | '?' | ':' | ';' | '•' => return true,
            '"' | '\'' | '(' | '[' | '“' | '‘' | '«' | '-' | '–' | '—' => continue,
            c if c.is_whitespace() => {}
            _ => return false,
        }
    }
    true
}

/// The byte range of the line holding `at` (its line break excluded).
pub(crate) fn line_at(b: &[u8], at: usize) -> std::ops::Range<usize> {
    let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |k| k + 1);
    let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |k| at + k);
    start..end
}

/// `name` with each run of white space made one space: a name wrapped onto
/// the next line ("Denis\nBra Kanon") as written on one line. Borrowed when
/// it is so already.
pub(crate) fn on_one_line(name: &str) -> std::borrow::Cow<'_, str> {
    // This runs for every name a rule finds: most are ASCII with no tab,
    // line break or double space, told eight bytes at a time (the high bit
    // of `space_before` is whether the previous word ended in a space); the
    // rest byte by byte.
    let mut space_before = 0;
    let plain = name.as_bytes().chunks(8).all(|chunk| {
        let x = swar::load_le(chunk);
        let spaces = swar::in_range(x, b' ', b' ');
        let doubled = spaces & (spaces << 8 | space_before);
        space_before = spaces >> 56;
        x & swar::HIGH == 0 && swar::in_range(x, b'\t', b'\r') == 0 && doubled == 0
    });
    let mut after_space = false;
    let one_line = plain
        || name.bytes().all(|c| {
            let ok = c < 0x80 && !(c.is_ascii_whitespace() && (c != b' ' || after_space));
            after_space = c == b' ';
            ok
        })
        || (!name.is_ascii() && {
            let mut after_space = false;
            name.chars().all(|c| {
                let ok = !(c.is_whitespace() && (c != ' ' || after_space));
                after_space = c == ' ';
                ok
            })
        });
    if one_line {
        return name.into();
    }
    // The words pushed one by one: no list of them to join.
    let mut one = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !one.is_empty() {
            one.push(' ');
        }
        one.push_str(word);
    }
    one.into()
}

/// True when the line holding `at` has no lower-case word, or when nearly
/// every word of four letters or more is capitalized.
pub(crate) fn headline_line(text: &str, at: usize) -> bool {
    let line = text.get(line_at(text.as_bytes(), at)).unwrap_or("");
    if line.len() > 400 {
        // Body paragraphs are long lines; headlines are short.
        return false;
    }
    let (mut long, mut capitalized, mut lower_letters, mut letters) = (0, 0, 0, 0);
    for word in line.split(|c: char| !c.is_alphanumeric()) {
        for c in word.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_lowercase() {
                    lower_letters += 1;
                }
            }
        }
        if word.chars().count() >= 4 {
            long += 1;
            if word.chars().next().is_some_and(char::is_uppercase) {
                capitalized += 1;
            }
        }
    }
    if letters > 0 && lower_letters == 0 {
        return true;
    }
    long >= 3 && capitalized * 10 >= long * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(text: &str, word: &str) -> bool {
        let start = text.find(word).unwrap();
        common_word_allowed(
            text,
            Span {
                start,
                end: start + word.len(),
            },
        )
    }

    #[test]
    fn qualifiers_follow_a_name_and_a_comma() {
        let table = [
            ("based in Irvine, Calif., said", "Calif.", true),
            ("FARMINGTON HILLS, Mich., March 3", "Mich.", true),
            ("in Winston-Salem,\n  N.C.", "N.C.", true),
            ("Coeur d'Alene, Idaho", "Idaho", true),
            ("He fell Ill. Then", "Ill.", false),
            ("prices, Mass. transit", "Mass.", false),
            ("in 1987, Calif. said", "Calif.", false),
            ("Calif. is", "Calif.", false),
            ("Zürich, Ill.", "Ill.", true),
        ];
        for (text, word, want) in table {
            let start = text.rfind(word).unwrap();
            let span = Span {
                start,
                end: start + word.len(),
            };
            assert_eq!(qualifies_name(text, span), want, "{text:?}");
        }
    }

    #[test]
    fn acronyms_in_running_text() {
        let table = [
            ("Analysis that the GAO has obtained", "GAO", "Gao", true),
            ("ROME, March 3 - Italy said", "ROME", "Rome", false),
            ("TALKS IN GAO FAIL", "GAO", "Gao", false),
            ("the town of Gao in Mali", "Gao", "Gao", false),
            ("the NASDAQ market rose", "NASDAQ", "Nasdaq", false),
            ("the NATO summit", "NATO", "NATO", false),
        ];
        for (text, word, alias, want) in table {
            let start = text.find(word).unwrap();
            let span = Span {
                start,
                end: start + word.len(),
            };
            assert_eq!(
                reads_as_acronym(text, span, alias, &mut LineCase::default()),
                want,
                "{text:?}"
            );
        }
    }

    #[test]
    fn names_on_one_line() {
        for (name, want, borrowed) in [
            ("Ahn Gyu-back", "Ahn Gyu-back", true),
            ("Denis\nBra  Kanon", "Denis Bra Kanon", false),
            ("Ahn\r\nGyu-back", "Ahn Gyu-back", false),
            ("Jean\u{a0}Dé", "Jean Dé", false),
            // Double spaces and tabs at and across eight-byte boundaries.
            ("Abcdefg  Hijklmn", "Abcdefg Hijklmn", false),
            ("Abcdefgh  Ij", "Abcdefgh Ij", false),
            ("Abcdefghijklmno\tP", "Abcdefghijklmno P", false),
            ("Abcdefgh Ijklmno Pq", "Abcdefgh Ijklmno Pq", true),
        ] {
            let got = on_one_line(name);
            assert_eq!(got, want);
            assert_eq!(
                matches!(got, std::borrow::Cow::Borrowed(_)),
                borrowed,
                "{name:?}"
            );
        }
        let text = "HEADLINE\nbody text\nLAST";
        assert_eq!(&text[line_at(text.as_bytes(), 12)], "body text");
        assert_eq!(&text[line_at(text.as_bytes(), 0)], "HEADLINE");
        assert_eq!(&text[line_at(text.as_bytes(), text.len())], "LAST");
    }

    /// One `LineCase` over the matches of a text, line after line.
    #[test]
    fn line_case_follows_the_lines() {
        let text = "TALKS IN GAO FAIL\nAnalysis that the GAO has obtained\nGAO AGAIN";
        let mut lines = LineCase::default();
        let got: Vec<bool> = text
            .match_indices("GAO")
            .map(|(start, w)| {
                let span = Span {
                    start,
                    end: start + w.len(),
                };
                reads_as_acronym(text, span, "Gao", &mut lines)
            })
            .collect();
        assert_eq!(got, [false, true, false]);
    }

    #[test]
    fn short_names() {
        let table = [
            ("Iowa voters went to the polls.", "Iowa", true),
            ("Voters in Iowa went to the polls.", "Iowa", true),
            ("IOWA FARMERS SEE GAINS", "IOWA", false),
            ("Vice-Premier Yao Yilin Visits Tokyo", "Yao", false),
            ("Gao Jianming signed. Later Gao said", "Gao", false),
            ("He said so. Bonn, Paris and Rome agreed.", "Bonn", true),
            (
                "BONN, March 3 - The economy grew, officials said.",
                "BONN",
                true,
            ),
            ("It rose. GAO said costs rose.", "GAO", false),
            ("the GAO said", "GAO", true),
            // A name's later word is no town.
            ("said Noboru Goto, president", "Goto", false),
            ("said Liang Kuo-Shu, chairman", "Shu", false),
            ("Chancellor Kohl's Bonn government", "Bonn", true),
            ("Sen. Tom Harkin (D-Iowa) said", "Iowa", true),
            ("visited Bonn and Iowa", "Iowa", true),
            ("It fell. In Bonn, officials said", "Bonn", true),
            ("It fell. The Bonn government said", "Bonn", true),
        ];
        for (text, word, want) in table {
            let start = text.find(word).unwrap();
            let span = Span {
                start,
                end: start + word.len(),
            };
            assert_eq!(short_name_allowed(text, span), want, "{text:?}");
        }
    }

    #[test]
    fn table() {
        let table = [
            ("He moved to Reading last year.", "Reading", true),
            ("Reading is fun.", "Reading", false),
            ("Prices rose. Reading the report, he", "Reading", false),
            ("“Reading is fun,” he said.", "Reading", false),
            ("FLOODS HIT READING TOWN CENTRE", "READING", false),
            ("Floods Hit Reading Town Centre Again", "Reading", false),
            ("the team from Nice won", "Nice", true),
        ];
        for (text, word, want) in table {
            assert_eq!(allowed(text, word), want, "{:?}", text);
        }
    }
}
