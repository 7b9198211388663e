//! `meshctl completions SHELL`: completion scripts generated from the clap definition.

use clap::CommandFactory;

use super::{CommandError, ExitStatus};
use crate::cli::{Cli, Shell};
use crate::output::Printer;

/// The completion script for one shell, as text (also used by the drift test).
#[must_use]
pub fn script(shell: Shell) -> String {
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
        Shell::Elvish => clap_complete::Shell::Elvish,
    };
    clap_complete::generate(generator, &mut command, "meshctl", &mut buffer);
    String::from_utf8_lossy(&buffer).into_owned()
}

pub fn print(shell: Shell, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    printer.data(&script(shell))?;
    Ok(ExitStatus::Success)
}
