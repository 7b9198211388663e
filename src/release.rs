//! The Istio releases meshctl renders, as data: which exist, which one an `IstioOperator` asks
//! for, what each ships and how their charts differ.
//!
//! - **Which exist**: `releases/releases.yaml`, the one table the binary and every script read
//!   (embedded here). The newest is the default.
//! - **What each ships**: `releases/<minor>/` — its CRDs (`crds.json`, generated from the
//!   release's source by `testenv/gen-crds`, and `crds_text.rs`, generated from that by a test),
//!   the key tree its istioctl checks `spec.values` against (`values_schema.json`, by
//!   `testenv/gen-values-schema`),
//!   and meshctl's own value presets and injection templates where they differ from the next newer
//!   release's (`presets/`, `injector/`); whatever a release does not hold itself it takes from the
//!   newer one, and what it does not ship at all is listed in [`Shipped::absent`].
//! - **How charts differ**: [`Feature`], one named gate per chart difference, decided in one
//!   table ([`Feature::since`]). Render code asks `release.has(Feature::…)`; nothing else compares
//!   version numbers.
//! - **Which one is asked for**: [`resolve`] reads the `meshctl.io/istio-release` annotation,
//!   else the image tag, as the merged `IstioOperator` carries them.
//!
//! Nothing here reads files at run time, talks to a cluster or prints.

use std::sync::LazyLock;

use serde::Deserialize;
use serde_json::Value;

use crate::manifest::Embedded;

/// The annotation that names the release explicitly, for image tags that are not versions
/// (`my-build-7`) or whose version is not the charts wanted. istioctl ignores annotations, so a
/// file carrying it stays valid for istioctl.
pub const RELEASE_ANNOTATION: &str = "meshctl.io/istio-release";
/// The default image registry: Istio's public release images.
pub const DEFAULT_HUB: &str = "docker.io/istio";

/// The table of supported releases, as `releases/releases.yaml` holds it.
const TABLE: &str = include_str!("../releases/releases.yaml");

/// One supported Istio release.
#[derive(Debug)]
pub struct Release {
    /// `1.30`: how users and the annotation name it.
    pub minor: String,
    /// `1.30.3`: the version its charts are, and the default image tag.
    pub version: String,
    /// Where its source comes from, for `meshctl version`.
    pub source: String,
    /// The `istio.io/istio` module version of its source (a pseudo-version: Istio tags without
    /// a `v`), where the Go module proxy serves it.
    pub module: String,
    /// The Gateway API release its go.mod requires (`v1.6.0`): what its istiod is built against.
    pub gateway_api: String,
    /// The minor number (30), for ordering and gates.
    minor_number: u32,
    shipped: &'static Shipped,
}

#[derive(Debug, Deserialize)]
struct Entry {
    minor: String,
    version: String,
    module: String,
    gateway_api: String,
    #[serde(default)]
    commit: Option<String>,
}

/// What one release folder holds (see the module doc).
#[derive(Debug)]
pub struct Shipped {
    pub crds: Crds,
    /// Value presets (`profile-demo`, `compatibility-1.29` …) this release words differently from
    /// the next newer one.
    presets: &'static [(&'static str, &'static str)],
    /// Injection templates this release words differently from the next newer one.
    templates: &'static [(&'static str, &'static str)],
    /// Presets and templates the newer release ships that this one does not.
    absent: &'static [&'static str],
    /// The key tree of its `spec.values` (`testenv/gen-values-schema`, read by `api::values`).
    pub values_schema: &'static str,
}

/// A release's CRDs: the text that `manifest generate` writes, and the JSON it parses only when
/// something reads a CRD as a tree.
#[derive(Debug)]
pub struct Crds {
    pub embedded: &'static [Embedded],
    pub json: &'static str,
    trees: &'static LazyLock<Vec<(String, Value)>>,
}

