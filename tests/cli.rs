//! CLI behaviour on the built binary: what users and scripts see (exit codes, stdout/stderr split,
//! generated files, determinism).

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn meshctl(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(arguments)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("meshctl runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn committed_completions_match_the_binary() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let bless = std::env::var_os("MESHCTL_BLESS").is_some();
    for (shell, file) in [
        ("bash", "meshctl.bash"),
        ("zsh", "_meshctl"),
        ("fish", "meshctl.fish"),
        ("powershell", "_meshctl.ps1"),
        ("elvish", "meshctl.elv"),
    ] {
        let output = meshctl(&["completions", shell]);
        assert!(output.status.success());
        let generated = stdout(&output);
        assert!(
            generated.contains("manifest"),
            "{shell} script names no subcommand"
        );
        let path = directory.join(file);
        if bless {
            std::fs::create_dir_all(&directory).expect("create completions/");
            std::fs::write(&path, &generated).expect("write completion script");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "completions/{file} is stale: regenerate with `MESHCTL_BLESS=1 cargo test --test cli`"
        );
    }
}

#[test]
fn manifest_generate_is_byte_identical_across_runs() {
    let first = meshctl(&["manifest", "generate", "--set", "profile=demo"]);
    let second = meshctl(&["manifest", "generate", "--set", "profile=demo"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(!first.stdout.is_empty());
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn manifest_generate_writes_one_file_per_component() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let target = format!("{}/", directory.path().display());
    let output = meshctl(&["manifest", "generate", "-o", &target]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stdout.is_empty(),
        "data went to the files, not stdout"
    );
    let mut files: Vec<String> = std::fs::read_dir(directory.path())
        .expect("read output directory")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    assert_eq!(files, ["base.yaml", "ingressGateways.yaml", "pilot.yaml"]);
    // Together the files hold exactly what stdout would have.
    let whole = stdout(&meshctl(&["manifest", "generate"]));
    let separators = |text: &str| text.lines().filter(|line| *line == "---").count();
    let mut documents_in_files = 0;
    for file in &files {
        let text = std::fs::read_to_string(directory.path().join(file)).expect("read file");
        documents_in_files += separators(&text);
    }
    assert_eq!(documents_in_files, separators(&whole));
}

#[test]
fn profile_list_names_every_upstream_profile() {
    let output = meshctl(&["profile", "list"]);
    assert!(output.status.success());
    assert_eq!(
        stdout(&output).lines().collect::<Vec<_>>(),
        [
            "ambient",
            "default",
            "demo",
            "empty",
            "minimal",
            "openshift",
            "openshift-ambient",
            "preview",
            "remote",
            "stable"
        ]
    );
}

#[test]
fn profile_diff_exits_one_when_profiles_differ_and_zero_when_equal() {
    let differ = meshctl(&["profile", "diff", "default", "demo"]);
    assert_eq!(differ.status.code(), Some(1));
    let text = stdout(&differ);
    assert!(text.contains("+  profile: demo"), "{text}");
    assert!(text.contains("-    - enabled: false"), "{text}");
    // The demo preset is expanded, so its effect shows, not just its name.
    assert!(text.contains("+        autoscaleEnabled: false"), "{text}");
    assert!(text.contains("+      accessLogFile: /dev/stdout"), "{text}");
    let same = meshctl(&["profile", "diff", "demo", "demo"]);
    assert_eq!(same.status.code(), Some(0));
    assert!(same.stdout.is_empty());
}

#[test]
fn profile_dump_formats_agree() {
    let yaml = stdout(&meshctl(&[
        "profile",
        "dump",
        "demo",
        "--config-path",
        "components.egressGateways",
    ]));
    assert_eq!(yaml, "- enabled: true\n  name: istio-egressgateway\n");
    let flags = stdout(&meshctl(&[
        "profile",
        "dump",
        "demo",
        "-o",
        "flags",
        "--config-path",
        "components.egressGateways",
    ]));
    assert_eq!(
        flags,
        "--set components.egressGateways[0].enabled=true\n--set components.egressGateways[0].name=istio-egressgateway\n"
    );
    let json = stdout(&meshctl(&[
        "profile",
        "dump",
        "-o",
        "json",
        "--set",
        "hub=example.com/mesh",
    ]));
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(parsed["spec"]["hub"], "example.com/mesh");
    assert_eq!(
        parsed["spec"]["values"]["global"]["hub"],
        "example.com/mesh"
    );
}

#[test]
fn files_and_flags_layer_in_order() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let first = directory.path().join("first.yaml");
    let second = directory.path().join("second.yaml");
    std::fs::write(&first, "spec:\n  hub: first.example\n  tag: one\n").expect("write");
    std::fs::write(&second, "spec:\n  hub: second.example\n").expect("write");
    let output = meshctl(&[
        "profile",
        "dump",
        "-f",
        &first.display().to_string(),
        "-f",
        &second.display().to_string(),
        "--set",
        "tag=three",
        "--config-path",
        "values.global",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = stdout(&output);
    assert!(text.contains("hub: second.example"), "{text}");
    assert!(text.contains("tag: three"), "{text}");
}

#[test]
fn version_names_the_pinned_istio_release() {
    let output = meshctl(&["version"]);
    assert!(output.status.success());
    assert!(stdout(&output).contains("istio 1.31.0"));
}

#[test]
fn help_is_snapshotted() {
    for arguments in [
        &["--help"][..],
        &["manifest", "generate", "--help"],
        &["profile", "dump", "--help"],
        &["diff", "--help"],
        &["install", "--help"],
        &["uninstall", "--help"],
        &["verify-install", "--help"],
        &["operator", "--help"],
        &["operator", "init", "--help"],
        &["operator", "dump", "--help"],
        &["operator", "remove", "--help"],
        &["precheck", "--help"],
        &["tag", "--help"],
        &["tag", "set", "--help"],
        &["tag", "generate", "--help"],
        &["tag", "list", "--help"],
        &["tag", "remove", "--help"],
    ] {
        let output = meshctl(arguments);
        assert!(output.status.success());
        insta::assert_snapshot!(format!("help {}", arguments.join(" ")), stdout(&output));
    }
}

#[test]
fn force_turns_validation_errors_into_warnings() {
    let refused = meshctl(&["manifest", "generate", "-r", "Canary_1"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(refused.stdout.is_empty());
    let forced = meshctl(&["manifest", "generate", "-r", "Canary_1", "--force"]);
    assert!(forced.status.success());
    let stderr = String::from_utf8_lossy(&forced.stderr);
    assert!(
        stderr.starts_with("warning: `revision`: invalid revision `Canary_1`"),
        "{stderr}"
    );
    assert!(stdout(&forced).contains("name: istiod-Canary_1"));
}

#[test]
fn a_revision_renames_the_control_plane() {
    let text = stdout(&meshctl(&["manifest", "generate", "-r", "canary"]));
    // `metadata.name` sits at two spaces of indentation.
    assert!(
        text.contains("\n  name: istiod-canary\n"),
        "istiod is revisioned"
    );
    assert!(text.contains("\n  name: istio-sidecar-injector-canary\n"));
    assert!(text.contains("istio.io/rev: canary\n"));
    assert!(
        !text.contains("\n  name: istiod\n"),
        "no unrevisioned istiod"
    );
}

#[test]
fn uninstall_needs_to_be_told_what_to_remove() {
    let output = meshctl(&["uninstall", "-y"]);
    assert_eq!(output.status.code(), Some(2), "clap usage error");
    assert!(String::from_utf8_lossy(&output.stderr).contains("--revision"));
}

#[test]
fn cluster_commands_fail_clearly_without_a_readable_kubeconfig() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let missing = directory.path().join("no-such-kubeconfig");
    let missing = missing.to_string_lossy();
    for (arguments, expected_code) in [
        (vec!["diff"], 2),
        (vec!["install", "-y"], 1),
        (vec!["verify-install"], 1),
        (vec!["uninstall", "--purge", "-y"], 1),
    ] {
        let mut arguments = arguments;
        arguments.extend(["--kubeconfig", &missing]);
        let output = meshctl(&arguments);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("cannot read kubeconfig `{missing}`")),
            "{arguments:?}: {stderr}"
        );
        assert_eq!(
            output.status.code(),
            Some(expected_code),
            "{arguments:?}: {stderr}"
        );
    }
}

#[test]
fn every_object_names_the_istio_operator_that_owns_it() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let file = directory.path().join("owner.yaml");
    std::fs::write(
        &file,
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: prod\n  namespace: istio-system\n",
    )
    .expect("write");
    let text = stdout(&meshctl(&[
        "manifest",
        "generate",
        "-f",
        &file.display().to_string(),
    ]));
    let objects = text.lines().filter(|line| *line == "---").count();
    assert!(objects > 30);
    assert_eq!(
        text.matches("install.operator.istio.io/owning-resource: prod\n")
            .count(),
        objects
    );
    assert_eq!(
        text.matches("install.operator.istio.io/owning-resource-namespace: istio-system\n")
            .count(),
        objects
    );
}

#[test]
fn operator_dump_is_deterministic_and_honours_its_flags() {
    let arguments = [
        "operator",
        "dump",
        "--hub=example.com/mesh",
        "--tag=test",
        "--operatorNamespace=mesh-operator",
        "--watchedNamespaces=istio-system,team-a",
        "--imagePullSecrets=regcred,other",
    ];
    let first = meshctl(&arguments);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(first.stdout, meshctl(&arguments).stdout, "deterministic");
    let text = stdout(&first);
    assert!(text.contains("kind: CustomResourceDefinition\n"));
    assert!(text.contains("  name: istiooperators.install.istio.io\n"));
    assert!(text.contains("image: example.com/mesh/meshctl:test\n"));
    assert!(text.contains("- --watchedNamespaces=istio-system,team-a\n"));
    assert!(text.contains("imagePullSecrets:\n      - name: regcred\n      - name: other\n"));
    assert!(
        text.contains("  namespace: team-a\n"),
        "a Role in each watched namespace"
    );
    assert!(text.contains("  namespace: mesh-operator\n"));
    assert!(!text.contains('*'), "no wildcard anywhere");
    insta::assert_snapshot!("operator dump", text);

    // The default: meshctl's own version as the tag; with -f, the resource as written.
    let directory = tempfile::tempdir().expect("temporary directory");
    let file = directory.path().join("mesh.yaml");
    std::fs::write(
        &file,
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n",
    )
    .expect("write");
    let text = stdout(&meshctl(&[
        "operator",
        "dump",
        "-f",
        &file.display().to_string(),
    ]));
    assert!(text.contains(&format!(
        "image: ghcr.io/meshctl/meshctl:{}\n",
        env!("CARGO_PKG_VERSION")
    )));
    assert!(text.ends_with(
        "kind: IstioOperator\nmetadata:\n  name: installed-state\n  namespace: istio-system\nspec:\n  profile: demo\n---\n"
    ), "{text}");
}

/// Flags are resolved before any file is read or any cluster is asked, and the error carries the
/// exit code its command gives errors: 2 for `diff` (where 1 means "changes"), 1 elsewhere.
#[test]
fn a_malformed_set_flag_fails_with_the_commands_error_code() {
    for (arguments, expected_code) in [
        (vec!["diff"], 2),
        (vec!["install", "-y"], 1),
        (vec!["verify-install"], 1),
        (vec!["manifest", "generate"], 1),
        (vec!["profile", "dump"], 1),
    ] {
        let mut arguments = arguments;
        arguments.extend(["--set", "novalue", "--filename", "no-such-file.yaml"]);
        let output = meshctl(&arguments);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr, "error: --set novalue: expected PATH=VALUE\n",
            "{arguments:?}"
        );
        assert_eq!(
            output.status.code(),
            Some(expected_code),
            "{arguments:?}: {stderr}"
        );
        assert!(output.stdout.is_empty(), "{arguments:?}");
    }
}
