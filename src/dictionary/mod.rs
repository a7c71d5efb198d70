//! Dictionaries: entries, their aliases and match policies, and the loader.
//!
//! The on-disk format is JSON Lines, one entry per line, documented in
//! `dictionaries/README.md`. [`Dictionary`] holds the parsed, validated
//! entries of any number of files; the [`Tagger`](crate::Tagger) compiles them
//! into one matcher.

mod builtin;
mod entry;
mod index;
mod load;

pub(crate) use builtin::{builtin_dictionary, builtin_files};

pub use entry::{Alias, Details, Entry, Guard, Label, MatchPolicy};

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use index::IdIndex;

use crate::Error;

/// A set of dictionary entries, with a stop list, loaded from one or more
/// JSON Lines files.
///
/// # Example
///
/// ```
/// use gazetag::{Dictionary, Label};
///
/// let dict = Dictionary::from_jsonl_str("mine.jsonl", r#"
/// {"id": "place:country:KR", "label": "place", "kind": "country", "name": "South Korea", "aliases": [{"text": "ROK", "match": "exact"}], "country": "KR"}
/// "#)?;
/// assert_eq!(dict.len(), 1);
/// let entry = dict.get("place:country:KR").unwrap();
/// assert_eq!(entry.label, Label::Place);
/// assert_eq!(entry.aliases.len(), 2); // the name is an alias too
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    entries: Vec<Entry>,
    by_id: IdIndex,
    stop: Vec<String>,
    /// One copy of each kind, country and office text: a few hundred
    /// values repeated over up to millions of entries.
    shared: Shared,
}

impl Dictionary {
    /// An empty dictionary.
    pub fn new() -> Dictionary {
        Dictionary::default()
    }

    /// Parses one JSON Lines document; `name` is used in error messages.
    pub fn from_jsonl_str(name: &str, content: &str) -> Result<Dictionary, Error> {
        let mut dict = Dictionary::new();
        dict.add_jsonl_str(name, content)?;
        Ok(dict)
    }

    /// Loads a file, or every `*.jsonl` file below a directory (recursively,
    /// in sorted path order).
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::Dictionary;
    /// let err = Dictionary::from_path("no/such/dir").unwrap_err();
    /// assert!(err.is_io());
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Dictionary, Error> {
        let mut dict = Dictionary::new();
        dict.add_path(path)?;
        Ok(dict)
    }

    /// Adds the entries of one JSON Lines document; `name` is used in error
    /// messages. Ids must stay unique across everything added.
    pub fn add_jsonl_str(&mut self, name: &str, content: &str) -> Result<(), Error> {
        load::parse_into(self, Path::new(name), content)
    }

    /// Adds a file, or every `*.jsonl` file below a directory.
    pub fn add_path(&mut self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        for file in load::jsonl_files(path)? {
            let content = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, &e))?;
            load::parse_into(self, &file, &content)?;
        }
        Ok(())
    }

    /// Adds one entry (validated as if it came from a file).
    ///
    /// # Example
    ///
    /// ```
    /// use gazetag::{Dictionary, Entry, Label};
    /// let mut dict = Dictionary::new();
    /// dict.push(Entry::new("org:nato", Label::Organization, "international_org", "NATO"))?;
    /// assert!(dict.get("org:nato").is_some());
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    pub fn push(&mut self, entry: Entry) -> Result<(), Error> {
        self.insert_shared(entry.validated()?)
    }

    /// Adds a validated entry, its kind, country and office texts replaced
    /// by the dictionary's shared copies.
    fn insert_shared(&mut self, mut entry: Entry) -> Result<(), Error> {
        self.shared.share(&mut entry.kind);
        if let Some(country) = &mut entry.country {
            self.shared.share(country);
        }
        if let Some(office) = &mut entry.office {
            self.shared.share(office);
        }
        self.insert(entry)
    }

    /// Adds a validated entry whose texts are already shared.
    fn insert(&mut self, entry: Entry) -> Result<(), Error> {
        self.entries.push(entry);
        let at = self.entries.len() - 1;
        if !self.by_id.insert(&self.entries, at) {
            let entry = self.entries.pop();
            let id = entry.as_ref().map_or("", |e| &*e.id);
            return Err(Error::invalid("duplicate id").in_entry(id));
        }
        Ok(())
    }

    /// Makes room for `more` entries.
    pub(crate) fn reserve(&mut self, more: usize) {
        self.entries.reserve_exact(more);
        self.by_id.reserve(&self.entries, more);
    }

    pub(crate) fn add_stop(&mut self, surface: String) {
        self.stop.push(surface);
    }

    /// Merges another dictionary into this one.
    pub fn extend(&mut self, other: Dictionary) -> Result<(), Error> {
        if self.entries.is_empty() && self.stop.is_empty() {
            *self = other;
            return Ok(());
        }
        self.reserve(other.entries.len());
        for entry in other.entries {
            self.insert_shared(entry)?;
        }
        self.stop.extend(other.stop);
        Ok(())
    }

    /// Looks an entry up by id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(&self.entries, id).map(|i| &self.entries[i])
    }

    /// All entries, in load order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Surfaces on the stop list, as written in the files.
    pub fn stop_list(&self) -> &[String] {
        &self.stop
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Checks references between entries (`refers_to` must name a loaded
    /// entry). Run by the tagger's builder once every file is added.
    pub fn validate(&self) -> Result<(), Error> {
        for entry in &self.entries {
            if let Some(target) = &entry.details().refers_to {
                if self.get(target).is_none() {
                    return Err(Error::invalid(format!(
                        "refers_to names an unknown entry '{}'",
                        target
                    ))
                    .in_entry(&entry.id));
                }
            }
        }
        Ok(())
    }
}

/// The texts that entries share.
#[derive(Clone, Debug, Default)]
struct Shared(HashSet<Arc<str>>);

impl Shared {
    /// Points `text` at the shared copy of its value (made shared if new).
    fn share(&mut self, text: &mut Arc<str>) {
        match self.0.get(&**text) {
            Some(copy) => *text = copy.clone(),
            None => {
                self.0.insert(text.clone());
            }
        }
    }

    /// The shared copy of `text` (made if new).
    fn get(&mut self, text: &str) -> Arc<str> {
        match self.0.get(text) {
            Some(copy) => copy.clone(),
            None => {
                let copy: Arc<str> = Arc::from(text);
                self.0.insert(copy.clone());
                copy
            }
        }
    }
}
