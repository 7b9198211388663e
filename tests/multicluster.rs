//! One mesh across two clusters: two control planes started by `testenv/run` in one network
//! namespace (same `MESHCTL_TESTENV_NETNS`, different `MESHCTL_TESTENV_POD_CIDR`), so that what
//! runs in cluster A reaches cluster B's API server and pod addresses.
//!
//! Cluster A is the test cluster (`MESHCTL_TEST_KUBECONFIG`, and these tests run inside its
//! `testenv/run exec`); cluster B's admin kubeconfig is `MESHCTL_TEST_KUBECONFIG_B`. Run:
//!
//! ```sh
//! export MESHCTL_TESTENV_NETNS=mc
//! MESHCTL_TESTENV_RUN=/tmp/run-b MESHCTL_TESTENV_POD_CIDR=10.245.0.0/16 testenv/run start
//! MESHCTL_TESTENV_RUN=/tmp/run-a testenv/run start
//! MESHCTL_TESTENV_RUN=/tmp/run-a testenv/run exec -- sh -c 'MESHCTL_TEST_KUBECONFIG=$KUBECONFIG \
//!   MESHCTL_TEST_KUBECONFIG_B=/tmp/run-b/admin.kubeconfig \
//!   cargo test --offline --test multicluster -- --include-ignored --test-threads=1'
//! ```
//!
//! Without both variables the tests fail at once and say why.

#[path = "common/cluster.rs"]
mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{assert_code, client, eventually, istiod, kubeconfig, lock, meshctl, runtime, text};
use k8s_openapi::api::authorization::v1::{
    ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec,
};
use k8s_openapi::api::core::v1::{
    ConfigMap, Namespace, Node, Pod, Secret, Service, ServiceAccount,
};
use k8s_openapi::api::discovery::v1::EndpointSlice;
use kube::api::{Api, DeleteParams, ListParams, PostParams};
use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::{Client, Config};
use meshctl::multicluster::{self, READER_SERVICE_ACCOUNT};
use meshctl::yaml::{self, Source};
use serde_json::{Value, json};

const SYSTEM: &str = "istio-system";
const CLUSTER_B: &str = "cluster-b";
const DEMO: &str = "mc-demo";
const SETTLE: Duration = Duration::from_secs(120);

/// Cluster B's admin kubeconfig.
fn cluster_b() -> PathBuf {
    let Some(path) = std::env::var_os("MESHCTL_TEST_KUBECONFIG_B").map(PathBuf::from) else {
        panic!(
            "MESHCTL_TEST_KUBECONFIG_B is not set, and this test needs a second cluster: start one \
             with `testenv/run start` in another run directory, the same MESHCTL_TESTENV_NETNS and \
             another MESHCTL_TESTENV_POD_CIDR (see this file's header)"
        )
    };
    assert!(
        path.is_file(),
        "MESHCTL_TEST_KUBECONFIG_B={} is not a file",
        path.display()
    );
    path
}

/// The pinned istioctl, built (or found in the cache) by `testenv/istioctl`.
fn istioctl() -> PathBuf {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("testenv/istioctl");
    let output = Command::new(script)
        .stdin(Stdio::null())
        .output()
        .expect("testenv/istioctl runs");
    assert!(
        output.status.success(),
        "testenv/istioctl failed:\n{}",
        text(&output)
    );
    PathBuf::from(
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .last()
            .unwrap_or_default()
            .trim(),
    )
}

/// The one Secret document of a `create-remote-secret` output (header comment and `---` allowed).
fn secret_of(stdout: &str) -> Value {
    let documents = yaml::parse_documents(stdout, &Source("stdout".into())).expect("YAML");
    let secrets: Vec<Value> = documents
        .into_iter()
        .filter(|d| d["kind"] == "Secret")
        .collect();
    assert_eq!(secrets.len(), 1, "one Secret in:\n{stdout}");
    secrets.into_iter().next().unwrap_or_default()
}

/// The kubeconfig a remote secret carries, parsed.
fn kubeconfig_in(secret: &Value, key: &str) -> Value {
    let text = secret["stringData"][key]
        .as_str()
        .unwrap_or_else(|| panic!("no stringData.{key} in {secret}"));
    yaml::parse_value(text, &Source("kubeconfig".into())).expect("kubeconfig is YAML")
}

/// A client that authenticates as the remote secret's kubeconfig does.
async fn client_of(secret: &Value, key: &str) -> Client {
    let text = secret["stringData"][key].as_str().expect("kubeconfig");
    let kubeconfig = Kubeconfig::from_yaml(text).expect("kubeconfig parses");
    let config = Config::from_custom_kubeconfig(kubeconfig, &KubeConfigOptions::default())
        .await
        .expect("kubeconfig is usable");
    Client::try_from(config).expect("client")
}

