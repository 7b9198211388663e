//! Cluster tests: the built binary against a real API server.
//!
//! They run only when `MESHCTL_TEST_KUBECONFIG` names an admin kubeconfig (the project's own
//! control plane: `K=$(testenv/run start | tail -1) MESHCTL_TEST_KUBECONFIG=$K cargo test --test
//! cluster`); otherwise each prints a skip note and passes, so plain `cargo test` needs no
//! cluster. A `limited.kubeconfig` next to the admin one (a user with no RBAC bindings) is used
//! for the permission test. Tests share one cluster, so they take a lock and each starts from a
//! purged state.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;
use std::time::Instant;

use meshctl::cluster::client::{ClusterOptions, connect};
use meshctl::cluster::discovery::Catalog;
use meshctl::cluster::{Ownership, prune};

static CLUSTER: Mutex<()> = Mutex::new(());

fn kubeconfig() -> Option<PathBuf> {
    let path = std::env::var_os("MESHCTL_TEST_KUBECONFIG").map(PathBuf::from);
    if path.is_none() {
        eprintln!(
            "skipped: set MESHCTL_TEST_KUBECONFIG to an admin kubeconfig to run cluster tests"
        );
    }
    path
}

/// The test cluster, emptied of meshctl's objects and held for this test alone (the tests share
/// one cluster), or `None` when no cluster was given.
fn clean_cluster() -> Option<(PathBuf, std::sync::MutexGuard<'static, ()>)> {
    let kubeconfig = kubeconfig()?;
    let lock = CLUSTER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    purge(&kubeconfig);
    Some((kubeconfig, lock))
}

