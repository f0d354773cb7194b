//! Hash maps for the program's own keys (characters, face ids, words of the
//! leaflet being built), hashed with foldhash instead of the standard SipHash.
//!
//! SipHash resists collision attacks a build never faces: its keys come from the
//! handout being built, whose size is limited. SipHash was 2 % of a 33-language
//! batch's instructions (shaping plans, the shaped spaces and hyphens of each
//! paragraph, the font coverage check). foldhash is already in the build (hashbrown
//! and read-fonts use it); the fixed seed keeps every run the same, though no map
//! here is ever iterated into the output.

/// A `HashMap` hashed with foldhash's fast hasher and a fixed seed.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// Answers a thread remembers (hyphenation breaks by word, fingerprints by source
/// text): a leaflet and a batch ask the same questions again and again. Past `LIMIT`
/// answers all are forgotten, which bounds the memory of a long batch and costs
/// only answers computed again.
pub(crate) struct Remembered<K, V, const LIMIT: usize> {
    map: FastMap<K, V>,
}

impl<K, V, const LIMIT: usize> Default for Remembered<K, V, LIMIT> {
    fn default() -> Self {
        Remembered {
            map: FastMap::default(),
        }
    }
}

impl<K: std::hash::Hash + Eq, V, const LIMIT: usize> Remembered<K, V, LIMIT> {
    /// The answer remembered for `key`, if any.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.map.get(key)
    }

    /// Remembers `value` for `key`, first forgetting everything if `LIMIT` answers
    /// are remembered already.
    pub fn remember(&mut self, key: K, value: V) {
        if self.map.len() >= LIMIT {
            self.map.clear();
        }
        self.map.insert(key, value);
    }
}