impl Crds {
    /// Every CRD as a JSON tree, with its name (parsed once per process; callers clone).
    #[must_use]
    pub fn trees(&self) -> &'static [(String, Value)] {
        self.trees
    }

    /// One embedded CRD's tree (its published labels still in it).
    #[must_use]
    pub fn tree_of(&self, embedded: &Embedded) -> Value {
        self.trees()
            .iter()
            .find(|(name, _)| name == embedded.name)
            .map(|(_, tree)| tree.clone())
            .unwrap_or_default()
    }
}

/// Parses `crds.json` into trees without the typed round trip, which costs three times as much
/// and changes nothing (`render::base::crds` tests prove both views agree).
fn parse_trees(json: &str) -> Vec<(String, Value)> {
    #[derive(Deserialize)]
    struct Untyped {
        crds: Vec<Value>,
    }
    let data: Untyped = serde_json::from_str(json)
        .expect("crds.json is generated JSON, embedded at build time and checked by the tests");
    data.crds
        .into_iter()
        .map(|tree| {
            let name = tree["metadata"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            (name, tree)
        })
        .collect()
}

/// One release folder, embedded. The paths are literal so that `include_str!` finds them at
/// build time; the generated CRD text refers to `tree_of`, defined per release here.
macro_rules! shipped {
    (
        $module:ident, $minor:literal,
        presets: [$($preset:literal),* $(,)?],
        templates: [$($template:literal),* $(,)?],
        absent: [$($absent:literal),* $(,)?] $(,)?
    ) => {
        mod $module {
            use std::sync::LazyLock;

            use serde_json::Value;

            use crate::manifest::Embedded;

            pub static TREES: LazyLock<Vec<(String, Value)>> =
                LazyLock::new(|| super::parse_trees(JSON));
            pub const JSON: &str = include_str!(concat!("../releases/", $minor, "/crds.json"));
            fn tree_of(embedded: &Embedded) -> Value {
                SHIPPED.crds.tree_of(embedded)
            }
            pub static SHIPPED: super::Shipped = super::Shipped {
                crds: super::Crds {
                    embedded: &include!(concat!("../releases/", $minor, "/crds_text.rs")),
                    json: JSON,
                    trees: &TREES,
                },
                presets: &[$((
                    $preset,
                    include_str!(concat!("../releases/", $minor, "/presets/", $preset, ".yaml")),
                )),*],
                templates: &[$((
                    $template,
                    include_str!(concat!("../releases/", $minor, "/injector/", $template, ".tmpl")),
                )),*],
                absent: &[$($absent),*],
                values_schema: include_str!(concat!("../releases/", $minor, "/values_schema.json")),
            };
        }
    };
}

shipped!(
    shipped_1_31, "1.31",
    presets: [
        "profile-ambient", "profile-demo", "profile-preview", "profile-remote", "profile-stable",
        "platform-gke", "platform-k3d", "platform-k3s", "platform-microk8s", "platform-minikube",
        "platform-openshift",
        "compatibility-1.25", "compatibility-1.26", "compatibility-1.27", "compatibility-1.28",
        "compatibility-1.29", "compatibility-1.30",
    ],
    templates: [
        "sidecar", "gateway", "grpc-simple", "grpc-agent", "waypoint", "kube-gateway",
        "agentgateway", "agentgateway-waypoint",
    ],
    absent: [],
);

shipped!(
    shipped_1_30, "1.30",
    presets: [
        "platform-openshift",
        "compatibility-1.25", "compatibility-1.26", "compatibility-1.27", "compatibility-1.28",
        "compatibility-1.29",
    ],
    templates: ["sidecar", "gateway", "waypoint", "kube-gateway"],
    absent: ["compatibility-1.30", "agentgateway-waypoint"],
);

shipped!(
    shipped_1_29, "1.29",
    presets: [
        "compatibility-1.25", "compatibility-1.26", "compatibility-1.27", "compatibility-1.28",
    ],
    templates: ["sidecar", "agentgateway"],
    absent: ["compatibility-1.29"],
);

/// The data folder of a minor named in the table (a test checks that each has one).
fn shipped_for(minor: &str) -> Option<&'static Shipped> {
    match minor {
        "1.31" => Some(&shipped_1_31::SHIPPED),
        "1.30" => Some(&shipped_1_30::SHIPPED),
        "1.29" => Some(&shipped_1_29::SHIPPED),
        _ => None,
    }
}

