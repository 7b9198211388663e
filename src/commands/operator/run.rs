//! `meshctl operator run`: the controller, in the foreground, logging to stderr.

use std::process::ExitCode;

use anyhow::bail;

use crate::cli::OperatorRunArgs;
use crate::output::Printer;

pub fn run(_args: &OperatorRunArgs, _printer: &mut Printer) -> anyhow::Result<ExitCode> {
    bail!("`operator run` is not implemented yet")
}
