//! How Helm and Go turn chart values into text: the one home of that knowledge in the render.
//!
//! istioctl renders Istio's charts with Helm, so every value a template prints goes through Go:
//! `{{ $val }}` is Go's `fmt` printing (numbers are `float64`, so `1000000` prints as `1e+06`),
//! `quote` is sprig's, `toYaml` is `sigs.k8s.io/yaml` (JSON, then `yaml.v2`'s emitter),
//! `toPrettyJson` is `encoding/json`. Where the chart prints a value unquoted into YAML, istioctl
//! reads the text back with YAML 1.1 rules, so `yes` becomes `true` and `010` becomes 8.
//!
//! Every component render prints values through these functions and nothing else, so that a
//! value prints the same way wherever it lands. What goes in: `serde_json` values (the merged
//! chart values). What comes out: text or values exactly as istioctl's render would hold them.
//! Nothing here knows about a particular chart.

mod json;
mod yaml;

use serde_json::{Number, Value, json};

pub use json::to_pretty_json;
pub use yaml::to_yaml;

/// Helm (Go template) truthiness: missing, null, false, 0, "" and empty collections are false.
#[must_use]
pub fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => number.as_f64().is_some_and(|f| f != 0.0),
        Value::String(text) => !text.is_empty(),
        Value::Array(list) => !list.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

/// A value as a template prints it (`{{ $val }}`, `"{{ .Values.x }}"`).
///
/// Null prints as nothing: Go prints a nil value as `<no value>`, and Helm deletes that text from
/// everything it renders. Maps and lists print as Go's `%v` does (`map[a:1]`, `[a b]`).
#[must_use]
pub fn go_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        other => {
            let mut out = String::new();
            write_go_value(&mut out, other);
            out
        }
    }
}

/// sprig's `quote` of one value: the text between the quotes, `None` for null (sprig skips nil
/// arguments, so `{{ .Values.x | quote }}` of a null prints nothing at all, not `""`).
#[must_use]
pub fn quote(value: &Value) -> Option<String> {
    (!value.is_null()).then(|| go_text(value))
}

/// Go's `%v` of a value inside a composite (where nil prints as `<nil>`).
fn write_go_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("<nil>"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => out.push_str(&go_number(number)),
        Value::String(text) => out.push_str(text),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(' ');
                }
                write_go_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            // Go prints map keys sorted, as serde_json's map already holds them.
            out.push_str("map[");
            for (index, (key, item)) in map.iter().enumerate() {
                if index > 0 {
                    out.push(' ');
                }
                out.push_str(key);
                out.push(':');
                write_go_value(out, item);
            }
            out.push(']');
        }
    }
}

/// A number as a template prints it: Helm hands every number to templates as a `float64`, and
/// Go's `%v` of a float is `strconv.FormatFloat(f, 'g', -1, 64)`.
#[must_use]
pub fn go_number(number: &Number) -> String {
    match number.as_f64() {
        Some(float) => go_float(float),
        None => number.to_string(),
    }
}

/// A number in an object istioctl decoded from the rendered YAML, as Go prints it (its overlay
/// paths match against that text). apimachinery decodes a number that reads as an `int64` as one,
/// so whole numbers print in full; the rest are `float64` and print as [`go_float`].
#[must_use]
pub fn decoded_number(number: &Number) -> String {
    if let Some(integer) = number.as_i64() {
        return integer.to_string();
    }
    let float = number.as_f64().unwrap_or_default();
    if float.fract() == 0.0 && float.abs() < 9.2e18 {
        format!("{float:.0}")
    } else {
        go_float(float)
    }
}