static RELEASES: LazyLock<Vec<Release>> = LazyLock::new(|| {
    let entries: Vec<Entry> =
        crate::yaml::parse_typed(TABLE, &crate::yaml::Source("releases/releases.yaml".into()))
            .expect("releases/releases.yaml is embedded at build time and checked by the tests");
    entries
        .into_iter()
        .map(|entry| {
            let minor_number = parse_version(&entry.minor)
                .map(|(_, minor, _)| minor)
                .expect("a release's minor is a version");
            let shipped = shipped_for(&entry.minor).unwrap_or_else(|| {
                panic!("releases/{}/ is not embedded in release.rs", entry.minor)
            });
            let source = match &entry.commit {
                Some(commit) => format!("tag {}, commit {commit}", entry.version),
                None => format!("istio.io/istio@{}", entry.module),
            };
            Release {
                minor: entry.minor,
                version: entry.version,
                source,
                module: entry.module,
                gateway_api: entry.gateway_api,
                minor_number,
                shipped,
            }
        })
        .collect()
});

/// Every supported release, newest first.
#[must_use]
pub fn all() -> &'static [Release] {
    &RELEASES
}

/// The newest supported release: what renders when nothing names another.
#[must_use]
pub fn newest() -> &'static Release {
    &all()[0]
}

/// The supported minors, newest first, for messages (`1.31, 1.30, 1.29`).
#[must_use]
pub fn supported_list() -> String {
    all()
        .iter()
        .map(|release| release.minor.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The supported release of a version or minor (`1.30.3`, `1.30`, `v1.30.3-distroless`), if any.
#[must_use]
pub fn find(text: &str) -> Option<&'static Release> {
    let (major, minor, _) = parse_version(text)?;
    all()
        .iter()
        .find(|release| major == 1 && release.minor_number == minor)
}

/// `MAJOR.MINOR[.PATCH]` at the start of `text` (an optional `v` before it, and anything after
/// a `-` or `+`: `1.30.3-distroless`, `1.30.3+build.5`). `None` where it is not a version.
pub(crate) fn parse_version(text: &str) -> Option<(u32, u32, Option<u32>)> {
    let text = text.strip_prefix('v').unwrap_or(text);
    let core = text.split(['-', '+']).next().unwrap_or_default();
    let mut parts = core.split('.');
    let number = |part: Option<&str>| -> Option<u32> {
        let part = part?;
        (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let major = number(parts.next())?;
    let minor = number(parts.next())?;
    let patch = match parts.next() {
        None => None,
        Some(part) => Some(number(Some(part))?),
    };
    if parts.next().is_some() {
        return None;
    }
    Some((major, minor, patch))
}

impl Release {
    /// Whether this release's charts have `feature` (see [`Feature::since`]).
    #[must_use]
    pub fn has(&self, feature: Feature) -> bool {
        self.minor_number >= feature.since()
    }

    /// Whether this is the newest supported release.
    #[must_use]
    pub fn is_newest(&self) -> bool {
        std::ptr::eq(self, newest())
    }

    /// The release's CRDs.
    #[must_use]
    pub fn crds(&self) -> &'static Crds {
        &self.shipped.crds
    }

    /// The key tree its istioctl decodes `spec.values` with (see `api::values`).
    #[must_use]
    pub fn values_schema(&self) -> &'static str {
        self.shipped.values_schema
    }

    /// The releases this one takes what it does not word itself from: itself, then each newer.
    fn chain(&self) -> impl Iterator<Item = &'static Release> {
        all()
            .iter()
            .filter(|release| release.minor_number >= self.minor_number)
            .rev()
    }

    /// A value preset by file name (`profile-demo`), `None` where this release has none.
    #[must_use]
    pub fn preset(&self, name: &str) -> Option<&'static str> {
        self.lookup(name, |shipped| shipped.presets)
    }

    /// The names of the presets this release ships.
    #[must_use]
    pub fn preset_names(&self) -> Vec<&'static str> {
        self.names(|shipped| shipped.presets)
    }

    /// An injection template by the name pods select it with, `None` where this release has none.
    #[must_use]
    pub fn template(&self, name: &str) -> Option<&'static str> {
        self.lookup(name, |shipped| shipped.templates)
    }

    /// The injection templates this release ships, in the newest release's order.
    #[must_use]
    pub fn template_names(&self) -> Vec<&'static str> {
        self.names(|shipped| shipped.templates)
    }

    fn lookup(
        &self,
        name: &str,
        table: fn(&'static Shipped) -> &'static [(&'static str, &'static str)],
    ) -> Option<&'static str> {
        for release in self.chain() {
            if release.shipped.absent.contains(&name) {
                return None;
            }
            if let Some((_, text)) = table(release.shipped).iter().find(|(n, _)| *n == name) {
                return Some(text);
            }
        }
        None
    }

    fn names(
        &self,
        table: fn(&'static Shipped) -> &'static [(&'static str, &'static str)],
    ) -> Vec<&'static str> {
        table(newest().shipped)
            .iter()
            .map(|(name, _)| *name)
            .filter(|name| self.lookup(name, table).is_some())
            .collect()
    }
}

