//! Rules that find names no dictionary holds: titles and roles ("Defense
//! Minister Ahn Gyu-back"), names from name parts ("John M. Smith"),
//! organization and place patterns ("Ministry of ...", "... Province"),
//! datelines; then document-level linking of what they found (surnames,
//! repeated names, acronyms defined in the text).
//!
//! Rules are data: JSON Lines files (format in `dictionaries/rules/README.md`)
//! holding word lists, macros and patterns over tokens. The patterns compile
//! to one regex over a string of token symbols (one pattern per rule), run
//! once per window, so the cost is linear in the text whatever the number
//! of rules.
//!
//! They run after the dictionary stage and fill the spans it left free; a
//! rule may take over a dictionary mention of a label it names in `override`
//! ("Mr. Jordan" is a person, not the country).

mod agate;
mod apply;
mod articles;
mod events;
mod explain;
mod firms;
mod initials;
mod lexicon;
mod link;
mod lists;
mod load;
mod nicknames;
mod offices;
mod pattern;
mod speakers;
mod starts;
mod team_cues;
mod teams;
mod token;
mod vessels;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use regex::bytes::RegexBuilder;
use regex_automata::hybrid;
use regex_automata::nfa::thompson::{self, backtrack::BoundedBacktracker, pikevm::PikeVM};
use regex_automata::util::syntax;
use regex_automata::{MatchKind, PatternID};

use crate::dictionary::Label;
use crate::Error;

pub(crate) use apply::apply;
pub(crate) use explain::explain;
pub use explain::{ExplainedCandidate, Explanation};
pub(crate) use lexicon::{FxBuild, ListBits, Screen};
pub use teams::ScoreTables;

/// The size limit of each compiled rule regex, and of all of them together
/// (eight times this).
const SIZE_LIMIT: usize = 4 << 20;

/// Names of the document-level rules, after the rules of the files: those
/// of linking (`family_name`: another person of an introduced family
/// name; `initials`: an organization by its initials), `score_table` (see [`ScoreTables`]), `list_person` (people
/// listed beside people) and the sports agate (`lineup`, `scorer`,
/// `scorecard`: see `agate.rs`).
const DOC_RULES: [&str; 13] = [
    "link_name",
    "link_surname",
    "link_firm",
    "family_name",
    "acronym",
    "initials",
    "score_table",
    "list_person",
    "lineup",
    "scorer",
    "scorecard",
    "speaker_name",
    "office_reference",
];

