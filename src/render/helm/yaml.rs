//! Helm's `toYaml`, byte for byte: `sigs.k8s.io/yaml.Marshal`, which writes the value as JSON,
//! reads that back with `yaml.v2` and writes it with `yaml.v2`'s emitter (a port of libyaml's), as
//! `go.yaml.in/yaml/v2` v2.4 does it. Helm then trims the final newline.
//!
//! The text matters wherever the chart puts `toYaml` output inside a string (the mesh config in
//! the `istio` `ConfigMap`, CNI's `AMBIENT_ENABLEMENT_SELECTOR`): consumers compare those strings,
//! so the layout must be istioctl's. The rules that show in practice:
//!
//! - map keys sorted the way `yaml.v2` sorts them (digit runs as numbers, non-letters first);
//! - a list under a key is not indented; a map or list in a list starts on the dash's line;
//! - strings stay plain unless they would read back as something else (`"true"`, `"10"`) or
//!   cannot be written plainly (`': x'`); multi-line strings are literal blocks (`|-`);
//! - plain, single- and double-quoted strings are folded at a space once the line is past column
//!   80, continuing at the scalar's indentation (what a reader reads back is the same string);
//! - integral numbers print as integers, other floats as Go's `%g` (`1e+06`, `0.5`).
//!
//! The emitter below follows libyaml's state (current indent, column, and whether the line so far
//! is whitespace or indentation), so nested layouts come out as `yaml.v2` writes them rather than
//! by a separate rule per case.

use serde_json::{Map, Number, Value};
use std::cmp::Ordering;

use super::go_float;
use super::json::json_number;

/// The emitter's preferred width: past this column a scalar is folded at its next space.
const BEST_WIDTH: usize = 80;
/// The emitter's indentation step.
const BEST_INDENT: usize = 2;
/// Longest key (in bytes) written as an implicit `key:`; longer ones use the explicit `? key`.
const SIMPLE_KEY_MAX_LEN: usize = 128;

/// Helm's `toYaml` of a value (the trailing newline trimmed, as Helm does).
#[must_use]
pub fn to_yaml(value: &Value) -> String {
    let mut emitter = Emitter {
        out: String::new(),
        column: 0,
        indent: None,
        whitespace: true,
        indention: true,
    };
    emitter.node(value, Context::ROOT);
    // Document end: a line break unless the last node already ended the line.
    emitter.write_indent();
    let mut out = emitter.out;
    if out.ends_with('\n') {
        out.pop();
    }
    out
}

/// Where a node is emitted (libyaml's `root_context`, `mapping_context`, `simple_key_context`).
#[derive(Debug, Clone, Copy)]
struct Context {
    mapping: bool,
    simple_key: bool,
}

impl Context {
    const ROOT: Self = Self {
        mapping: false,
        simple_key: false,
    };
    const SEQUENCE_ITEM: Self = Self::ROOT;
    const MAPPING_VALUE: Self = Self {
        mapping: true,
        simple_key: false,
    };
    const SIMPLE_KEY: Self = Self {
        mapping: true,
        simple_key: true,
    };
}

struct Emitter {
    out: String,
    /// Characters (not bytes) since the start of the line.
    column: usize,
    /// libyaml's `indent`; `None` before the first block (libyaml's -1).
    indent: Option<usize>,
    /// The last thing written was whitespace (or nothing): an indicator needs no space before it.
    whitespace: bool,
    /// The line so far holds only indentation (and indicators like `- `).
    indention: bool,
}

