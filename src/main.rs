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
use commands::ExitStatus;

/// The exit-code rule (README, "Bad input"): bad input and usage errors exit 1, as istioctl's and
/// kubectl's do, except in the commands where 1 means "they differ" (`diff`, `profile diff`),
/// whose errors exit 2. clap's own usage errors (an unknown flag, a missing value) follow it too.
fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    let error_status = if cli.compares() {
        ExitStatus::Error
    } else {
        ExitStatus::Failure
    };
    let mut printer = output::Printer::terminal();
    let outcome =
        settings::Settings::resolve(cli).and_then(|settings| commands::run(settings, &mut printer));
    let status = match outcome {
        Ok(status) => status,
        // Whoever read stdout stopped (`meshctl diff | head`): stop quietly with the status of a
        // writer killed by SIGPIPE, as C tools do, instead of an `error: Broken pipe` line.
        Err(failed) if reader_went_away(&failed.error) => return ExitCode::from(128 + 13),
        Err(failed) => {
            let status = failed.status.max(error_status);
            let failed = failed.with_status(status);
            failed.print(&mut printer);
            failed.status
        }
    };
    if let Err(error) = printer.flush() {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::from(128 + 13);
        }
        let _ = printer.error(&error.to_string());
        return error_status.into();
    }
    status.into()
}

/// A command line clap refuses: its message, then exit 1 (2 for the commands that compare);
/// `--help` and `--version` are not errors.
fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    // clap quotes the argument it refused: through the printer, so its control characters are
    // escaped like those of every other message.
    let mut printer = output::Printer::terminal();
    let _ = printer.status(error.render().to_string().trim_end());
    match error.kind() {
        _ if cli::Cli::words_compare(&std::env::args().collect::<Vec<_>>()) => {
            ExitStatus::Error.into()
        }
        _ => ExitStatus::Failure.into(),
    }
}

/// Whether the command failed writing its data to a stdout nobody reads any more. Only the
/// printer returns a bare `io::Error`; a broken connection to the API server arrives wrapped in
/// a typed error and is reported.
fn reader_went_away(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