/// A compiled set of rules. The default set is empty.
///
/// # Example
///
/// ```
/// use gazetag::rules::RuleSet;
///
/// let rules = RuleSet::from_jsonl_str("mine.jsonl", r#"
/// {"list": "honorific", "case": "capitalized", "words": ["Mr", "Ms"]}
/// {"rule": "honorific_name", "pattern": "honorific (person: cap+)"}
/// "#)?;
/// assert_eq!(rules.len(), 1);
/// assert_eq!(rules.rule_name(0), "honorific_name");
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    names: Vec<String>,
    pub(crate) lex: lexicon::Lexicon,
    pub(crate) syms: pattern::Symbols,
    pub(crate) patterns: Option<Patterns>,
    pub(crate) rules: Vec<Compiled>,
    /// Lists of words that are no name part (function words, months).
    pub(crate) inert: ListBits,
    /// Lists whose words may anchor a rule match.
    pub(crate) anchors: ListBits,
    /// Lists of capitalized words that are no part of a person's name in a
    /// list of people: function words, months, titles, offices, heads of
    /// organization and place names (0: the rule set has none of them, and
    /// lists are not looked at).
    pub(crate) not_in_lists: ListBits,
    /// Lower-case particles inside names (`van`, `bin`).
    pub(crate) particles: ListBits,
    /// Known surnames (`surname`, `surname_common`).
    pub(crate) surnames: ListBits,
    /// Family names written first (`cn_surname`: "Wang Donghai").
    pub(crate) family_first: ListBits,
    /// Words that end the name of an event ("Cup", "Open") and words
    /// between it and them ("Grand").
    pub(crate) event_words: ListBits,
    pub(crate) event_mods: ListBits,
    /// Words that end a market index's name after an organization
    /// ("index"), and words before them or before "average" ("industrial").
    pub(crate) index_words: ListBits,
    pub(crate) index_mods: ListBits,
    /// Words before "the" that make a plural a place ("in the Alps").
    pub(crate) nickname_not_after: ListBits,
    /// Event words that are also verbs or adjectives ("open").
    pub(crate) event_verbs: ListBits,
    /// Words that open an event's name before "of" and a place ("Battle").
    pub(crate) event_heads: ListBits,
    /// Prefixes of ships' names ("USS", "HMS") and lower-case nouns of ships
    /// ("frigate") before a name (see `vessels.rs`).
    pub(crate) vessel_prefixes: ListBits,
    pub(crate) vessel_nouns: ListBits,
    /// Articles that start an organization's name in mid-sentence ("The").
    pub(crate) name_articles: ListBits,
    /// Words around a place that make it a sports team.
    pub(crate) team_cues: team_cues::TeamCues,
    /// Lower-case words before a name (`spokesman`, `newspaper`, `said`).
    pub(crate) roles: ListBits,
    /// Verbs of speech (`said`, `told`): after a word alone, a person's
    /// name. Found in a text by a searcher of their lower-case forms.
    pub(crate) speech_verbs: Option<speakers::VerbFinder>,
    /// Words right before a place name (`near`).
    pub(crate) place_before: ListBits,
    /// Lower-case kinds of places before `of` and a name (`the town of`).
    pub(crate) place_kinds: ListBits,
    /// Lower-case kinds of places or publications after a name (`the
    /// Tigris river`, `the Zycie Warszawy daily`).
    pub(crate) kind_nouns: ListBits,
    /// Screens of the small lists looked up around most words: `kind_nouns`,
    /// `team_cues.versus`, and `event_words` with `event_mods`; of
    /// `legal_forms`, looked up at the end of every firm's name; and of
    /// `vessel_nouns`, looked up before persons and places.
    pub(crate) screens: Screens,
    /// Rules run over whole fields, not just around triggers: the rule set
    /// has rules or lists the triggers do not know.
    pub(crate) full_scan: bool,
    /// Suffixes that extend a mention to the left ("... Council").
    pub(crate) suffixes: ListBits,
    /// Legal forms of firms, as looked up in capitals ("INC", "LTD", "AG").
    pub(crate) legal_forms: ListBits,
    /// Given names (no trigger when also a non-name word: "May").
    pub(crate) given: ListBits,
    /// Per list (by its bit's index), the context in chunks (runs of
    /// non-space bytes) before and after that a word of it needs: more than
    /// the rules need. Indexed by bit, so that the context of a word's
    /// lists is read for its few bits, not sought among every list's.
    pub(crate) contexts: Vec<(usize, usize)>,
}

/// The [`Screen`]s of a rule set (see [`RuleSet::screens`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct Screens {
    pub kind_nouns: Screen,
    pub versus: Screen,
    pub events: Screen,
    pub indices: Screen,
    pub legal_forms: Screen,
    pub vessel_nouns: Screen,
}

