//! Gateway renders of whole profiles and inputs, checked against istioctl's behaviour.

use super::*;
use crate::merge::{InputFile, SetFlag, merge_inputs};
use crate::yaml::Source;

/// Every gateway object rendered for an input file and `--set` flags.
fn gateway_objects(file: &str, flags: &[&str]) -> Vec<Value> {
    let source = Source("test.yaml".into());
    let files = vec![InputFile {
        tree: crate::yaml::parse_value(file, &source).unwrap(),
        source,
    }];
    let flags: Vec<SetFlag> = flags.iter().map(|f| SetFlag::parse(f).unwrap()).collect();
    let merged = merge_inputs(&files, &flags).unwrap();
    let mut objects = Vec::new();
    for instance in super::super::enabled_components(&merged).unwrap() {
        if instance.component.is_gateway() {
            let context = ChartContext::new(
                &merged,
                &instance,
                crate::release::resolve(&merged).expect("release").release,
            )
            .unwrap();
            objects.extend(render(&context).unwrap());
        }
    }
    objects
}

fn find<'a>(objects: &'a [Value], kind: &str, name: &str) -> Option<&'a Value> {
    objects
        .iter()
        .find(|o| o["kind"] == kind && o["metadata"]["name"] == name)
}

fn env<'a>(deployment: &'a Value, name: &str) -> Option<&'a Value> {
    deployment["spec"]["template"]["spec"]["containers"][0]["env"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
}

const EMPTY: &str = "spec: {}\n";

#[test]
fn default_profile_renders_the_ingress_gateway() {
    let objects = gateway_objects(EMPTY, &[]);
    let kinds: Vec<&str> = objects
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "ServiceAccount",
            "Role",
            "RoleBinding",
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler"
        ]
    );
    let deployment = find(&objects, "Deployment", "istio-ingressgateway").unwrap();
    assert_eq!(deployment["metadata"]["namespace"], "istio-system");
    assert_eq!(deployment["metadata"]["labels"]["istio"], "ingressgateway");
    assert_eq!(
        deployment["metadata"]["labels"]["istio.io/dataplane-mode"],
        "none"
    );
    assert_eq!(
        deployment["spec"]["selector"]["matchLabels"],
        json!({"app": "istio-ingressgateway", "istio": "ingressgateway"})
    );
    assert!(deployment["spec"].get("replicas").is_none());
    assert_eq!(
        deployment["spec"]["strategy"]["rollingUpdate"]["maxSurge"],
        "100%"
    );
    let template = &deployment["spec"]["template"];
    assert_eq!(template["metadata"]["labels"]["heritage"], "Tiller");
    assert_eq!(
        template["metadata"]["labels"]["service.istio.io/canonical-revision"],
        "latest"
    );
    assert_eq!(
        template["metadata"]["annotations"]["sidecar.istio.io/inject"],
        "false"
    );
    assert_eq!(
        template["metadata"]["annotations"]["prometheus.io/port"],
        "15020"
    );
    let pod = &template["spec"];
    assert_eq!(pod["securityContext"]["runAsUser"], 1337);
    assert_eq!(
        pod["serviceAccountName"],
        "istio-ingressgateway-service-account"
    );
    assert_eq!(
        pod["affinity"],
        json!({"nodeAffinity": {
            "requiredDuringSchedulingIgnoredDuringExecution": null,
            "preferredDuringSchedulingIgnoredDuringExecution": null,
        }})
    );
    let container = &pod["containers"][0];
    assert_eq!(container["image"], "docker.io/istio/proxyv2:1.31.0");
    assert_eq!(container["args"][3], "$(POD_NAMESPACE).svc.cluster.local");
    assert_eq!(
        container["ports"][1],
        json!({"containerPort": 8080, "protocol": "TCP"})
    );
    assert_eq!(container["resources"]["requests"]["cpu"], "100m");
    assert_eq!(
        env(deployment, "CA_ADDR").unwrap()["value"],
        "istiod.istio-system.svc:15012"
    );
    assert_eq!(
        env(deployment, "ISTIO_META_CLUSTER_ID").unwrap()["value"],
        "Kubernetes"
    );
    assert_eq!(pod["volumes"][3]["configMap"]["name"], "istio-ca-root-cert");

    let service = find(&objects, "Service", "istio-ingressgateway").unwrap();
    assert_eq!(service["metadata"]["annotations"], Value::Null);
    assert_eq!(service["spec"]["type"], "LoadBalancer");
    assert_eq!(
        service["spec"]["ports"][0],
        json!({"name": "status-port", "port": 15021, "protocol": "TCP", "targetPort": 15021})
    );
    let autoscaler = find(&objects, "HorizontalPodAutoscaler", "istio-ingressgateway").unwrap();
    assert_eq!(autoscaler["spec"]["minReplicas"], 1);
    assert_eq!(autoscaler["spec"]["maxReplicas"], 5);
    assert_eq!(
        autoscaler["spec"]["metrics"][0]["resource"]["target"]["averageUtilization"],
        80
    );
    let binding = find(&objects, "RoleBinding", "istio-ingressgateway-sds").unwrap();
    assert_eq!(
        binding["subjects"][0]["name"],
        "istio-ingressgateway-service-account"
    );
}

