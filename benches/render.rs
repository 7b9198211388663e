//! Merge + render of whole profiles: the work `manifest generate` does before writing YAML, and the
//! work every `install`, `diff` and operator reconcile repeats.

use criterion::{Criterion, criterion_group, criterion_main};
use meshctl::merge::SetFlag;
use meshctl::pipeline::{self, Inputs};

fn inputs(profile: &str) -> Inputs {
    Inputs {
        set_flags: vec![SetFlag::parse(&format!("profile={profile}")).expect("valid flag")],
        ..Inputs::default()
    }
}

fn merge_and_render(c: &mut Criterion) {
    for profile in ["default", "demo"] {
        let inputs = inputs(profile);
        c.bench_function(&format!("merge+render {profile}"), |b| {
            b.iter(|| {
                let merged = pipeline::merge(&inputs).expect("profile merges");
                pipeline::render(&merged).expect("profile renders")
            });
        });
    }
    let inputs = inputs("default");
    c.bench_function("merge+render+yaml default", |b| {
        b.iter(|| {
            let merged = pipeline::merge(&inputs).expect("profile merges");
            let manifests = pipeline::render(&merged).expect("profile renders");
            meshctl::manifest::to_yaml_stream(&manifests)
        });
    });
    // What `install`, `diff` and the operator pay on top: every object as a tree (the CRDs are
    // built from their embedded data on first read; the one-off parse is outside the loop).
    c.bench_function("merge+render+trees default", |b| {
        b.iter(|| {
            let merged = pipeline::merge(&inputs).expect("profile merges");
            let manifests = pipeline::render(&merged).expect("profile renders");
            manifests
                .iter()
                .map(|manifest| {
                    manifest
                        .object()
                        .as_object()
                        .map_or(0, serde_json::Map::len)
                })
                .sum::<usize>()
        });
    });
}

criterion_group!(benches, merge_and_render);
criterion_main!(benches);
