//! `meshctl operator init | dump | remove`: put the in-cluster operator in place, show what
//! that applies, take it away. `operator run` (the controller itself) is in [`run`].

pub mod run;

use std::process::ExitCode;

use anyhow::bail;

use crate::cli::{OperatorInitArgs, OperatorRemoveArgs};
use crate::output::Printer;

pub fn init(_args: &OperatorInitArgs, _printer: &mut Printer) -> anyhow::Result<ExitCode> {
    bail!("`operator init` is not implemented yet")
}

pub fn dump(_args: &OperatorInitArgs, _printer: &mut Printer) -> anyhow::Result<ExitCode> {
    bail!("`operator dump` is not implemented yet")
}

pub fn remove(_args: &OperatorRemoveArgs, _printer: &mut Printer) -> anyhow::Result<ExitCode> {
    bail!("`operator remove` is not implemented yet")
}
