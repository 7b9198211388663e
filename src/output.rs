//! The one owner of the terminal: data to stdout, messages to stderr, colour only where wanted.
//!
//! Colour follows the usual conventions: on when the stream is a terminal, off with `NO_COLOR` set
//! (to anything non-empty) or when `TERM=dumb`. Library code never prints; commands get a
//! [`Printer`] and go through it.

use std::io::{self, IsTerminal, Write};

use colored::Colorize;

/// Writes data and messages for one command run.
// Five independent facts about the process's streams, not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct Printer {
    stdout: Box<dyn Write>,
    stderr: Box<dyn Write>,
    colour_stdout: bool,
    colour_stderr: bool,
    stderr_terminal: bool,
    stdin_terminal: bool,
    stdout_terminal: bool,
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
            stderr_terminal: io::stderr().is_terminal(),
            stdin_terminal: io::stdin().is_terminal(),
            stdout_terminal: io::stdout().is_terminal(),
        }
    }

    /// Whether progress can be drawn in place (stderr is a terminal and not `TERM=dumb`).
    #[must_use]
    pub fn live_progress(&self) -> bool {
        self.stderr_terminal && !std::env::var("TERM").is_ok_and(|t| t == "dumb")
    }

    /// Whether data written to stdout would land on a terminal (for data nobody should see
    /// there, such as a token).
    #[must_use]
    pub fn stdout_is_terminal(&self) -> bool {
        self.stdout_terminal
    }

    /// Whether a person can answer a prompt.
    #[must_use]
    pub fn can_prompt(&self) -> bool {
        self.stdin_terminal
    }

    /// Asks a yes/no question on stderr; only `y`/`yes` is a yes.
    pub fn confirm(&mut self, question: &str) -> io::Result<bool> {
        write!(self.stderr, "{question} [y/N] ")?;
        self.stderr.flush()?;
        let mut answer = String::new();
        io::stdin().read_line(&mut answer)?;
        Ok(matches!(
            answer.trim().to_ascii_lowercase().as_str(),
            "y" | "yes"
        ))
    }

    /// A `hint:` line on stderr, after an error or warning whose fix is knowable.
    pub fn hint(&mut self, text: &str) -> io::Result<()> {
        let label = if self.colour_stderr {
            "hint:".cyan().bold().to_string()
        } else {
            "hint:".to_string()
        };
        writeln!(self.stderr, "{label} {text}")
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