impl std::fmt::Display for Release {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.version)
    }
}

/// A difference between the charts (or istioctl's handling of them) of supported releases, by
/// name. Render code asks `release.has(Feature::X)`; [`Feature::since`] is the one table that
/// decides. Differences that are pure data (CRDs, injection templates, presets) live in the
/// release folders instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// `global.enableReaderRBAC` switches the reader service account, cluster role and binding
    /// off (1.30).
    ReaderRbacSwitch,
    /// `pilot.taint.enabled` also tells istiod to run its node-untaint controllers
    /// (`PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS`, `…_TAINT_NAME` from `taint.name`) (1.30).
    UntaintControllerEnv,
    /// `istio-cni`: `useAppArmorAnnotation` chooses between the legacy `AppArmor` annotation and
    /// the container's `appArmorProfile` (1.30; before, always the annotation).
    AppArmorProfileSwitch,
    /// `ztunnel`: `dnsPolicy` and `dnsConfig` for the `DaemonSet`'s pods (1.30).
    ZtunnelDnsSettings,
    /// `NetworkPolicy` ingress rules without the empty `from: []` (1.30).
    NetworkPolicyRulesWithoutFrom,
    /// The Gateway API `listenersets/status` resource in istiod's cluster role, where 1.29 names
    /// the experimental `xlistenersets/status` (1.30).
    ListenerSetsStatus,
    /// A remote istiod at an IPv6 address gets an `EndpointSlice`, as an IPv4 one does (1.30).
    RemotePilotIpv6Address,
    /// The validating admission policies refuse `AuthorizationPolicy` sources with
    /// `trustDomains` (1.30).
    TrustDomainPolicyRule,
    /// `global.readerServiceAccount` names a service account of the user's for the reader role
    /// instead of rendering `istio-reader-service-account` (1.31).
    CustomReaderServiceAccount,
    /// `istiod`: `terminationMessagePolicy` on the discovery container (1.31).
    TerminationMessagePolicy,
    /// `istiod`: `GODEBUG=fips140=only` under the FIPS 140-3 compliance policy (1.31).
    FipsGoDebug,
    /// `ztunnel`: `ZTUNNEL_RESOURCE_CPU_LIMIT` and `ZTUNNEL_RESOURCE_CPU_REQUEST` from the pod's
    /// CPU resources, where values set them (1.31).
    ZtunnelResourceCpuEnv,
    /// istioctl copies a Deployment component's `k8s.hpaSpec` bounds and `k8s.replicaCount`, and
    /// any component's `k8s.resources` CPU, into its chart values, so the charts' guards (the
    /// `PodDisruptionBudget`'s, ztunnel's CPU env) see them (1.31).
    KubernetesSettingsAsValues,
}

