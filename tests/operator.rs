//! Cluster tests of `meshctl operator init | remove`: the built binary against a real API server.
//!
//! Like tests/cluster.rs, each needs a cluster and is ignored unless asked for: `K=$(testenv/run
//! start | tail -1) MESHCTL_TEST_KUBECONFIG=$K cargo test --test operator -- --include-ignored
//! --test-threads=1` (see tests/common/cluster.rs). They share one cluster, so each takes a lock
//! and starts with the operator removed and its CRD purged.

#[path = "common/cluster.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::sync::MutexGuard;

use common::{assert_code, client, kubeconfig, lock, meshctl, runtime, stderr};
use k8s_openapi::api::core::v1::Namespace;
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::{
    Api, ApiResource, DynamicObject, GroupVersionKind, ListParams, Patch, PatchParams, PostParams,
};
use meshctl::operator::{CRD_NAME, FINALIZER, GROUP, KIND, NAME, PART_OF_LABEL, PLURAL, VERSION};
use serde_json::json;

/// The test cluster without the operator or its CRD, held for this test alone.
fn clean_cluster() -> (PathBuf, MutexGuard<'static, ()>) {
    let kubeconfig = kubeconfig();
    let lock = lock();
    assert_code(
        &meshctl(&kubeconfig, &["operator", "remove", "--purge", "-y"]),
        0,
    );
    (kubeconfig, lock)
}

fn istio_operators(client: &kube::Client, namespace: &str) -> Api<DynamicObject> {
    let resource =
        ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(GROUP, VERSION, KIND), PLURAL);
    Api::namespaced_with(client.clone(), namespace, &resource)
}

async fn crd_exists(client: &kube::Client) -> bool {
    Api::<CustomResourceDefinition>::all(client.clone())
        .get_opt(CRD_NAME)
        .await
        .expect("get CRD")
        .is_some()
}

async fn namespace_exists(client: &kube::Client, name: &str) -> bool {
    Api::<Namespace>::all(client.clone())
        .get_opt(name)
        .await
        .expect("get namespace")
        .is_some_and(|n| n.metadata.deletion_timestamp.is_none())
}

/// Every live object labelled part of the operator, as `Kind namespace/name`.
async fn labelled_objects(client: &kube::Client) -> Vec<String> {
    let selector = format!("{}={}", PART_OF_LABEL.0, PART_OF_LABEL.1);
    let mut found = Vec::new();
    for (group, version, kind, plural) in [
        (
            "apiextensions.k8s.io",
            "v1",
            "CustomResourceDefinition",
            "customresourcedefinitions",
        ),
        ("", "v1", "Namespace", "namespaces"),
        ("", "v1", "ServiceAccount", "serviceaccounts"),
        ("apps", "v1", "Deployment", "deployments"),
        (
            "rbac.authorization.k8s.io",
            "v1",
            "ClusterRole",
            "clusterroles",
        ),
        (
            "rbac.authorization.k8s.io",
            "v1",
            "ClusterRoleBinding",
            "clusterrolebindings",
        ),
        ("rbac.authorization.k8s.io", "v1", "Role", "roles"),
        (
            "rbac.authorization.k8s.io",
            "v1",
            "RoleBinding",
            "rolebindings",
        ),
    ] {
        let resource =
            ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(group, version, kind), plural);
        let api: Api<DynamicObject> = Api::all_with(client.clone(), &resource);
        let list = api
            .list(&ListParams::default().labels(&selector))
            .await
            .expect("list");
        for item in list.items {
            // A namespace being deleted is as good as gone for these tests.
            if item.metadata.deletion_timestamp.is_some() {
                continue;
            }
            found.push(format!(
                "{kind} {}/{}",
                item.metadata.namespace.unwrap_or_default(),
                item.metadata.name.unwrap_or_default()
            ));
        }
    }
    found
}

const VALID: &str = "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n  profile: minimal\n";

fn write(directory: &Path, name: &str, text: &str) -> String {
    let path = directory.join(name);
    std::fs::write(&path, text).expect("write file");
    path.display().to_string()
}

