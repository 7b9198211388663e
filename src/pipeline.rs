//! The offline pipeline in one call: inputs → merged and validated `IstioOperator` → sorted
//! manifests. Commands, tests and benchmarks all go through here. (Being written.)
