//! Why a span was or was not tagged: [`Tagger::explain`](crate::Tagger::explain).

use serde::Serialize;

use crate::dictionary::Label;
use crate::doc::{Doc, EntityRef, Evidence, Field, Mention, Reason, Rejected, Span};

/// The explanation of one span: the mentions and the rejected candidates
/// that overlap it, each with its evidence, and a one-line verdict.
///
/// # Example
///
/// ```
/// use gazetag::{Span, Tagger};
///
/// let text = "Mr. Jordan met officials in Seoul.";
/// let start = text.find("Jordan").unwrap();
/// let why = Tagger::default().explain(text, Span { start, end: start + 6 });
/// assert!(why.verdict.starts_with("tagged"), "{}", why.verdict);
/// assert_eq!(why.mentions[0].rule.as_deref(), Some("honorific_name"));
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    /// The span asked about.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// One line: what happened to the span.
    pub verdict: String,
    /// Mentions overlapping the span, in order.
    pub mentions: Vec<ExplainedCandidate>,
    /// Candidates overlapping the span that lost, with why.
    pub rejected: Vec<ExplainedCandidate>,
    /// The overlap policy of the tagger.
    pub overlap_policy: &'static str,
}

/// A mention or a losing candidate, in an [`Explanation`].
#[derive(Clone, Debug, Serialize)]
pub struct ExplainedCandidate {
    /// Where it is.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// Its label.
    pub label: Option<Label>,
    /// The entity id (`None` when ambiguous).
    pub entity: Option<String>,
    /// `alias`, `short_form`, `rule` or `byline`.
    pub source: &'static str,
    /// The alias that matched, and its match policy.
    pub alias: Option<String>,
    /// The match policy of the alias.
    pub policy: Option<&'static str>,
    /// The rule that fired.
    pub rule: Option<String>,
    /// For a loser: the reason (`overlapped`, `out_ranked` ...).
    pub reason: Option<&'static str>,
    /// For a loser: what that reason means here.
    pub why: Option<String>,
}

/// Explains `span` of `field` in a tagged document.
pub(crate) fn explain(doc: &Doc<'_>, field: Field, span: Span) -> Explanation {
    let text = doc.field_text(field);
    let slice = |s: Span| text.get(s.range()).unwrap_or("").to_string();
    let mentions: Vec<ExplainedCandidate> = doc
        .mentions()
        .iter()
        .filter(|m| m.field == field && m.span.overlaps(span))
        .map(|m| mention(doc, m, slice(m.span)))
        .collect();
    let overlap = doc.inner.overlap_policy().as_str();
    let rejected: Vec<ExplainedCandidate> = doc
        .rejected()
        .iter()
        .filter(|r| r.field == field && r.span.overlaps(span))
        .map(|r| loser(doc, r, slice(r.span), overlap))
        .collect();
    let verdict = if let Some(m) = mentions.iter().find(|m| m.span == span) {
        format!(
            "tagged {} ({}) by {}",
            m.label.map_or("-", Label::as_str),
            m.entity.as_deref().unwrap_or("ambiguous"),
            m.rule.as_deref().or(m.alias.as_deref()).unwrap_or(m.source)
        )
    } else if let Some(m) = mentions.first() {
        format!(
            "not tagged alone: inside the mention '{}' ({})",
            m.text, m.source
        )
    } else if let Some(r) = rejected.first() {
        format!(
            "not tagged: '{}' lost ({})",
            r.text,
            r.why.as_deref().unwrap_or(r.reason.unwrap_or(""))
        )
    } else {
        "not tagged: no alias and no rule matched".to_string()
    };
    Explanation {
        span,
        text: slice(span),
        verdict,
        mentions,
        rejected,
        overlap_policy: overlap,
    }
}

fn mention(doc: &Doc<'_>, m: &Mention, text: String) -> ExplainedCandidate {
    let (source, alias, policy, rule) = match m.evidence {
        Evidence::Alias { .. } | Evidence::ShortForm { .. } | Evidence::Titled { .. } => {
            let (a, p) = doc.alias(m).map_or((None, None), |(a, p)| {
                (Some(a.to_string()), Some(p.as_str()))
            });
            let source = match m.evidence {
                Evidence::ShortForm { .. } => "short_form",
                Evidence::Titled { .. } => "titled",
                _ => "alias",
            };
            (source, a, p, None)
        }
        Evidence::Rule { rule } => ("rule", None, None, Some(doc.rule_name(rule).to_string())),
        _ => ("byline", None, None, None),
    };
    let entity = match m.entity {
        EntityRef::Ambiguous(_) => None,
        _ => doc.entity_id(m).map(str::to_string),
    };
    ExplainedCandidate {
        span: m.span,
        text,
        label: Some(m.label),
        entity,
        source,
        alias,
        policy,
        rule,
        reason: None,
        why: None,
    }
}

fn loser(doc: &Doc<'_>, r: &Rejected, text: String, overlap: &str) -> ExplainedCandidate {
    let (alias, policy, _) = doc.inner.alias_info(r.alias);
    let entry = doc.inner.entry_of_alias(r.alias);
    let why = match r.reason {
        Reason::Overlapped(w) => format!(
            "overlaps the mention at {}..{} that won under the {} policy",
            w.start, w.end, overlap
        ),
        Reason::OutRanked => {
            "another entry of the same span ranked higher (priority, then country context, then population)".to_string()
        }
        Reason::AmbiguousLabel => "entries of different labels tie; dropped for precision".to_string(),
        Reason::NoAntecedent => "a short form with no full name earlier in the document".to_string(),
        Reason::StopWord => "on the stop list".to_string(),
        Reason::CommonWordGuard => "a common word at a sentence start or in a headline".to_string(),
        Reason::HeadlineGuard => "a short name in a headline, inside a longer name, or opening a sentence as an acronym".to_string(),
        Reason::QualifierGuard => "a region's abbreviation not after a name and a comma".to_string(),
        Reason::InsideEvent => "starts the name of an event ('Fed Cup', 'U.S. Open')".to_string(),
        Reason::InsideIndex => {
            "starts the name of a market index ('the Dow Jones industrial average')".to_string()
        }
        Reason::InsideVesselName => {
            "inside the name of a ship ('USS Abraham Lincoln', 'the frigate Stark')".to_string()
        }
        Reason::AcronymInText => {
            "a place's name in capitals in running text, short enough to be an acronym ('GAO')".to_string()
        }
        other => other.as_str().to_string(),
    };
    ExplainedCandidate {
        span: r.span,
        text,
        label: entry.map(|e| e.label),
        entity: entry.map(|e| e.id.to_string()),
        source: "alias",
        alias: Some(alias.to_string()),
        policy: Some(policy.as_str()),
        rule: None,
        reason: Some(r.reason.as_str()),
        why: Some(why),
    }
}
