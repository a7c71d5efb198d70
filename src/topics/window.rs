//! The runs of text around a phrase hit that surely lie in its sentence,
//! found without the sentence splitter.

use std::ops::Range;

use crate::swar::{load_le, HIGH};

/// Whether the sentence splitter ([`crate::segment::sentences`]) can decide
/// at this byte that a sentence ends: every sentence start but the first lies
/// after such a byte with nothing but punctuation and white space between.
/// So two word starts with none of these bytes between them are in one
/// sentence. (A test checks this against the splitter.)
fn may_end_sentence(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'\n' | 0xE2 | 0xE3 | 0xEF)
}

/// The widest byte range around word start `at` in which no byte between a
/// word start and `at` may end a sentence: every word start in it is in the
/// sentence of `at`. In `wrapped` text (as the splitter is told, see
/// [`crate::segment::looks_hard_wrapped`]) a line break followed by a letter
/// or digit only wraps a line, and does not bound the window: a window is
/// then a sentence, not a line, and far fewer hits need the splitter.
pub(super) fn special_free_window(text: &str, at: usize, wrapped: bool) -> Range<usize> {
    let b = text.as_bytes();
    let lo = last_may_end(b, at, wrapped).map_or(0, |p| p + 1);
    let hi = next_may_end(b, at, wrapped).unwrap_or(b.len());
    lo..hi + 1
}

/// Whether the splitter can decide at byte `i` of `b` that a sentence ends
/// (see [`may_end_sentence`]): in `wrapped` text, not at a line break
/// followed by a letter or digit, which is neither blank, indented nor a
/// bullet.
#[inline]
fn may_end_at(b: &[u8], i: usize, wrapped: bool) -> bool {
    may_end_sentence(b[i])
        && !(wrapped && b[i] == b'\n' && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric))
}

/// The high bit of each byte of `x` that may end a sentence or is not
/// ASCII (the caller looks closer): the zero-byte trick, which may flag a
/// byte above a true hit but never misses one. The scans below skip eight
/// bytes at a time with it (a window spans a sentence, scanned on every hit
/// with context), and look closer at the flagged bytes alone (in wrapped
/// text most lines' break is one, and the bytes around it were looked at
/// one by one).
fn chunk_may_end(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let zero = |c: u8| {
        let v = x ^ (ONES * u64::from(c));
        v.wrapping_sub(ONES) & !v
    };
    (zero(b'.') | zero(b'!') | zero(b'?') | zero(b'\n') | x) & HIGH
}

/// The first byte from `i` on that may end a sentence.
fn next_may_end(b: &[u8], mut i: usize, wrapped: bool) -> Option<usize> {
    while let Some(chunk) = b.get(i..i + 8) {
        // The flagged bytes, lowest first.
        let mut flags = chunk_may_end(load_le(chunk));
        while flags != 0 {
            let p = i + flags.trailing_zeros() as usize / 8;
            if may_end_at(b, p, wrapped) {
                return Some(p);
            }
            flags &= flags - 1;
        }
        i += 8;
    }
    (i..b.len()).find(|&p| may_end_at(b, p, wrapped))
}

/// The last byte before `end` that may end a sentence.
fn last_may_end(b: &[u8], mut end: usize, wrapped: bool) -> Option<usize> {
    while let Some(chunk) = end.checked_sub(8).and_then(|s| b.get(s..end)) {
        // The flagged bytes, highest first.
        let mut flags = chunk_may_end(load_le(chunk));
        while flags != 0 {
            let bit = 63 - flags.leading_zeros();
            let p = end - 8 + bit as usize / 8;
            if may_end_at(b, p, wrapped) {
                return Some(p);
            }
            flags &= !(1 << bit);
        }
        end -= 8;
    }
    b.get(..end)?;
    (0..end).rfind(|&p| may_end_at(b, p, wrapped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{hard_block, sentences_judged};
    use proptest::prelude::*;

    /// Every word start in a [`special_free_window`] is in the sentence of
    /// the window's word start, as the splitter decides it, the text
    /// hard-wrapped or not; and the window's hard block (see
    /// [`hard_block`]) is that of its word start.
    fn check_windows(text: &str) {
        for wrapped in [false, true] {
            check_windows_judged(text, wrapped);
        }
    }

    fn check_windows_judged(text: &str, wrapped: bool) {
        let starts: Vec<usize> = sentences_judged(text, Some(wrapped))
            .map(|r| r.start)
            .collect();
        let sentence = |p: usize| starts.partition_point(|&s| s <= p);
        let word_starts: Vec<usize> = text
            .char_indices()
            .filter(|&(i, c)| {
                c.is_alphanumeric()
                    && !text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            })
            .map(|(i, _)| i)
            .collect();
        for &a in &word_starts {
            let w = special_free_window(text, a, wrapped);
            let block = hard_block(text, w.start..w.end - 1);
            assert_eq!(block, hard_block(text, a..a), "{:?} ({})", text, wrapped);
            for &b in &word_starts {
                if w.contains(&b) {
                    assert_eq!(
                        sentence(a),
                        sentence(b),
                        "{:?} ({}): {} and {}",
                        text,
                        wrapped,
                        a,
                        b
                    );
                }
            }
        }
    }

    #[test]
    fn windows_stay_in_one_sentence() {
        for text in [
            "Gen. Lee met Mr. Smith in the U.S. The talks, held at 9 a.m. on Jan. 5, went well! \"Good,\" he said.\nNext line",
            "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects.\n    The dry period means the temporao will be late.",
            "Talks… ended。次の文 “Quoted.” (Aside.) [x] end",
            "A\u{2028}B\u{2029}C – d — e",
        ] {
            check_windows(text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn windows_match_the_splitter(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "the", "The", "Mr.", "U.S.", "a.m.", "Jan.", "5", "3.5", "went", "well!",
                    "why?", "\"Good,\"", "(yes.)", "end.", "…", "。", "Über", "said.\n", "\n",
                    "\n\n", "\n    ", "- item", "• item", "’s", "x", "e.g.", "No.", "Inc.",
                    "wrapped\nline", "on\n9", "x\n- item", "x\n• item", "x\n[y]", "end.\nNext",
                    "x\n\ny", "x\nÜber", "x\n",
                ]),
                0..40,
            )
        ) {
            let text = words.join(" ");
            check_windows(&text);
        }
    }

    proptest! {
        /// The scans find what a byte at a time finds.
        #[test]
        fn scans_match_bytewise(
            bytes in prop::collection::vec(
                prop::sample::select(vec![
                    b'a', b' ', b'.', b'!', b'?', b'\n', b'-', 0x0b, 0x2d, 0x80, 0xe2, 0xe3, 0xef,
                    0xc3, 0xa9, 0xff, 0x01, b'1', b'Z',
                ]),
                0..48,
            ),
            at in 0usize..48,
        ) {
            let at = at.min(bytes.len());
            for wrapped in [false, true] {
                let simple = |&p: &usize| may_end_at(&bytes, p, wrapped);
                prop_assert_eq!(next_may_end(&bytes, at, wrapped), (at..bytes.len()).find(simple));
                prop_assert_eq!(last_may_end(&bytes, at, wrapped), (0..at).rfind(simple));
            }
        }
    }
}