impl Feature {
    /// Every gate, for the tests.
    pub const ALL: [Feature; 13] = [
        Self::ReaderRbacSwitch,
        Self::UntaintControllerEnv,
        Self::AppArmorProfileSwitch,
        Self::ZtunnelDnsSettings,
        Self::NetworkPolicyRulesWithoutFrom,
        Self::ListenerSetsStatus,
        Self::RemotePilotIpv6Address,
        Self::TrustDomainPolicyRule,
        Self::CustomReaderServiceAccount,
        Self::TerminationMessagePolicy,
        Self::FipsGoDebug,
        Self::ZtunnelResourceCpuEnv,
        Self::KubernetesSettingsAsValues,
    ];

    /// The first Istio 1.x minor whose charts have it: the one table of chart differences.
    #[must_use]
    pub fn since(self) -> u32 {
        match self {
            Self::ReaderRbacSwitch
            | Self::UntaintControllerEnv
            | Self::AppArmorProfileSwitch
            | Self::ZtunnelDnsSettings
            | Self::NetworkPolicyRulesWithoutFrom
            | Self::ListenerSetsStatus
            | Self::RemotePilotIpv6Address
            | Self::TrustDomainPolicyRule => 30,
            Self::CustomReaderServiceAccount
            | Self::TerminationMessagePolicy
            | Self::FipsGoDebug
            | Self::ZtunnelResourceCpuEnv
            | Self::KubernetesSettingsAsValues => 31,
        }
    }
}

/// The `IstioOperator` fragment that names `release` explicitly (what `--istio-release` lays
/// over the user's files).
#[must_use]
pub fn selection(release: &Release) -> Value {
    serde_json::json!({"metadata": {"annotations": {RELEASE_ANNOTATION: release.minor}}})
}

/// Where a render's release came from, and what the user should hear about it.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub release: &'static Release,
    /// A warning where the request could not be honoured exactly (a version meshctl does not
    /// render, a tag that names no version).
    pub warning: Option<String>,
}

/// Why the release requested cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReleaseError {
    #[error(
        "`metadata.annotations.{RELEASE_ANNOTATION}`: `{value}` is not a supported Istio release\nhint: meshctl renders Istio {}; name one of them (`1.30` or `1.30.3`), or remove the annotation to follow `spec.tag`",
        supported_list()
    )]
    Unsupported { value: String },
    #[error(
        "`metadata.annotations.{RELEASE_ANNOTATION}`: a release is text, but this is a {found}\nhint: quote it (`\"1.30\"`): YAML reads 1.30 as the number 1.3"
    )]
    NotAString { found: &'static str },
}

