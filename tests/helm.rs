//! Helm's installs, with the real `helm` (testenv/helm) and Istio's charts from the pinned
//! release's source (testenv/istio-source), installed as Istio's Helm guide does: `istio-base`
//! and `istiod` in `istio-system`, a gateway release of the `gateway` chart in its own namespace.
//! Then: meshctl refuses to write over them (and over Argo CD's, Flux's, the Sail operator's
//! objects) with nothing written, `meshctl migrate helm` takes them over, and an interrupted
//! takeover converges.
//!
//! Cluster tests: `#[ignore = "needs a cluster"]`, run by scripts/test inside the project's
//! control plane (`testenv/run exec`), where `MESHCTL_TEST_KUBECONFIG` names its admin
//! kubeconfig. `helm` and the Istio source are built and fetched outside the lanes (they have no
//! network): scripts/test runs testenv/helm and testenv/istio-source first.

#[path = "common/cluster.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::MutexGuard;

use common::{assert_code, client, kubeconfig, lock, meshctl, runtime, stderr, stdout, text};
use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{ConfigMap, Secret, Service, ServiceAccount};
use kube::Api;
use kube::api::{DeleteParams, ListParams, Patch, PatchParams};
use serde_json::{Value, json};

const SYSTEM: &str = "istio-system";
/// Namespaces the tests create: the injection test's, the operator chart's watched ones (which
/// `helm uninstall` keeps, as it should), and those `helm install --create-namespace` made.
const LEFT_NAMESPACES: [&str; 5] = [
    "injected",
    "mesh1",
    "mesh2",
    "istio-ingress",
    "istio-operator",
];
const INGRESS: &str = "istio-ingress";
/// What Istio's published charts carry in their values (the source tree's are a dev build's).
const RELEASE_IMAGES: [&str; 4] = [
    "--set",
    "global.hub=docker.io/istio",
    "--set",
    "global.tag=1.31.0",
];

// ------------------------------------------------------------------------------ the environment

/// The last line a testenv script printed on stdout (its path), which must succeed.
fn testenv(script: &str, arguments: &[&str]) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testenv")
        .join(script);
    let output = Command::new(path)
        .args(arguments)
        .stdin(Stdio::null())
        .output()
        .expect("testenv script runs");
    assert!(
        output.status.success(),
        "testenv/{script} {} failed:\n{}",
        arguments.join(" "),
        text(&output)
    );
    stdout(&output)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

/// Istio's charts of the pinned release.
fn charts() -> PathBuf {
    PathBuf::from(testenv("istio-source", &["tree", "1.31"])).join("manifests/charts")
}

struct Helm {
    binary: PathBuf,
    kubeconfig: PathBuf,
    home: tempfile::TempDir,
}

impl Helm {
    fn new(kubeconfig: &Path) -> Self {
        Self {
            binary: PathBuf::from(testenv("helm", &[])),
            kubeconfig: kubeconfig.to_path_buf(),
            home: tempfile::tempdir().expect("temporary HOME for helm"),
        }
    }

    /// `helm ARGS…` against the test cluster, with a HOME of its own (helm's caches).
    fn run(&self, arguments: &[&str]) -> Output {
        let output = Command::new(&self.binary)
            .args(arguments)
            .arg("--kubeconfig")
            .arg(&self.kubeconfig)
            .env("HOME", self.home.path())
            .env_remove("KUBECONFIG")
            .stdin(Stdio::null())
            .output()
            .expect("helm runs");
        eprintln!(
            "helm {} -> {:?}\n{}",
            arguments.join(" "),
            output.status.code(),
            stderr(&output)
        );
        output
    }

    fn ok(&self, arguments: &[&str]) -> String {
        let output = self.run(arguments);
        assert_code(&output, 0);
        stdout(&output)
    }

    /// `helm list -A`: `namespace/name` of each release.
    fn releases(&self) -> Vec<String> {
        let list: Value =
            serde_json::from_str(&self.ok(&["list", "-A", "-o", "json"])).expect("helm list JSON");
        list.as_array()
            .into_iter()
            .flatten()
            .map(|r| {
                format!(
                    "{}/{}",
                    r["namespace"].as_str().unwrap_or_default(),
                    r["name"].as_str().unwrap_or_default()
                )
            })
            .collect()
    }

    /// Istio's chart `name` packaged as its release publishes it (chart and app version
    /// 1.31.0), in this helm's home.
    fn chart(&self, name: &str) -> String {
        let source = charts().join(name);
        let packaged = self.ok(&[
            "package",
            source.to_str().expect("UTF-8 path"),
            "--version",
            "1.31.0",
            "--app-version",
            "1.31.0",
            "-d",
            self.home.path().to_str().expect("UTF-8 path"),
        ]);
        // `Successfully packaged chart and saved it to: PATH`
        packaged
            .trim()
            .rsplit(": ")
            .next()
            .expect("helm package names the archive")
            .to_string()
    }

    /// Istio as its Helm guide installs it: base, istiod (`extra` values), a gateway.
    fn install_istio(&self, istiod_values: &[&str]) {
        let chart = |name: &str| self.chart(name);
        self.ok(&[
            "install",
            "istio-base",
            &chart("base"),
            "-n",
            SYSTEM,
            "--create-namespace",
            "--set",
            "defaultRevision=default",
        ]);
        let (istiod_chart, gateway_chart) =
            (chart("istio-control/istio-discovery"), chart("gateway"));
        let mut istiod = vec![
            "install",
            "istiod",
            &istiod_chart,
            "-n",
            SYSTEM,
            "--wait",
            "--timeout",
            "180s",
        ];
        istiod.extend(RELEASE_IMAGES);
        istiod.extend(istiod_values);
        self.ok(&istiod);
        let mut gateway = vec![
            "install",
            "istio-ingress",
            &gateway_chart,
            "-n",
            INGRESS,
            "--create-namespace",
            "--set",
            "service.type=NodePort",
        ];
        gateway.extend(RELEASE_IMAGES);
        self.ok(&gateway);
    }
}

