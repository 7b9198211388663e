//! Banzai Cloud's `Istio` resource as input (issue 12, part B).
//!
//! Each file of `testdata/banzai/` is one Banzai feature. `meshctl migrate banzai` prints its
//! `IstioOperator` translation and warnings; both are compared with `testdata/banzai/expected/`
//! (the mapping table of `docs/banzai.md`, case by case). The translation must round-trip:
//! `manifest generate` of the Banzai file renders exactly what `manifest generate` of the
//! migrated file renders. The announcement example is also rendered whole, against
//! `testdata/golden/banzai-announcement.yaml`. Regenerate with
//! `MESHCTL_BLESS=1 cargo test --test banzai`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "common/golden.rs"]
mod golden;
use golden::summarise_crds;

fn directory() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/banzai")
}

fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(directory())
        .expect("testdata/banzai")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().to_string_lossy().to_string();
            name.strip_suffix(".yaml").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() > 10, "cases found: {names:?}");
    names
}

fn meshctl(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(arguments)
        .current_dir(directory())
        .env("NO_COLOR", "1")
        .output()
        .expect("meshctl runs")
}

#[test]
fn every_banzai_field_translates_as_committed() {
    let mut stale = Vec::new();
    for name in cases() {
        let output = meshctl(&["migrate", "banzai", "-f", &format!("{name}.yaml")]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{name}: {stderr}");
        let text = format!(
            "# meshctl migrate banzai -f {name}.yaml\n# stderr:\n{}---\n{}",
            stderr.lines().fold(String::new(), |mut all, line| {
                all.push_str("# ");
                all.push_str(line);
                all.push('\n');
                all
            }),
            String::from_utf8_lossy(&output.stdout)
        );
        if golden::stale(&directory().join(format!("expected/{name}.yaml")), &text) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "translations differ for {stale:?}: review with `MESHCTL_BLESS=1 cargo test --test banzai && git diff testdata/banzai`"
    );
}

#[test]
fn the_migrated_file_renders_what_the_banzai_file_renders() {
    let scratch = tempfile::tempdir().expect("temporary directory");
    for name in cases() {
        let migrated = scratch.path().join(format!("{name}.yaml"));
        let output = meshctl(&[
            "migrate",
            "banzai",
            "-f",
            &format!("{name}.yaml"),
            "-o",
            migrated.to_str().expect("UTF-8 path"),
        ]);
        assert!(output.status.success(), "{name}: migrate failed");
        assert!(output.stdout.is_empty(), "{name}: -o still printed");
        let from_banzai = meshctl(&["manifest", "generate", "-f", &format!("{name}.yaml")]);
        let from_migrated = meshctl(&[
            "manifest",
            "generate",
            "-f",
            migrated.to_str().expect("UTF-8 path"),
        ]);
        assert!(
            from_banzai.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&from_banzai.stderr)
        );
        assert!(
            from_migrated.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&from_migrated.stderr)
        );
        assert!(
            from_banzai.stdout == from_migrated.stdout,
            "{name}: the migrated file renders differently from the Banzai file"
        );
    }
}

#[test]
fn the_announcement_example_renders_as_committed() {
    let output = meshctl(&["manifest", "generate", "-f", "announcement.yaml"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "warning: spec.controlPlaneSecurityEnabled: false is ignored: Istio 1.31 always secures \
         the control plane with mutual TLS\n"
    );
    let rendered = summarise_crds(&String::from_utf8_lossy(&output.stdout));
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/golden/banzai-announcement.yaml");
    assert!(
        !golden::stale(&path, &rendered),
        "the announcement example renders differently: review with `MESHCTL_BLESS=1 cargo test --test banzai && git diff testdata/golden`"
    );
}
