//! "The" in an organization's name. In mid-sentence, a capitalized "The"
//! right before an organization is part of its name: "supporting The Cult",
//! "a division of The Disabilities Trust", "published in The Economist".
//! After a lower-case word, a comma, an opening parenthesis or a slash,
//! nothing but the name capitalizes it. At the start of a sentence or
//! after a quotation mark or a dash it says nothing ("\"The Fed's stance",
//! "1990 - The United States won"); nor after a capitalized word, as in a
//! headline in title case ("Band Supports The Cult"). The words are those of
//! the list `name_article`; the mention is extended over the word and keeps
//! its entity and its evidence.

use super::apply::word_before;
use super::token::Kind;
use super::RuleSet;
use crate::dictionary::Label;
use crate::doc::Doc;
use crate::resolve::Taken;

/// Extends each organization over the article that starts its name (see
/// the module docs).
pub(crate) fn take_articles(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken) {
    let mut buf = String::new();
    for i in 0..doc.mentions.len() {
        let m = doc.mentions[i];
        if m.label != Label::Organization {
            continue;
        }
        let b = doc.field_text(m.field).as_bytes();
        let Some((s, e)) = word_before(b, m.span.start) else {
            continue;
        };
        let prev_end = match i.checked_sub(1).map(|k| &doc.mentions[k]) {
            Some(p) if p.field == m.field => p.span.end,
            _ => 0,
        };
        if s < prev_end
            || e == m.span.start
            || !b[e..m.span.start].iter().all(|&c| c == b' ')
            || !is_article(rules, &doc.field_text(m.field)[s..e], &mut buf)
            || !mid_sentence(b, s)
        {
            continue;
        }
        taken.remove(m.field, m.span);
        doc.mentions[i].span.start = s;
        taken.insert(m.field, doc.mentions[i].span);
    }
}

/// Whether `word` is a capitalized word of `name_article` ("The").
fn is_article(rules: &RuleSet, word: &str, buf: &mut String) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && rules.lex.lookup(word, Kind::Cap, buf) & rules.name_articles != 0
}

/// Whether the word at `i` is in mid-sentence: after a lower-case word, a
/// comma, an opening parenthesis or a slash, on its line or the line before
/// (a hard-wrapped paragraph); not across a blank line nor at the start of
/// an indented line, which start paragraphs.
fn mid_sentence(b: &[u8], i: usize) -> bool {
    let before = b[..i].trim_ascii_end();
    let gap = &b[before.len()..i];
    if let Some(k) = gap.iter().position(|&c| c == b'\n') {
        if k + 1 < gap.len() {
            return false;
        }
    }
    match before.last() {
        Some(b',' | b'(' | b'/') => true,
        Some(c) if c.is_ascii_alphabetic() => {
            word_before(b, before.len()).is_some_and(|(s, _)| b[s].is_ascii_lowercase())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::mid_sentence;

    #[test]
    fn mid_sentence_is_after_a_lower_case_word_or_a_comma() {
        // (text, the article's offset, mid-sentence?)
        let cases: &[(&str, usize, bool)] = &[
            ("supporting The Cult", 11, true),
            ("Poetry London, The Australian", 15, true),
            ("(The Oval)", 1, true),
            ("a division of\nThe Trust", 14, true),
            ("The Fed rose", 0, false),
            ("\" The Fed rose", 2, false),
            ("1990 - The United States", 7, false),
            ("Band Supports The Cult", 14, false),
            ("a deal\n\nThe Fed rose", 8, false),
            ("was insolvent\n    The Fed rose", 18, false),
            ("at 5 p.m. The Fed rose", 10, false),
        ];
        for &(text, i, want) in cases {
            assert_eq!(&text[i..i + 3], "The", "{:?}", text);
            assert_eq!(mid_sentence(text.as_bytes(), i), want, "{:?}", text);
        }
    }
}
