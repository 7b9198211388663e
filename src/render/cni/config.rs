//! `istio-cni-config`: the agent's settings, as environment variables the daemon set reads.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::ConfigMap;
use serde_json::Value;

use super::{NAME, meta};
use crate::render::{ChartContext, chart, helm};

pub(super) fn config_map(v: &ChartContext) -> ConfigMap {
    let mut data = BTreeMap::new();
    let mut put = |key: &str, value: String| {
        data.insert(key.to_string(), value);
    };
    let tag = chart::first_set(v, &["tag", "global.tag"]);
    put("CURRENT_AGENT_VERSION", tag);
    put("AMBIENT_ENABLED", v.str("ambient.enabled"));
    put(
        "AMBIENT_ENABLEMENT_SELECTOR",
        v.get("ambient.enablementSelectors")
            .map_or_else(|| "null".into(), helm::to_yaml),
    );
    put("AMBIENT_DNS_CAPTURE", v.str("ambient.dnsCapture"));
    put("AMBIENT_IPV6", v.str("ambient.ipv6"));
    put(
        "AMBIENT_RECONCILE_POD_RULES_ON_STARTUP",
        v.str("ambient.reconcileIptablesOnStartup"),
    );
    put(
        "ENABLE_AMBIENT_DETECTION_RETRY",
        v.str("ambient.enableAmbientDetectionRetry"),
    );
    if v.truthy("cniConfFileName") {
        put("CNI_CONF_NAME", v.str("cniConfFileName"));
    }
    put("ISTIO_OWNED_CNI_CONFIG", v.str("istioOwnedCNIConfig"));
    if v.truthy("istioOwnedCNIConfig") {
        put(
            "ISTIO_OWNED_CNI_CONF_FILENAME",
            v.str("istioOwnedCNIConfigFileName"),
        );
    }
    put("CHAINED_CNI_PLUGIN", v.str("chained"));
    let excluded = v.get("excludeNamespaces").and_then(Value::as_array);
    put(
        "EXCLUDE_NAMESPACES",
        excluded.map_or_else(String::new, |list| helm::join(list, ",")),
    );
    for (key, path) in [
        ("REPAIR_ENABLED", "repair.enabled"),
        ("REPAIR_LABEL_PODS", "repair.labelPods"),
        ("REPAIR_DELETE_PODS", "repair.deletePods"),
        ("REPAIR_REPAIR_PODS", "repair.repairPods"),
        ("REPAIR_INIT_CONTAINER_NAME", "repair.initContainerName"),
        ("REPAIR_BROKEN_POD_LABEL_KEY", "repair.brokenPodLabelKey"),
        (
            "REPAIR_BROKEN_POD_LABEL_VALUE",
            "repair.brokenPodLabelValue",
        ),
        ("NATIVE_NFTABLES", "global.nativeNftables"),
    ] {
        put(key, v.str(path));
    }
    for (key, value) in helm::text_map(v.get("env")) {
        put(&key, value);
    }
    ConfigMap {
        metadata: meta(v, &format!("{NAME}-config"), &[("app", NAME)], true),
        data: Some(data),
        ..ConfigMap::default()
    }
}
