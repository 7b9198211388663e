//! Cluster tests: the built binary against a real API server.
//!
//! Each needs a cluster and is ignored unless asked for: `K=$(testenv/run start | tail -1)
//! MESHCTL_TEST_KUBECONFIG=$K cargo test --test cluster -- --include-ignored --test-threads=1`
//! (see tests/common/cluster.rs). A `limited.kubeconfig` next to the admin one (a user with no
//! RBAC bindings, which testenv/run writes) is used for the permission test. Tests share one
//! cluster, so they take a lock and each starts from a purged state.

#[path = "common/cluster.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::MutexGuard;
use std::time::Instant;

use common::{assert_code, client, kubeconfig, lock, meshctl, runtime, stderr, stdout};
use k8s_openapi::api::admissionregistration::v1::MutatingWebhookConfiguration;
use kube::api::{Api, DeleteParams};
use meshctl::cluster::Ownership;
use meshctl::cluster::client::{ClusterOptions, connect};

/// The test cluster, emptied of meshctl's objects and held for this test alone (the tests share
/// one cluster).
fn clean_cluster() -> (PathBuf, MutexGuard<'static, ()>) {
    let kubeconfig = kubeconfig();
    let lock = lock();
    purge(&kubeconfig);
    (kubeconfig, lock)
}

/// Every live object meshctl or istioctl manages, CRDs included, as `Kind namespace/name`.
fn owned_objects(kubeconfig: &Path) -> Vec<String> {
    runtime().block_on(async {
        common::owned_objects(&client(kubeconfig).await, &Ownership::everything(), true).await
    })
}

/// [`owned_objects`] but Istio's CRDs, which the tests' clean-up keeps (see [`purge`]).
fn installed_objects(kubeconfig: &Path) -> Vec<String> {
    owned_objects(kubeconfig)
        .into_iter()
        .filter(|o| !o.starts_with("CustomResourceDefinition "))
        .collect()
}

fn has(objects: &[String], wanted: &str) -> bool {
    objects.iter().any(|o| o == wanted)
}

/// Starts from nothing installed but Istio's CRDs. Deleting and recreating fifteen CRDs before
/// every test makes kube-controller-manager's garbage collector resync its monitors again and
/// again, pausing the foreground deletions the next clean-up waits on (minutes, on a loaded
/// machine); `purge_leaves_nothing` covers removing CRDs.
fn purge(kubeconfig: &Path) {
    for revision in ["default", "canary"] {
        let output = meshctl(kubeconfig, &["uninstall", "-r", revision, "-y"]);
        assert_code(&output, 0);
    }
}

const TIMEOUT: &str = "--readiness-timeout=180s";