struct Env {
    admin: PathBuf,
    helm: Helm,
    _lock: MutexGuard<'static, ()>,
}

/// Nothing of Helm's or meshctl's installed (Istio's CRDs, which `helm uninstall` keeps, are
/// removed too, so each test starts from an empty cluster).
fn clean_env() -> Env {
    let admin = kubeconfig();
    let lock = lock();
    // An istiod left running by a failed test (its supervisor marks pods as it pleases).
    common::istiod(&["stop", "--all", "--release"]);
    let helm = Helm::new(&admin);
    for release in helm.releases() {
        let (namespace, name) = release.split_once('/').expect("namespace/name");
        helm.ok(&["uninstall", name, "-n", namespace, "--wait"]);
    }
    assert_code(&meshctl(&admin, &["uninstall", "--purge", "-y"]), 0);
    runtime().block_on(async {
        let client = client(&admin).await;
        // Left by the other-owner tests, or by helm's kept CRDs' annotations.
        let crds: Api<k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition> =
            Api::all(client.clone());
        for crd in crds.list(&ListParams::default()).await.expect("list CRDs").items {
            let name = crd.metadata.name.clone().unwrap_or_default();
            if name.ends_with(".istio.io") {
                let _ = crds.delete(&name, &DeleteParams::default()).await;
            }
        }
        let config_maps: Api<ConfigMap> = Api::namespaced(client.clone(), SYSTEM);
        let _ = config_maps.delete("istio", &DeleteParams::default()).await;
        let accounts: Api<ServiceAccount> = Api::namespaced(client.clone(), SYSTEM);
        let _ = accounts.delete("istiod", &DeleteParams::default()).await;
        let services: Api<Service> = Api::namespaced(client.clone(), SYSTEM);
        let _ = services.delete("istiod", &DeleteParams::default()).await;
        let namespaces: Api<k8s_openapi::api::core::v1::Namespace> = Api::all(client);
        for name in LEFT_NAMESPACES {
            let _ = namespaces.delete(name, &DeleteParams::default()).await;
        }
        common::eventually(
            "the tests' namespaces gone",
            std::time::Duration::from_secs(120),
            || {
                let namespaces = namespaces.clone();
                async move {
                    for name in LEFT_NAMESPACES {
                        if namespaces.get_opt(name).await.ok()?.is_some() {
                            return None;
                        }
                    }
                    Some(())
                }
            },
        )
        .await;
    });
    Env {
        admin,
        helm,
        _lock: lock,
    }
}

