//! One dictionary entry and its aliases.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::normalize::fold;
use crate::Error;

/// The coarse type of an entity, as in the output contract.
///
/// # Example
///
/// ```
/// use gazetag::Label;
/// assert_eq!(Label::Place.as_str(), "place");
/// assert_eq!("nationality".parse::<Label>().ok(), Some(Label::Nationality));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Label {
    /// A person: `Pete Hegseth`.
    Person,
    /// An organization: `the Defense Ministry`, `NATO`, `Yonhap`.
    Organization,
    /// A place: a country, city, region: `South Korea`, `Pyongyang`.
    Place,
    /// A nationality or demonym: `South Korean`, `American`.
    Nationality,
}

impl Label {
    /// Every label, in a fixed order.
    pub const ALL: [Label; 4] = [
        Label::Person,
        Label::Organization,
        Label::Place,
        Label::Nationality,
    ];

    /// The label's name in the output contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "person",
            Label::Organization => "organization",
            Label::Place => "place",
            Label::Nationality => "nationality",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Label {
    type Err = Error;
    fn from_str(s: &str) -> Result<Label, Error> {
        Label::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| {
                Error::invalid(format!(
                    "unknown label '{}' (expected person, organization, place or nationality)",
                    s
                ))
            })
    }
}

/// When an alias counts as a match, judged against the original text.
///
/// The default, [`MatchPolicy::Auto`], is resolved when the entry is loaded
/// (see [`MatchPolicy::resolve`]), so an [`Alias`] never holds `Auto`.
///
/// # Example
///
/// ```
/// use gazetag::MatchPolicy;
/// assert_eq!(MatchPolicy::Auto.resolve("NATO"), MatchPolicy::Exact);
/// assert_eq!(MatchPolicy::Auto.resolve("U.S."), MatchPolicy::Exact);
/// assert_eq!(MatchPolicy::Auto.resolve("China"), MatchPolicy::Capitalized);
/// assert_eq!(MatchPolicy::Auto.resolve("missile test"), MatchPolicy::Any);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum MatchPolicy {
    /// The text must be written exactly as the alias (case included).
    Exact,
    /// Every upper-case letter of the alias must be upper case in the text.
    Capitalized,
    /// Any case.
    Any,
    /// Like `Capitalized`, and only after a non-short alias of the same entry
    /// appeared earlier in the document (surnames: `Hegseth`).
    Short,
    /// `Exact` for short all-caps aliases, `Capitalized` for aliases with an
    /// upper-case letter, else `Any`.
    #[default]
    Auto,
}

impl MatchPolicy {
    /// Resolves `Auto` for the given alias text; other policies are returned
    /// unchanged.
    pub fn resolve(self, alias: &str) -> MatchPolicy {
        if self != MatchPolicy::Auto {
            return self;
        }
        let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
        let has_lower = alias.chars().any(|c| c.is_lowercase());
        let has_upper = alias.chars().any(|c| c.is_uppercase());
        if !has_lower && has_upper && letters <= 5 {
            MatchPolicy::Exact
        } else if has_upper {
            MatchPolicy::Capitalized
        } else {
            MatchPolicy::Any
        }
    }

    /// The policy's name in the dictionary format.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchPolicy::Exact => "exact",
            MatchPolicy::Capitalized => "capitalized",
            MatchPolicy::Any => "any",
            MatchPolicy::Short => "short",
            MatchPolicy::Auto => "auto",
        }
    }
}

/// Extra conditions on an alias that is also an ordinary word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Guard {
    /// No extra condition.
    #[default]
    None,
    /// Counts only where its capital letter marks a name: not as the first
    /// word of a sentence or line, not in all-caps or title-case lines.
    CommonWord,
    /// Counts except in a headline (a line in capitals or title case),
    /// where a short name reads as an acronym ("EDE", "ICO") or starts a
    /// longer name; it counts as a word of its own, at a sentence start too
    /// ("Iowa voters", "Bonn said"), not as a later word of a name ("Noboru
    /// Goto"). For short names that are no ordinary word.
    NotInHeadline,
    /// Counts only as the qualifier of the name before it: right after a
    /// comma that follows a capitalized word ("Irvine, Calif.", "FARMINGTON
    /// HILLS, Mich."). For abbreviations of regions that are also words or
    /// titles elsewhere ("Ill.", "Miss.", "Mass.").
    Qualifier,
}

