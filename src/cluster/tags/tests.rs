use super::*;
use crate::pipeline::{self, Inputs};

fn render(flags: &[&str]) -> (Value, Vec<Manifest>) {
    let inputs = Inputs {
        set_flags: flags
            .iter()
            .map(|f| SetFlag::parse(f).expect("flag"))
            .collect(),
        ..Inputs::default()
    };
    let merged = pipeline::merge(&inputs).expect("merges");
    let manifests = pipeline::render(&merged).expect("renders");
    (merged.tree, manifests)
}

fn find<'a>(manifests: &'a [Manifest], kind: &str, name: &str) -> &'a Value {
    manifests
        .iter()
        .find(|m| m.kind() == kind && m.name() == name)
        .unwrap_or_else(|| {
            panic!(
                "{kind} {name} not in {:?}",
                manifests
                    .iter()
                    .map(Manifest::display_name)
                    .collect::<Vec<_>>()
            )
        })
        .object()
}

fn landscape_of(manifests: &[Manifest]) -> Landscape {
    Landscape {
        webhooks: manifests
            .iter()
            .filter(|m| m.kind() == "MutatingWebhookConfiguration")
            .map(|m| m.object().clone())
            .collect(),
        tag_services: Vec::new(),
    }
}

#[test]
fn a_default_install_on_an_empty_cluster_adds_the_default_tag_and_deactivates_its_injector() {
    let (merged, mut manifests) = render(&[]);
    let plain = manifests.len();
    let tags = plan_install(
        &Landscape::default(),
        &merged,
        &mut manifests,
        "istio-system",
    )
    .expect("plans");
    assert!(tags.default_tag);
    assert_eq!(manifests.len(), plain + 3);
    let tag = find(
        &manifests,
        "MutatingWebhookConfiguration",
        "istio-revision-tag-default",
    );
    let labels = &tag["metadata"]["labels"];
    assert_eq!(labels["istio.io/tag"], "default");
    assert_eq!(labels["istio.io/rev"], "default");
    assert_eq!(labels["app"], "sidecar-injector");
    assert_eq!(labels["operator.istio.io/component"], "Pilot");
    assert_eq!(
        labels["install.operator.istio.io/owning-resource-not-pruned"],
        "true"
    );
    for webhook in tag["webhooks"].as_array().expect("webhooks") {
        assert_eq!(webhook["clientConfig"]["service"]["name"], "istiod");
        assert!(
            webhook["clientConfig"].get("caBundle").is_none(),
            "istiod owns caBundle"
        );
    }
    let names: Vec<&str> = tag["webhooks"]
        .as_array()
        .expect("list")
        .iter()
        .map(|w| w["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        [
            "rev.namespace.sidecar-injector.istio.io",
            "rev.object.sidecar-injector.istio.io",
            "namespace.sidecar-injector.istio.io",
            "object.sidecar-injector.istio.io"
        ]
    );
    let service = find(&manifests, "Service", "istiod-revision-tag-default");
    assert_eq!(service["metadata"]["labels"]["istio.io/tag"], "default");
    assert_eq!(service["spec"]["selector"]["app"], "istiod");
    let validator = find(
        &manifests,
        "ValidatingWebhookConfiguration",
        "istiod-default-validator",
    );
    assert_eq!(
        validator["webhooks"][0]["clientConfig"]["service"]["name"],
        "istiod"
    );
    assert_eq!(
        validator["webhooks"][0]["objectSelector"]["matchExpressions"][0]["operator"],
        "DoesNotExist"
    );
    assert_eq!(validator["webhooks"][0]["failurePolicy"], "Ignore");
    assert_eq!(validator["metadata"]["labels"]["istio.io/tag"], "default");
    let injector = find(
        &manifests,
        "MutatingWebhookConfiguration",
        "istio-sidecar-injector",
    );
    assert!(is_deactivated(injector));
    assert!(tags.overlaps.is_empty(), "{:?}", tags.overlaps);
}

