//! Placeholder: filled in by the operator-init work.
