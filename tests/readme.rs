//! The README and the guide (`docs/*.md`) cannot drift from the binary: every `meshctl` command of
//! their `sh` blocks runs as written against the built binary, in a directory that looks like a fresh clone, and must exit 0
//! and write the files it redirects to; every command of its `sh reference` blocks must name
//! subcommands and flags that exist. `sh cluster` blocks run in tests/quickstart.rs (see
//! tests/common/readme.rs for the fence info strings).

#[path = "common/readme.rs"]
mod readme;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use readme::{Block, KINDS, blocks, commands, missing_line};

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every block of README.md and the guide, each knowing its file.
fn all_blocks() -> Vec<Block> {
    readme::documents()
        .into_iter()
        .flat_map(|(file, text)| {
            blocks(&text).into_iter().map(move |mut block| {
                block.file.clone_from(&file);
                block
            })
        })
        .collect()
}

fn shell_blocks(kind: &str) -> Vec<Block> {
    all_blocks()
        .into_iter()
        .filter(|b| b.info == kind)
        .collect()
}

/// A scratch directory holding what a fresh clone holds (links to the repository's tracked
/// top-level entries, no build output) and `bin/meshctl`, the binary under test. Commands run in
/// it, so files they write stay out of the repository.
fn fresh_clone() -> (tempfile::TempDir, PathBuf) {
    let scratch = tempfile::tempdir().expect("a temporary directory");
    let listed = Command::new("git")
        .args(["ls-files", "--cached", "--others", "--exclude-standard"])
        .current_dir(repository())
        .output()
        .ok()
        .filter(|output| output.status.success());
    let mut top: Vec<String> = match listed {
        Some(listed) => String::from_utf8_lossy(&listed.stdout)
            .lines()
            .filter_map(|path| path.split('/').next().map(str::to_string))
            .collect(),
        // Not a git checkout (a source archive): everything but build output.
        None => std::fs::read_dir(repository())
            .expect("the repository is readable")
            .map(|entry| entry.expect("readable directory entry").file_name())
            .map(|name| name.to_string_lossy().into_owned())
            .filter(|name| name != "target" && name != ".git")
            .collect(),
    };
    top.sort();
    top.dedup();
    for entry in top {
        std::os::unix::fs::symlink(repository().join(&entry), scratch.path().join(&entry))
            .expect("symlink into the scratch directory");
    }
    let bin = scratch.path().join(".meshctl-test-bin");
    std::fs::create_dir(&bin).expect("bin directory");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_meshctl"), bin.join("meshctl"))
        .expect("link the binary");
    (scratch, bin)
}