/// One way of writing an entry's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Alias {
    /// The alias as written in the dictionary. Shared (an `Arc`) so that
    /// the alias that spells the entry's name is the name's own text.
    pub text: Arc<str>,
    /// When it counts as a match (never `Auto` once loaded).
    #[serde(rename = "match")]
    pub policy: MatchPolicy,
    /// Extra conditions for aliases that are also common words.
    pub guard: Guard,
}

impl Alias {
    /// An alias with the given policy (`Auto` is resolved) and no guard.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::{Alias, MatchPolicy};
    /// assert_eq!(Alias::new("ROK", MatchPolicy::Auto).policy, MatchPolicy::Exact);
    /// ```
    pub fn new(text: &str, policy: MatchPolicy) -> Alias {
        Alias::shared(Arc::from(text), policy)
    }

    /// [`Alias::new`] taking the text it keeps, for the loader.
    pub(crate) fn shared(text: Arc<str>, policy: MatchPolicy) -> Alias {
        Alias {
            policy: policy.resolve(&text),
            text,
            guard: Guard::None,
        }
    }
}

/// A dictionary entry: one entity and the ways news writes its name.
///
/// See `dictionaries/README.md` for the meaning of each field. A large
/// dictionary holds a million of these, so the layout is compact: texts
/// are boxed or shared slices (no spare capacity), the kind, country and
/// office texts are shared by every entry that has the same one, and the
/// fields most entries leave out are in [`Details`], allocated only for
/// entries that have one.
///
/// # Example
///
/// ```
/// use gazetag::{Entry, Label};
/// let mut e = Entry::new("place:country:KR", Label::Place, "country", "South Korea");
/// e.country = Some("KR".into());
/// e.details_mut().wikidata = Some("Q884".to_string());
/// assert_eq!(&*e.kind, "country");
/// assert_eq!(e.country.as_deref(), Some("KR"));
/// assert_eq!(e.details().wikidata.as_deref(), Some("Q884"));
/// assert_eq!(e.details().refers_to, None);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Entry {
    /// Stable, unique id (`place:country:KR`).
    pub id: Box<str>,
    /// Coarse type.
    pub label: Label,
    /// Finer kind (`country`, `defense_ministry`, `defense_minister` ...).
    pub kind: Arc<str>,
    /// Canonical name.
    pub name: Arc<str>,
    /// Aliases; the canonical name is one of them (the first, unless the
    /// dictionary spells it out with its own policy).
    pub aliases: Vec<Alias>,
    /// ISO 3166-1 alpha-2 code of the entity's country.
    pub country: Option<Arc<str>>,
    /// A person's office.
    pub office: Option<Arc<str>>,
    /// Population, for places: a prior when a name is ambiguous.
    pub population: Option<u64>,
    /// Higher wins when one surface names several entries.
    pub priority: i32,
    /// The surface names no single entity (the nationality "Korean").
    pub ambiguous: bool,
    /// The rarely given fields; `None` when the entry has none of them
    /// (read them with [`Entry::details`]).
    pub details: Option<Box<Details>>,
}

/// The fields of an [`Entry`] that most entries leave out.
///
/// # Example
///
/// ```
/// use gazetag::Details;
/// let mut d = Details::default();
/// d.wikidata = Some("Q884".to_string());
/// assert!(d.attrs.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Details {
    /// Id of a related entry (a nationality's country).
    pub refers_to: Option<String>,
    /// Start of validity (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub valid_from: Option<String>,
    /// End of validity.
    pub valid_to: Option<String>,
    /// When a curated entry was last checked.
    pub last_checked: Option<String>,
    /// Wikidata id (`Q884`).
    pub wikidata: Option<String>,
    /// Other attributes.
    pub attrs: BTreeMap<String, String>,
}

