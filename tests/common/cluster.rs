//! What the cluster tests (tests/cluster.rs, tests/operator.rs, tests/reconcile.rs) share: the
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
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Instant;

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
        context: None,
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
