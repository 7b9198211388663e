//! The operator's controller against a real API server: `meshctl operator run`, the very code the
//! image runs, started as a process out of the cluster with the operator service account's own
//! token — so every test also proves that the RBAC `operator init` writes is enough.
//!
//! Each needs a cluster and is ignored unless asked for (`--include-ignored` with
//! `MESHCTL_TEST_KUBECONFIG`; see tests/common/cluster.rs). Each test starts from a cluster
//! without Istio and without the operator, then runs `meshctl operator init`.
//!
//! Waits are bounded ("eventually, within N seconds") so that a broken controller fails the test
//! instead of hanging it; they are not speed assertions — testenv/bench-operator measures those.

#[path = "common/cluster.rs"]
mod common;
#[path = "common/health.rs"]
mod health;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::MutexGuard;
use std::time::Duration;

use common::{
    OPERATOR_NAMESPACE, Operator, WATCHED, assert_code, client, eventually, kubeconfig, lock,
    meshctl, remove_operator_and_mesh, runtime, write_service_account_kubeconfig,
};

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::authorization::v1::{
    ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec,
};
use k8s_openapi::api::coordination::v1::Lease;
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::Client;
use kube::api::{Api, DeleteParams, DynamicObject, ListParams, Patch, PatchParams, PostParams};
use meshctl::cluster::Ownership;
use meshctl::operator::controller::istio_operator_resource;
use meshctl::operator::{FINALIZER, NAME};
use serde_json::{Value, json};

/// Bounds for "eventually": generous, so a loaded CI machine does not fail a correct controller.
const SETTLE: Duration = Duration::from_secs(120);

/// A cluster with neither Istio nor the operator, then `operator init`: the admin kubeconfig, a
/// kubeconfig with the operator's service-account token, and the lock that keeps tests apart.
struct Setup {
    admin: PathBuf,
    operator: PathBuf,
    _directory: tempfile::TempDir,
    _lock: MutexGuard<'static, ()>,
}

fn setup() -> Setup {
    setup_watching(&[WATCHED])
}

/// [`setup`] with the operator's RBAC and Deployment for these watched namespaces.
fn setup_watching(namespaces: &[&str]) -> Setup {
    let admin = kubeconfig();
    let lock = lock();
    remove_operator_and_mesh(&admin);
    assert_code(
        &meshctl(
            &admin,
            &[
                "operator",
                "init",
                "--watchedNamespaces",
                &namespaces.join(","),
            ],
        ),
        0,
    );
    let directory = tempfile::tempdir().expect("temporary directory");
    let operator = directory.path().join("operator.kubeconfig");
    write_service_account_kubeconfig(&admin, &operator);
    Setup {
        admin,
        operator,
        _directory: directory,
        _lock: lock,
    }
}

fn resources(client: &Client) -> Api<DynamicObject> {
    Api::namespaced_with(client.clone(), WATCHED, &istio_operator_resource())
}

async fn apply_resource(client: &Client, name: &str, spec: Value) {
    let body = json!({
        "apiVersion": "install.istio.io/v1alpha1",
        "kind": "IstioOperator",
        "metadata": { "name": name, "namespace": WATCHED },
        "spec": spec,
    });
    resources(client)
        .patch(
            name,
            &PatchParams::apply("tests").force(),
            &Patch::Apply(&body),
        )
        .await
        .expect("apply IstioOperator");
}

async fn merge_spec(client: &Client, name: &str, spec: Value) -> i64 {
    let patched = resources(client)
        .patch(
            name,
            &PatchParams::default(),
            &Patch::Merge(&json!({ "spec": spec })),
        )
        .await
        .expect("patch IstioOperator");
    patched.metadata.generation.expect("generation")
}

/// The resource's status once its `status.status` is `wanted` for its current generation.
async fn status_when(client: &Client, name: &str, wanted: &str) -> Value {
    status_in(&resources(client), name, wanted).await
}

/// [`status_when`] for a resource of `api` (any namespace).
async fn status_in(api: &Api<DynamicObject>, name: &str, wanted: &str) -> Value {
    eventually(&format!("IstioOperator `{name}` {wanted}"), SETTLE, || {
        let api = api.clone();
        async move {
            let resource = api.get(name).await.ok()?;
            let status = resource.data.get("status")?.clone();
            (status["status"] == wanted
                && status["observedGeneration"].as_i64() == resource.metadata.generation)
                .then_some(status)
        }
    })
    .await
}

async fn deployment(client: &Client, name: &str) -> Option<Deployment> {
    Api::<Deployment>::namespaced(client.clone(), WATCHED)
        .get_opt(name)
        .await
        .expect("get Deployment")
}

async fn event_reasons(client: &Client, name: &str) -> Vec<String> {
    common::events_about(client, WATCHED, name)
        .await
        .into_iter()
        .filter_map(|e| e.reason)
        .collect()
}

/// The notes of the events of one reason about the resource `name`.
async fn event_notes(client: &Client, name: &str, reason: &str) -> Vec<String> {
    common::events_about(client, WATCHED, name)
        .await
        .into_iter()
        .filter(|e| e.reason.as_deref() == Some(reason))
        .filter_map(|e| e.note)
        .collect()
}

/// Every live object an `IstioOperator` of this name installed.
async fn owned_by(client: &Client, name: &str) -> Vec<String> {
    let ownership = Ownership {
        revision: None,
        owning_resource: Some(name.to_string()),
        include_opted_out: true,
    };
    common::owned_objects(client, &ownership, false).await
}

async fn lease_holder(client: &Client) -> Option<String> {
    Api::<Lease>::namespaced(client.clone(), OPERATOR_NAMESPACE)
        .get_opt(NAME)
        .await
        .expect("get Lease")?
        .spec?
        .holder_identity
        .filter(|h| !h.is_empty())
}

/// One plain HTTP/1.1 GET, the whole response.
fn http_get(address: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(address) else {
        return String::new();
    };
    let _ = write!(stream, "GET {path} HTTP/1.1\r\nHost: probe\r\n\r\n");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response
}

fn image(deployment: &Deployment) -> String {
    deployment
        .spec
        .template
        .spec
        .as_ref()
        .and_then(|s| s.containers.first())
        .and_then(|c| c.image.clone())
        .unwrap_or_default()
}

