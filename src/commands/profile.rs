//! `meshctl profile list|dump|diff`: what each built-in profile does (istioctl dropped these in 1.24).

use anyhow::anyhow;
use colored::Colorize;
use meshctl::merge::{SetFlag, get_path};
use meshctl::pipeline::{self, Inputs};
use meshctl::profile;
use meshctl::render::values::expand_presets;
use serde_json::Value;

use super::{CommandError, ExitStatus};
use crate::cli::DumpFormat;
use crate::output::Printer;
use crate::settings::{DumpSettings, ProfileDiffSettings};

pub fn list(printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    for name in profile::names() {
        printer.data(&format!("{name}\n"))?;
    }
    Ok(ExitStatus::Success)
}

/// The merged `IstioOperator` for a profile name (checked) on top of the given inputs.
fn merged_profile(name: Option<&str>, mut inputs: Inputs) -> anyhow::Result<Value> {
    if let Some(name) = name {
        profile::text(name)?;
        // A positional profile is the lowest-precedence choice: files and --set still win.
        inputs
            .set_flags
            .insert(0, SetFlag::parse(&format!("profile={name}"))?);
    }
    Ok(pipeline::merge(&inputs)?.tree)
}

pub fn dump(args: &DumpSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    let inputs = super::read_inputs(&args.input, printer)?;
    let tree = merged_profile(args.profile.as_deref(), inputs)?;
    let selected = match &args.config_path {
        None => tree,
        Some(path) => {
            let full = format!("spec.{}", path.trim_start_matches("spec."));
            match get_path(&tree, &full) {
                Some(value) => value.clone(),
                None => {
                    return Err(anyhow!("--config-path {path}: nothing is set at `{full}`").into());
                }
            }
        }
    };
    let text = match args.format {
        DumpFormat::Yaml => meshctl::yaml::value_to_string(&selected),
        DumpFormat::Json => format!("{}\n", serde_json::to_string_pretty(&selected)?),
        DumpFormat::Flags => {
            let prefix = args
                .config_path
                .as_deref()
                .map(|p| p.trim_start_matches("spec.").to_string());
            // Without --config-path the leaves are addressed from `spec`, as --set addresses them.
            let root = if prefix.is_some() {
                selected.clone()
            } else {
                selected.get("spec").cloned().unwrap_or(Value::Null)
            };
            let mut lines = Vec::new();
            flags(&root, &prefix.unwrap_or_default(), &mut lines);
            lines.iter().fold(String::new(), |mut text, line| {
                text.push_str("--set ");
                text.push_str(line);
                text.push('\n');
                text
            })
        }
    };
    printer.data(&text)?;
    Ok(ExitStatus::Success)
}

/// Every leaf as `path=value`, in istioctl's path syntax (dots in keys escaped).
fn flags(value: &Value, path: &str, out: &mut Vec<String>) {
    let join = |key: &str| {
        let key = key.replace('.', "\\.");
        if path.is_empty() {
            key
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, child) in map {
                flags(child, &join(key), out);
            }
        }
        Value::Array(list) if !list.is_empty() => {
            for (index, child) in list.iter().enumerate() {
                flags(child, &format!("{path}[{index}]"), out);
            }
        }
        Value::Object(_) => out.push(format!("{path}={{}}")),
        Value::Array(_) => out.push(format!("{path}=[]")),
        Value::String(text) => out.push(format!("{path}={}", text.replace(',', "\\,"))),
        Value::Null => out.push(format!("{path}=null")),
        other => out.push(format!("{path}={other}")),
    }
}

pub fn diff(args: &ProfileDiffSettings, printer: &mut Printer) -> Result<ExitStatus, CommandError> {
    // Compare effects, not names: expand the chart presets each profile selects.
    let expanded = |name: &str| -> anyhow::Result<String> {
        let tree = merged_profile(Some(name), Inputs::default())?;
        Ok(meshctl::yaml::value_to_string(&expand_presets(&tree)?))
    };
    let (first, second) = (expanded(&args.first)?, expanded(&args.second)?);
    if first == second {
        printer.status(&format!(
            "profiles `{}` and `{}` are the same",
            args.first, args.second
        ))?;
        return Ok(ExitStatus::Success);
    }
    let diff = similar::TextDiff::from_lines(&first, &second);
    let unified = diff
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("profile {}", args.first),
            &format!("profile {}", args.second),
        )
        .to_string();
    let text = if printer.colour_stdout() {
        colourise(&unified)
    } else {
        unified
    };
    printer.data(&text)?;
    Ok(ExitStatus::Failure)
}

/// Colours a unified diff (headers bold, additions green, removals red, hunks cyan).
pub(super) fn colourise(unified: &str) -> String {
    unified
        .lines()
        .map(|line| {
            let coloured = if line.starts_with("+++") || line.starts_with("---") {
                line.bold().to_string()
            } else if line.starts_with('+') {
                line.green().to_string()
            } else if line.starts_with('-') {
                line.red().to_string()
            } else if line.starts_with("@@") {
                line.cyan().to_string()
            } else {
                line.to_string()
            };
            coloured + "\n"
        })
        .collect()
}
