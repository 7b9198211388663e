//! Command-line syntax only: clap derive structs whose doc comments are the `--help` text.
//! Turning these into settings and running them is [`crate::commands`]' job.

// Doc comments here are `--help` text for people, not rustdoc: product names stay unquoted.
#![allow(clippy::doc_markdown)]

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Install and run the Istio service mesh from `IstioOperator` files.
#[derive(Debug, Parser)]
#[command(name = "meshctl", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render manifests offline.
    #[command(subcommand)]
    Manifest(ManifestCommand),
    /// Show, dump and compare the built-in profiles.
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print meshctl's version and the Istio version it installs.
    Version,
}

#[derive(Debug, Subcommand)]
pub enum ManifestCommand {
    /// Render the manifests for the merged input as multi-document YAML, in a stable order.
    Generate(GenerateArgs),
}

/// The inputs every rendering command takes.
#[derive(Debug, Clone, Args, Default)]
pub struct InputArgs {
    /// An IstioOperator file to overlay, left to right (`-` reads standard input).
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub filenames: Vec<PathBuf>,
    /// Set one value with istioctl's path syntax, e.g. `values.global.proxy.privileged=true`.
    #[arg(short = 's', long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
    /// Render a revisioned control plane (names and labels carry `-REV`).
    #[arg(short = 'r', long)]
    pub revision: Option<String>,
    /// Turn validation errors into warnings and render anyway.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write to FILE, or to one file per component when the path is an existing directory or ends
    /// in `/`.
    #[arg(short = 'o', long, value_name = "DIR|FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List the built-in profiles, one per line.
    List,
    /// Print the merged IstioOperator for a profile and any input.
    Dump(DumpArgs),
    /// Show how two profiles differ, as a unified diff (exit 1 when they differ).
    ///
    /// Both sides are the merged IstioOperator with the chart presets each profile selects
    /// (`values.profile`, platform, compatibility version) expanded into `values`, so the diff
    /// shows what a profile changes rather than only its name.
    Diff(DiffArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DumpFormat {
    #[default]
    Yaml,
    Json,
    /// One `--set` flag per leaf value.
    Flags,
}

#[derive(Debug, Args)]
pub struct DumpArgs {
    /// The profile to dump (default: the one the input names, else `default`).
    pub profile: Option<String>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: DumpFormat,
    /// Print only the subtree at this path, e.g. `components.pilot` or `values.global`.
    #[arg(long, value_name = "PATH")]
    pub config_path: Option<String>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The first profile.
    pub first: String,
    /// The second profile.
    pub second: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to print completions for.
    #[arg(value_enum)]
    pub shell: Shell,
}
