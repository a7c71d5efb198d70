//! Reading rule files: word lists, macros and rules, one JSON object a line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::lexicon::{Case, Lexicon};
use super::pattern::{self, Parsed};
use crate::dictionary::Label;
use crate::Error;

/// A rule as read from its file, before compiling.
#[derive(Clone, Debug)]
pub(crate) struct RuleDef {
    pub name: String,
    pub parsed: Parsed,
    pub kind: Option<String>,
    pub overrides: Vec<Label>,
    pub file: PathBuf,
    pub line: usize,
}

/// What the rule files of a rule set hold, in load order.
#[derive(Debug, Default)]
pub(crate) struct Sources {
    pub lex: Lexicon,
    pub defines: HashMap<String, String>,
    /// (file, line, object) of rule lines, parsed once every list is known.
    pending: Vec<(PathBuf, usize, Map<String, Value>)>,
    pub rules: Vec<RuleDef>,
}

impl Sources {
    /// Adds one file's content; `name` is used in errors.
    pub(crate) fn add(&mut self, name: &Path, content: &str) -> Result<(), Error> {
        for (i, line) in content.lines().enumerate() {
            let at = |e: Error| e.at(name, i + 1);
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(line)
                .map_err(|e| at(Error::syntax(format!("syntax error: {}", e))))?;
            let Value::Object(obj) = v else {
                return Err(at(Error::syntax("a line must be a JSON object")));
            };
            self.add_object(name, i + 1, obj).map_err(at)?;
        }
        Ok(())
    }

    fn add_object(
        &mut self,
        file: &Path,
        line: usize,
        obj: Map<String, Value>,
    ) -> Result<(), Error> {
        if obj.contains_key("meta") {
            return only(&obj, &["meta"]);
        }
        if let Some(list) = obj.get("list") {
            only(&obj, &["list", "case", "words", "note"])?;
            let name = ident(list, "list")?;
            let case = match obj.get("case") {
                None => Case::Capitalized,
                Some(Value::String(s)) => Case::parse(s).ok_or_else(|| {
                    Error::invalid(format!(
                        "case must be capitalized, any or upper, got '{}'",
                        s
                    ))
                })?,
                Some(_) => return Err(Error::invalid("case must be a string")),
            };
            let bit = self.lex.list(name, case).map_err(Error::invalid)?;
            let Some(Value::Array(words)) = obj.get("words") else {
                return Err(Error::invalid("a list needs 'words', an array of strings"));
            };
            for w in words {
                match w.as_str() {
                    Some(w) if !w.trim().is_empty() && !w.contains(' ') => {
                        self.lex.add_word(w, bit)
                    }
                    _ => {
                        return Err(Error::invalid(format!(
                            "bad word {} (one word, a string)",
                            w
                        )))
                    }
                }
            }
            return Ok(());
        }
        if let Some(def) = obj.get("define") {
            only(&obj, &["define", "pattern", "note"])?;
            let name = ident(def, "define")?;
            let pat = str_field(&obj, "pattern")?;
            self.defines.insert(name.to_string(), pat.to_string());
            return Ok(());
        }
        if obj.contains_key("rule") {
            only(&obj, &["rule", "pattern", "kind", "override", "note"])?;
            self.pending.push((file.to_path_buf(), line, obj));
            return Ok(());
        }
        Err(Error::syntax(
            "a line must be a 'meta', 'list', 'define' or 'rule' object",
        ))
    }

    /// Parses the rules once every list and macro is known.
    pub(crate) fn finish_rules(&mut self) -> Result<(), Error> {
        for (file, line, obj) in std::mem::take(&mut self.pending) {
            let at = |e: Error| e.at(&file, line);
            let name = ident(&obj["rule"], "rule").map_err(at)?.to_string();
            let in_rule = |m: String| Error::invalid(format!("rule '{}': {}", name, m));
            let pat = str_field(&obj, "pattern").map_err(at)?;
            let expanded = pattern::expand(pat, &self.defines).map_err(|m| at(in_rule(m)))?;
            let parsed = pattern::parse(&expanded, &mut self.lex).map_err(|m| at(in_rule(m)))?;
            let targets = parsed
                .captures
                .iter()
                .filter(|c| matches!(c.as_str(), "person" | "org" | "place"))
                .count();
            if targets != 1 {
                return Err(at(in_rule(
                    "needs exactly one of the captures person, org, place".into(),
                )));
            }
            let kind = match obj.get("kind") {
                None => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(_) => return Err(at(in_rule("kind must be a string".into()))),
            };
            let mut overrides = Vec::new();
            if let Some(v) = obj.get("override") {
                let Value::Array(labels) = v else {
                    return Err(at(in_rule("override must be an array of labels".into())));
                };
                for l in labels {
                    let label = l
                        .as_str()
                        .and_then(parse_label)
                        .ok_or_else(|| at(in_rule(format!("unknown label {}", l))))?;
                    overrides.push(label);
                }
            }
            self.rules.push(RuleDef {
                name,
                parsed,
                kind,
                overrides,
                file,
                line,
            });
        }
        Ok(())
    }
}

pub(crate) fn parse_label(s: &str) -> Option<Label> {
    Label::ALL.into_iter().find(|l| l.as_str() == s)
}

fn only(obj: &Map<String, Value>, allowed: &[&str]) -> Result<(), Error> {
    match obj.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(Error::syntax(format!("unknown field '{}'", k))),
        None => Ok(()),
    }
}

fn ident<'a>(v: &'a Value, what: &str) -> Result<&'a str, Error> {
    match v.as_str() {
        Some(s) if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
            Ok(s)
        }
        _ => Err(Error::invalid(format!(
            "'{}' must be a name of letters, digits and '_', got {}",
            what, v
        ))),
    }
}

fn str_field<'a>(obj: &'a Map<String, Value>, key: &str) -> Result<&'a str, Error> {
    obj.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| Error::syntax(format!("missing string field '{}'", key)))
}
