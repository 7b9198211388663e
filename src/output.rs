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
            stdout: standard_output(),
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
        write!(self.stderr, "{} [y/N] ", for_terminal(question))?;
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
        writeln!(self.stderr, "{label} {}", for_terminal(text))
    }

    /// Whether data written to stdout may be coloured.
    #[must_use]
    pub fn colour_stdout(&self) -> bool {
        self.colour_stdout
    }

    /// Writes data (manifests, dumps, diffs) to stdout. An error says it was standard output
    /// (and keeps its kind: a reader that went away is [`io::ErrorKind::BrokenPipe`]).
    pub fn data(&mut self, text: &str) -> io::Result<()> {
        self.stdout
            .write_all(text.as_bytes())
            .map_err(on_standard_output)
    }

    /// A warning line on stderr.
    pub fn warn(&mut self, text: &str) -> io::Result<()> {
        let label = if self.colour_stderr {
            "warning:".yellow().bold().to_string()
        } else {
            "warning:".to_string()
        };
        writeln!(self.stderr, "{label} {}", for_terminal(text))
    }

    /// An error (with its cause chain already formatted) on stderr.
    pub fn error(&mut self, text: &str) -> io::Result<()> {
        let label = if self.colour_stderr {
            "error:".red().bold().to_string()
        } else {
            "error:".to_string()
        };
        writeln!(self.stderr, "{label} {}", for_terminal(text))
    }

    /// A plain progress or status line on stderr.
    pub fn status(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.stderr, "{}", for_terminal(text))
    }

    /// Flushes both streams; an error on stdout says it was standard output.
    pub fn flush(&mut self) -> io::Result<()> {
        self.stdout.flush().map_err(on_standard_output)?;
        self.stderr.flush()
    }
}

/// A message as it may reach the terminal: control characters escaped ([`escape_controls`]), and
/// any run of text without spaces longer than [`LONGEST_WORD`] characters shortened to its start
/// and end, so that a 10,000-segment `--set` or `--config-path` path, or a value pasted by
/// mistake, is not echoed whole. The one place every message line passes.
#[must_use]
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    let escaped = escape_controls(text);
    if !escaped
        .split(char::is_whitespace)
        .any(|word| word.chars().count() > LONGEST_WORD)
    {
        return escaped;
    }
    let mut out = String::with_capacity(LONGEST_WORD * 4);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() > LONGEST_WORD {
            out.extend(&chars[..KEEP_HEAD]);
            out.push_str(" … (");
            out.push_str(&chars.len().to_string());
            out.push_str(" characters) … ");
            out.extend(&chars[chars.len() - KEEP_TAIL..]);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in escaped.chars() {
        if c.is_whitespace() {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    std::borrow::Cow::Owned(out)
}

/// The longest run of text without spaces a message shows whole (URLs in hints are ~110).
const LONGEST_WORD: usize = 200;
const KEEP_HEAD: usize = 80;
const KEEP_TAIL: usize = 40;

/// A message with the control characters that came from input made visible: `\u{1b}` for ESC,
/// `\r`, `\u{7}` for BEL, and so on (C0, DEL and C1), so a Banzai `version`, a profile name or an
/// annotation cannot clear the screen, retitle the terminal or overwrite a line. Line breaks and
/// tabs stay: messages are laid out with them. Every message line goes through here; data on
/// stdout does not (it is YAML or JSON, which escape these themselves).
#[must_use]
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let escaped = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// An error writing data, saying where: `writing to standard output: No space left on device`.
fn on_standard_output(error: io::Error) -> io::Error {
    io::Error::new(error.kind(), StandardOutputError(error))
}

#[derive(Debug, thiserror::Error)]
#[error("writing to standard output: {0}")]
struct StandardOutputError(io::Error);

/// Standard output as a writer whose errors are reported. Rust's own `Stdout` drops every write
/// to a closed descriptor (`meshctl manifest generate >&-`) and reports success, so the command
/// exited 0 having written nothing; a duplicate of the descriptor reports `EBADF` instead, and a
/// descriptor that cannot be duplicated is closed: every write fails with that error.
fn standard_output() -> Box<dyn Write> {
    use std::os::fd::AsFd;
    if reopened_by_the_runtime() {
        return Box::new(Closed(Some(EBADF)));
    }
    match io::stdout().as_fd().try_clone_to_owned() {
        Ok(descriptor) => Box::new(io::LineWriter::new(std::fs::File::from(descriptor))),
        Err(error) => Box::new(Closed(error.raw_os_error())),
    }
}

const EBADF: i32 = 9;

/// Whether meshctl started with its standard output closed: Rust's runtime then opens
/// `/dev/null` read-write in its place before `main`, so writes vanish. A user's own
/// `> /dev/null` is write-only, which tells the two apart (Linux; elsewhere, `false`).
fn reopened_by_the_runtime() -> bool {
    const O_ACCMODE: u32 = 0o3;
    const O_RDWR: u32 = 0o2;
    let null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|target| target == *"/dev/null");
    null && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
        info.lines()
            .find_map(|line| line.strip_prefix("flags:"))
            .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
            .is_some_and(|flags| flags & O_ACCMODE == O_RDWR)
    })
}

/// A standard output that was closed before meshctl started.
struct Closed(Option<i32>);

