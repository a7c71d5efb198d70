/*!
The abbreviation and function word data used by the sentence splitter.

Both tables are kept sorted (in byte order) so that lookups are a binary
search; a unit test checks the order. Abbreviations are stored without their
final period and are matched case-sensitively, because case carries meaning
here: "Gen." is a title, "gen." is not a word news text abbreviates.
*/

use crate::swar::load_le;

/// How an abbreviation followed by a period interacts with sentence
/// boundaries.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Kind {
    /// Precedes a name or a noun, so the period never ends a sentence:
    /// "Mr.", "Gen.", "vs.", "e.g.".
    Never,
    /// Usually sits inside a sentence but often ends one too: "U.S.",
    /// "Inc.", "Jan.", "a.m.". The period ends a sentence only when the next
    /// word is a capitalized function word ("in the U.S. The next day").
    Sometimes,
    /// Precedes a number: the period is not a boundary before a digit
    /// ("No. 1"), and follows the ordinary rules otherwise.
    BeforeNumber,
    /// Ordinary sentence rules apply: "etc." ends a sentence whenever the
    /// next word could start one. It is listed so that the decision is
    /// explicit rather than accidental.
    Ordinary,
}

/// Abbreviations common in news text, without their final period.
///
/// Dotted initialisms that are not listed ("N.Y.", "J.R.R.") and single
/// upper-case initials ("John F. Kennedy") are recognized by shape and
/// treated as [`Kind::Sometimes`].
pub(crate) const ABBREVIATIONS: &[(&str, Kind)] = &[
    ("A.M", Kind::Sometimes),
    ("Adm", Kind::Never),
    ("Ala", Kind::Sometimes),
    ("Amb", Kind::Never),
    ("Apr", Kind::Sometimes),
    ("Ariz", Kind::Sometimes),
    ("Ark", Kind::Sometimes),
    ("Art", Kind::BeforeNumber),
    ("Assn", Kind::Sometimes),
    ("Atty", Kind::Never),
    ("Aug", Kind::Sometimes),
    ("Ave", Kind::Sometimes),
    ("Blvd", Kind::Sometimes),
    ("Brig", Kind::Never),
    ("Bros", Kind::Sometimes),
    ("Calif", Kind::Sometimes),
    ("Capt", Kind::Never),
    ("Cmdr", Kind::Never),
    ("Co", Kind::Sometimes),
    ("Col", Kind::Never),
    ("Colo", Kind::Sometimes),
    ("Conn", Kind::Sometimes),
    ("Corp", Kind::Sometimes),
    ("Cos", Kind::Sometimes),
    ("Cpl", Kind::Never),
    ("Dec", Kind::Sometimes),
    ("Del", Kind::Sometimes),
    ("Dept", Kind::Never),
    ("Det", Kind::Never),
    ("Dist", Kind::Sometimes),
    ("Dr", Kind::Never),
    ("Drs", Kind::Never),
    ("E.U", Kind::Sometimes),
    ("Feb", Kind::Sometimes),
    ("Fig", Kind::BeforeNumber),
    ("Fla", Kind::Sometimes),
    ("Fr", Kind::Never),
    ("Ft", Kind::Never),
    ("Ga", Kind::Sometimes),
    ("Gen", Kind::Never),
    ("Gens", Kind::Never),
    ("Gov", Kind::Never),
    ("Govs", Kind::Never),
    ("Hon", Kind::Never),
    ("Ill", Kind::Sometimes),
    ("Inc", Kind::Sometimes),
    ("Ind", Kind::Sometimes),
    ("Insp", Kind::Never),
    ("Intl", Kind::Sometimes),
    ("Jan", Kind::Sometimes),
    ("Jr", Kind::Sometimes),
    ("Jul", Kind::Sometimes),
    ("Jun", Kind::Sometimes),
    ("Kan", Kind::Sometimes),
    ("Ky", Kind::Sometimes),
    ("LLC", Kind::Sometimes),
    ("La", Kind::Sometimes),
    ("Lieut", Kind::Never),
    ("Lt", Kind::Never),
    ("Ltd", Kind::Sometimes),
    ("Maj", Kind::Never),
    ("Mar", Kind::Sometimes),
    ("Mass", Kind::Sometimes),
    ("Md", Kind::Sometimes),
    ("Messrs", Kind::Never),
    ("Mich", Kind::Sometimes),
    ("Minn", Kind::Sometimes),
    ("Miss", Kind::Sometimes),
    ("Mmes", Kind::Never),
    ("Mo", Kind::Sometimes),
    ("Mont", Kind::Sometimes),
    ("Mr", Kind::Never),
    ("Mrs", Kind::Never),
    ("Ms", Kind::Never),
    ("Mt", Kind::Never),
    ("Neb", Kind::Sometimes),
    ("Nev", Kind::Sometimes),
    ("No", Kind::BeforeNumber),
    ("Nos", Kind::BeforeNumber),
    ("Nov", Kind::Sometimes),
    ("Nr", Kind::BeforeNumber),
    ("Oct", Kind::Sometimes),
    ("Okla", Kind::Sometimes),
    ("Ore", Kind::Sometimes),
    ("P.M", Kind::Sometimes),
    ("Pa", Kind::Sometimes),
    ("Pfc", Kind::Never),
    ("Ph.D", Kind::Sometimes),
    ("Plc", Kind::Sometimes),
    ("Pres", Kind::Never),
    ("Prof", Kind::Never),
    ("Pvt", Kind::Never),
    ("Rd", Kind::Sometimes),
    ("Rep", Kind::Never),
    ("Reps", Kind::Never),
    ("Rev", Kind::Never),
    ("Sec", Kind::Never),
    ("Sen", Kind::Never),
    ("Sens", Kind::Never),
    ("Sep", Kind::Sometimes),
    ("Sept", Kind::Sometimes),
    ("Sgt", Kind::Never),
    ("Sr", Kind::Sometimes),
    ("St", Kind::Sometimes),
    ("Supt", Kind::Never),
    ("Tenn", Kind::Sometimes),
    ("Tex", Kind::Sometimes),
    ("U.K", Kind::Sometimes),
    ("U.N", Kind::Sometimes),
    ("U.S", Kind::Sometimes),
    ("U.S.A", Kind::Sometimes),
    ("Univ", Kind::Never),
    ("Va", Kind::Sometimes),
    ("Vol", Kind::BeforeNumber),
    ("Vt", Kind::Sometimes),
    ("Wash", Kind::Sometimes),
    ("Wis", Kind::Sometimes),
    ("Wyo", Kind::Sometimes),
    ("a.m", Kind::Sometimes),
    ("approx", Kind::Never),
    ("cf", Kind::Never),
    ("e.g", Kind::Never),
    ("etc", Kind::Ordinary),
    ("i.e", Kind::Never),
    ("p", Kind::BeforeNumber),
    ("p.m", Kind::Sometimes),
    ("plc", Kind::Sometimes),
    ("pp", Kind::BeforeNumber),
    ("v", Kind::Never),
    ("viz", Kind::Never),
    ("vs", Kind::Never),
];