/// The rules whose anchors the triggers of `apply` know: each match of one
/// holds a word of an anchor list, a capitalized word before a comma or
/// after a role word, a capitalized word after a `place_before` word or a
/// `place_kind` and "of", or before a lower-case `place_noun`, an initial
/// before a capitalized word or a line-initial word in capitals. A rule set
/// with another rule, or a list or a literal not below, runs over whole
/// fields.
const WINDOWED_RULES: [&str; 55] = [
    "military_base",
    "titled_place",
    "bank_of",
    "ampersand_firm",
    "named_body",
    "firm_of_place",
    "leader_administration",
    "firm_and_co",
    "wire_signature",
    "possessive_firm",
    "hall_of_fame",
    "forename_initials_surname",
    "fixture_home",
    "fixture_away",
    "press_name",
    "transcript_speaker",
    "place_apposition",
    "quote_speaker",
    "dateline",
    "chinese_name",
    "airline_name",
    "club_name",
    "org_kind_name",
    "military_unit",
    "honorific_name",
    "rank_name",
    "office_name",
    "role_name",
    "apposition_office",
    "org_of_office",
    "org_of",
    "org_suffix_office",
    "org_suffix",
    "place_of",
    "place_head",
    "place_suffix",
    "compass_place",
    "road_number",
    "place_kind_of",
    "near_place",
    "place_lower_noun",
    "place_comma_region",
    "initials_surname",
    "given_surname",
    "common_given_surname",
    "name_before_country",
    "name_before_role",
    "name_surname",
    "place_named_org",
    "place_named_org_bare",
    "acronym_org",
    "acronym_org_first",
    "given_alone",
    "place_given_surname",
    "named_coalition",
];

/// The lists (and literals) the windowed rules may use.
const WINDOWED_LISTS: [&str; 89] = [
    "bank_head",
    "base_service",
    "base_word",
    "body_mod",
    "press_article",
    "'sunday'",
    "named_body",
    "acronym_thing",
    "'international'",
    "'administration'",
    "'news'",
    "and_joins",
    "regnal",
    "'corp'",
    "'co'",
    "'cos'",
    "award",
    "number_word",
    "'hall'",
    "'fame'",
    "'v'",
    "press_noun",
    "'daily'",
    "'quoted'",
    "'reported'",
    "club_initials",
    "partisan",
    "road",
    "'state'",
    "compass",
    "legal_form",
    "speaker_title",
    "place_kind_after",
    "speech_verb",
    "honorific",
    "name_start",
    "place_first",
    "cn_surname",
    "event_word",
    "airline_head",
    "club_head",
    "org_kind",
    "ordinal_word",
    "unit",
    "unit_big",
    "unit_mod",
    "'force'",
    "'division'",
    "rank",
    "rank_mod",
    // "the Turkish General Staff": no one-word name after a rank.
    "'staff'",
    // "Air Chief Marshal".
    "'chief'",
    "office_head",
    "office_mod",
    // "Attorney General Edwin Meese": read within the office head's context.
    "'general'",
    "role",
    "org_head",
    "org_suffix",
    "org_suffix_upper",
    "place_head",
    "place_suffix",
    "place_kind",
    "place_before",
    "place_noun",
    "given",
    "given_common",
    "surname",
    "surname_common",
    "acronym_common",
    "nonname",
    "month",
    "particle",
    "abbrev",
    "'of'",
    "'on'",
    "'the'",
    "'a'",
    "'an'",
    "'who'",
    "'is'",
    "'for'",
    "'at'",
    "'with'",
    "'said'",
    "'coalition'",
    "'alliance'",
    "'told'",
    "'and'",
    "'&'",
];

/// The rule patterns, over one NFA (pattern `i` is rule `i`): a lazy DFA
/// that finds matches, and a PikeVM for what it cannot do.
#[derive(Clone, Debug)]
pub(crate) struct Patterns {
    pub dfa: hybrid::dfa::DFA,
    pub pikevm: PikeVM,
    /// Which tokens may start a match (the others are not searched); none
    /// when the patterns start in too many ways to tell.
    pub starts: Option<starts::Starts>,
    /// Unique to this compilation (clones share it): a thread keeps the
    /// caches it made for these patterns under it, for the next document
    /// (see `apply::Scratch`).
    pub id: u64,
}

impl Patterns {
    /// A fresh [`Patterns::id`].
    fn next_id() -> u64 {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        NEXT.fetch_add(1, Ordering::Relaxed)
    }
}

/// The engines that take the captures of a rule's match, over an NFA of the
/// rule's pattern alone: a backtracker, and a PikeVM for a match too long
/// for it. A backtracker clears its visited set (states by bytes) every
/// search: over the NFA of every rule, that clearing cost more than the
/// search.
#[derive(Clone, Debug)]
pub(crate) struct RuleCaptures {
    pub backtracker: BoundedBacktracker,
    pub pikevm: PikeVM,
}

