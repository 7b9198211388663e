//! `meshctl version`: meshctl's own version and the Istio releases it renders; with a cluster,
//! what runs there — each control-plane revision with its release, and the sidecars of each
//! release per revision (`cluster::inventory`, from the pods: no istiod needed).

use std::fmt::Write as _;

use meshctl::cluster::inventory;
use meshctl::release;

use super::{CommandError, ExitStatus, connect, describe_cluster, runtime};
use crate::output::Printer;
use crate::settings::VersionSettings;

pub fn run(args: &VersionSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    // One line per Istio release meshctl renders, newest (the default) first.
    let mut text = format!(
        "meshctl {} (commit {})\n",
        env!("CARGO_PKG_VERSION"),
        env!("MESHCTL_COMMIT")
    );
    for release in release::all() {
        let default = if release.is_newest() { ", default" } else { "" };
        let _ = writeln!(
            text,
            "istio {} ({}{default})",
            release.version, release.source
        );
    }
    printer.data(&text)?;
    let Some(cluster) = &args.cluster else {
        return Ok(ExitStatus::Success);
    };
    // The cluster part is information: a cluster that cannot be read is a warning, not a failure
    // of `version`.
    let found = runtime()?.block_on(async {
        let (connection, catalog) = connect(cluster).await?;
        let inventory = inventory::read(&catalog).await?;
        anyhow::Ok((describe_cluster(&connection), inventory))
    });
    match found {
        Ok((cluster, inventory)) => printer.data(&describe(&cluster, &inventory))?,
        Err(error) => printer.warn(&format!("the cluster's Istio is not shown: {error:#}"))?,
    }
    Ok(ExitStatus::Success)
}

/// The cluster part, as `istioctl version` words it, plus the data plane per revision.
fn describe(cluster: &str, inventory: &inventory::Inventory) -> String {
    let mut text = format!("{cluster}:\n");
    if inventory.control_planes.is_empty() {
        text.push_str("  control plane: none (no istiod Deployment)\n");
    }
    for plane in &inventory.control_planes {
        let _ = writeln!(
            text,
            "  control plane: revision {} in {}: istio {} ({} ready)",
            plane.revision,
            plane.namespace,
            plane.version.as_deref().unwrap_or("unknown"),
            plane.ready
        );
    }
    if inventory.data_plane.is_empty() {
        text.push_str("  data plane: no pod runs a sidecar\n");
    }
    for sidecars in &inventory.data_plane {
        let _ = writeln!(
            text,
            "  data plane: revision {}: {} pod(s) on istio {}",
            sidecars.revision, sidecars.pods, sidecars.version
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use meshctl::cluster::inventory::{ControlPlane, DataPlane, Inventory};

    #[test]
    fn the_cluster_part_names_each_revision_and_release() {
        let inventory = Inventory {
            control_planes: vec![ControlPlane {
                namespace: "istio-system".into(),
                revision: "1-31-0".into(),
                version: Some("1.31.0".into()),
                ready: 1,
            }],
            data_plane: vec![
                DataPlane {
                    revision: "1-31-0".into(),
                    version: "1.31.0".into(),
                    pods: 3,
                },
                DataPlane {
                    revision: "default".into(),
                    version: "1.30.3".into(),
                    pods: 2,
                },
            ],
        };
        assert_eq!(
            describe("context `kind`", &inventory),
            "context `kind`:\n  control plane: revision 1-31-0 in istio-system: istio 1.31.0 (1 \
             ready)\n  data plane: revision 1-31-0: 3 pod(s) on istio 1.31.0\n  data plane: \
             revision default: 2 pod(s) on istio 1.30.3\n"
        );
        assert!(describe("c", &Inventory::default()).contains("no istiod Deployment"));
    }
}