fn meshctl(kubeconfig: &Path, arguments: &[&str]) -> Output {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(arguments)
        .arg("--kubeconfig")
        .arg(kubeconfig)
        .env("NO_COLOR", "1")
        .env_remove("KUBECONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("meshctl runs");
    eprintln!(
        "meshctl {} -> {:?} in {:.1}s\n{}",
        arguments.join(" "),
        output.status.code(),
        started.elapsed().as_secs_f64(),
        stderr(&output)
    );
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn assert_code(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// Every live object meshctl or istioctl manages, CRDs included, as `Kind namespace/name`.
fn owned_objects(kubeconfig: &Path) -> Vec<String> {
    runtime().block_on(async {
        let connection = connect(&ClusterOptions {
            kubeconfig: Some(kubeconfig.to_path_buf()),
            context: None,
        })
        .await
        .expect("connect");
        let catalog = Catalog::discover(&connection.client)
            .await
            .expect("discovery");
        let kinds = prune::kinds_to_scan(&[], true);
        let owned = prune::list_owned(
            &catalog,
            &kinds,
            &Ownership::everything(),
            &std::collections::BTreeSet::new(),
        )
        .await
        .expect("list");
        owned
            .objects
            .iter()
            .map(|o| meshctl::cluster::ObjectKey::of(o).to_string())
            .collect()
    })
}

fn has(objects: &[String], wanted: &str) -> bool {
    objects.iter().any(|o| o == wanted)
}

/// Starts from nothing installed.
fn purge(kubeconfig: &Path) {
    let output = meshctl(kubeconfig, &["uninstall", "--purge", "-y"]);
    assert_code(&output, 0);
}

const TIMEOUT: &str = "--readiness-timeout=180s";

#[test]
fn install_is_ready_then_diff_is_clean_and_reinstall_changes_nothing() {
    let Some((kubeconfig, _lock)) = clean_cluster() else {
        return;
    };

    // Without a terminal and without -y: refused, nothing written.
    let refused = meshctl(&kubeconfig, &["install"]);
    assert_code(&refused, 1);
    assert!(stderr(&refused).contains("refusing to install without confirmation"));
    assert!(stderr(&refused).contains("hint: pass `-y`"));
    let dry = meshctl(&kubeconfig, &["install", "--dry-run"]);
    assert_code(&dry, 0);
    assert!(stderr(&dry).contains("create  Deployment `istio-system/istiod`"));
    assert!(
        owned_objects(&kubeconfig).is_empty(),
        "dry run wrote something"
    );

    let started = Instant::now();
    let install = meshctl(&kubeconfig, &["install", "-y", TIMEOUT]);
    let install_seconds = started.elapsed().as_secs_f64();
    assert_code(&install, 0);
    assert!(stderr(&install).contains("Installation complete"));

    let verify = meshctl(&kubeconfig, &["verify-install"]);
    assert_code(&verify, 0);

    let started = Instant::now();
    let diff = meshctl(&kubeconfig, &["diff"]);
    let diff_seconds = started.elapsed().as_secs_f64();
    assert_code(&diff, 0);
    assert!(stdout(&diff).is_empty(), "{}", stdout(&diff));

    let started = Instant::now();
    let again = meshctl(&kubeconfig, &["apply", "-y"]);
    let noop_seconds = started.elapsed().as_secs_f64();
    assert_code(&again, 0);
    assert!(stderr(&again).contains("No changes"), "{}", stderr(&again));
    eprintln!(
        "timings: install {install_seconds:.1}s, diff {diff_seconds:.1}s, no-op install {noop_seconds:.1}s"
    );
}

#[test]
fn objects_no_longer_rendered_are_pruned() {
    let Some((kubeconfig, _lock)) = clean_cluster() else {
        return;
    };
    let egress = [
        "--set",
        "components.egressGateways[0].name=istio-egressgateway",
        "--set",
        "components.egressGateways[0].enabled=true",
    ];
    let mut arguments = vec!["install", "-y", TIMEOUT];
    arguments.extend(egress);
    assert_code(&meshctl(&kubeconfig, &arguments), 0);
    assert!(has(
        &owned_objects(&kubeconfig),
        "Deployment `istio-system/istio-egressgateway`"
    ));

    let diff = meshctl(&kubeconfig, &["diff"]);
    assert_code(&diff, 1);
    assert!(stderr(&diff).contains("to prune"));
    assert!(stdout(&diff).contains("live Deployment `istio-system/istio-egressgateway`"));

    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    let left = owned_objects(&kubeconfig);
    assert!(
        !left.iter().any(|o| o.contains("egressgateway")),
        "{left:?}"
    );
    assert!(has(&left, "Deployment `istio-system/istiod`"));
    assert_code(&meshctl(&kubeconfig, &["diff"]), 0);
}

#[test]
fn revisions_install_side_by_side_and_uninstall_separately() {
    let Some((kubeconfig, _lock)) = clean_cluster() else {
        return;
    };
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    let canary = meshctl(
        &kubeconfig,
        &[
            "install",
            "-y",
            "-r",
            "canary",
            "--set",
            "profile=minimal",
            TIMEOUT,
        ],
    );
    assert_code(&canary, 0);
    // The one object both renders share stays with the default revision (and says so), so that
    // uninstalling the canary cannot take it away from the default install.
    assert!(
        stderr(&canary).contains("ServiceAccount `istio-system/istio-reader-service-account`: shared with revision `default`, left as it is"),
        "{}",
        stderr(&canary)
    );
    let both = owned_objects(&kubeconfig);
    assert!(has(&both, "Deployment `istio-system/istiod`"));
    assert!(has(&both, "Deployment `istio-system/istiod-canary`"));
    assert_code(
        &meshctl(
            &kubeconfig,
            &["verify-install", "-r", "canary", "--set", "profile=minimal"],
        ),
        0,
    );

    assert_code(
        &meshctl(&kubeconfig, &["uninstall", "-r", "canary", "-y"]),
        0,
    );
    let left = owned_objects(&kubeconfig);
    assert!(!left.iter().any(|o| o.contains("canary")), "{left:?}");
    assert!(has(&left, "Deployment `istio-system/istiod`"));
    assert!(has(&left, "Deployment `istio-system/istio-ingressgateway`"));
    assert!(has(&left, "ConfigMap `istio-system/istio`"));
    assert!(has(
        &left,
        "ServiceAccount `istio-system/istio-reader-service-account`"
    ));
    assert_code(&meshctl(&kubeconfig, &["verify-install"]), 0);
}

#[test]
fn purge_leaves_nothing() {
    let Some((kubeconfig, _lock)) = clean_cluster() else {
        return;
    };
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    let dry = meshctl(&kubeconfig, &["uninstall", "--purge", "--dry-run"]);
    assert_code(&dry, 0);
    assert!(
        stderr(&dry)
            .contains("delete  CustomResourceDefinition `virtualservices.networking.istio.io`")
    );
    assert!(
        !owned_objects(&kubeconfig).is_empty(),
        "dry run deleted something"
    );
    let purge = meshctl(&kubeconfig, &["uninstall", "--purge", "-y"]);
    assert_code(&purge, 0);
    assert_eq!(owned_objects(&kubeconfig), Vec::<String>::new());
    let verify = meshctl(&kubeconfig, &["verify-install"]);
    assert_code(&verify, 1);
    assert!(stdout(&verify).contains("missing    Deployment `istio-system/istiod`"));
}

#[test]
fn a_forbidden_user_is_told_verb_resource_and_namespace() {
    let Some(kubeconfig) = kubeconfig() else {
        return;
    };
    let limited = kubeconfig.with_file_name("limited.kubeconfig");
    if !limited.exists() {
        eprintln!("skipped: no {}", limited.display());
        return;
    }
    let _lock = CLUSTER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    purge(&kubeconfig);
    let diff = meshctl(&limited, &["diff"]);
    assert_code(&diff, 2);
    let message = stderr(&diff);
    assert!(
        message.contains("forbidden: user `meshctl-limited` may not get namespaces"),
        "{message}"
    );
    assert!(
        message.contains("hint: ask a cluster administrator"),
        "{message}"
    );
    let install = meshctl(&limited, &["install", "-y"]);
    assert_code(&install, 1);
    assert!(stderr(&install).contains("forbidden: user `meshctl-limited` may not"));
    assert!(owned_objects(&kubeconfig).is_empty());
}

#[test]
fn a_wrong_context_is_reported_before_any_work() {
    let Some((kubeconfig, _lock)) = clean_cluster() else {
        return;
    };
    let output = meshctl(
        &kubeconfig,
        &["install", "-y", "--context", "no-such-context"],
    );
    assert_code(&output, 1);
    assert!(stderr(&output).contains("context `no-such-context` is not in the kubeconfig"));
    assert!(stderr(&output).contains("hint: list contexts"));
    assert!(owned_objects(&kubeconfig).is_empty());
}

#[test]
fn a_field_owned_by_another_manager_is_a_conflict_in_the_plan() {
    let Some((kubeconfig, _lock)) = clean_cluster() else {
        return;
    };
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    runtime().block_on(async {
        use k8s_openapi::api::core::v1::ConfigMap;
        use kube::api::{Api, Patch, PatchParams};
        let connection = connect(&ClusterOptions {
            kubeconfig: Some(kubeconfig.clone()),
            context: None,
        })
        .await
        .expect("connect");
        let api: Api<ConfigMap> = Api::namespaced(connection.client, "istio-system");
        let patch = serde_json::json!({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "istio"}, "data": {"mesh": "changed: by hand\n"}});
        api.patch(
            "istio",
            &PatchParams::apply("someone-else").force(),
            &Patch::Apply(&patch),
        )
        .await
        .expect("patch as another manager");
    });
    let diff = meshctl(&kubeconfig, &["diff"]);
    assert_code(&diff, 1);
    assert!(
        stderr(&diff).contains(
            "ConfigMap `istio-system/istio`: field `.data.mesh` is managed by `someone-else`"
        ),
        "{}",
        stderr(&diff)
    );
    assert!(
        stdout(&diff).contains("-  mesh: |\n-    changed: by hand")
            || stdout(&diff).contains("changed: by hand")
    );
    let json = meshctl(&kubeconfig, &["diff", "-o", "json"]);
    assert_code(&json, 1);
    let plan: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON plan");
    assert_eq!(plan["summary"]["conflicts"], 1);
    // Installing takes the field back, and then there is nothing left to change.
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    assert_code(&meshctl(&kubeconfig, &["diff"]), 0);
}

#[test]
fn an_install_interrupted_with_ctrl_c_converges_on_the_next_run() {
    let Some((kubeconfig, _lock)) = clean_cluster() else {
        return;
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(["install", "-y", TIMEOUT, "--kubeconfig"])
        .arg(&kubeconfig)
        .env("NO_COLOR", "1")
        .env_remove("KUBECONFIG")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("meshctl starts");
    // Interrupt while it is applying: after the plan, before everything is ready.
    let deadline = Instant::now() + std::time::Duration::from_secs(30);
    while owned_objects(&kubeconfig).is_empty() && Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let interrupted = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(interrupted.success());
    let status = child.wait().expect("meshctl exits");
    assert!(
        !status.success(),
        "an interrupted install must not report success"
    );

    // Whatever was left half-applied, the same install converges and then nothing differs.
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    assert_code(&meshctl(&kubeconfig, &["diff"]), 0);
    assert_code(&meshctl(&kubeconfig, &["verify-install"]), 0);
}
