//! Built-in profiles, embedded from `profiles/` at compile time.
//!
//! Two layers, as in istioctl: *profiles* are `IstioOperator` documents (`profiles/NAME.yaml`) that
//! the user's input is laid over, always on top of `default`; *presets* are chart values
//! (`profiles/presets/`) that a profile, platform or compatibility version lays over a component's
//! defaults inside the render; they belong to a release (`releases/<minor>/presets/`, through
//! [`crate::release`]). Nothing here touches the filesystem at run time.

use serde_json::Value;

use crate::merge;
use crate::release::{self, Release};
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

/// A profile or preset that does not exist, or (a build defect) does not parse.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("unknown profile `{name}`\nhint: the built-in profiles are {}", names().join(", "))]
    UnknownProfile { name: String },
    #[error("unknown {what} `{name}` for Istio {release}\nhint: known values are {}", known.join(", "))]
    UnknownPreset {
        what: &'static str,
        name: String,
        release: String,
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

/// `default` with `name` laid over it, with the release's images filled in.
pub fn load_merged(name: &str, release: &Release) -> Result<Value, ProfileError> {
    // Look the name up first so that an unknown profile is reported as such.
    let top = parse(name)?;
    let mut base = parse(DEFAULT)?;
    if name != DEFAULT {
        merge::overlay(&mut base, top);
    }
    // istioctl release builds lay their own hub and tag over the profile the same way.
    for flag in [
        format!("hub={}", release::DEFAULT_HUB),
        format!("tag={}", release.version),
    ] {
        if let Ok(flag) = merge::SetFlag::parse(&flag) {
            // Plain keys: setting them cannot fail.
            let _ = flag.apply(&mut base);
        }
    }
    Ok(base)
}

/// A release's chart-value preset, e.g. `preset(release, "profile", "demo")`; `Ok(None)` where
/// the name is empty.
pub fn preset(
    release: &Release,
    kind: &'static str,
    name: &str,
) -> Result<Option<Value>, ProfileError> {
    if name.is_empty() {
        return Ok(None);
    }
    let file = format!("{kind}-{name}");
    if let Some(text) = release.preset(&file) {
        return Ok(Some(yaml::parse_value(
            text,
            &Source(format!("releases/{}/presets/{file}.yaml", release.minor)),
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
        release: release.minor.clone(),
        known: release
            .preset_names()
            .into_iter()
            .filter_map(|file| file.strip_prefix(&prefix).map(str::to_string))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_and_preset_parses() {
        for release in release::all() {
            for name in names() {
                let merged = load_merged(name, release).unwrap();
                assert_eq!(
                    merged["spec"]["hub"],
                    Value::String(release::DEFAULT_HUB.into()),
                    "{name}"
                );
                assert_eq!(
                    merged["spec"]["tag"],
                    Value::String(release.version.clone())
                );
            }
            for file in release.preset_names() {
                let text = release.preset(file).unwrap();
                yaml::parse_value(text, &Source(file.into())).unwrap();
            }
        }
    }

    #[test]
    fn unknown_profile_lists_the_known_ones() {
        let error = load_merged("prod", release::newest()).unwrap_err();
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
        let newest = release::newest();
        let preset = preset(newest, "compatibility", "1.25").unwrap().unwrap();
        assert_eq!(preset["pilot"]["env"]["ENABLE_NATIVE_SIDECARS"], "false");
        let preset = crate::profile::preset(newest, "compatibility", "1.30")
            .unwrap()
            .unwrap();
        assert!(
            preset["pilot"]["env"]
                .get("ENABLE_NATIVE_SIDECARS")
                .is_none()
        );
        assert!(matches!(
            crate::profile::preset(newest, "compatibility", "1.2"),
            Err(ProfileError::UnknownPreset { .. })
        ));
    }

    /// A release undoes only the changes made after it, and knows no compatibility version of
    /// itself or later (istioctl 1.30 refuses `compatibilityVersion=1.30`).
    #[test]
    fn each_release_has_its_own_compatibility_versions() {
        let r30 = release::find("1.30").unwrap();
        let preset = preset(r30, "compatibility", "1.29").unwrap().unwrap();
        assert_eq!(
            preset["pilot"]["env"]["PILOT_SIDECAR_PICK_BEST_SERVICE_NAMESPACE"],
            "false"
        );
        assert!(
            preset["pilot"]["env"]
                .get("PILOT_ENABLE_STRICT_GATEWAY_MERGING")
                .is_none()
        );
        let error = crate::profile::preset(r30, "compatibility", "1.30").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown compatibility version `1.30` for Istio 1.30\nhint: known values are 1.25, \
             1.26, 1.27, 1.28, 1.29"
        );
    }
}
