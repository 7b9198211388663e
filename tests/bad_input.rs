//! The bad-input catalogue (`testdata/bad-input/cases.txt`): every case must fail cleanly — a
//! non-zero exit, nothing on stdout, no panic — with exactly the message snapshotted in
//! `testdata/bad-input/expected/`. A case's arguments may start with `NAME=value` words: the
//! environment of that run.

use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn every_bad_input_gets_a_clear_message_and_a_non_zero_exit() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/bad-input");
    let cases = std::fs::read_to_string(directory.join("cases.txt")).expect("catalogue exists");
    let mut count = 0;
    for line in cases
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (name, arguments) = line.split_once('|').expect("`name | arguments`");
        let (name, arguments) = (name.trim(), arguments.trim());
        // Leading `NAME=value` words are environment variables for the run.
        let words: Vec<&str> = arguments.split_whitespace().collect();
        let environment = words
            .iter()
            .take_while(|word| word.contains('=') && !word.starts_with('-'))
            .count();
        let output = Command::new(env!("CARGO_BIN_EXE_meshctl"))
            .args(&words[environment..])
            .envs(
                words[..environment]
                    .iter()
                    .filter_map(|w| w.split_once('=')),
            )
            .current_dir(&directory)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .expect("meshctl runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{name}: exited 0\n{stderr}");
        assert!(!stderr.contains("panicked"), "{name}: panicked\n{stderr}");
        assert!(
            output.stdout.is_empty(),
            "{name}: wrote to stdout: {}",
            String::from_utf8_lossy(&output.stdout)
        );
        insta::with_settings!({
            snapshot_path => directory.join("expected"),
            prepend_module_to_snapshot => false,
            description => format!("meshctl {arguments}"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, stderr);
        });
        count += 1;
    }
    assert!(
        count >= 30,
        "the catalogue has {count} cases, fewer than 30"
    );
}