/// What [`Entry::details`] shows for an entry without details.
static NO_DETAILS: Details = Details {
    refers_to: None,
    valid_from: None,
    valid_to: None,
    last_checked: None,
    wikidata: None,
    attrs: BTreeMap::new(),
};

impl Details {
    /// Whether no field is set (such details are not stored).
    pub(super) fn is_empty(&self) -> bool {
        *self == NO_DETAILS
    }
}

impl Entry {
    /// A new entry with its name as only alias.
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::{Entry, Label, MatchPolicy};
    /// let mut e = Entry::new("person:hegseth", Label::Person, "defense_minister", "Pete Hegseth");
    /// e.aliases.push(gazetag::Alias::new("Hegseth", MatchPolicy::Short));
    /// assert_eq!(&*e.aliases[0].text, "Pete Hegseth");
    /// ```
    pub fn new(id: &str, label: Label, kind: &str, name: &str) -> Entry {
        let name: Arc<str> = Arc::from(name);
        Entry {
            id: Box::from(id),
            label,
            kind: Arc::from(kind),
            aliases: vec![Alias::shared(name.clone(), MatchPolicy::Auto)],
            name,
            country: None,
            office: None,
            population: None,
            priority: 0,
            ambiguous: false,
            details: None,
        }
    }

    /// The rarely given fields (all empty when the entry has none).
    ///
    /// # Example
    ///
    /// ```
    /// let doc = gazetag::Tagger::default().tag("Talks in Pyongyang.");
    /// let entry = doc.entry(&doc.mentions()[0]).unwrap();
    /// assert_eq!(entry.details().refers_to.as_deref(), Some("place:country:KP"));
    /// ```
    pub fn details(&self) -> &Details {
        self.details.as_deref().unwrap_or(&NO_DETAILS)
    }

    /// The rarely given fields, to change them (allocated on first use).
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::{Entry, Label};
    /// let mut e = Entry::new("nationality:KR", Label::Nationality, "demonym", "South Korean");
    /// e.details_mut().refers_to = Some("place:country:KR".to_string());
    /// assert_eq!(e.details().refers_to.as_deref(), Some("place:country:KR"));
    /// ```
    pub fn details_mut(&mut self) -> &mut Details {
        self.details.get_or_insert_with(Box::default)
    }

    /// Checks the rules of the format that one entry can break on its own;
    /// errors name the entry.
    pub(crate) fn validated(mut self) -> Result<Entry, Error> {
        match self.check_and_tidy() {
            Ok(()) => Ok(self),
            Err(e) => Err(e.in_entry(&self.id)),
        }
    }

    /// [`Entry::validated`]'s checks; drops repeated aliases and empty
    /// details.
    fn check_and_tidy(&mut self) -> Result<(), Error> {
        if self.id.trim().is_empty() || self.id.trim() != &*self.id {
            return Err(Error::invalid("id is empty or has surrounding white space"));
        }
        if self.kind.trim().is_empty() {
            return Err(Error::invalid("kind is empty"));
        }
        if self.name.trim().is_empty() {
            return Err(Error::invalid("name is empty"));
        }
        if self.details.as_ref().is_some_and(|d| d.is_empty()) {
            self.details = None;
        }
        let details = self.details();
        for date in [
            &details.valid_from,
            &details.valid_to,
            &details.last_checked,
        ]
        .into_iter()
        .flatten()
        {
            check_date(date)?;
        }
        if let Some(q) = &details.wikidata {
            let ok =
                q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit());
            if !ok {
                return Err(Error::invalid(format!("invalid wikidata id '{}'", q)));
            }
        }
        if let Some(c) = &self.country {
            if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(Error::invalid(format!(
                    "country must be an ISO 3166-1 alpha-2 code, got '{}'",
                    c
                )));
            }
        }
        // An alias written out for the name replaces the name's implicit,
        // `auto` alias (so that a policy or guard given for it holds).
        if self.aliases.len() > 1
            && self.aliases[1..]
                .iter()
                .any(|a| a.text == self.aliases[0].text)
        {
            self.aliases.remove(0);
        }
        for alias in &self.aliases {
            check_alias(alias)?;
        }
        dedup_aliases(&mut self.aliases);
        // A growing vector keeps room for more; a million entries would
        // carry that slack for good.
        self.aliases.shrink_to_fit();
        Ok(())
    }
}

