//! `meshctl diff`: what an install would change, asked of the cluster (server-side dry-run),
//! including what it would prune. Exit 0: no change; 1: changes; 2: error (as `diff(1)`).

use meshctl::cluster::Ownership;
use meshctl::cluster::diff::{self, Action, Plan};

use super::{
    CommandError, ExitStatus, OwnedElsewhere, check_owners, complete_install, connect,
    describe_cluster, render_merged, runtime, with_hint,
};
use crate::cli::PlanFormat;
use crate::output::Printer;
use crate::settings::PlanSettings;

pub fn run(args: &PlanSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    match plan_and_print(args, printer) {
        Ok(true) => Ok(ExitStatus::Failure),
        Ok(false) => Ok(ExitStatus::Success),
        // Another controller's objects: refused with 1, as by every command.
        Err(error) if error.downcast_ref::<OwnedElsewhere>().is_some() => {
            Err(CommandError::from(error))
        }
        // 1 means "there are changes", so an error is 2, as with diff(1).
        Err(error) => Err(CommandError::from(error).with_status(ExitStatus::Error)),
    }
}

/// Prints the plan; `true` when it has changes.
fn plan_and_print(args: &PlanSettings, printer: &mut Printer) -> anyhow::Result<bool> {
    let (merged, mut manifests) = render_merged(&args.input, printer)?;
    runtime()?.block_on(async {
        let (connection, catalog) = connect(&args.cluster).await?;
        // What install would add and refuse; diff shows the overlap as a warning and goes on.
        complete_install(
            &catalog,
            &merged,
            &mut manifests,
            Some("`meshctl install` refuses this unless given --force"),
            printer,
        )
        .await?;
        let ownership = Ownership::of_render(&manifests);
        // The plan first (it writes nothing): a user who may not read the cluster is told that
        // by the plan's first request, with its hint.
        let mut plan = diff::plan(&catalog, &manifests, &ownership)
            .await
            .map_err(|e| {
                let hint = e.hint();
                with_hint(e, hint)
            })?;
        let foreign = check_owners(&catalog, &manifests, &args.take_over_from, printer).await?;
        for claim in &foreign.claims {
            printer.warn(&format!(
                "taken over by this install (--take-over-from {}): {claim}",
                claim.owner.controller.flag_value()
            ))?;
        }
        super::plan_injection(&catalog, &merged, &mut plan).await?;
        plan.drop_conflicts_with(|manager| {
            args.take_over_from.iter().any(|c| c.manages_as(manager))
        });
        match args.format {
            PlanFormat::Json => {
                printer.data(&format!("{}\n", serde_json::to_string_pretty(&plan)?))?;
            }
            PlanFormat::Text => {
                // The version change first: it explains most of the object diffs below.
                if let Some(line) = release_change(&catalog, &merged.tree).await {
                    printer.data(&format!("{line}\n"))?;
                }
                for object in plan.objects.iter().filter(|o| !o.diff.is_empty()) {
                    let text = if printer.colour_stdout() {
                        super::profile::colourise(&object.diff)
                    } else {
                        object.diff.clone()
                    };
                    printer.data(&text)?;
                }
                print_plan(printer, &plan, &describe_cluster(&connection), false)?;
            }
        }
        Ok(plan.has_changes())
    })
}

/// "Istio 1.30.3 → 1.31.0: in-place upgrade of revision `default`", where the install changes
/// the release a revision runs or adds one beside others; `None` where it does not (or the
/// cluster does not say).
async fn release_change(
    catalog: &meshctl::cluster::discovery::Catalog,
    merged: &serde_json::Value,
) -> Option<String> {
    use meshctl::cluster::upgrade::{self, Move};
    let release = meshctl::release::resolve(merged).ok()?.release;
    let namespace = merged["metadata"]["namespace"]
        .as_str()
        .filter(|n| !n.is_empty())
        .unwrap_or("istio-system");
    let revision = merged["spec"]["values"]["revision"]
        .as_str()
        .filter(|r| !r.is_empty())
        .unwrap_or("default");
    let installed = meshctl::cluster::tags::Landscape::read(catalog, namespace)
        .await
        .ok()?
        .installed();
    let to = &release.version;
    Some(match upgrade::classify(&installed, revision, release) {
        Move::Upgrade { from, .. } => {
            format!("Istio {from} → {to}: in-place upgrade of revision `{revision}`")
        }
        Move::Downgrade { from, .. } => {
            format!("Istio {from} → {to}: in-place DOWNGRADE of revision `{revision}`")
        }
        Move::Same { from } if from != *to => {
            format!("Istio {from} → {to}: patch release of revision `{revision}`")
        }
        Move::Fresh if installed.iter().any(|i| i.revision != revision) => {
            let others: Vec<String> = installed
                .iter()
                .map(|i| format!("`{}` ({})", i.revision, i.version.as_deref().unwrap_or("?")))
                .collect();
            format!(
                "Istio {to}: new revision `{revision}` beside {}",
                others.join(", ")
            )
        }
        Move::Same { .. } | Move::Fresh => return None,
    })
}

/// One line: `3 to create, 1 to change, 2 to prune, 36 unchanged`.
pub fn summary_line(plan: &Plan) -> String {
    let summary = plan.summary;
    let mut parts = vec![
        format!("{} to create", summary.create),
        format!("{} to change", summary.change),
        format!("{} to prune", summary.prune),
        format!("{} unchanged", summary.unchanged),
    ];
    if summary.conflicts > 0 {
        parts.push(format!("{} conflicting fields", summary.conflicts));
    }
    parts.join(", ")
}

/// The plan on stderr: header, namespaces, (optionally) one line per changed object, conflicts,
/// takeovers and skipped kinds.
pub fn print_plan(
    printer: &mut Printer,
    plan: &Plan,
    cluster: &str,
    list_objects: bool,
) -> anyhow::Result<()> {
    printer.status(&format!("Plan for {cluster}: {}", summary_line(plan)))?;
    for namespace in &plan.missing_namespaces {
        printer.status(&format!("  create  Namespace `{namespace}`"))?;
    }
    for object in &plan.objects {
        let verb = match object.action {
            Action::Create => "create",
            Action::Change => "change",
            Action::Prune => "prune ",
            Action::Unchanged => continue,
        };
        if list_objects {
            printer.status(&format!("  {verb}  {}", object.key))?;
        }
    }
    for object in &plan.objects {
        for conflict in &object.conflicts {
            printer.warn(&format!(
                "{}: field `{}` is managed by `{}`; applying takes it over",
                object.key, conflict.field, conflict.manager
            ))?;
        }
        if let Some(takeover) = &object.takeover {
            printer.warn(&format!("{}: {takeover}", object.key))?;
        }
    }
    if let Some(injection) = &plan.injection {
        for line in injection.lines() {
            match line.strip_prefix("! ") {
                Some(warning) => printer.warn(warning)?,
                None => printer.status(&format!("  {line}"))?,
            }
        }
    }
    for kind in &plan.skipped_kinds {
        printer.warn(&format!("not checked for pruning: {kind}"))?;
    }
    Ok(())
}