/// Cluster B without Istio and without what `create-remote-secret` (ours or istioctl's) made.
async fn clean_b(b: &Path) {
    assert_code(&meshctl(b, &["uninstall", "--purge", "-y"]), 0);
    let client = client(b).await;
    let secrets: Api<Secret> = Api::namespaced(client.clone(), SYSTEM);
    let _ = secrets
        .delete(
            &multicluster::token_secret_name(READER_SERVICE_ACCOUNT),
            &DeleteParams::default(),
        )
        .await;
    let accounts: Api<ServiceAccount> = Api::namespaced(client.clone(), SYSTEM);
    let _ = accounts
        .delete(READER_SERVICE_ACCOUNT, &DeleteParams::default())
        .await;
    let namespaces: Api<Namespace> = Api::all(client);
    let _ = namespaces.delete(DEMO, &DeleteParams::default()).await;
    eventually("cluster B's demo namespace gone", SETTLE, || {
        let namespaces = namespaces.clone();
        async move { namespaces.get_opt(DEMO).await.ok()?.is_none().then_some(()) }
    })
    .await;
}

/// Whether the rendered reader `ClusterRole` grants `verb` on `group`/`resource`.
fn reader_allows(rules: &[Value], verb: &str, group: &str, resource: &str) -> bool {
    let has = |list: &Value, item: &str| {
        list.as_array()
            .is_some_and(|l| l.iter().any(|v| v == item || v == "*"))
    };
    rules.iter().any(|rule| {
        has(&rule["apiGroups"], group)
            && has(&rule["resources"], resource)
            && has(&rule["verbs"], verb)
    })
}

async fn access(
    client: &Client,
    verb: &str,
    group: &str,
    resource: &str,
    namespace: Option<&str>,
) -> bool {
    let review = SelfSubjectAccessReview {
        spec: SelfSubjectAccessReviewSpec {
            resource_attributes: Some(ResourceAttributes {
                verb: Some(verb.into()),
                group: Some(group.into()),
                resource: Some(resource.into()),
                namespace: namespace.map(str::to_string),
                ..ResourceAttributes::default()
            }),
            ..SelfSubjectAccessReviewSpec::default()
        },
        ..SelfSubjectAccessReview::default()
    };
    let answer = Api::<SelfSubjectAccessReview>::all(client.clone())
        .create(&PostParams::default(), &review)
        .await
        .expect("SelfSubjectAccessReview");
    answer.status.is_some_and(|s| s.allowed)
}

