//! Eight bytes at a time: byte tests over a little-endian word, for the
//! scans that look at every byte of a text or of a word.

use std::ops::RangeInclusive;

const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `b` (fewer zero-padded) as a little-endian
/// word: from two overlapping loads, neither a loop nor a copy of variable
/// length (a call to `memcpy`).
#[inline]
pub(crate) fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        return u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
    }
    if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        return u64::from(lo) | u64::from(hi) << (8 * (n - 4));
    }
    if n == 0 {
        return 0;
    }
    // One to three bytes: the first, the middle and the last.
    u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1))
}

/// The high bit of each byte of `x` that is ASCII and in `lo..=hi`.
#[inline]
pub(crate) fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let low = x & !HIGH;
    // Per byte, with the high bit clear: at least `lo`, at most `hi`; no
    // carry or borrow crosses into the next byte.
    let above = (low + ONES * (0x80 - u64::from(lo))) & HIGH;
    let below = (ONES * (0x80 + u64::from(hi)) - low) & HIGH;
    above & below & !x
}

/// The high bit of each byte of `x` equal to `c`: as `in_range(x, c, c)`,
/// in five operations rather than seven.
#[inline]
pub(crate) fn eq_byte(x: u64, c: u8) -> u64 {
    // The bytes equal to `c` are the zero bytes of `t`: adding 0x7F to the
    // low seven bits takes every other byte to the high bit (or it has it),
    // and carries out of no byte.
    let t = x ^ (ONES * u64::from(c));
    !(((t & !HIGH) + !HIGH) | t) & HIGH
}

/// The high bit of each byte of `x` that is an ASCII digit: as
/// `in_range(x, b'0', b'9')`, in five operations rather than seven.
#[inline]
pub(crate) fn ascii_digits(x: u64) -> u64 {
    // The low seven bits with those of '0' flipped are below ten for a
    // digit only (and for 0xB0-0xB9, which `| x` turns away); adding 0x76
    // takes ten and more to the high bit, and carries out of no byte (at
    // most 0x7F + 0x76).
    let flipped = (x ^ (ONES * u64::from(b'0'))) & !HIGH;
    !((flipped + ONES * (0x80 - 10)) | x) & HIGH
}

/// How many bytes of `x` have their high bit set, `x` holding no other
/// bits (a mask of the tests above): one multiplication adds the bytes'
/// bits, where `count_ones` without the `popcnt` instruction (not in the
/// baseline x86-64 target) is a dozen instructions.
#[inline]
pub(crate) fn count_high(x: u64) -> usize {
    ((x >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// Each byte of `x` whose high bit is set (`x` holding no other bits, a
/// mask of the tests above) as 0xFF, the others as 0: a mask to keep them.
#[inline]
pub(crate) fn spread_high(x: u64) -> u64 {
    (x >> 7).wrapping_mul(0xFF)
}

/// The high bit of each byte of `x` that is ASCII white space, as
/// `u8::is_ascii_whitespace` tells it: '\t', '\n', '\x0C', '\r' and ' '
/// (not '\x0B').
#[inline]
pub(crate) fn ascii_whitespace(x: u64) -> u64 {
    // Of the bytes '\t' to '\r' (9 to 13), '\x0B' alone has both low bits
    // set.
    let low_bits_set = (x & x >> 1 & ONES) << 7;
    in_range(x, b'\t', b'\r') & !low_bits_set | eq_byte(x, b' ')
}

/// [`ascii_whitespace`] in fewer operations where, as in most eight bytes
/// of a text, no byte is a control byte: then the white space is the bytes
/// up to ' '. (In a loop that tests other bytes of `x` as well, the test
/// of the controls may cost more than it saves.)
#[inline]
pub(crate) fn ascii_whitespace_in_text(x: u64) -> u64 {
    match in_range(x, 0, 0x1F) {
        0 => in_range(x, 0, b' '),
        _ => ascii_whitespace(x),
    }
}

/// The high bit of each byte of `x` that is an ASCII letter or digit.
#[inline]
pub(crate) fn alphanumeric(x: u64) -> u64 {
    in_range(x, b'0', b'9') | in_range(x, b'A', b'Z') | in_range(x, b'a', b'z')
}

/// The first index from `i` (or `b.len()`) holding an ASCII byte of
/// `range`, or any non-ASCII byte when `non_ascii`.
#[inline]
pub(crate) fn skip_to_range(
    b: &[u8],
    mut i: usize,
    range: RangeInclusive<u8>,
    non_ascii: bool,
) -> usize {
    let (lo, hi) = (*range.start(), *range.end());
    let high = if non_ascii { HIGH } else { 0 };
    while i + 8 <= b.len() {
        let x = load_le(&b[i..i + 8]);
        let hits = in_range(x, lo, hi) | (x & high);
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !(range.contains(&b[i]) || (non_ascii && b[i] >= 0x80)) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_zero_padded() {
        let b: Vec<u8> = (1..=10).collect();
        for n in 0..=10 {
            let mut w = [0u8; 8];
            let k = n.min(8);
            w[..k].copy_from_slice(&b[..k]);
            assert_eq!(load_le(&b[..n]), u64::from_le_bytes(w), "{n}");
        }
    }

    #[test]
    fn byte_tests_match_the_scalar_ones() {
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all.chunks(8).chain([&b"ab"[..], b"Z9\xff"]) {
            let x = load_le(chunk);
            for (k, &c) in chunk.iter().enumerate() {
                let bit = |m: u64| m >> (8 * k + 7) & 1 == 1;
                assert_eq!(bit(in_range(x, b'0', b'9')), c.is_ascii_digit(), "{c}");
                assert_eq!(bit(alphanumeric(x)), c.is_ascii_alphanumeric(), "{c}");
                assert_eq!(bit(ascii_digits(x)), c.is_ascii_digit(), "{c}");
                assert_eq!(bit(eq_byte(x, b' ')), c == b' ', "{c}");
                assert_eq!(bit(eq_byte(x, 0xE2)), c == 0xE2, "{c}");
                assert_eq!(bit(ascii_whitespace(x)), c.is_ascii_whitespace(), "{c}");
                let in_text = ascii_whitespace_in_text(x);
                assert_eq!(bit(in_text), c.is_ascii_whitespace(), "{c}");
            }
            // Padding is no letter or digit.
            if chunk.len() < 8 {
                assert_eq!(alphanumeric(x) >> (8 * chunk.len()), 0);
            }
        }
    }

    #[test]
    fn counts_high_bits() {
        for x in [0, HIGH, 0x80, 0x8000_0000_0000_0000, 0x0080_8000_8080_0080] {
            assert_eq!(count_high(x), x.count_ones() as usize, "{x:x}");
        }
    }

    #[test]
    fn skips_to_capitals_and_non_ascii() {
        let text = "abc def ghi jkl mno Pqr stu vwx yz é [@`{ Z";
        let b = text.as_bytes();
        let mut i = 0;
        let mut hits = Vec::new();
        while i < b.len() {
            i = skip_to_range(b, i, b'A'..=b'Z', true);
            if i < b.len() {
                hits.push(i);
                i += 1;
            }
        }
        let want: Vec<usize> = b
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_ascii_uppercase() || **c >= 0x80)
            .map(|(k, _)| k)
            .collect();
        assert_eq!(hits, want);
    }
}
