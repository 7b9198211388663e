//! meshctl's entry point: parse the command line, resolve it into settings, run it, and turn the
//! outcome into an exit code.
//!
//! Errors are printed once, with their cause chain, by the [`output::Printer`]; the exit code is
//! the [`commands::ExitStatus`] the command returned, or the one its error carries.

mod cli;
mod commands;
mod output;
mod settings;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let mut printer = output::Printer::terminal();
    let outcome =
        settings::Settings::resolve(cli).and_then(|settings| commands::run(settings, &mut printer));
    let status = outcome.unwrap_or_else(|failed| {
        failed.print(&mut printer);
        failed.status
    });
    let _ = printer.flush();
    status.into()
}
