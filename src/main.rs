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
    let status = match outcome {
        Ok(status) => status,
        // Whoever read stdout stopped (`meshctl diff | head`): stop quietly with the status of a
        // writer killed by SIGPIPE, as C tools do, instead of an `error: Broken pipe` line.
        Err(failed) if closed_stdout(&failed.error) => return ExitCode::from(128 + 13),
        Err(failed) => {
            failed.print(&mut printer);
            failed.status
        }
    };
    if printer.flush().is_err() {
        return ExitCode::from(128 + 13);
    }
    status.into()
}

/// Whether the command failed writing its data to a stdout nobody reads any more. Only the
/// printer returns a bare `io::Error`; a broken connection to the API server arrives wrapped in
/// a typed error and is reported.
fn closed_stdout(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
