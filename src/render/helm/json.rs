//! Helm's `toPrettyJson` (Go's `json.MarshalIndent(v, "", "  ")`) and Go's JSON number text.
//!
//! The `values` `ConfigMap` and the injector's `values` key hold chart values as indented JSON,
//! which istiod and people diff; it must be Go's byte for byte: keys sorted, `<`, `>` and `&`
//! escaped for HTML safety, floats in Go's shortest form.

use std::fmt::Write as _;

use serde_json::{Number, Value};

/// Helm's `toPrettyJson`.
#[must_use]
pub fn to_pretty_json(value: &Value) -> String {
    let mut out = String::new();
    write_json(&mut out, value, 0);
    out
}

/// A number as Go's `encoding/json` writes a `float64` (the type every chart value number has):
/// decimal between 1e-6 and 1e21, exponent form outside (`1e-7`, `1e+21`).
#[must_use]
pub fn json_number(number: &Number) -> String {
    if number.is_i64() || number.is_u64() {
        return number.to_string();
    }
    let float = number.as_f64().unwrap_or_default();
    let magnitude = float.abs();
    if magnitude != 0.0 && !(1e-6..1e21).contains(&magnitude) {
        // Go trims a negative exponent's leading zero (`1e-07` → `1e-7`) but keeps `1e+21`.
        let text = super::exponent_form(float);
        return match text.split_once("e-0") {
            Some((mantissa, digit)) => format!("{mantissa}e-{digit}"),
            None => text,
        };
    }
    if float.fract() == 0.0 {
        format!("{float:.0}")
    } else {
        format!("{float}")
    }
}

fn write_json(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => out.push_str(&json_number(number)),
        Value::String(text) => write_json_string(out, text),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                newline_indent(out, depth + 1);
                write_json(out, item, depth + 1);
            }
            newline_indent(out, depth);
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            // serde_json's map is ordered by key bytes, as Go sorts map keys.
            for (index, (key, item)) in map.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                newline_indent(out, depth + 1);
                write_json_string(out, key);
                out.push_str(": ");
                write_json(out, item, depth + 1);
            }
            newline_indent(out, depth);
            out.push('}');
        }
    }
}

fn newline_indent(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write_json_string(out: &mut String, text: &str) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Go escapes these so the JSON is safe inside HTML and JavaScript.
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(ch));
            }
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn pretty_json_like_go() {
        let text = to_pretty_json(&json!({"b": [], "a": {"c": "<&>", "d": 1.0, "e": 0.00001}}));
        assert_eq!(
            text,
            "{\n  \"a\": {\n    \"c\": \"\\u003c\\u0026\\u003e\",\n    \"d\": 1,\n    \"e\": 0.00001\n  },\n  \"b\": []\n}"
        );
    }

    #[test]
    fn go_json_numbers() {
        assert_eq!(json_number(&Number::from(7)), "7");
        let float = |f: f64| json_number(&Number::from_f64(f).expect("finite"));
        assert_eq!(float(1e-7), "1e-7");
        assert_eq!(float(1e21), "1e+21");
        assert_eq!(float(2.5), "2.5");
        assert_eq!(float(1e20), "100000000000000000000");
    }
}
