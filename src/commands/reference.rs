//! The command reference, generated from the clap definition (by the tests: nothing of it is in
//! the binary): one Markdown page per command in
//! `docs/reference/` and one man page per command in `docs/man/`. Committed, and kept current by
//! the test below (`MESHCTL_BLESS=1 cargo test --bin meshctl reference` rewrites them), as the
//! completion scripts are.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::cli::Cli;

/// Exit codes, as `main` maps outcomes ([`super::ExitStatus`]). Every command follows the
/// general rule; the commands that answer a question with their code say what 1 means, and
/// give errors 2 so that "they differ" and "it failed" stay apart.
fn exit_codes(path: &str) -> Vec<(&'static str, &'static str)> {
    const ANSWERS: [(&str, &str); 3] = [
        (
            "meshctl diff",
            "the cluster differs from the render (the plan is printed)",
        ),
        ("meshctl profile diff", "the two profiles differ"),
        (
            "meshctl verify-install",
            "an object is missing or a workload is not ready",
        ),
    ];
    match ANSWERS.iter().find(|(command, _)| *command == path) {
        Some((command, meaning)) if *command != "meshctl verify-install" => vec![
            ("0", "nothing differs"),
            ("1", meaning),
            (
                "2",
                "the command failed: bad input, an unreachable or forbidden cluster",
            ),
        ],
        Some((_, meaning)) => vec![
            ("0", "everything is there and ready"),
            ("1", meaning),
            ("1", "or the command failed (the message says which)"),
        ],
        None => vec![
            ("0", "done"),
            (
                "1",
                "bad input (the message names the file, line or flag), a declined prompt, or a \
                 failed request (nothing is written on bad input)",
            ),
        ],
    }
}

/// Every command, depth first, with its full path (`meshctl tag set`).
fn walk(command: &Command, path: &str, out: &mut Vec<(String, Command)>) {
    out.push((path.to_string(), command.clone()));
    for sub in command.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        walk(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

fn commands() -> Vec<(String, Command)> {
    let mut root = Cli::command();
    root.build();
    let mut out = Vec::new();
    walk(&root, "meshctl", &mut out);
    out
}

fn file_stem(path: &str) -> String {
    path.replace(' ', "-")
}

/// Text for a Markdown table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn flag_name(arg: &Arg) -> String {
    let mut names = Vec::new();
    if let Some(short) = arg.get_short() {
        names.push(format!("-{short}"));
    }
    if let Some(long) = arg.get_long() {
        names.push(format!("--{long}"));
    }
    if names.is_empty() {
        let value = arg.get_value_names().and_then(|v| v.first()).map_or_else(
            || arg.get_id().to_string().to_uppercase(),
            ToString::to_string,
        );
        return format!("`{value}`");
    }
    let value = takes_value(arg).then(|| {
        arg.get_value_names().and_then(|v| v.first()).map_or_else(
            || arg.get_id().to_string().to_uppercase(),
            ToString::to_string,
        )
    });
    let mut text = names.join(", ");
    if let Some(value) = value {
        let _ = write!(text, " {value}");
    }
    format!("`{text}`")
}

fn takes_value(arg: &Arg) -> bool {
    matches!(arg.get_action(), ArgAction::Set | ArgAction::Append)
}

fn markdown(path: &str, command: &Command, children: &[(String, String)]) -> String {
    let mut page = format!("# {path}\n\n");
    let about = command
        .get_long_about()
        .or_else(|| command.get_about())
        .map(ToString::to_string)
        .unwrap_or_default();
    if !about.is_empty() {
        let _ = writeln!(page, "{about}\n");
    }
    let aliases: Vec<&str> = command.get_visible_aliases().collect();
    if !aliases.is_empty() {
        let _ = writeln!(page, "Alias: `{}`.\n", aliases.join("`, `"));
    }
    let mut usage_command = command.clone().bin_name(path);
    let usage = usage_command.render_usage().to_string();
    let usage = usage.trim_start_matches("Usage: ");
    let _ = writeln!(page, "## Usage\n\n```text\n{usage}\n```\n");

    let args: Vec<&Arg> = command
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .collect();
    if !args.is_empty() {
        page.push_str("## Arguments and options\n\n| | default | description |\n|---|---|---|\n");
        for arg in args {
            let defaults: Vec<String> = if takes_value(arg) {
                arg.get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect()
            } else {
                Vec::new()
            };
            let mut description = arg
                .get_long_help()
                .or_else(|| arg.get_help())
                .map(ToString::to_string)
                .unwrap_or_default();
            // Each addition below is a sentence of its own.
            if !description.is_empty() && !description.trim_end().ends_with(['.', ')', ':']) {
                description.push('.');
            }
            let possible: Vec<String> = if takes_value(arg) {
                arg.get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| format!("`{}`", v.get_name()))
                    .collect()
            } else {
                Vec::new()
            };
            if !possible.is_empty() {
                let _ = write!(description, " One of {}.", possible.join(", "));
            }
            if let Some(env) = arg.get_env() {
                let _ = write!(description, " Environment: `{}`.", env.to_string_lossy());
            }
            if arg.is_required_set() {
                description.push_str(" Required.");
            }
            let _ = writeln!(
                page,
                "| {} | {} | {} |",
                flag_name(arg),
                if defaults.is_empty() {
                    String::new()
                } else {
                    format!("`{}`", defaults.join(","))
                },
                cell(&description)
            );
        }
        page.push('\n');
    }
    if children.is_empty() {
        page.push_str("## Exit codes\n\n| code | meaning |\n|---|---|\n");
        for (code, meaning) in exit_codes(path) {
            let _ = writeln!(page, "| {code} | {} |", cell(meaning));
        }
        page.push('\n');
    } else {
        page.push_str("## Commands\n\n");
        for (child, about) in children {
            let _ = writeln!(
                page,
                "- [`{child}`]({}.md): {}",
                file_stem(child),
                cell(about)
            );
        }
        page.push('\n');
    }
    let _ = writeln!(
        page,
        "<!-- Generated from meshctl's command definitions: MESHCTL_BLESS=1 cargo test --bin meshctl reference -->"
    );
    page
}