/// Item 1 and the first half of item 2: meshctl's remote secret is istioctl's, and the token in
/// it has exactly the rights of the reader `ClusterRole` meshctl renders — no more, no less.
#[test]
#[ignore = "needs two clusters (see the file header)"]
fn remote_secret_is_istioctls_and_reads_with_exactly_the_readers_rights() {
    let _lock = lock();
    let b = cluster_b();
    runtime().block_on(clean_b(&b));

    // meshctl first: B has no Istio, so it creates the reader account, its RBAC and a token.
    let ours = meshctl(&b, &["create-remote-secret", "--name", CLUSTER_B]);
    assert_code(&ours, 0);
    let said = String::from_utf8_lossy(&ours.stderr).into_owned();
    assert!(
        said.contains("ServiceAccount `istio-system/istio-reader-service-account`"),
        "{said}"
    );
    assert!(
        said.contains("ClusterRole `istio-reader-clusterrole-istio-system`"),
        "{said}"
    );
    let ours_text = String::from_utf8_lossy(&ours.stdout).into_owned();
    assert!(ours_text.starts_with("# This file is autogenerated, do not edit.\n"));
    let ours = secret_of(&ours_text);
    let kubeconfig_ours = kubeconfig_in(&ours, CLUSTER_B);
    let token = kubeconfig_ours["users"][0]["user"]["token"]
        .as_str()
        .expect("a bearer token")
        .to_string();
    assert!(token.len() > 100, "a service-account JWT: {token}");
    assert!(!said.contains(&token), "the token reached stderr");

    // istioctl of the pinned release against the same cluster finds the same account and token.
    let theirs = Command::new(istioctl())
        .args(["create-remote-secret", "--name", CLUSTER_B, "--kubeconfig"])
        .arg(&b)
        .env_remove("KUBECONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("istioctl runs");
    assert!(theirs.status.success(), "istioctl:\n{}", text(&theirs));
    let theirs = secret_of(&String::from_utf8_lossy(&theirs.stdout));
    assert_eq!(ours["metadata"]["name"], "istio-remote-secret-cluster-b");
    assert_eq!(ours["metadata"]["name"], theirs["metadata"]["name"]);
    assert_eq!(
        ours["metadata"]["namespace"],
        theirs["metadata"]["namespace"]
    );
    assert_eq!(ours["metadata"]["labels"], theirs["metadata"]["labels"]);
    assert_eq!(
        ours["metadata"]["annotations"],
        theirs["metadata"]["annotations"]
    );
    assert_eq!(ours["type"], theirs["type"]);
    assert_eq!(ours.get("data"), theirs.get("data"));
    let keys = |s: &Value| {
        s["stringData"]
            .as_object()
            .map(|m| m.keys().cloned().collect::<Vec<_>>())
    };
    assert_eq!(keys(&ours), keys(&theirs));
    // Compared with the token taken out, so that a failure does not print it.
    let mut kubeconfig_theirs = kubeconfig_in(&theirs, CLUSTER_B);
    let token_theirs = kubeconfig_theirs["users"][0]["user"]["token"].take();
    let mut redacted_ours = kubeconfig_ours.clone();
    redacted_ours["users"][0]["user"]["token"].take();
    assert!(
        token_theirs == token.as_str(),
        "istioctl chose another token"
    );
    assert_eq!(redacted_ours, kubeconfig_theirs, "the kubeconfigs differ");

    // The rights of that token, asked of B's API server, against the rendered reader role.
    let role = multicluster::reader_objects(SYSTEM)
        .expect("renders")
        .into_iter()
        .find(|m| m.kind() == "ClusterRole")
        .expect("the reader ClusterRole");
    let rules = role.object()["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    runtime().block_on(async {
        let reader = client_of(&ours, CLUSTER_B).await;
        let mut checked = BTreeMap::new();
        for (group, resource) in [
            ("", "services"),
            ("discovery.k8s.io", "endpointslices"),
            ("", "pods"),
            ("", "namespaces"),
            ("", "nodes"),
            ("", "secrets"),
            ("", "configmaps"),
            ("", "serviceaccounts"),
            ("apps", "deployments"),
            ("apps", "replicasets"),
            ("rbac.authorization.k8s.io", "clusterroles"),
            ("networking.istio.io", "virtualservices"),
            (
                "admissionregistration.k8s.io",
                "mutatingwebhookconfigurations",
            ),
        ] {
            for verb in [
                "get", "list", "watch", "create", "update", "patch", "delete",
            ] {
                for namespace in [Some(SYSTEM), Some("default"), None] {
                    let allowed = access(&reader, verb, group, resource, namespace).await;
                    assert_eq!(
                        allowed,
                        reader_allows(&rules, verb, group, resource),
                        "{verb} {resource}.{group} in {namespace:?}: the API server says {allowed}"
                    );
                    checked.insert(format!("{verb} {resource}.{group} {namespace:?}"), allowed);
                }
            }
        }
        // What istiod needs of a remote, by real requests: list these five.
        Api::<Service>::all(reader.clone())
            .list(&ListParams::default())
            .await
            .expect("list services");
        Api::<EndpointSlice>::all(reader.clone())
            .list(&ListParams::default())
            .await
            .expect("list endpointslices");
        Api::<Pod>::all(reader.clone())
            .list(&ListParams::default())
            .await
            .expect("list pods");
        Api::<Namespace>::all(reader.clone())
            .list(&ListParams::default())
            .await
            .expect("list namespaces");
        Api::<Node>::all(reader.clone())
            .list(&ListParams::default())
            .await
            .expect("list nodes");
        // And writes are refused.
        let refused = Api::<ConfigMap>::namespaced(reader.clone(), "default")
            .create(
                &PostParams::default(),
                &serde_json::from_value(json!({"metadata": {"name": "reader-wrote-this"}}))
                    .expect("ConfigMap"),
            )
            .await
            .expect_err("the reader cannot create a ConfigMap");
        assert!(
            matches!(refused, kube::Error::Api(ref s) if s.code == 403),
            "{refused}"
        );
        // Istio 1.31's reader role lets the token read Secrets in every namespace: istiod's
        // credential controller watches every cluster's Secrets (gateways' `credentialName`)
        // and waits for that watch before it calls a cluster synced. Recorded, not hidden.
        assert_eq!(checked.get(r#"list secrets. Some("default")"#), Some(&true));
        eprintln!(
            "{} access reviews agree with the rendered reader role",
            checked.len()
        );
    });
}

/// An HTTP GET to istiod's monitoring port from a loopback source address: istiod serves its
/// debug endpoints without authentication only to loopback clients, and in the test network
/// namespace the pod address is local, so this is "on the istiod host".
async fn debug_get(pod_ip: &str, path: &str) -> Option<Value> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let socket = tokio::net::TcpSocket::new_v4().ok()?;
    socket.bind("127.0.0.1:0".parse().ok()?).ok()?;
    let mut stream = socket
        .connect(format!("{pod_ip}:15014").parse().ok()?)
        .await
        .ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {pod_ip}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.ok()?;
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n")?;
    if !head.starts_with("HTTP/1.1 200") {
        eprintln!("{path}: {head}");
        return None;
    }
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_string()
    };
    serde_json::from_str(&body).ok()
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}

