//! What the cluster tests (tests/cluster.rs, operator.rs, reconcile.rs, istiod.rs) share: the
//! test cluster, the built binary run against it, and the few questions they ask the cluster.
//!
//! Every test that needs a cluster is `#[ignore = "needs a cluster"]`, so plain `cargo test`
//! reports it as ignored instead of passing it unrun. `scripts/test` runs them against the
//! project's own control plane with `--include-ignored` and `MESHCTL_TEST_KUBECONFIG` set to its
//! admin kubeconfig (`testenv/run start | tail -1`). Asked to run without that variable, a test
//! fails at once and says why: a cluster test that did not run never reports `ok`.
//!
//! The tests share one cluster, so each holds [`lock`] for its whole run (and the runner is given
//! `--test-threads=1` besides).

// Each test file includes this module and uses only part of it.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use k8s_openapi::api::authentication::v1::{TokenRequest, TokenRequestSpec};
use k8s_openapi::api::core::v1::ServiceAccount;
use kube::api::{Api, PostParams};
use meshctl::operator::NAME;
use serde_json::json;

use meshctl::cluster::client::{ClusterOptions, connect};
use meshctl::cluster::discovery::Catalog;
use meshctl::cluster::{ObjectKey, Ownership, prune};

/// The variable that names the admin kubeconfig of the test cluster.
pub const KUBECONFIG_VARIABLE: &str = "MESHCTL_TEST_KUBECONFIG";

static CLUSTER: Mutex<()> = Mutex::new(());

/// The admin kubeconfig of the test cluster. Panics when none is given: a test that needs a
/// cluster and has none must fail, not pass without having run.
#[must_use]
pub fn kubeconfig() -> PathBuf {
    let Some(path) = std::env::var_os(KUBECONFIG_VARIABLE).map(PathBuf::from) else {
        panic!(
            "{KUBECONFIG_VARIABLE} is not set, and this test needs a cluster: start the project's \
             control plane (`testenv/run start | tail -1` prints its admin kubeconfig) and set \
             {KUBECONFIG_VARIABLE} to that file, or run without `--include-ignored` to leave the \
             cluster tests out"
        );
    };
    assert!(
        path.is_file(),
        "{KUBECONFIG_VARIABLE}={} is not a file",
        path.display()
    );
    path
}

/// Holds the shared cluster for one test. A test that panicked while holding it leaves the
/// cluster in an unknown state, which the next test's clean-up handles.
pub fn lock() -> MutexGuard<'static, ()> {
    CLUSTER.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs the built binary against `kubeconfig`, without a terminal and without colour, and logs