impl Drop for Env {
    /// Leaves no Helm release nor namespace of Helm's behind for the suites that share the
    /// cluster: the gateway release's pod keeps revision `default` in use, and `helm install
    /// --create-namespace` namespaces outlive their releases.
    fn drop(&mut self) {
        for release in self.helm.releases() {
            if let Some((namespace, name)) = release.split_once('/') {
                let _ = self
                    .helm
                    .run(&["uninstall", name, "-n", namespace, "--wait"]);
            }
        }
        common::istiod(&["stop", "--all", "--release"]);
        let admin = self.admin.clone();
        runtime().block_on(async {
            let namespaces: Api<k8s_openapi::api::core::v1::Namespace> =
                Api::all(client(&admin).await);
            for name in LEFT_NAMESPACES {
                let _ = namespaces.delete(name, &DeleteParams::default()).await;
            }
            // Gone before the next suite looks: a pod still terminating counts as a user of
            // its revision. Bounded, and no panic in a drop.
            for _ in 0..120 {
                let mut left = false;
                for name in LEFT_NAMESPACES {
                    left |= namespaces.get_opt(name).await.ok().flatten().is_some();
                }
                if !left {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        });
    }
}

async fn deployment(client: &kube::Client, namespace: &str, name: &str) -> Deployment {
    Api::<Deployment>::namespaced(client.clone(), namespace)
        .get(name)
        .await
        .unwrap_or_else(|e| panic!("Deployment {namespace}/{name}: {e}"))
}

async fn release_secrets(client: &kube::Client) -> Vec<String> {
    Api::<Secret>::all(client.clone())
        .list(&ListParams::default().labels("owner=helm"))
        .await
        .expect("list release Secrets")
        .items
        .into_iter()
        .filter_map(|s| s.metadata.name)
        .collect()
}

/// Whether meshctl wrote to `deployment` (a managed-fields entry of its own).
fn written_by_meshctl(deployment: &Deployment) -> bool {
    deployment
        .metadata
        .managed_fields
        .iter()
        .flatten()
        .any(|entry| entry.manager.as_deref() == Some("meshctl"))
}

// ------------------------------------------------------------------------------------- the tests

/// Issue 23: an install over Helm's Istio wrote over it, and the next `helm upgrade` put its
/// version back; `helm uninstall` deleted what meshctl thought it managed.
#[test]
#[ignore = "needs a cluster"]
fn helm_installs_are_refused_then_taken_over_by_migrate_helm() {
    let env = clean_env();
    let admin = &env.admin;
    env.helm
        .install_istio(&["--set", "pilot.env.PILOT_ENABLE_STATUS=true"]);
    let (before, gateway_before) = runtime().block_on(async {
        let client = client(admin).await;
        let service: Service = Api::namespaced(client.clone(), INGRESS)
            .get("istio-ingress")
            .await
            .expect("the gateway release's Service");
        let gateway = deployment(&client, INGRESS, "istio-ingress").await;
        (
            deployment(&client, SYSTEM, "istiod").await,
            (service, gateway),
        )
    });
    let (gateway_before, gateway_deployment_before) = gateway_before;

    // Refused everywhere, naming the releases, the objects and the way out; --force does not
    // change it; nothing written.
    let precheck = meshctl(admin, &["precheck"]);
    assert_code(&precheck, 1);
    assert!(
        stderr(&precheck).contains(
            "[owners] owned by another controller: Helm release `istio-system/istiod` (chart istiod"
        ),
        "{}",
        stderr(&precheck)
    );
    // `diff` answers "they differ" with 1, so its refusal, an error, is 2.
    for (arguments, code) in [
        (&["install", "-y"][..], 1),
        (&["install", "-y", "--force"], 1),
        (&["diff"], 2),
        (&["install", "-y", "--take-over-from", "argocd"], 1),
    ] {
        let refused = meshctl(admin, arguments);
        assert_code(&refused, code);
        let said = stderr(&refused);
        assert!(
            said.contains(
                "other controllers own objects this install would write (nothing was written)"
            ) && said.contains("Helm release `istio-system/istio-base`")
                && said.contains("Deployment `istio-system/istiod`")
                && said.contains("hint: Helm: `meshctl migrate helm`"),
            "{arguments:?}: {said}"
        );
    }
    runtime().block_on(async {
        let now = deployment(&client(admin).await, SYSTEM, "istiod").await;
        assert!(!written_by_meshctl(&now), "a refused install wrote");
        assert_eq!(
            now.metadata.resource_version,
            before.metadata.resource_version
        );
    });

    // The takeover: the IstioOperator printed, installed, the releases gone once ready.
    let directory = tempfile::tempdir().expect("temporary directory");
    let file = directory.path().join("istiod.yaml");
    let file = file.to_str().expect("UTF-8 path");
    let dry = meshctl(admin, &["migrate", "helm", "--dry-run"]);
    assert_code(&dry, 0);
    assert!(
        stdout(&dry).contains("kind: IstioOperator"),
        "{}",
        stdout(&dry)
    );
    assert!(
        stdout(&dry).contains("PILOT_ENABLE_STATUS"),
        "{}",
        stdout(&dry)
    );
    assert_eq!(env.helm.releases().len(), 3, "a dry run removed a release");
    let migrate = meshctl(admin, &["migrate", "helm", "-y", "-o", file]);
    assert_code(&migrate, 0);
    let said = stderr(&migrate);
    assert!(
        said.contains("Helm release `istio-ingress/istio-ingress` (chart gateway) is left to Helm"),
        "{said}"
    );
    assert!(
        said.contains("removed Helm release `istio-system/istiod`"),
        "{said}"
    );
    let written = std::fs::read_to_string(file).expect("the IstioOperator file");
    assert!(written.contains("name: istiod"), "{written}");

    // Helm no longer knows them; only the gateway release is left, as it was.
    assert_eq!(env.helm.releases(), ["istio-ingress/istio-ingress"]);
    let uninstall = env.helm.run(&["uninstall", "istiod", "-n", SYSTEM]);
    assert!(
        !uninstall.status.success(),
        "helm uninstall still finds istiod"
    );
    runtime().block_on(async {
        let client = client(admin).await;
        let after = deployment(&client, SYSTEM, "istiod").await;
        assert_eq!(
            after.metadata.uid, before.metadata.uid,
            "istiod's Deployment was recreated"
        );
        let annotations = after.metadata.annotations.clone().unwrap_or_default();
        assert!(
            !annotations.keys().any(|k| k.starts_with("meta.helm.sh/")),
            "{annotations:?}"
        );
        let labels = after.metadata.labels.clone().unwrap_or_default();
        assert!(!labels.contains_key("helm.sh/chart"), "{labels:?}");
        assert_eq!(
            release_secrets(&client).await,
            ["sh.helm.release.v1.istio-ingress.v1"]
        );
        // The gateway release's Service: the same object, address, ports and selector.
        let gateway: Service = Api::namespaced(client.clone(), INGRESS)
            .get("istio-ingress")
            .await
            .expect("the gateway's Service");
        assert_eq!(gateway.metadata.uid, gateway_before.metadata.uid);
        assert_eq!(gateway.spec, gateway_before.spec);
        // Left to Helm: not written by meshctl, its spec unchanged, so not restarted (its
        // status may still move: the release was installed without --wait).
        let gateway_deployment = deployment(&client, INGRESS, "istio-ingress").await;
        assert!(!written_by_meshctl(&gateway_deployment));
        assert_eq!(
            gateway_deployment.metadata.generation,
            gateway_deployment_before.metadata.generation
        );
        assert_eq!(gateway_deployment.spec, gateway_deployment_before.spec);
    });

    // The live state is a fresh install of the printed file: nothing to change.
    let diff = meshctl(admin, &["diff", "-f", file]);
    assert_code(&diff, 0);
    assert!(stdout(&diff).is_empty(), "{}", stdout(&diff));
    assert_code(&meshctl(admin, &["verify-install", "-f", file]), 0);
    // Run again: nothing left to take.
    let again = meshctl(admin, &["migrate", "helm", "-y"]);
    assert_code(&again, 0);
    assert!(
        stderr(&again).contains("nothing to take over"),
        "{}",
        stderr(&again)
    );
}

/// With the real istiod (testenv/istiod runs pilot-discovery for the istiod pods): Helm's mesh
/// injects a new pod, and after `meshctl migrate helm` the same mesh still does, through the
/// webhooks meshctl now manages.
#[test]
#[ignore = "needs a cluster"]
fn the_real_istiod_injects_before_and_after_the_takeover() {
    let env = clean_env();
    let admin = &env.admin;
    common::istiod(&["stop", "--all", "--release"]);
    env.helm.install_istio(&[]);
    common::istiod(&["start"]);
    runtime().block_on(async {
        let client = client(admin).await;
        let namespaces: Api<k8s_openapi::api::core::v1::Namespace> = Api::all(client.clone());
        namespaces
            .patch(
                "injected",
                &PatchParams::apply("tests").force(),
                &Patch::Apply(json!({"apiVersion": "v1", "kind": "Namespace",
                    "metadata": {"name": "injected", "labels": {"istio-injection": "enabled"}}})),
            )
            .await
            .expect("the injected namespace");
        assert!(
            injected(&client, "before").await,
            "Helm's istiod did not inject"
        );
    });
    assert_code(&meshctl(admin, &["migrate", "helm", "-y"]), 0);
    // istiod rolled out once (the chart's pod template carries the release's name): its new
    // pod gets its process.
    common::istiod(&["start"]);
    runtime().block_on(async {
        let client = client(admin).await;
        assert!(
            injected(&client, "after").await,
            "the migrated istiod did not inject"
        );
        let namespaces: Api<k8s_openapi::api::core::v1::Namespace> = Api::all(client);
        let _ = namespaces
            .delete("injected", &DeleteParams::default())
            .await;
    });
    common::istiod(&["stop", "--all", "--release"]);
}

/// Whether a pod created now in namespace `injected` gets an `istio-proxy` from the webhook.
/// Retried while the API server cannot reach istiod yet (its Service's endpoints follow the
/// pod's readiness a moment later).
async fn injected(client: &kube::Client, name: &str) -> bool {
    let pods: Api<k8s_openapi::api::core::v1::Pod> = Api::namespaced(client.clone(), "injected");
    let mut last = None;
    for attempt in 0..60 {
        let pod: k8s_openapi::api::core::v1::Pod = serde_json::from_value(json!({
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": format!("{name}-{attempt}"), "namespace": "injected"},
            "spec": {"containers": [{"name": "app", "image": "registry.k8s.io/pause:3.10"}]},
        }))
        .expect("a pod");
        match pods.create(&kube::api::PostParams::default(), &pod).await {
            Ok(created) => return meshctl::cluster::inventory::proxy(&created).is_some(),
            Err(error) => last = Some(error),
        }
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    }
    panic!("no pod could be created in `injected`: {last:?}");
}

/// A takeover stopped part-way (objects adopted but not applied; one release version's Secret
/// already removed) is finished by the next run, to the same state as an uninterrupted one.
#[test]
#[ignore = "needs a cluster"]
fn an_interrupted_takeover_converges() {
    let env = clean_env();
    let admin = &env.admin;
    env.helm.install_istio(&[]);
    // A second version of the istiod release (`helm upgrade`), so that it has two Secrets.
    let istiod_chart = env.helm.chart("istio-control/istio-discovery");
    let mut upgrade = vec![
        "upgrade",
        "istiod",
        &istiod_chart,
        "-n",
        SYSTEM,
        "--set",
        "pilot.env.UPGRADED=yes",
    ];
    upgrade.extend(RELEASE_IMAGES);
    env.helm.ok(&upgrade);
    let uid = runtime().block_on(async {
        let client = client(admin).await;
        let catalog = meshctl::cluster::discovery::Catalog::discover(&client)
            .await
            .expect("discovery");
        // Interrupted after adopting half of the objects…
        let merged =
            meshctl::pipeline::merge(&meshctl::pipeline::Inputs::default()).expect("merge");
        let manifests = meshctl::pipeline::render(&merged).expect("render");
        let foreign = meshctl::cluster::owners::find(
            &catalog,
            &manifests,
            &meshctl::cluster::owners::Releases::All,
        )
        .await
        .expect("owners");
        let half = &manifests[..manifests.len() / 2];
        meshctl::cluster::owners::adopt_all(
            &catalog,
            &foreign,
            half,
            &[meshctl::cluster::owners::Controller::Helm],
        )
        .await
        .expect("adopt");
        // …and after removing the oldest Secret of the istiod release.
        Api::<Secret>::namespaced(client.clone(), SYSTEM)
            .delete("sh.helm.release.v1.istiod.v1", &DeleteParams::default())
            .await
            .expect("delete v1");
        deployment(&client, SYSTEM, "istiod").await.metadata.uid
    });
    // What is left is still Helm's, and still refused.
    assert_code(&meshctl(admin, &["install", "-y"]), 1);
    assert!(
        env.helm
            .releases()
            .contains(&"istio-system/istiod".to_string())
    );

    let migrate = meshctl(admin, &["migrate", "helm", "-y"]);
    assert_code(&migrate, 0);
    let operator = stdout(&migrate);
    // The values of the newest version.
    assert!(operator.contains("UPGRADED"), "{operator}");
    assert_eq!(env.helm.releases(), ["istio-ingress/istio-ingress"]);
    let directory = tempfile::tempdir().expect("temporary directory");
    let file = directory.path().join("istiod.yaml");
    std::fs::write(&file, operator).expect("write");
    let diff = meshctl(admin, &["diff", "-f", file.to_str().expect("UTF-8")]);
    assert_code(&diff, 0);
    runtime().block_on(async {
        let after = deployment(&client(admin).await, SYSTEM, "istiod").await;
        assert_eq!(after.metadata.uid, uid);
    });
}

/// Argo CD's, Flux's and the Sail operator's marks are refused as Helm's are; the chart labels
/// istioctl's renders carry too (`app.kubernetes.io/managed-by: Helm`, `app.kubernetes.io/
/// instance`) are not a mark of anyone; `--take-over-from` names which controllers to take from.
#[test]
#[ignore = "needs a cluster"]
fn argo_cd_flux_and_sail_objects_are_refused_and_chart_labels_are_not() {
    let env = clean_env();
    let admin = &env.admin;
    runtime().block_on(async {
        let client = client(admin).await;
        let namespaces: Api<k8s_openapi::api::core::v1::Namespace> = Api::all(client.clone());
        let _ = namespaces
            .patch(
                SYSTEM,
                &PatchParams::apply("tests"),
                &Patch::Apply(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": SYSTEM}})),
            )
            .await
            .expect("namespace");
        let apply = |kind: &str, name: &str, metadata: Value| {
            let mut object = json!({"apiVersion": "v1", "kind": kind,
                                    "metadata": {"name": name, "namespace": SYSTEM}});
            if let (Some(target), Some(extra)) = (object["metadata"].as_object_mut(), metadata.as_object()) {
                target.extend(extra.clone());
            }
            object
        };
        let config_maps: Api<ConfigMap> = Api::namespaced(client.clone(), SYSTEM);
        config_maps
            .patch("istio", &PatchParams::apply("argocd-controller"), &Patch::Apply(apply("ConfigMap", "istio", json!({
                "annotations": {"argocd.argoproj.io/tracking-id": "istio:/ConfigMap:istio-system/istio"},
                "labels": {"app.kubernetes.io/instance": "istio"}}))))
            .await
            .expect("Argo CD's ConfigMap");
        let accounts: Api<ServiceAccount> = Api::namespaced(client.clone(), SYSTEM);
        accounts
            .patch("istiod", &PatchParams::apply("kustomize-controller"), &Patch::Apply(apply("ServiceAccount", "istiod", json!({
                "labels": {"kustomize.toolkit.fluxcd.io/name": "mesh",
                           "kustomize.toolkit.fluxcd.io/namespace": "flux-system"}}))))
            .await
            .expect("Flux's ServiceAccount");
        let services: Api<Service> = Api::namespaced(client.clone(), SYSTEM);
        let mut service = apply("Service", "istiod", json!({"labels": {"managed-by": "sail-operator"}}));
        service["spec"] = json!({"ports": [{"name": "grpc-xds", "port": 15010}]});
        services
            .patch("istiod", &PatchParams::apply("sail-operator"), &Patch::Apply(service))
            .await
            .expect("the Sail operator's Service");
    });

    let refused = meshctl(admin, &["install", "-y", "--force"]);
    assert_code(&refused, 1);
    let said = stderr(&refused);
    for owner in [
        "Argo CD Application `istio`: ConfigMap `istio-system/istio`",
        "Flux Kustomization `flux-system/mesh`: ServiceAccount `istio-system/istiod`",
        "the Sail operator: Service `istio-system/istiod`",
        "hint: Argo CD: remove these objects from the Argo CD Application",
    ] {
        assert!(said.contains(owner), "`{owner}` not in: {said}");
    }
    runtime().block_on(async {
        let deployments: Api<Deployment> = Api::namespaced(client(admin).await, SYSTEM);
        assert!(
            deployments.get_opt("istiod").await.expect("get").is_none(),
            "a refused install wrote"
        );
    });
    // Taking from some is not taking from all.
    let partly = meshctl(
        admin,
        &[
            "install",
            "-y",
            "--take-over-from",
            "argocd",
            "--take-over-from",
            "flux",
        ],
    );
    assert_code(&partly, 1);
    assert!(
        !stderr(&partly).contains("Argo CD Application"),
        "{}",
        stderr(&partly)
    );
    assert!(
        stderr(&partly).contains("the Sail operator"),
        "{}",
        stderr(&partly)
    );
    let taken = meshctl(
        admin,
        &[
            "install",
            "-y",
            "--take-over-from",
            "argocd",
            "--take-over-from",
            "flux",
            "--take-over-from",
            "sail",
            "--readiness-timeout=180s",
        ],
    );
    assert_code(&taken, 0);
    runtime().block_on(async {
        let client = client(admin).await;
        let config_map: ConfigMap = Api::namespaced(client.clone(), SYSTEM)
            .get("istio")
            .await
            .expect("the mesh config");
        let annotations = config_map.metadata.annotations.unwrap_or_default();
        assert!(
            !annotations.contains_key("argocd.argoproj.io/tracking-id"),
            "Argo CD's tracking mark stayed: {annotations:?}"
        );
        let account: ServiceAccount = Api::namespaced(client, SYSTEM)
            .get("istiod")
            .await
            .expect("istiod's account");
        let labels = account.metadata.labels.unwrap_or_default();
        assert!(
            !labels.contains_key("kustomize.toolkit.fluxcd.io/name"),
            "{labels:?}"
        );
    });
    // Installed by meshctl, the objects carry the charts' own labels; nobody else owns them.
    assert_code(&meshctl(admin, &["precheck"]), 0);
    assert_code(&meshctl(admin, &["diff"]), 0);
}

/// A revisioned control plane is a second `istiod` release (`revision=canary`), as Istio's
/// Helm guide upgrades canary-style: each becomes its own `IstioOperator`, both taken over.
#[test]
#[ignore = "needs a cluster"]
fn a_revisioned_istiod_release_becomes_its_own_istio_operator() {
    let env = clean_env();
    let admin = &env.admin;
    env.helm.install_istio(&[]);
    let istiod_chart = env.helm.chart("istio-control/istio-discovery");
    let mut canary = vec![
        "install",
        "istiod-canary",
        &istiod_chart,
        "-n",
        SYSTEM,
        "--set",
        "revision=canary",
        "--wait",
        "--timeout",
        "180s",
    ];
    canary.extend(RELEASE_IMAGES);
    env.helm.ok(&canary);
    let uid = runtime().block_on(async {
        deployment(&client(admin).await, SYSTEM, "istiod-canary")
            .await
            .metadata
            .uid
    });
    let directory = tempfile::tempdir().expect("temporary directory");
    let file = directory.path().join("mesh.yaml");
    let file = file.to_str().expect("UTF-8 path");
    let migrate = meshctl(admin, &["migrate", "helm", "-y", "-o", file]);
    assert_code(&migrate, 0);
    assert_eq!(env.helm.releases(), ["istio-ingress/istio-ingress"]);
    let written = std::fs::read_to_string(file).expect("the IstioOperators");
    let documents: Vec<&str> = written.split("---\n").collect();
    assert_eq!(documents.len(), 2, "{written}");
    assert!(documents[1].contains("revision: canary"), "{written}");
    for (index, document) in documents.iter().enumerate() {
        let path = directory.path().join(format!("{index}.yaml"));
        std::fs::write(&path, document).expect("write");
        let diff = meshctl(admin, &["diff", "-f", path.to_str().expect("UTF-8 path")]);
        assert_code(&diff, 0);
    }
    runtime().block_on(async {
        let after = deployment(&client(admin).await, SYSTEM, "istiod-canary").await;
        assert_eq!(after.metadata.uid, uid, "the canary istiod was recreated");
    });
}

/// The operator: `operator init -f` refuses a resource that would install over Helm's mesh, and
/// the running operator refuses it too (status `ERROR`, reason `OwnedByAnotherController`,
/// nothing written), until `meshctl migrate helm` has taken the mesh over; then it reconciles
/// it (`HEALTHY`): the `GitOps` move from an Argo CD `Application` of Istio's charts to one of an
/// `IstioOperator`.
#[test]
#[ignore = "needs a cluster"]
fn the_operator_refuses_helms_mesh_until_it_is_migrated() {
    let env = clean_env();
    let admin = &env.admin;
    common::remove_operator_and_mesh(admin);
    env.helm.install_istio(&[]);
    let directory = tempfile::tempdir().expect("temporary directory");
    let file = directory.path().join("mesh.yaml");
    std::fs::write(
        &file,
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\n  \
         namespace: istio-system\nspec:\n  profile: minimal\n",
    )
    .expect("write");
    let file = file.to_str().expect("UTF-8 path");
    let refused = meshctl(admin, &["operator", "init", "-f", file]);
    assert_code(&refused, 1);
    assert!(
        stderr(&refused).contains("Helm release `istio-system/istiod`"),
        "{}",
        stderr(&refused)
    );
    assert_code(&meshctl(admin, &["operator", "init"]), 0);
    let _operator = start_operator(admin, directory.path());
    runtime().block_on(async {
        let client = client(admin).await;
        let resources = istio_operators(&client);
        let body = json!({"apiVersion": "install.istio.io/v1alpha1", "kind": "IstioOperator",
                          "metadata": {"name": "mesh", "namespace": SYSTEM},
                          "spec": {"profile": "minimal"}});
        resources
            .patch("mesh", &PatchParams::apply("tests"), &Patch::Apply(&body))
            .await
            .expect("apply the IstioOperator");
        let status = status_of(&resources, "ERROR").await;
        assert_eq!(
            status["conditions"][0]["reason"], "OwnedByAnotherController",
            "{status:#}"
        );
        let message = status["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("Helm release `istio-system/istiod`"),
            "{message}"
        );
        assert!(message.contains("meshctl migrate helm"), "{message}");
        let istiod = deployment(&client, SYSTEM, "istiod").await;
        assert!(
            !written_by_meshctl(&istiod),
            "the operator wrote over Helm's istiod"
        );
    });
    assert_code(&meshctl(admin, &["migrate", "helm", "-y"]), 0);
    runtime().block_on(async {
        let client = client(admin).await;
        let resources = istio_operators(&client);
        status_of(&resources, "HEALTHY").await;
    });
    common::remove_operator_and_mesh(admin);
}

/// The `GitOps` move: an `IstioOperator` annotated `meshctl.io/take-over-from: helm`, committed
/// where an Argo CD or Flux Application of Istio's charts was. The operator, running as its own
/// `ServiceAccount`, may not read Helm's release Secrets until `operator init --take-over-helm-in`
/// grants it (it says so and writes nothing); then it takes istiod's releases over, and once the
/// mesh is applied and ready removes them, keeping istiod's Deployment and leaving the gateway
/// release to Helm. `operator init` without the flag then withdraws the grant.
#[test]
#[ignore = "needs a cluster"]
fn the_operator_takes_helms_mesh_over_where_it_was_granted_to() {
    let env = clean_env();
    let admin = &env.admin;
    common::remove_operator_and_mesh(admin);
    env.helm.install_istio(&[]);
    let directory = tempfile::tempdir().expect("temporary directory");
    // The IstioOperator equivalent to the releases, as `migrate helm` prints it (committed by
    // the user), annotated for the operator.
    let printed = meshctl(admin, &["migrate", "helm", "--dry-run"]);
    assert_code(&printed, 0);
    let mut operator = meshctl::yaml::parse_documents(
        &stdout(&printed),
        &meshctl::yaml::Source("migrate helm".into()),
    )
    .expect("YAML")
    .into_iter()
    .next()
    .expect("one IstioOperator");
    operator["metadata"]["annotations"] = json!({"meshctl.io/take-over-from": "helm"});
    let name = operator["metadata"]["name"]
        .as_str()
        .expect("a name")
        .to_string();
    let file = directory.path().join("istiod.yaml");
    std::fs::write(&file, meshctl::yaml::value_to_string(&operator)).expect("write");
    let file = file.to_str().expect("UTF-8 path");

    assert_code(&meshctl(admin, &["operator", "init"]), 0);
    let _operator = start_operator(admin, directory.path());
    let before = runtime().block_on(async {
        let client = client(admin).await;
        let before = deployment(&client, SYSTEM, "istiod").await;
        let resources = istio_operators(&client);
        resources
            .patch(
                &name,
                &PatchParams::apply("tests"),
                &Patch::Apply(&operator),
            )
            .await
            .expect("apply the IstioOperator");
        let status = status_named(&resources, &name, "ERROR").await;
        assert_eq!(
            status["conditions"][0]["reason"], "TakeOverForbidden",
            "{status:#}"
        );
        let message = status["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("--take-over-helm-in istio-system"),
            "{message}"
        );
        let now = deployment(&client, SYSTEM, "istiod").await;
        assert!(
            !written_by_meshctl(&now),
            "the operator wrote without its grant"
        );
        before
    });
    assert_eq!(env.helm.releases().len(), 3);

    // Granted: the next retry takes the mesh over.
    assert_code(
        &meshctl(admin, &["operator", "init", "--take-over-helm-in", SYSTEM]),
        0,
    );
    runtime().block_on(async {
        let client = client(admin).await;
        let resources = istio_operators(&client);
        status_named(&resources, &name, "HEALTHY").await;
        let after = deployment(&client, SYSTEM, "istiod").await;
        assert_eq!(
            after.metadata.uid, before.metadata.uid,
            "istiod's Deployment was recreated"
        );
        assert!(written_by_meshctl(&after));
        let annotations = after.metadata.annotations.clone().unwrap_or_default();
        assert!(
            !annotations.keys().any(|k| k.starts_with("meta.helm.sh/")),
            "{annotations:?}"
        );
        assert_eq!(
            release_secrets(&client).await,
            ["sh.helm.release.v1.istio-ingress.v1"]
        );
    });
    assert_eq!(env.helm.releases(), ["istio-ingress/istio-ingress"]);
    assert!(
        !env.helm
            .run(&["uninstall", "istiod", "-n", SYSTEM])
            .status
            .success(),
        "helm uninstall still finds istiod"
    );
    // What the operator left is a fresh install of the committed file.
    let diff = meshctl(admin, &["diff", "-f", file]);
    assert_code(&diff, 0);

    // The grant ends with the move.
    let withdrawn = meshctl(admin, &["operator", "init"]);
    assert_code(&withdrawn, 0);
    assert!(
        stderr(&withdrawn).contains("meshctl-operator-helm-takeover")
            || stdout(&withdrawn).contains("meshctl-operator-helm-takeover"),
        "{}",
        stderr(&withdrawn)
    );
    runtime().block_on(async {
        let client = client(admin).await;
        let roles: Api<k8s_openapi::api::rbac::v1::Role> = Api::namespaced(client.clone(), SYSTEM);
        assert!(
            roles
                .get_opt("meshctl-operator-helm-takeover")
                .await
                .expect("get Role")
                .is_none(),
            "the Secrets grant outlived the move"
        );
    });
    common::remove_operator_and_mesh(admin);
}

/// The status of `IstioOperator` `name` once `status.status` is `wanted`.
async fn status_named(api: &Api<kube::api::DynamicObject>, name: &str, wanted: &str) -> Value {
    common::eventually(
        &format!("IstioOperator `{name}` {wanted}"),
        std::time::Duration::from_secs(180),
        || {
            let api = api.clone();
            async move {
                let resource = api.get(name).await.ok()?;
                let status = resource.data.get("status")?.clone();
                (status["status"] == wanted).then_some(status)
            }
        },
    )
    .await
}

/// The status of `IstioOperator` `mesh` once `status.status` is `wanted`.
async fn status_of(api: &Api<kube::api::DynamicObject>, wanted: &str) -> Value {
    status_named(api, "mesh", wanted).await
}

/// The operator, run as its own `ServiceAccount` (as its pod would be), watching `istio-system`.
fn start_operator(admin: &Path, directory: &Path) -> common::Operator {
    let operator_kubeconfig = directory.join("operator.kubeconfig");
    common::write_service_account_kubeconfig(admin, &operator_kubeconfig);
    common::Operator::start(&operator_kubeconfig, "replica-a", directory, &[])
}

/// The `IstioOperator` resources in `istio-system`.
fn istio_operators(client: &kube::Client) -> Api<kube::api::DynamicObject> {
    let resource = kube::core::ApiResource::from_gvk(&kube::core::GroupVersionKind::gvk(
        "install.istio.io",
        "v1alpha1",
        "IstioOperator",
    ));
    Api::namespaced_with(client.clone(), SYSTEM, &resource)
}

// ------------------------------------------------------------------- the operator as a chart

/// The chart, as the repository ships it.
fn operator_chart() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("charts/meshctl-operator")
        .to_string_lossy()
        .into_owned()
}

/// Objects by `Kind namespace/name`, from a YAML stream.
fn objects_of(stream: &str, source: &str) -> std::collections::BTreeMap<String, Value> {
    meshctl::yaml::parse_documents(stream, &meshctl::yaml::Source(source.into()))
        .expect("YAML")
        .into_iter()
        .map(|object| {
            let key = meshctl::cluster::ObjectKey::of(&object).to_string();
            (key, object)
        })
        .collect()
}

/// `helm template` of the chart (its CRD from `crds/` included) equals `meshctl operator dump`
/// for the same settings, but for what Helm does itself: the release's namespace
/// (`--create-namespace`), and the watched namespaces kept by `helm uninstall`.
#[test]
#[ignore = "needs helm (testenv/helm)"]
fn the_operator_chart_renders_what_operator_dump_prints() {
    let helm = Helm::new(Path::new("/dev/null"));
    let chart = operator_chart();
    for (namespace, dump_flags, chart_flags) in [
        ("istio-operator", vec![], vec![]),
        (
            "mesh-operator",
            vec![
                "--operatorNamespace=mesh-operator",
                "--hub=registry.example/team",
                "--tag=9.9.9",
                "--watchedNamespaces=istio-system,mesh-operator,mesh2",
                "--imagePullSecrets=regcred,other",
                "--take-over-helm-in=istio-system,istio-ingress",
            ],
            vec![
                "--set",
                "hub=registry.example/team",
                "--set",
                "tag=9.9.9",
                "--set",
                "watchedNamespaces={istio-system,mesh-operator,mesh2}",
                "--set",
                "imagePullSecrets={regcred,other}",
                "--set",
                "takeOverHelmIn={istio-system,istio-ingress}",
            ],
        ),
    ] {
        let mut dump = vec!["operator", "dump"];
        dump.extend(&dump_flags);
        let dumped = Command::new(env!("CARGO_BIN_EXE_meshctl"))
            .args(&dump)
            .output()
            .expect("meshctl runs");
        assert_code(&dumped, 0);
        let mut expected = objects_of(&stdout(&dumped), "operator dump");
        expected.remove(&format!("Namespace `{namespace}`"));

        let mut template = vec![
            "template",
            "istio-operator",
            &chart,
            "-n",
            namespace,
            "--include-crds",
        ];
        template.extend(&chart_flags);
        let output = Command::new(&helm.binary)
            .args(&template)
            .env("HOME", helm.home.path())
            .output()
            .expect("helm runs");
        assert_code(&output, 0);
        let mut rendered = objects_of(&stdout(&output), "helm template");
        for (key, object) in &mut rendered {
            if key.starts_with("Namespace ") {
                let annotations = &mut object["metadata"]["annotations"];
                assert_eq!(annotations["helm.sh/resource-policy"], "keep", "{key}");
                object["metadata"]
                    .as_object_mut()
                    .expect("metadata")
                    .remove("annotations");
            }
        }
        let keys =
            |m: &std::collections::BTreeMap<String, Value>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&rendered), keys(&expected), "{dump_flags:?}");
        for (key, object) in &expected {
            assert_eq!(
                &rendered[key],
                object,
                "{key} differs between `meshctl {}` and the chart: update charts/meshctl-operator",
                dump.join(" ")
            );
        }
    }
}

