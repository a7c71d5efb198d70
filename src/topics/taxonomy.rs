//! The IPTC Media Topics tree: ids, labels and parents, with depths and
//! top-level ancestors precomputed so that roll-up is a walk up a chain.

use std::collections::HashMap;

use crate::rules::FxBuild;

/// One topic of the taxonomy, as a model knows it.
///
/// # Example
///
/// ```
/// # #[cfg(feature = "default-dictionaries")] {
/// use gazetag::topics::TopicModel;
///
/// let model = TopicModel::builtin()?;
/// let diplomacy = model.topic("medtop:20000639").unwrap();
/// assert_eq!(diplomacy.label(), "diplomacy");
/// assert_eq!(diplomacy.parent(), Some("medtop:20000638"));
/// assert_eq!(diplomacy.top_level(), "medtop:11000000");
/// # }
/// # Ok::<(), gazetag::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct TopicInfo {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) definition: Option<String>,
    pub(crate) wikidata: Option<String>,
    pub(crate) parent: Option<u32>,
    pub(crate) parent_id: Option<String>,
    pub(crate) top_id: String,
    pub(crate) depth: u32,
    /// Its place in the order of the ids, which ranks topics of equal score
    /// and depth (see `score::rank_key`).
    pub(crate) id_rank: u32,
    /// Its JSON, made once: the start of its record, `{"id":…,"label":…`,
    /// and of a roll-up's evidence record for it,
    /// `{"source":"rollup","text":…` (see `json::write_topic`).
    pub(crate) json_head: Box<str>,
    pub(crate) json_rollup: Box<str>,
}

impl TopicInfo {
    /// The qcode, `medtop:NNNNNNNN`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The English label.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The IPTC definition, if any.
    pub fn definition(&self) -> Option<&str> {
        self.definition.as_deref()
    }

    /// The Wikidata id, if IPTC gives one.
    pub fn wikidata(&self) -> Option<&str> {
        self.wikidata.as_deref()
    }

    /// The parent's qcode; `None` for the 17 top-level topics.
    pub fn parent(&self) -> Option<&str> {
        self.parent_id.as_deref()
    }

    /// The qcode of the top-level ancestor (the topic itself at the top).
    pub fn top_level(&self) -> &str {
        &self.top_id
    }

    /// 0 for a top-level topic, 1 for its children, and so on.
    pub fn depth(&self) -> u32 {
        self.depth
    }
}

/// All topics, indexed by position; parents point by index.
#[derive(Clone, Debug, Default)]
pub(crate) struct Taxonomy {
    pub(crate) topics: Vec<TopicInfo>,
    pub(crate) by_id: HashMap<String, u32, FxBuild>,
}

impl Taxonomy {
    pub(crate) fn get(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    pub(crate) fn parent(&self, t: u32) -> Option<u32> {
        self.topics[t as usize].parent
    }

    /// Resolves parent ids to indexes and computes depths; an unknown parent
    /// or a cycle is reported with the offending topic's id.
    pub(crate) fn link(&mut self, parents: &[Option<String>]) -> Result<(), (u32, String)> {
        for (i, p) in parents.iter().enumerate() {
            if let Some(p) = p {
                let Some(&pi) = self.by_id.get(p) else {
                    return Err((i as u32, format!("unknown parent topic '{}'", p)));
                };
                self.topics[i].parent = Some(pi);
                self.topics[i].parent_id = Some(p.clone());
            }
        }
        let n = self.topics.len();
        for i in 0..n {
            let (mut depth, mut at) = (0u32, i as u32);
            while let Some(p) = self.topics[at as usize].parent {
                depth += 1;
                if depth as usize > n {
                    return Err((i as u32, "the parent chain has a cycle".to_string()));
                }
                at = p;
            }
            self.topics[i].depth = depth;
            self.topics[i].top_id = self.topics[at as usize].id.clone();
        }
        let mut by_id: Vec<u32> = (0..n as u32).collect();
        by_id
            .sort_unstable_by(|&a, &b| self.topics[a as usize].id.cmp(&self.topics[b as usize].id));
        for (rank, t) in by_id.into_iter().enumerate() {
            self.topics[t as usize].id_rank = rank as u32;
        }
        Ok(())
    }
}
