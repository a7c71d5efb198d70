//! The crate's error type.
//!
//! One opaque [`Error`] with a private kind, in the style of `aho-corasick` and
//! `regex-automata`: messages are lower case, and a dictionary error says where it
//! happened (file, line and entry) through accessors, so that a program can point a
//! user at the offending line.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error from building a [`Tagger`](crate::Tagger) or loading its data.
///
/// Tagging itself never fails: any `&str` is valid input.
///
/// # Example
///
/// ```
/// use gazetag::Dictionary;
///
/// let err = Dictionary::from_jsonl_str("mine.jsonl", r#"{"id": "x", "label": "robot", "kind": "k", "name": "X"}"#)
///     .unwrap_err();
/// assert_eq!(err.line(), Some(1));
/// assert_eq!(err.entry(), Some("x"));
/// assert!(err.to_string().contains("mine.jsonl:1"));
/// ```
#[derive(Clone, Debug)]
pub struct Error {
    kind: ErrorKind,
    file: Option<PathBuf>,
    line: Option<usize>,
    entry: Option<String>,
}

#[derive(Clone, Debug)]
enum ErrorKind {
    /// A file could not be read.
    Io(String),
    /// A line is not valid JSON, or does not have the shape of an entry.
    Syntax(String),
    /// An entry is well formed but breaks a rule of the format.
    Invalid(String),
    /// The matcher could not be built.
    Build(String),
}

impl Error {
    pub(crate) fn io(path: &Path, err: &std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io(err.to_string()),
            file: Some(path.to_path_buf()),
            line: None,
            entry: None,
        }
    }

    pub(crate) fn syntax(msg: impl Into<String>) -> Error {
        Error::from_kind(ErrorKind::Syntax(msg.into()))
    }

    pub(crate) fn invalid(msg: impl Into<String>) -> Error {
        Error::from_kind(ErrorKind::Invalid(msg.into()))
    }

    pub(crate) fn build(msg: impl Into<String>) -> Error {
        Error::from_kind(ErrorKind::Build(msg.into()))
    }

    fn from_kind(kind: ErrorKind) -> Error {
        Error {
            kind,
            file: None,
            line: None,
            entry: None,
        }
    }

    pub(crate) fn at(mut self, file: &Path, line: usize) -> Error {
        self.file = Some(file.to_path_buf());
        self.line = Some(line);
        self
    }

    pub(crate) fn in_entry(mut self, id: &str) -> Error {
        self.entry = Some(id.to_string());
        self
    }

    /// The file the error was found in, if it came from a file.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The 1-based line of the file, if the error is about one line.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The id of the entry (or the text of the rule) at fault, if known.
    pub fn entry(&self) -> Option<&str> {
        self.entry.as_deref()
    }

    /// True when the error comes from reading a file (it does not exist, it
    /// cannot be read), rather than from its content.
    pub fn is_io(&self) -> bool {
        matches!(self.kind, ErrorKind::Io(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{}:{}: ", file.display(), line)?,
            (Some(file), None) => write!(f, "{}: ", file.display())?,
            _ => {}
        }
        if let Some(entry) = &self.entry {
            write!(f, "entry '{}': ", entry)?;
        }
        match &self.kind {
            ErrorKind::Io(msg) => write!(f, "cannot read: {}", msg),
            ErrorKind::Syntax(msg) => write!(f, "syntax error: {}", msg),
            ErrorKind::Invalid(msg) => write!(f, "{}", msg),
            ErrorKind::Build(msg) => write!(f, "cannot build matcher: {}", msg),
        }
    }
}

impl std::error::Error for Error {}
