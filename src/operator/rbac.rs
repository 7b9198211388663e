//! Interim: the kinds the render produces (the full RBAC module replaces this).

/// One kind the render can produce, and the resource RBAC names it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Managed {
    pub group: &'static str,
    pub kind: &'static str,
    pub resource: &'static str,
}

const MANAGED: &[Managed] = &[
    Managed {
        group: "admissionregistration.k8s.io",
        kind: "MutatingWebhookConfiguration",
        resource: "mutatingwebhookconfigurations",
    },
    Managed {
        group: "admissionregistration.k8s.io",
        kind: "ValidatingWebhookConfiguration",
        resource: "validatingwebhookconfigurations",
    },
    Managed {
        group: "admissionregistration.k8s.io",
        kind: "ValidatingAdmissionPolicy",
        resource: "validatingadmissionpolicies",
    },
    Managed {
        group: "admissionregistration.k8s.io",
        kind: "ValidatingAdmissionPolicyBinding",
        resource: "validatingadmissionpolicybindings",
    },
    Managed {
        group: "apiextensions.k8s.io",
        kind: "CustomResourceDefinition",
        resource: "customresourcedefinitions",
    },
    Managed {
        group: "apps",
        kind: "DaemonSet",
        resource: "daemonsets",
    },
    Managed {
        group: "apps",
        kind: "Deployment",
        resource: "deployments",
    },
    Managed {
        group: "autoscaling",
        kind: "HorizontalPodAutoscaler",
        resource: "horizontalpodautoscalers",
    },
    Managed {
        group: "policy",
        kind: "PodDisruptionBudget",
        resource: "poddisruptionbudgets",
    },
    Managed {
        group: "networking.k8s.io",
        kind: "NetworkPolicy",
        resource: "networkpolicies",
    },
    Managed {
        group: "k8s.cni.cncf.io",
        kind: "NetworkAttachmentDefinition",
        resource: "network-attachment-definitions",
    },
    Managed {
        group: "rbac.authorization.k8s.io",
        kind: "ClusterRole",
        resource: "clusterroles",
    },
    Managed {
        group: "rbac.authorization.k8s.io",
        kind: "ClusterRoleBinding",
        resource: "clusterrolebindings",
    },
    Managed {
        group: "rbac.authorization.k8s.io",
        kind: "Role",
        resource: "roles",
    },
    Managed {
        group: "rbac.authorization.k8s.io",
        kind: "RoleBinding",
        resource: "rolebindings",
    },
    Managed {
        group: "",
        kind: "ConfigMap",
        resource: "configmaps",
    },
    Managed {
        group: "",
        kind: "Service",
        resource: "services",
    },
    Managed {
        group: "",
        kind: "ServiceAccount",
        resource: "serviceaccounts",
    },
    Managed {
        group: "",
        kind: "ResourceQuota",
        resource: "resourcequotas",
    },
];

/// Every kind the render can produce.
#[must_use]
pub fn managed() -> &'static [Managed] {
    MANAGED
}