/// the command, its exit code, how long it took and its stderr.
pub fn meshctl(kubeconfig: &Path, arguments: &[&str]) -> Output {
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

#[must_use]
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[must_use]
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Fails with both streams when the exit code is not `code`.
/// stdout, then stderr, as one text (for messages and for searching either).
pub fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `testenv/istiod ARGS…`, which must succeed; its last stdout line (the log path, for `start`).
pub fn istiod(arguments: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("testenv/istiod");
    let output = Command::new(script)
        .args(arguments)
        .stdin(Stdio::null())
        .output()
        .expect("testenv/istiod runs");
    assert!(
        output.status.success(),
        "testenv/istiod {} failed:\n{}",
        arguments.join(" "),
        text(&output)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

pub fn assert_code(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

#[must_use]
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// A client for `kubeconfig`, connected as meshctl connects.
pub async fn client(kubeconfig: &Path) -> kube::Client {
    connect(&ClusterOptions {
        kubeconfig: Some(kubeconfig.to_path_buf()),
        ..ClusterOptions::default()
    })
    .await
    .expect("connect")
    .client
}

/// Every live object `ownership` selects among the kinds an uninstall looks at (CRDs only when
/// asked), as ``Kind `namespace/name` ``.
pub async fn owned_objects(
    client: &kube::Client,
    ownership: &Ownership,
    include_crds: bool,
) -> Vec<String> {
    let catalog = Catalog::discover(client).await.expect("discovery");
    let kinds = prune::kinds_to_scan(include_crds);
    prune::list_owned(&catalog, &kinds, ownership, &BTreeSet::new())
        .await
        .expect("list owned objects")
        .objects
        .iter()
        .map(|object| ObjectKey::of(object).to_string())
        .collect()
}

// ----------------------------------------------------------------------------- the operator

/// The operator's namespace, as `operator init` makes it by default.
pub const OPERATOR_NAMESPACE: &str = "istio-operator";
/// The namespace the tests' operator watches.
pub const WATCHED: &str = "istio-system";

/// The events in `namespace` about the object named `name` (an `IstioOperator`, as the operator
/// reports on it).
pub async fn events_about(
    client: &kube::Client,
    namespace: &str,
    name: &str,
) -> Vec<k8s_openapi::api::events::v1::Event> {
    Api::<k8s_openapi::api::events::v1::Event>::namespaced(client.clone(), namespace)
        .list(&kube::api::ListParams::default())
        .await
        .expect("list events")
        .items
        .into_iter()
        .filter(|e| e.regarding.as_ref().and_then(|r| r.name.as_deref()) == Some(name))
        .collect()
}

/// A clean slate: the operator (with its CRD and resources) and every mesh meshctl installed
/// removed.
pub fn remove_operator_and_mesh(admin: &Path) {
    assert_code(&meshctl(admin, &["operator", "remove", "--purge", "-y"]), 0);
    assert_code(&meshctl(admin, &["uninstall", "--purge", "-y"]), 0);
}

/// The admin kubeconfig with its user replaced by a token of the operator's service account,
/// as the operator's pod would authenticate.
pub fn write_service_account_kubeconfig(admin: &Path, path: &Path) {
    let token = runtime().block_on(async {
        let accounts: Api<ServiceAccount> =
            Api::namespaced(client(admin).await, OPERATOR_NAMESPACE);
        let request = TokenRequest {
            spec: Some(TokenRequestSpec {
                expiration_seconds: Some(3600),
                ..TokenRequestSpec::default()
            }),
            ..TokenRequest::default()
        };
        accounts
            .create_token_request(NAME, &PostParams::default(), &request)
            .await
            .expect("a token for the operator's service account")
            .status
            .expect("token status")
            .token
    });
    let text = std::fs::read_to_string(admin).expect("admin kubeconfig");
    let mut config = meshctl::yaml::parse_value(&text, &meshctl::yaml::Source("admin".into()))
        .expect("admin kubeconfig parses");
    let cluster = config["clusters"][0].clone();
    config = json!({
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [cluster],
        "users": [{ "name": NAME, "user": { "token": token } }],
        "contexts": [{ "name": NAME, "context": { "cluster": cluster["name"], "user": NAME } }],
        "current-context": NAME,
    });
    std::fs::write(path, config.to_string()).expect("write kubeconfig");
}

/// `meshctl operator run` as a child process; killed if the test ends without stopping it.
pub struct Operator {
    child: Child,
    log: PathBuf,
    pub identity: String,
}

impl Operator {
    /// Starts it watching [`WATCHED`], with `extra` arguments, its log in `directory`.
    pub fn start(kubeconfig: &Path, identity: &str, directory: &Path, extra: &[&str]) -> Self {
        let log = directory.join(format!("{identity}.log"));
        let child = Command::new(env!("CARGO_BIN_EXE_meshctl"))
            .args(["operator", "run", "--watchedNamespaces", WATCHED])
            .args(["--probe-address", "127.0.0.1:0"])
            .args([
                "--operatorNamespace",
                OPERATOR_NAMESPACE,
                "--identity",
                identity,
            ])
            .args(extra)
            .arg("--kubeconfig")
            .arg(kubeconfig)
            .env("NO_COLOR", "1")
            .env("RUST_LOG", "info")
            .env_remove("KUBECONFIG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("operator starts");
        Self {
            child,
            log,
            identity: identity.to_string(),
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGTERM, then the exit status (bounded).
    pub fn terminate(&mut self) -> ExitStatus {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "{} did not exit within 60s of SIGTERM:\n{}",
                self.identity,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Operator {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
            eprintln!("--- log of {} ---\n{}", self.identity, self.log());
        }
    }
}

/// Polls `check` until it returns `Some`, or fails the test after `timeout`.
pub async fn eventually<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let started = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(
            started.elapsed() < timeout,
            "not within {}s: {what}",
            timeout.as_secs()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
