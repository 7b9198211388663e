//! What a component's render function is given: its resolved chart values, namespace and revision,
//! with small typed accessors so render code reads like the objects it builds.

use serde_json::Value;

use super::helm::{self, truthy};
use super::values::{chart_values, component_values};
use super::{ComponentInstance, ComponentName, RenderError};
use crate::merge::get_path;
use crate::release::Release;

/// Everything one component instance renders from.
#[derive(Debug, Clone)]
pub struct ChartContext {
    pub instance: ComponentInstance,
    /// The component's full chart values (defaults < presets < user values).
    pub values: Value,
    /// The values the chart was given (the user's `spec.values` with component settings copied
    /// in), before defaults and presets: what the `values` `ConfigMap` records as passed.
    pub given: Value,
    /// The Istio release whose charts render (see [`crate::release::resolve`]).
    pub release: &'static Release,
}

impl ChartContext {
    /// Resolves the chart values for one component instance.
    pub fn new(
        merged: &Value,
        instance: &ComponentInstance,
        release: &'static Release,
    ) -> Result<Self, RenderError> {
        let user = component_values(merged, instance, release);
        let (defaults, flatten_globals) = match instance.component {
            ComponentName::Base => (super::base::defaults(release), false),
            ComponentName::Pilot => (super::pilot::defaults(release), false),
            ComponentName::IngressGateways | ComponentName::EgressGateways => {
                (super::gateways::defaults(instance.component), false)
            }
            ComponentName::Cni => (super::cni::defaults(release), false),
            ComponentName::Ztunnel => (super::ztunnel::defaults(release), true),
        };
        let values = chart_values(defaults, &user, flatten_globals, release)?;
        Ok(Self {
            instance: instance.clone(),
            values,
            given: user,
            release,
        })
    }

    /// The namespace this instance renders into.
    #[must_use]
    pub fn namespace(&self) -> &str {
        &self.instance.namespace
    }

    /// A value by dotted path (`global.hub`), `None` when missing or null.
    #[must_use]
    pub fn get(&self, path: &str) -> Option<&Value> {
        get_path(&self.values, path).filter(|v| !v.is_null())
    }

    /// The value at a path as a template prints it (`{{ .Values.x }}`); `""` when missing or null.
    #[must_use]
    pub fn str(&self, path: &str) -> String {
        self.get(path).map(helm::go_text).unwrap_or_default()
    }

    /// Helm truthiness: missing, null, false, 0, "" and empty collections are false.
    #[must_use]
    pub fn truthy(&self, path: &str) -> bool {
        self.get(path).is_some_and(truthy)
    }

    /// An integer at a path (numbers or numeric strings).
    #[must_use]
    pub fn int(&self, path: &str) -> Option<i64> {
        match self.get(path)? {
            Value::Number(number) => number
                .as_i64()
                .or_else(|| number.as_f64().map(|f| f as i64)),
            Value::String(text) => text.parse().ok(),
            _ => None,
        }
    }

    /// The control-plane revision, `""` for the default one.
    #[must_use]
    pub fn revision(&self) -> String {
        self.str("revision")
    }

    /// The revision as the `istio.io/rev` label spells it (`default` for none).
    #[must_use]
    pub fn revision_or_default(&self) -> String {
        let revision = self.revision();
        if revision.is_empty() {
            "default".into()
        } else {
            revision
        }
    }

    /// `-REV` for the default-less names (`istiod-canary`), `""` otherwise.
    #[must_use]
    pub fn revision_suffix(&self) -> String {
        let revision = self.revision();
        if revision.is_empty() {
            String::new()
        } else {
            format!("-{revision}")
        }
    }
}