impl Emitter {
    fn put(&mut self, ch: char) {
        self.out.push(ch);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    /// A break character of the value itself: `\n` ends the line; the others (`\r`, U+0085,
    /// U+2028, U+2029) are written as they are and count as a line end.
    fn write_break(&mut self, ch: char) {
        if ch == '\n' {
            self.put_break();
        } else {
            self.out.push(ch);
            self.column = 0;
        }
    }

    fn write_indent(&mut self) {
        let indent = self.indent.unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        for ch in indicator.chars() {
            self.put(ch);
        }
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    /// libyaml's `increase_indent`; returns the indent to restore afterwards.
    fn increase_indent(&mut self, flow: bool, indentless: bool) -> Option<usize> {
        let saved = self.indent;
        self.indent = match self.indent {
            None => Some(if flow { BEST_INDENT } else { 0 }),
            Some(indent) if !indentless => Some(indent + BEST_INDENT),
            same => same,
        };
        saved
    }

    fn node(&mut self, value: &Value, context: Context) {
        match value {
            Value::Object(map) if !map.is_empty() => self.mapping(map),
            Value::Array(items) if !items.is_empty() => self.sequence(items, context),
            // Empty collections are written in flow style.
            Value::Object(_) => self.empty_collection("{", "}"),
            Value::Array(_) => self.empty_collection("[", "]"),
            Value::Null => self.scalar("null", Style::Plain, context),
            Value::Bool(flag) => {
                self.scalar(if *flag { "true" } else { "false" }, Style::Plain, context);
            }
            Value::Number(number) => self.scalar(&yaml_number(number), Style::Plain, context),
            Value::String(text) => self.scalar(text, string_style(text, context), context),
        }
    }

    fn empty_collection(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn mapping(&mut self, map: &Map<String, Value>) {
        let saved = self.increase_indent(false, false);
        let mut keys: Vec<&String> = map.keys().collect();
        keys.sort_by(|a, b| key_order(a, b));
        for key in keys {
            self.write_indent();
            if key.len() <= SIMPLE_KEY_MAX_LEN && !key.chars().any(is_break) {
                self.node(&Value::String(key.clone()), Context::SIMPLE_KEY);
                self.write_indicator(":", false, false, false);
            } else {
                self.write_indicator("?", true, false, true);
                self.node(&Value::String(key.clone()), Context::MAPPING_VALUE);
                self.write_indent();
                self.write_indicator(":", true, false, true);
            }
            self.node(&map[key], Context::MAPPING_VALUE);
        }
        self.indent = saved;
    }

    fn sequence(&mut self, items: &[Value], context: Context) {
        let saved = self.increase_indent(false, context.mapping && !self.indention);
        for item in items {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.node(item, Context::SEQUENCE_ITEM);
        }
        self.indent = saved;
    }

    fn scalar(&mut self, text: &str, style: Style, context: Context) {
        let saved = self.increase_indent(true, false);
        let allow_breaks = !context.simple_key;
        match style {
            Style::Plain => self.write_plain(text, allow_breaks),
            Style::Single => self.write_single_quoted(text, allow_breaks),
            Style::Double => self.write_double_quoted(text, allow_breaks),
            Style::Literal => self.write_literal(text),
        }
        self.indent = saved;
    }

    fn write_plain(&mut self, text: &str, allow_breaks: bool) {
        if !self.whitespace {
            self.put(' ');
        }
        let chars: Vec<char> = text.chars().collect();
        let mut spaces = false;
        let mut breaks = false;
        for (index, &ch) in chars.iter().enumerate() {
            if ch == ' ' {
                let next_is_space = chars.get(index + 1) == Some(&' ');
                if allow_breaks && !spaces && self.column > BEST_WIDTH && !next_is_space {
                    self.write_indent();
                } else {
                    self.put(ch);
                }
                spaces = true;
            } else if is_break(ch) {
                if !breaks && ch == '\n' {
                    self.put_break();
                }
                self.write_break(ch);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(ch);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.whitespace = false;
        self.indention = false;
    }

    fn write_single_quoted(&mut self, text: &str, allow_breaks: bool) {
        self.write_indicator("'", true, false, false);
        let chars: Vec<char> = text.chars().collect();
        let last = chars.len().saturating_sub(1);
        let mut spaces = false;
        let mut breaks = false;
        for (index, &ch) in chars.iter().enumerate() {
            if ch == ' ' {
                let next_is_space = chars.get(index + 1) == Some(&' ');
                if allow_breaks
                    && !spaces
                    && self.column > BEST_WIDTH
                    && index > 0
                    && index < last
                    && !next_is_space
                {
                    self.write_indent();
                } else {
                    self.put(ch);
                }
                spaces = true;
            } else if is_break(ch) {
                if !breaks && ch == '\n' {
                    self.put_break();
                }
                self.write_break(ch);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if ch == '\'' {
                    self.put('\'');
                }
                self.put(ch);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_double_quoted(&mut self, text: &str, allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        // libyaml looks for a byte-order mark at the start of the value on every character, so a
        // value that starts with one has every character escaped.
        let starts_with_bom = text.starts_with('\u{feff}');
        let chars: Vec<char> = text.chars().collect();
        let last = chars.len().saturating_sub(1);
        let mut spaces = false;
        for (index, &ch) in chars.iter().enumerate() {
            if !is_printable(ch) || starts_with_bom || is_break(ch) || ch == '"' || ch == '\\' {
                self.write_escape(ch);
                spaces = false;
            } else if ch == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && index > 0 && index < last
                {
                    self.write_indent();
                    if chars.get(index + 1) == Some(&' ') {
                        self.put('\\');
                    }
                } else {
                    self.put(ch);
                }
                spaces = true;
            } else {
                self.put(ch);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_escape(&mut self, ch: char) {
        self.put('\\');
        let short = match ch {
            '\0' => Some('0'),
            '\u{7}' => Some('a'),
            '\u{8}' => Some('b'),
            '\t' => Some('t'),
            '\n' => Some('n'),
            '\u{b}' => Some('v'),
            '\u{c}' => Some('f'),
            '\r' => Some('r'),
            '\u{1b}' => Some('e'),
            '"' => Some('"'),
            '\\' => Some('\\'),
            '\u{85}' => Some('N'),
            '\u{a0}' => Some('_'),
            '\u{2028}' => Some('L'),
            '\u{2029}' => Some('P'),
            _ => None,
        };
        if let Some(short) = short {
            self.put(short);
            return;
        }
        let code = u32::from(ch);
        let text = if code <= 0xFF {
            format!("x{code:02X}")
        } else if code <= 0xFFFF {
            format!("u{code:04X}")
        } else {
            format!("U{code:08X}")
        };
        for digit in text.chars() {
            self.put(digit);
        }
    }

    fn write_literal(&mut self, text: &str) {
        self.write_indicator("|", true, false, false);
        let chars: Vec<char> = text.chars().collect();
        if chars.first().is_some_and(|&c| c == ' ' || is_break(c)) {
            let hint = char::from(b'0' + BEST_INDENT as u8);
            self.write_indicator(&hint.to_string(), false, false, false);
        }
        // Chomping: `-` without a final break, `+` when the value ends in more than one (or is one).
        let chomp = match chars.as_slice() {
            [.., last] if !is_break(*last) => Some("-"),
            [_] => Some("+"),
            [.., before, _] if is_break(*before) => Some("+"),
            _ => None,
        };
        if let Some(chomp) = chomp {
            self.write_indicator(chomp, false, false, false);
        }
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        for &ch in &chars {
            if is_break(ch) {
                self.write_break(ch);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(ch);
                self.indention = false;
                breaks = false;
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
}

/// The style `yaml.v2` writes a string in: the encoder asks for a literal block when it has a
/// line feed, plain when it would read back as the same string, double quotes otherwise; the
/// emitter then falls back to quotes where the text cannot be written that way.
fn string_style(text: &str, context: Context) -> Style {
    let requested = if text.contains('\n') {
        Style::Literal
    } else if matches!(resolve(text), Resolved::String) && !is_base60_float(text) {
        Style::Plain
    } else {
        Style::Double
    };
    let analysis = analyze(text);
    if context.simple_key && analysis.multiline {
        return Style::Double;
    }
    let mut style = requested;
    if style == Style::Plain
        && (!analysis.block_plain_allowed || (text.is_empty() && context.simple_key))
    {
        style = Style::Single;
    }
    if style == Style::Single && !analysis.single_quoted_allowed {
        style = Style::Double;
    }
    if style == Style::Literal && (!analysis.block_allowed || context.simple_key) {
        style = Style::Double;
    }
    style
}

/// What the emitter's scalar analysis allows for a string (block context only): libyaml's own
/// flags, kept as they are so the rules read like the emitter's.
#[allow(clippy::struct_excessive_bools)]
struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

/// libyaml's `is_printable` on UTF-8 text: which characters may appear unescaped.
fn is_printable(ch: char) -> bool {
    matches!(ch, '\n' | ' '..='~' | '\u{a0}'..='\u{d7ff}')
        || (('\u{e000}'..='\u{fffd}').contains(&ch) && ch != '\u{feff}')
}

fn is_break(ch: char) -> bool {
    matches!(ch, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blank(ch: char) -> bool {
    ch == ' ' || ch == '\t'
}

fn analyze(text: &str) -> Analysis {
    if text.is_empty() {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    }
    let chars: Vec<char> = text.chars().collect();
    let mut block_indicators = text.starts_with("---") || text.starts_with("...");
    let (mut line_breaks, mut special_characters) = (false, false);
    let (mut leading_space, mut leading_break) = (false, false);
    let (mut trailing_space, mut trailing_break) = (false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut previous_space, mut previous_break) = (false, false);
    let mut preceded_by_whitespace = true;
    for (index, &ch) in chars.iter().enumerate() {
        let followed_by_whitespace = chars.get(index + 1).is_none_or(|&c| is_blank(c));
        let last = index + 1 == chars.len();
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
        if !is_printable(ch) {
            special_characters = true;
        }
        if ch == ' ' {
            leading_space |= index == 0;
            trailing_space |= last;
            break_space |= previous_break;
            previous_space = true;
            previous_break = false;
        } else if is_break(ch) {
            line_breaks = true;
            leading_break |= index == 0;
            trailing_break |= last;
            space_break |= previous_space;
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_blank(ch) || is_break(ch) || ch == '\0';
    }
    let mut analysis = Analysis {
        multiline: line_breaks,
        block_plain_allowed: true,
        single_quoted_allowed: true,
        block_allowed: true,
    };
    if leading_space || leading_break || trailing_space || trailing_break {
        analysis.block_plain_allowed = false;
    }
    if trailing_space {
        analysis.block_allowed = false;
    }
    if break_space {
        analysis.block_plain_allowed = false;
        analysis.single_quoted_allowed = false;
    }
    if space_break || special_characters {
        analysis.block_plain_allowed = false;
        analysis.single_quoted_allowed = false;
        analysis.block_allowed = false;
    }
    if line_breaks || block_indicators {
        analysis.block_plain_allowed = false;
    }
    analysis
}

/// What `yaml.v2` reads a plain scalar as.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Resolved {
    String,
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Timestamp,
}

/// `yaml.v2`'s `resolve` for an untagged plain scalar (YAML 1.1 with Go's number syntax).
pub(super) fn resolve(text: &str) -> Resolved {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Resolved::Bool(true);
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Resolved::Bool(false);
        }
        ".nan" | ".NaN" | ".NAN" => return Resolved::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Resolved::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Resolved::Float(f64::NEG_INFINITY),
        _ => {}
    }
    match text.as_bytes()[0] {
        b'.' => match parse_go_float(text) {
            Some(float) => Resolved::Float(float),
            None => Resolved::String,
        },
        b'0'..=b'9' | b'+' | b'-' => {
            if is_timestamp(text) {
                return Resolved::Timestamp;
            }
            let plain = text.replace('_', "");
            if let Some(integer) = parse_go_int(&plain) {
                return integer;
            }
            if is_yaml_float(&plain)
                && let Some(float) = parse_go_float(&plain)
            {
                return Resolved::Float(float);
            }
            if let Some(binary) = plain.strip_prefix("0b") {
                if let Ok(integer) = i64::from_str_radix(binary, 2) {
                    return Resolved::Int(integer);
                }
                if let Ok(integer) = u64::from_str_radix(binary, 2) {
                    return Resolved::Uint(integer);
                }
            } else if let Some(binary) = plain.strip_prefix("-0b")
                && let Ok(integer) = i64::from_str_radix(&format!("-{binary}"), 2)
            {
                return Resolved::Int(integer);
            }
            Resolved::String
        }
        _ => Resolved::String,
    }
}

/// `strconv.ParseInt(text, 0, 64)`, then `ParseUint`: decimal, `0x`, `0o`, `0b` and leading-zero
/// octal, with an optional sign (signed only).
fn parse_go_int(text: &str) -> Option<Resolved> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let signed = body.len() != text.len();
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = if let Some(hex) = lower.strip_prefix("0x") {
        (16, hex)
    } else if let Some(octal) = lower.strip_prefix("0o") {
        (8, octal)
    } else if let Some(binary) = lower.strip_prefix("0b") {
        (2, binary)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        (10, lower.as_str())
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u64::from_str_radix(digits, radix).ok()?;
    if negative {
        // -9223372036854775808 is the one magnitude past i64::MAX that still fits.
        return (magnitude <= i64::MAX as u64 + 1)
            .then(|| Resolved::Int((magnitude as i64).wrapping_neg()));
    }
    match i64::try_from(magnitude) {
        Ok(integer) => Some(Resolved::Int(integer)),
        // ParseUint accepts no sign.
        Err(_) if !signed => Some(Resolved::Uint(magnitude)),
        Err(_) => None,
    }
}

/// `strconv.ParseFloat(text, 64)` for the decimal forms YAML can produce; `None` on a syntax error
/// or an overflow (Go reports both as errors).
fn parse_go_float(text: &str) -> Option<f64> {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let valid = !body.is_empty()
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    if !valid {
        return None;
    }
    text.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
fn is_yaml_float(text: &str) -> bool {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", fraction)) => !fraction.is_empty() && digits(fraction),
        Some((whole, fraction)) => !whole.is_empty() && digits(whole) && digits(fraction),
        None => !mantissa.is_empty() && digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// `yaml.v2` reads `2001-12-14`, `2001-12-14T21:59:43.10-05:00` and `2001-12-14 21:59:43.10` as
/// timestamps: a four-digit year, `-`, then one of those layouts (month and day of one or two
/// digits, checked against the calendar).
fn is_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    if !(bytes.len() > 4 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-') {
        return false;
    }
    let year: i32 = text[..4].parse().unwrap_or_default();
    let rest = &text[5..];
    let Some((month, rest)) = take_number(rest, 1, 2) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix('-') else {
        return false;
    };
    let Some((day, rest)) = take_number(rest, 1, 2) else {
        return false;
    };
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return false;
    }
    if rest.is_empty() {
        return true;
    }
    if let Some(time) = rest.strip_prefix(['T', 't']) {
        return match parse_time(time) {
            Some(zone) => is_zone(zone),
            None => false,
        };
    }
    rest.strip_prefix(' ')
        .and_then(parse_time)
        .is_some_and(str::is_empty)
}

/// `15:4:5` with an optional fraction; returns what follows.
fn parse_time(text: &str) -> Option<&str> {
    let (hour, rest) = take_number(text, 1, 2)?;
    let (minute, rest) = take_number(rest.strip_prefix(':')?, 1, 2)?;
    let (second, mut rest) = take_number(rest.strip_prefix(':')?, 1, 2)?;
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        rest = &fraction[digits..];
    }
    Some(rest)
}

/// `Z07:00`: `Z`, or a sign with hours and minutes.
fn is_zone(text: &str) -> bool {
    if text == "Z" {
        return true;
    }
    let Some(offset) = text.strip_prefix(['+', '-']) else {
        return false;
    };
    let bytes = offset.as_bytes();
    bytes.len() == 5 && bytes[2] == b':' && [0, 1, 3, 4].iter().all(|&i| bytes[i].is_ascii_digit())
}

fn take_number(text: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits < min || digits > max {
        return None;
    }
    Some((text[..digits].parse().ok()?, &text[digits..]))
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`: YAML 1.1's sexagesimal float, which
/// `yaml.v2` quotes although it reads it as a string.
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
        let ok = match part.as_bytes() {
            [digit] => digit.is_ascii_digit(),
            [tens, units] => (b'0'..=b'5').contains(tens) && units.is_ascii_digit(),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    count > 0
}

/// A number after the JSON round trip: Go writes it as JSON, `yaml.v2` reads that back as an
/// integer when it can and as a float otherwise, and writes floats as Go's `%g`.
fn yaml_number(number: &Number) -> String {
    let text = json_number(number);
    match resolve(&text) {
        Resolved::Int(integer) => integer.to_string(),
        Resolved::Uint(integer) => integer.to_string(),
        Resolved::Float(float) => go_float(float),
        _ => text,
    }
}

/// Map keys in the order `yaml.v2` sorts them: letters compare as characters, a letter sorts
/// after a non-letter, and runs of digits compare by value (`b9` < `b10`).
///
/// Go asks `unicode.IsLetter` (category L); Rust's `is_alphabetic` also counts letter-like numbers
/// and marks, which no Kubernetes key contains.
fn key_order(a: &str, b: &str) -> Ordering {
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
            // A zero inside a number (`10` vs `1a`) keeps both numbers non-zero.
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
        let digit_run = |chars: &[char], mut number: i64| {
            let mut end = i;
            while end < chars.len() && chars[end].is_ascii_digit() {
                number = number
                    .wrapping_mul(10)
                    .wrapping_add(i64::from(chars[end] as u8 - b'0'));
                end += 1;
            }
            (number, end)
        };
        let (a_number, a_end) = digit_run(&a, a_number);
        let (b_number, b_end) = digit_run(&b, b_number);
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn layout_of_maps_lists_and_scalars() {
        let value = json!({
            "list": ["x-#a", "- a", "10", "1e3", "2001-12-14", "", "plain", {"b": [], "a": {}}],
            "nested": [["a", "b"], {"k": ["v"]}],
            "star": "*",
            "colon": "a: b",
            "name": "true",
            "number": 1_000_000.0,
            "float": 0.000_001,
            "none": null,
        });
        assert_eq!(
            to_yaml(&value),
            "colon: 'a: b'\nfloat: 1e-06\nlist:\n- x-#a\n- '- a'\n- \"10\"\n- \"1e3\"\n\
             - \"2001-12-14\"\n- \"\"\n- plain\n- a: {}\n  b: []\nname: \"true\"\nnested:\n\
             - - a\n  - b\n- k:\n  - v\nnone: null\nnumber: 1000000\nstar: '*'"
        );
    }

    #[test]
    fn long_strings_fold_past_column_80() {
        let words = "word ".repeat(20) + "end";
        let text =
            to_yaml(&json!({"plain": words, "list": [words], "quoted": format!("'{words}")}));
        assert_eq!(
            text,
            "list:\n- word word word word word word word word word word word word word word word word\n  \
             word word word word end\n\
             plain: word word word word word word word word word word word word word word word\n  \
             word word word word word end\n\
             quoted: '''word word word word word word word word word word word word word word word\n  \
             word word word word word end'"
        );
        // A tab makes the string double-quoted; double quotes fold too.
        let tabbed = format!("a\t{words}");
        assert_eq!(
            to_yaml(&json!({"k": tabbed})),
            "k: \"a\\tword word word word word word word word word word word word word word word\n  \
             word word word word word end\""
        );
        // Keys are never folded.
        let key = "key ".repeat(25).trim_end().to_string();
        assert_eq!(to_yaml(&json!({key.clone(): 1})), format!("{key}: 1"));
    }

    #[test]
    fn multi_line_strings_are_literal_blocks() {
        assert_eq!(
            to_yaml(&json!({"a": "one\ntwo\n", "b": "one\ntwo", "c": " lead\n", "d": "x\n\n"})),
            "a: |\n  one\n  two\nb: |-\n  one\n  two\nc: |2\n   lead\nd: |+\n  x\n"
        );
        assert_eq!(
            to_yaml(&json!([{"k": "one\n\nthree"}])),
            "- k: |-\n    one\n\n    three"
        );
        // Trailing space on a line cannot be a block: double quotes with escapes.
        assert_eq!(to_yaml(&json!({"a": "x \ny"})), "a: \"x \\ny\"");
    }

    #[test]
    fn escapes_in_double_quotes() {
        assert_eq!(
            to_yaml(&json!({"a": "\u{1}\u{85}\u{feff}x\u{1F600}"})),
            "a: \"\\x01\\N\\uFEFFx\\U0001F600\""
        );
        assert_eq!(
            to_yaml(&json!({"a": "\u{feff}ab"})),
            "a: \"\\uFEFF\\x61\\x62\""
        );
    }

    #[test]
    fn long_keys_use_the_explicit_form() {
        let key = "k".repeat(129);
        assert_eq!(
            to_yaml(&json!({key.clone(): {"a": 1}})),
            format!("? {key}\n: a: 1")
        );
    }

    #[test]
    fn root_scalars_and_empty_values() {
        assert_eq!(to_yaml(&json!("x")), "x");
        assert_eq!(to_yaml(&json!({})), "{}");
        assert_eq!(to_yaml(&json!([])), "[]");
        assert_eq!(to_yaml(&Value::Null), "null");
        assert_eq!(to_yaml(&json!(["a"])), "- a");
    }

    #[test]
    fn key_order_is_natural() {
        let mut keys = vec!["b10", "b9", "_x", "a", "B", "a01", "a1"];
        keys.sort_by(|a, b| key_order(a, b));
        assert_eq!(keys, vec!["_x", "B", "a", "a1", "a01", "b9", "b10"]);
    }

    #[test]
    fn plain_scalars_resolve_like_yaml_v2() {
        assert_eq!(resolve("0x1F"), Resolved::Int(31));
        assert_eq!(resolve("-9223372036854775808"), Resolved::Int(i64::MIN));
        assert_eq!(resolve("18446744073709551615"), Resolved::Uint(u64::MAX));
        assert_eq!(resolve("1e400"), Resolved::String);
        assert_eq!(resolve("2001-02-29"), Resolved::String);
        assert_eq!(resolve("2000-02-29"), Resolved::Timestamp);
        assert_eq!(resolve("2001-12-14t21:59:43.10-05:00"), Resolved::Timestamp);
        assert_eq!(resolve("2001-12-14 21:59:43.10"), Resolved::Timestamp);
        assert!(is_base60_float("1:20"));
        assert!(!is_base60_float("1:60"));
    }
}
