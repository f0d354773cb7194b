//! `handout`: YAML patient handouts → typeset, printable PDF leaflets.
//!
//! Data flows one way: [`model`] → [`text`] → [`layout`] → [`pdf`]; [`cli`] wires them.

pub mod error;
pub mod model;
pub mod text;
pub mod layout;
pub mod pdf;
pub mod build;
pub mod cli;
