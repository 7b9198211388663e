//! Text the istiod `ConfigMaps` carry as strings, written the way Istio's Go tooling writes them.
//!
//! Two `ConfigMaps` hold serialised documents rather than objects: `istio` (the mesh config as YAML)
//! and `values` (the chart values as indented JSON). Consumers compare and diff these strings, so
//! they must match istioctl byte for byte: Helm's `toYaml` (JSON, then YAML 1.1 with the
//! `yaml.v2` emitter's key order, quoting rules and 80-column folding) and `toPrettyJson` (Go's
//! `encoding/json`: sorted keys, HTML-safe escapes, Go float formatting). Values printed straight
//! into a template (`"{{ $val }}"`) follow Go's `%v`, also here.

use std::cmp::Ordering;
use std::fmt::Write as _;

use serde_json::{Map, Number, Value};

/// The column after which the YAML emitter folds long plain or single-quoted scalars.
const BEST_WIDTH: usize = 80;

/// A value as Go's `fmt` prints it inside a template (`{{ .Values.traceSampling }}`).
#[must_use]
pub fn go_format(value: &Value) -> String {
    match value {
        Value::Null => "<nil>".into(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => go_number(number),
        Value::String(text) => text.clone(),
        // Maps and lists in an env value are a chart misuse; any stable text will do.
        other => other.to_string(),
    }
}

/// Go's `%v` for a float64 (`strconv.FormatFloat(f, 'g', -1, 64)`): Helm hands every number to
/// templates as a float64, so `1000000` prints as `1e+06`.
fn go_number(number: &Number) -> String {
    let Some(float) = number.as_f64() else {
        return number.to_string();
    };
    if float == 0.0 {
        return "0".into();
    }
    if (-4..6).contains(&decimal_exponent(float)) {
        plain_float(float)
    } else {
        exponent_float(float)
    }
}

/// The decimal exponent of the shortest representation (`1.5e3` → 3).
fn decimal_exponent(float: f64) -> i32 {
    let text = format!("{float:e}");
    text.split_once('e')
        .and_then(|(_, exponent)| exponent.parse().ok())
        .unwrap_or_default()
}

fn plain_float(float: f64) -> String {
    if float.fract() == 0.0 && float.abs() < 1e21 {
        format!("{float:.0}")
    } else {
        format!("{float}")
    }
}

/// `1e+06`, `1.5e-07`: Go's exponent form (sign always, at least two digits).
fn exponent_float(float: f64) -> String {
    let text = format!("{float:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let (sign, digits) = match exponent.strip_prefix('-') {
        Some(rest) => ('-', rest),
        None => ('+', exponent),
    };
    format!("{mantissa}e{sign}{digits:0>2}")
}

/// A number as Go's `encoding/json` writes it.
fn json_number(number: &Number) -> String {
    if number.is_i64() || number.is_u64() {
        return number.to_string();
    }
    let float = number.as_f64().unwrap_or_default();
    let magnitude = float.abs();
    if magnitude != 0.0 && !(1e-6..1e21).contains(&magnitude) {
        // Go trims a negative exponent's leading zero (`1e-07` → `1e-7`) but keeps `1e+21`.
        let text = exponent_float(float);
        return match text.split_once("e-0") {
            Some((mantissa, digit)) => format!("{mantissa}e-{digit}"),
            None => text,
        };
    }
    plain_float(float)
}

/// Helm's `toPrettyJson`: Go's `json.MarshalIndent(v, "", "  ")`.
#[must_use]
pub fn pretty_json(value: &Value) -> String {
    let mut out = String::new();
    write_json(&mut out, value, 0);
    out
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

/// Helm's `toYaml` (trailing newline trimmed, as Helm does).
#[must_use]
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => write_map(&mut out, map, 0, false),
        Value::Array(items) if !items.is_empty() => write_seq(&mut out, items, 0, false),
        other => {
            write_scalar(&mut out, other, 0, 0);
            out.push('\n');
        }
    }
    out.truncate(out.trim_end_matches('\n').len());
    out
}