/// Items 2 and 4: the real istiod in A, given B's remote secret, reports B synced on its
/// clusters debug endpoint and sees B's Services; `uninstall --purge` in A removes the remote
/// secret and nothing of B, and in B removes the reader account, role, binding and token and
/// nothing of A.
#[test]
#[ignore = "needs two clusters and istiod (see the file header)"]
fn istiod_in_a_reads_cluster_b_through_the_remote_secret() {
    let _lock = lock();
    let a = kubeconfig();
    let b = cluster_b();
    assert!(
        std::env::var_os("MESHCTL_TESTENV_RUN").is_some(),
        "run inside cluster A's `testenv/run exec` (MESHCTL_TESTENV_RUN is not set)"
    );
    istiod(&["stop", "--all", "--release"]);
    assert_code(&meshctl(&a, &["uninstall", "--purge", "-y"]), 0);
    runtime().block_on(clean_b(&b));

    // B: an application namespace with a Service, no Istio yet.
    runtime().block_on(async {
        let client_b = client(&b).await;
        Api::<Namespace>::all(client_b.clone())
            .create(
                &PostParams::default(),
                &serde_json::from_value(json!({"metadata": {"name": DEMO}})).expect("ns"),
            )
            .await
            .expect("create the demo namespace in B");
        let service: Service = serde_json::from_value(json!({
            "metadata": {"name": "echo", "namespace": DEMO},
            "spec": {"selector": {"app": "echo"}, "ports": [{"name": "http", "port": 80}]},
        }))
        .expect("Service");
        Api::<Service>::namespaced(client_b, DEMO)
            .create(&PostParams::default(), &service)
            .await
            .expect("create echo in B");
    });

    // A: the primary, with its istiod running.
    assert_code(
        &meshctl(
            &a,
            &[
                "install",
                "-y",
                "--set",
                "values.global.meshID=mesh1",
                "--set",
                "values.global.multiCluster.clusterName=cluster-a",
                "--set",
                "values.global.network=network1",
            ],
        ),
        0,
    );
    let log = istiod(&["start"]);
    eprintln!("istiod log: {log}");

    // B's remote secret, applied in A.
    let created = meshctl(&b, &["create-remote-secret", "--name", CLUSTER_B]);
    assert_code(&created, 0);
    let secret = secret_of(&String::from_utf8_lossy(&created.stdout));
    runtime().block_on(async {
        let client_a = client(&a).await;
        let typed: Secret = serde_json::from_value(secret.clone()).expect("a Secret");
        Api::<Secret>::namespaced(client_a.clone(), SYSTEM)
            .create(&PostParams::default(), &typed)
            .await
            .expect("apply the remote secret in A");
        let pods = Api::<Pod>::namespaced(client_a.clone(), SYSTEM)
            .list(&ListParams::default().labels("app=istiod"))
            .await
            .expect("istiod pods");
        let pod_ip = pods
            .items
            .iter()
            .find_map(|p| p.status.as_ref()?.pod_ip.clone())
            .expect("an istiod pod with an IP");

        let clusters = eventually("istiod in A reports cluster-b synced", SETTLE, || {
            let pod_ip = pod_ip.clone();
            async move {
                let clusters = debug_get(&pod_ip, "/debug/clusterz").await?;
                let synced = clusters.as_array()?.iter().any(|c| {
                    c["id"] == CLUSTER_B
                        && c["syncStatus"] == "synced"
                        && c["secretName"] == "istio-system/istio-remote-secret-cluster-b"
                });
                synced.then_some(clusters)
            }
        })
        .await;
        eprintln!("/debug/clusterz: {clusters}");
        let registry = eventually("istiod in A sees echo.mc-demo of cluster-b", SETTLE, || {
            let pod_ip = pod_ip.clone();
            async move {
                let services = debug_get(&pod_ip, "/debug/registryz").await?;
                services
                    .as_array()?
                    .iter()
                    .find(|s| s["hostname"] == "echo.mc-demo.svc.cluster.local")
                    .filter(|s| s.to_string().contains(CLUSTER_B))
                    .cloned()
            }
        })
        .await;
        eprintln!("echo in A's registry: {registry}");
    });
    istiod(&["stop", "--all", "--release"]);

    // Uninstall A: its remote secret goes, nothing of B does.
    let purge_a = meshctl(&a, &["uninstall", "--purge", "-y"]);
    assert_code(&purge_a, 0);
    assert!(
        text(&purge_a).contains("istio-remote-secret-cluster-b"),
        "{}",
        text(&purge_a)
    );
    runtime().block_on(async {
        let client_a = client(&a).await;
        let left = Api::<Secret>::namespaced(client_a, SYSTEM)
            .get_opt("istio-remote-secret-cluster-b")
            .await
            .expect("get");
        assert!(left.is_none(), "the remote secret survived A's uninstall");
        let client_b = client(&b).await;
        assert!(
            Api::<ServiceAccount>::namespaced(client_b.clone(), SYSTEM)
                .get_opt(READER_SERVICE_ACCOUNT)
                .await
                .expect("get")
                .is_some(),
            "A's uninstall removed B's reader account"
        );
        assert!(
            Api::<Secret>::namespaced(client_b, SYSTEM)
                .get_opt(&multicluster::token_secret_name(READER_SERVICE_ACCOUNT))
                .await
                .expect("get")
                .is_some(),
            "A's uninstall removed B's token"
        );
    });

    // Uninstall B: the reader account, its RBAC and its token go; B's own namespace and A stay.
    let purge_b = meshctl(&b, &["uninstall", "--purge", "-y"]);
    assert_code(&purge_b, 0);
    runtime().block_on(async {
        let client_b = client(&b).await;
        assert!(
            Api::<ServiceAccount>::namespaced(client_b.clone(), SYSTEM)
                .get_opt(READER_SERVICE_ACCOUNT)
                .await
                .expect("get")
                .is_none(),
            "B's uninstall left the reader account"
        );
        eventually("B's token Secret gone", SETTLE, || {
            let secrets = Api::<Secret>::namespaced(client_b.clone(), SYSTEM);
            async move {
                secrets
                    .get_opt(&multicluster::token_secret_name(READER_SERVICE_ACCOUNT))
                    .await
                    .ok()?
                    .is_none()
                    .then_some(())
            }
        })
        .await;
        assert!(
            Api::<Service>::namespaced(client_b, DEMO)
                .get_opt("echo")
                .await
                .expect("get")
                .is_some(),
            "B's uninstall removed an application Service"
        );
    });
}