#[test]
#[ignore = "needs a cluster"]
fn the_operator_installs_repairs_follows_edits_and_uninstalls() {
    let setup = setup();
    let directory = tempfile::tempdir().expect("temporary directory");
    let mut operator = Operator::start(&setup.operator, "replica-a", directory.path(), &[]);
    runtime().block_on(async {
        let admin = client(&setup.admin).await;

        // The operator answers its probes once it found the CRD.
        let address = eventually("the probe address in the log", SETTLE, || async {
            let log = operator.log();
            let start = log.find("serving /healthz and /readyz address=")?;
            let rest = &log[start + "serving /healthz and /readyz address=".len()..];
            Some(rest.split_whitespace().next()?.to_string())
        })
        .await;
        eventually("/readyz answers 200", SETTLE, || async {
            http_get(&address, "/readyz")
                .starts_with("HTTP/1.1 200")
                .then_some(())
        })
        .await;
        assert!(http_get(&address, "/healthz").starts_with("HTTP/1.1 200"));

        // `operator init -f` applies the resource → components appear, status Healthy,
        // finalizer set, events written.
        let file = directory.path().join("example.yaml");
        std::fs::write(
            &file,
            "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\n\
             metadata:\n  name: example\n  namespace: istio-system\nspec:\n  profile: minimal\n",
        )
        .expect("write resource");
        let file = file.to_string_lossy().into_owned();
        assert_code(
            &meshctl(
                &setup.admin,
                &[
                    "operator",
                    "init",
                    "--watchedNamespaces",
                    WATCHED,
                    "-f",
                    &file,
                ],
            ),
            0,
        );
        let status = status_when(&admin, "example", "HEALTHY").await;
        assert_eq!(
            status["componentStatus"]["Pilot"]["status"], "HEALTHY",
            "{status}"
        );
        assert_eq!(
            status["componentStatus"]["Base"]["status"], "HEALTHY",
            "{status}"
        );
        let ready = status["conditions"]
            .as_array()
            .and_then(|c| c.iter().find(|c| c["type"] == "Ready"))
            .expect("Ready condition");
        assert_eq!(ready["status"], "True");
        let istiod = deployment(&admin, "istiod")
            .await
            .expect("istiod installed");
        // What `install` leaves beyond the render (issue 10): the default revision tag, owned by
        // the resource, so that deleting it removes the tag too (checked below).
        let owned = owned_by(&admin, "example").await;
        for expected in [
            "MutatingWebhookConfiguration `istio-revision-tag-default`",
            "ValidatingWebhookConfiguration `istiod-default-validator`",
            "Service `istio-system/istiod-revision-tag-default`",
        ] {
            assert!(
                owned.iter().any(|o| o == expected),
                "{expected} not in {owned:?}"
            );
        }
        let resource = resources(&admin).get("example").await.expect("resource");
        assert!(
            resource
                .metadata
                .finalizers
                .unwrap_or_default()
                .contains(&FINALIZER.to_string())
        );
        assert!(
            event_reasons(&admin, "example")
                .await
                .contains(&"Installed".to_string())
        );

        // Drift: an owned Deployment deleted → recreated.
        let old_uid = istiod.metadata.uid.clone();
        Api::<Deployment>::namespaced(admin.clone(), WATCHED)
            .delete("istiod", &DeleteParams::background())
            .await
            .expect("delete istiod");
        eventually("istiod recreated after deletion", SETTLE, || async {
            deployment(&admin, "istiod")
                .await
                .filter(|d| d.metadata.uid != old_uid)
        })
        .await;
        // ...by re-applying that one object from the set the install applied, not by planning
        // the whole install again (whose event would count what it planned: `1 to create`).
        let targeted = format!("re-applied Deployment `{WATCHED}/istiod` (deleted)");
        eventually("a targeted DriftRepaired event", SETTLE, || async {
            let notes = event_notes(&admin, "example", "DriftRepaired").await;
            notes.iter().any(|n| n.ends_with(&targeted)).then_some(())
        })
        .await;

        // Drift: an owned field changed by someone else → changed back.
        let wanted = image(&deployment(&admin, "istiod").await.expect("istiod"));
        let intrusion = json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": { "name": "istiod", "namespace": WATCHED },
            "spec": { "template": { "spec": { "containers": [
                { "name": "discovery", "image": "example.invalid/changed:1" } ] } } },
        });
        Api::<Deployment>::namespaced(admin.clone(), WATCHED)
            .patch(
                "istiod",
                &PatchParams::apply("intruder").force(),
                &Patch::Apply(&intrusion),
            )
            .await
            .expect("change istiod's image");
        eventually("istiod's image restored", SETTLE, || async {
            deployment(&admin, "istiod")
                .await
                .filter(|d| image(d) == wanted)
        })
        .await;
        // The event follows the repair, once the repaired Deployment is ready again.
        eventually("a DriftRepaired event", SETTLE, || async {
            event_reasons(&admin, "example")
                .await
                .contains(&"DriftRepaired".to_string())
                .then_some(())
        })
        .await;

        // Edit: enable the egress gateway → applied.
        merge_spec(
            &admin,
            "example",
            json!({ "components": { "egressGateways": [
                { "name": "istio-egressgateway", "enabled": true } ] } }),
        )
        .await;
        let status = status_when(&admin, "example", "HEALTHY").await;
        assert_eq!(
            status["componentStatus"]["EgressGateways"]["status"], "HEALTHY",
            "{status}"
        );
        assert!(deployment(&admin, "istio-egressgateway").await.is_some());

        // Edit: switch profile (and drop the egress gateway) → applied and pruned.
        merge_spec(
            &admin,
            "example",
            json!({ "profile": "default", "components": { "egressGateways": null } }),
        )
        .await;
        let status = status_when(&admin, "example", "HEALTHY").await;
        assert!(deployment(&admin, "istio-ingressgateway").await.is_some());
        assert!(
            deployment(&admin, "istio-egressgateway").await.is_none(),
            "pruned"
        );
        assert!(
            status["componentStatus"].get("EgressGateways").is_none(),
            "{status}"
        );

        // Invalid edit (with a valid change beside it) → Error, and nothing of it applied.
        merge_spec(
            &admin,
            "example",
            json!({ "components": {
                "pilot": { "k8s": { "replicaCount": "two" } },
                "egressGateways": [ { "name": "istio-egressgateway", "enabled": true } ] } }),
        )
        .await;
        let status = status_when(&admin, "example", "ERROR").await;
        let message = status["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("components.pilot.k8s.replicaCount"),
            "{message}"
        );
        assert!(
            deployment(&admin, "istio-egressgateway").await.is_none(),
            "nothing applied"
        );
        assert!(
            event_reasons(&admin, "example")
                .await
                .contains(&"InvalidSpec".to_string())
        );

        // Fixed → Healthy again.
        merge_spec(
            &admin,
            "example",
            json!({ "components": { "pilot": { "k8s": { "replicaCount": 1 } } } }),
        )
        .await;
        status_when(&admin, "example", "HEALTHY").await;
        assert!(deployment(&admin, "istio-egressgateway").await.is_some());

        // Deleted → components gone, finalizer released, CRDs kept.
        resources(&admin)
            .delete("example", &DeleteParams::default())
            .await
            .expect("delete resource");
        eventually("IstioOperator `example` gone", SETTLE, || async {
            resources(&admin)
                .get_opt("example")
                .await
                .expect("get")
                .is_none()
                .then_some(())
        })
        .await;
        let left = owned_by(&admin, "example").await;
        assert!(left.is_empty(), "left behind: {left:?}");
        let crds: Api<CustomResourceDefinition> = Api::all(admin.clone());
        assert!(
            crds.get_opt("virtualservices.networking.istio.io")
                .await
                .expect("get CRD")
                .is_some(),
            "CRDs are never removed by the operator"
        );
    });

    // SIGTERM → a clean exit that gives the Lease up.
    let status = operator.terminate();
    assert!(status.success(), "exit {status:?}:\n{}", operator.log());
    // Every request the controller made was allowed: its RBAC is complete for this scenario.
    let log = operator.log();
    assert!(!log.contains("forbidden"), "{log}");
    runtime().block_on(async {
        let admin = client(&setup.admin).await;
        assert_eq!(lease_holder(&admin).await, None, "Lease released");
    });
}

#[test]
#[ignore = "needs a cluster"]
fn of_two_replicas_one_leads_and_the_other_takes_over_when_it_stops() {
    let setup = setup();
    let directory = tempfile::tempdir().expect("temporary directory");
    let mut first = Operator::start(&setup.operator, "replica-a", directory.path(), &[]);
    let mut second = Operator::start(&setup.operator, "replica-b", directory.path(), &[]);
    runtime().block_on(async {
        let admin = client(&setup.admin).await;
        let leader = eventually("a Lease holder", SETTLE, || lease_holder(&admin)).await;
        eventually("both replicas decided", SETTLE, || async {
            (first.log().contains("became leader") || first.log().contains("standing by"))
                .then_some(())
                .filter(|()| {
                    second.log().contains("became leader") || second.log().contains("standing by")
                })
        })
        .await;
        let (leading, standing) = if leader == "replica-a" {
            (&mut first, &mut second)
        } else {
            (&mut second, &mut first)
        };
        assert!(leading.log().contains("became leader"), "{}", leading.log());
        assert!(
            !standing.log().contains("became leader"),
            "{}",
            standing.log()
        );

        apply_resource(&admin, "example", json!({ "profile": "minimal" })).await;
        status_when(&admin, "example", "HEALTHY").await;
        assert!(leading.log().contains("installed:"), "{}", leading.log());
        assert!(
            !standing.log().contains("installed:"),
            "only the leader acts:\n{}",
            standing.log()
        );

        // The leader stops; the Lease it released goes to the other replica, which then acts.
        let status = leading.terminate();
        assert!(status.success(), "{status:?}");
        let successor = standing.identity.clone();
        eventually("the other replica holds the Lease", SETTLE, || async {
            lease_holder(&admin).await.filter(|h| *h == successor)
        })
        .await;
        let old_uid = deployment(&admin, "istiod")
            .await
            .and_then(|d| d.metadata.uid);
        Api::<Deployment>::namespaced(admin.clone(), WATCHED)
            .delete("istiod", &DeleteParams::background())
            .await
            .expect("delete istiod");
        eventually("istiod recreated by the new leader", SETTLE, || async {
            deployment(&admin, "istiod")
                .await
                .filter(|d| d.metadata.uid != old_uid)
        })
        .await;

        resources(&admin)
            .delete("example", &DeleteParams::default())
            .await
            .expect("delete resource");
        eventually("IstioOperator `example` gone", SETTLE, || async {
            resources(&admin)
                .get_opt("example")
                .await
                .expect("get")
                .is_none()
                .then_some(())
        })
        .await;
        let status = standing.terminate();
        assert!(status.success(), "{status:?}");
    });
}

#[test]
#[ignore = "needs a cluster"]
fn an_invalid_resource_is_an_error_and_installs_nothing() {
    let setup = setup();
    let directory = tempfile::tempdir().expect("temporary directory");
    let mut operator = Operator::start(&setup.operator, "replica-a", directory.path(), &[]);
    runtime().block_on(async {
        let admin = client(&setup.admin).await;
        apply_resource(
            &admin,
            "broken",
            json!({ "profile": "minimal", "values": { "global": { "hubx": "example.com" } } }),
        )
        .await;
        let status = status_when(&admin, "broken", "ERROR").await;
        let message = status["message"].as_str().unwrap_or_default();
        assert!(message.contains("values.global.hubx"), "{message}");
        assert!(message.contains("did you mean `hub`"), "{message}");
        assert!(
            deployment(&admin, "istiod").await.is_none(),
            "nothing applied"
        );
        assert!(owned_by(&admin, "broken").await.is_empty());
        // Deleting it is not held up: there is nothing to uninstall.
        resources(&admin)
            .delete("broken", &DeleteParams::default())
            .await
            .expect("delete resource");
        eventually("IstioOperator `broken` gone", SETTLE, || async {
            resources(&admin)
                .get_opt("broken")
                .await
                .expect("get")
                .is_none()
                .then_some(())
        })
        .await;
    });
    assert!(operator.terminate().success());
}