/// `strconv.FormatFloat(f, 'g', -1, 64)`: the shortest digits that read back as `float`, in
/// exponent form (`1e+06`, `1.5e-07`) when the decimal exponent is below -4 or at least 6.
#[must_use]
pub fn go_float(float: f64) -> String {
    if float.is_nan() {
        return "NaN".into();
    }
    if float.is_infinite() {
        return if float > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    if float == 0.0 {
        return if float.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let exponent = decimal_exponent(float);
    if (-4..6).contains(&exponent) {
        // Rust's `Display` is the shortest round-trip decimal, never in exponent form.
        format!("{float}")
    } else {
        exponent_form(float)
    }
}

/// The decimal exponent of the shortest representation (`1.5e3` → 3).
fn decimal_exponent(float: f64) -> i32 {
    let text = format!("{float:e}");
    text.split_once('e')
        .and_then(|(_, exponent)| exponent.parse().ok())
        .unwrap_or_default()
}

/// Go's exponent form: `1e+06`, `-1.5e-07` (sign always, at least two exponent digits).
fn exponent_form(float: f64) -> String {
    let text = format!("{float:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let (sign, digits) = match exponent.strip_prefix('-') {
        Some(rest) => ('-', rest),
        None => ('+', exponent),
    };
    format!("{mantissa}e{sign}{digits:0>2}")
}

/// A value printed unquoted into the chart's YAML and read back by istioctl with YAML 1.1 rules:
/// text that reads as null, a boolean or a number changes type (`yes` → `true`, `0x1F` → 31);
/// anything else is kept as it is.
#[must_use]
pub fn reread(value: &Value) -> Value {
    let Value::String(text) = value else {
        return value.clone();
    };
    match yaml::resolve(text) {
        yaml::Resolved::Null => Value::Null,
        yaml::Resolved::Bool(flag) => Value::Bool(flag),
        yaml::Resolved::Int(integer) => json!(integer),
        yaml::Resolved::Uint(integer) => json!(integer),
        // A non-finite float has no JSON form; the text stays as written.
        yaml::Resolved::Float(float) => {
            Number::from_f64(float).map_or_else(|| value.clone(), Value::Number)
        }
        yaml::Resolved::String | yaml::Resolved::Timestamp => value.clone(),
    }
}

/// sprig's `int` of a value: numbers truncate, numeric text parses, booleans are 0 or 1; `None`
/// for anything else (where sprig would give 0, callers decide).
#[must_use]
pub fn int(value: Option<&Value>) -> Option<i64> {
    match value? {
        Value::Number(number) => number
            .as_i64()
            .or_else(|| number.as_f64().map(|f| f as i64)),
        Value::String(text) => text.parse().ok(),
        Value::Bool(flag) => Some(i64::from(*flag)),
        _ => None,
    }
}

/// A free-form map of the values (labels, annotations, env) with each value printed as
/// `key: "{{ $val }}"` prints it, in key order (Go templates range over maps sorted by key).
#[must_use]
pub fn text_map(value: Option<&Value>) -> std::collections::BTreeMap<String, String> {
    value
        .and_then(Value::as_object)
        .map(|map| {
            map.iter()
                .map(|(key, item)| (key.clone(), go_text(item)))
                .collect()
        })
        .unwrap_or_default()
}

/// A map's entries in key order, as a template's `range` walks them (`None` or a non-map: none).
#[must_use]
pub fn entries(value: Option<&Value>) -> Vec<(String, Value)> {
    value
        .and_then(Value::as_object)
        .map(|map| map.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default()
}

/// Joins values as `{{ range $i, $v := . }}{{ if $i }},{{ end }}{{ $v }}{{ end }}` prints them.
#[must_use]
pub fn join(values: &[Value], separator: &str) -> String {
    let mut out = String::new();
    for (index, value) in values.iter().enumerate() {
        if index > 0 {
            out.push_str(separator);
        }
        out.push_str(&go_text(value));
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn numbers_print_as_go_floats() {
        assert_eq!(go_text(&json!(1.0)), "1");
        assert_eq!(go_text(&json!(100)), "100");
        assert_eq!(go_text(&json!(0.5)), "0.5");
        assert_eq!(go_text(&json!(123_456)), "123456");
        assert_eq!(go_text(&json!(1_000_000)), "1e+06");
        assert_eq!(go_text(&json!(1_234_567)), "1.234567e+06");
        assert_eq!(go_text(&json!(0.0001)), "0.0001");
        assert_eq!(go_text(&json!(0.00001)), "1e-05");
        assert_eq!(go_text(&json!(-2.5e-7)), "-2.5e-07");
    }

    #[test]
    fn null_prints_nothing_but_is_nil_inside_composites() {
        assert_eq!(go_text(&Value::Null), "");
        assert_eq!(quote(&Value::Null), None);
        assert_eq!(quote(&json!(true)).as_deref(), Some("true"));
        assert_eq!(
            go_text(&json!({"b": null, "a": [1, "x", 2.5]})),
            "map[a:[1 x 2.5] b:<nil>]"
        );
    }

    #[test]
    fn unquoted_text_is_read_back_as_yaml_1_1() {
        assert_eq!(reread(&json!("yes")), json!(true));
        assert_eq!(reread(&json!("Off")), json!(false));
        assert_eq!(reread(&json!("~")), Value::Null);
        assert_eq!(reread(&json!("0x1F")), json!(31));
        assert_eq!(reread(&json!("010")), json!(8));
        assert_eq!(reread(&json!("1_000")), json!(1000));
        assert_eq!(reread(&json!("-0b101")), json!(-5));
        assert_eq!(reread(&json!("1.5e3")), json!(1500.0));
        assert_eq!(reread(&json!(".5")), json!(0.5));
        assert_eq!(reread(&json!("2001-12-14")), json!("2001-12-14"));
        assert_eq!(reread(&json!("100%")), json!("100%"));
        assert_eq!(reread(&json!("08")), json!(8.0));
        assert_eq!(reread(&json!("")), Value::Null);
        assert_eq!(reread(&json!(".inf")), json!(".inf"));
        assert_eq!(reread(&json!(7)), json!(7));
    }

    #[test]
    fn sprig_int() {
        assert_eq!(int(Some(&json!(2.9))), Some(2));
        assert_eq!(int(Some(&json!("3"))), Some(3));
        assert_eq!(int(Some(&json!(true))), Some(1));
        assert_eq!(int(Some(&json!("x"))), None);
        assert_eq!(int(None), None);
    }
}