/// The format's field order, every field written (absent ones as `null`),
/// as the loader reads it back.
impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.details();
        let mut st = s.serialize_struct("Entry", 16)?;
        st.serialize_field("id", &*self.id)?;
        st.serialize_field("label", &self.label)?;
        st.serialize_field("kind", &*self.kind)?;
        st.serialize_field("name", &*self.name)?;
        st.serialize_field("aliases", &self.aliases)?;
        st.serialize_field("country", &self.country.as_deref())?;
        st.serialize_field("refers_to", &d.refers_to)?;
        st.serialize_field("office", &self.office.as_deref())?;
        st.serialize_field("valid_from", &d.valid_from)?;
        st.serialize_field("valid_to", &d.valid_to)?;
        st.serialize_field("last_checked", &d.last_checked)?;
        st.serialize_field("wikidata", &d.wikidata)?;
        st.serialize_field("population", &self.population)?;
        st.serialize_field("priority", &self.priority)?;
        st.serialize_field("ambiguous", &self.ambiguous)?;
        st.serialize_field("attrs", &d.attrs)?;
        st.end()
    }
}

/// Drops aliases that repeat an earlier one (same text and policy).
fn dedup_aliases(aliases: &mut Vec<Alias>) {
    let same = |a: &Alias, b: &Alias| a.policy == b.policy && a.text == b.text;
    // Most entries have a handful of aliases: a quadratic scan beats a hash
    // set (and its copy of every text) at that size.
    let dup: Vec<bool> = if aliases.len() <= 16 {
        (0..aliases.len())
            .map(|k| aliases[..k].iter().any(|b| same(b, &aliases[k])))
            .collect()
    } else {
        let mut seen = std::collections::HashSet::new();
        aliases
            .iter()
            .map(|a| !seen.insert((&*a.text, a.policy)))
            .collect()
    };
    let mut dup = dup.into_iter();
    aliases.retain(|_| !dup.next().unwrap_or(false));
}

fn check_alias(alias: &Alias) -> Result<(), Error> {
    let text: &str = &alias.text;
    if text.trim().is_empty() {
        return Err(Error::invalid("empty or white-space alias"));
    }
    if text.trim() != text {
        return Err(Error::invalid(format!(
            "alias '{}' has surrounding white space",
            text
        )));
    }
    // Folding maps ASCII letters and digits to letters and digits in place:
    // an ASCII alias that starts and ends with one passes the checks below,
    // and most aliases are such, so the fold (an allocation) is skipped.
    let bytes = text.as_bytes();
    let plain = text.is_ascii()
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric);
    if !plain {
        check_folded(text)?;
    }
    let alnum = text.chars().filter(|c| c.is_alphanumeric()).count();
    if alnum <= 2 && alias.policy != MatchPolicy::Exact {
        return Err(Error::invalid(format!(
            "alias '{}' has one or two characters and needs \"match\": \"exact\"",
            text
        )));
    }
    Ok(())
}

/// The checks of an alias that need its fold.
fn check_folded(text: &str) -> Result<(), Error> {
    let folded = fold(text);
    if !folded.chars().any(|c| c.is_alphanumeric()) {
        return Err(Error::invalid(format!(
            "alias '{}' folds to no letter or digit",
            text
        )));
    }
    let first_ok = folded.chars().next().is_some_and(|c| c.is_alphanumeric());
    let last_ok = folded
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '.');
    if !first_ok || !last_ok {
        return Err(Error::invalid(format!(
            "alias '{}' must start with a letter or digit and end with one or '.'",
            text
        )));
    }
    Ok(())
}