#[test]
#[ignore = "needs a cluster"]
fn the_service_account_may_do_what_installing_needs_and_no_more() {
    let setup = setup();
    runtime().block_on(async {
        let operator = client(&setup.operator).await;
        let can = |verb: &str, group: &str, resource: &str, namespace: Option<&str>| {
            // `resource` may name one object: `leases/meshctl-operator`.
            let (resource, name) = match resource.split_once('/') {
                Some((r, n)) if r == "leases" => (r, Some(n.to_string())),
                _ => (resource, None),
            };
            let review = SelfSubjectAccessReview {
                spec: SelfSubjectAccessReviewSpec {
                    resource_attributes: Some(ResourceAttributes {
                        verb: Some(verb.into()),
                        group: Some(group.into()),
                        resource: Some(resource.into()),
                        name,
                        namespace: namespace.map(str::to_string),
                        ..ResourceAttributes::default()
                    }),
                    ..SelfSubjectAccessReviewSpec::default()
                },
                ..SelfSubjectAccessReview::default()
            };
            let api: Api<SelfSubjectAccessReview> = Api::all(operator.clone());
            async move {
                api.create(&PostParams::default(), &review)
                    .await
                    .expect("access review")
                    .status
                    .is_some_and(|s| s.allowed)
            }
        };
        // What reconciling needs.
        assert!(can("create", "apps", "deployments", Some(WATCHED)).await);
        assert!(can("patch", "apps", "deployments", Some("other")).await);
        assert!(can("delete", "rbac.authorization.k8s.io", "clusterroles", None).await);
        assert!(
            can(
                "patch",
                "apiextensions.k8s.io",
                "customresourcedefinitions",
                None
            )
            .await
        );
        assert!(can("watch", "install.istio.io", "istiooperators", Some(WATCHED)).await);
        assert!(
            can(
                "patch",
                "install.istio.io",
                "istiooperators/status",
                Some(WATCHED)
            )
            .await
        );
        assert!(
            can(
                "update",
                "coordination.k8s.io",
                "leases/meshctl-operator",
                Some(OPERATOR_NAMESPACE)
            )
            .await
        );
        assert!(
            !can(
                "update",
                "coordination.k8s.io",
                "leases/another",
                Some(OPERATOR_NAMESPACE)
            )
            .await,
            "only its own Lease"
        );
        // What it must not do.
        assert!(
            !can("list", "", "secrets", Some(WATCHED)).await,
            "no Secrets"
        );
        assert!(
            !can("get", "", "secrets", Some("kube-system")).await,
            "no Secrets"
        );
        assert!(
            !can(
                "delete",
                "apiextensions.k8s.io",
                "customresourcedefinitions",
                None
            )
            .await,
            "the operator never removes CRDs"
        );
        assert!(
            !can("delete", "", "namespaces", None).await,
            "never deletes namespaces"
        );
        assert!(
            !can("get", "install.istio.io", "istiooperators", Some("default")).await,
            "only the watched namespaces' resources"
        );
        assert!(!can("create", "", "pods", Some(WATCHED)).await);
        assert!(
            !can(
                "update",
                "coordination.k8s.io",
                "leases/meshctl-operator",
                Some("kube-system")
            )
            .await
        );
    });
}

#[test]
#[ignore = "needs a cluster"]
fn run_without_the_crd_says_to_run_init() {
    let admin = kubeconfig();
    let _lock = lock();
    assert_code(
        &meshctl(&admin, &["operator", "remove", "--purge", "-y"]),
        0,
    );
    let output = meshctl(&admin, &["operator", "run", "--identity", "no-crd"]);
    assert_ne!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("does not serve install.istio.io/v1alpha1 IstioOperator"),
        "{stderr}"
    );
    assert!(stderr.contains("meshctl operator init"), "{stderr}");
}

// ------------------------------------------------------------- what Argo CD and Flux read

/// The rules themselves, on statuses written by hand: each state the operator can be in, and
/// the shape Istio's own operator wrote.
#[test]
fn argo_cd_and_kstatus_rules_read_hand_written_statuses() {
    let with = |status: Value| json!({ "metadata": { "generation": 2 }, "status": status });
    let condition = |type_: &str, status: &str| json!({ "type": type_, "status": status });
    let healthy = with(
        json!({ "status": "HEALTHY", "observedGeneration": 2, "conditions": [
        condition("Ready", "True"), condition("Reconciling", "False"), condition("Stalled", "False")] }),
    );
    assert_eq!(
        (health::argo_cd(&healthy), health::kstatus(&healthy)),
        ("Healthy", "Current")
    );
    let updating = with(
        json!({ "status": "UPDATING", "observedGeneration": 2, "conditions": [
        condition("Ready", "False"), condition("Reconciling", "True"), condition("Stalled", "False")] }),
    );
    assert_eq!(
        (health::argo_cd(&updating), health::kstatus(&updating)),
        ("Progressing", "InProgress")
    );
    let invalid = with(
        json!({ "status": "ERROR", "observedGeneration": 2, "conditions": [
        condition("Ready", "False"), condition("Reconciling", "False"), condition("Stalled", "True")] }),
    );
    assert_eq!(
        (health::argo_cd(&invalid), health::kstatus(&invalid)),
        ("Degraded", "Failed")
    );
    // Healthy for an older generation: Argo CD does not look, kstatus waits.
    let stale = with(json!({ "status": "HEALTHY", "observedGeneration": 1 }));
    assert_eq!(
        (health::argo_cd(&stale), health::kstatus(&stale)),
        ("Healthy", "InProgress")
    );
    let mut deleting = healthy.clone();
    deleting["metadata"]["deletionTimestamp"] = json!("2026-12-05T08:00:00Z");
    assert_eq!(
        (health::argo_cd(&deleting), health::kstatus(&deleting)),
        ("Progressing", "Terminating")
    );
    // No status yet; Istio's numeric enum; meshctl's old `phase`, which Argo CD never understood.
    assert_eq!(health::argo_cd(&json!({})), "Progressing");
    assert_eq!(health::argo_cd(&with(json!({ "status": 3 }))), "Healthy");
    assert_eq!(health::argo_cd(&with(json!({ "status": 0 }))), "Unknown");
    assert_eq!(
        health::argo_cd(&with(json!({ "phase": "Healthy" }))),
        "Progressing"
    );
}

/// `kubectl` as a user runs it, against the admin kubeconfig.
fn kubectl(admin: &std::path::Path, arguments: &[&str]) -> std::process::Output {
    std::process::Command::new("kubectl")
        .args(arguments)
        .arg("--kubeconfig")
        .arg(admin)
        .env_remove("KUBECONFIG")
        .output()
        .expect("kubectl runs (it is on PATH where the cluster tests run)")
}

/// The whole live resource, as Argo CD and Flux see it.
async fn live(client: &Client, name: &str) -> Value {
    serde_json::to_value(
        resources(client)
            .get(name)
            .await
            .expect("get IstioOperator"),
    )
    .expect("json")
}

