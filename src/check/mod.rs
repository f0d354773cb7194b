pub mod quantities;
pub mod readability;