#[test]
#[ignore = "needs a cluster"]
fn install_is_ready_then_diff_is_clean_and_reinstall_changes_nothing() {
    let (kubeconfig, _lock) = clean_cluster();

    // Without a terminal and without -y: refused, nothing written.
    let refused = meshctl(&kubeconfig, &["install"]);
    assert_code(&refused, 1);
    assert!(stderr(&refused).contains("refusing to install without confirmation"));
    assert!(stderr(&refused).contains("hint: pass `-y`"));
    let dry = meshctl(&kubeconfig, &["install", "--dry-run"]);
    assert_code(&dry, 0);
    assert!(stderr(&dry).contains("create  Deployment `istio-system/istiod`"));
    assert!(
        installed_objects(&kubeconfig).is_empty(),
        "dry run wrote something"
    );

    let started = Instant::now();
    let install = meshctl(&kubeconfig, &["install", "-y", TIMEOUT]);
    let install_seconds = started.elapsed().as_secs_f64();
    assert_code(&install, 0);
    assert!(stderr(&install).contains("Installation complete"));

    let verify = meshctl(&kubeconfig, &["verify-install"]);
    assert_code(&verify, 0);
    // What install adds to the render counts too: the default revision tag's injector.
    runtime().block_on(async {
        let webhooks = Api::<MutatingWebhookConfiguration>::all(client(&kubeconfig).await);
        webhooks
            .delete("istio-revision-tag-default", &DeleteParams::default())
            .await
            .expect("delete the default tag's webhook");
    });
    let verify = meshctl(&kubeconfig, &["verify-install"]);
    assert_code(&verify, 1);
    assert!(
        stdout(&verify)
            .contains("missing    MutatingWebhookConfiguration `istio-revision-tag-default`"),
        "{}",
        stdout(&verify)
    );
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    assert_code(&meshctl(&kubeconfig, &["verify-install"]), 0);

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
#[ignore = "needs a cluster"]
fn objects_no_longer_rendered_are_pruned() {
    let (kubeconfig, _lock) = clean_cluster();
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

/// Issue 14: prune and uninstall looked only at the kinds the current render contains, so a
/// `NetworkPolicy` (or admission policy, quota, …) that an earlier install rendered was left
/// behind once it was switched off, and `uninstall -r` never saw it. They look at every kind
/// meshctl can render now.
#[test]
#[ignore = "needs a cluster"]
fn a_kind_switched_off_is_pruned_and_uninstall_finds_every_kind() {
    let (kubeconfig, _lock) = clean_cluster();
    let policies = |objects: &[String]| -> Vec<String> {
        objects
            .iter()
            .filter(|o| o.starts_with("NetworkPolicy "))
            .cloned()
            .collect()
    };
    let with_policies = [
        "install",
        "-y",
        TIMEOUT,
        "--set",
        "values.global.networkPolicy.enabled=true",
    ];
    assert_code(&meshctl(&kubeconfig, &with_policies), 0);
    assert!(!policies(&owned_objects(&kubeconfig)).is_empty());

    let diff = meshctl(&kubeconfig, &["diff"]);
    assert_code(&diff, 1);
    assert!(
        stdout(&diff).contains("live NetworkPolicy"),
        "{}",
        stdout(&diff)
    );
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    assert_eq!(policies(&owned_objects(&kubeconfig)), Vec::<String>::new());
    assert_code(&meshctl(&kubeconfig, &["diff"]), 0);

    assert_code(&meshctl(&kubeconfig, &with_policies), 0);
    assert_code(
        &meshctl(&kubeconfig, &["uninstall", "-r", "default", "-y"]),
        0,
    );
    assert_eq!(installed_objects(&kubeconfig), Vec::<String>::new());
}

#[test]
#[ignore = "needs a cluster"]
fn revisions_install_side_by_side_and_uninstall_separately() {
    let (kubeconfig, _lock) = clean_cluster();
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
#[ignore = "needs a cluster"]
fn purge_leaves_nothing() {
    let (kubeconfig, _lock) = clean_cluster();
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
#[ignore = "needs a cluster"]
fn a_forbidden_user_is_told_verb_resource_and_namespace() {
    let kubeconfig = kubeconfig();
    let limited = kubeconfig.with_file_name("limited.kubeconfig");
    assert!(
        limited.is_file(),
        "no {}: this test needs the user without RBAC bindings that testenv/run writes next to \
         its admin kubeconfig",
        limited.display()
    );
    let _lock = lock();
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
    let message = stderr(&install);
    assert!(message.contains("forbidden: user `meshctl-limited` may not"));
    // Issue 14: one cause, once; no trailing `error: Broken pipe`.
    assert_eq!(message.matches("error:").count(), 1, "{message}");
    assert!(!message.contains("Broken pipe"), "{message}");
    assert!(installed_objects(&kubeconfig).is_empty());
}

#[test]
#[ignore = "needs a cluster"]
fn a_wrong_context_is_reported_before_any_work() {
    let (kubeconfig, _lock) = clean_cluster();
    let output = meshctl(
        &kubeconfig,
        &["install", "-y", "--context", "no-such-context"],
    );
    assert_code(&output, 1);
    assert!(stderr(&output).contains("context `no-such-context` is not in the kubeconfig"));
    assert!(stderr(&output).contains("hint: list contexts"));
    assert!(installed_objects(&kubeconfig).is_empty());
}

#[test]
#[ignore = "needs a cluster"]
fn a_field_owned_by_another_manager_is_a_conflict_in_the_plan() {
    let (kubeconfig, _lock) = clean_cluster();
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    runtime().block_on(async {
        use k8s_openapi::api::core::v1::ConfigMap;
        use kube::api::{Api, Patch, PatchParams};
        let connection = connect(&ClusterOptions {
            kubeconfig: Some(kubeconfig.clone()),
            ..ClusterOptions::default()
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
#[ignore = "needs a cluster"]
fn an_install_interrupted_with_ctrl_c_converges_on_the_next_run() {
    let (kubeconfig, _lock) = clean_cluster();
    // No node takes pods, so the install is certainly still waiting for istiod when it is
    // interrupted (polling for its first objects raced an install that had already finished).
    let cordoned = Cordoned::all(&kubeconfig);
    // Through `env --default-signal=INT`: a test run from a script's background job (as
    // scripts/test runs its lanes) inherits SIGINT ignored, and so would meshctl, which then sat
    // out the readiness timeout (3 minutes) instead of stopping at Ctrl-C.
    let mut child = Command::new("env")
        .arg("--default-signal=INT")
        .arg(env!("CARGO_BIN_EXE_meshctl"))
        .args(["install", "-y", TIMEOUT, "--kubeconfig"])
        .arg(&kubeconfig)
        .env("NO_COLOR", "1")
        .env_remove("KUBECONFIG")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("meshctl starts");
    let deadline = Instant::now() + std::time::Duration::from_secs(60);
    while !has(
        &installed_objects(&kubeconfig),
        "Deployment `istio-system/istiod`",
    ) {
        assert!(
            Instant::now() < deadline,
            "the install never created istiod's Deployment"
        );
        assert!(
            child.try_wait().expect("meshctl's status").is_none(),
            "the install ended before istiod could be ready"
        );
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
    drop(cordoned);

    // Whatever was left half-applied, the same install converges and then nothing differs.
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    assert_code(&meshctl(&kubeconfig, &["diff"]), 0);
    assert_code(&meshctl(&kubeconfig, &["verify-install"]), 0);
}

/// Every node of the test cluster marked unschedulable until this is dropped.
struct Cordoned {
    kubeconfig: PathBuf,
    nodes: Vec<String>,
}

impl Cordoned {
    fn all(kubeconfig: &Path) -> Self {
        use k8s_openapi::api::core::v1::Node;
        let nodes = runtime().block_on(async {
            let nodes: Api<Node> = Api::all(client(kubeconfig).await);
            let names: Vec<String> = nodes
                .list(&kube::api::ListParams::default())
                .await
                .expect("list nodes")
                .items
                .into_iter()
                .filter_map(|n| n.metadata.name)
                .collect();
            assert!(!names.is_empty(), "the test cluster has no nodes");
            names
        });
        let cordoned = Self {
            kubeconfig: kubeconfig.to_path_buf(),
            nodes,
        };
        cordoned.set(true).expect("cordon the nodes");
        cordoned
    }

    fn set(&self, unschedulable: bool) -> Result<(), kube::Error> {
        use k8s_openapi::api::core::v1::Node;
        use kube::api::{Patch, PatchParams};
        runtime().block_on(async {
            let nodes: Api<Node> = Api::all(client(&self.kubeconfig).await);
            for name in &self.nodes {
                nodes
                    .patch(
                        name,
                        &PatchParams::default(),
                        &Patch::Merge(
                            serde_json::json!({"spec": {"unschedulable": unschedulable}}),
                        ),
                    )
                    .await?;
            }
            Ok(())
        })
    }
}

impl Drop for Cordoned {
    fn drop(&mut self) {
        // Not `expect`: a panic while the test is already unwinding would abort the run.
        if let Err(error) = self.set(false) {
            eprintln!("could not uncordon the test cluster's nodes: {error}");
        }
    }
}

/// The project's own control plane behind a kubeconfig: `testenv/run` and the run directory it
/// started the control plane in (the admin kubeconfig lives there), so a test can stop and start
/// its API server.
struct Testenv {
    script: PathBuf,
    run_dir: PathBuf,
    /// The API server URL, as meshctl names it in messages.
    server: String,
}

impl Testenv {
    /// The control plane `kubeconfig` belongs to, or why the test cannot restart its API server.
    fn of(kubeconfig: &Path) -> Result<Self, String> {
        let run_dir = kubeconfig
            .parent()
            .ok_or("the kubeconfig has no directory")?
            .to_path_buf();
        let ports = std::fs::read_to_string(run_dir.join("ports")).map_err(|_| {
            format!(
                "{} is not a testenv/run directory (no `ports` file)",
                run_dir.display()
            )
        })?;
        let port = ports
            .lines()
            .find_map(|l| l.strip_prefix("API_PORT="))
            .ok_or("no API_PORT in the run directory's `ports`")?;
        let server = format!("https://127.0.0.1:{port}");
        let config = std::fs::read_to_string(kubeconfig).map_err(|e| e.to_string())?;
        if !config.contains(&format!("server: {server}\n")) {
            return Err(format!("the kubeconfig does not point at {server}"));
        }
        if !run_dir.join("pids/kube-apiserver.pid").exists() {
            return Err("no kube-apiserver pid in the run directory".into());
        }
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("testenv/run");
        let testenv = Self {
            script,
            run_dir,
            server,
        };
        // `testenv/run` needs bash and Go on PATH even to print its settings.
        let env = testenv.command("env").output().map_err(|e| e.to_string())?;
        if !env.status.success() {
            return Err(format!(
                "`testenv/run env` failed: {}",
                String::from_utf8_lossy(&env.stderr).trim()
            ));
        }
        Ok(testenv)
    }

    fn command(&self, subcommand: &str) -> Command {
        let mut command = Command::new(&self.script);
        command
            .arg(subcommand)
            .env("MESHCTL_TESTENV_RUN", &self.run_dir)
            .stdin(Stdio::null());
        command
    }

    fn run(&self, subcommand: &str) {
        let output = self.command(subcommand).output().expect("testenv/run runs");
        assert!(
            output.status.success(),
            "testenv/run {subcommand} failed:\n{}",
            stderr(&output)
        );
    }
}

/// Starts the API server again when dropped, so that a failing test does not leave the shared
/// control plane without one.
struct ApiServerBack<'a>(&'a Testenv);

impl Drop for ApiServerBack<'_> {
    fn drop(&mut self) {
        self.0.run("start-apiserver");
    }
}

#[test]
#[ignore = "needs a cluster"]
fn an_install_that_loses_the_api_server_fails_clearly_and_converges_once_it_is_back() {
    use std::io::BufRead as _;
    use std::time::Duration;

    let (kubeconfig, _lock) = clean_cluster();
    let testenv = Testenv::of(&kubeconfig).unwrap_or_else(|reason| {
        panic!(
            "this test stops and starts the API server of the project's own control plane \
             (testenv/run), and cannot for this cluster: {reason}"
        )
    });
    let mut child = Command::new(env!("CARGO_BIN_EXE_meshctl"))
        .args(["install", "-y", TIMEOUT, "--kubeconfig"])
        .arg(&kubeconfig)
        .env("NO_COLOR", "1")
        .env_remove("KUBECONFIG")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("meshctl starts");
    let (lines, received) = std::sync::mpsc::channel();
    let stream = child.stderr.take().expect("stderr is piped");
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stream)
            .lines()
            .map_while(Result::ok)
        {
            let _ = lines.send(line.clone());
        }
    });
    let mut log = String::new();
    // Namespaces, CRDs and Base are applied; Istiod's objects are being applied.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let line = received
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .unwrap_or_else(|_| panic!("meshctl never started applying Istiod:\n{log}"));
        log.push_str(&line);
        log.push('\n');
        if line.starts_with("Istiod: applying") {
            break;
        }
    }
    // Freeze meshctl while the API server goes away (stopping it takes seconds), so that the
    // server is gone at this point of the install whatever the timing, then let it run into that.
    let signal = |name: &str| {
        let sent = Command::new("kill")
            .args([name, &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success());
    };
    signal("-STOP");
    let back = ApiServerBack(&testenv);
    testenv.run("stop-apiserver");
    signal("-CONT");

    // It gives up on its own: a refused connection at once, a wait after a short grace period.
    let resumed = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if resumed.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("meshctl still runs 90s after the API server stopped:\n{log}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    reader.join().expect("reader");
    log.extend(received.try_iter().map(|line| line + "\n"));
    eprintln!(
        "meshctl install (API server stopped) -> {:?} {:.1}s after it resumed\n{log}",
        status.code(),
        resumed.elapsed().as_secs_f64()
    );
    assert_eq!(status.code(), Some(1), "{log}");
    assert!(!log.contains("panicked"), "{log}");
    let error = log
        .lines()
        .find(|l| l.starts_with("error: "))
        .unwrap_or_else(|| panic!("no error line:\n{log}"));
    assert!(
        error.starts_with("error: cannot apply ") || error.starts_with("error: waiting for Istiod"),
        "the error names what meshctl was doing: {error}"
    );
    assert!(
        error.contains(&format!(
            "the API server at {} is unreachable",
            testenv.server
        )),
        "{error}"
    );
    assert!(
        log.contains("hint: check that the cluster is up; once its API server answers again, re-run the same command"),
        "{log}"
    );

    drop(back);
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    assert_code(&meshctl(&kubeconfig, &["diff"]), 0);
    assert_code(&meshctl(&kubeconfig, &["verify-install"]), 0);
}

/// Issue 10: `meshctl precheck` names every permission an install needs and the user lacks (a
/// user without RBAC bindings may still ask), and passes for the admin.
#[test]
#[ignore = "needs a cluster"]
fn precheck_names_the_missing_permissions_and_passes_for_an_admin() {
    let (kubeconfig, _lock) = clean_cluster();
    let limited = kubeconfig.with_file_name("limited.kubeconfig");
    let refused = meshctl(&limited, &["precheck"]);
    assert_code(&refused, 1);
    let message = stderr(&refused);
    for missing in [
        "forbidden: user `meshctl-limited` may not create namespaces at cluster scope",
        "forbidden: user `meshctl-limited` may not create deployments.apps in namespace `istio-system`",
        "forbidden: user `meshctl-limited` may not patch mutatingwebhookconfigurations.admissionregistration.k8s.io at cluster scope",
        "forbidden: user `meshctl-limited` may not create customresourcedefinitions.apiextensions.k8s.io at cluster scope",
    ] {
        assert!(message.contains(missing), "`{missing}` not in:\n{message}");
    }
    let json = meshctl(&limited, &["precheck", "-o", "json"]);
    assert_code(&json, 1);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert!(
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| f["check"] == "permissions" || f["check"] == "gateway-api"),
        "{report:#}"
    );
    let passed = meshctl(&kubeconfig, &["precheck"]);
    assert_code(&passed, 0);
    assert!(
        stderr(&passed).contains("No issues found"),
        "{}",
        stderr(&passed)
    );
    // An installed revision is reported, and an install of it is an upgrade in place.
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    let again = meshctl(&kubeconfig, &["precheck"]);
    assert_code(&again, 0);
    assert!(
        stderr(&again).contains("revision `default` is installed"),
        "{}",
        stderr(&again)
    );
    assert!(
        stderr(&again).contains("revision tag `default` points at `default`"),
        "{}",
        stderr(&again)
    );
    assert!(
        installed_objects(&kubeconfig)
            .iter()
            .any(|o| o.contains("istio-revision-tag-default"))
    );
}

async fn label_namespace(kubeconfig: &Path, name: &str, labels: serde_json::Value) {
    use k8s_openapi::api::core::v1::Namespace;
    use kube::api::{Api, Patch, PatchParams};
    let namespaces: Api<Namespace> = Api::all(client(kubeconfig).await);
    let body = serde_json::json!({"apiVersion": "v1", "kind": "Namespace",
                                  "metadata": {"name": name, "labels": labels}});
    namespaces
        .patch(
            name,
            &PatchParams::apply("tests").force(),
            &Patch::Apply(&body),
        )
        .await
        .expect("apply namespace");
}

async fn delete_namespace(kubeconfig: &Path, name: &str) {
    use k8s_openapi::api::core::v1::Namespace;
    use kube::api::{Api, DeleteParams};
    let namespaces: Api<Namespace> = Api::all(client(kubeconfig).await);
    let _ = namespaces.delete(name, &DeleteParams::default()).await;
}

/// Issue 10: `tag set|list|generate|remove` on a live revision, with istioctl's refusals.
#[test]
#[ignore = "needs a cluster"]
fn tags_are_set_listed_generated_and_removed() {
    let (kubeconfig, _lock) = clean_cluster();
    let kubeconfig = &kubeconfig;
    assert_code(
        &meshctl(kubeconfig, &["install", "-y", "-r", "canary", TIMEOUT]),
        0,
    );
    // The first revision on the cluster got the default tag.
    let listed = meshctl(kubeconfig, &["tag", "list", "-o", "json"]);
    assert_code(&listed, 0);
    let tags: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("json");
    assert_eq!(
        tags,
        serde_json::json!([{"tag": "default", "revision": "canary", "namespaces": []}])
    );

    let missing = meshctl(kubeconfig, &["tag", "set", "prod", "--revision", "nope"]);
    assert_code(&missing, 1);
    assert!(
        stderr(&missing).contains("revision `nope` is not installed")
            && stderr(&missing).contains("installed revisions: canary"),
        "{}",
        stderr(&missing)
    );
    let clash = meshctl(
        kubeconfig,
        &["tag", "set", "canary", "--revision", "canary"],
    );
    assert_code(&clash, 1);
    assert!(
        stderr(&clash).contains("name of an installed revision"),
        "{}",
        stderr(&clash)
    );

    let generated = meshctl(
        kubeconfig,
        &["tag", "generate", "prod", "--revision", "canary"],
    );
    assert_code(&generated, 0);
    let yaml = stdout(&generated);
    assert!(yaml.contains("name: istio-revision-tag-prod"), "{yaml}");
    assert!(yaml.contains("name: istiod-revision-tag-prod"), "{yaml}");
    assert!(
        !yaml.contains("operator.istio.io/managed"),
        "user-managed: {yaml}"
    );
    let still = meshctl(kubeconfig, &["tag", "list", "-o", "json"]);
    assert!(
        !stdout(&still).contains("prod"),
        "generate wrote: {}",
        stdout(&still)
    );

    assert_code(
        &meshctl(kubeconfig, &["tag", "set", "prod", "--revision", "canary"]),
        0,
    );
    runtime().block_on(label_namespace(
        kubeconfig,
        "tagged",
        serde_json::json!({"istio.io/rev": "prod"}),
    ));
    let table = meshctl(kubeconfig, &["tag", "list"]);
    assert_code(&table, 0);
    assert!(
        stdout(&table)
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["prod", "canary", "tagged"]),
        "{}",
        stdout(&table)
    );
    let used = meshctl(kubeconfig, &["tag", "remove", "prod"]);
    assert_code(&used, 1);
    assert!(
        stderr(&used).contains("namespace `tagged`"),
        "{}",
        stderr(&used)
    );
    assert!(stderr(&used).contains("--force"), "{}", stderr(&used));
    // The revision behind the tag is in use too.
    let revision_used = meshctl(kubeconfig, &["uninstall", "-r", "canary", "-y"]);
    assert_code(&revision_used, 1);
    assert!(
        stderr(&revision_used).contains("namespace `tagged` (istio.io/rev=prod, a tag for canary)"),
        "{}",
        stderr(&revision_used)
    );
    assert_code(
        &meshctl(kubeconfig, &["tag", "remove", "prod", "--force"]),
        0,
    );
    let after = meshctl(kubeconfig, &["tag", "list", "-o", "json"]);
    assert!(!stdout(&after).contains("prod"), "{}", stdout(&after));
    let gone = meshctl(kubeconfig, &["tag", "remove", "prod"]);
    assert_code(&gone, 1);
    assert!(
        stderr(&gone).contains("does not exist; existing tags: default"),
        "{}",
        stderr(&gone)
    );
    runtime().block_on(delete_namespace(kubeconfig, "tagged"));
    assert_code(
        &meshctl(kubeconfig, &["uninstall", "-r", "canary", "-y"]),
        0,
    );
    let empty = meshctl(kubeconfig, &["tag", "list", "-o", "json"]);
    assert_eq!(stdout(&empty).trim(), "[]");
}

/// Issue 10: an injector the install would overlap refuses it before anything is written,
/// naming both webhooks; `--force` installs anyway.
#[test]
#[ignore = "needs a cluster"]
fn an_overlapping_injector_refuses_the_install_unless_forced() {
    use k8s_openapi::api::admissionregistration::v1::MutatingWebhookConfiguration;
    use kube::api::{Api, DeleteParams, Patch, PatchParams};
    let (kubeconfig, _lock) = clean_cluster();
    let foreign = serde_json::json!({
        "apiVersion": "admissionregistration.k8s.io/v1",
        "kind": "MutatingWebhookConfiguration",
        "metadata": {"name": "old-injector", "labels": {"istio.io/rev": "1-29"}},
        "webhooks": [{
            "name": "sidecar-injector.istio.io",
            "clientConfig": {"service": {"name": "istiod-1-29", "namespace": "istio-system", "path": "/inject"}},
            "namespaceSelector": {"matchLabels": {"istio-injection": "enabled"}},
            "rules": [{"operations": ["CREATE"], "apiGroups": [""], "apiVersions": ["v1"], "resources": ["pods"]}],
            "sideEffects": "None", "admissionReviewVersions": ["v1"], "failurePolicy": "Ignore",
        }],
    });
    runtime().block_on(async {
        let webhooks: Api<MutatingWebhookConfiguration> = Api::all(client(&kubeconfig).await);
        webhooks
            .patch(
                "old-injector",
                &PatchParams::apply("tests").force(),
                &Patch::Apply(&foreign),
            )
            .await
            .expect("apply the foreign injector");
    });
    let refused = meshctl(&kubeconfig, &["install", "-y", TIMEOUT]);
    assert_code(&refused, 1);
    let message = stderr(&refused);
    assert!(
        message.contains("old-injector/sidecar-injector.istio.io"),
        "{message}"
    );
    assert!(
        message.contains("istio-revision-tag-default/namespace.sidecar-injector.istio.io"),
        "{message}"
    );
    assert!(
        message.contains("--force") && message.contains("nothing was written"),
        "{message}"
    );
    assert!(
        installed_objects(&kubeconfig).is_empty(),
        "the refused install wrote"
    );
    let diff = meshctl(&kubeconfig, &["diff"]);
    assert_code(&diff, 1);
    assert!(stderr(&diff).contains("old-injector"), "{}", stderr(&diff));
    assert_code(
        &meshctl(&kubeconfig, &["install", "-y", "--force", TIMEOUT]),
        0,
    );
    runtime().block_on(async {
        let webhooks: Api<MutatingWebhookConfiguration> = Api::all(client(&kubeconfig).await);
        webhooks
            .delete("old-injector", &DeleteParams::default())
            .await
            .expect("delete the foreign injector");
    });
}

/// The Istio versions (`operator.istio.io/version`) that meshctl-managed objects of a few kinds
/// carry, with the objects: after an in-place move, only the target's may be left.
fn installed_versions(kubeconfig: &Path) -> std::collections::BTreeMap<String, Vec<String>> {
    use kube::api::{DynamicObject, ListParams};
    use kube::core::{ApiResource, GroupVersionKind};
    runtime().block_on(async {
        let client = client(kubeconfig).await;
        let mut versions = std::collections::BTreeMap::<String, Vec<String>>::new();
        for (group, version, kind) in [
            ("apps", "v1", "Deployment"),
            ("", "v1", "ConfigMap"),
            ("", "v1", "Service"),
            (
                "admissionregistration.k8s.io",
                "v1",
                "MutatingWebhookConfiguration",
            ),
            (
                "admissionregistration.k8s.io",
                "v1",
                "ValidatingWebhookConfiguration",
            ),
            ("rbac.authorization.k8s.io", "v1", "ClusterRole"),
        ] {
            let resource = ApiResource::from_gvk(&GroupVersionKind::gvk(group, version, kind));
            let api: Api<DynamicObject> = Api::all_with(client.clone(), &resource);
            let params = ListParams::default().labels("operator.istio.io/managed=Reconcile");
            for object in api.list(&params).await.expect("list").items {
                let labels = object.metadata.labels.clone().unwrap_or_default();
                let Some(found) = labels.get("operator.istio.io/version") else {
                    continue;
                };
                versions.entry(found.clone()).or_default().push(format!(
                    "{kind} {}",
                    object.metadata.name.clone().unwrap_or_default()
                ));
            }
        }
        versions
    })
}

/// Issue 22, in place by the CLI: Istio's rules hold before anything is written — one minor at a
/// time, a downgrade named — `--force` overrides them and says so, `diff` names the version
/// change first, and a move leaves nothing of the release it left.
#[test]
#[ignore = "needs a cluster"]
fn in_place_moves_follow_istios_rules_one_minor_at_a_time() {
    let (kubeconfig, _lock) = clean_cluster();
    let only = |expected: &str| {
        let versions = installed_versions(&kubeconfig);
        assert_eq!(
            versions.keys().collect::<Vec<_>>(),
            [expected],
            "objects of other releases are left: {versions:#?}"
        );
    };
    assert_code(
        &meshctl(
            &kubeconfig,
            &["install", "-y", "--set", "tag=1.29.6", TIMEOUT],
        ),
        0,
    );
    only("1.29.6");

    // Two minors at once: refused, nothing written.
    let skip = meshctl(
        &kubeconfig,
        &["install", "-y", "--set", "tag=1.31.0", TIMEOUT],
    );
    assert_code(&skip, 1);
    let said = stderr(&skip);
    assert!(said.contains("one minor at a time"), "{said}");
    assert!(said.contains("nothing was written"), "{said}");
    only("1.29.6");
    let precheck = meshctl(&kubeconfig, &["precheck", "--set", "tag=1.31.0"]);
    assert_code(&precheck, 1);
    assert!(
        stdout(&precheck).contains("default (1.29.6)")
            || stderr(&precheck).contains("default (1.29.6)"),
        "{}{}",
        stdout(&precheck),
        stderr(&precheck)
    );

    // One minor: the diff says so first, the install moves everything.
    let diff = meshctl(&kubeconfig, &["diff", "--set", "tag=1.30.3"]);
    assert_code(&diff, 1);
    let first = stdout(&diff).lines().next().unwrap_or_default().to_string();
    assert_eq!(
        first,
        "Istio 1.29.6 → 1.30.3: in-place upgrade of revision `default`"
    );
    assert_code(
        &meshctl(
            &kubeconfig,
            &["install", "-y", "--set", "tag=1.30.3", TIMEOUT],
        ),
        0,
    );
    only("1.30.3");
    assert_code(
        &meshctl(
            &kubeconfig,
            &["install", "-y", "--set", "tag=1.31.0", TIMEOUT],
        ),
        0,
    );
    only("1.31.0");

    // Back two minors: refused as a downgrade; --force goes through and says why.
    let back = meshctl(
        &kubeconfig,
        &["install", "-y", "--set", "tag=1.29.6", TIMEOUT],
    );
    assert_code(&back, 1);
    assert!(stderr(&back).contains("downgrade"), "{}", stderr(&back));
    only("1.31.0");
    let forced = meshctl(
        &kubeconfig,
        &["install", "-y", "--force", "--set", "tag=1.29.6", TIMEOUT],
    );
    assert_code(&forced, 0);
    assert!(
        stderr(&forced).contains("installing anyway because of --force"),
        "{}",
        stderr(&forced)
    );
    only("1.29.6");
    assert_code(&meshctl(&kubeconfig, &["uninstall", "--purge", "-y"]), 0);
}

/// Issue 22: Istio's CRDs are shared by every revision, so an older revision installed beside a
/// newer one leaves them at the newer release's (and says so), and removing it leaves them.
#[test]
#[ignore = "needs a cluster"]
fn an_older_revision_beside_a_newer_one_never_downgrades_the_crds() {
    use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
    let (kubeconfig, _lock) = clean_cluster();
    let crd_version = || {
        runtime().block_on(async {
            let crds = Api::<CustomResourceDefinition>::all(client(&kubeconfig).await);
            let crd = crds
                .get("trafficextensions.extensions.istio.io")
                .await
                .expect("1.31's CRD is there");
            crd.metadata.labels.unwrap_or_default()["operator.istio.io/version"].clone()
        })
    };
    assert_code(&meshctl(&kubeconfig, &["install", "-y", TIMEOUT]), 0);
    assert_eq!(crd_version(), "1.31.0");
    let old = meshctl(
        &kubeconfig,
        &["install", "-y", "-r", "old", "--set", "tag=1.29.6", TIMEOUT],
    );
    assert_code(&old, 0);
    assert!(
        stderr(&old).contains("never downgraded"),
        "{}",
        stderr(&old)
    );
    // 1.29 has no trafficextensions CRD and older schemas: neither reached the cluster.
    assert_eq!(crd_version(), "1.31.0");
    assert_code(
        &meshctl(&kubeconfig, &["diff", "-r", "old", "--set", "tag=1.29.6"]),
        0,
    );
    assert_code(&meshctl(&kubeconfig, &["uninstall", "-r", "old", "-y"]), 0);
    assert_eq!(crd_version(), "1.31.0");
    assert_code(&meshctl(&kubeconfig, &["uninstall", "--purge", "-y"]), 0);
}
