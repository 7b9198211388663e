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
fn version_names_every_istio_release_it_renders() {
    let output = meshctl(&["version", "--client"]);
    assert!(output.status.success());
    let text = stdout(&output);
    for line in [
        "istio 1.31.0 (istio.io/istio@",
        "istio 1.30.3 (tag 1.30.3, commit 56df41f63e513f834c9a3af33d8aed82d1d961f2)",
        "istio 1.29.6 (tag 1.29.6, commit 7019d6d3608e4995e9a36d2977cfec3a341431cd)",
    ] {
        assert!(text.contains(line), "{text}");
    }
    assert!(
        text.lines()
            .nth(1)
            .is_some_and(|l| l.ends_with(", default)")),
        "{text}"
    );
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
        &["validate", "--help"],
        &["operator", "--help"],
        &["operator", "init", "--help"],
        &["operator", "dump", "--help"],
        &["operator", "remove", "--help"],
        &["create-remote-secret", "--help"],
        &["precheck", "--help"],
        &["tag", "--help"],
        &["tag", "set", "--help"],
        &["tag", "generate", "--help"],
        &["tag", "list", "--help"],
        &["tag", "remove", "--help"],
        &["migrate", "--help"],
        &["migrate", "banzai", "--help"],
        &["migrate", "helm", "--help"],
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

/// Issue 16: the new checks are errors, and `--force` keeps istioctl's permissiveness for them
/// too; suspicious but installable input is a warning without `--force`.
#[test]
fn force_renders_what_the_new_checks_refuse_and_warnings_need_no_force() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/bad-input");
    for case in [
        "quantity-negative",
        "replica-count-past-int32",
        "metadata-name-not-a-label",
        "gateway-names-twice",
        "revision-too-long-for-names",
    ] {
        let file = directory.join(format!("{case}.yaml"));
        let file = file.to_string_lossy();
        let refused = meshctl(&["manifest", "generate", "-f", &file]);
        assert_eq!(refused.status.code(), Some(1), "{case}");
        let forced = meshctl(&["manifest", "generate", "-f", &file, "--force"]);
        let stderr = String::from_utf8_lossy(&forced.stderr);
        assert!(forced.status.success(), "{case}: {stderr}");
        assert!(stderr.starts_with("warning: "), "{case}: {stderr}");
    }
    for (set, warning) in [
        (
            "components.pilot.k8s.hpaSpec.minReplicas=5",
            "minReplicas (5) is more than maxReplicas",
        ),
        (
            "meshConfig.notAField=1",
            "`meshConfig.notAField`: not a MeshConfig field",
        ),
        (
            "meshConfig.defaultConfig.proxyMetadata.ISTIO_META_DNS_AUTO_ALLOCATE=true",
            "'ISTIO_META_DNS_AUTO_ALLOCATE' is deprecated",
        ),
    ] {
        let output = meshctl(&[
            "manifest",
            "generate",
            "--set",
            set,
            "--set",
            "components.pilot.k8s.hpaSpec.maxReplicas=3",
        ]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{set}: {stderr}");
        assert!(stderr.contains(warning), "{set}: {stderr}");
    }
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
    // A usage error exits 1, as all bad input does (issue 24; clap's default is 2).
    assert_eq!(output.status.code(), Some(1), "usage error");
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
        // Issue 14: the cause once, not three times.
        assert_eq!(
            stderr.matches("No such file or directory").count(),
            1,
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
    // No wildcard in any RBAC rule (the CRD's printer columns may use JSONPath's `[*]`).
    let rbac: Vec<&str> = text
        .split("\n---\n")
        .filter(|doc| doc.contains("kind: ClusterRole\n") || doc.contains("kind: Role\n"))
        .collect();
    assert!(rbac.len() >= 2, "the ClusterRole and the Roles");
    assert!(
        rbac.iter().all(|doc| !doc.contains('*')),
        "no wildcard in RBAC"
    );
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

/// Issue 16: `-o` replaced whatever was at the path with a regular file (a device, a link).
#[test]
fn output_writes_through_links_and_devices_and_refuses_what_is_not_a_file() {
    use std::os::unix::fs::FileTypeExt;

    let directory = tempfile::tempdir().expect("temporary directory");
    let target = directory.path().join("real.yaml");
    let link = directory.path().join("link.yaml");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let output = meshctl(&["manifest", "generate", "-o", &link.to_string_lossy()]);
    assert!(output.status.success(), "{output:?}");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link stays")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    let written = std::fs::read_to_string(&target).expect("written through the link");
    assert!(written.contains("kind: Deployment"));

    // A character device is written through, and stays a device.
    let output = meshctl(&["manifest", "generate", "-o", "/dev/null"]);
    assert!(output.status.success(), "{output:?}");
    assert!(
        std::fs::metadata("/dev/null")
            .expect("/dev/null")
            .file_type()
            .is_char_device()
    );

    // A socket is refused, and left alone.
    let socket = directory.path().join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
    let output = meshctl(&["manifest", "generate", "-o", &socket.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("it is a socket, not a file"), "{stderr}");
    assert!(
        std::fs::symlink_metadata(&socket)
            .expect("socket stays")
            .file_type()
            .is_socket()
    );

    // A regular file is replaced whole; no temporary file is left beside it.
    std::fs::write(&target, "old").expect("write");
    let output = meshctl(&["manifest", "generate", "-o", &target.to_string_lossy()]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(std::fs::read_to_string(&target).expect("read"), written);
    let names: Vec<String> = std::fs::read_dir(directory.path())
        .expect("list")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(
        names.iter().all(|name| !name.contains("meshctl")),
        "{names:?}"
    );
}

/// Issue 16: a FIFO nobody writes blocked forever, silently; now meshctl says it waits.
#[test]
fn a_fifo_input_says_that_meshctl_waits_for_its_writer() {
    use std::io::{BufRead, BufReader, Write};

    let directory = tempfile::tempdir().expect("temporary directory");
    let fifo = directory.path().join("input.fifo");
    let status = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(["manifest", "generate", "-f", &fifo.to_string_lossy()])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("meshctl starts");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut first = String::new();
    stderr.read_line(&mut first).expect("a line");
    assert_eq!(
        first,
        format!(
            "note: `{}` is a FIFO: reading it until its writer closes it\n",
            fifo.display()
        )
    );
    // Be the writer: the input arrives and meshctl renders it.
    let mut writer = std::fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .expect("open the FIFO");
    writer
        .write_all(b"apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\n")
        .expect("write");
    drop(writer);
    assert!(child.wait().expect("meshctl ends").success());
}

/// Issue 16: a `--set` path of ~8,300 segments overflowed the stack (exit 134) in these commands.
#[test]
fn a_very_deep_set_path_is_an_error_not_a_crash() {
    let path = vec!["a"; 9_000].join(".");
    let flag = format!("--set={path}=1");
    for arguments in [
        vec!["manifest", "generate", &flag],
        vec!["profile", "dump", &flag],
        vec!["install", "--dry-run", &flag],
    ] {
        let output = meshctl(&arguments);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{:?}: {stderr}",
            &arguments[..2]
        );
        assert!(
            stderr.contains("the path is 9001 segments deep"),
            "{stderr}"
        );
    }
}

/// Issue 14: `validate` checks each file on its own; a valid file says so on stdout.
#[test]
fn validate_lists_each_file_and_exits_by_the_worst() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let valid = directory.join("parity/cases/compat-1-28/input.yaml");
    let invalid = directory.join("bad-input/quantity-negative.yaml");
    let output = meshctl(&["validate", "-f", &valid.to_string_lossy()]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(stdout(&output), format!("{}: valid\n", valid.display()));
    let output = meshctl(&[
        "validate",
        "-f",
        &valid.to_string_lossy(),
        "-f",
        &invalid.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is negative"), "{stderr}");
    assert!(stderr.ends_with("1 of 2 file(s) invalid\n"), "{stderr}");
}

/// Issue 14: when the reader of stdout goes away (`| head`), meshctl stops quietly with the
/// status of a writer killed by SIGPIPE, instead of `error: Broken pipe (os error 32)`.
#[test]
fn a_closed_stdout_ends_quietly() {
    use std::io::{BufRead, BufReader};

    let mut child = Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(["manifest", "generate"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("meshctl starts");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("a line");
    // The reader is dropped here, with a megabyte of manifests still to come.
    let output = child.wait_with_output().expect("meshctl ends");
    assert_eq!(first, "apiVersion: apiextensions.k8s.io/v1\n");
    assert_eq!(output.status.code(), Some(141));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
/// Issue 24: started with its stdout closed (`>&-`), meshctl exited 0 having written nothing
/// (Rust's runtime puts `/dev/null` there); a full disk was reported without saying where. Both
/// are errors naming standard output; `> /dev/null` stays a success.
#[test]
fn a_stdout_that_cannot_be_written_is_an_error_naming_it() {
    let run = |redirect: &str| {
        Command::new("sh")
            .args([
                "-c",
                &format!("exec \"$0\" manifest generate {redirect}"),
                env!("CARGO_BIN_EXE_meshctl"),
            ])
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .expect("meshctl runs")
    };
    for redirect in [">&-", ">/dev/full"] {
        let output = run(redirect);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{redirect}: {stderr}");
        assert!(
            stderr.starts_with("error: writing to standard output: "),
            "{redirect}: {stderr}"
        );
    }
    let output = run(">/dev/null");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty());
}

/// `create-remote-secret` prints a token: onto a terminal only with `--force`, and the refusal
/// comes before any cluster is asked (here the kubeconfig does not exist, so reaching the
/// cluster would fail differently). `script` gives the command a terminal for its stdout.
#[test]
fn create_remote_secret_refuses_to_write_a_token_to_a_terminal() {
    let on_terminal = |extra: &str| {
        let command = format!(
            "NO_COLOR=1 {} create-remote-secret --name cluster-b --kubeconfig /nonexistent/kubeconfig {extra}",
            env!("CARGO_BIN_EXE_meshctl")
        );
        let output = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .stdin(Stdio::null())
            .output()
            .expect("script runs (util-linux)");
        (output.status.code(), stdout(&output))
    };
    let (code, text) = on_terminal("");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("refusing to write a Secret with a token to a terminal"),
        "{text}"
    );
    assert!(
        !text.contains("/nonexistent/kubeconfig"),
        "asked the cluster first: {text}"
    );
    let (code, text) = on_terminal("--force");
    assert_eq!(code, Some(1), "{text}");
    assert!(!text.contains("refusing"), "{text}");
    assert!(text.contains("`/nonexistent/kubeconfig`"), "{text}");
}

/// The multi-cluster examples (README, "Multi-cluster") render, and each cluster's render says
/// which cluster, network and mesh it is; the east-west gateway carries its network.
#[test]
fn multicluster_examples_render_one_cluster_each() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/multicluster");
    for (file, cluster, network, gateway) in [
        (
            "primary-remote-cluster-a.yaml",
            "cluster-a",
            "network1",
            true,
        ),
        (
            "primary-remote-cluster-b.yaml",
            "cluster-b",
            "network1",
            false,
        ),
        (
            "multi-primary-cluster-a.yaml",
            "cluster-a",
            "network1",
            true,
        ),
        (
            "multi-primary-cluster-b.yaml",
            "cluster-b",
            "network2",
            true,
        ),
    ] {
        let path = directory.join(file);
        let output = meshctl(&[
            "manifest",
            "generate",
            "-f",
            path.to_str().expect("utf-8 path"),
            "--set",
            "values.global.remotePilotAddress=10.0.0.1",
        ]);
        assert!(
            output.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = stdout(&output);
        let documents = meshctl::yaml::parse_documents(&text, &meshctl::yaml::Source(file.into()))
            .expect("YAML");
        let find = |kind: &str, name: &str| {
            documents
                .iter()
                .find(|d| d["kind"] == kind && d["metadata"]["name"] == name)
                .cloned()
        };
        let values = find("ConfigMap", "values").expect("the values ConfigMap");
        let merged: serde_json::Value = serde_json::from_str(
            values["data"]["merged-values"]
                .as_str()
                .expect("merged-values"),
        )
        .expect("JSON");
        assert_eq!(
            merged["global"]["multiCluster"]["clusterName"], cluster,
            "{file}"
        );
        assert_eq!(merged["global"]["network"], network, "{file}");
        assert_eq!(merged["global"]["meshID"], "mesh1", "{file}");
        let istiod = find("Deployment", "istiod");
        if file.contains("remote-cluster-b") {
            assert!(istiod.is_none(), "{file}: a remote runs no istiod");
            let slice = find("EndpointSlice", "istiod").expect("the remote's istiod endpoints");
            assert_eq!(slice["endpoints"][0]["addresses"][0], "10.0.0.1", "{file}");
        } else {
            let istiod = istiod.expect("istiod");
            let env = istiod["spec"]["template"]["spec"]["containers"][0]["env"].to_string();
            assert!(
                env.contains(&format!(r#""name":"CLUSTER_ID","value":"{cluster}""#)),
                "{file}: {env}"
            );
        }
        if gateway {
            let deployment =
                find("Deployment", "istio-eastwestgateway").expect("east-west gateway");
            assert_eq!(
                deployment["spec"]["template"]["metadata"]["labels"]["topology.istio.io/network"],
                network,
                "{file}"
            );
            let service = find("Service", "istio-eastwestgateway").expect("its Service");
            let ports = service["spec"]["ports"].to_string();
            for port in ["15443", "15012", "15017"] {
                assert!(ports.contains(port), "{file}: {ports}");
            }
            assert!(
                find("Deployment", "istio-ingressgateway").is_some(),
                "{file}"
            );
        }
    }
}

/// Issue 24: `-o` onto a read-only file replaced it, and a replaced file lost its mode.
#[test]
fn output_files_keep_their_mode_and_read_only_ones_are_refused() {
    use std::os::unix::fs::PermissionsExt;

    let directory = tempfile::tempdir().expect("temporary directory");
    let kept = directory.path().join("kept.yaml");
    std::fs::write(&kept, "old\n").expect("write");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let path = kept.to_str().expect("utf-8");
    assert!(
        meshctl(&["manifest", "generate", "-o", path])
            .status
            .success()
    );
    let mode = std::fs::metadata(&kept)
        .expect("written")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);

    let read_only = directory.path().join("read-only.yaml");
    std::fs::write(&read_only, "mine\n").expect("write");
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let output = meshctl(&[
        "manifest",
        "generate",
        "-o",
        read_only.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("it is read-only"));
    assert_eq!(std::fs::read_to_string(&read_only).expect("kept"), "mine\n");
}

/// Issue 24: `-o DIR` kept the file of a component an earlier render had (an egress gateway
/// since switched off) without a word; it is removed, with a warning naming it.
#[test]
fn a_component_file_of_an_earlier_render_is_removed_with_a_warning() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let out = format!("{}/", directory.path().display());
    let with_egress = meshctl(&[
        "manifest",
        "generate",
        "--set",
        "components.egressGateways[0].enabled=true",
        "--set",
        "components.egressGateways[0].name=istio-egressgateway",
        "-o",
        &out,
    ]);
    assert!(with_egress.status.success(), "{with_egress:?}");
    let egress = directory.path().join("egressGateways.yaml");
    assert!(egress.exists());
    std::fs::write(directory.path().join("notes.txt"), "mine\n").expect("write");
    let without = meshctl(&["manifest", "generate", "-o", &out]);
    assert!(without.status.success());
    assert!(!egress.exists(), "the stale file is gone");
    assert!(
        directory.path().join("notes.txt").exists(),
        "other files stay"
    );
    let stderr = String::from_utf8_lossy(&without.stderr);
    assert!(
        stderr.contains("warning: removed `") && stderr.contains("egressGateways.yaml`"),
        "{stderr}"
    );
}

/// Issue 24: an all-digit revision is a valid DNS label: `-r 131`, `--set revision=131` and
/// `spec.revision: "131"` render the `131` control plane (they were refused as numbers).
#[test]
fn a_numeric_revision_is_accepted() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let file = directory.path().join("revision.yaml");
    std::fs::write(
        &file,
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  revision: \"131\"\n",
    )
    .expect("write");
    for arguments in [
        vec!["manifest", "generate", "-r", "131"],
        vec!["manifest", "generate", "--set", "revision=131"],
        vec!["manifest", "generate", "-f", file.to_str().expect("utf-8")],
    ] {
        let output = meshctl(&arguments);
        let text = stdout(&output);
        assert!(
            output.status.success(),
            "{arguments:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(text.contains("\n  name: istiod-131\n"), "{arguments:?}");
        assert!(text.contains("istio.io/rev: \"131\"\n"), "{arguments:?}");
    }
}

/// The chart's CRD (`charts/meshctl-operator/crds/`, which Helm installs as written) is the one
/// `operator dump` prints, byte for byte after its comment; regenerate it with
/// `MESHCTL_BLESS=1 cargo test --test cli charts_crd`. (tests/helm.rs compares the whole chart's
/// render with the real helm; this catches the CRD without a cluster.)
#[test]
fn the_charts_crd_is_the_one_operator_dump_prints() {
    let dump = stdout(&meshctl(&["operator", "dump"]));
    let crd = dump
        .split("\n---\n")
        .find(|doc| doc.contains("kind: CustomResourceDefinition"))
        .expect("operator dump prints the CRD")
        .trim()
        .trim_start_matches("---")
        .trim()
        .to_string();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("charts/meshctl-operator/crds/istiooperators.install.istio.io.yaml");
    let committed = std::fs::read_to_string(&path).expect("the chart's CRD");
    let header: String = committed
        .lines()
        .take_while(|line| line.starts_with('#'))
        .fold(String::new(), |mut header, line| {
            header.push_str(line);
            header.push('\n');
            header
        });
    if std::env::var_os("MESHCTL_BLESS").is_some() {
        std::fs::write(&path, format!("{header}{crd}\n")).expect("write the chart's CRD");
    }
    let committed = std::fs::read_to_string(&path).expect("the chart's CRD");
    assert_eq!(
        committed.strip_prefix(header.as_str()).map(str::trim_end),
        Some(crd.as_str()),
        "charts/meshctl-operator/crds/ differs from `operator dump`: regenerate with \
         `MESHCTL_BLESS=1 cargo test --test cli charts_crd`"
    );
}

/// The chart's `appVersion` is the image tag it deploys by default, as `operator dump`'s default
/// tag is meshctl's version: they move together.
#[test]
fn the_charts_app_version_is_meshctls_version() {
    let chart = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("charts/meshctl-operator/Chart.yaml"),
    )
    .expect("Chart.yaml");
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        chart
            .lines()
            .any(|line| line == format!("appVersion: \"{version}\"")),
        "charts/meshctl-operator/Chart.yaml: appVersion is not meshctl's version {version}"
    );
}
