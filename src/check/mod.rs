pub mod readability;
