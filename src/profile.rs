//! Built-in profiles, embedded from `profiles/` at compile time.
//!
//! Two layers, as in istioctl: *profiles* are `IstioOperator` documents (`profiles/NAME.yaml`) that
//! the user's input is laid over, always on top of `default`; *presets* are chart values
//! (`profiles/presets/`) that a profile, platform or compatibility version lays over a component's
//! defaults inside the render. Nothing here touches the filesystem at run time.

use serde_json::Value;

use crate::merge;
use crate::release;
use crate::yaml::{self, Source};

/// The profile every other one is laid over.
pub const DEFAULT: &str = "default";

/// Every built-in profile, by name, in the order `profile list` prints them.
const PROFILES: [(&str, &str); 10] = [
    ("ambient", include_str!("../profiles/ambient.yaml")),
    ("default", include_str!("../profiles/default.yaml")),
    ("demo", include_str!("../profiles/demo.yaml")),
    ("empty", include_str!("../profiles/empty.yaml")),
    ("minimal", include_str!("../profiles/minimal.yaml")),
    ("openshift", include_str!("../profiles/openshift.yaml")),
    (
        "openshift-ambient",
        include_str!("../profiles/openshift-ambient.yaml"),
    ),
    ("preview", include_str!("../profiles/preview.yaml")),
    ("remote", include_str!("../profiles/remote.yaml")),
    ("stable", include_str!("../profiles/stable.yaml")),
];

/// Chart-value presets, by file name without `.yaml`.
const PRESETS: [(&str, &str); 17] = [
    (
        "profile-ambient",
        include_str!("../profiles/presets/profile-ambient.yaml"),
    ),
    (
        "profile-demo",
        include_str!("../profiles/presets/profile-demo.yaml"),
    ),
    (
        "profile-preview",
        include_str!("../profiles/presets/profile-preview.yaml"),
    ),
    (
        "profile-remote",
        include_str!("../profiles/presets/profile-remote.yaml"),
    ),
    (
        "profile-stable",
        include_str!("../profiles/presets/profile-stable.yaml"),
    ),
    (
        "platform-gke",
        include_str!("../profiles/presets/platform-gke.yaml"),
    ),
    (
        "platform-k3d",
        include_str!("../profiles/presets/platform-k3d.yaml"),
    ),
    (
        "platform-k3s",
        include_str!("../profiles/presets/platform-k3s.yaml"),
    ),
    (
        "platform-microk8s",
        include_str!("../profiles/presets/platform-microk8s.yaml"),
    ),
    (
        "platform-minikube",
        include_str!("../profiles/presets/platform-minikube.yaml"),
    ),
    (
        "platform-openshift",
        include_str!("../profiles/presets/platform-openshift.yaml"),
    ),
    (
        "compatibility-1.25",
        include_str!("../profiles/presets/compatibility-1.25.yaml"),
    ),
    (
        "compatibility-1.26",
        include_str!("../profiles/presets/compatibility-1.26.yaml"),
    ),
    (
        "compatibility-1.27",
        include_str!("../profiles/presets/compatibility-1.27.yaml"),
    ),
    (
        "compatibility-1.28",
        include_str!("../profiles/presets/compatibility-1.28.yaml"),
    ),
    (
        "compatibility-1.29",
        include_str!("../profiles/presets/compatibility-1.29.yaml"),
    ),
    (
        "compatibility-1.30",
        include_str!("../profiles/presets/compatibility-1.30.yaml"),
    ),
];

/// A profile or preset that does not exist, or (a build defect) does not parse.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("unknown profile `{name}`\nhint: the built-in profiles are {}", names().join(", "))]
    UnknownProfile { name: String },
    #[error("unknown {what} `{name}`\nhint: known values are {}", known.join(", "))]
    UnknownPreset {
        what: &'static str,
        name: String,
        known: Vec<String>,
    },
    #[error(transparent)]
    Embedded(#[from] yaml::YamlError),
}

/// The names of the built-in profiles.
#[must_use]
pub fn names() -> Vec<&'static str> {
    PROFILES.iter().map(|(name, _)| *name).collect()
}

/// The text of a built-in profile, as embedded.
pub fn text(name: &str) -> Result<&'static str, ProfileError> {
    PROFILES
        .iter()
        .find(|(candidate, _)| *candidate == name)
        .map(|(_, text)| *text)
        .ok_or_else(|| ProfileError::UnknownProfile { name: name.into() })
}

fn parse(name: &str) -> Result<Value, ProfileError> {
    Ok(yaml::parse_value(
        text(name)?,
        &Source(format!("profiles/{name}.yaml")),
    )?)
}

/// `default` with `name` laid over it, with the pinned release's images filled in.
pub fn load_merged(name: &str) -> Result<Value, ProfileError> {
    // Look the name up first so that an unknown profile is reported as such.
    let top = parse(name)?;
    let mut base = parse(DEFAULT)?;
    if name != DEFAULT {
        merge::overlay(&mut base, top);
    }
    // istioctl release builds lay their own hub and tag over the profile the same way.
    for flag in [
        format!("hub={}", release::DEFAULT_HUB),
        format!("tag={}", release::DEFAULT_TAG),
    ] {
        if let Ok(flag) = merge::SetFlag::parse(&flag) {
            // Plain keys: setting them cannot fail.
            let _ = flag.apply(&mut base);
        }
    }
    Ok(base)
}

/// A chart-value preset, e.g. `preset("profile", "demo")`; `Ok(None)` where the name is empty.
pub fn preset(kind: &'static str, name: &str) -> Result<Option<Value>, ProfileError> {
    if name.is_empty() {
        return Ok(None);
    }
    let file = format!("{kind}-{name}");
    if let Some((_, text)) = PRESETS.iter().find(|(candidate, _)| *candidate == file) {
        return Ok(Some(yaml::parse_value(
            text,
            &Source(format!("profiles/presets/{file}.yaml")),
        )?));
    }
    // Profiles without chart-level settings (default, minimal, empty …) have no preset.
    if kind == "profile" && names().contains(&name) {
        return Ok(None);
    }
    let prefix = format!("{kind}-");
    Err(ProfileError::UnknownPreset {
        what: match kind {
            "platform" => "platform",
            "compatibility" => "compatibility version",
            _ => "profile",
        },
        name: name.into(),
        known: PRESETS
            .iter()
            .filter_map(|(file, _)| file.strip_prefix(&prefix).map(str::to_string))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_and_preset_parses() {
        for name in names() {
            let merged = load_merged(name).unwrap();
            assert_eq!(
                merged["spec"]["hub"],
                Value::String(release::DEFAULT_HUB.into()),
                "{name}"
            );
        }
        for (file, text) in PRESETS {
            yaml::parse_value(text, &Source(file.into())).unwrap();
        }
    }

    #[test]
    fn unknown_profile_lists_the_known_ones() {
        let error = load_merged("prod").unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "unknown profile `prod`\nhint: the built-in profiles are {}",
                names().join(", ")
            )
        );
    }

    #[test]
    fn compatibility_versions_undo_later_defaults() {
        let preset = preset("compatibility", "1.25").unwrap().unwrap();
        assert_eq!(preset["pilot"]["env"]["ENABLE_NATIVE_SIDECARS"], "false");
        let preset = crate::profile::preset("compatibility", "1.30")
            .unwrap()
            .unwrap();
        assert!(
            preset["pilot"]["env"]
                .get("ENABLE_NATIVE_SIDECARS")
                .is_none()
        );
        assert!(matches!(
            crate::profile::preset("compatibility", "1.2"),
            Err(ProfileError::UnknownPreset { .. })
        ));
    }
}