fn path_with(bin: &Path) -> String {
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn describe(output: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `cargo run --release -- ARGS` is the binary with ARGS (what cargo would run); other commands
/// are meshctl's only when they start with `meshctl`.
fn as_meshctl(command: &str) -> Option<String> {
    if let Some(rest) = command.strip_prefix("cargo run --release --") {
        return Some(format!("meshctl{rest}"));
    }
    command.starts_with("meshctl ").then(|| command.to_string())
}

/// The file a command redirects its standard output to, if any.
fn redirect_target(command: &str) -> Option<&str> {
    let (_, after) = command.split_once('>')?;
    after.split_whitespace().next()
}

#[test]
fn every_shell_block_has_a_known_kind() {
    let all = all_blocks();
    assert!(!all.is_empty(), "README.md has no fenced blocks");
    for page in [
        "README.md",
        "docs/upgrade.md",
        "docs/operator.md",
        "docs/install.md",
    ] {
        assert!(
            all.iter()
                .any(|b| b.file == page && b.info.starts_with("sh")),
            "{page} has no shell block: is the guide still read?"
        );
    }
    for block in &all {
        if block.info == "sh" || block.info.starts_with("sh ") {
            assert!(
                KINDS.contains(&block.info.as_str()),
                "{}:{}: unknown fence `{}`; use one of {KINDS:?}",
                block.file,
                block.line,
                block.info
            );
        }
    }
}

/// The cluster blocks are the quick start's, which tests/quickstart.rs runs; one elsewhere would
/// be run by nothing.
#[test]
fn cluster_blocks_are_only_in_the_quick_start() {
    let cluster = shell_blocks("sh cluster");
    assert!(cluster.len() >= 4, "the quick start has its cluster blocks");
    for block in &cluster {
        assert!(
            block.file == "README.md" && block.section == "Quick start on a laptop cluster",
            "{}:{}: a `sh cluster` block outside the README's quick start is run by no test",
            block.file,
            block.line
        );
        assert!(
            block.expected.is_some(),
            "README.md:{}: a quick-start step shows its expected output in a `text` block after it",
            block.line
        );
    }
}

#[test]
fn the_first_command_runs_on_a_fresh_clone() {
    let first = blocks(&readme::readme())
        .into_iter()
        .find(|b| b.info.starts_with("sh"))
        .expect("README.md has a shell block");
    assert_eq!(
        first.info, "sh",
        "the README's first command needs no cluster"
    );
    assert!(
        commands(&first.body)
            .iter()
            .find_map(|c| as_meshctl(c))
            .is_some_and(|c| c.starts_with("meshctl manifest generate")),
        "the README's first command renders manifests:\n{}",
        first.body
    );
}

#[test]
fn every_sh_block_runs_as_written() {
    let (scratch, bin) = fresh_clone();
    let mut ran = 0;
    for block in shell_blocks("sh") {
        for command in commands(&block.body) {
            let Some(command) = as_meshctl(&command) else {
                continue;
            };
            let output = Command::new("sh")
                .args(["-c", &command])
                .current_dir(scratch.path())
                .env("PATH", path_with(&bin))
                .env("NO_COLOR", "1")
                .env_remove("KUBECONFIG")
                .stdin(Stdio::null())
                .output()
                .expect("sh runs");
            assert!(
                output.status.success(),
                "{}:{}: `{command}` failed:\n{}",
                block.file,
                block.line,
                describe(&output)
            );
            if let Some(target) = redirect_target(&command) {
                let written = scratch.path().join(target);
                let size = std::fs::metadata(&written).map_or(0, |m| m.len());
                assert!(
                    size > 0,
                    "{}:{}: `{command}` wrote nothing to {target}",
                    block.file,
                    block.line
                );
            }
            ran += 1;
        }
    }
    assert!(ran > 0, "no `sh` block of README.md has a meshctl command");
}

/// Placeholder file names aside, every command of a reference block must be one the binary
/// knows, with flags it knows: `--help` after the arguments makes clap check them all and stop
/// before reading any file.
#[test]
fn every_reference_command_names_real_subcommands_and_flags() {
    let mut checked = 0;
    for block in shell_blocks("sh reference") {
        for command in commands(&block.body) {
            let Some(command) = as_meshctl(&command) else {
                continue;
            };
            // The command itself: no trailing comment, redirection or pipe; `[--flag]` means the
            // flag is optional, so it is checked as the flag.
            let words: Vec<String> = command
                .split_whitespace()
                .skip(1)
                .take_while(|w| !w.starts_with('#') && !w.starts_with('>') && *w != "|")
                .map(|w| w.trim_matches(|c| c == '[' || c == ']').to_string())
                .collect();
            let output = Command::new(env!("CARGO_BIN_EXE_meshctl"))
                .args(&words)
                .arg("--help")
                .env("NO_COLOR", "1")
                .stdin(Stdio::null())
                .output()
                .expect("meshctl runs");
            assert!(
                output.status.success(),
                "{}:{}: `meshctl {}` is not a command meshctl knows:\n{}",
                block.file,
                block.line,
                words.join(" "),
                describe(&output)
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "the reference blocks hold the command list");
}

/// The output matcher the quick start relies on must reject what does not match.
#[test]
fn expected_output_matching_notices_a_difference() {
    let actual = "plan\n✔ Installation complete: 39 objects applied (1.2s)\nNAME  READY\nweb-abc   2/2   Running   0   3s\n";
    assert_eq!(
        missing_line(
            "…\n✔ Installation complete: 39 objects applied (…)\nweb-… 2/2 Running 0 …",
            actual
        ),
        None
    );
    // A different count, a different ready column, a line out of order, a longer line.
    for wrong in [
        "✔ Installation complete: 38 objects applied (…)",
        "web-… 1/2 Running 0 …",
        "web-… 2/2 Running 0 …\n✔ Installation complete: …",
        "NAME",
    ] {
        assert!(missing_line(wrong, actual).is_some(), "{wrong:?} matched");
    }
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Every relative link of README.md and the guide names a file that exists, and an anchor a
/// heading of it: moving a section between pages must not leave a dead link behind.
#[test]
fn every_relative_link_resolves() {
    let link = regex::Regex::new(r"\]\(([^)\s]+)\)").expect("regex");
    let mut checked = 0;
    for (file, text) in readme::documents() {
        let base = repository().join(&file);
        let folder = base.parent().expect("a folder").to_path_buf();
        let mut in_fence = false;
        for (number, line) in text.lines().enumerate() {
            if line.starts_with("```") {
                in_fence = !in_fence;
            }
            if in_fence {
                continue;
            }
            for found in link.captures_iter(line) {
                let target = &found[1];
                if target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (path, anchor) = target.split_once('#').unwrap_or((target, ""));
                let resolved = if path.is_empty() {
                    base.clone()
                } else {
                    folder.join(path)
                };
                assert!(
                    resolved.exists(),
                    "{file}:{}: `{target}`: {} does not exist",
                    number + 1,
                    resolved.display()
                );
                if !anchor.is_empty() {
                    let page = std::fs::read_to_string(&resolved).unwrap_or_default();
                    let anchors: Vec<String> = page
                        .lines()
                        .filter_map(|l| {
                            l.trim_start_matches('#')
                                .strip_prefix(' ')
                                .filter(|_| l.starts_with('#'))
                        })
                        .map(slug)
                        .collect();
                    assert!(
                        anchors.iter().any(|a| a == anchor),
                        "{file}:{}: `{target}`: no heading for #{anchor} (has {anchors:?})",
                        number + 1
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(
        checked > 15,
        "the guide links its pages ({checked} links checked)"
    );
}
