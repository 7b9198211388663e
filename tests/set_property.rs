//! Property test of `--set` on the built binary (issue 16): whatever path and value a user
//! writes, meshctl never panics or crashes (a deep path once overflowed the stack, exit 134),
//! exits 0 or 1, prints manifests on 0 and an `error:` message on 1.

use std::process::{Command, Stdio};

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

/// Path segments people write, parts of the syntax, and the broken pieces of both.
const SEGMENTS: &[&str] = &[
    "values",
    "global",
    "hub",
    "tag",
    "proxy",
    "components",
    "pilot",
    "cni",
    "k8s",
    "replicaCount",
    "enabled",
    "meshConfig",
    "defaultConfig",
    "proxyMetadata",
    "ingressGateways",
    "[0]",
    "[1]",
    "[-1]",
    "[name:istio-ingressgateway]",
    "[name:missing]",
    "[x]",
    "[",
    "]",
    "revision",
    "profile",
    "namespace",
    "hpaSpec",
    "maxReplicas",
    "resources",
    "requests",
    "cpu",
    "a\\.b",
    "",
];

const VALUES: &[&str] = &[
    "",
    "yes",
    "on",
    "off",
    "no",
    "1",
    "0",
    "-1",
    "1.20",
    "1e999",
    "2147483648",
    "true",
    "null",
    "~",
    "[]",
    "{}",
    "a\\,b",
    "demo",
    "ambient",
    "Bad_Name!",
    "docker.io/istio/",
    "lots",
    "500m",
    "-128Mi",
    "istio-system",
];

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(SEGMENTS).prop_map(str::to_string),
        1 => "[a-zA-Z0-9_:\\[\\]-]{0,6}",
    ]
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        // Short paths: the ones that reach the merge, validation and render.
        6 => proptest::collection::vec(segment(), 1..6),
        // Past the depth limit.
        1 => proptest::collection::vec(segment(), 60..120),
        // Where the stack once ran out (~8,300 segments); short segments keep the argument
        // under the kernel's 128 KiB limit.
        1 => proptest::collection::vec(
            proptest::sample::select(&["a", "b", "hub"][..]).prop_map(str::to_string),
            8_000..12_000,
        ),
    ]
    .prop_map(|segments| segments.join("."))
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(VALUES).prop_map(str::to_string),
        1 => "\\PC{0,10}",
    ]
}

proptest! {
    #![proptest_config(Config {
        cases: 96,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    })]

    #[test]
    fn any_set_flag_exits_zero_or_one_with_a_message(
        flags in proptest::collection::vec((path(), value()), 1..3)
    ) {
        let mut command = Command::new(env!("CARGO_BIN_EXE_meshctl"));
        command.args(["manifest", "generate"]);
        for (path, value) in &flags {
            command.arg(format!("--set={path}={value}"));
        }
        let output = command
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .expect("meshctl runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        prop_assert!(!stderr.contains("panicked"), "{flags:?} panicked: {stderr}");
        match output.status.code() {
            Some(0) => prop_assert!(!output.stdout.is_empty(), "{flags:?}: exit 0 without output"),
            Some(1) => {
                prop_assert!(stderr.starts_with("error: "), "{flags:?}: exit 1 with {stderr:?}");
                prop_assert!(output.stdout.is_empty(), "{flags:?}: exit 1 but wrote output");
            }
            other => prop_assert!(false, "{flags:?}: exit {other:?}\n{stderr}"),
        }
    }
}
