//! meshctl's entry point: parse the command line, run it, map the outcome to an exit code.
//!
//! Errors are printed once, with their cause chain, by the [`output::Printer`]; the exit code is 1
//! for bad input or a failed command (some commands choose their own, e.g. `profile diff`).

mod cli;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let mut printer = output::Printer::terminal();
    let code = match commands::run(cli, &mut printer) {
        Ok(code) => code,
        Err(error) => {
            // `{:#}` prints the cause chain on one line per cause, each stage adding its context.
            let _ = printer.error(&format!("{error:#}"));
            if let Some(hinted) = error.downcast_ref::<commands::Hinted>() {
                let _ = printer.hint(&hinted.hint);
            }
            ExitCode::FAILURE
        }
    };
    let _ = printer.flush();
    code
}
