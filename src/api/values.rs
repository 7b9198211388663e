//! Checks on `spec.values`. (Being written.)
