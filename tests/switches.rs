//! Issue 12, part A: the `meshctl.io/mtls-mode` and `meshctl.io/injection-namespaces`
//! annotations against a real API server, through `install`/`uninstall` and the operator.
//!
//! Each needs a cluster and is ignored unless asked for (`--include-ignored` with
//! `MESHCTL_TEST_KUBECONFIG`; see tests/common/cluster.rs). Waits are bounded ("eventually,
//! within N seconds"), not speed assertions.

#[path = "common/cluster.rs"]
mod common;

use std::path::Path;
use std::time::Duration;

use common::{
    Operator, WATCHED, assert_code, client, eventually, kubeconfig, lock, meshctl,
    remove_operator_and_mesh, runtime, stderr, write_service_account_kubeconfig,
};
use k8s_openapi::api::core::v1::Namespace;
use kube::Client;
use kube::api::{
    Api, ApiResource, DeleteParams, DynamicObject, GroupVersionKind, Patch, PatchParams, PostParams,
};
use meshctl::cluster::injection::{LABEL_ANNOTATION, OWNER_ANNOTATION};
use meshctl::operator::controller::istio_operator_resource;
use serde_json::{Value, json};

const SETTLE: Duration = Duration::from_secs(120);
const TIMEOUT: &str = "--readiness-timeout=180s";

fn peer_authentications(client: &Client) -> Api<DynamicObject> {
    let resource = ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("security.istio.io", "v1", "PeerAuthentication"),
        "peerauthentications",
    );
    Api::namespaced_with(client.clone(), "istio-system", &resource)
}

/// The mesh-wide mode, or `None` when there is no `istio-system/default` `PeerAuthentication`.
async fn mtls_mode(client: &Client) -> Option<String> {
    let live = peer_authentications(client)
        .get_opt("default")
        .await
        .ok()??;
    live.data["spec"]["mtls"]["mode"]
        .as_str()
        .map(str::to_string)
}

async fn namespace(client: &Client, name: &str) -> Namespace {
    Api::<Namespace>::all(client.clone())
        .get(name)
        .await
        .expect("namespace exists")
}

fn label(namespace: &Namespace, key: &str) -> Option<String> {
    namespace.metadata.labels.as_ref()?.get(key).cloned()
}

fn annotation(namespace: &Namespace, key: &str) -> Option<String> {
    namespace.metadata.annotations.as_ref()?.get(key).cloned()
}

/// Creates (or recreates) a namespace with these labels.
async fn fresh_namespace(client: &Client, name: &str, labels: Value) {
    let api = Api::<Namespace>::all(client.clone());
    if api.get_opt(name).await.expect("get").is_some() {
        let _ = api.delete(name, &DeleteParams::default()).await;
        eventually(&format!("namespace {name} gone"), SETTLE, || {
            let api = api.clone();
            async move { api.get_opt(name).await.ok()?.is_none().then_some(()) }
        })
        .await;
    }
    let body: Namespace =
        serde_json::from_value(json!({"metadata": {"name": name, "labels": labels}}))
            .expect("namespace");
    api.create(&PostParams::default(), &body)
        .await
        .expect("create namespace");
}

