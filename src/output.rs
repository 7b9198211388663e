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

/// Writes a whole output file (`manifest generate -o`), the one way every command writes one.
///
/// What the user named decides how: a path that does not exist yet, or a regular file named
/// directly, is written to a temporary file beside it and renamed into place, so a reader never
/// sees half a manifest. A symbolic link, a character device (`/dev/null`, `/dev/stdout`) or a
/// FIFO (`>(command)`) is written *through*, as `tee` and `cp` do: the link stays a link, the device
/// stays a device. A directory, a block device or a socket is refused. Nothing is ever renamed
/// over something that is not a regular file.
pub fn write_file(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    use std::os::unix::fs::FileTypeExt;

    use anyhow::{Context, bail};

    let shown = path.display();
    let named = match std::fs::symlink_metadata(path) {
        Ok(metadata) => metadata.file_type(),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return write_and_rename(path, text);
        }
        Err(error) => return Err(error).with_context(|| format!("examining `{shown}`")),
    };
    if named.is_file() {
        return write_and_rename(path, text);
    }
    // What the name leads to, through any links (a dangling link is created, as `tee` does).
    let target = match std::fs::metadata(path) {
        Ok(metadata) => Some(metadata.file_type()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(error).with_context(|| format!("examining `{shown}`")),
    };
    let refused = match target {
        Some(kind) if kind.is_dir() => Some("a directory"),
        Some(kind) if kind.is_block_device() => Some("a block device"),
        Some(kind) if kind.is_socket() => Some("a socket"),
        _ => None,
    };
    if let Some(what) = refused {
        bail!(
            "refusing to write to `{shown}`: it is {what}, not a file; hint: name a file, or a \
             directory ending in `/` for one file per component"
        );
    }
    let regular = target.is_some_and(|kind| kind.is_file());
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(regular)
        .open(path)
        .with_context(|| format!("opening `{shown}`"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .with_context(|| format!("writing `{shown}`"))
}

/// Writes `text` to a new file beside `path` and renames it over `path`.
fn write_and_rename(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    use anyhow::Context;

    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let temporary = path.with_file_name(format!(".{name}.meshctl-{}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| file.write_all(text.as_bytes()));
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(error).with_context(|| format!("writing `{}`", path.display()));
    }
    std::fs::rename(&temporary, path).map_err(|error| {
        let _ = std::fs::remove_file(&temporary);
        anyhow::Error::new(error).context(format!("writing `{}`", path.display()))
    })
}