#[test]
#[ignore = "needs a cluster"]
fn init_applies_everything_and_the_crd_checks_what_it_is_given() {
    let (kubeconfig, _lock) = clean_cluster();
    let first = meshctl(&kubeconfig, &["operator", "init"]);
    assert_code(&first, 0);
    let text = stderr(&first);
    assert!(
        text.contains("CustomResourceDefinition `istiooperators.install.istio.io` created"),
        "{text}"
    );
    assert!(text.contains("The operator is ready"), "{text}");
    assert!(
        text.contains("kubectl get iop -n istio-system -w"),
        "{text}"
    );

    runtime().block_on(async {
        let client = client(&kubeconfig).await;
        let crd = Api::<CustomResourceDefinition>::all(client.clone())
            .get(CRD_NAME)
            .await
            .expect("CRD exists");
        let established = crd
            .status
            .and_then(|s| s.conditions)
            .unwrap_or_default()
            .iter()
            .any(|c| c.type_ == "Established" && c.status == "True");
        assert!(established, "the CRD is established");
        let mut objects = labelled_objects(&client).await;
        objects.sort();
        assert_eq!(
            objects,
            [
                "ClusterRole /meshctl-operator",
                "ClusterRoleBinding /meshctl-operator",
                "CustomResourceDefinition /istiooperators.install.istio.io",
                "Deployment istio-operator/meshctl-operator",
                "Namespace /istio-operator",
                "Role istio-operator/meshctl-operator-leader-election",
                "Role istio-system/meshctl-operator",
                "RoleBinding istio-operator/meshctl-operator-leader-election",
                "RoleBinding istio-system/meshctl-operator",
                "ServiceAccount istio-operator/meshctl-operator",
            ]
        );
        assert!(namespace_exists(&client, "istio-system").await);

        let api = istio_operators(&client, "istio-system");
        let valid: DynamicObject = serde_json::from_value(json!({
            "apiVersion": "install.istio.io/v1alpha1", "kind": "IstioOperator",
            "metadata": {"name": "valid"},
            "spec": {"profile": "demo", "tag": 1.31, "values": {"global": {"hub": "x"}},
                     "compnents": {"misspelt": true}}
        }))
        .expect("object");
        let created = api
            .create(&PostParams::default(), &valid)
            .await
            .expect("a valid IstioOperator is accepted");
        // A misspelt field is kept for meshctl's validator to name, not pruned in silence.
        assert_eq!(created.data["spec"]["compnents"]["misspelt"], true);
        assert_eq!(created.data["spec"]["tag"], 1.31);

        let wrong_spec: DynamicObject = serde_json::from_value(json!({
            "apiVersion": "install.istio.io/v1alpha1", "kind": "IstioOperator",
            "metadata": {"name": "wrong"}, "spec": {"profile": 5, "values": "not a map"}
        }))
        .expect("object");
        let error = api
            .create(&PostParams::default(), &wrong_spec)
            .await
            .expect_err("a wrong-typed spec field is rejected");
        let message = error.to_string();
        assert!(message.contains("spec.profile"), "{message}");
        assert!(message.contains("spec.values"), "{message}");

        for status in [
            json!({"status": "Bogus"}),
            json!({"observedGeneration": "one"}),
            json!({"conditions": [{"type": "Ready", "status": "Maybe"}]}),
        ] {
            let error = api
                .patch_status(
                    "valid",
                    &PatchParams::default(),
                    &Patch::Merge(json!({"status": status})),
                )
                .await
                .expect_err("a wrong status is rejected");
            assert!(error.to_string().contains("status."), "{error}");
        }
        let accepted = api
            .patch_status(
                "valid",
                &PatchParams::default(),
                &Patch::Merge(json!({"status": {
                    "status": "HEALTHY", "message": "ok", "observedGeneration": 1,
                    "conditions": [{"type": "Ready", "status": "True", "reason": "Installed",
                        "message": "", "lastTransitionTime": "2026-01-01T00:00:00Z",
                        "observedGeneration": 1}],
                    "componentStatus": {"Pilot": {"status": "HEALTHY", "message": ""},
                        "Base": {"status": "ERROR", "error": "timed out", "version": "1.23.0"}}
                }})),
            )
            .await
            .expect("the status the controller writes is accepted");
        assert_eq!(
            accepted.data["status"]["componentStatus"]["Pilot"]["status"],
            "HEALTHY"
        );
        assert_eq!(
            accepted.data["status"]["componentStatus"]["Base"]["version"], "1.23.0",
            "Istio's own component fields are kept"
        );
    });

    // A second init changes nothing.
    let second = meshctl(&kubeconfig, &["operator", "init"]);
    assert_code(&second, 0);
    let text = stderr(&second);
    assert!(!text.contains(" created"), "{text}");
    assert!(!text.contains(" configured"), "{text}");
    assert!(
        text.contains("Deployment `istio-operator/meshctl-operator` unchanged"),
        "{text}"
    );
}

