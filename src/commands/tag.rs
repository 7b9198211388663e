//! `meshctl tag set|generate|list|remove`: revision tags as istioctl's `tag` makes them. The
//! decisions (what a tag is made of, which checks refuse it) are the library's
//! ([`meshctl::cluster::tags`]); this file asks the cluster, prints, and writes.

use std::fmt::Write as _;

use meshctl::cluster::tags::{self, Landscape, TagDescription};
use meshctl::manifest;

use super::{CommandError, ExitStatus, Hinted, connect, runtime, with_hint};
use crate::output::Printer;
use crate::settings::{ListFormat, TagListSettings, TagRemoveSettings, TagSetSettings};

fn hinted(error: tags::TagError) -> anyhow::Error {
    let hint = error.hint();
    with_hint(error, hint)
}

/// `tag set` (writes) and `tag generate` (prints the same objects as YAML, writes nothing).
pub fn set(
    args: &TagSetSettings,
    generate_only: bool,
    printer: &mut Printer,
) -> Result<ExitStatus, CommandError> {
    runtime()?.block_on(async {
        let (_, catalog) = connect(&args.cluster).await?;
        let landscape = Landscape::read(&catalog, &args.istio_namespace)
            .await
            .map_err(|e| hinted(e.into()))?;
        let plan = tags::plan_set(
            &landscape,
            &args.tag,
            &args.revision,
            args.overwrite || generate_only,
            args.auto_inject_namespaces,
            &args.istio_namespace,
        )
        .map_err(hinted)?;
        if !plan.overlaps.is_empty() {
            let list: Vec<String> = plan.overlaps.iter().map(|o| format!("  - {o}")).collect();
            let message = format!(
                "revision tag `{}` would overlap other injectors (a pod would be injected twice):\n{}",
                args.tag,
                list.join("\n")
            );
            if !(args.force || generate_only) {
                return Err(anyhow::Error::new(Hinted {
                    message,
                    hint: "remove the other injector or tag first, or pass `--force`; nothing was \
                           written"
                        .into(),
                })
                .into());
            }
            printer.warn(&message)?;
        }
        if generate_only {
            printer.data(&manifest::to_yaml_stream(&plan.objects))?;
            return Ok(ExitStatus::Success);
        }
        tags::apply_tag(&catalog, &plan.objects)
            .await
            .map_err(hinted)?;
        for webhook in &plan.deactivate {
            tags::deactivate_live(&catalog, webhook)
                .await
                .map_err(|e| hinted(e.into()))?;
        }
        printer.status(&format!(
            "✔ Revision tag `{}` points at revision `{}`. To inject a namespace through it: \
             kubectl label namespace NAMESPACE istio.io/rev={}",
            args.tag, args.revision, args.tag
        ))?;
        Ok(ExitStatus::Success)
    })
}

/// `tag list`: every tag, the revision it points at, the namespaces labelled with it.
pub fn list(args: &TagListSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    runtime()?.block_on(async {
        let (_, catalog) = connect(&args.cluster).await?;
        let landscape = Landscape::read(&catalog, &args.istio_namespace)
            .await
            .map_err(|e| hinted(e.into()))?;
        let mut rows = Vec::new();
        for (tag, revision) in landscape.tags() {
            let namespaces = tags::namespaces_labelled(&catalog, &tag)
                .await
                .map_err(|e| hinted(e.into()))?;
            rows.push(TagDescription {
                tag,
                revision,
                namespaces,
            });
        }
        match args.format {
            ListFormat::Json => {
                printer.data(&format!("{}\n", serde_json::to_string_pretty(&rows)?))?;
            }
            ListFormat::Table => {
                if rows.is_empty() {
                    printer.status("No revision tags.")?;
                    return Ok(ExitStatus::Success);
                }
                let width = |f: &dyn Fn(&TagDescription) -> usize, title: usize| {
                    rows.iter().map(f).max().unwrap_or(0).max(title)
                };
                let tag_width = width(&|r| r.tag.len(), 3);
                let revision_width = width(&|r| r.revision.len(), 8);
                let mut text = format!(
                    "{:tag_width$}  {:revision_width$}  NAMESPACES\n",
                    "TAG", "REVISION"
                );
                for row in &rows {
                    let _ = writeln!(
                        text,
                        "{:tag_width$}  {:revision_width$}  {}",
                        row.tag,
                        row.revision,
                        row.namespaces.join(",")
                    );
                }
                printer.data(&text)?;
            }
        }
        Ok(ExitStatus::Success)
    })
}

/// `tag remove`: refused while namespaces are labelled with the tag, unless `--force`.
pub fn remove(args: &TagRemoveSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    runtime()?.block_on(async {
        let (_, catalog) = connect(&args.cluster).await?;
        let landscape = Landscape::read(&catalog, &args.istio_namespace)
            .await
            .map_err(|e| hinted(e.into()))?;
        let existing = landscape.tags();
        if !existing.contains_key(&args.tag) {
            return Err(hinted(tags::TagError::NoSuchTag {
                tag: args.tag.clone(),
                known: existing.keys().cloned().collect(),
            })
            .into());
        }
        let namespaces = tags::namespaces_labelled(&catalog, &args.tag)
            .await
            .map_err(|e| hinted(e.into()))?;
        if !namespaces.is_empty() {
            let used_by: Vec<String> = namespaces
                .iter()
                .map(|n| format!("namespace `{n}`"))
                .collect();
            let error = tags::TagError::TagInUse {
                tag: args.tag.clone(),
                used_by,
            };
            if !args.force {
                return Err(hinted(error).into());
            }
            printer.warn(&format!("{error}; removing it anyway because of --force"))?;
        }
        let deleted = tags::delete_tag(&catalog, &args.tag)
            .await
            .map_err(hinted)?;
        for key in &deleted {
            printer.status(&format!("  deleted  {key}"))?;
        }
        printer.status(&format!("✔ Revision tag `{}` removed.", args.tag))?;
        Ok(ExitStatus::Success)
    })
}