/// One rule, compiled: where its captures are in its pattern.
#[derive(Clone, Debug)]
pub(crate) struct Compiled {
    /// Slots of the captures (the start; the end is next), in the order of
    /// [`pattern::CAPTURES`], in the rule's own NFA.
    pub captures: [Option<usize>; 5],
    /// The engines for the captures; none when the rule's one capture is
    /// its whole match (no capture search).
    pub engines: Option<RuleCaptures>,
    pub label: Label,
    pub kind: Option<String>,
    pub overrides: Vec<Label>,
}

impl RuleSet {
    /// Compiles rules from one JSON Lines document; `name` is used in errors.
    pub fn from_jsonl_str(name: &str, content: &str) -> Result<RuleSet, Error> {
        RuleSet::from_sources(&[(PathBuf::from(name), content.to_string())])
    }

    /// The rules embedded in the crate (`dictionaries/rules/`; empty without
    /// the `default-dictionaries` feature).
    ///
    /// # Example
    ///
    /// ```
    /// let rules = gazetag::rules::RuleSet::builtin()?;
    /// assert!(cfg!(not(feature = "default-dictionaries")) || rules.len() > 5);
    /// # Ok::<(), gazetag::Error>(())
    /// ```
    pub fn builtin() -> Result<RuleSet, Error> {
        RuleSet::from_sources(&builtin_sources())
    }

