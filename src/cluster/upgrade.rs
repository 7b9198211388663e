//! Istio's upgrade rules, applied to what is installed and what an install would render.
//!
//! Istio supports moving a control plane **in place** one minor at a time (1.29 → 1.30 → 1.31),
//! and a **canary** (a second revision beside the first) at most two minors ahead of every
//! revision already installed (1.29 → 1.31 by revision). A downgrade is supported one minor at a
//! time too, and is named as one. These are precheck findings: errors refuse `install` before
//! anything is written (unless `--force`, which the install says it used), and `diff` shows the
//! version change first.
//!
//! Input: the installed revisions with the Istio version each runs (from the `operator.istio.io/
//! version` label istioctl's and meshctl's installs put on the revision's injector), and the
//! revision and release an install renders. Nothing here talks to a cluster or prints.

use crate::release::Release;

/// One installed control-plane revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    /// `default` for the unrevisioned control plane.
    pub revision: String,
    /// The Istio version it runs (`1.30.3`), where its objects say.
    pub version: Option<String>,
}

/// What an install does to the control planes, as Istio's rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    /// A revision that is not installed yet, beside the others (or the first one).
    Fresh,
    /// The same revision, the same minor (a patch release, or nothing).
    Same { from: String },
    /// The same revision to a newer minor.
    Upgrade { from: String, minors: u32 },
    /// The same revision to an older minor.
    Downgrade { from: String, minors: u32 },
}

/// A finding of the rules: `error` refuses the install (unless `--force`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub error: bool,
    pub message: String,
}

/// How far `target` is from `installed` in minors (positive: newer), where both are 1.x versions
/// as [`crate::release`] reads them (`1.30.3-distroless` is 1.30).
fn distance(installed: &str, target: &str) -> Option<i64> {
    let (major_a, minor_a, _) = crate::release::parse_version(installed)?;
    let (major_b, minor_b, _) = crate::release::parse_version(target)?;
    (major_a == 1 && major_b == 1).then(|| i64::from(minor_b) - i64::from(minor_a))
}

/// What installing `release` as `revision` does to the installed revision of that name.
#[must_use]
pub fn classify(installed: &[Installed], revision: &str, release: &Release) -> Move {
    let Some(current) = installed.iter().find(|i| i.revision == revision) else {
        return Move::Fresh;
    };
    let Some(from) = current.version.clone() else {
        return Move::Fresh;
    };
    match distance(&from, &release.version) {
        Some(steps) if steps > 0 => Move::Upgrade {
            from,
            minors: u32::try_from(steps).unwrap_or(u32::MAX),
        },
        Some(steps) if steps < 0 => Move::Downgrade {
            from,
            minors: u32::try_from(-steps).unwrap_or(u32::MAX),
        },
        _ => Move::Same { from },
    }
}

/// Istio's rules for installing `release` as `revision` beside `installed`.
#[must_use]
pub fn check(installed: &[Installed], revision: &str, release: &Release) -> Vec<Finding> {
    let target = &release.version;
    let mut findings = Vec::new();
    match classify(installed, revision, release) {
        Move::Upgrade { from, minors } if minors > 1 => findings.push(Finding {
            error: true,
            message: format!(
                "revision `{revision}` runs Istio {from}: an in-place upgrade to {target} skips \
                 {} minor release(s), and Istio upgrades in place one minor at a time\nhint: \
                 upgrade through each minor in turn, or install {target} as a canary beside it \
                 (`-r {}`), which may be two minors ahead",
                minors - 1,
                canary_name(release),
            ),
        }),
        Move::Upgrade { from, .. } => findings.push(Finding {
            error: false,
            message: format!(
                "revision `{revision}`: in-place upgrade from Istio {from} to {target}"
            ),
        }),
        Move::Downgrade { from, minors } if minors > 1 => findings.push(Finding {
            error: true,
            message: format!(
                "revision `{revision}` runs Istio {from}: this is a downgrade to {target} by \
                 {minors} minor releases, and Istio downgrades in place one minor at a time"
            ),
        }),
        Move::Downgrade { from, .. } => findings.push(Finding {
            error: false,
            message: format!(
                "revision `{revision}`: this is a downgrade, from Istio {from} to {target} in place"
            ),
        }),
        Move::Same { .. } => {}
        Move::Fresh => {
            for other in installed.iter().filter(|i| i.revision != revision) {
                let Some(version) = &other.version else {
                    continue;
                };
                match distance(version, target) {
                    Some(steps) if steps > 2 => findings.push(Finding {
                        error: true,
                        message: format!(
                            "revision `{}` runs Istio {version}: a canary of {target} beside it \
                             is {steps} minors ahead, and Istio supports a canary at most two \
                             ahead\nhint: upgrade `{}` first",
                            other.revision, other.revision
                        ),
                    }),
                    Some(steps) if steps < 0 => findings.push(Finding {
                        error: false,
                        message: format!(
                            "revision `{}` runs the newer Istio {version}: {target} beside it \
                             is older, and the CRDs they share stay {version}'s",
                            other.revision
                        ),
                    }),
                    _ => {}
                }
            }
        }
    }
    findings
}

