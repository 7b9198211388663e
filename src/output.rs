//! The one owner of the terminal: data to stdout, messages to stderr, colour only where wanted.
//!
//! Colour follows the usual conventions: on when the stream is a terminal, off with `NO_COLOR` set
//! (to anything non-empty) or when `TERM=dumb`. Library code never prints; commands get a
//! [`Printer`] and go through it.

use std::io::{self, IsTerminal, Write};

use colored::Colorize;

/// Writes data and messages for one command run.
pub struct Printer {
    stdout: Box<dyn Write>,
    stderr: Box<dyn Write>,
    colour_stdout: bool,
    colour_stderr: bool,
}

fn colour_wanted(is_terminal: bool) -> bool {
    let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    is_terminal && !no_colour && !dumb
}

impl Printer {
    /// A printer on the process's own stdout and stderr.
    #[must_use]
    pub fn terminal() -> Self {
        Self {
            colour_stdout: colour_wanted(io::stdout().is_terminal()),
            colour_stderr: colour_wanted(io::stderr().is_terminal()),
            stdout: Box::new(io::stdout().lock()),
            stderr: Box::new(io::stderr()),
        }
    }

    /// Whether data written to stdout may be coloured.
    #[must_use]
    pub fn colour_stdout(&self) -> bool {
        self.colour_stdout
    }

    /// Writes data (manifests, dumps, diffs) to stdout.
    pub fn data(&mut self, text: &str) -> io::Result<()> {
        self.stdout.write_all(text.as_bytes())
    }

    /// A warning line on stderr.
    pub fn warn(&mut self, text: &str) -> io::Result<()> {
        let label = if self.colour_stderr {
            "warning:".yellow().bold().to_string()
        } else {
            "warning:".to_string()
        };
        writeln!(self.stderr, "{label} {text}")
    }

    /// An error (with its cause chain already formatted) on stderr.
    pub fn error(&mut self, text: &str) -> io::Result<()> {
        let label = if self.colour_stderr {
            "error:".red().bold().to_string()
        } else {
            "error:".to_string()
        };
        writeln!(self.stderr, "{label} {text}")
    }

    /// A plain progress or status line on stderr.
    pub fn status(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.stderr, "{text}")
    }

    /// Flushes both streams.
    pub fn flush(&mut self) -> io::Result<()> {
        self.stdout.flush()?;
        self.stderr.flush()
    }
}