    /// Compiles the rule files of `sources` (name, content), in order.
    pub(crate) fn from_sources(sources: &[(PathBuf, String)]) -> Result<RuleSet, Error> {
        let mut src = load::Sources::default();
        for (name, content) in sources {
            src.add(name, content)?;
        }
        src.finish_rules()?;
        src.lex.seal();
        if src.rules.is_empty() {
            return Ok(RuleSet::default());
        }
        let used = src
            .rules
            .iter()
            .fold(0, |acc, r| acc | r.parsed.lists_used());
        let syms = pattern::Symbols::new(&src.lex, used).map_err(Error::build)?;
        let mut cache = Default::default();
        let mut parts = Vec::with_capacity(src.rules.len());
        for r in &src.rules {
            let at =
                |m: String| Error::invalid(format!("rule '{}': {}", r.name, m)).at(&r.file, r.line);
            let re = pattern::to_regex(&r.parsed, &syms, &mut cache).map_err(at)?;
            // Compiled alone first, so that an error names its rule.
            RegexBuilder::new(&re)
                .unicode(false)
                .size_limit(SIZE_LIMIT)
                .build()
                .map_err(|e| at(format!("{}", e)))?;
            parts.push(re);
        }
        let starts = starts::Starts::new(src.rules.iter().map(|r| &r.parsed), &syms)
            .map_err(Error::build)?;
        // As `regex::bytes` builds a regex, with a pattern per rule: in
        // leftmost-first order, earlier patterns win as earlier branches
        // of one alternation would.
        let nfa = compile(&parts, SIZE_LIMIT * 8)?;
        let dfa = hybrid::dfa::DFA::builder()
            .configure(
                hybrid::dfa::DFA::config()
                    .match_kind(MatchKind::LeftmostFirst)
                    .cache_capacity(SIZE_LIMIT * 4),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|e| too_big(None, e))?;
        let pikevm = PikeVM::new_from_nfa(nfa).map_err(|e| too_big(None, e))?;
        let mut rules = Vec::with_capacity(src.rules.len());
        let mut names = Vec::with_capacity(src.rules.len() + DOC_RULES.len());
        for (r, re) in src.rules.iter().zip(&parts) {
            let own = compile(std::slice::from_ref(re), SIZE_LIMIT)?;
            let info = own.group_info();
            let mut captures = [None; 5];
            let mut label = Label::Person;
            for (k, c) in pattern::CAPTURES.iter().enumerate() {
                captures[k] = info
                    .to_index(PatternID::ZERO, c)
                    .and_then(|g| info.slot(PatternID::ZERO, g));
                if captures[k].is_some() {
                    match *c {
                        "org" => label = Label::Organization,
                        "place" => label = Label::Place,
                        _ => {}
                    }
                }
            }
            let engines = if r.parsed.capture_is_whole() {
                None
            } else {
                Some(RuleCaptures {
                    backtracker: BoundedBacktracker::new_from_nfa(own.clone())
                        .map_err(|e| too_big(None, e))?,
                    pikevm: PikeVM::new_from_nfa(own).map_err(|e| too_big(None, e))?,
                })
            };
            rules.push(Compiled {
                captures,
                engines,
                label,
                kind: r.kind.clone(),
                overrides: r.overrides.clone(),
            });
            names.push(r.name.clone());
        }
        names.extend(DOC_RULES.iter().map(|s| s.to_string()));
        let bits = |names: &[&str]| {
            names
                .iter()
                .filter_map(|n| src.lex.bit(n))
                .fold(0, |a, b| a | b)
        };
        // Lists that start or end a match; a rule whose anchor is none of
        // these must be listed among the triggers of `apply`.
        let anchors = bits(&[
            "honorific",
            "rank",
            "office_head",
            "org_head",
            "org_suffix",
            "org_suffix_upper",
            "place_head",
            "place_suffix",
            "base_word",
            "unit",
            "unit_big",
            "airline_head",
            "club_head",
            "club_initials",
            "cn_surname",
            "compass",
            "road",
            "given",
            "given_common",
            "surname",
            "'hall'",
            "named_body",
            "press_article",
        ]);
        let inert = bits(&["nonname", "month"]);
        let full_scan = src
            .rules
            .iter()
            .any(|r| !WINDOWED_RULES.contains(&r.name.as_str()))
            || src.lex.names_of(used).any(|n| !WINDOWED_LISTS.contains(&n));
        // Context in chunks (a chunk holds one token or more), as the
        // rules of `rules.jsonl` need it.
        let contexts = [
            (bits(&["org_suffix", "org_suffix_upper"]), 5, 0),
            (bits(&["place_suffix"]), 3, 0),
            // "Andersen Air Force Base": the name and services before;
            // "Naval Station Norfolk": the name after.
            (bits(&["base_word"]), 5, 2),
            // "16 Air Assault Brigade": a number and three words.
            (bits(&["unit", "unit_big"]), 5, 0),
            // "Air France", "Dynamo Moscow": the place after.
            (bits(&["airline_head", "club_head", "club_initials"]), 0, 4),
            // "Wang Shichong": the given name and what ends the name.
            (bits(&["cn_surname"]), 0, 2),
            // "West Seattle": the place after, and what ends it.
            (bits(&["compass"]), 0, 4),
            // "State Route 267": the word before and the number.
            (bits(&["road"]), 2, 2),
            (bits(&["org_head"]), 0, 9),
            (bits(&["place_head"]), 0, 5),
            (bits(&["honorific"]), 0, 5),
            (bits(&["rank"]), 4, 5),
            (bits(&["office_head"]), 6, 6),
            (bits(&["given", "given_common"]), 1, 3),
            (bits(&["surname"]), 2, 1),
            // "Badminton Canada 's Hall of Fame": the name before, "of Fame" after.
            (bits(&["'hall'"]), 5, 2),
            // "the [Central] Bank said": the words before and the one after.
            (bits(&["named_body"]), 2, 1),
            // "the daily La Repubblica said": the kind before, the name and
            // what ends it after.
            (bits(&["press_article"]), 2, 4),
        ];
        let contexts = contexts_by_list(&contexts);
        // Without its function words, a rule set cannot tell a list of
        // people from any run of capitalized words.
        let not_in_lists = match src.lex.bit("nonname") {
            Some(_) => bits(&[
                "nonname",
                "abbrev",
                "month",
                "honorific",
                "rank",
                "office_head",
                "office_mod",
                "role",
                "org_head",
                "org_suffix",
                "place_head",
                "place_suffix",
                "place_kind",
                "unit",
                "unit_big",
                "ordinal_word",
            ]),
            None => 0,
        };
        Ok(RuleSet {
            not_in_lists,
            particles: bits(&["particle"]),
            surnames: bits(&["surname", "surname_common"]),
            family_first: bits(&["cn_surname"]),
            event_words: bits(&["event_word"]),
            event_mods: bits(&["event_mod"]),
            index_words: bits(&["index_word"]),
            index_mods: bits(&["index_mod"]),
            event_verbs: bits(&["event_also_verb"]),
            event_heads: bits(&["event_head"]),
            vessel_prefixes: bits(&["vessel_prefix"]),
            vessel_nouns: bits(&["vessel_noun"]),
            name_articles: bits(&["name_article"]),
            nickname_not_after: bits(&["nickname_not_after"]),
            team_cues: team_cues::TeamCues {
                role: bits(&["team_role"]),
                win: bits(&["team_win"]),
                versus: bits(&["team_versus"]),
                before: bits(&["team_before"]),
                after: bits(&["team_after"]),
                place_prep: bits(&["team_place_prep"]),
            },
            suffixes: bits(&["org_suffix", "org_suffix_upper", "place_suffix"]),
            legal_forms: bits(&["org_suffix_upper"]),
            given: bits(&["given", "given_common"]),
            contexts,
            full_scan,
            roles: bits(&["role", "org_kind", "speech_verb"]),
            speech_verbs: speakers::verb_finder(&src.lex, bits(&["speech_verb"])),
            place_before: bits(&["place_before"]),
            place_kinds: bits(&["place_kind"]),
            kind_nouns: bits(&["place_noun", "press_noun"]),
            screens: Screens {
                kind_nouns: Screen::new(&src.lex, bits(&["place_noun", "press_noun"])),
                versus: Screen::new(&src.lex, bits(&["team_versus"])),
                events: Screen::new(&src.lex, bits(&["event_word", "event_mod"])),
                indices: Screen::new(&src.lex, bits(&["index_word", "index_mod"])),
                legal_forms: Screen::new(&src.lex, bits(&["org_suffix_upper"])),
                vessel_nouns: Screen::new(&src.lex, bits(&["vessel_noun"])),
            },
            inert,
            anchors,
            names,
            lex: src.lex,
            syms,
            patterns: Some(Patterns {
                dfa,
                pikevm,
                starts,
                id: Patterns::next_id(),
            }),
            rules,
        })
    }