/// Proxies that a control plane of `release` no longer serves: Istio supports sidecars and
/// gateways at most two minors older than istiod. One finding per release found too old.
#[must_use]
pub fn stale_proxies(
    data_plane: &[crate::cluster::inventory::DataPlane],
    release: &Release,
) -> Vec<Finding> {
    let mut too_old: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for sidecars in data_plane {
        if distance(&sidecars.version, &release.version).is_some_and(|steps| steps > 2) {
            *too_old.entry(sidecars.version.as_str()).or_default() += sidecars.pods;
        }
    }
    too_old
        .into_iter()
        .map(|(version, pods)| Finding {
            error: false,
            message: format!(
                "{pods} pod(s) run the Istio {version} proxy, more than two minors older than \
                 {}: restart them onto a supported release before moving the control plane",
                release.version
            ),
        })
        .collect()
}

/// The newest other revision that runs a newer minor than `release`, if any: its CRDs must stay.
#[must_use]
pub fn newer_elsewhere<'a>(
    installed: &'a [Installed],
    revision: &str,
    release: &Release,
) -> Option<&'a Installed> {
    installed
        .iter()
        .filter(|i| i.revision != revision)
        .filter_map(|i| {
            let steps = distance(&release.version, i.version.as_deref()?)?;
            (steps > 0).then_some((steps, i))
        })
        .max_by_key(|(steps, _)| *steps)
        .map(|(_, i)| i)
}

/// The revision name a release's canary gets (`1-31-0`), for hints.
#[must_use]
pub fn canary_name(release: &Release) -> String {
    release.version.replace('.', "-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::release;

    fn installed(pairs: &[(&str, &str)]) -> Vec<Installed> {
        pairs
            .iter()
            .map(|(revision, version)| Installed {
                revision: (*revision).into(),
                version: Some((*version).into()),
            })
            .collect()
    }

    fn r(minor: &str) -> &'static Release {
        release::find(minor).expect("supported")
    }

    #[test]
    fn in_place_moves_one_minor_at_a_time() {
        let from_29 = installed(&[("default", "1.29.6")]);
        assert!(
            check(&from_29, "default", r("1.30"))
                .iter()
                .all(|f| !f.error)
        );
        let skip = check(&from_29, "default", r("1.31"));
        assert_eq!(skip.len(), 1);
        assert!(skip[0].error, "{skip:?}");
        assert!(skip[0].message.contains("one minor at a time"), "{skip:?}");
        assert!(skip[0].message.contains("-r 1-31-0"), "{skip:?}");
        // A patch release, or the same version: nothing to say.
        let same = installed(&[("default", "1.30.1")]);
        assert!(check(&same, "default", r("1.30")).is_empty());
    }

    #[test]
    fn a_downgrade_is_named_as_one() {
        let from_31 = installed(&[("default", "1.31.0")]);
        let back = check(&from_31, "default", r("1.30"));
        assert_eq!(back.len(), 1);
        assert!(
            !back[0].error && back[0].message.contains("downgrade"),
            "{back:?}"
        );
        let far = check(&from_31, "default", r("1.29"));
        assert!(
            far[0].error && far[0].message.contains("downgrade"),
            "{far:?}"
        );
    }

    #[test]
    fn a_canary_may_be_two_minors_ahead() {
        let from_29 = installed(&[("default", "1.29.6")]);
        assert!(
            check(&from_29, "canary", r("1.31"))
                .iter()
                .all(|f| !f.error)
        );
        let older = installed(&[("default", "1.27.2")]);
        let too_far = check(&older, "canary", r("1.30"));
        assert!(too_far[0].error, "{too_far:?}");
        assert!(too_far[0].message.contains("at most two"), "{too_far:?}");
        // An older canary beside a newer revision is allowed and named: the CRDs stay the newer's.
        let newer = installed(&[("default", "1.31.0")]);
        let beside = check(&newer, "old", r("1.29"));
        assert!(
            !beside[0].error && beside[0].message.contains("CRDs"),
            "{beside:?}"
        );
    }

    #[test]
    fn proxies_more_than_two_minors_behind_are_named() {
        use crate::cluster::inventory::DataPlane;
        let plane = |version: &str, pods: usize| DataPlane {
            revision: "default".into(),
            version: version.into(),
            pods,
        };
        let found = stale_proxies(
            &[
                plane("1.28.4", 3),
                plane("1.28.1", 1),
                plane("1.29.6", 9),
                plane("dev", 2),
            ],
            r("1.31"),
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0]
                .message
                .starts_with("1 pod(s) run the Istio 1.28.1 proxy"),
            "{found:?}"
        );
        assert!(
            found[1]
                .message
                .starts_with("3 pod(s) run the Istio 1.28.4 proxy"),
            "{found:?}"
        );
        assert!(stale_proxies(&[plane("1.29.6", 9)], r("1.31")).is_empty());
    }

    #[test]
    fn only_a_newer_other_revision_keeps_its_crds() {
        let both = installed(&[("default", "1.31.0"), ("old", "1.29.6")]);
        let kept = newer_elsewhere(&both, "canary", r("1.30")).expect("1.31 is newer");
        assert_eq!(kept.revision, "default");
        assert!(newer_elsewhere(&both, "default", r("1.30")).is_none());
        assert!(newer_elsewhere(&both, "canary", r("1.31")).is_none());
    }

    #[test]
    fn an_unknown_installed_version_is_not_judged() {
        let unknown = vec![Installed {
            revision: "default".into(),
            version: None,
        }];
        assert_eq!(classify(&unknown, "default", r("1.31")), Move::Fresh);
        assert!(check(&unknown, "default", r("1.31")).is_empty());
        let dev = installed(&[("default", "master")]);
        assert!(check(&dev, "default", r("1.31")).is_empty());
    }
}
