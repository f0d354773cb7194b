//! `handout`: YAML patient handouts → typeset, printable PDF leaflets.
//!
//! Data flows one way: [`model`] → [`text`] → [`layout`] → [`pdf`]; [`cli`] wires them.

pub mod batch;
pub mod build;
pub mod check;
pub mod cli;
pub mod discover;
pub mod error;
pub(crate) mod fast_map;
pub mod i18n;
pub(crate) mod images;
pub mod layout;
pub mod model;
pub(crate) mod output;
pub mod pdf;
pub mod site;
pub mod text;
pub mod verify;