    /// The name of rule `rule`, as shown in evidence: the rules of the files
    /// in order, then `link_name`, `link_surname` and `acronym` (linking),
    /// `score_table` ([`ScoreTables`]) and `list_person` (people listed
    /// beside people).
    pub fn rule_name(&self, rule: u32) -> &str {
        let rule = rule as usize;
        match self.names.get(rule) {
            Some(name) => name,
            // An empty rule set still names its document-level rules.
            None => rule
                .checked_sub(self.rules.len())
                .and_then(|k| DOC_RULES.get(k))
                .copied()
                .unwrap_or(""),
        }
    }

    /// The number of rules read from files.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when there is no rule.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rule index of a document-level rule (`link_name` ...).
    pub(crate) fn link_rule(&self, name: &str) -> u32 {
        let k = DOC_RULES.iter().position(|&n| n == name).unwrap_or(0);
        (self.rules.len() + k) as u32
    }
}

/// The context each list needs (see [`RuleSet::contexts`]), from the
/// contexts of sets of lists: for each list, the most of those of the sets
/// that hold it, so that a word's context is the most of its lists'.
fn contexts_by_list(contexts: &[(ListBits, usize, usize)]) -> Vec<(usize, usize)> {
    let mut by_list = vec![(0, 0); lexicon::MAX_LISTS];
    for &(lists, before, after) in contexts {
        for (k, ctx) in by_list.iter_mut().enumerate() {
            if lists >> k & 1 != 0 {
                *ctx = (ctx.0.max(before), ctx.1.max(after));
            }
        }
    }
    by_list
}