#[test]
fn demo_profile_adds_the_egress_gateway_without_autoscaling() {
    let objects = gateway_objects("spec:\n  profile: demo\n", &[]);
    let egress = find(&objects, "Deployment", "istio-egressgateway").unwrap();
    assert_eq!(
        egress["metadata"]["labels"]["operator.istio.io/component"],
        "EgressGateways"
    );
    assert_eq!(
        egress["spec"]["template"]["spec"]["containers"][0]["resources"],
        json!({
            "limits": {"cpu": "2000m", "memory": "1024Mi"},
            "requests": {"cpu": "10m", "memory": "40Mi"},
        })
    );
    let service = find(&objects, "Service", "istio-egressgateway").unwrap();
    assert_eq!(service["spec"]["type"], "ClusterIP");
    assert!(
        objects
            .iter()
            .all(|o| o["kind"] != "HorizontalPodAutoscaler")
    );
    let ingress = find(&objects, "Service", "istio-ingressgateway").unwrap();
    assert_eq!(ingress["spec"]["ports"].as_array().unwrap().len(), 5);
}

#[test]
fn revision_replicas_and_root_settings_follow_the_values() {
    let objects = gateway_objects(
        EMPTY,
        &[
            "revision=canary",
            "values.gateways.istio-ingressgateway.autoscaleEnabled=false",
            "values.gateways.istio-ingressgateway.replicaCount=3",
            "values.gateways.istio-ingressgateway.runAsRoot=true",
            "values.global.networkPolicy.enabled=true",
            "values.global.arch.amd64=2",
        ],
    );
    let deployment = find(&objects, "Deployment", "istio-ingressgateway").unwrap();
    assert_eq!(deployment["spec"]["replicas"], 3);
    assert_eq!(deployment["metadata"]["labels"]["istio.io/rev"], "canary");
    assert_eq!(
        env(deployment, "CA_ADDR").unwrap()["value"],
        "istiod-canary.istio-system.svc:15012"
    );
    assert!(env(deployment, "ISTIO_META_UNPRIVILEGED_POD").is_none());
    let pod = &deployment["spec"]["template"]["spec"];
    assert!(pod.get("securityContext").is_none());
    assert!(pod["containers"][0].get("securityContext").is_none());
    let config = pod["volumes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "config-volume")
        .unwrap();
    assert_eq!(config["configMap"]["name"], "istio-canary");
    assert_eq!(
        pod["affinity"]["nodeAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"][0]["weight"],
        2
    );
    assert!(find(&objects, "HorizontalPodAutoscaler", "istio-ingressgateway").is_none());
    let budget = find(&objects, "PodDisruptionBudget", "istio-ingressgateway").unwrap();
    assert_eq!(budget["spec"]["minAvailable"], 1);
    let policy = find(&objects, "NetworkPolicy", "istio-ingressgateway-canary").unwrap();
    assert_eq!(policy["metadata"]["labels"]["app"], "istio-ingressgateway");
    assert_eq!(policy["spec"]["ingress"][2]["ports"][0]["port"], 15021);
    assert_eq!(policy["spec"]["egress"], json!([{}]));
}

#[test]
fn component_ports_and_names_render_like_istioctl() {
    let file = "spec:\n  components:\n    ingressGateways:\n    - name: ilb\n      enabled: true\n      namespace: edge\n      label:\n        version: v2\n      k8s:\n        service:\n          ports:\n          - port: 15011\n            name: grpc\n";
    let objects = gateway_objects(file, &[]);
    let service = find(&objects, "Service", "ilb").unwrap();
    assert_eq!(
        service["spec"]["ports"],
        json!([{"name": "grpc", "port": 15011, "targetPort": 0}])
    );
    assert_eq!(service["metadata"]["namespace"], "edge");
    let deployment = find(&objects, "Deployment", "ilb").unwrap();
    let template = &deployment["spec"]["template"];
    assert_eq!(
        template["spec"]["containers"][0]["ports"][0],
        json!({"containerPort": 15011, "protocol": "TCP"})
    );
    // Outside istio-system the Helm 2 labels are not stamped.
    assert!(template["metadata"]["labels"].get("heritage").is_none());
    assert_eq!(
        template["metadata"]["labels"]["service.istio.io/canonical-revision"],
        "v2"
    );
    assert_eq!(
        template["metadata"]["labels"]["service.istio.io/canonical-name"],
        "ilb"
    );
    assert_eq!(
        env(deployment, "ISTIO_META_OWNER").unwrap()["value"],
        "kubernetes://apis/apps/v1/namespaces/edge/deployments/ilb"
    );
}

#[test]
fn injection_template_renders_a_minimal_deployment() {
    let objects = gateway_objects(
        EMPTY,
        &[
            "values.gateways.istio-ingressgateway.injectionTemplate=gateway",
            "values.gateways.istio-ingressgateway.env.Y=z",
        ],
    );
    let deployment = find(&objects, "Deployment", "istio-ingressgateway").unwrap();
    let template = &deployment["spec"]["template"];
    assert_eq!(
        template["metadata"]["annotations"]["inject.istio.io/templates"],
        "gateway"
    );
    assert_eq!(
        template["metadata"]["labels"]["sidecar.istio.io/inject"],
        "true"
    );
    let container = &template["spec"]["containers"][0];
    assert_eq!(container["image"], "auto");
    assert!(container.get("args").is_none());
    // `Y` printed unquoted reads back as a YAML 1.1 boolean.
    assert_eq!(container["env"][1], json!({"name": true, "value": "z"}));
}