#[test]
#[ignore = "needs a cluster"]
fn argo_cd_and_flux_read_the_status_the_operator_writes() {
    let setup = setup();
    let directory = tempfile::tempdir().expect("temporary directory");
    // A short readiness timeout: the unschedulable edit below fails after it instead of 300s.
    let mut operator = Operator::start(
        &setup.operator,
        "replica-a",
        directory.path(),
        &["--readiness-timeout", "20s"],
    );
    runtime().block_on(async {
        let admin = client(&setup.admin).await;

        // Installed: Healthy / Current, `kubectl wait --for=condition=Ready` returns, and
        // `kubectl get iop` shows Istio's status column.
        apply_resource(&admin, "example", json!({ "profile": "minimal" })).await;
        let status = status_when(&admin, "example", "HEALTHY").await;
        assert_eq!(status["componentStatus"]["Pilot"]["status"], "HEALTHY", "{status}");
        let resource = live(&admin, "example").await;
        assert_eq!(health::argo_cd(&resource), "Healthy", "{resource}");
        assert_eq!(health::kstatus(&resource), "Current", "{resource}");
        let wait = kubectl(
            &setup.admin,
            &["wait", "--for=condition=Ready", "--timeout=10s", "-n", WATCHED, "iop/example"],
        );
        assert!(wait.status.success(), "{}", String::from_utf8_lossy(&wait.stderr));
        let table = kubectl(&setup.admin, &["get", "iop", "-n", WATCHED, "example"]);
        let table = String::from_utf8_lossy(&table.stdout).into_owned();
        let mut lines = table.lines();
        let header: Vec<&str> = lines.next().unwrap_or_default().split_whitespace().collect();
        let row: Vec<&str> = lines.next().unwrap_or_default().split_whitespace().collect();
        // No revision: the column is empty, so the row has one field fewer than the header.
        assert_eq!(header, ["NAME", "REVISION", "STATUS", "RELEASE", "AGE"], "{table}");
        assert_eq!(row.get(1), Some(&"HEALTHY"), "{table}");
        assert_eq!(row.get(2), Some(&meshctl::release::newest().version.as_str()), "{table}");
        let jsonpath = kubectl(
            &setup.admin,
            &["get", "iop", "-n", WATCHED, "example", "-o", "jsonpath={.status.status}"],
        );
        assert_eq!(String::from_utf8_lossy(&jsonpath.stdout), "HEALTHY");

        // Reconciling: an edit whose istiod pod can never be scheduled keeps the resource
        // UPDATING (applied, waiting for readiness) for its current generation.
        let generation = merge_spec(
            &admin,
            "example",
            json!({ "components": { "pilot": { "k8s": {
                "nodeSelector": { "meshctl.test/nowhere": "true" } } } } }),
        )
        .await;
        let reconciling = eventually("the edit being reconciled", SETTLE, || async {
            let resource = live(&admin, "example").await;
            let status = &resource["status"];
            (status["observedGeneration"].as_i64() == Some(generation)
                && (status["status"] == "UPDATING" || status["status"] == "RECONCILING"))
                .then_some(resource)
        })
        .await;
        assert_eq!(health::argo_cd(&reconciling), "Progressing", "{reconciling}");
        assert_eq!(health::kstatus(&reconciling), "InProgress", "{reconciling}");
        merge_spec(
            &admin,
            "example",
            json!({ "components": { "pilot": { "k8s": { "nodeSelector": null } } } }),
        )
        .await;
        status_when(&admin, "example", "HEALTHY").await;

        // Invalid: Degraded / Failed (Stalled), nothing applied.
        apply_resource(
            &admin,
            "broken",
            json!({ "profile": "minimal", "components": { "pilot": { "k8s": { "replicaCount": "two" } } } }),
        )
        .await;
        status_when(&admin, "broken", "ERROR").await;
        let broken = live(&admin, "broken").await;
        assert_eq!(health::argo_cd(&broken), "Degraded", "{broken}");
        assert_eq!(health::kstatus(&broken), "Failed", "{broken}");
        resources(&admin)
            .delete("broken", &DeleteParams::default())
            .await
            .expect("delete broken");
        eventually("IstioOperator `broken` gone", SETTLE, || async {
            resources(&admin).get_opt("broken").await.expect("get").is_none().then_some(())
        })
        .await;
    });

    // Deleting: with the operator stopped, the finalizer holds the resource in deletion —
    // Progressing / Terminating — until an operator runs again and uninstalls.
    assert!(operator.terminate().success(), "{}", operator.log());
    runtime().block_on(async {
        let admin = client(&setup.admin).await;
        resources(&admin)
            .delete("example", &DeleteParams::default())
            .await
            .expect("delete example");
        let deleting = live(&admin, "example").await;
        assert_eq!(health::argo_cd(&deleting), "Progressing", "{deleting}");
        assert_eq!(health::kstatus(&deleting), "Terminating", "{deleting}");
    });
    let mut successor = Operator::start(&setup.operator, "replica-b", directory.path(), &[]);
    runtime().block_on(async {
        let admin = client(&setup.admin).await;
        eventually(
            "IstioOperator `example` uninstalled and gone",
            SETTLE,
            || async {
                resources(&admin)
                    .get_opt("example")
                    .await
                    .expect("get")
                    .is_none()
                    .then_some(())
            },
        )
        .await;
        assert!(owned_by(&admin, "example").await.is_empty());
    });
    assert!(successor.terminate().success());
}

// ------------------------------------------------------------- Istio's own operator (≤ 1.23)

const ISTIO_FINALIZER: &str = "istio-finalizer.install.istio.io";
const LEGACY: &str = "istio-operator";
const LEGACY_RESOURCE: &str = "example-istiocontrolplane";

/// Istio's operator as its 1.23 chart (`manifests/charts/istio-operator`) and `istioctl operator
/// init` left it: namespace, `ServiceAccount`, `ClusterRole`, `ClusterRoleBinding`, `Service`, `Deployment`
/// (pods `name=istio-operator`), and Istio's CRD with its schema that keeps every field.
fn legacy_objects() -> Vec<Value> {
    vec![
        json!({"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": {"name": "istiooperators.install.istio.io", "labels": {"release": "istio"}},
            "spec": {"conversion": {"strategy": "None"}, "group": "install.istio.io",
                "names": {"kind": "IstioOperator", "listKind": "IstioOperatorList",
                    "plural": "istiooperators", "singular": "istiooperator",
                    "shortNames": ["iop", "io"]},
                "scope": "Namespaced",
                "versions": [{"name": "v1alpha1", "served": true, "storage": true,
                    "subresources": {"status": {}},
                    "additionalPrinterColumns": [
                        {"name": "Revision", "type": "string", "jsonPath": ".spec.revision"},
                        {"name": "Status", "type": "string", "jsonPath": ".status.status"},
                        {"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"}],
                    "schema": {"openAPIV3Schema": {"type": "object",
                        "x-kubernetes-preserve-unknown-fields": true}}}]}}),
        json!({"apiVersion": "v1", "kind": "ServiceAccount",
            "metadata": {"name": LEGACY, "namespace": OPERATOR_NAMESPACE}}),
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
            "metadata": {"name": LEGACY},
            "rules": [{"apiGroups": ["install.istio.io"], "resources": ["istiooperators",
                "istiooperators/status"], "verbs": ["get", "list", "watch", "update", "patch"]}]}),
        json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
            "metadata": {"name": LEGACY},
            "subjects": [{"kind": "ServiceAccount", "name": LEGACY, "namespace": OPERATOR_NAMESPACE}],
            "roleRef": {"kind": "ClusterRole", "name": LEGACY, "apiGroup": "rbac.authorization.k8s.io"}}),
        json!({"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": LEGACY, "namespace": OPERATOR_NAMESPACE, "labels": {"name": LEGACY}},
            "spec": {"ports": [{"name": "http-metrics", "port": 8383, "targetPort": 8383}],
                "selector": {"name": LEGACY}}}),
        json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": LEGACY, "namespace": OPERATOR_NAMESPACE},
            "spec": {"replicas": 1, "selector": {"matchLabels": {"name": LEGACY}},
                "template": {"metadata": {"labels": {"name": LEGACY}},
                    "spec": {"serviceAccountName": LEGACY, "containers": [{
                        "name": LEGACY, "image": "docker.io/istio/operator:1.23.0",
                        "command": ["operator", "server"],
                        "env": [{"name": "WATCH_NAMESPACE", "value": WATCHED},
                            {"name": "LEADER_ELECTION_NAMESPACE", "value": OPERATOR_NAMESPACE},
                            {"name": "REVISION", "value": ""}]}]}}}}),
    ]
}

