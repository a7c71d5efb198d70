//! Byte offsets to char offsets.

/// The number of chars in `s` (its length when it is ASCII).
pub(crate) fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Converts increasing byte offsets of one text to char offsets, walking the
/// text once (it starts over if asked for an earlier offset).
pub(crate) struct CharOffsets<'a> {
    text: &'a str,
    /// Whether `text` is ASCII: its byte offsets are its char offsets (one
    /// check of the text, not one of each piece between offsets).
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    pub(crate) fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    /// The char offset of byte offset `at`, which must be on a char
    /// boundary (else the count is of the chars before the last boundary).
    pub(crate) fn at(&mut self, at: usize) -> usize {
        if self.ascii && at <= self.text.len() {
            return at;
        }
        if at < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let piece = self.text.get(self.byte..at).unwrap_or("");
        self.chars += char_len(piece);
        self.byte += piece.len();
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets() {
        let text = "aé서b";
        let mut c = CharOffsets::new(text);
        assert_eq!(c.at(1), 1);
        assert_eq!(c.at(3), 2);
        assert_eq!(c.at(6), 3);
        assert_eq!(c.at(1), 1);
        assert_eq!(char_len("서울"), 2);
    }
}