#[test]
fn a_canary_beside_a_default_tag_adds_nothing_and_the_first_revision_gets_the_tag() {
    let (_, mut default) = render(&[]);
    let (merged, _) = render(&[]);
    plan_install(&Landscape::default(), &merged, &mut default, "istio-system").expect("plans");
    let cluster = landscape_of(&default);
    assert!(cluster.default_tag_exists());

    let (canary_merged, mut canary) = render(&["revision=canary"]);
    let plain = canary.len();
    let tags = plan_install(&cluster, &canary_merged, &mut canary, "istio-system").expect("plans");
    assert!(!tags.default_tag);
    assert_eq!(canary.len(), plain);
    assert!(tags.overlaps.is_empty(), "{:?}", tags.overlaps);

    // The first revision on an empty cluster: the default tag points at it.
    let (first_merged, mut first) = render(&["revision=canary"]);
    let tags = plan_install(
        &Landscape::default(),
        &first_merged,
        &mut first,
        "istio-system",
    )
    .expect("plans");
    assert!(tags.default_tag);
    let tag = find(
        &first,
        "MutatingWebhookConfiguration",
        "istio-revision-tag-default",
    );
    assert_eq!(tag["metadata"]["labels"]["istio.io/rev"], "canary");
    assert_eq!(
        tag["webhooks"][0]["clientConfig"]["service"]["name"],
        "istiod-canary"
    );
    let validator = find(
        &first,
        "ValidatingWebhookConfiguration",
        "istiod-default-validator",
    );
    assert_eq!(
        validator["webhooks"][0]["clientConfig"]["service"]["name"],
        "istiod-canary"
    );
    assert_eq!(validator["metadata"]["labels"]["istio.io/rev"], "canary");
}

#[test]
fn operator_managed_webhooks_get_no_tag() {
    let (merged, mut manifests) = render(&["values.global.operatorManageWebhooks=true"]);
    let plain = manifests.len();
    let tags = plan_install(
        &Landscape::default(),
        &merged,
        &mut manifests,
        "istio-system",
    )
    .expect("plans");
    assert!(!tags.default_tag);
    assert_eq!(manifests.len(), plain);
}

#[test]
fn an_active_default_injector_beside_a_default_tag_is_reported_as_overlapping() {
    // What `meshctl install` without tags left over an istioctl install: both inject.
    let (merged, mut manifests) = render(&[]);
    plan_install(
        &Landscape::default(),
        &merged,
        &mut manifests,
        "istio-system",
    )
    .expect("plans");
    let (_, plain) = render(&[]);
    let mut cluster = landscape_of(&manifests);
    for webhook in &mut cluster.webhooks {
        if name_of(webhook) == "istio-sidecar-injector" {
            *webhook = find(
                &plain,
                "MutatingWebhookConfiguration",
                "istio-sidecar-injector",
            )
            .clone();
        }
    }
    let overlaps = overlapping_injectors(&cluster.webhooks);
    assert!(!overlaps.is_empty());
    assert!(overlaps.iter().any(|o| {
        o.webhooks
            .iter()
            .any(|w| w.starts_with("istio-revision-tag-default/"))
            && o.webhooks
                .iter()
                .any(|w| w.starts_with("istio-sidecar-injector/"))
    }));

    // A canary install over that cluster does not touch either, so it is not refused for them.
    let (canary_merged, mut canary) = render(&["revision=canary"]);
    let tags = plan_install(&cluster, &canary_merged, &mut canary, "istio-system").expect("plans");
    assert!(tags.overlaps.is_empty(), "{:?}", tags.overlaps);

    // A default install over it repairs it: the injector it applies is deactivated.
    let (again_merged, mut again) = render(&[]);
    let tags = plan_install(&cluster, &again_merged, &mut again, "istio-system").expect("plans");
    assert!(tags.overlaps.is_empty(), "{:?}", tags.overlaps);
}

