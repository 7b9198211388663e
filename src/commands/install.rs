//! `meshctl install` (alias `apply`): plan, confirm, apply in dependency order, wait until ready,
//! prune. A second install of the same input finds no changes and writes nothing (it still waits
//! until what it installed is ready).

use std::time::Instant;

use meshctl::cluster::Ownership;
use meshctl::cluster::apply::{self, ApplyOptions};
use meshctl::cluster::{diff, precheck, wait};
use meshctl::multicluster;

use super::diff::print_plan;
use super::reporter::Progress;
use meshctl::cluster::owners::{self, Controller};

use super::{
    CommandError, ExitStatus, Hinted, check_owners, complete_install, confirm, connect,
    describe_cluster, render_merged, runtime, with_hint,
};
use crate::output::Printer;
use crate::settings::InstallSettings;

pub fn run(args: &InstallSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    let started = Instant::now();
    let (merged, manifests) = render_merged(&args.input, printer)?;
    install_rendered(args, &merged, manifests, started, printer)
}

/// Installs what is already merged and rendered (`install`, and `migrate helm` with the
/// `IstioOperator` it made); `args.input` is not read again.
pub fn install_rendered(
    args: &InstallSettings,
    merged: &meshctl::pipeline::Merged,
    mut manifests: Vec<meshctl::manifest::Manifest>,
    started: Instant,
    printer: &mut Printer,
) -> Result<ExitStatus, CommandError> {
    let merged = merged.clone();
    // A remote cluster without its primary has injection pointing nowhere (and, with the
    // webhook failing closed, pods that cannot be created): refuse before anything is written.
    let primary = multicluster::remote_primary(&merged.tree).map_err(|e| {
        let hint = e.hint();
        with_hint(e, hint)
    })?;
    runtime()?.block_on(async {
        if let Some(primary) = &primary
            && let Err(error) = multicluster::check_primary_reachable(primary).await
        {
            if !args.input.force {
                let hint = error.hint();
                return Err(with_hint(error, hint).into());
            }
            printer.warn(&format!("{error:#}"))?;
        }
        let (connection, mut catalog) = connect(&args.cluster).await?;
        precheck_before_install(&catalog, &connection, &merged, &manifests, args, printer).await?;
        let tags = complete_install(
            &catalog,
            &merged,
            &mut manifests,
            args.input.force.then_some("continuing because of --force"),
            printer,
        )
        .await?;
        // Before anything is written: another controller's objects are refused unless the user
        // said to take them (`--take-over-from`), whatever `--force` says.
        let foreign = check_owners(&catalog, &manifests, &args.take_over_from, printer).await?;
        let taking = !foreign.claims.is_empty();
        let ownership = Ownership::of_render(&manifests);
        let mut plan = diff::plan(&catalog, &manifests, &ownership)
            .await
            .map_err(|e| {
                let hint = e.hint();
                with_hint(e, hint)
            })?;
        super::plan_injection(&catalog, &merged, &mut plan).await?;
        plan.drop_conflicts_with(|manager| {
            args.take_over_from.iter().any(|c| c.manages_as(manager))
        });
        let cluster = describe_cluster(&connection);
        let options = ApplyOptions {
            readiness_timeout: args.readiness_timeout,
        };
        if !plan.has_changes() && !taking {
            // Nothing to write, but an install also promises a ready mesh: one that matches and
            // is not ready (istiod crashing, say) is waited on like any install, not passed.
            let verification = wait::verify(&catalog, &manifests).await.map_err(|e| {
                let hint = e.hint();
                with_hint(e, hint)
            })?;
            if !verification.is_complete() && !args.dry_run {
                printer.status(&format!(
                    "No changes: {cluster} already matches the {} rendered objects, but {} not \
                     ready; waiting",
                    manifests.len(),
                    count(
                        verification.not_ready.len() + verification.missing.len(),
                        "object"
                    )
                ))?;
                printer.flush()?;
                let reporter = Progress::new(printer.live_progress(), false);
                apply::apply(&mut catalog, &manifests, &plan, options, &reporter)
                    .await
                    .map_err(|e| {
                        let hint = e.hint();
                        with_hint(e, hint)
                    })?;
            }
            if !args.dry_run {
                deactivate_live(&catalog, &tags).await?;
            }
            printer.status(&format!(
                "✔ No changes: {cluster} already matches the {} rendered objects ({:.1}s)",
                manifests.len(),
                started.elapsed().as_secs_f64()
            ))?;
            return Ok(ExitStatus::Success);
        }
        print_plan(printer, &plan, &cluster, true)?;
        for claim in &foreign.claims {
            printer.warn(&format!(
                "taking over from {claim} (--take-over-from {}): its marks go and meshctl \
                 manages the objects from now on",
                claim.owner.controller.flag_value()
            ))?;
        }
        if args.dry_run {
            printer.status(
                "Dry run: nothing was written (`meshctl diff` shows the changes field by field).",
            )?;
            return Ok(ExitStatus::Success);
        }
        if !confirm(printer, args.yes, "Apply this plan?", "install")? {
            printer.status("Cancelled: nothing was written.")?;
            return Ok(ExitStatus::Failure);
        }
        if taking {
            // The other controllers' fields become meshctl's (values unchanged: nothing
            // restarts), so that the apply below leaves each object exactly as rendered; then
            // the plan is made again, against what the apply will now change.
            let moved = owners::adopt_all(&catalog, &foreign, &manifests, &args.take_over_from)
                .await
                .map_err(|e| {
                    let hint = e.hint();
                    with_hint(e, hint)
                })?;
            printer.status(&format!("Took over {}", count(moved, "object")))?;
            plan = diff::plan(&catalog, &manifests, &ownership)
                .await
                .map_err(|e| {
                    let hint = e.hint();
                    with_hint(e, hint)
                })?;
            super::plan_injection(&catalog, &merged, &mut plan).await?;
        }
        printer.flush()?;
        let reporter = Progress::new(printer.live_progress(), false);
        let apply_started = Instant::now();
        let report = apply::apply(&mut catalog, &manifests, &plan, options, &reporter)
            .await
            .map_err(|e| {
                let hint = e.hint();
                with_hint(e, hint)
            })?;
        deactivate_live(&catalog, &tags).await?;
        // Last, once istiod's injector is ready: a pod created in a labelled namespace before
        // then would be refused (the webhook fails closed) or start without a sidecar.
        let labelled = super::apply_injection(&catalog, &merged, &plan).await?;
        // Only now, with everything applied and ready: a Helm release taken over stops
        // existing (its Secrets go), so `helm uninstall` can no longer delete the mesh.
        if taking && args.take_over_from.contains(&Controller::Helm) {
            let finished = owners::finish_helm(&catalog, &foreign, &manifests)
                .await
                .map_err(|e| {
                    let hint = e.hint();
                    with_hint(e, hint)
                })?;
            for key in &finished.deleted {
                printer.status(&format!(
                    "  deleted {key} (rendered by Helm, not by this install)"
                ))?;
            }
            for key in &finished.kept {
                printer.warn(&format!(
                    "{key}: rendered by a Helm release taken over, not Istio's: left as it is"
                ))?;
            }
            for release in &finished.forgotten {
                printer.status(&format!(
                    "  removed Helm release `{release}` (its Secrets): `helm list` no longer \
                     shows it"
                ))?;
            }
        }
        // The labelling count only when there was some: most installs label nothing, and the
        // summary line is what users (and the README's quick start) read.
        let labelled = match labelled {
            0 => String::new(),
            n => format!(", {} (un)labelled for injection", count(n, "namespace")),
        };
        printer.status(&format!(
            "✔ Installation complete: {} applied, {} pruned, {} created{labelled} (apply and wait \
             {:.1}s, total {:.1}s)",
            count(report.applied, "object"),
            count(report.pruned, "object"),
            count(report.namespaces_created, "namespace"),
            apply_started.elapsed().as_secs_f64(),
            started.elapsed().as_secs_f64()
        ))?;
        Ok(ExitStatus::Success)
    })
}

