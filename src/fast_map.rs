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