fn iop(directory: &Path, name: &str, annotations: &Value) -> String {
    let text = json!({
        "apiVersion": "install.istio.io/v1alpha1",
        "kind": "IstioOperator",
        "metadata": {"name": "mesh", "namespace": "istio-system", "annotations": annotations},
        "spec": {"profile": "minimal"},
    })
    .to_string();
    let path = directory.join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

fn install(kubeconfig: &Path, file: &str) -> String {
    let output = meshctl(kubeconfig, &["install", "-f", file, "-y", TIMEOUT]);
    assert_code(&output, 0);
    stderr(&output)
}

/// mTLS STRICT → PERMISSIVE → removed, and the injection list grown, shrunk and emptied, with
/// `install`; a hand-set label is never touched; `uninstall -f` removes what is ours.
#[test]
#[ignore = "needs a cluster"]
fn install_switches_mtls_and_injection_labels_and_uninstall_removes_ours() {
    let kubeconfig = kubeconfig();
    let _lock = lock();
    for revision in ["default", "canary"] {
        assert_code(
            &meshctl(&kubeconfig, &["uninstall", "-r", revision, "-y"]),
            0,
        );
    }
    let directory = tempfile::tempdir().expect("temporary directory");
    let dir = directory.path();
    runtime().block_on(async {
        let admin = client(&kubeconfig).await;
        fresh_namespace(&admin, "sw-a", json!({})).await;
        fresh_namespace(&admin, "sw-b", json!({})).await;
        fresh_namespace(&admin, "sw-hand", json!({"istio-injection": "enabled"})).await;

        // STRICT; sw-a listed, sw-hand labelled by hand, sw-absent missing: both reported.
        let file = iop(
            dir,
            "1.json",
            &json!({"meshctl.io/mtls-mode": "STRICT",
                "meshctl.io/injection-namespaces": "sw-a, sw-hand, sw-absent"}),
        );
        let diff = meshctl(&kubeconfig, &["diff", "-f", &file]);
        assert_code(&diff, 1);
        assert!(
            stderr(&diff).contains("+ Namespace `sw-a`: label istio-injection=enabled"),
            "{}",
            stderr(&diff)
        );
        let said = install(&kubeconfig, &file);
        assert!(
            said.contains("`sw-absent` is listed for injection but does not exist"),
            "{said}"
        );
        assert!(
            said.contains("`sw-hand` already carries istio-injection=enabled"),
            "{said}"
        );
        assert_eq!(mtls_mode(&admin).await.as_deref(), Some("STRICT"));
        let a = namespace(&admin, "sw-a").await;
        assert_eq!(label(&a, "istio-injection").as_deref(), Some("enabled"));
        assert_eq!(
            annotation(&a, OWNER_ANNOTATION).as_deref(),
            Some("istio-system/mesh")
        );
        assert_eq!(
            annotation(&a, LABEL_ANNOTATION).as_deref(),
            Some("istio-injection=enabled")
        );
        let hand = namespace(&admin, "sw-hand").await;
        assert_eq!(annotation(&hand, OWNER_ANNOTATION), None);

        // PERMISSIVE; grown by sw-b.
        let file = iop(
            dir,
            "2.json",
            &json!({"meshctl.io/mtls-mode": "PERMISSIVE",
                "meshctl.io/injection-namespaces": "sw-a,sw-b"}),
        );
        install(&kubeconfig, &file);
        assert_eq!(mtls_mode(&admin).await.as_deref(), Some("PERMISSIVE"));
        let b = namespace(&admin, "sw-b").await;
        assert_eq!(label(&b, "istio-injection").as_deref(), Some("enabled"));

        // Shrunk to sw-b: sw-a's label (ours) goes.
        let file = iop(
            dir,
            "3.json",
            &json!({"meshctl.io/mtls-mode": "PERMISSIVE",
                "meshctl.io/injection-namespaces": "sw-b"}),
        );
        install(&kubeconfig, &file);
        let a = namespace(&admin, "sw-a").await;
        assert_eq!(label(&a, "istio-injection"), None);
        assert_eq!(annotation(&a, OWNER_ANNOTATION), None);

        // Both annotations removed: the PeerAuthentication is pruned, sw-b unlabelled.
        let file = iop(dir, "4.json", &json!({}));
        install(&kubeconfig, &file);
        assert_eq!(mtls_mode(&admin).await, None);
        assert_eq!(
            label(&namespace(&admin, "sw-b").await, "istio-injection"),
            None
        );

        // Emptied list (annotation present, empty) after labelling again, then uninstall.
        let file = iop(
            dir,
            "5.json",
            &json!({"meshctl.io/mtls-mode": "STRICT",
                "meshctl.io/injection-namespaces": "sw-a"}),
        );
        install(&kubeconfig, &file);
        assert_eq!(
            label(&namespace(&admin, "sw-a").await, "istio-injection").as_deref(),
            Some("enabled")
        );
        let emptied = iop(
            dir,
            "6.json",
            &json!({"meshctl.io/mtls-mode": "STRICT",
                "meshctl.io/injection-namespaces": ""}),
        );
        install(&kubeconfig, &emptied);
        assert_eq!(
            label(&namespace(&admin, "sw-a").await, "istio-injection"),
            None
        );
        install(&kubeconfig, &file);
        assert_code(&meshctl(&kubeconfig, &["uninstall", "-f", &file, "-y"]), 0);
        assert_eq!(mtls_mode(&admin).await, None);
        assert_eq!(
            label(&namespace(&admin, "sw-a").await, "istio-injection"),
            None
        );
        // The hand-set label survived all of it.
        assert_eq!(
            label(&namespace(&admin, "sw-hand").await, "istio-injection").as_deref(),
            Some("enabled")
        );
        // Gone, so that the other suites' `uninstall -r default` does not find the hand-set
        // label and refuse (a namespace labelled for the default revision is a user of it).
        let namespaces = Api::<Namespace>::all(admin.clone());
        for name in ["sw-a", "sw-b", "sw-hand"] {
            let _ = namespaces.delete(name, &DeleteParams::default()).await;
        }
    });
}

/// The operator: a listed namespace created after the resource is labelled, and flipping the
/// mTLS annotation on the live resource flips the `PeerAuthentication`.
#[test]
#[ignore = "needs a cluster"]
fn the_operator_labels_a_namespace_that_appears_and_follows_the_mtls_annotation() {
    let admin_config = kubeconfig();
    let _lock = lock();
    remove_operator_and_mesh(&admin_config);
    assert_code(
        &meshctl(
            &admin_config,
            &["operator", "init", "--watchedNamespaces", WATCHED],
        ),
        0,
    );
    let directory = tempfile::tempdir().expect("temporary directory");
    let operator_config = directory.path().join("operator.kubeconfig");
    write_service_account_kubeconfig(&admin_config, &operator_config);
    let operator = Operator::start(&operator_config, "replica-a", directory.path(), &[]);
    runtime().block_on(async {
        let admin = client(&admin_config).await;
        let namespaces = Api::<Namespace>::all(admin.clone());
        if namespaces.get_opt("sw-late").await.expect("get").is_some() {
            namespaces
                .delete("sw-late", &DeleteParams::default())
                .await
                .expect("delete");
            eventually("sw-late gone", SETTLE, || {
                let namespaces = namespaces.clone();
                async move {
                    namespaces
                        .get_opt("sw-late")
                        .await
                        .ok()?
                        .is_none()
                        .then_some(())
                }
            })
            .await;
        }
        let resources: Api<DynamicObject> =
            Api::namespaced_with(admin.clone(), WATCHED, &istio_operator_resource());
        let body = json!({
            "apiVersion": "install.istio.io/v1alpha1",
            "kind": "IstioOperator",
            "metadata": {"name": "mesh", "namespace": WATCHED, "annotations": {
                "meshctl.io/mtls-mode": "STRICT",
                "meshctl.io/injection-namespaces": "sw-late"}},
            "spec": {"profile": "minimal"},
        });
        resources
            .patch(
                "mesh",
                &PatchParams::apply("tests").force(),
                &Patch::Apply(&body),
            )
            .await
            .expect("apply IstioOperator");
        eventually("PeerAuthentication STRICT", SETTLE, || async {
            (mtls_mode(&admin).await.as_deref() == Some("STRICT")).then_some(())
        })
        .await;
        // Its CRD came with this install, after the operator started; a hand edit is still
        // repaired from the watch, well before the 5-minute resync.
        let edited = k8s_openapi::jiff::Timestamp::now();
        peer_authentications(&admin)
            .patch(
                "default",
                &PatchParams::default(),
                &Patch::Merge(&json!({"spec": {"mtls": {"mode": "DISABLE"}}})),
            )
            .await
            .expect("edit the PeerAuthentication by hand");
        eventually(
            "the hand edit of the PeerAuthentication repaired",
            SETTLE,
            || async { (mtls_mode(&admin).await.as_deref() == Some("STRICT")).then_some(()) },
        )
        .await;
        // By the watch's targeted repair, not by a full reconcile that happened to run.
        eventually(
            "a DriftRepaired event for the PeerAuthentication",
            SETTLE,
            || async {
                common::events_about(&admin, WATCHED, "mesh")
                    .await
                    .into_iter()
                    .filter(|e| e.reason.as_deref() == Some("DriftRepaired"))
                    .filter(|e| e.event_time.as_ref().is_some_and(|t| t.0 >= edited))
                    .filter_map(|e| e.note)
                    .any(|note| {
                        note.contains("re-applied PeerAuthentication `istio-system/default`")
                    })
                    .then_some(())
            },
        )
        .await;

        fresh_namespace(&admin, "sw-late", json!({})).await;
        eventually("sw-late labelled by the operator", SETTLE, || async {
            let live = namespace(&admin, "sw-late").await;
            (label(&live, "istio-injection").as_deref() == Some("enabled")).then_some(())
        })
        .await;

        resources
            .patch(
                "mesh",
                &PatchParams::default(),
                &Patch::Merge(&json!({"metadata": {"annotations": {
                    "meshctl.io/mtls-mode": "PERMISSIVE"}}})),
            )
            .await
            .expect("patch IstioOperator");
        eventually("PeerAuthentication PERMISSIVE", SETTLE, || async {
            (mtls_mode(&admin).await.as_deref() == Some("PERMISSIVE")).then_some(())
        })
        .await;

        // Deleting the resource removes our label (its finalizer runs the uninstall).
        resources
            .delete("mesh", &DeleteParams::default())
            .await
            .expect("delete IstioOperator");
        eventually(
            "sw-late unlabelled after the resource is deleted",
            SETTLE,
            || async {
                let live = namespace(&admin, "sw-late").await;
                label(&live, "istio-injection").is_none().then_some(())
            },
        )
        .await;
    });
    drop(operator);
}

fn banzai_istios(client: &Client) -> Api<DynamicObject> {
    Api::namespaced_with(
        client.clone(),
        WATCHED,
        &meshctl::operator::banzai::banzai_resource(),
    )
}

/// Installs the stand-in for Banzai's CRD (testdata/crds) and waits until it is served.
async fn install_banzai_crd(client: &Client) {
    use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/crds/istios.istio.banzaicloud.io.yaml");
    let text = std::fs::read_to_string(&path).expect("Banzai test CRD");
    let value = meshctl::yaml::parse_value(&text, &meshctl::yaml::Source("crd".into()))
        .expect("CRD parses");
    let crds = Api::<CustomResourceDefinition>::all(client.clone());
    crds.patch(
        meshctl::operator::banzai::CRD_NAME,
        &PatchParams::apply("tests").force(),
        &Patch::Apply(&value),
    )
    .await
    .expect("apply Banzai's CRD");
    eventually("Banzai's CRD established", SETTLE, || async {
        let crd = crds.get(meshctl::operator::banzai::CRD_NAME).await.ok()?;
        crd.status?
            .conditions?
            .iter()
            .any(|c| c.type_ == "Established" && c.status == "True")
            .then_some(())
    })
    .await;
}

/// Banzai's status fields of `istio-system/mesh`.
async fn banzai_status(client: &Client) -> Option<(String, String)> {
    let live = banzai_istios(client).get_opt("mesh").await.ok()??;
    let status = live.data.get("status")?;
    Some((
        status["Status"].as_str()?.to_string(),
        status["ErrorMessage"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    ))
}

/// Where the stand-in for Banzai's operator runs.
const BANZAI_SYSTEM: &str = "bz-operator";

/// Banzai's own operator still running, as its chart deployed it: what `init --watch-banzai`
/// must refuse to run beside.
async fn banzai_operator_statefulset(client: &Client, replicas: i32) {
    use k8s_openapi::api::apps::v1::StatefulSet;
    let labels = json!({"control-plane": "controller-manager", "controller-tools.k8s.io": "1.0"});
    let body = json!({
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": {"name": "istio-operator-controller-manager", "namespace": BANZAI_SYSTEM,
                     "labels": labels},
        "spec": {
            "replicas": replicas,
            "serviceName": "istio-operator-controller-manager",
            "selector": {"matchLabels": labels},
            "template": {
                "metadata": {"labels": labels},
                "spec": {"containers": [{
                    "name": "manager",
                    "command": ["/manager"],
                    "image": "ghcr.io/banzaicloud/istio-operator:0.10.9",
                }]},
            },
        },
    });
    Api::<StatefulSet>::namespaced(client.clone(), BANZAI_SYSTEM)
        .patch(
            "istio-operator-controller-manager",
            &PatchParams::apply("tests").force(),
            &Patch::Apply(&body),
        )
        .await
        .expect("apply the stand-in for Banzai's operator");
}

/// `operator init --watch-banzai` refuses beside Banzai's running operator, then the operator
/// keeps a Banzai `Istio` installed: it takes over the finalizer Banzai's operator left, the mTLS
/// switch flips the `PeerAuthentication` both ways, the injection list grown, shrunk and emptied
/// moves our labels and never a hand-set one, an invalid spec is reported in Banzai's status
/// with nothing written, and deleting the resource uninstalls the mesh.
#[test]
#[ignore = "needs a cluster"]
#[allow(clippy::too_many_lines)] // one story, step by step
fn the_operator_keeps_a_banzai_istio_installed_and_its_switches_true() {
    use meshctl::operator::banzai::{BANZAI_OPERATOR_FINALIZER, FINALIZER};
    let admin_config = kubeconfig();
    let _lock = lock();
    remove_operator_and_mesh(&admin_config);
    let init = [
        "operator",
        "init",
        "--watchedNamespaces",
        WATCHED,
        "--watch-banzai",
    ];
    runtime().block_on(async {
        let admin = client(&admin_config).await;
        install_banzai_crd(&admin).await;
        // A resource an earlier, failed run left, finalizers and all.
        let istios = banzai_istios(&admin);
        if istios.get_opt("mesh").await.expect("get").is_some() {
            istios
                .patch(
                    "mesh",
                    &PatchParams::default(),
                    &Patch::Merge(&json!({"metadata": {"finalizers": null}})),
                )
                .await
                .expect("clear finalizers");
            let _ = istios.delete("mesh", &DeleteParams::default()).await;
            eventually("the leftover Banzai Istio gone", SETTLE, || async {
                istios.get_opt("mesh").await.ok()?.is_none().then_some(())
            })
            .await;
        }
        for name in ["bz-a", "bz-b"] {
            fresh_namespace(&admin, name, json!({})).await;
        }
        fresh_namespace(&admin, "bz-hand", json!({"istio-injection": "enabled"})).await;
        fresh_namespace(&admin, BANZAI_SYSTEM, json!({})).await;
        banzai_operator_statefulset(&admin, 1).await;
    });

    // Beside Banzai's running operator: refused, naming it, nothing written.
    let refused = meshctl(&admin_config, &init);
    assert_code(&refused, 1);
    assert!(
        stderr(&refused).contains(&format!(
            "StatefulSet {BANZAI_SYSTEM}/istio-operator-controller-manager"
        )),
        "{}",
        stderr(&refused)
    );
    runtime().block_on(async {
        let admin = client(&admin_config).await;
        let deployments = Api::<k8s_openapi::api::apps::v1::Deployment>::namespaced(
            admin.clone(),
            "istio-operator",
        );
        assert!(
            deployments
                .get_opt("meshctl-operator")
                .await
                .expect("get")
                .is_none(),
            "init wrote the operator although it refused"
        );
        // Scaled to zero, as the refusal's hint says.
        banzai_operator_statefulset(&admin, 0).await;
    });
    assert_code(&meshctl(&admin_config, &init), 0);

    let directory = tempfile::tempdir().expect("temporary directory");
    let operator_config = directory.path().join("operator.kubeconfig");
    write_service_account_kubeconfig(&admin_config, &operator_config);
    let operator = Operator::start(
        &operator_config,
        "replica-banzai",
        directory.path(),
        &["--watch-banzai"],
    );
    runtime().block_on(async {
        let admin = client(&admin_config).await;
        let istios = banzai_istios(&admin);
        let operators: Api<DynamicObject> =
            Api::namespaced_with(admin.clone(), WATCHED, &istio_operator_resource());
        // A resource as Banzai's operator left it: its finalizer on it.
        let body = json!({
            "apiVersion": "istio.banzaicloud.io/v1beta1",
            "kind": "Istio",
            "metadata": {"name": "mesh", "namespace": WATCHED,
                         "finalizers": [BANZAI_OPERATOR_FINALIZER]},
            "spec": {"mtls": true, "autoInjectionNamespaces": ["bz-a", "bz-b"],
                     "includeIPRanges": "*", "controlPlaneSecurityEnabled": true},
        });
        let created = istios
            .create(
                &PostParams::default(),
                &serde_json::from_value(body).expect("object"),
            )
            .await
            .expect("create the Banzai Istio");

        eventually("the Banzai Istio Available", SETTLE, || async {
            (banzai_status(&admin).await == Some(("Available".into(), String::new()))).then_some(())
        })
        .await;
        let live = istios.get("mesh").await.expect("get");
        assert_eq!(
            live.metadata.finalizers,
            Some(vec![FINALIZER.to_string()]),
            "Banzai's finalizer replaced by meshctl's"
        );
        let generated = operators.get("mesh").await.expect("its IstioOperator");
        assert_eq!(
            generated.metadata.owner_references.as_ref().expect("owned")[0].uid,
            created.metadata.uid.clone().expect("uid")
        );
        assert_eq!(mtls_mode(&admin).await.as_deref(), Some("STRICT"));
        for name in ["bz-a", "bz-b"] {
            let live = namespace(&admin, name).await;
            assert_eq!(
                label(&live, "istio-injection").as_deref(),
                Some("enabled"),
                "{name}"
            );
        }

        let patch_spec = |spec: Value| {
            let istios = istios.clone();
            async move {
                istios
                    .patch(
                        "mesh",
                        &PatchParams::default(),
                        &Patch::Merge(&json!({ "spec": spec })),
                    )
                    .await
                    .expect("patch the Banzai Istio");
            }
        };
        patch_spec(json!({"mtls": false})).await;
        eventually("PeerAuthentication PERMISSIVE", SETTLE, || async {
            (mtls_mode(&admin).await.as_deref() == Some("PERMISSIVE")).then_some(())
        })
        .await;
        patch_spec(json!({"mtls": true})).await;
        eventually("PeerAuthentication STRICT again", SETTLE, || async {
            (mtls_mode(&admin).await.as_deref() == Some("STRICT")).then_some(())
        })
        .await;

        // Shrunk: bz-b loses our label, bz-a keeps it.
        patch_spec(json!({"autoInjectionNamespaces": ["bz-a"]})).await;
        eventually("bz-b unlabelled", SETTLE, || async {
            let live = namespace(&admin, "bz-b").await;
            (label(&live, "istio-injection").is_none()
                && annotation(&live, OWNER_ANNOTATION).is_none())
            .then_some(())
        })
        .await;
        assert_eq!(
            label(&namespace(&admin, "bz-a").await, "istio-injection").as_deref(),
            Some("enabled")
        );
        // Emptied: ours go, the hand-set label stays.
        patch_spec(json!({"autoInjectionNamespaces": []})).await;
        eventually("bz-a unlabelled", SETTLE, || async {
            let live = namespace(&admin, "bz-a").await;
            label(&live, "istio-injection").is_none().then_some(())
        })
        .await;
        let hand = namespace(&admin, "bz-hand").await;
        assert_eq!(label(&hand, "istio-injection").as_deref(), Some("enabled"));
        assert_eq!(annotation(&hand, LABEL_ANNOTATION), None);

        // Invalid: reported in Banzai's status, nothing written.
        let before = operators
            .get("mesh")
            .await
            .expect("get")
            .metadata
            .annotations;
        patch_spec(json!({"mtls": "yes"})).await;
        let (state, message) = eventually("ReconcileFailed", SETTLE, || async {
            banzai_status(&admin)
                .await
                .filter(|(state, _)| state == "ReconcileFailed")
        })
        .await;
        assert_eq!(state, "ReconcileFailed");
        assert!(message.contains("spec.mtls"), "{message}");
        assert_eq!(
            operators
                .get("mesh")
                .await
                .expect("get")
                .metadata
                .annotations,
            before,
            "the generated IstioOperator changed although the Banzai spec was invalid"
        );
        assert_eq!(mtls_mode(&admin).await.as_deref(), Some("STRICT"));

        // Deleted: the IstioOperator goes, so the mesh is uninstalled, then the resource.
        istios
            .delete("mesh", &DeleteParams::default())
            .await
            .expect("delete the Banzai Istio");
        eventually("the Banzai Istio and its mesh gone", SETTLE, || async {
            (istios.get_opt("mesh").await.ok()?.is_none()
                && operators.get_opt("mesh").await.ok()?.is_none()
                && mtls_mode(&admin).await.is_none())
            .then_some(())
        })
        .await;
        let deployments =
            Api::<k8s_openapi::api::apps::v1::Deployment>::namespaced(admin.clone(), WATCHED);
        assert!(
            deployments.get_opt("istiod").await.expect("get").is_none(),
            "istiod still installed after the Banzai Istio was deleted"
        );
        let _ = Api::<k8s_openapi::api::apps::v1::StatefulSet>::namespaced(admin.clone(), WATCHED)
            .delete(
                "istio-operator-controller-manager",
                &DeleteParams::default(),
            )
            .await;
        let namespaces = Api::<Namespace>::all(admin.clone());
        for name in ["bz-a", "bz-b", "bz-hand"] {
            let _ = namespaces.delete(name, &DeleteParams::default()).await;
        }
    });
    drop(operator);
}