/// `meshctl precheck`'s checks, first: errors refuse the install (unless `--force`), warnings
/// are shown. Nothing has been written yet.
async fn precheck_before_install(
    catalog: &meshctl::cluster::discovery::Catalog,
    connection: &meshctl::cluster::client::Connection,
    merged: &meshctl::pipeline::Merged,
    manifests: &[meshctl::manifest::Manifest],
    args: &InstallSettings,
    printer: &mut Printer,
) -> anyhow::Result<()> {
    // Other owners are checked after this, with the objects the install adds.
    let report = precheck::run(
        catalog,
        &connection.server_version,
        &merged.tree,
        manifests,
        None,
    )
    .await
    .map_err(|e| {
        let hint = e.hint();
        with_hint(e, hint)
    })?;
    let problems: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity != precheck::Severity::Info)
        .cloned()
        .collect();
    if problems.is_empty() {
        return Ok(());
    }
    super::precheck::print(printer, &precheck::Report { findings: problems })?;
    if !report.has_errors() {
        return Ok(());
    }
    if args.input.force {
        printer.warn("the precheck found errors; installing anyway because of --force")?;
        return Ok(());
    }
    Err(anyhow::Error::new(Hinted {
        message: "install refused: the precheck found errors (listed above); nothing was written"
            .into(),
        hint: "fix them (`meshctl precheck` checks again), or pass `--force` to install anyway"
            .into(),
    }))
}

/// Deactivates the default revision's injectors this install did not render (another tool's, or
/// an older install's), now that the default tag answers for them.
async fn deactivate_live(
    catalog: &meshctl::cluster::discovery::Catalog,
    tags: &meshctl::cluster::tags::InstallTags,
) -> anyhow::Result<()> {
    for webhook in &tags.deactivate_live {
        meshctl::cluster::tags::deactivate_live(catalog, webhook)
            .await
            .map_err(|e| {
                let hint = e.hint();
                with_hint(e, hint)
            })?;
    }
    Ok(())
}

/// `1 object`, `3 objects`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
