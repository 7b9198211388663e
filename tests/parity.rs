//! Differential parity with istioctl: every case under `testdata/parity/cases/` is rendered with
//! meshctl's library (the same input handling as `meshctl manifest generate`) and compared object
//! by object and field by field with istioctl's output for the same input (`expected.yaml`,
//! written by `testenv/gen-parity`), ignoring only the deliberate differences listed in
//! `testdata/parity/allow-list.yaml`. No Go toolchain is needed: the oracle's output is committed.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::{AllowList, Comparison, Key};
use meshctl::input;
use meshctl::merge::SetFlag;
use meshctl::pipeline::{self, Inputs};
use meshctl::yaml::{Limits, Source};
use serde_json::{Value, json};

/// How many field differences to print per differing object.
const FIELD_LIMIT: usize = 25;

fn parity_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/parity")
}

/// The shipped `examples/*.yaml`, compared in place (an edit to an example is checked), each
/// against `testdata/parity/examples/NAME.expected.yaml` from `testenv/gen-parity`.
fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
            .expect("examples/ exists")
            .map(|entry| entry.expect("readable directory entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
            .collect();
    files.sort();
    files
}

fn example_expected(example: &Path) -> PathBuf {
    let stem = example.file_stem().expect("an example has a name");
    parity_dir()
        .join("examples")
        .join(format!("{}.expected.yaml", stem.to_string_lossy()))
}

/// A corpus entry: a case directory (`input.yaml`, `flags`, `expected.yaml`) or a shipped example.
struct Case {
    name: String,
    input: PathBuf,
    flags: Option<PathBuf>,
    expected: PathBuf,
}

fn cases() -> Vec<Case> {
    let dirs = case_dirs().into_iter().map(|dir| Case {
        name: dir
            .file_name()
            .expect("a case has a name")
            .to_string_lossy()
            .into_owned(),
        input: dir.join("input.yaml"),
        flags: Some(dir.join("flags")),
        expected: dir.join("expected.yaml"),
    });
    let examples = example_files().into_iter().map(|file| Case {
        name: format!(
            "examples/{}",
            file.file_name().expect("a file name").to_string_lossy()
        ),
        expected: example_expected(&file),
        input: file,
        flags: None,
    });
    dirs.chain(examples).collect()
}

fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(parity_dir().join("cases"))
        .expect("testdata/parity/cases exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The input file and flags read the way the CLI reads `-f` and `--set`.
fn inputs(case: &Case) -> Inputs {
    let mut inputs = Inputs::default();
    let path = &case.input;
    let text = std::fs::read_to_string(path).expect("every case has an input.yaml");
    if !text.trim().is_empty() {
        let source = Source(path.display().to_string());
        // The CLI's own parser (identity, limits, the strict typed check), so that a case
        // istioctl accepts but meshctl would reject fails here.
        let file = input::parse(&text, source, Limits::default(), true)
            .unwrap_or_else(|e| panic!("{e}"))
            .file;
        inputs.files.push(file);
    }
    if let Some(Ok(flags)) = case.flags.as_ref().map(std::fs::read_to_string) {
        for line in flags.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            inputs
                .set_flags
                .push(SetFlag::parse(line).unwrap_or_else(|e| panic!("{e}")));
        }
    }
    inputs
}

/// Renders a case and reads the result back from the YAML meshctl prints, so that what is
/// compared is what a user (or kubectl) would read. CRDs are dropped unless asked for: the
/// expected files have none (but one), and writing and re-reading them dominates the run time.
fn render(case: &Case, keep_crds: bool) -> Result<BTreeMap<Key, Value>, String> {
    let merged = pipeline::merge(&inputs(case)).map_err(|e| e.to_string())?;
    let mut manifests = pipeline::render(&merged).map_err(|e| e.to_string())?;
    if !keep_crds {
        manifests.retain(|m| m.kind() != "CustomResourceDefinition");
    }
    let stream = meshctl::manifest::to_yaml_stream(&manifests);
    Ok(common::load(&stream, "meshctl output"))
}

fn compare_case(case: &Case, allow: &AllowList) -> Result<Comparison, String> {
    let text = std::fs::read_to_string(&case.expected)
        .map_err(|e| format!("no expected.yaml (run testenv/gen-parity): {e}"))?;
    let expected = common::load(&text, "expected.yaml");
    // gen-parity keeps CRDs only in the `crds` case; elsewhere they are not part of the expectation.
    let keep_crds = expected
        .keys()
        .any(|(kind, _, _)| kind == "CustomResourceDefinition");
    let actual = render(case, keep_crds).map_err(|e| format!("meshctl failed: {e}"))?;
    Ok(common::compare(&expected, &actual, allow))
}

#[test]
fn every_case_renders_as_istioctl_does() {
    let allow = AllowList::load(&parity_dir().join("allow-list.yaml"));
    let cases = cases();
    assert!(
        cases.len() >= 60,
        "the corpus has {} cases; expected at least 60",
        cases.len()
    );
    let mut failures = String::new();
    let (mut objects, mut fields) = ((0, 0), (0, 0));
    for case in &cases {
        let name = &case.name;
        match compare_case(case, &allow) {
            Ok(result) => {
                objects.0 += result.objects_ok;
                objects.1 += result.objects_total;
                fields.0 += result.fields_ok;
                fields.1 += result.fields_total;
                if !result.identical() {
                    let _ = write!(
                        failures,
                        "{name}: objects {}/{}, fields {}/{}\n{}",
                        result.objects_ok,
                        result.objects_total,
                        result.fields_ok,
                        result.fields_total,
                        result.describe(FIELD_LIMIT)
                    );
                }
            }
            Err(error) => {
                let _ = writeln!(failures, "{name}: {error}");
            }
        }
    }
    assert!(
        failures.is_empty(),
        "meshctl differs from istioctl (objects {}/{}, fields {}/{} over {} cases):\n{failures}",
        objects.0,
        objects.1,
        fields.0,
        fields.1,
        cases.len()
    );
}

/// Every example people are pointed at is in the corpus, and no expectation outlives its example.
#[test]
fn every_example_is_in_the_corpus() {
    let examples = example_files();
    let names: Vec<String> = examples
        .iter()
        .map(|f| {
            f.file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for wanted in [
        "production.yaml",
        "ingress-gateways.yaml",
        "egress-gateway.yaml",
        "cni.yaml",
        "canary.yaml",
        "ambient.yaml",
        "proxy-tuning.yaml",
        "secure-mesh.yaml",
        "operator-gitops.yaml",
    ] {
        assert!(
            names.iter().any(|n| n == wanted),
            "examples/{wanted} is missing"
        );
    }
    for example in &examples {
        assert!(
            example_expected(example).is_file(),
            "{} has no expectation: run testenv/gen-parity examples/{}",
            example.display(),
            example.file_name().expect("a name").to_string_lossy()
        );
    }
    for entry in std::fs::read_dir(parity_dir().join("examples")).expect("the directory exists") {
        let path = entry.expect("readable directory entry").path();
        let name = path.file_name().expect("a name").to_string_lossy();
        let example = name.strip_suffix(".expected.yaml").unwrap_or(&name);
        assert!(
            names.iter().any(|n| *n == format!("{example}.yaml")),
            "{} belongs to no example in examples/",
            path.display()
        );
    }
}

#[test]
fn the_crds_case_keeps_its_crds() {
    let text = std::fs::read_to_string(parity_dir().join("cases/crds/expected.yaml"))
        .expect("the crds case exists");
    let expected = common::load(&text, "crds/expected.yaml");
    assert!(
        expected
            .keys()
            .filter(|(kind, _, _)| kind == "CustomResourceDefinition")
            .count()
            > 10
    );
}

/// The comparison itself must notice a changed field, a missing and an extra object, and must
/// ignore exactly what the allow-list says.
#[test]
fn the_comparison_reports_what_differs() {
    let allow = AllowList::load(&parity_dir().join("allow-list.yaml"));
    let object = |name: &str, replicas: i64, labels: Value| {
        json!({"kind": "Deployment", "metadata": {"name": name, "namespace": "ns", "labels": labels},
               "spec": {"replicas": replicas}})
    };
    let key = |name: &str| ("Deployment".to_string(), "ns".to_string(), name.to_string());
    let expected = BTreeMap::from([
        (
            key("a"),
            object("a", 1, json!({"app": "a", "helm.sh/chart": "x"})),
        ),
        (key("b"), object("b", 1, json!({}))),
    ]);
    let same = BTreeMap::from([
        (
            key("a"),
            object("a", 1, json!({"app": "a", "istio.io/rev": "default"})),
        ),
        (key("b"), object("b", 1, json!({}))),
    ]);
    assert!(common::compare(&expected, &same, &allow).identical());

    let changed = BTreeMap::from([
        (key("a"), object("a", 2, json!({"app": "b"}))),
        (key("c"), object("c", 1, json!({}))),
    ]);
    let result = common::compare(&expected, &changed, &allow);
    assert!(!result.identical());
    assert_eq!(result.missing, vec![key("b")]);
    assert_eq!(result.extra, vec![key("c")]);
    let lines = &result.diffs[&key("a")];
    assert!(
        lines.contains(&"spec.replicas: expected 1 got 2".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("metadata.labels.app:")),
        "{lines:?}"
    );
    assert_eq!(result.objects_ok, 1);
}
