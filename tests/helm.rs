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
        let services: Api<Service> = Api::namespaced(client, SYSTEM);
        let _ = services.delete("istiod", &DeleteParams::default()).await;
    });
    Env {
        admin,
        helm,
        _lock: lock,
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
    for arguments in [
        &["install", "-y"][..],
        &["install", "-y", "--force"],
        &["diff"],
        &["install", "-y", "--take-over-from", "argocd"],
    ] {
        let refused = meshctl(admin, arguments);
        assert_code(&refused, 1);
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
        // Left to Helm: not written, so not restarted.
        let gateway_deployment = deployment(&client, INGRESS, "istio-ingress").await;
        assert_eq!(
            gateway_deployment.metadata.resource_version,
            gateway_deployment_before.metadata.resource_version
        );
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
        let foreign = meshctl::cluster::owners::find(&catalog, &manifests, true)
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