/// The last part of item 2, primary-remote: B installed with the `remote` profile and A's istiod
/// as its primary (in the test network namespace A's pod addresses are reachable from B's API
/// server, so `remotePilotAddress` is istiod's pod address, where a real network would have A's
/// east-west gateway); A's istiod, given B's remote secret, patches B's injection webhook and
/// injects B's pods, as cluster B.
#[test]
#[ignore = "needs two clusters and istiod (see the file header)"]
fn injection_in_b_is_served_by_istiod_in_a() {
    let _lock = lock();
    let a = kubeconfig();
    let b = cluster_b();
    istiod(&["stop", "--all", "--release"]);
    assert_code(&meshctl(&a, &["uninstall", "--purge", "-y"]), 0);
    runtime().block_on(clean_b(&b));
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/multicluster");
    let file = |name: &str| examples.join(name).display().to_string();

    assert_code(
        &meshctl(
            &a,
            &[
                "install",
                "-y",
                "-f",
                &file("primary-remote-cluster-a.yaml"),
            ],
        ),
        0,
    );
    istiod(&["start"]);
    let pod_ip = runtime().block_on(async {
        let pods = Api::<Pod>::namespaced(client(&a).await, SYSTEM)
            .list(&ListParams::default().labels("app=istiod"))
            .await
            .expect("istiod pods");
        pods.items
            .iter()
            .find_map(|p| p.status.as_ref()?.pod_ip.clone())
            .expect("an istiod pod with an IP")
    });

    // B names A as its control plane, then installs the remote profile pointing at A.
    runtime().block_on(async {
        let namespaces = Api::<Namespace>::all(client(&b).await);
        let system: Namespace = serde_json::from_value(json!({"metadata": {
            "name": SYSTEM,
            "annotations": {"topology.istio.io/controlPlaneClusters": "cluster-a"},
        }}))
        .expect("Namespace");
        if namespaces.get_opt(SYSTEM).await.expect("get").is_none() {
            namespaces
                .create(&PostParams::default(), &system)
                .await
                .expect("create istio-system in B");
        } else {
            namespaces
                .patch(
                    SYSTEM,
                    &kube::api::PatchParams::default(),
                    &kube::api::Patch::Merge(&system),
                )
                .await
                .expect("annotate istio-system in B");
        }
    });
    let remote = meshctl(
        &b,
        &[
            "install",
            "-y",
            "-f",
            &file("primary-remote-cluster-b.yaml"),
            "--set",
            &format!("values.global.remotePilotAddress={pod_ip}"),
        ],
    );
    assert_code(&remote, 0);
    let secret = secret_of(&String::from_utf8_lossy(
        &meshctl(&b, &["create-remote-secret", "--name", CLUSTER_B]).stdout,
    ));
    runtime().block_on(async {
        let typed: Secret = serde_json::from_value(secret).expect("a Secret");
        Api::<Secret>::namespaced(client(&a).await, SYSTEM)
            .create(&PostParams::default(), &typed)
            .await
            .expect("apply the remote secret in A");
        let client_b = client(&b).await;
        let webhooks: Api<k8s_openapi::api::admissionregistration::v1::MutatingWebhookConfiguration> =
            Api::all(client_b.clone());
        eventually("A's istiod patches B's injection webhook with its CA", SETTLE, || {
            let webhooks = webhooks.clone();
            async move {
                let webhook = webhooks.get_opt("istio-sidecar-injector").await.ok()??;
                let hooks = webhook.webhooks?;
                hooks
                    .iter()
                    .all(|h| h.client_config.ca_bundle.as_ref().is_some_and(|b| !b.0.is_empty()))
                    .then_some(())
            }
        })
        .await;
        let namespace: Namespace = serde_json::from_value(json!({"metadata": {
            "name": DEMO, "labels": {"istio-injection": "enabled"}}}))
        .expect("Namespace");
        Api::<Namespace>::all(client_b.clone())
            .create(&PostParams::default(), &namespace)
            .await
            .expect("create the injected namespace in B");
        let pod: Pod = serde_json::from_value(json!({
            "metadata": {"name": "sleep", "namespace": DEMO, "labels": {"app": "sleep"}},
            "spec": {"containers": [{"name": "sleep", "image": "curlimages/curl", "command": ["sleep", "3650d"]}]},
        }))
        .expect("Pod");
        let created = eventually("B's API server admits a pod through A's istiod", SETTLE, || {
            let pods = Api::<Pod>::namespaced(client_b.clone(), DEMO);
            let pod = pod.clone();
            async move {
                match pods.create(&PostParams::default(), &pod).await {
                    Ok(created) => Some(created),
                    Err(error) => {
                        eprintln!("create pod in B: {error}");
                        None
                    }
                }
            }
        })
        .await;
        let spec = serde_json::to_string(&created.spec).expect("JSON");
        assert!(spec.contains("istio-proxy"), "not injected: {spec}");
        assert!(spec.contains(r#""name":"ISTIO_META_CLUSTER_ID","value":"cluster-b""#), "not injected as cluster B: {spec}");
        eprintln!("injected in B by A's istiod: {} containers", created.spec.map_or(0, |s| s.containers.len() + s.init_containers.map_or(0, |i| i.len())));
    });
    istiod(&["stop", "--all", "--release"]);

    // Uninstalling the remote removes all it got, the endpoints pointing at A included, and
    // nothing of A.
    assert_code(&meshctl(&b, &["uninstall", "--purge", "-y"]), 0);
    runtime().block_on(async {
        let client_b = client(&b).await;
        assert!(
            Api::<EndpointSlice>::namespaced(client_b.clone(), SYSTEM)
                .get_opt("istiod")
                .await
                .expect("get")
                .is_none(),
            "B's uninstall left the endpoints pointing at A"
        );
        let webhooks: Api<
            k8s_openapi::api::admissionregistration::v1::MutatingWebhookConfiguration,
        > = Api::all(client_b);
        assert!(
            webhooks
                .get_opt("istio-sidecar-injector")
                .await
                .expect("get")
                .is_none()
        );
        let deployments: Api<k8s_openapi::api::apps::v1::Deployment> =
            Api::namespaced(client(&a).await, SYSTEM);
        assert!(
            deployments.get_opt("istiod").await.expect("get").is_some(),
            "B's uninstall removed A's istiod"
        );
    });
}

/// Item 5, as decided (README, "The operator: one per cluster"): cluster B's own operator
/// reconciles B's remote `IstioOperator` from B — a resource that names no primary is Error with
/// the reason and nothing applied; one that names it is installed and Healthy — and nothing is
/// written to cluster A.
#[test]
#[ignore = "needs two clusters (see the file header)"]
fn each_cluster_runs_its_own_operator_for_its_own_resource() {
    use common::{Operator, WATCHED, write_service_account_kubeconfig};
    use kube::api::{DynamicObject, Patch, PatchParams};
    use meshctl::operator::controller::istio_operator_resource;

    let _lock = lock();
    let a = kubeconfig();
    let b = cluster_b();
    istiod(&["stop", "--all", "--release"]);
    assert_code(&meshctl(&a, &["uninstall", "--purge", "-y"]), 0);
    assert_code(&meshctl(&b, &["operator", "remove", "--purge", "-y"]), 0);
    runtime().block_on(clean_b(&b));
    assert_code(
        &meshctl(&b, &["operator", "init", "--watchedNamespaces", WATCHED]),
        0,
    );
    let directory = tempfile::tempdir().expect("temporary directory");
    let operator_kubeconfig = directory.path().join("operator-b.kubeconfig");
    write_service_account_kubeconfig(&b, &operator_kubeconfig);
    let mut operator = Operator::start(&operator_kubeconfig, "operator-b", directory.path(), &[]);

    runtime().block_on(async {
        let client_b = client(&b).await;
        let resources: Api<DynamicObject> =
            Api::namespaced_with(client_b.clone(), WATCHED, &istio_operator_resource());
        let apply = |spec: Value| {
            let resources = resources.clone();
            async move {
                let body = json!({
                    "apiVersion": "install.istio.io/v1alpha1",
                    "kind": "IstioOperator",
                    "metadata": {"name": "remote", "namespace": WATCHED},
                    "spec": spec,
                });
                resources
                    .patch("remote", &PatchParams::apply("tests").force(), &Patch::Apply(&body))
                    .await
                    .expect("apply the IstioOperator in B");
            }
        };
        let status = |want: &'static str| {
            let resources = resources.clone();
            async move {
                let resource = resources.get_opt("remote").await.ok()??;
                let status = resource.data.get("status")?.clone();
                (status["status"] == want).then_some(status)
            }
        };

        apply(json!({"profile": "remote", "values": {"global": {"multiCluster": {"clusterName": CLUSTER_B}}}})).await;
        let error = eventually("B's operator refuses a remote without a primary", SETTLE, || status("ERROR")).await;
        assert!(error.to_string().contains("names no primary"), "{error}");
        let slices: Api<EndpointSlice> = Api::namespaced(client_b.clone(), SYSTEM);
        assert!(
            slices.get_opt("istiod").await.expect("get").is_none(),
            "applied part of an invalid remote"
        );

        apply(json!({"profile": "remote", "values": {"global": {
            "multiCluster": {"clusterName": CLUSTER_B},
            "remotePilotAddress": "10.244.0.250",
        }}}))
        .await;
        eventually("B's operator installs the remote", SETTLE, || status("HEALTHY")).await;
        let slice = slices.get_opt("istiod").await.expect("get").expect("the remote's istiod endpoints");
        let addresses: Vec<String> = slice
            .endpoints
            .into_iter()
            .flatten()
            .flat_map(|e| e.addresses)
            .collect();
        assert_eq!(addresses, vec!["10.244.0.250".to_string()]);

        // Cluster A got nothing from B's operator.
        let client_a = client(&a).await;
        let webhooks: Api<k8s_openapi::api::admissionregistration::v1::MutatingWebhookConfiguration> =
            Api::all(client_a);
        assert!(
            webhooks.get_opt("istio-sidecar-injector").await.expect("get").is_none(),
            "something of B's remote reached A"
        );

        // Deleting the resource uninstalls it from B (the operator's finalizer).
        resources.delete("remote", &DeleteParams::default()).await.expect("delete");
        eventually("B's remote uninstalled", SETTLE, || {
            let slices = slices.clone();
            async move { slices.get_opt("istiod").await.ok()?.is_none().then_some(()) }
        })
        .await;
    });
    assert!(operator.terminate().success(), "{}", operator.log());
    assert_code(&meshctl(&b, &["operator", "remove", "--purge", "-y"]), 0);
}

/// Why the remote secret's reader may read Secrets in every namespace (README, "What the token
/// can do"): with the reader role narrowed to Secrets of `istio-system` only, the real istiod in A
/// never calls cluster B synced — its credential controller lists every namespace's Secrets and
/// is part of the sync — and reports B `timeout` once its remote-cluster timeout passes.
#[test]
#[ignore = "needs two clusters and istiod (see the file header)"]
fn a_reader_without_every_namespaces_secrets_never_syncs() {
    use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding, Role, RoleBinding};
    const NARROW: &str = "narrow-reader";
    let _lock = lock();
    let a = kubeconfig();
    let b = cluster_b();
    istiod(&["stop", "--all", "--release"]);
    assert_code(&meshctl(&a, &["uninstall", "--purge", "-y"]), 0);
    runtime().block_on(clean_b(&b));
    let remove_narrow = || async {
        let client_b = client(&b).await;
        let delete = DeleteParams::default();
        let _ = Api::<ClusterRoleBinding>::all(client_b.clone())
            .delete(NARROW, &delete)
            .await;
        let _ = Api::<ClusterRole>::all(client_b.clone())
            .delete(NARROW, &delete)
            .await;
        let _ = Api::<RoleBinding>::namespaced(client_b.clone(), SYSTEM)
            .delete(NARROW, &delete)
            .await;
        let _ = Api::<Role>::namespaced(client_b.clone(), SYSTEM)
            .delete(NARROW, &delete)
            .await;
        let _ = Api::<Secret>::namespaced(client_b.clone(), SYSTEM)
            .delete(&multicluster::token_secret_name(NARROW), &delete)
            .await;
        let _ = Api::<ServiceAccount>::namespaced(client_b, SYSTEM)
            .delete(NARROW, &delete)
            .await;
    };
    runtime().block_on(remove_narrow());

    // In B: the reader's rules without `secrets`, plus Secrets of istio-system only.
    runtime().block_on(async {
        let client_b = client(&b).await;
        let create = PostParams::default();
        let system: Namespace =
            serde_json::from_value(json!({"metadata": {"name": SYSTEM}})).expect("Namespace");
        let _ = Api::<Namespace>::all(client_b.clone()).create(&create, &system).await;
        let role = multicluster::reader_objects(SYSTEM)
            .expect("renders")
            .into_iter()
            .find(|m| m.kind() == "ClusterRole")
            .expect("the reader ClusterRole");
        let mut rules = role.object()["rules"].as_array().cloned().unwrap_or_default();
        for rule in &mut rules {
            if let Some(resources) = rule["resources"].as_array_mut() {
                resources.retain(|r| r != "secrets");
            }
        }
        let subject = json!([{"kind": "ServiceAccount", "name": NARROW, "namespace": SYSTEM}]);
        let read = json!(["get", "list", "watch"]);
        Api::<ServiceAccount>::namespaced(client_b.clone(), SYSTEM)
            .create(&create, &serde_json::from_value(json!({"metadata": {"name": NARROW}})).expect("sa"))
            .await
            .expect("create the account");
        Api::<ClusterRole>::all(client_b.clone())
            .create(&create, &serde_json::from_value(json!({"metadata": {"name": NARROW}, "rules": rules})).expect("role"))
            .await
            .expect("create the narrowed role");
        Api::<ClusterRoleBinding>::all(client_b.clone())
            .create(&create, &serde_json::from_value(json!({"metadata": {"name": NARROW},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": NARROW},
                "subjects": subject})).expect("binding"))
            .await
            .expect("bind it");
        Api::<Role>::namespaced(client_b.clone(), SYSTEM)
            .create(&create, &serde_json::from_value(json!({"metadata": {"name": NARROW},
                "rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": read}]})).expect("role"))
            .await
            .expect("create the Secrets role");
        Api::<RoleBinding>::namespaced(client_b, SYSTEM)
            .create(&create, &serde_json::from_value(json!({"metadata": {"name": NARROW},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": NARROW},
                "subjects": subject})).expect("binding"))
            .await
            .expect("bind it");
    });

    assert_code(
        &meshctl(
            &a,
            &[
                "install",
                "-y",
                "--set",
                "values.global.multiCluster.clusterName=cluster-a",
            ],
        ),
        0,
    );
    istiod(&["start"]);
    let created = meshctl(
        &b,
        &[
            "create-remote-secret",
            "--name",
            CLUSTER_B,
            "--service-account",
            NARROW,
        ],
    );
    assert_code(&created, 0);
    let secret = secret_of(&String::from_utf8_lossy(&created.stdout));
    runtime().block_on(async {
        let client_a = client(&a).await;
        let typed: Secret = serde_json::from_value(secret).expect("a Secret");
        Api::<Secret>::namespaced(client_a.clone(), SYSTEM)
            .create(&PostParams::default(), &typed)
            .await
            .expect("apply the remote secret in A");
        let pods = Api::<Pod>::namespaced(client_a, SYSTEM)
            .list(&ListParams::default().labels("app=istiod"))
            .await
            .expect("istiod pods");
        let pod_ip = pods
            .items
            .iter()
            .find_map(|p| p.status.as_ref()?.pod_ip.clone())
            .expect("an istiod pod with an IP");
        let status = eventually("istiod in A gives up on cluster-b", SETTLE, || {
            let pod_ip = pod_ip.clone();
            async move {
                let clusters = debug_get(&pod_ip, "/debug/clusterz").await?;
                let status =
                    clusters.as_array()?.iter().find(|c| c["id"] == CLUSTER_B)?["syncStatus"]
                        .as_str()?
                        .to_string();
                (status != "syncing").then_some(status)
            }
        })
        .await;
        assert_eq!(
            status, "timeout",
            "cluster-b with Secrets of istio-system only"
        );
    });
    istiod(&["stop", "--all", "--release"]);
    runtime().block_on(remove_narrow());
    assert_code(&meshctl(&a, &["uninstall", "--purge", "-y"]), 0);
}