fn check_date(date: &str) -> Result<(), Error> {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 1, 12),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && digits(d, 2) && in_range(m, 1, 12) && in_range(d, 1, 31)
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "invalid date '{}' (expected YYYY, YYYY-MM or YYYY-MM-DD)",
            date
        )))
    }
}

fn in_range(s: &str, lo: u32, hi: u32) -> bool {
    s.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_in_the_file_format() {
        let mut e = Entry::new("place:country:KR", Label::Place, "country", "South Korea");
        e.country = Some("KR".into());
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"id":"place:country:KR","label":"place","kind":"country","name":"South Korea","aliases":[{"text":"South Korea","match":"capitalized","guard":"none"}],"country":"KR","refers_to":null,"office":null,"valid_from":null,"valid_to":null,"last_checked":null,"wikidata":null,"population":null,"priority":0,"ambiguous":false,"attrs":{}}"#
        );
        let d = e.details_mut();
        d.wikidata = Some("Q884".to_string());
        d.attrs.insert("iso3".to_string(), "KOR".to_string());
        let json = serde_json::to_string(&e).unwrap();
        let back = crate::Dictionary::from_jsonl_str("t.jsonl", &json).unwrap();
        assert_eq!(back.entries(), [e]);
    }

    #[test]
    fn dates() {
        for ok in ["2025", "2025-07", "2025-07-31"] {
            assert!(check_date(ok).is_ok(), "{}", ok);
        }
        for bad in ["25", "2025-13", "2025-07-32", "2025/07/01", "", "2025-7-1"] {
            assert!(check_date(bad).is_err(), "{}", bad);
        }
    }

    #[test]
    fn repeated_aliases_are_dropped() {
        for n in [3, 40] {
            let mut aliases: Vec<Alias> = (0..n)
                .flat_map(|i| {
                    let text = format!("Name {}", i % 5);
                    [
                        Alias::new(&text, MatchPolicy::Any),
                        Alias::new(&text, MatchPolicy::Exact),
                    ]
                })
                .collect();
            dedup_aliases(&mut aliases);
            let got: Vec<(&str, MatchPolicy)> =
                aliases.iter().map(|a| (&*a.text, a.policy)).collect();
            let want: Vec<(String, MatchPolicy)> = (0..n.min(5))
                .flat_map(|i| {
                    let text = format!("Name {}", i);
                    [(text.clone(), MatchPolicy::Any), (text, MatchPolicy::Exact)]
                })
                .collect();
            let want: Vec<(&str, MatchPolicy)> =
                want.iter().map(|(t, p)| (t.as_str(), *p)).collect();
            assert_eq!(got, want, "{} aliases", n);
        }
    }

    #[test]
    fn plain_ascii_aliases_pass_the_fold_checks() {
        // What the fast path of `check_alias` takes for granted.
        for text in [
            "a\x01b", "A\tB", "a``b", "a--b", "O'b", "x \x7f y", "0.5", "Z",
        ] {
            assert!(check_folded(text).is_ok(), "{:?}", text);
        }
    }

    #[test]
    fn aliases() {
        let bad = [
            Alias::new(" ", MatchPolicy::Any),
            Alias::new("--", MatchPolicy::Exact),
            Alias::new(" Korea", MatchPolicy::Any),
            Alias::new("US", MatchPolicy::Capitalized),
            Alias::new("-Korea", MatchPolicy::Any),
        ];
        for a in &bad {
            assert!(check_alias(a).is_err(), "{:?}", a);
        }
        for a in [
            Alias::new("U.S.", MatchPolicy::Auto),
            Alias::new("US", MatchPolicy::Exact),
            Alias::new("Côte d'Ivoire", MatchPolicy::Auto),
        ] {
            assert!(check_alias(&a).is_ok(), "{:?}", a);
        }
    }
}
