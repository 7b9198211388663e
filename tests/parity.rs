//! Differential parity with istioctl, per supported Istio release: every case under
//! `testdata/parity/cases/` (and every shipped example) is rendered with meshctl's library (the
//! same input handling as `meshctl manifest generate`) and compared object by object and field by
//! field with that release's istioctl output for the same input (`expected.yaml` for the newest
//! release, `expected-MINOR.yaml` for the others, written by `testenv/gen-parity`), ignoring only
//! the deliberate differences listed in `testdata/parity/allow-list.yaml`. meshctl is told the
//! release the way a user would (`--istio-release`), so that it renders that release's charts with
//! its default tag, as that release's istioctl does. Where the release's istioctl refuses an input,
//! the expectation records that and meshctl must refuse it too. No Go toolchain is needed: the
//! oracles' output is committed.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::{AllowList, Comparison, Key};
use meshctl::input;
use meshctl::merge::SetFlag;
use meshctl::pipeline::{self, Inputs};
use meshctl::release::{self, Release};
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
    /// The newest release's expectation; older releases' sit beside it (see [`expected_for`]).
    expected: PathBuf,
}

/// Where a case's expectation for `release` is: `expected.yaml` → `expected-1.30.yaml`,
/// `NAME.expected.yaml` → `NAME.expected-1.30.yaml`.
fn expected_for(case: &Case, release: &Release) -> PathBuf {
    if release.is_newest() {
        return case.expected.clone();
    }
    let name = case.expected.file_name().expect("a name").to_string_lossy();
    let stem = name.strip_suffix(".yaml").expect("a YAML file");
    case.expected
        .with_file_name(format!("{stem}-{}.yaml", release.minor))
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

/// The input file and flags read the way the CLI reads `-f` and `--set`, and for an older release
/// what `--istio-release` adds.
fn inputs(case: &Case, release: &Release) -> Inputs {
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
    if !release.is_newest() {
        inputs.files.push(meshctl::merge::InputFile {
            source: Source("--istio-release".into()),
            tree: release::selection(release),
        });
    }
    inputs
}

/// Renders a case and reads the result back from the YAML meshctl prints, so that what is
/// compared is what a user (or kubectl) would read. CRDs are dropped unless asked for: the
/// expected files have none (but one), and writing and re-reading them dominates the run time.
fn render(case: &Case, release: &Release, keep_crds: bool) -> Result<BTreeMap<Key, Value>, String> {
    let merged = pipeline::merge(&inputs(case, release)).map_err(|e| e.to_string())?;
    let mut manifests = pipeline::render(&merged).map_err(|e| e.to_string())?;
    if !keep_crds {
        manifests.retain(|m| m.kind() != "CustomResourceDefinition");
    }
    let stream = meshctl::manifest::to_yaml_stream(&manifests);
    Ok(common::load(&stream, "meshctl output"))
}

/// The prefix of an expectation whose istioctl refused the input (`testenv/gen-parity`).
const REFUSED: &str = "# refused: ";

fn compare_case(case: &Case, release: &Release, allow: &AllowList) -> Result<Comparison, String> {
    let path = expected_for(case, release);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "no {} (run testenv/gen-parity --release {}): {e}",
            path.display(),
            release.minor
        )
    })?;
    if text.starts_with(REFUSED) {
        // istioctl of this release refuses the input: so must meshctl.
        return match render(case, release, false) {
            Err(_) => Ok(Comparison::default()),
            Ok(_) => Err(format!(
                "istioctl {} refuses this input, meshctl renders it:\n{text}",
                release.version
            )),
        };
    }
    let expected = common::load(&text, "expected.yaml");
    // gen-parity keeps CRDs only in the `crds` case; elsewhere they are not part of the expectation.
    let keep_crds = expected
        .keys()
        .any(|(kind, _, _)| kind == "CustomResourceDefinition");
    let actual = render(case, release, keep_crds).map_err(|e| format!("meshctl failed: {e}"))?;
    Ok(common::compare(&expected, &actual, allow))
}

#[test]
fn every_case_renders_as_istioctl_1_31_does() {
    every_case_renders_as_its_istioctl_does(release::newest());
}

#[test]
fn every_case_renders_as_istioctl_1_30_does() {
    every_case_renders_as_its_istioctl_does(release::find("1.30").expect("supported"));
}

#[test]
fn every_case_renders_as_istioctl_1_29_does() {
    every_case_renders_as_its_istioctl_does(release::find("1.29").expect("supported"));
}

/// Every supported release has a test above.
#[test]
fn every_release_is_compared() {
    let minors: Vec<&str> = release::all().iter().map(|r| r.minor.as_str()).collect();
    assert_eq!(minors, ["1.31", "1.30", "1.29"]);
}

fn every_case_renders_as_its_istioctl_does(release: &Release) {
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
        match compare_case(case, release, &allow) {
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
    println!(
        "istioctl {}: objects {}/{}, fields {}/{} over {} cases",
        release.version,
        objects.0,
        objects.1,
        fields.0,
        fields.1,
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "meshctl differs from istioctl {} (objects {}/{}, fields {}/{} over {} cases):\n{failures}",
        release.version,
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
    for case in cases() {
        for release in release::all() {
            let path = expected_for(&case, release);
            assert!(
                path.is_file(),
                "{} has no expectation for Istio {}: run testenv/gen-parity --release {} {}",
                case.name,
                release.minor,
                release.minor,
                case.name
            );
        }
    }
    for entry in std::fs::read_dir(parity_dir().join("examples")).expect("the directory exists") {
        let path = entry.expect("readable directory entry").path();
        let name = path.file_name().expect("a name").to_string_lossy();
        let example = name
            .split_once(".expected")
            .map_or(name.as_ref(), |(example, _)| example);
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
