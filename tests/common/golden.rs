//! Committed expected files (`testdata/golden/`, `testdata/banzai/expected/`): the comparison,
//! the `MESHCTL_BLESS=1` rewrite, and the one-line summary of CRD bodies that keeps full renders
//! reviewable (hundreds of KB of generated schema, covered by the base component's own tests).

use std::path::Path;

/// Compares `text` with the committed file at `path`, first writing it there when
/// `MESHCTL_BLESS` is set; returns whether the committed file is stale.
pub fn stale(path: &Path, text: &str) -> bool {
    if std::env::var_os("MESHCTL_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("create directory");
        std::fs::write(path, text).expect("write expected file");
    }
    std::fs::read_to_string(path).unwrap_or_default() != text
}

/// A rendered stream with each CRD's body replaced by one comment line naming it.
pub fn summarise_crds(stream: &str) -> String {
    stream
        .split_inclusive("---\n")
        .map(|document| {
            if document.starts_with(
                "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n",
            ) {
                let name = document
                    .lines()
                    .skip_while(|l| *l != "metadata:")
                    .find_map(|l| l.strip_prefix("  name: "))
                    .unwrap_or("?");
                format!("# CustomResourceDefinition {name} (body elided)\n---\n")
            } else {
                document.to_string()
            }
        })
        .collect()
}
