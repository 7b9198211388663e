//! Every input file of istioctl's own `manifest generate` test corpus must be read as istioctl
//! reads it: accepted where istioctl accepts it, rejected (with a message) where istioctl rejects
//! it. The files are upstream's and are not copied into this repository; the test reads them from
//! the Go module cache where `testenv/istioctl` put them, and says so when they are absent.

use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Inputs istioctl itself refuses (checked against the oracle).
const REJECTED: [&str; 6] = [
    "autoscaling_v2beta1_k8s_and_values.yaml",
    "deprecated_autoscaling_k8s_spec.yaml",
    "flag_force.yaml",
    "invalid-k8s-values.yaml",
    "invalid-k8s.yaml",
    "multiple_iops.yaml",
];

fn corpus() -> Option<PathBuf> {
    let pin = &meshctl::release::newest().module;
    let cache = std::env::var_os("GOMODCACHE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join("go/pkg/mod")))?;
    let directory = cache
        .join(format!("istio.io/istio@{}", pin.trim()))
        .join("operator/cmd/mesh/testdata/manifest-generate/input");
    directory.is_dir().then_some(directory)
}

#[test]
fn istioctl_test_inputs_are_accepted_and_rejected_as_istioctl_does() {
    let Some(directory) = corpus() else {
        eprintln!(
            "skipped: istioctl's test inputs are not in the Go module cache (run testenv/istioctl)"
        );
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&directory)
        .expect("read corpus")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() > 30, "only {} inputs found", files.len());
    let mut wrong = Vec::new();
    for file in &files {
        let name = file
            .file_name()
            .expect("file name")
            .to_string_lossy()
            .into_owned();
        let output = Command::new(env!("CARGO_BIN_EXE_meshctl"))
            .args(["manifest", "generate", "-f"])
            .arg(file)
            .stdin(Stdio::null())
            .output()
            .expect("meshctl runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let rejected = REJECTED.contains(&name.as_str());
        if output.status.success() == rejected || stderr.contains("panicked") {
            wrong.push(format!("{name}: exit {:?}\n{stderr}", output.status.code()));
        }
        if rejected && !stderr.starts_with("error: ") {
            wrong.push(format!("{name}: rejected without an error message"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