/// The release a merged (or user) `IstioOperator` tree asks for.
///
/// 1. `metadata.annotations["meshctl.io/istio-release"]`: a supported minor or version, or an
///    error that names the supported ones.
/// 2. Else the image tag (`spec.values.global.tag`, which wins in the charts, else `spec.tag`):
///    its `MAJOR.MINOR` where meshctl renders it (`1.30.3`, `1.30`, `1.30.3-distroless`).
/// 3. Else the newest release: for no tag at all silently; for a version meshctl does not render
///    (`1.20.0`) and a tag that is no version (`my-build-7`) with a warning that says so, as
///    istioctl renders its own charts with whatever tag it is given.
pub fn resolve(tree: &Value) -> Result<Resolved, ReleaseError> {
    match tree
        .pointer("/metadata/annotations")
        .and_then(|a| a.get(RELEASE_ANNOTATION))
    {
        None | Some(Value::Null) => {}
        Some(Value::String(text)) => {
            return find(text.trim())
                .filter(|_| !text.trim().is_empty())
                .map(|release| Resolved {
                    release,
                    warning: None,
                })
                .ok_or_else(|| ReleaseError::Unsupported {
                    value: text.clone(),
                });
        }
        Some(other) => {
            return Err(ReleaseError::NotAString {
                found: crate::merge::type_name(other),
            });
        }
    }
    let tag = [
        tree.pointer("/spec/values/global/tag"),
        tree.pointer("/spec/tag"),
    ]
    .into_iter()
    .flatten()
    .find_map(|tag| match tag {
        Value::String(text) if !text.is_empty() => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    });
    let Some(tag) = tag else {
        return Ok(Resolved {
            release: newest(),
            warning: None,
        });
    };
    if let Some(release) = find(&tag) {
        return Ok(Resolved {
            release,
            warning: None,
        });
    }
    let newest = newest();
    let warning = if parse_version(&tag).is_some() {
        format!(
            "tag `{tag}`: meshctl renders Istio {}, not this version; rendering {}'s charts with \
             the `{tag}` images, as istioctl {} would\nhint: name a supported release in the tag, \
             or choose the charts with the annotation `{RELEASE_ANNOTATION}` (`--istio-release`)",
            supported_list(),
            newest.minor,
            newest.version,
        )
    } else {
        format!(
            "tag `{tag}` names no Istio version: rendering the newest release's charts ({}) with \
             the `{tag}` images\nhint: to render another release for this tag, set the \
             annotation `{RELEASE_ANNOTATION}` or `--istio-release` (supported: {})",
            newest.version,
            supported_list(),
        )
    };
    Ok(Resolved {
        release: newest,
        warning: Some(warning),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn with_tag(tag: &Value) -> Value {
        json!({"spec": {"tag": tag}})
    }

    #[test]
    fn the_table_and_the_folders_agree() {
        let minors: Vec<&str> = all().iter().map(|r| r.minor.as_str()).collect();
        assert_eq!(minors, ["1.31", "1.30", "1.29"]);
        for release in all() {
            assert!(release.version.starts_with(&format!("{}.", release.minor)));
            assert!(!release.crds().embedded.is_empty(), "{}", release.minor);
        }
        assert!(newest().is_newest());
        assert!(!all()[1].is_newest());
    }

    #[test]
    fn a_tag_chooses_its_release() {
        for (tag, minor) in [
            ("1.30.3", "1.30"),
            ("1.30", "1.30"),
            ("1.29.6", "1.29"),
            ("1.29.0", "1.29"),
            ("1.30.3-distroless", "1.30"),
            ("v1.30.3", "1.30"),
            ("1.31.0", "1.31"),
        ] {
            let resolved = resolve(&with_tag(&json!(tag))).expect(tag);
            assert_eq!(resolved.release.minor, minor, "{tag}");
            assert!(resolved.warning.is_none(), "{tag}");
        }
        // A tag read as a number by `--set tag=1.30`.
        let resolved = resolve(&with_tag(&json!(1.3))).expect("number");
        assert!(resolved.release.is_newest());
    }

    #[test]
    fn values_global_tag_wins_over_spec_tag() {
        let tree = json!({"spec": {"tag": "1.31.0", "values": {"global": {"tag": "1.29.6"}}}});
        assert_eq!(resolve(&tree).expect("resolves").release.minor, "1.29");
    }

    #[test]
    fn an_unsupported_version_renders_the_newest_with_a_warning() {
        let resolved = resolve(&with_tag(&json!("1.20.0"))).expect("resolves");
        assert!(resolved.release.is_newest());
        let warning = resolved.warning.expect("a warning");
        assert!(warning.contains("tag `1.20.0`"), "{warning}");
        assert!(warning.contains("1.31, 1.30, 1.29"), "{warning}");
        let resolved = resolve(&with_tag(&json!("my-build-7"))).expect("resolves");
        assert!(resolved.release.is_newest());
        assert!(
            resolved
                .warning
                .expect("a warning")
                .contains(RELEASE_ANNOTATION)
        );
        let untagged = resolve(&json!({"spec": {}})).expect("resolves");
        assert!(untagged.release.is_newest() && untagged.warning.is_none());
    }

    #[test]
    fn the_annotation_wins_and_is_checked() {
        let tree = json!({
            "metadata": {"annotations": {RELEASE_ANNOTATION: "1.29"}},
            "spec": {"tag": "my-build-7"},
        });
        let resolved = resolve(&tree).expect("resolves");
        assert_eq!(resolved.release.minor, "1.29");
        assert!(resolved.warning.is_none());
        for bad in ["1.28", "latest", "", "1.30.3.4"] {
            let tree = json!({"metadata": {"annotations": {RELEASE_ANNOTATION: bad}}});
            let error = resolve(&tree).expect_err(bad).to_string();
            assert!(error.contains(&format!("`{bad}`")), "{error}");
            assert!(error.contains("1.31, 1.30, 1.29"), "{error}");
        }
        let tree = json!({"metadata": {"annotations": {RELEASE_ANNOTATION: 1.3}}});
        assert!(matches!(
            resolve(&tree),
            Err(ReleaseError::NotAString { .. })
        ));
    }

    #[test]
    fn versions_parse_strictly() {
        assert_eq!(parse_version("1.30.3"), Some((1, 30, Some(3))));
        assert_eq!(parse_version("v1.30"), Some((1, 30, None)));
        assert_eq!(parse_version("1.30.3-distroless"), Some((1, 30, Some(3))));
        for bad in ["", "1", "1.", "a.b", "1.30.x", "1.30.3.4", "-1.30", "1..3"] {
            assert_eq!(parse_version(bad), None, "{bad}");
        }
    }

    #[test]
    fn gates_follow_the_table() {
        let [r31, r30, r29] =
            [find("1.31"), find("1.30"), find("1.29")].map(|r| r.expect("supported"));
        for feature in Feature::ALL {
            let since = feature.since();
            assert_eq!(r31.has(feature), since <= 31, "{feature:?}");
            assert_eq!(r30.has(feature), since <= 30, "{feature:?}");
            assert_eq!(r29.has(feature), since <= 29, "{feature:?}");
        }
        assert!(r30.has(Feature::ReaderRbacSwitch) && !r29.has(Feature::ReaderRbacSwitch));
    }

    #[test]
    fn older_releases_take_what_they_do_not_word_from_newer_ones() {
        let [r31, r30, r29] =
            [find("1.31"), find("1.30"), find("1.29")].map(|r| r.expect("supported"));
        // Worded per release where the charts differ …
        assert_ne!(r31.template("sidecar"), r30.template("sidecar"));
        assert_ne!(r30.template("sidecar"), r29.template("sidecar"));
        // … inherited where they do not …
        assert_eq!(r31.template("grpc-agent"), r29.template("grpc-agent"));
        assert_eq!(r30.template("waypoint"), r29.template("waypoint"));
        assert_eq!(r31.preset("platform-gke"), r29.preset("platform-gke"));
        // … and absent where the release does not ship it.
        assert!(r31.template("agentgateway-waypoint").is_some());
        assert!(r30.template("agentgateway-waypoint").is_none());
        assert!(r29.template("agentgateway-waypoint").is_none());
        assert!(r31.preset("compatibility-1.30").is_some());
        assert!(r30.preset("compatibility-1.30").is_none());
        assert!(r30.preset("compatibility-1.29").is_some());
        assert!(r29.preset("compatibility-1.29").is_none());
        assert!(!r29.preset_names().contains(&"compatibility-1.30"));
        assert_eq!(r29.template_names().len(), r31.template_names().len() - 1);
    }
}
