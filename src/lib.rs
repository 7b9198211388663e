//! meshctl: install and run the Istio service mesh.
//!
//! The library is a pipeline you can follow in the file tree:
//! [`profile`] (built-in profiles) → [`merge`] (profiles, `-f` files and `--set` flags into one
//! `IstioOperator`, validated by [`api`]) → [`render`] (each component's objects, typed, in code) →
//! [`manifest`] (identity, ownership labels, ordering). The cluster half (diff → apply → wait →
//! prune) and the in-cluster operator reuse the same render.
//!
//! Library code never prints: commands in the binary own the terminal ([`output`]).

pub mod api;
pub mod cluster;
pub mod input;
pub mod manifest;
pub mod merge;
pub mod multicluster;
pub mod operator;
pub mod pipeline;
pub mod profile;
pub mod release;
pub mod render;
pub mod switches;
pub mod yaml;