/// Map keys in the order `yaml.v2` sorts them: digit runs compare as numbers and non-letters come
/// before letters.
fn yaml_key_order(a: &str, b: &str) -> Ordering {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    for i in 0..a.len().min(b.len()) {
        if a[i] == b[i] {
            continue;
        }
        let a_letter = a[i].is_alphabetic();
        let b_letter = b[i].is_alphabetic();
        if a_letter && b_letter {
            return a[i].cmp(&b[i]);
        }
        if a_letter || b_letter {
            return if b_letter {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        let (mut a_number, mut b_number) = (0i64, 0i64);
        if a[i] == '0' || b[i] == '0' {
            let mut j = i;
            while j > 0 && a[j - 1].is_ascii_digit() {
                j -= 1;
                if a[j] != '0' {
                    a_number = 1;
                    b_number = 1;
                    break;
                }
            }
        }
        let mut a_end = i;
        while a_end < a.len() && a[a_end].is_ascii_digit() {
            a_number = a_number
                .saturating_mul(10)
                .saturating_add(i64::from(a[a_end] as u8 - b'0'));
            a_end += 1;
        }
        let mut b_end = i;
        while b_end < b.len() && b[b_end].is_ascii_digit() {
            b_number = b_number
                .saturating_mul(10)
                .saturating_add(i64::from(b[b_end] as u8 - b'0'));
            b_end += 1;
        }
        if a_number != b_number {
            return a_number.cmp(&b_number);
        }
        if a_end != b_end {
            return a_end.cmp(&b_end);
        }
        return a[i].cmp(&b[i]);
    }
    a.len().cmp(&b.len())
}

/// Writes a block mapping whose keys start at `indent`; `inline` means the first key continues a
/// line already started (after `- `).
fn write_map(out: &mut String, map: &Map<String, Value>, indent: usize, inline: bool) {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort_by(|a, b| yaml_key_order(a, b));
    for (index, key) in keys.into_iter().enumerate() {
        if index > 0 || !inline {
            push_spaces(out, indent);
        }
        let start = line_column(out);
        write_key(out, key, start);
        out.push(':');
        let value = &map[key];
        match value {
            Value::Object(inner) if !inner.is_empty() => {
                out.push('\n');
                write_map(out, inner, indent + 2, false);
            }
            Value::Array(items) if !items.is_empty() => {
                out.push('\n');
                write_seq(out, items, indent, false);
            }
            _ => {
                out.push(' ');
                let column = line_column(out);
                write_scalar(out, value, indent + 2, column);
                out.push('\n');
            }
        }
    }
}

fn write_seq(out: &mut String, items: &[Value], indent: usize, inline: bool) {
    for (index, item) in items.iter().enumerate() {
        if index > 0 || !inline {
            push_spaces(out, indent);
        }
        out.push_str("- ");
        match item {
            Value::Object(inner) if !inner.is_empty() => write_map(out, inner, indent + 2, true),
            Value::Array(inner) if !inner.is_empty() => write_seq(out, inner, indent + 2, true),
            _ => {
                let column = line_column(out);
                write_scalar(out, item, indent + 2, column);
                out.push('\n');
            }
        }
    }
}

fn push_spaces(out: &mut String, count: usize) {
    for _ in 0..count {
        out.push(' ');
    }
}

fn line_column(out: &str) -> usize {
    out.rsplit('\n')
        .next()
        .map_or(0, |line| line.chars().count())
}

fn write_key(out: &mut String, key: &str, column: usize) {
    match scalar_style(key, true) {
        Style::Plain => out.push_str(key),
        Style::Single => write_single(out, key, usize::MAX, column, false),
        Style::Double | Style::Literal => write_double(out, key),
    }
}

fn write_scalar(out: &mut String, value: &Value, indent: usize, column: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => out.push_str(&yaml_number(number)),
        Value::String(text) => match scalar_style(text, false) {
            Style::Plain => write_plain(out, text, indent, column),
            Style::Single => write_single(out, text, indent, column, true),
            Style::Double => write_double(out, text),
            Style::Literal => write_literal(out, text, indent),
        },
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
    }
}

/// Numbers after the JSON round trip: integral values read back as ints, the rest are floats
/// that `yaml.v2` writes with Go's shortest `%g`.
fn yaml_number(number: &Number) -> String {
    let text = json_number(number);
    if text.contains(['.', 'e']) {
        go_number(number)
    } else {
        text
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
}

/// The style `yaml.v2` picks for a string: plain unless it would read back as another type or
/// the emitter cannot write it plainly.
fn scalar_style(text: &str, simple_key: bool) -> Style {
    let analysis = analyze(text);
    let requested = if text.contains('\n') {
        Style::Literal
    } else if resolves_to_non_string(text) || is_base60_float(text) {
        Style::Double
    } else {
        Style::Plain
    };
    match requested {
        Style::Plain if !analysis.block_plain || (text.is_empty() && simple_key) => {
            if analysis.single_quoted {
                Style::Single
            } else {
                Style::Double
            }
        }
        Style::Literal if !analysis.block || simple_key => Style::Double,
        other => other,
    }
}

struct Analysis {
    block_plain: bool,
    single_quoted: bool,
    block: bool,
}

fn is_blank_or_end(chars: &[char], index: usize) -> bool {
    chars
        .get(index)
        .is_none_or(|c| *c == ' ' || *c == '\t' || *c == '\n' || *c == '\r')
}

fn analyze(text: &str) -> Analysis {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return Analysis {
            block_plain: false,
            single_quoted: true,
            block: false,
        };
    }
    let mut block_indicators = text.starts_with("---") || text.starts_with("...");
    let mut special = false;
    let mut line_breaks = false;
    let mut space_break = false;
    let mut break_space = false;
    let mut previous_space = false;
    let mut previous_break = false;
    let (mut leading_space, mut leading_break) = (false, false);
    let (mut trailing_space, mut trailing_break) = (false, false);
    let mut preceded_by_whitespace = true;
    for (index, &ch) in chars.iter().enumerate() {
        let followed_by_whitespace = is_blank_or_end(&chars, index + 1);
        if index == 0 {
            match ch {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"'
                | '%' | '@' | '`' => block_indicators = true,
                '?' | ':' | '-' if followed_by_whitespace => block_indicators = true,
                _ => {}
            }
        } else {
            match ch {
                ':' if followed_by_whitespace => block_indicators = true,
                '#' if preceded_by_whitespace => block_indicators = true,
                _ => {}
            }
        }
        let printable = ch == '\n'
            || (' '..='~').contains(&ch)
            || ch == '\u{85}'
            || ('\u{a0}'..='\u{d7ff}').contains(&ch)
            || ('\u{e000}'..='\u{fffd}').contains(&ch) && ch != '\u{feff}'
            || ('\u{10000}'..='\u{10ffff}').contains(&ch);
        if !printable {
            special = true;
        }
        let is_break = ch == '\n' || ch == '\r';
        if is_break {
            line_breaks = true;
        }
        if ch == ' ' {
            if index == 0 {
                leading_space = true;
            }
            if index + 1 == chars.len() {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break {
            if index == 0 {
                leading_break = true;
            }
            if index + 1 == chars.len() {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = ch == ' ' || ch == '\t' || is_break;
    }
    let mut block_plain = !block_indicators;
    let mut single_quoted = true;
    let mut block = true;
    if leading_space || leading_break || trailing_space || trailing_break {
        block_plain = false;
    }
    if trailing_space {
        block = false;
    }
    if break_space {
        block_plain = false;
        single_quoted = false;
    }
    if space_break || special {
        block_plain = false;
        single_quoted = false;
        block = false;
    }
    if line_breaks {
        block_plain = false;
    }
    Analysis {
        block_plain,
        single_quoted,
        block,
    }
}

/// Whether YAML 1.1 (as `yaml.v2` resolves plain scalars) would read the text as something other
/// than a string.
fn resolves_to_non_string(text: &str) -> bool {
    const SPECIAL: &[&str] = &[
        "", "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan",
        ".NaN", ".NAN", "<<",
    ];
    if SPECIAL.contains(&text) {
        return true;
    }
    let Some(first) = text.chars().next() else {
        return true;
    };
    if !(first.is_ascii_digit() || first == '-' || first == '+' || first == '.') {
        return false;
    }
    let plain = text.replace('_', "");
    if parses_as_go_int(&plain) || is_yaml_float(&plain) {
        return true;
    }
    if let Some(binary) = plain.strip_prefix("0b") {
        return !binary.is_empty() && binary.chars().all(|c| c == '0' || c == '1');
    }
    if let Some(binary) = plain.strip_prefix("-0b") {
        return !binary.is_empty() && binary.chars().all(|c| c == '0' || c == '1');
    }
    is_timestamp(text)
}

/// `strconv.ParseInt(s, 0, 64)` / `ParseUint` acceptance: decimal, `0x`, `0o`, `0b`, leading-0 octal.
fn parses_as_go_int(text: &str) -> bool {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    if body.is_empty() {
        return false;
    }
    let lower = body.to_ascii_lowercase();
    if let Some(hex) = lower.strip_prefix("0x") {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    if let Some(octal) = lower.strip_prefix("0o") {
        return !octal.is_empty() && octal.chars().all(|c| ('0'..='7').contains(&c));
    }
    if let Some(binary) = lower.strip_prefix("0b") {
        return !binary.is_empty() && binary.chars().all(|c| c == '0' || c == '1');
    }
    if body.len() > 1 && body.starts_with('0') {
        return body.chars().all(|c| ('0'..='7').contains(&c));
    }
    body.chars().all(|c| c.is_ascii_digit())
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
fn is_yaml_float(text: &str) -> bool {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let mantissa_ok = if let Some(fraction) = mantissa.strip_prefix('.') {
        !fraction.is_empty() && fraction.chars().all(|c| c.is_ascii_digit())
    } else {
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        !whole.is_empty()
            && whole.chars().all(|c| c.is_ascii_digit())
            && fraction.chars().all(|c| c.is_ascii_digit())
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
    });
    mantissa_ok && exponent_ok
}

/// `yaml.v2` reads `2001-12-14` (and the date-time forms starting with one) as a timestamp.
fn is_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    if !(digits(0..4) && bytes.get(4) == Some(&b'-')) {
        return false;
    }
    // YYYY-M(M)-D(D), optionally followed by a time: only the full date form is checked here.
    let rest = &text[5..];
    let mut parts = rest.splitn(2, '-');
    let month = parts.next().unwrap_or_default();
    let tail = parts.next().unwrap_or_default();
    let day: String = tail.chars().take_while(char::is_ascii_digit).collect();
    let ok_part = |p: &str| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit());
    ok_part(month)
        && ok_part(&day)
        && (tail.len() == day.len() || tail[day.len()..].starts_with(['T', 't', ' ', '\t']))
}

/// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`
fn is_base60_float(text: &str) -> bool {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (main, fraction) = body.split_once('.').unwrap_or((body, ""));
    if !fraction.chars().all(|c| c.is_ascii_digit() || c == '_') {
        return false;
    }
    let mut parts = main.split(':');
    let head = parts.next().unwrap_or_default();
    if !head.starts_with(|c: char| c.is_ascii_digit())
        || !head.chars().all(|c| c.is_ascii_digit() || c == '_')
    {
        return false;
    }
    let mut count = 0;
    for part in parts {
        count += 1;
        let ok = match part.len() {
            1 => part.chars().all(|c| c.is_ascii_digit()),
            2 => {
                let b = part.as_bytes();
                (b'0'..=b'5').contains(&b[0]) && b[1].is_ascii_digit()
            }
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    count > 0
}

/// Writes words, breaking at a space once the line is past the best width.
fn write_folded_words(out: &mut String, text: &str, indent: usize, mut column: usize, quote: bool) {
    let chars: Vec<char> = text.chars().collect();
    let mut previous_space = false;
    for (index, &ch) in chars.iter().enumerate() {
        if ch == ' ' {
            let next_is_space = chars.get(index + 1) == Some(&' ');
            if !previous_space
                && column > BEST_WIDTH
                && !next_is_space
                && index != 0
                && index + 1 != chars.len()
            {
                out.push('\n');
                push_spaces(out, indent);
                column = indent;
            } else {
                out.push(' ');
                column += 1;
            }
            previous_space = true;
        } else {
            if quote && ch == '\'' {
                out.push('\'');
                column += 1;
            }
            out.push(ch);
            column += 1;
            previous_space = false;
        }
    }
}

fn write_plain(out: &mut String, text: &str, indent: usize, column: usize) {
    write_folded_words(out, text, indent, column, false);
}

fn write_single(out: &mut String, text: &str, indent: usize, column: usize, _fold: bool) {
    out.push('\'');
    write_folded_words(out, text, indent, column + 1, true);
    out.push('\'');
}

fn write_double(out: &mut String, text: &str) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{85}' => out.push_str("\\N"),
            '\u{a0}' => out.push_str("\\_"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if u32::from(c) < 0x20 || c == '\u{7f}' || c == '\u{feff}' => {
                let _ = write!(out, "\\x{:02X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A literal block (`|`, `|-`, `|+`), its lines indented under the key.
fn write_literal(out: &mut String, text: &str, indent: usize) {
    out.push('|');
    if text.starts_with(' ') || text.starts_with('\n') {
        out.push('2');
    }
    if !text.ends_with('\n') {
        out.push('-');
    } else if text.ends_with("\n\n") || text == "\n" {
        out.push('+');
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            push_spaces(out, indent);
            out.push_str(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn go_number_formats() {
        assert_eq!(go_format(&json!(1.0)), "1");
        assert_eq!(go_format(&json!(100)), "100");
        assert_eq!(go_format(&json!(0.5)), "0.5");
        assert_eq!(go_format(&json!(1_000_000)), "1e+06");
        assert_eq!(go_format(&json!(0.00001)), "1e-05");
        assert_eq!(go_format(&json!(123_456)), "123456");
    }

    #[test]
    fn pretty_json_like_go() {
        let text = pretty_json(&json!({"b": [], "a": {"c": "<&>", "d": 1.0, "e": 0.00001}}));
        assert_eq!(
            text,
            "{\n  \"a\": {\n    \"c\": \"\\u003c\\u0026\\u003e\",\n    \"d\": 1,\n    \"e\": 0.00001\n  },\n  \"b\": []\n}"
        );
    }

    #[test]
    fn yaml_quoting_and_folding() {
        let value = json!({
            "list": ["x-#a", "- a", "10", "1e3", "2001-12-14", "", "plain"],
            "star": "*",
            "colon": "a: b",
            "name": "true",
            "block": "{\n  \"key\": \"val\"\n}\n",
            "long": "word word word word word word word word word word word word word word word word word word word word word word word end",
        });
        let text = to_yaml(&value);
        assert_eq!(
            text,
            "block: |\n  {\n    \"key\": \"val\"\n  }\ncolon: 'a: b'\nlist:\n- x-#a\n- '- a'\n- \"10\"\n- \"1e3\"\n- \"2001-12-14\"\n- \"\"\n- plain\nlong: word word word word word word word word word word word word word word word word\n  word word word word word word word end\nname: \"true\"\nstar: '*'"
        );
    }

    #[test]
    fn yaml_key_order_is_natural() {
        let mut keys = vec!["b10", "b9", "_x", "a", "B"];
        keys.sort_by(|a, b| yaml_key_order(a, b));
        assert_eq!(keys, vec!["_x", "B", "a", "b9", "b10"]);
    }
}
