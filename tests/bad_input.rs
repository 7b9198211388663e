//! The bad-input catalogue (`testdata/bad-input/cases.txt`): every case must fail cleanly — a
//! non-zero exit, nothing on stdout, no panic — with exactly the message snapshotted in
//! `testdata/bad-input/expected/`. A case's arguments may start with `NAME=value` words: the
//! environment of that run. `warnings.txt` holds input that is suspicious but installable: it
//! must render, with exactly the snapshotted warnings.

use std::path::Path;
use std::process::{Command, Stdio};

/// One catalogue line: its name, its environment (leading `NAME=value` words) and arguments.
struct Case {
    name: String,
    environment: Vec<(String, String)>,
    arguments: Vec<String>,
    line: String,
}

fn catalogue(file: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(directory().join(file)).expect("catalogue exists");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (name, arguments) = line.split_once('|').expect("`name | arguments`");
            let words: Vec<&str> = arguments.split_whitespace().collect();
            let environment = words
                .iter()
                .take_while(|word| word.contains('=') && !word.starts_with('-'))
                .count();
            Case {
                name: name.trim().to_string(),
                environment: words[..environment]
                    .iter()
                    .filter_map(|w| w.split_once('='))
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                arguments: words[environment..]
                    .iter()
                    .map(|w| (*w).to_string())
                    .collect(),
                line: arguments.trim().to_string(),
            }
        })
        .collect()
}

fn directory() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/bad-input")
}

fn run(case: &Case) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(&case.arguments)
        .envs(case.environment.iter().map(|(k, v)| (k, v)))
        .current_dir(directory())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("meshctl runs")
}

fn assert_stderr_snapshot(name: &str, line: &str, stderr: &str) {
    insta::with_settings!({
        snapshot_path => directory().join("expected"),
        prepend_module_to_snapshot => false,
        description => format!("meshctl {line}"),
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, stderr);
    });
}

/// Issue 24: control characters from input never reach the terminal raw.
fn assert_no_raw_controls(name: &str, stderr: &str) {
    assert!(
        !stderr
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{name}: a raw control character in the message\n{stderr:?}"
    );
}

#[test]
fn every_bad_input_gets_a_clear_message_and_a_non_zero_exit() {
    let cases = catalogue("cases.txt");
    for case in &cases {
        let name = &case.name;
        let output = run(case);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{name}: exited 0\n{stderr}");
        // The exit-code rule (README, "Bad input"): 1, except in the commands where 1 means
        // "they differ" (`diff`, `profile diff`), whose errors exit 2.
        let positional: Vec<&str> = case
            .arguments
            .iter()
            .map(String::as_str)
            .filter(|a| !a.starts_with('-'))
            .take(2)
            .collect();
        let expected = match positional.as_slice() {
            ["diff", ..] | ["profile", "diff"] => 2,
            _ => 1,
        };
        assert_eq!(
            output.status.code(),
            Some(expected),
            "{name}: wrong exit code\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: panicked\n{stderr}");
        // The catalogue's secrets (a credential plugin's token, a kubeconfig's) are never printed.
        assert!(
            !stderr.contains("SECRET-TOKEN"),
            "{name}: printed a secret\n{stderr}"
        );
        assert!(
            output.stdout.is_empty(),
            "{name}: wrote to stdout: {}",
            String::from_utf8_lossy(&output.stdout)
        );
        assert_stderr_snapshot(name, &case.line, &stderr);
    }
    assert!(
        cases.len() >= 30,
        "the catalogue has {} cases, fewer than 30",
        cases.len()
    );
}

/// Suspicious but installable input (`warnings.txt`): it renders, exit 0, and the warnings on
/// stderr are exactly the snapshotted ones.
#[test]
fn every_suspicious_input_renders_with_a_warning() {
    let cases = catalogue("warnings.txt");
    for case in &cases {
        let name = &case.name;
        let output = run(case);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{name}: failed\n{stderr}");
        assert!(!output.stdout.is_empty(), "{name}: rendered nothing");
        assert_no_raw_controls(name, &stderr);
        assert!(
            stderr.starts_with("warning: "),
            "{name}: no warning\n{stderr}"
        );
        assert_stderr_snapshot(&format!("warning-{name}"), &case.line, &stderr);
    }
    assert!(!cases.is_empty());
}
