//! The fenced command blocks of README.md and the guide (`docs/*.md`), for the tests that run them (tests/readme.rs without a
//! cluster, tests/quickstart.rs on the project's control plane).
//!
//! Fence info strings say where a block runs:
//! - `sh`: needs no cluster; tests/readme.rs runs every `meshctl` command in it as written.
//! - `sh cluster`: needs a cluster; tests/quickstart.rs runs the block as written (only the
//!   quick start has them).
//! - `sh reference`: a command reference with placeholder file names; tests/readme.rs checks
//!   that each `meshctl` command and flag in it exists.
//!
//! A ```` ```text ```` block right after a command block is that block's expected output.

// Each test file includes this module and uses only part of it.
#![allow(dead_code)]

use std::path::Path;

/// The info strings a shell block may carry; any other `sh…` fence is refused, so that a typo
/// cannot take a block out of the tests.
pub const KINDS: [&str; 3] = ["sh", "sh cluster", "sh reference"];

#[derive(Debug)]
pub struct Block {
    /// The document it is in (`README.md`, `docs/upgrade.md`); set by the caller.
    pub file: String,
    /// The fence's info string, e.g. `sh cluster`.
    pub info: String,
    /// The `## ` heading the block is under.
    pub section: String,
    /// 1-based line of the opening fence.
    pub line: usize,
    pub body: String,
    /// The body of a `text` block that directly follows (blank lines between allowed).
    pub expected: Option<String>,
}

pub fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// README.md and the guide's pages (`docs/*.md`; the generated reference has no shell blocks),
/// as (path relative to the repository, text).
pub fn documents() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages: Vec<String> = std::fs::read_dir(root.join("docs"))
        .expect("docs/ is readable")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            Path::new(name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        })
        .map(|name| format!("docs/{name}"))
        .collect();
    pages.sort();
    std::iter::once("README.md".to_string())
        .chain(pages)
        .map(|path| {
            let text =
                std::fs::read_to_string(root.join(&path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            (path, text)
        })
        .collect()
}

/// Every fenced block of `text`, in order, with its section; `text` blocks are attached to the
/// block before them as its expected output instead of being listed.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut section = String::new();
    let mut open: Option<(String, usize, Vec<&str>)> = None;
    // Whether only blank lines separate the last block's closing fence from here.
    let mut adjacent = false;
    for (index, line) in text.lines().enumerate() {
        if let Some((info, start, mut body)) = open.take() {
            if line.trim_end() == "```" {
                let body = body.join("\n");
                if info == "text" && adjacent {
                    if let Some(last) = blocks.last_mut() {
                        last.expected = Some(body);
                    }
                } else {
                    blocks.push(Block {
                        file: String::new(),
                        info,
                        section: section.clone(),
                        line: start,
                        body,
                        expected: None,
                    });
                }
                adjacent = true;
            } else {
                body.push(line);
                open = Some((info, start, body));
            }
            continue;
        }
        if let Some(info) = line.strip_prefix("```") {
            open = Some((info.trim().to_string(), index + 1, Vec::new()));
            continue;
        }
        if let Some(heading) = line.strip_prefix("## ") {
            section = heading.trim().to_string();
        }
        if !line.trim().is_empty() {
            adjacent = false;
        }
    }
    assert!(open.is_none(), "README.md: a fenced block is never closed");
    blocks
}

/// The commands of a shell block: comment lines dropped, `\` continuations joined.
pub fn commands(body: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut current = String::new();
    for line in body.lines() {
        let line = line.trim();
        if current.is_empty() && (line.is_empty() || line.starts_with('#')) {
            continue;
        }
        if let Some(start) = line.strip_suffix('\\') {
            current.push_str(start);
            current.push(' ');
        } else {
            current.push_str(line);
            commands.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        commands.push(current);
    }
    commands
}

fn squeeze(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `actual` contains the lines of `expected` in order (other lines may come between),
/// `…` in a line standing for any text and runs of spaces for any run of spaces; a line that is
/// only `…` stands for any lines. Returns the first expected line not found.
pub fn missing_line(expected: &str, actual: &str) -> Option<String> {
    let actual: Vec<String> = actual.lines().map(squeeze).collect();
    let mut from = 0;
    for wanted in expected.lines().map(squeeze) {
        if wanted.is_empty() || wanted == "…" {
            continue;
        }
        let parts: Vec<&str> = wanted.split('…').collect();
        let found = actual[from..].iter().position(|line| {
            let mut rest = line.as_str();
            let last = parts.len() - 1;
            for (i, part) in parts.iter().enumerate() {
                let at = if i == 0 {
                    rest.starts_with(part).then_some(0)
                } else if i == last {
                    // Anchored at the end: the line ends with the last part.
                    rest.ends_with(part).then(|| rest.len() - part.len())
                } else {
                    rest.find(part)
                };
                match at {
                    Some(at) => rest = &rest[at + part.len()..],
                    None => return false,
                }
            }
            rest.is_empty()
        });
        match found {
            Some(offset) => from += offset + 1,
            None => return Some(wanted),
        }
    }
    None
}
