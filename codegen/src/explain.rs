//! `cargo rac explain <fn>` (filled in below).
use anyhow::{Result, bail};

pub fn explain(
    _req: &crate::BuildRequest,
    _function: &str,
    _depth: usize,
    _json: bool,
) -> Result<String> {
    bail!("explain is not implemented yet")
}