/// The NFA of rule patterns (regex syntax), pattern `i` of `patterns[i]`,
/// within `limit` bytes.
fn compile(patterns: &[String], limit: usize) -> Result<thompson::NFA, Error> {
    thompson::Compiler::new()
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .configure(
            thompson::Config::new()
                .utf8(false)
                .nfa_size_limit(Some(limit)),
        )
        .build_many(patterns)
        .map_err(|e| too_big(e.size_limit(), e))
}

/// The error of building all the rule patterns together, worded as
/// `regex` words it: each compiled alone first, only their size can fail.
fn too_big(limit: Option<usize>, e: impl std::fmt::Display) -> Error {
    let why = match limit {
        Some(n) => format!("Compiled regex exceeds size limit of {} bytes.", n),
        None => e.to_string(),
    };
    Error::build(format!("rules: {}", why))
}

/// The built-in rule files, as (path, content).
pub(crate) fn builtin_sources() -> Vec<(PathBuf, String)> {
    crate::dictionary::builtin_files("rules")
        .iter()
        .map(|(name, content)| {
            (
                Path::new("dictionaries/rules").join(name.trim_start_matches("rules/")),
                content.to_string(),
            )
        })
        .collect()
}

/// The rule files of a dictionary path: `*.jsonl` under its `rules/`
/// folder, in sorted order (none for a file or a folder without one).
pub(crate) fn path_sources(path: &Path) -> Result<Vec<(PathBuf, String)>, Error> {
    let dir = path.join("rules");
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let read = std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, &e))?;
    let mut files = Vec::new();
    for item in read {
        let item = item.map_err(|e| Error::io(&dir, &e))?;
        let p = item.path();
        if p.extension().is_some_and(|e| e == "jsonl") {
            files.push(p);
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let content = std::fs::read_to_string(&f).map_err(|e| Error::io(&f, &e))?;
            Ok((f, content))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RuleSet;

    /// The surfaces a tagger with the rule file `rules` alone finds in
    /// `text`; `name` keeps the rule folders of tests apart.
    fn found(name: &str, rules: &str, text: &str) -> Vec<String> {
        let dir = std::env::temp_dir().join(format!("gazetag-{name}-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("rules")).unwrap();
        std::fs::write(dir.join("rules/test.jsonl"), rules).unwrap();
        let tagger = crate::Tagger::builder().dictionary_path(&dir).build();
        std::fs::remove_dir_all(&dir).unwrap();
        let doc = tagger.unwrap().tag(text);
        let surfaces = doc.mentions().iter().map(|m| doc.surface(m).to_string());
        surfaces.collect()
    }

    /// A list of capitalized words, as a line of a rule file.
    fn list(name: &str, words: &[String]) -> String {
        let words: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
        format!(
            "{{\"list\": \"{name}\", \"words\": [{}]}}\n",
            words.join(", ")
        )
    }

    /// A capitalized word per number: `Qa` and two letters.
    fn word(i: usize) -> String {
        let letter = |k: usize| char::from(b'a' + k as u8);
        format!("Qa{}{}", letter(i / 26), letter(i % 26))
    }

    /// `n` lists, list `i` holding [`word`]`(i)`, and a rule after a word
    /// of list 99.
    fn many_lists(n: usize) -> String {
        let lists: String = (0..n).map(|i| list(&format!("l{i}"), &[word(i)])).collect();
        lists + r#"{"rule": "after_99", "pattern": "l99 (person: cap)"}"#
    }

    #[test]
    fn lists_past_the_64th_match() {
        let rules = many_lists(100);
        assert_eq!(found("lists", &rules, "He met Qadv Smith."), ["Smith"]);
        // List 35 is not list 99 (bit 99 less 64).
        assert!(found("lists-35", &rules, "He met Qabj Smith.").is_empty());
    }

    #[test]
    fn too_many_lists_fail() {
        assert!(RuleSet::from_jsonl_str("mine.jsonl", &many_lists(128)).is_ok());
        let err = RuleSet::from_jsonl_str("mine.jsonl", &many_lists(129)).unwrap_err();
        assert_eq!(err.line(), Some(129));
        let msg = err.to_string();
        assert!(
            msg.contains("list 'l128' is one more than 128 word lists"),
            "{msg}"
        );
    }

    /// `lists` lists and `words` words, each word in a pseudo-random set
    /// of them, then a rule that names every list.
    fn overlapping(lists: usize, words: usize) -> String {
        let mut x = 1u64;
        let mut members = vec![Vec::new(); lists];
        for w in 0..words {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for (i, m) in members.iter_mut().enumerate() {
                if x >> (32 + i) & 1 != 0 {
                    m.push(format!("Kw{w}x"));
                }
            }
        }
        let out: String = members
            .iter()
            .enumerate()
            .map(|(i, m)| list(&format!("l{i}"), m))
            .collect();
        let names: Vec<String> = (0..lists).map(|i| format!("l{i}")).collect();
        out + &format!(
            "{{\"rule\": \"all\", \"pattern\": \"{} (org: upper)\"}}",
            names.join(" ")
        )
    }

    /// Nine lists that words take in all 512 ways, over two groups of
    /// lists: a rule tests lists of both.
    #[test]
    fn more_than_224_combinations_match() {
        let lists: String = (0..9)
            .map(|i| {
                let words: Vec<String> = (0..512usize)
                    .filter(|s| s >> i & 1 != 0)
                    .map(subset_word)
                    .collect();
                list(&format!("l{i}"), &words)
            })
            .collect();
        let rules = lists
            + r#"{"rule": "all", "pattern": "l1 l2 l3 l4 l5 l6 (org: upper)"}
{"rule": "across", "pattern": "l0&l7&!l8 (person: cap)"}"#;
        let text = |s: usize| format!("He met {} Smith.", subset_word(s));
        assert_eq!(found("combos", &rules, &text(0b0_1000_0001)), ["Smith"]);
        assert_eq!(found("combos-all", &rules, &text(0b0_1111_1111)), ["Smith"]);
        for s in [0b1_1000_0001, 0b0_1000_0000, 0b0_0000_0001] {
            assert!(found("combos-no", &rules, &text(s)).is_empty(), "{s:b}");
        }
    }

    /// A word per set of lists: `Kw` and a letter per list, `b` for in.
    fn subset_word(s: usize) -> String {
        let letters = (0..9).map(|i| if s >> i & 1 != 0 { 'b' } else { 'a' });
        format!("Kw{}", letters.collect::<String>())
    }

    /// Sixteen lists that 1,500 words take in nearly every way: seven
    /// fill a group, so the fifteenth fits in neither.
    #[test]
    fn too_many_combinations_fail() {
        let err = RuleSet::from_jsonl_str("mine.jsonl", &overlapping(16, 1500)).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("cannot build matcher"), "{msg}");
        assert!(
            msg.contains("overlap in too many ways: with list 'l14'"),
            "{msg}"
        );
    }

    #[test]
    #[cfg(feature = "default-dictionaries")]
    fn builtin_rules_run_in_windows() {
        let rules = super::RuleSet::builtin().unwrap();
        assert!(
            !rules.full_scan,
            "a built-in rule or list is unknown to the triggers"
        );
    }

    /// The lazy DFA's rows are a power of two of its classes wide (see
    /// `pattern::MAX_COMBOS`): past 256, every state takes twice the memory.
    #[test]
    #[cfg(feature = "default-dictionaries")]
    fn builtin_rules_keep_the_lazy_dfa_rows_256_wide() {
        let rules = super::RuleSet::builtin().unwrap();
        let dfa = &rules.patterns.as_ref().unwrap().dfa;
        let width = dfa.byte_classes().alphabet_len();
        assert!(width <= 256, "{width}");
    }
}