/// The `Api` for one of [`legacy_objects`].
fn legacy_api(client: &Client, object: &Value) -> Api<DynamicObject> {
    let (group, version) = match object["apiVersion"]
        .as_str()
        .unwrap_or_default()
        .split_once('/')
    {
        Some((group, version)) => (group.to_string(), version.to_string()),
        None => (
            String::new(),
            object["apiVersion"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        ),
    };
    let kind = object["kind"].as_str().unwrap_or_default();
    let plural = format!("{}s", kind.to_lowercase());
    let resource = kube::api::ApiResource::from_gvk_with_plural(
        &kube::api::GroupVersionKind::gvk(&group, &version, kind),
        &plural,
    );
    match object["metadata"]["namespace"].as_str() {
        Some(namespace) => Api::namespaced_with(client.clone(), namespace, &resource),
        None => Api::all_with(client.clone(), &resource),
    }
}

async fn legacy_exists(client: &Client, object: &Value) -> bool {
    let name = object["metadata"]["name"].as_str().unwrap_or_default();
    legacy_api(client, object)
        .get_opt(name)
        .await
        .expect("get")
        .is_some_and(|o| o.metadata.deletion_timestamp.is_none())
}

#[test]
#[ignore = "needs a cluster"]
fn init_takes_over_from_istios_own_operator_without_reinstalling_the_mesh() {
    let admin_path = kubeconfig();
    let _lock = lock();
    remove_operator_and_mesh(&admin_path);
    let directory = tempfile::tempdir().expect("temporary directory");
    runtime().block_on(async {
        let admin = client(&admin_path).await;
        // Leftovers of an earlier failed run.
        for object in legacy_objects().iter().rev() {
            let name = object["metadata"]["name"].as_str().unwrap_or_default();
            let _ = legacy_api(&admin, object)
                .delete(name, &DeleteParams::foreground())
                .await;
        }
        for object in legacy_objects() {
            eventually("leftovers gone", SETTLE, || async {
                (!legacy_exists(&admin, &object).await).then_some(())
            })
            .await;
        }
        let namespaces = Api::<k8s_openapi::api::core::v1::Namespace>::all(admin.clone());
        // Start without the operator namespace (`operator remove` keeps one it did not create,
        // such as an earlier run's), and wait until it is gone.
        let _ = namespaces
            .delete(OPERATOR_NAMESPACE, &DeleteParams::default())
            .await;
        eventually("the operator namespace gone", SETTLE, || async {
            namespaces
                .get_opt(OPERATOR_NAMESPACE)
                .await
                .expect("get namespace")
                .is_none()
                .then_some(())
        })
        .await;
        for namespace in [OPERATOR_NAMESPACE, WATCHED] {
            let body: k8s_openapi::api::core::v1::Namespace =
                serde_json::from_value(json!({"metadata": {"name": namespace}})).expect("ns");
            let _ = Api::<k8s_openapi::api::core::v1::Namespace>::all(admin.clone())
                .create(&PostParams::default(), &body)
                .await;
        }
        for object in legacy_objects() {
            let body: DynamicObject = serde_json::from_value(object.clone()).expect("object");
            legacy_api(&admin, &object)
                .create(&PostParams::default(), &body)
                .await
                .expect("create Istio's operator object");
        }
        let crds: Api<CustomResourceDefinition> = Api::all(admin.clone());
        eventually("Istio's CRD established", SETTLE, || async {
            let crd = crds.get("istiooperators.install.istio.io").await.ok()?;
            crd.status?
                .conditions?
                .iter()
                .any(|c| c.type_ == "Established" && c.status == "True")
                .then_some(())
        })
        .await;
        eventually("Istio's operator pod", SETTLE, || async {
            let pods = Api::<k8s_openapi::api::core::v1::Pod>::namespaced(
                admin.clone(),
                OPERATOR_NAMESPACE,
            )
            .list(&ListParams::default().labels("name=istio-operator"))
            .await
            .ok()?;
            (!pods.items.is_empty()).then_some(())
        })
        .await;
        // Its resource, with its finalizer and the status it wrote.
        let resource: DynamicObject = serde_json::from_value(json!({
            "apiVersion": "install.istio.io/v1alpha1", "kind": "IstioOperator",
            "metadata": {"name": LEGACY_RESOURCE, "namespace": WATCHED,
                "finalizers": [ISTIO_FINALIZER]},
            "spec": {"profile": "minimal", "meshConfig": {"accessLogFile": "/dev/stdout"}}}))
        .expect("resource");
        resources(&admin)
            .create(&PostParams::default(), &resource)
            .await
            .expect("create the resource");
        resources(&admin)
            .patch_status(
                LEGACY_RESOURCE,
                &PatchParams::default(),
                &Patch::Merge(json!({"status": {"status": "HEALTHY", "componentStatus": {
                    "Base": {"status": "HEALTHY"}, "Pilot": {"status": "HEALTHY"}}}})),
            )
            .await
            .expect("write the old status");
    });
    // The mesh it installed, labelled as owned by that resource (the labels Istio's operator
    // wrote are the ones meshctl writes).
    let file = directory.path().join("mesh.yaml");
    std::fs::write(
        &file,
        format!(
            "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: \
             {LEGACY_RESOURCE}\n  namespace: {WATCHED}\nspec:\n  profile: minimal\n  meshConfig:\n    \
             accessLogFile: /dev/stdout\n"
        ),
    )
    .expect("write file");
    assert_code(
        &meshctl(
            &admin_path,
            &["install", "-y", "-f", &file.to_string_lossy()],
        ),
        0,
    );

    // Without consent: refused, naming what it found; nothing written.
    let refused = meshctl(&admin_path, &["operator", "init"]);
    assert_ne!(refused.status.code(), Some(0));
    let text = common::stderr(&refused);
    for expected in [
        "Istio's own operator",
        "Deployment `istio-operator/istio-operator`",
        &format!("IstioOperator `{WATCHED}/{LEGACY_RESOURCE}` with finalizer `{ISTIO_FINALIZER}`"),
        "CustomResourceDefinition `istiooperators.install.istio.io`",
        "--replace-istio-operator",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let (before, istiod_before) = runtime().block_on(async {
        let admin = client(&admin_path).await;
        assert!(
            Api::<Deployment>::namespaced(admin.clone(), OPERATOR_NAMESPACE)
                .get_opt(NAME)
                .await
                .expect("get")
                .is_none(),
            "meshctl's operator not deployed"
        );
        let crd = Api::<CustomResourceDefinition>::all(admin.clone())
            .get("istiooperators.install.istio.io")
            .await
            .expect("CRD");
        assert!(
            !crd.metadata
                .labels
                .unwrap_or_default()
                .contains_key("app.kubernetes.io/part-of"),
            "Istio's CRD untouched"
        );
        let before = live(&admin, LEGACY_RESOURCE).await;
        assert_eq!(before["metadata"]["finalizers"], json!([ISTIO_FINALIZER]));
        (
            before,
            deployment(&admin, "istiod")
                .await
                .expect("istiod installed"),
        )
    });

    // With consent: Istio's operator stopped and gone, the CRD meshctl's, the resource kept.
    let replaced = meshctl(
        &admin_path,
        &["operator", "init", "--replace-istio-operator"],
    );
    assert_code(&replaced, 0);
    runtime().block_on(async {
        let admin = client(&admin_path).await;
        for object in legacy_objects().iter().skip(1) {
            assert!(
                !legacy_exists(&admin, object).await,
                "still there: {object}"
            );
        }
        let pods =
            Api::<k8s_openapi::api::core::v1::Pod>::namespaced(admin.clone(), OPERATOR_NAMESPACE)
                .list(&ListParams::default().labels("name=istio-operator"))
                .await
                .expect("pods");
        assert!(pods.items.is_empty(), "Istio's operator pods are gone");
        let crd = Api::<CustomResourceDefinition>::all(admin.clone())
            .get("istiooperators.install.istio.io")
            .await
            .expect("CRD");
        let ours = meshctl::operator::crd::custom_resource_definition();
        assert_eq!(
            crd.spec.versions, ours.spec.versions,
            "meshctl's schema, nothing of Istio's left"
        );
        assert_eq!(
            crd.metadata
                .labels
                .unwrap_or_default()
                .get("app.kubernetes.io/part-of")
                .map(String::as_str),
            Some(NAME)
        );
        let after = live(&admin, LEGACY_RESOURCE).await;
        assert_eq!(
            after["metadata"]["uid"], before["metadata"]["uid"],
            "the same resource"
        );
        assert_eq!(
            after["spec"], before["spec"],
            "nothing the user wrote is lost"
        );
        assert_eq!(after["metadata"]["finalizers"], json!([FINALIZER]));
        assert_eq!(
            after["status"]["status"], "HEALTHY",
            "the old status still reads"
        );
    });

    // meshctl's operator reconciles it: Healthy, without reinstalling anything.
    let operator_kubeconfig = directory.path().join("operator.kubeconfig");
    write_service_account_kubeconfig(&admin_path, &operator_kubeconfig);
    let mut operator = Operator::start(&operator_kubeconfig, "replica-a", directory.path(), &[]);
    runtime().block_on(async {
        let admin = client(&admin_path).await;
        let status = status_when(&admin, LEGACY_RESOURCE, "HEALTHY").await;
        assert!(status["conditions"].is_array(), "{status}");
        let istiod = deployment(&admin, "istiod").await.expect("istiod");
        assert_eq!(
            istiod.metadata.uid, istiod_before.metadata.uid,
            "not recreated"
        );
        assert_eq!(
            istiod.metadata.generation, istiod_before.metadata.generation,
            "not rolled out again"
        );
        let reasons = event_reasons(&admin, LEGACY_RESOURCE).await;
        assert!(!reasons.contains(&"Installed".to_string()), "{reasons:?}");

        // Deleting it still uninstalls, through meshctl's finalizer.
        resources(&admin)
            .delete(LEGACY_RESOURCE, &DeleteParams::default())
            .await
            .expect("delete");
        eventually("the resource uninstalled and gone", SETTLE, || async {
            resources(&admin)
                .get_opt(LEGACY_RESOURCE)
                .await
                .expect("get")
                .is_none()
                .then_some(())
        })
        .await;
        assert!(owned_by(&admin, LEGACY_RESOURCE).await.is_empty());
    });
    assert!(operator.terminate().success(), "{}", operator.log());
    // The operator namespace was Istio's, so `operator remove` keeps it; the next test expects
    // a cluster without it.
    assert_code(
        &meshctl(&admin_path, &["operator", "remove", "--purge", "-y"]),
        0,
    );
    runtime().block_on(async {
        let namespaces =
            Api::<k8s_openapi::api::core::v1::Namespace>::all(client(&admin_path).await);
        namespaces
            .delete(OPERATOR_NAMESPACE, &DeleteParams::default())
            .await
            .expect("delete the operator namespace");
        eventually("the operator namespace gone", SETTLE, || async {
            namespaces
                .get_opt(OPERATOR_NAMESPACE)
                .await
                .expect("get namespace")
                .is_none()
                .then_some(())
        })
        .await;
    });
}

// ------------------------------------------------------------------------------------ scale

/// The operator's watch requests in the API server's audit log since `since`: `(resource,
/// namespace, label selector)`, once per request.
fn operator_watches(since: &str) -> Vec<(String, String, String)> {
    let run = std::env::var_os("MESHCTL_TESTENV_RUN")
        .map(PathBuf::from)
        .expect("run inside `testenv/run exec` (MESHCTL_TESTENV_RUN is not set)");
    let log = std::fs::read_to_string(run.join("logs/audit.log")).expect("the audit log");
    let user = format!("system:serviceaccount:{OPERATOR_NAMESPACE}:{NAME}");
    let mut seen = std::collections::BTreeSet::new();
    let mut watches = Vec::new();
    for line in log.lines() {
        let Ok(event) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if event["verb"] != "watch"
            || event["user"]["username"] != user.as_str()
            || event["requestReceivedTimestamp"]
                .as_str()
                .unwrap_or_default()
                < since
            || !seen.insert(event["auditID"].as_str().unwrap_or_default().to_string())
        {
            continue;
        }
        let uri = event["requestURI"].as_str().unwrap_or_default();
        let selector = uri
            .split(['?', '&'])
            .find_map(|p| p.strip_prefix("labelSelector="))
            .unwrap_or_default()
            .replace("%2F", "/")
            .replace("%3D", "=")
            .replace("%2C", ",");
        watches.push((
            event["objectRef"]["resource"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            event["objectRef"]["namespace"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            selector,
        ));
    }
    watches
}

#[test]
#[ignore = "needs a cluster"]
fn each_installed_kind_is_watched_once_whatever_the_number_of_watched_namespaces() {
    let namespaces = [WATCHED, "team-a", "team-b"];
    let setup = setup_watching(&namespaces);
    let since = k8s_openapi::jiff::Timestamp::now().to_string();
    let directory = tempfile::tempdir().expect("temporary directory");
    let mut operator = Operator::start(
        &setup.operator,
        "replica-a",
        directory.path(),
        &["--watchedNamespaces", "team-a,team-b"],
    );
    let kinds = meshctl::cluster::kinds::rendered()
        .filter(|k| !k.is_crd())
        .count();
    let watches = runtime().block_on(eventually(
        "the operator's watches in the audit log",
        SETTLE,
        || async {
            let watches = operator_watches(&since);
            let resources: std::collections::BTreeSet<&String> =
                watches.iter().map(|(r, _, _)| r).collect();
            // Every owned kind the cluster serves (at least Deployments and Services), and the
            // resources of each watched namespace.
            let resources_seen = resources.len() >= 10
                && resources.contains(&"deployments".to_string())
                && watches
                    .iter()
                    .filter(|(r, _, _)| r == "istiooperators")
                    .count()
                    >= namespaces.len();
            resources_seen.then_some(watches)
        },
    ));
    let mut per_kind: BTreeMap<&str, std::collections::BTreeSet<(&str, &str)>> = BTreeMap::new();
    for (resource, namespace, selector) in &watches {
        per_kind
            .entry(resource)
            .or_default()
            .insert((namespace, selector));
    }
    assert_eq!(
        per_kind["istiooperators"],
        namespaces.iter().map(|n| (*n, "")).collect(),
        "one IstioOperator watch per watched namespace"
    );
    // Issue 12: namespaces once, cluster-wide and unfiltered (a namespace listed in
    // `meshctl.io/injection-namespaces` may appear with any labels).
    assert_eq!(
        per_kind.get("namespaces"),
        Some(&std::collections::BTreeSet::from([("", "")])),
        "namespaces: watched once, unfiltered"
    );
    for (resource, watched) in &per_kind {
        if *resource == "istiooperators" || *resource == "namespaces" {
            continue;
        }
        assert_eq!(
            *watched,
            std::collections::BTreeSet::from([("", "operator.istio.io/managed=Reconcile")]),
            "{resource}: watched once, cluster-wide, for what IstioOperators install"
        );
    }
    assert!(per_kind.len() - 2 <= kinds, "{per_kind:?}");
    assert!(operator.terminate().success());
}

/// An `IstioOperator` kept in a team's namespace installs its mesh into `istio-system`, as
/// Istio's operator allowed: the operator repairs what drifts there, reports it on the resource
/// where it lives, and deleting the resource still uninstalls the mesh it installed.
#[test]
#[ignore = "needs a cluster"]
fn a_resource_outside_its_meshs_namespace_repairs_and_uninstalls_it() {
    const TEAM: &str = "team-mesh";
    let setup = setup_watching(&[WATCHED, TEAM]);
    let directory = tempfile::tempdir().expect("temporary directory");
    let mut operator = Operator::start(
        &setup.operator,
        "replica-a",
        directory.path(),
        &["--watchedNamespaces", TEAM],
    );
    runtime().block_on(async {
        let client = client(&setup.admin).await;
        let team: Api<DynamicObject> =
            Api::namespaced_with(client.clone(), TEAM, &istio_operator_resource());
        let body = json!({
            "apiVersion": "install.istio.io/v1alpha1", "kind": "IstioOperator",
            "metadata": {"name": "team", "namespace": TEAM},
            "spec": {"profile": "minimal", "revision": "t1"},
        });
        team.patch(
            "team",
            &PatchParams::apply("tests").force(),
            &Patch::Apply(&body),
        )
        .await
        .expect("apply the team's IstioOperator");
        status_in(&team, "team", "HEALTHY").await;

        let deployments: Api<Deployment> = Api::namespaced(client.clone(), WATCHED);
        let istiod = deployments
            .get("istiod-t1")
            .await
            .expect("istiod-t1 in istio-system");
        let labels = istiod.metadata.labels.unwrap_or_default();
        assert_eq!(
            labels
                .get(meshctl::manifest::OWNING_RESOURCE_LABEL)
                .map(String::as_str),
            Some("team")
        );
        assert_eq!(
            labels
                .get(meshctl::manifest::OWNING_RESOURCE_NAMESPACE_LABEL)
                .map(String::as_str),
            Some(TEAM),
            "the mesh's objects name the namespace of the resource that installed them"
        );

        // Drift in istio-system is repaired, and said on the resource in the team's namespace.
        let uid = istiod.metadata.uid.clone();
        deployments
            .delete("istiod-t1", &DeleteParams::default())
            .await
            .expect("delete istiod-t1");
        eventually("istiod-t1 put back", SETTLE, || {
            let deployments = deployments.clone();
            let uid = uid.clone();
            async move {
                let back = deployments.get_opt("istiod-t1").await.ok()??;
                (back.metadata.uid != uid && back.metadata.deletion_timestamp.is_none())
                    .then_some(())
            }
        })
        .await;
        eventually(
            "a DriftRepaired event on the team's resource",
            SETTLE,
            || async {
                common::events_about(&client, TEAM, "team")
                    .await
                    .into_iter()
                    .any(|e| {
                        e.reason.as_deref() == Some("DriftRepaired")
                            && e.note.as_deref().unwrap_or_default().contains("istiod-t1")
                    })
                    .then_some(())
            },
        )
        .await;

        // Deleting the resource uninstalls what it installed in istio-system.
        team.delete("team", &DeleteParams::default())
            .await
            .expect("delete the team's IstioOperator");
        eventually("the team's mesh uninstalled", SETTLE, || {
            let deployments = deployments.clone();
            let team = team.clone();
            async move {
                let istiod = deployments.get_opt("istiod-t1").await.ok()?;
                let resource = team.get_opt("team").await.ok()?;
                (istiod.is_none() && resource.is_none()).then_some(())
            }
        })
        .await;
        let left = owned_by(&client, "team").await;
        assert!(left.is_empty(), "left behind: {left:?}");
    });
    assert!(operator.terminate().success());
}

/// Issue 22, the operator in place, and pause: changing `spec.tag` to the next release upgrades
/// the mesh (UPDATING → HEALTHY, the release in `componentStatus.*.version`, an event for each
/// step, nothing of the old release left on istiod); `meshctl.io/paused: "true"` stops every
/// change — a spec edit and a hand edit of istiod are reported (RECONCILING, reason `Paused`, an
/// event), not applied — until the annotation goes.
#[test]
#[ignore = "needs a cluster"]
fn the_operator_upgrades_in_place_when_the_tag_changes_and_pauses_when_told() {
    let setup = setup();
    let directory = tempfile::tempdir().expect("temporary directory");
    let _operator = Operator::start(&setup.operator, "replica-a", directory.path(), &[]);
    runtime().block_on(async {
        let admin = client(&setup.admin).await;
        let version_of = |deployment: &Deployment| {
            deployment
                .metadata
                .labels
                .clone()
                .unwrap_or_default()
                .get("operator.istio.io/version")
                .cloned()
                .unwrap_or_default()
        };
        apply_resource(
            &admin,
            "upgrade",
            json!({"profile": "minimal", "tag": "1.30.3"}),
        )
        .await;
        let status = status_when(&admin, "upgrade", "HEALTHY").await;
        assert_eq!(
            status["componentStatus"]["Pilot"]["version"], "1.30.3",
            "{status}"
        );
        let istiod = deployment(&admin, "istiod").await.expect("istiod");
        assert_eq!(version_of(&istiod), "1.30.3");

        merge_spec(&admin, "upgrade", json!({"tag": "1.31.0"})).await;
        let status = status_when(&admin, "upgrade", "HEALTHY").await;
        assert_eq!(
            status["componentStatus"]["Pilot"]["version"], "1.31.0",
            "{status}"
        );
        assert!(
            status["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("upgraded Istio 1.30.3 → 1.31.0")),
            "{status}"
        );
        let istiod = deployment(&admin, "istiod").await.expect("istiod");
        assert_eq!(version_of(&istiod), "1.31.0");
        assert!(image(&istiod).ends_with(":1.31.0"), "{}", image(&istiod));
        let reasons = event_reasons(&admin, "upgrade").await;
        for reason in ["Upgrading", "Upgraded"] {
            assert!(reasons.iter().any(|r| r == reason), "{reasons:?}");
        }

        // Paused: a spec edit and a hand edit are reported, not applied.
        resources(&admin)
            .patch(
                "upgrade",
                &PatchParams::default(),
                &Patch::Merge(&json!({"metadata": {"annotations": {"meshctl.io/paused": "true"}}})),
            )
            .await
            .expect("pause");
        merge_spec(
            &admin,
            "upgrade",
            json!({"meshConfig": {"accessLogFile": "/dev/stdout"}}),
        )
        .await;
        let paused = status_when(&admin, "upgrade", "RECONCILING").await;
        let message = paused["message"].as_str().unwrap_or_default().to_string();
        assert!(
            message.contains("paused by the annotation meshctl.io/paused"),
            "{paused}"
        );
        assert!(
            event_reasons(&admin, "upgrade")
                .await
                .iter()
                .any(|r| r == "Paused"),
            "no Paused event"
        );
        let mesh = Api::<k8s_openapi::api::core::v1::ConfigMap>::namespaced(admin.clone(), WATCHED)
            .get("istio")
            .await
            .expect("mesh config");
        assert!(
            !mesh.data.unwrap_or_default()["mesh"].contains("accessLogFile: /dev/stdout"),
            "a paused resource was applied"
        );

        // Unpaused: the edit goes in.
        resources(&admin)
            .patch(
                "upgrade",
                &PatchParams::default(),
                &Patch::Merge(&json!({"metadata": {"annotations": {"meshctl.io/paused": null}}})),
            )
            .await
            .expect("unpause");
        eventually("the edit applied once unpaused", SETTLE, || {
            let admin = admin.clone();
            async move {
                let mesh = Api::<k8s_openapi::api::core::v1::ConfigMap>::namespaced(admin, WATCHED)
                    .get("istio")
                    .await
                    .ok()?;
                mesh.data?
                    .get("mesh")?
                    .contains("accessLogFile: /dev/stdout")
                    .then_some(())
            }
        })
        .await;
        status_when(&admin, "upgrade", "HEALTHY").await;
        resources(&admin)
            .delete("upgrade", &DeleteParams::default())
            .await
            .expect("delete");
        eventually("the mesh uninstalled", SETTLE, || {
            let admin = admin.clone();
            async move { deployment(&admin, "istiod").await.is_none().then_some(()) }
        })
        .await;
    });
}

/// Applies `IstioOperator` `name`: revision-based, a 3 s grace period, minimal, Istio 1.30.3.
async fn apply_revision_based(admin: &Client, name: &str) {
    let body = json!({
        "apiVersion": "install.istio.io/v1alpha1",
        "kind": "IstioOperator",
        "metadata": {"name": name, "namespace": WATCHED, "annotations": {
            "meshctl.io/update-strategy": "RevisionBased",
            "meshctl.io/revision-grace-period": "3s",
        }},
        "spec": {"profile": "minimal", "tag": "1.30.3"},
    });
    resources(admin)
        .patch(
            name,
            &PatchParams::apply("tests").force(),
            &Patch::Apply(&body),
        )
        .await
        .expect("apply IstioOperator");
}

/// The status of `name` once it is `HEALTHY` at its current generation with `revision` first
/// (the revision it renders).
async fn current_revision(admin: &Client, name: &str, revision: &str) -> Value {
    let what = format!("revision {revision} current and HEALTHY");
    eventually(&what, SETTLE, || {
        let api = resources(admin);
        async move {
            let resource = api.get(name).await.ok()?;
            let status = resource.data.get("status")?.clone();
            (status["status"] == "HEALTHY"
                && status["observedGeneration"].as_i64() == resource.metadata.generation
                && status["revisions"][0]["name"] == revision)
                .then_some(status)
        }
    })
    .await
}

/// Waits until the Deployment `name` in the watched namespace is gone.
async fn deployment_gone(admin: &Client, name: &str) {
    eventually(
        &format!("Deployment `{name}` gone"),
        SETTLE,
        || async move { deployment(admin, name).await.is_none().then_some(()) },
    )
    .await;
}

/// The revision the `default` tag points at, if there is one.
async fn default_tag_target(
    webhooks: &Api<k8s_openapi::api::admissionregistration::v1::MutatingWebhookConfiguration>,
) -> Option<String> {
    webhooks
        .get_opt("istio-revision-tag-default")
        .await
        .expect("get the default tag")
        .and_then(|w| w.metadata.labels?.get("istio.io/rev").cloned())
}

/// `meshctl.io/update-strategy: RevisionBased`: each release is a revision of its own beside the
/// last; the `default` tag moves to the new one once it is ready; the old one stays while a
/// namespace label or an injected pod uses it — also past its grace period — and goes once
/// nothing has used it for the grace period (an event for each step, the revisions in the
/// status); deleting the resource removes every revision and the tag it moved.
#[test]
#[ignore = "needs a cluster"]
fn the_operator_upgrades_by_revision_and_removes_the_old_revision_once_unused() {
    use k8s_openapi::api::admissionregistration::v1::MutatingWebhookConfiguration;
    use k8s_openapi::api::core::v1::{Namespace, Pod};
    let setup = setup();
    let directory = tempfile::tempdir().expect("temporary directory");
    let _operator = Operator::start(&setup.operator, "replica-a", directory.path(), &[]);
    runtime().block_on(async {
        let admin = client(&setup.admin).await;
        let name = "by-revision";
        apply_revision_based(&admin, name).await;
        let status = status_when(&admin, name, "HEALTHY").await;
        assert_eq!(status["revisions"][0]["name"], "1-30-3", "{status}");
        assert_eq!(
            status["revisions"][0]["tags"],
            json!(["default"]),
            "{status}"
        );
        assert!(deployment(&admin, "istiod-1-30-3").await.is_some());
        let webhooks = Api::<MutatingWebhookConfiguration>::all(admin.clone());
        let tag_target = || default_tag_target(&webhooks);
        assert_eq!(tag_target().await.as_deref(), Some("1-30-3"));

        // What keeps 1-30-3 in use: a namespace labelled for it, and a pod it injected.
        let namespaces = Api::<Namespace>::all(admin.clone());
        for (namespace, labels) in [
            ("rb-labelled", json!({"istio.io/rev": "1-30-3"})),
            ("rb-workloads", json!({})),
        ] {
            namespaces
                .patch(
                    namespace,
                    &PatchParams::apply("tests").force(),
                    &Patch::Apply(&json!({"apiVersion": "v1", "kind": "Namespace",
                        "metadata": {"name": namespace, "labels": labels}})),
                )
                .await
                .expect("namespace");
        }
        let pods = Api::<Pod>::namespaced(admin.clone(), "rb-workloads");
        pods.patch(
            "injected-by-1-30-3",
            &PatchParams::apply("tests").force(),
            &Patch::Apply(&json!({"apiVersion": "v1", "kind": "Pod",
                "metadata": {"name": "injected-by-1-30-3", "annotations": {
                    "istio.io/rev": "1-30-3", "sidecar.istio.io/status": "{}"}},
                "spec": {"containers": [{"name": "app", "image": "app:1"}]}})),
        )
        .await
        .expect("pod");

        merge_spec(&admin, name, json!({"tag": "1.31.0"})).await;
        let status = current_revision(&admin, name, "1-31-0").await;
        assert_eq!(tag_target().await.as_deref(), Some("1-31-0"), "{status}");
        assert_eq!(
            status["revisions"][0]["tags"],
            json!(["default"]),
            "{status}"
        );
        let old = &status["revisions"][1];
        assert_eq!(old["name"], "1-30-3", "{status}");
        assert_eq!(old["version"], "1.30.3", "{status}");
        assert_eq!(old["inUse"], true, "{status}");
        let used_by = old["usedBy"].to_string();
        assert!(
            used_by.contains("rb-labelled") && used_by.contains("injected-by-1-30-3"),
            "{status}"
        );
        assert!(deployment(&admin, "istiod-1-31-0").await.is_some());
        // Past the grace period, still in use: still there.
        tokio::time::sleep(Duration::from_secs(6)).await;
        assert!(
            deployment(&admin, "istiod-1-30-3").await.is_some(),
            "removed while in use"
        );
        let notes = event_notes(&admin, name, "TagMoved").await;
        assert!(
            notes
                .iter()
                .any(|n| n.contains("from revision `1-30-3` to `1-31-0`")),
            "{notes:?}"
        );

        // Nothing uses it any more: gone after the grace period, the new revision untouched.
        namespaces
            .patch(
                "rb-labelled",
                &PatchParams::default(),
                &Patch::Merge(&json!({"metadata": {"labels": {"istio.io/rev": null}}})),
            )
            .await
            .expect("unlabel");
        pods.delete(
            "injected-by-1-30-3",
            &DeleteParams::default().grace_period(0),
        )
        .await
        .expect("delete pod");
        deployment_gone(&admin, "istiod-1-30-3").await;
        let status = eventually("the status lists one revision", SETTLE, || {
            let api = resources(&admin);
            async move {
                let status = api.get(name).await.ok()?.data.get("status")?.clone();
                (status["revisions"].as_array().map(Vec::len) == Some(1)).then_some(status)
            }
        })
        .await;
        assert_eq!(status["revisions"][0]["name"], "1-31-0", "{status}");
        assert!(deployment(&admin, "istiod-1-31-0").await.is_some());
        let notes = event_notes(&admin, name, "RevisionRemoved").await;
        assert!(
            notes
                .iter()
                .any(|n| n.contains("removed revision `1-30-3` (Istio 1.30.3)")),
            "{notes:?}"
        );
        assert_eq!(tag_target().await.as_deref(), Some("1-31-0"));

        // Deleting the resource removes its revision and the tag it moved.
        resources(&admin)
            .delete(name, &DeleteParams::default())
            .await
            .expect("delete");
        eventually("the mesh and its tag uninstalled", SETTLE, || {
            let admin = admin.clone();
            let webhooks = webhooks.clone();
            async move {
                (deployment(&admin, "istiod-1-31-0").await.is_none()
                    && webhooks
                        .get_opt("istio-revision-tag-default")
                        .await
                        .ok()?
                        .is_none())
                .then_some(())
            }
        })
        .await;
        for namespace in ["rb-labelled", "rb-workloads"] {
            let _ = namespaces.delete(namespace, &DeleteParams::default()).await;
        }
    });
}

/// A rollback under the revision-based strategy: the release set back while the older revision is
/// still installed (a namespace still uses it) moves the tag back to that revision without
/// reinstalling it (its istiod keeps its uid), and the newer revision, which nothing uses any
/// more, goes after the grace period.
#[test]
#[ignore = "needs a cluster"]
fn a_revision_based_rollback_moves_the_tag_back_and_removes_the_newer_revision() {
    use k8s_openapi::api::admissionregistration::v1::MutatingWebhookConfiguration;
    use k8s_openapi::api::core::v1::Namespace;
    let setup = setup();
    let directory = tempfile::tempdir().expect("temporary directory");
    let _operator = Operator::start(&setup.operator, "replica-a", directory.path(), &[]);
    runtime().block_on(async {
        let admin = client(&setup.admin).await;
        let name = "rolled-back";
        apply_revision_based(&admin, name).await;
        status_when(&admin, name, "HEALTHY").await;
        let namespaces = Api::<Namespace>::all(admin.clone());
        namespaces
            .patch(
                "rb-rollback",
                &PatchParams::apply("tests").force(),
                &Patch::Apply(&json!({"apiVersion": "v1", "kind": "Namespace",
                    "metadata": {"name": "rb-rollback", "labels": {"istio.io/rev": "1-30-3"}}})),
            )
            .await
            .expect("namespace");
        let webhooks = Api::<MutatingWebhookConfiguration>::all(admin.clone());
        let tag_target = || default_tag_target(&webhooks);

        merge_spec(&admin, name, json!({"tag": "1.31.0"})).await;
        current_revision(&admin, name, "1-31-0").await;
        assert_eq!(tag_target().await.as_deref(), Some("1-31-0"));
        let older = deployment(&admin, "istiod-1-30-3")
            .await
            .expect("1-30-3 kept: a namespace uses it");

        // Back to 1.30.3: the tag returns to the installed revision, which is not reinstalled.
        merge_spec(&admin, name, json!({"tag": "1.30.3"})).await;
        let status = current_revision(&admin, name, "1-30-3").await;
        assert_eq!(tag_target().await.as_deref(), Some("1-30-3"), "{status}");
        let again = deployment(&admin, "istiod-1-30-3").await.expect("1-30-3");
        assert_eq!(
            again.metadata.uid, older.metadata.uid,
            "1-30-3 was reinstalled"
        );
        assert_eq!(
            status["revisions"][0]["tags"],
            json!(["default"]),
            "{status}"
        );
        // Its own event: not folded into the first move's (kube-runtime's recorder did that).
        let notes = event_notes(&admin, name, "TagMoved").await;
        assert!(
            notes
                .iter()
                .any(|n| n.contains("from revision `1-31-0` to `1-30-3`")),
            "{notes:?}"
        );
        // 1-31-0 is used by nothing now: removed after its grace period.
        deployment_gone(&admin, "istiod-1-31-0").await;
        assert_eq!(tag_target().await.as_deref(), Some("1-30-3"));

        resources(&admin)
            .delete(name, &DeleteParams::default())
            .await
            .expect("delete");
        deployment_gone(&admin, "istiod-1-30-3").await;
        let _ = namespaces
            .delete("rb-rollback", &DeleteParams::default())
            .await;
    });
}

/// An upgrade that cannot finish (the new istiod cannot be scheduled) is `ERROR`, reason
/// `ApplyFailed`, naming the workload and why, with the release it was being brought to; once the
/// cause is gone the next reconcile converges to `HEALTHY` on the new release.
#[test]
#[ignore = "needs a cluster"]
fn a_failed_upgrade_says_where_and_the_next_reconcile_converges() {
    let setup = setup();
    let directory = tempfile::tempdir().expect("temporary directory");
    let _operator = Operator::start(
        &setup.operator,
        "replica-a",
        directory.path(),
        &["--readiness-timeout", "10s"],
    );
    runtime().block_on(async {
        let admin = client(&setup.admin).await;
        let name = "failing-upgrade";
        apply_resource(&admin, name, json!({"profile": "minimal", "tag": "1.30.3"})).await;
        status_when(&admin, name, "HEALTHY").await;
        merge_spec(
            &admin,
            name,
            json!({"tag": "1.31.0", "components": {"pilot": {"k8s": {
                "nodeSelector": {"meshctl.io/no-such-node": "anywhere"}}}}}),
        )
        .await;
        let failed = status_when(&admin, name, "ERROR").await;
        let message = failed["message"].as_str().unwrap_or_default();
        assert!(message.contains("istiod"), "{failed}");
        assert_eq!(failed["conditions"][0]["reason"], "ApplyFailed", "{failed}");
        assert_eq!(
            failed["componentStatus"]["Pilot"]["version"], "1.31.0",
            "{failed}"
        );
        assert!(
            event_reasons(&admin, name)
                .await
                .iter()
                .any(|r| r == "ApplyFailed"),
            "no ApplyFailed event"
        );

        merge_spec(
            &admin,
            name,
            json!({"components": {"pilot": {"k8s": {"nodeSelector": null}}}}),
        )
        .await;
        let healthy = status_when(&admin, name, "HEALTHY").await;
        assert_eq!(
            healthy["componentStatus"]["Pilot"]["version"], "1.31.0",
            "{healthy}"
        );
        let istiod = deployment(&admin, "istiod").await.expect("istiod");
        assert!(image(&istiod).ends_with(":1.31.0"), "{}", image(&istiod));
        resources(&admin)
            .delete(name, &DeleteParams::default())
            .await
            .expect("delete");
        eventually("the mesh uninstalled", SETTLE, || {
            let admin = admin.clone();
            async move { deployment(&admin, "istiod").await.is_none().then_some(()) }
        })
        .await;
    });
}