fn man(path: &str, command: &Command) -> String {
    let name = file_stem(path);
    // clap keeps names as `&'static str`; a test process may leak a few dozen.
    let static_name: &'static str = Box::leak(name.clone().into_boxed_str());
    // The version without the commit: the pages change with the definitions, not every commit.
    let command = command
        .clone()
        .name(static_name)
        .bin_name(path.to_string())
        .version(env!("CARGO_PKG_VERSION"));
    let mut buffer = Vec::new();
    clap_mangen::Man::new(command)
        .title(name.to_uppercase())
        .section("1")
        .manual("meshctl manual")
        .source(format!("meshctl {}", env!("CARGO_PKG_VERSION")))
        .render(&mut buffer)
        .expect("rendering to memory does not fail");
    String::from_utf8_lossy(&buffer).into_owned()
}

/// Every generated file: path relative to the repository → contents.
#[must_use]
pub fn files() -> BTreeMap<String, String> {
    let commands = commands();
    let mut files = BTreeMap::new();
    let mut index = String::from(
        "# Command reference\n\nGenerated from meshctl's command definitions, like the man pages in \
         [`docs/man/`](../man/) (`man ./docs/man/meshctl.1`). Exit codes: 0 when done, 1 for bad \
         input or a failed request — except where a command answers with its code (`diff`, \
         `profile diff`: 1 when they differ, 2 when the command failed).\n\n",
    );
    for (path, command) in &commands {
        let children: Vec<(String, String)> = commands
            .iter()
            .filter(|(child, _)| {
                child
                    .strip_prefix(path.as_str())
                    .is_some_and(|rest| rest.starts_with(' ') && !rest.trim_start().contains(' '))
            })
            .map(|(child, c)| {
                (
                    child.clone(),
                    c.get_about().map(ToString::to_string).unwrap_or_default(),
                )
            })
            .collect();
        let stem = file_stem(path);
        files.insert(
            format!("docs/reference/{stem}.md"),
            markdown(path, command, &children),
        );
        files.insert(format!("docs/man/{stem}.1"), man(path, command));
        let depth = path.matches(' ').count();
        let _ = writeln!(
            index,
            "{}- [`{path}`]({stem}.md): {}",
            "  ".repeat(depth.saturating_sub(1)),
            cell(
                &command
                    .get_about()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            )
        );
    }
    files.insert("docs/reference/README.md".into(), index);
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The committed reference and man pages are what the binary's definitions generate; a flag
    /// added, renamed or re-documented without regenerating them fails here.
    #[test]
    fn committed_reference_matches_the_binary() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let bless = std::env::var_os("MESHCTL_BLESS").is_some();
        let files = files();
        assert!(files.len() > 40, "a page per command");
        let mut stale = Vec::new();
        for (path, contents) in &files {
            let target = root.join(path);
            if bless {
                std::fs::create_dir_all(target.parent().expect("a folder")).expect("mkdir");
                std::fs::write(&target, contents).expect("write");
            }
            if std::fs::read_to_string(&target).ok().as_deref() != Some(contents.as_str()) {
                stale.push(path.clone());
            }
        }
        // A page for a command that no longer exists is stale too.
        for folder in ["docs/reference", "docs/man"] {
            for entry in std::fs::read_dir(root.join(folder))
                .into_iter()
                .flatten()
                .flatten()
            {
                let path = format!("{folder}/{}", entry.file_name().to_string_lossy());
                if !files.contains_key(&path) {
                    if bless {
                        std::fs::remove_file(entry.path()).expect("remove");
                    } else {
                        stale.push(path);
                    }
                }
            }
        }
        assert!(
            stale.is_empty(),
            "stale: {stale:?}; regenerate with `MESHCTL_BLESS=1 cargo test --bin meshctl reference`"
        );
    }

    #[test]
    fn every_command_flag_and_exit_rule_is_in_its_page() {
        let files = files();
        let install = &files["docs/reference/meshctl-install.md"];
        for needle in [
            "`-f, --filename",
            "`-s, --set",
            "`-y, --skip-confirmation`",
            "Alias: `apply`",
        ] {
            assert!(install.contains(needle), "{needle} missing:\n{install}");
        }
        let diff = &files["docs/reference/meshctl-diff.md"];
        assert!(diff.contains("| 2 | the command failed"), "{diff}");
        let tag = &files["docs/reference/meshctl-tag.md"];
        assert!(
            tag.contains("[`meshctl tag set`](meshctl-tag-set.md)"),
            "{tag}"
        );
        assert!(files["docs/man/meshctl-install.1"].contains(".TH MESHCTL-INSTALL 1"));
    }
}