#[test]
#[ignore = "needs a cluster"]
fn init_with_an_invalid_file_or_dry_run_writes_nothing() {
    let (kubeconfig, _lock) = clean_cluster();
    let directory = tempfile::tempdir().expect("temporary directory");
    let bad = write(
        directory.path(),
        "bad.yaml",
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      enabled: maybe\n",
    );
    let refused = meshctl(&kubeconfig, &["operator", "init", "-f", &bad]);
    assert_code(&refused, 1);
    assert!(
        stderr(&refused).contains("bad.yaml:6:"),
        "{}",
        stderr(&refused)
    );

    let unwatched = write(
        directory.path(),
        "unwatched.yaml",
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  namespace: default\n",
    );
    let refused = meshctl(&kubeconfig, &["operator", "init", "-f", &unwatched]);
    assert_code(&refused, 1);
    assert!(
        stderr(&refused).contains("which the operator does not watch"),
        "{}",
        stderr(&refused)
    );

    let valid = write(directory.path(), "valid.yaml", VALID);
    let dry = meshctl(
        &kubeconfig,
        &["operator", "init", "--dry-run", "-f", &valid],
    );
    assert_code(&dry, 0);
    assert!(
        stderr(&dry).contains("IstioOperator `istio-system/mesh` would be created"),
        "{}",
        stderr(&dry)
    );
    assert!(stderr(&dry).contains("Dry run: nothing was written."));

    runtime().block_on(async {
        let client = client(&kubeconfig).await;
        assert!(!crd_exists(&client).await, "nothing was written");
        assert_eq!(labelled_objects(&client).await, Vec::<String>::new());
    });
}

#[test]
#[ignore = "needs a cluster"]
fn remove_leaves_the_crd_and_resources_and_purge_removes_them_despite_finalizers() {
    let (kubeconfig, _lock) = clean_cluster();
    let directory = tempfile::tempdir().expect("temporary directory");
    let valid = write(directory.path(), "valid.yaml", VALID);
    assert_code(
        &meshctl(&kubeconfig, &["operator", "init", "-f", &valid]),
        0,
    );
    runtime().block_on(async {
        let client = client(&kubeconfig).await;
        let resource = istio_operators(&client, "istio-system")
            .get("mesh")
            .await
            .expect("init -f applied the resource");
        // As written, not merged with its profile.
        assert_eq!(resource.data["spec"], json!({"profile": "minimal"}));
    });

    // Without -y and without a terminal: refused.
    assert_code(&meshctl(&kubeconfig, &["operator", "remove"]), 1);
    let removed = meshctl(&kubeconfig, &["operator", "remove", "-y"]);
    assert_code(&removed, 0);
    assert!(
        !stderr(&removed).contains("CustomResourceDefinition"),
        "{}",
        stderr(&removed)
    );
    runtime().block_on(async {
        let client = client(&kubeconfig).await;
        assert_eq!(
            labelled_objects(&client).await,
            ["CustomResourceDefinition /istiooperators.install.istio.io"]
        );
        assert!(
            istio_operators(&client, "istio-system")
                .get_opt("mesh")
                .await
                .expect("get")
                .is_some(),
            "the IstioOperator resource stays"
        );
        assert!(!namespace_exists(&client, "istio-operator").await);
        assert!(namespace_exists(&client, "istio-system").await);
    });

    // Back again, with the controller's finalizer on the resource (no controller runs here, so
    // deleting the resource — or its CRD — would wait forever unless purge releases it).
    assert_code(&meshctl(&kubeconfig, &["operator", "init"]), 0);
    runtime().block_on(async {
        let client = client(&kubeconfig).await;
        istio_operators(&client, "istio-system")
            .patch(
                "mesh",
                &PatchParams::default(),
                &Patch::Merge(json!({"metadata": {"finalizers": [FINALIZER]}})),
            )
            .await
            .expect("add the finalizer");
        // The Lease a running controller would have taken.
        let lease: Api<k8s_openapi::api::coordination::v1::Lease> =
            Api::namespaced(client.clone(), "istio-operator");
        let taken: k8s_openapi::api::coordination::v1::Lease =
            serde_json::from_value(json!({"metadata": {"name": NAME}, "spec": {}})).expect("lease");
        lease
            .create(&PostParams::default(), &taken)
            .await
            .expect("create the lease");
    });
    let purged = meshctl(
        &kubeconfig,
        &["operator", "remove", "--purge", "-y", "--timeout=60s"],
    );
    assert_code(&purged, 0);
    let text = stderr(&purged);
    assert!(
        text.contains("delete  IstioOperator `istio-system/mesh`"),
        "{text}"
    );
    assert!(
        text.contains("delete  Lease `istio-operator/meshctl-operator`"),
        "{text}"
    );
    runtime().block_on(async {
        let client = client(&kubeconfig).await;
        assert!(!crd_exists(&client).await, "the CRD is gone");
        assert_eq!(labelled_objects(&client).await, Vec::<String>::new());
        assert!(!namespace_exists(&client, "istio-operator").await);
        assert!(
            namespace_exists(&client, "istio-system").await,
            "istio-system stays"
        );
        let lease: Api<k8s_openapi::api::coordination::v1::Lease> =
            Api::namespaced(client.clone(), "istio-operator");
        assert!(lease.get_opt(NAME).await.expect("get lease").is_none());
    });
}

