//! Golden renders: every built-in profile's full output, committed under `testdata/golden/`, so
//! that any change to what meshctl renders shows up in review. CRD bodies (hundreds of KB of
//! generated schema, covered by the base component's own tests) are summarised to one line each.
//! Regenerate with `MESHCTL_BLESS=1 cargo test --test golden`.

use std::path::Path;
use std::process::Command;

#[path = "common/golden.rs"]
mod golden;
use golden::summarise_crds;

#[test]
fn every_profile_renders_as_committed() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/golden");
    let mut stale = Vec::new();
    for profile in meshctl::profile::names() {
        let output = Command::new(env!("CARGO_BIN_EXE_meshctl"))
            .args([
                "manifest",
                "generate",
                "--set",
                &format!("profile={profile}"),
            ])
            .output()
            .expect("meshctl runs");
        assert!(
            output.status.success(),
            "{profile}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let rendered = summarise_crds(&String::from_utf8_lossy(&output.stdout));
        let path = directory.join(format!("{profile}.yaml"));
        if golden::stale(&path, &rendered) {
            stale.push(profile);
        }
    }
    assert!(
        stale.is_empty(),
        "golden renders differ for {stale:?}: review with `MESHCTL_BLESS=1 cargo test --test golden && git diff testdata/golden`"
    );
}

/// The `meshctl.io/…` annotations (issue 12): each `annotations/NAME.input.yaml` renders to
/// `annotations/NAME.yaml`, CRD bodies elided as above.
#[test]
fn annotated_inputs_render_as_committed() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/golden/annotations");
    let mut inputs: Vec<_> = std::fs::read_dir(&directory)
        .expect("testdata/golden/annotations exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".input.yaml"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs in {}", directory.display());
    let mut stale = Vec::new();
    for input in inputs {
        let output = Command::new(env!("CARGO_BIN_EXE_meshctl"))
            .args(["manifest", "generate", "-f"])
            .arg(&input)
            .output()
            .expect("meshctl runs");
        assert!(
            output.status.success(),
            "{}: {}",
            input.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        let rendered = summarise_crds(&String::from_utf8_lossy(&output.stdout));
        let name = input.to_string_lossy().replace(".input.yaml", ".yaml");
        if golden::stale(Path::new(&name), &rendered) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "golden renders differ for {stale:?}: review with `MESHCTL_BLESS=1 cargo test --test golden && git diff testdata/golden`"
    );
}
