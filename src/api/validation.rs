//! Validation of a merged `IstioOperator`. (Being written.)