impl Write for Closed {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(self
            .0
            .map_or_else(|| io::Error::other("closed"), io::Error::from_raw_os_error))
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Where a command writes its output file, and what it must never write over.
pub struct OutputFile<'a> {
    pub path: &'a std::path::Path,
    /// The command's `-f` inputs: `-o` naming one of them (by any spelling or link) is refused,
    /// or the render would replace the file it came from.
    pub inputs: &'a [std::path::PathBuf],
    /// What to say when `path` is a directory.
    pub directory_hint: &'a str,
}

/// Writes a whole output file (`manifest generate -o`, `migrate banzai -o`), the one way every
/// command writes one.
///
/// What the user named decides how: a path that does not exist yet, or a regular file named
/// directly, is written to a temporary file beside it and renamed into place, so a reader never
/// sees half a manifest; an existing file keeps its permissions, and a read-only one is refused
/// rather than replaced. A symbolic link, a character device (`/dev/null`, `/dev/stdout`) or a
/// FIFO (`>(command)`) is written *through*, as `tee` and `cp` do: the link stays a link, the device
/// stays a device. A directory, a block device or a socket is refused, and so is one of the
/// command's own inputs. Nothing is ever renamed over something that is not a regular file.
pub fn write_file(output: &OutputFile<'_>, text: &str) -> anyhow::Result<()> {
    use std::os::unix::fs::FileTypeExt;

    use anyhow::{Context, bail};

    let path = output.path;
    let shown = path.display();
    if let Some(input) = output.inputs.iter().find(|input| same_file(input, path)) {
        bail!(
            "refusing to write to `{shown}`: it is the input `{}`, which the output would \
             replace; hint: write to another file",
            input.display()
        );
    }
    let named = match std::fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return write_and_rename(path, text, None);
        }
        Err(error) => return Err(error).with_context(|| format!("examining `{shown}`")),
    };
    if named.is_file() && named.permissions().readonly() {
        bail!(
            "refusing to replace `{shown}`: it is read-only; hint: make it writable (`chmod u+w`) \
             if it should be replaced, or write to another file"
        );
    }
    if named.is_file() {
        return write_and_rename(path, text, Some(named.permissions()));
    }
    // What the name leads to, through any links (a dangling link is created, as `tee` does).
    let target = match std::fs::metadata(path) {
        Ok(metadata) => Some(metadata),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(error).with_context(|| format!("examining `{shown}`")),
    };
    let kind = target.as_ref().map(std::fs::Metadata::file_type);
    let refused = match kind {
        Some(kind) if kind.is_dir() => Some("a directory"),
        Some(kind) if kind.is_block_device() => Some("a block device"),
        Some(kind) if kind.is_socket() => Some("a socket"),
        _ => None,
    };
    if let Some(what) = refused {
        bail!(
            "refusing to write to `{shown}`: it is {what}, not a file; hint: {}",
            output.directory_hint
        );
    }
    let regular = kind.is_some_and(|kind| kind.is_file());
    if regular && target.as_ref().is_some_and(|t| t.permissions().readonly()) {
        bail!(
            "refusing to replace `{shown}`: the file it links to is read-only; hint: make it \
             writable (`chmod u+w`) if it should be replaced, or write to another file"
        );
    }
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

/// Whether two paths name the same existing file (same device and inode: any spelling, any link).
pub fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Writes `text` to a new file beside `path` and renames it over `path`.
/// `permissions`: those of the file being replaced, kept.
fn write_and_rename(
    path: &std::path::Path,
    text: &str,
    permissions: Option<std::fs::Permissions>,
) -> anyhow::Result<()> {
    use anyhow::Context;

    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let temporary = path.with_file_name(format!(".{name}.meshctl-{}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .and_then(|()| match permissions {
            Some(permissions) => std::fs::set_permissions(&temporary, permissions),
            None => Ok(()),
        });
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(error).with_context(|| format!("writing `{}`", path.display()));
    }
    std::fs::rename(&temporary, path).map_err(|error| {
        let _ = std::fs::remove_file(&temporary);
        anyhow::Error::new(error).context(format!("writing `{}`", path.display()))
    })
}

#[cfg(test)]
mod tests {
    use super::escape_controls;

    /// Issue 24: ESC, BEL, CR and the other control characters from input reached the terminal
    /// raw (clearing the screen, retitling the window); line breaks and tabs lay messages out.
    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(
            escape_controls("a\u{1b}[2J\u{7}b\rc\u{9b}d\u{7f}"),
            "a\\u{1b}[2J\\u{7}b\\rc\\u{9b}d\\u{7f}"
        );
        assert_eq!(escape_controls("line\n\tnext"), "line\n\tnext");
        assert!(matches!(
            escape_controls("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// Issue 24: a 10,000-segment path was echoed whole.
    #[test]
    fn very_long_words_are_shortened() {
        let path = vec!["a"; 10_000].join(".");
        let text = format!("--config-path {path}: not found");
        let message = super::for_terminal(&text);
        assert!(message.len() < 200, "{message}");
        assert!(message.starts_with("--config-path a.a."), "{message}");
        assert!(message.contains(" … (20000 characters) … "), "{message}");
        assert!(message.ends_with("a.a: not found"), "{message}");
        let short = "a message with https://istio.io/latest/docs/ops/configuration/traffic-management/dns-proxy/";
        assert_eq!(super::for_terminal(short), short);
    }
}