/// A copy of the admin kubeconfig that impersonates the operator's `ServiceAccount`, so the
/// binary runs with exactly the RBAC `init` grants.
fn operator_kubeconfig(admin: &Path, directory: &Path) -> PathBuf {
    let source = meshctl::yaml::Source("kubeconfig".into());
    let text = std::fs::read_to_string(admin).expect("read kubeconfig");
    let mut config = meshctl::yaml::parse_value(&text, &source).expect("parse kubeconfig");
    for user in config["users"].as_array_mut().expect("users") {
        user["user"]["as"] = json!(format!("system:serviceaccount:istio-operator:{NAME}"));
    }
    let path = directory.join("operator.kubeconfig");
    std::fs::write(&path, meshctl::yaml::value_to_string(&config)).expect("write kubeconfig");
    path
}

#[test]
#[ignore = "needs a cluster"]
fn the_operators_rbac_is_enough_to_install_and_uninstall_everything() {
    let (kubeconfig, _lock) = clean_cluster();
    assert_code(&meshctl(&kubeconfig, &["uninstall", "--purge", "-y"]), 0);
    assert_code(&meshctl(&kubeconfig, &["operator", "init"]), 0);
    let directory = tempfile::tempdir().expect("temporary directory");
    let operator = operator_kubeconfig(&kubeconfig, directory.path());
    // Every component and the optional kinds: CRDs, istiod's roles (escalate, bind), CNI and
    // ztunnel DaemonSets, gateways, HPA, PDB, network policies, resource quotas.
    let install = meshctl(
        &operator,
        &[
            "install",
            "-y",
            "--readiness-timeout=120s",
            "--set",
            "profile=ambient",
            "--set",
            "components.ingressGateways[0].name=istio-ingressgateway",
            "--set",
            "components.ingressGateways[0].enabled=true",
            "--set",
            "components.egressGateways[0].name=istio-egressgateway",
            "--set",
            "components.egressGateways[0].enabled=true",
            "--set",
            "values.global.networkPolicy.enabled=true",
            "--set",
            "values.cni.resourceQuotas.enabled=true",
            "--set",
            "values.pilot.autoscaleMin=2",
        ],
    );
    assert_code(&install, 0);
    // Proof that the ServiceAccount, not the admin, did it: it may not read secrets.
    assert!(
        stderr(&install).contains("Secret (forbidden to list)"),
        "{}",
        stderr(&install)
    );
    let uninstall = meshctl(&operator, &["uninstall", "-r", "default", "-y"]);
    assert_code(&uninstall, 0);
    // The operator may not delete CRDs; the admin cleans up.
    let purge = meshctl(&operator, &["uninstall", "--purge", "-y"]);
    assert_code(&purge, 1);
    assert!(
        stderr(&purge).contains("may not delete customresourcedefinitions"),
        "{}",
        stderr(&purge)
    );
    assert_code(&meshctl(&kubeconfig, &["uninstall", "--purge", "-y"]), 0);
}