/// The chart installed, upgraded and uninstalled with the real helm: the operator runs, watches
/// what the values say; `meshctl operator init` then refuses to write over Helm's operator; `helm
/// uninstall` removes the operator but leaves the CRD and the watched namespaces (with whatever
/// `IstioOperator` resources and mesh they hold).
#[test]
#[ignore = "needs a cluster"]
fn the_operator_chart_installs_upgrades_and_uninstalls_with_helm() {
    let env = clean_env();
    let admin = &env.admin;
    common::remove_operator_and_mesh(admin);
    let chart = operator_chart();
    env.helm.ok(&[
        "install",
        "istio-operator",
        &chart,
        "-n",
        "istio-operator",
        "--create-namespace",
        "--set",
        "watchedNamespaces={mesh1}",
        "--wait",
        "--timeout",
        "180s",
    ]);
    let refused = meshctl(admin, &["operator", "init"]);
    assert_code(&refused, 1);
    assert!(
        stderr(&refused).contains("Helm release `istio-operator/istio-operator`"),
        "{}",
        stderr(&refused)
    );
    env.helm.ok(&[
        "upgrade",
        "istio-operator",
        &chart,
        "-n",
        "istio-operator",
        "--set",
        "watchedNamespaces={mesh1,mesh2}",
        "--set",
        "tag=0.0.9",
        "--wait",
        "--timeout",
        "180s",
    ]);
    runtime().block_on(async {
        let client = client(admin).await;
        let operator = deployment(&client, "istio-operator", "meshctl-operator").await;
        let container = &operator
            .spec
            .template
            .spec
            .as_ref()
            .expect("pod")
            .containers[0];
        assert_eq!(
            container.image.as_deref(),
            Some("ghcr.io/meshctl/meshctl:0.0.9")
        );
        assert!(
            container
                .args
                .iter()
                .flatten()
                .any(|a| a == "--watchedNamespaces=mesh1,mesh2"),
            "{:?}",
            container.args
        );
        let roles: Api<k8s_openapi::api::rbac::v1::Role> = Api::namespaced(client.clone(), "mesh2");
        roles
            .get("meshctl-operator")
            .await
            .expect("the Role in mesh2");
    });
    env.helm.ok(&[
        "uninstall",
        "istio-operator",
        "-n",
        "istio-operator",
        "--wait",
    ]);
    runtime().block_on(async {
        let client = client(admin).await;
        let deployments: Api<Deployment> = Api::namespaced(client.clone(), "istio-operator");
        assert!(deployments.get_opt("meshctl-operator").await.expect("get").is_none());
        let crds: Api<k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition> =
            Api::all(client.clone());
        assert!(
            crds.get_opt("istiooperators.install.istio.io").await.expect("get").is_some(),
            "helm uninstall deleted the CRD (and every IstioOperator with it)"
        );
        let namespaces: Api<k8s_openapi::api::core::v1::Namespace> = Api::all(client);
        for kept in ["mesh1", "mesh2"] {
            let namespace = namespaces.get(kept).await.expect("a watched namespace is kept");
            assert!(namespace.metadata.deletion_timestamp.is_none(), "{kept} is being deleted");
        }
    });
}