/// Capitalized words that commonly start a sentence but rarely continue a
/// name, title or organization. After a [`Kind::Sometimes`] abbreviation
/// they signal that the abbreviation also ended the sentence.
const FUNCTION_WORDS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Either",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "Most",
    "Much",
    "My",
    "Neither",
    "No",
    "Nor",
    "Now",
    "Officials",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Our",
    "She",
    "Since",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thus",
    "To",
    "Two",
    "Under",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
    "Your",
];

/// Looks up an abbreviation, given without its final period.
pub(crate) fn lookup(word: &str) -> Option<Kind> {
    // No abbreviation is longer than seven bytes (a test checks it).
    if word.len() > 7 {
        return None;
    }
    let key = load_le(word.as_bytes()).swap_bytes() | word.len() as u64;
    KEYS.binary_search(&key).ok().map(|i| ABBREVIATIONS[i].1)
}

/// Each abbreviation's bytes, zero-padded to seven, as a big-endian number,
/// and its length in the last byte: such numbers order as the words do
/// (none holds a zero byte), so `KEYS` is sorted as [`ABBREVIATIONS`] is,
/// and a lookup compares numbers, not strings (it runs at every period
/// followed by a capital).
static KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        let b = ABBREVIATIONS[i].0.as_bytes();
        let mut k = 0;
        while k < 7 {
            keys[i] <<= 8;
            if k < b.len() {
                keys[i] |= b[k] as u64;
            }
            k += 1;
        }
        keys[i] = keys[i] << 8 | b.len() as u64;
        i += 1;
    }
    keys
};

/// Returns true if `word` is a capitalized function word.
pub(crate) fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        for pair in ABBREVIATIONS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} !< {:?}", pair[0].0, pair[1].0);
        }
        for pair in FUNCTION_WORDS.windows(2) {
            assert!(pair[0] < pair[1], "{:?} !< {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn keys_find_what_the_words_find() {
        assert!(KEYS.windows(2).all(|w| w[0] < w[1]));
        let by_words = |word: &str| {
            ABBREVIATIONS
                .binary_search_by(|&(w, _)| w.cmp(word))
                .ok()
                .map(|i| ABBREVIATIONS[i].1)
        };
        for &(w, _) in ABBREVIATIONS {
            assert!(w.len() <= 7 && !w.contains('\0'), "{w:?}");
            let longer = format!("{w}a");
            for word in [w, &w[..w.len() - 1], &w[1..], &longer, &w.to_lowercase()] {
                assert_eq!(lookup(word), by_words(word), "{word:?}");
            }
        }
        for word in [
            "",
            "A",
            "Z",
            "U.S.A",
            "Messrsss",
            "Abcdefghi",
            "Jan\0",
            "\0",
            "Jan\0\0\0\0",
        ] {
            assert_eq!(lookup(word), by_words(word), "{word:?}");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup("Mr"), Some(Kind::Never));
        assert_eq!(lookup("U.S"), Some(Kind::Sometimes));
        assert_eq!(lookup("No"), Some(Kind::BeforeNumber));
        assert_eq!(lookup("etc"), Some(Kind::Ordinary));
        assert_eq!(lookup("mr"), None);
        assert_eq!(lookup(""), None);
        assert!(is_function_word("The"));
        assert!(!is_function_word("the"));
        assert!(!is_function_word("Smith"));
    }
}