#[test]
fn a_foreign_injector_that_overlaps_refuses_the_install() {
    let (merged, mut manifests) = render(&[]);
    let foreign = json!({
        "apiVersion": "admissionregistration.k8s.io/v1",
        "kind": "MutatingWebhookConfiguration",
        "metadata": {"name": "old-injector", "labels": {"istio.io/rev": "1-29"}},
        "webhooks": [{"name": "sidecar-injector.istio.io",
                      "namespaceSelector": {"matchLabels": {"istio-injection": "enabled"}}}],
    });
    let cluster = Landscape {
        webhooks: vec![foreign],
        tag_services: Vec::new(),
    };
    let tags = plan_install(&cluster, &merged, &mut manifests, "istio-system").expect("plans");
    assert!(!tags.overlaps.is_empty());
    let text = tags.overlaps[0].to_string();
    assert!(
        text.contains("old-injector/sidecar-injector.istio.io"),
        "{text}"
    );
    assert!(
        text.contains("istio-revision-tag-default/namespace.sidecar-injector.istio.io"),
        "{text}"
    );
}

#[test]
fn a_live_default_injector_outside_the_render_is_deactivated_after_the_install() {
    let (_, plain) = render(&[]);
    let cluster = Landscape {
        webhooks: vec![
            find(
                &plain,
                "MutatingWebhookConfiguration",
                "istio-sidecar-injector",
            )
            .clone(),
        ],
        tag_services: Vec::new(),
    };
    let (merged, mut canary) = render(&["revision=canary"]);
    let tags = plan_install(&cluster, &merged, &mut canary, "istio-system").expect("plans");
    assert!(
        tags.default_tag,
        "no default tag yet: the first tagged revision gets it"
    );
    assert_eq!(tags.deactivate_live.len(), 1);
    assert!(tags.overlaps.is_empty(), "{:?}", tags.overlaps);
}

#[test]
fn user_managed_tags_carry_no_operator_labels() {
    let (_, manifests) = render(&["revision=canary"]);
    let canonical = find(
        &manifests,
        "MutatingWebhookConfiguration",
        "istio-sidecar-injector-canary",
    );
    let objects = generate(&TagRequest {
        tag: "prod",
        revision: "canary",
        canonical,
        istio_namespace: "istio-system",
        auto_inject_namespaces: false,
        user_managed: true,
        extra_labels: BTreeMap::new(),
    })
    .expect("generates");
    let kinds: Vec<String> = objects.iter().map(Manifest::display_name).collect();
    assert_eq!(
        kinds,
        [
            "MutatingWebhookConfiguration `istio-revision-tag-prod`",
            "Service `istio-system/istiod-revision-tag-prod`"
        ]
    );
    for object in &objects {
        let labels = object.object()["metadata"]["labels"]
            .as_object()
            .expect("labels");
        assert!(
            labels.keys().all(|k| !k.contains("operator.istio.io")),
            "{labels:?}"
        );
        assert_eq!(labels["istio.io/tag"], "prod");
        assert_eq!(labels["istio.io/rev"], "canary");
    }
    let webhook = objects[0].object();
    // A non-default tag answers only `istio.io/rev=prod`.
    assert_eq!(webhook["webhooks"].as_array().expect("list").len(), 2);
    assert_eq!(
        webhook["webhooks"][0]["namespaceSelector"]["matchExpressions"][0]["values"][0],
        "prod"
    );
}

#[test]
fn selectors_follow_kubernetes_semantics() {
    let labels = BTreeMap::from([("a".to_string(), "1".to_string())]);
    assert!(selector_matches(&Value::Null, &labels));
    assert!(selector_matches(
        &json!({"matchLabels": {"a": "1"}}),
        &labels
    ));
    assert!(!selector_matches(
        &json!({"matchLabels": {"a": "2"}}),
        &labels
    ));
    assert!(selector_matches(
        &json!({"matchExpressions": [{"key": "b", "operator": "DoesNotExist"}]}),
        &labels
    ));
    assert!(selector_matches(
        &json!({"matchExpressions": [{"key": "a", "operator": "NotIn", "values": ["2"]}]}),
        &labels
    ));
    assert!(!selector_matches(
        &json!({"matchExpressions": [{"key": "a", "operator": "In", "values": ["2"]}]}),
        &labels
    ));
    assert!(!selector_matches(&never_match(), &labels));
}

#[test]
fn tag_names_are_dns_labels() {
    assert!(check_tag_name("prod-1").is_ok());
    for bad in ["", "Prod", "a_b", "-a", "a-", &"x".repeat(64)] {
        assert!(check_tag_name(bad).is_err(), "{bad}");
    }
}
