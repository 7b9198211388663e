//! A direct block-style YAML writer for `serde_json::Value` trees.
//!
//! Why it exists: writing the rendered manifests (about 1 MB of YAML, most of it CRD schemas) through
//! serde-saphyr's general-purpose, state-machine serializer took well over half of
//! `manifest generate`'s run time. A JSON tree only has six kinds of node, so a small recursive
//! writer that knows the column of every node can produce the same bytes several times faster.
//!
//! The output must stay byte-identical to `serde_saphyr::to_string` with default options (the
//! format users, golden files and diffs already see), so every rule below mirrors serde-saphyr
//! 2.1's emitter (`ser/serializer.rs`, `ser/quoting.rs`, `ser/wrapping.rs`); the tests in
//! `yaml.rs` compare both writers on many tricky trees. The layout with serde-saphyr's defaults
//! (indent step 2, compact sequences, empty collections as `{}`/`[]`) is:
//!
//! ```yaml
//! key: scalar
//! map:
//!   child: 1          # a map under a key: keys two columns deeper
//! list:
//! - item              # a list under a key: dashes at the key's own column
//! - first: 1          # a map in a list: first key right after the dash,
//!   second: 2         #   the others two columns past the dash
//! - - nested          # a list in a list: first item right after the dash
//!   - list
//! empty: {}
//! none: []
//! text: |-            # a multi-line string: literal block, body two columns past its parent
//!   line one
//!   line two
//! ```
//!
//! Nodes serde-saphyr lays out in ways not reproduced here (a key longer than 1024 characters
//! needs the explicit `? key` form) make [`write_document`] return [`Unsupported`]; the caller
//! then falls back to serde-saphyr for that document.

use std::fmt::Write as _;

use serde_json::Value;

/// The document holds a node this writer does not lay out itself.
#[derive(Debug)]
pub(crate) struct Unsupported;

/// Where a node starts, which decides what goes before it and how deep its children go.
#[derive(Clone, Copy)]
enum Position {
    /// The document's root, at column 0 of an empty line.
    Root,
    /// A mapping value, right after `key:` whose key starts at this column.
    MapValue(usize),
    /// A sequence item, right after `- ` whose dash is at this column.
    SeqItem(usize),
}

impl Position {
    /// The column a block scalar's body is indented to: one step (2) past its parent node.
    fn block_body_column(self) -> usize {
        match self {
            Position::Root => INDENT_STEP,
            Position::MapValue(column) | Position::SeqItem(column) => column + INDENT_STEP,
        }
    }

    /// A scalar or `{}`/`[]` after `key:` is separated by one space; after `- ` or at the root
    /// nothing more is needed.
    fn lead(self, out: &mut String) {
        if let Position::MapValue(_) = self {
            out.push(' ');
        }
    }
}

/// serde-saphyr's default indentation step.
const INDENT_STEP: usize = 2;
/// Single-line strings longer than this (in characters) are written as folded `>-` blocks,
/// wrapped at this width (serde-saphyr's `folded_wrap_chars` default).
const FOLD_WIDTH: usize = 80;
/// A plain implicit key may be at most 1024 characters long (YAML 1.2, 7.4.2).
const SIMPLE_KEY_MAX_LEN: usize = 1024;

/// Writes `value` as one YAML document ending in a newline.
pub(crate) fn write_document(out: &mut String, value: &Value) -> Result<(), Unsupported> {
    write_node(out, value, Position::Root)
}

fn indent(out: &mut String, columns: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = columns;
    while left > SPACES.len() {
        out.push_str(SPACES);
        left -= SPACES.len();
    }
    out.push_str(&SPACES[..left]);
}

fn write_node(out: &mut String, value: &Value, position: Position) -> Result<(), Unsupported> {
    match value {
        Value::Null => {
            position.lead(out);
            out.push_str("null\n");
        }
        Value::Bool(flag) => {
            position.lead(out);
            out.push_str(if *flag { "true\n" } else { "false\n" });
        }
        Value::Number(number) => {
            position.lead(out);
            write_number(out, number);
        }
        Value::String(text) => write_string(out, text, position),
        Value::Array(items) if items.is_empty() => {
            position.lead(out);
            out.push_str("[]\n");
        }
        Value::Array(items) => {
            // Under a key the dashes sit at the key's own column (compact list indent); in a
            // list item the inner list starts right after the outer dash, its later items two
            // columns past it.
            let (dash_column, mut inline_first) = match position {
                Position::Root => (0, false),
                Position::MapValue(key_column) => {
                    out.push('\n');
                    (key_column, false)
                }
                Position::SeqItem(dash_column) => (dash_column + 2, true),
            };
            for item in items {
                if !inline_first {
                    indent(out, dash_column);
                }
                inline_first = false;
                out.push_str("- ");
                write_node(out, item, Position::SeqItem(dash_column))?;
            }
        }
        Value::Object(map) if map.is_empty() => {
            position.lead(out);
            out.push_str("{}\n");
        }
        Value::Object(map) => {
            // Under a key the child keys go one step deeper; in a list item the first key
            // follows the dash and the others align with it, two columns past the dash.
            let (key_column, mut inline_first) = match position {
                Position::Root => (0, false),
                Position::MapValue(key_column) => {
                    out.push('\n');
                    (key_column + INDENT_STEP, false)
                }
                Position::SeqItem(dash_column) => (dash_column + 2, true),
            };
            for (key, child) in map {
                if !inline_first {
                    indent(out, key_column);
                }
                inline_first = false;
                write_key(out, key)?;
                out.push(':');
                write_node(out, child, Position::MapValue(key_column))?;
            }
        }
    }
    Ok(())
}

fn write_number(out: &mut String, number: &serde_json::Number) {
    if let Some(unsigned) = number.as_u64() {
        let _ = writeln!(out, "{unsigned}");
    } else if let Some(signed) = number.as_i64() {
        let _ = writeln!(out, "{signed}");
    } else {
        // serde-saphyr spells floats its own way (shortest round-trip digits, always a `.` in
        // the mantissa and a sign in the exponent, `.inf`/`.nan`). Floats are rare in manifests,
        // so borrow its formatter rather than re-deriving the digit algorithm.
        match serde_saphyr::to_string(number) {
            Ok(text) => out.push_str(&text),
            Err(_) => {
                let _ = writeln!(out, "{number}");
            }
        }
    }
}

/// Writes a mapping key: plain when that reads back as the same string in both block and flow
/// context, else double-quoted.
fn write_key(out: &mut String, key: &str) -> Result<(), Unsupported> {
    let start = out.len();
    if rules::is_plain_key_safe(key) {
        out.push_str(key);
    } else {
        write_double_quoted(out, key);
    }
    let text = &out[start..];
    if text.len() > SIMPLE_KEY_MAX_LEN && text.chars().count() > SIMPLE_KEY_MAX_LEN {
        return Err(Unsupported);
    }
    Ok(())
}

fn write_string(out: &mut String, text: &str, position: Position) {
    position.lead(out);
    // Multi-line text reads best as a literal block (`|`), which needs no escaping and keeps
    // `:`, `#` and quotes as they are; only characters a block cannot hold force quotes.
    if text.contains('\n') {
        if rules::is_block_content_safe(text) {
            write_literal_block(out, text, position.block_body_column());
            return;
        }
    } else if text.len() > FOLD_WIDTH {
        // Long single-line prose (CRD descriptions) is folded at 80 columns, but only when it
        // could have been plain: a string that needs quotes stays on one quoted line. Trailing
        // spaces survive a folded block, so they do not count against it. `len` (bytes) bounds
        // the character count from above, hence the cheap test first.
        let probe = text.trim_end_matches(' ');
        if !probe.is_empty()
            && rules::is_plain_value_safe(probe)
            && text.chars().count() > FOLD_WIDTH
        {
            if rules::is_block_content_safe(text) {
                write_folded_block(out, text, position.block_body_column());
            } else {
                write_double_quoted(out, text);
                out.push('\n');
            }
            return;
        }
    }
    // serde-saphyr writes these three lone punctuation marks single-quoted.
    if matches!(text, "." | "#" | "-") {
        out.push('\'');
        out.push_str(text);
        out.push_str("'\n");
        return;
    }
    if rules::is_plain_value_safe(text) {
        out.push_str(text);
    } else {
        write_double_quoted(out, text);
    }
    out.push('\n');
}

/// Chomping indicator from the trailing newlines: none kept (`-`), exactly one (clip, no
/// indicator), or more / only newlines (`+`, keep).
fn chomping(content: &str, trailing_newlines: usize) -> Option<char> {
    match trailing_newlines {
        0 => Some('-'),
        1 if !content.is_empty() => None,
        _ => Some('+'),
    }
}

/// A block whose first non-empty line starts with a space needs an explicit indentation
/// indicator (the step, 2), or a reader would take that space as indentation.
fn push_block_header(out: &mut String, style: char, text: &str) {
    let content = text.trim_end_matches('\n');
    out.push(style);
    if first_line_leading_spaces(content) > 0 {
        out.push('2');
    }
    if let Some(chomp) = chomping(content, text.len() - content.len()) {
        out.push(chomp);
    }
    out.push('\n');
}

fn first_line_leading_spaces(text: &str) -> usize {
    text.split('\n')
        .find(|line| !line.is_empty())
        .map_or(0, |line| line.len() - line.trim_start_matches(' ').len())
}

fn write_literal_block(out: &mut String, text: &str, body_column: usize) {
    push_block_header(out, '|', text);
    let content = text.trim_end_matches('\n');
    let trailing_newlines = text.len() - content.len();
    if content.is_empty() {
        for _ in 0..trailing_newlines {
            out.push('\n');
        }
        return;
    }
    for line in content.split('\n') {
        // Empty lines carry no indentation; other lines keep their own whitespace.
        if !line.is_empty() {
            indent(out, body_column);
            out.push_str(line);
        }
        out.push('\n');
    }
    for _ in 1..trailing_newlines {
        out.push('\n');
    }
}

/// A folded (`>`) block, wrapped at [`FOLD_WIDTH`] characters, only at ASCII spaces: a reader
/// turns each line break back into one space. Breaking inside a run of N spaces keeps N-1 at the
/// end of the line (the break supplies the last); a line never starts with a space or a tab
/// after a break (that would make it "more indented", which keeps the break). Lines that already
/// start with a space are not wrapped, and a line with no space in reach is not broken.
fn write_folded_block(out: &mut String, text: &str, body_column: usize) {
    push_block_header(out, '>', text);
    for line in text.split('\n') {
        if line.is_empty() {
            out.push('\n');
            continue;
        }
        if line.starts_with(' ') {
            indent(out, body_column);
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut start = 0;
        let mut column = 0;
        // The last space run a break may use: (start byte, end byte, length).
        let mut last_run: Option<(usize, usize, usize)> = None;
        let mut run: Option<(usize, usize)> = None;
        let mut previous_end = 0;
        for (index, ch) in line.char_indices() {
            if ch != ' '
                && let Some((run_start, run_len)) = run.take()
                && ch != '\t'
            {
                last_run = Some((run_start, previous_end, run_len));
            }
            if ch == ' ' {
                run = Some(match run {
                    Some((run_start, run_len)) => (run_start, run_len + 1),
                    None => (index, 1),
                });
            }
            column += 1;
            if column > FOLD_WIDTH {
                let Some((run_start, run_end, run_len)) = last_run else {
                    break;
                };
                indent(out, body_column);
                out.push_str(&line[start..run_start]);
                for _ in 1..run_len {
                    out.push(' ');
                }
                out.push('\n');
                start = run_end;
                column = 0;
                last_run = None;
            }
            previous_end = index + ch.len_utf8();
        }
        indent(out, body_column);
        out.push_str(&line[start..]);
        out.push('\n');
    }
}

/// Double-quoted style with YAML escapes: named ones where YAML has them, `\xNN` for other
/// Latin-1 controls, `\uNNNN` for the remaining non-printables.
fn write_double_quoted(out: &mut String, text: &str) {
    out.push('"');
    let mut clean_from = 0;
    for (index, ch) in text.char_indices() {
        let escape: &str = match ch {
            '\\' => "\\\\",
            '"' => "\\\"",
            '\0' => "\\0",
            '\u{7}' => "\\a",
            '\u{8}' => "\\b",
            '\t' => "\\t",
            '\n' => "\\n",
            '\u{b}' => "\\v",
            '\u{c}' => "\\f",
            '\r' => "\\r",
            '\u{1b}' => "\\e",
            '\u{FEFF}' => "\\uFEFF",
            '\u{85}' => "\\N",
            '\u{2028}' => "\\L",
            '\u{2029}' => "\\P",
            c if (c as u32) <= 0xFF && c.is_control() => {
                out.push_str(&text[clean_from..index]);
                let _ = write!(out, "\\x{:02X}", c as u32);
                clean_from = index + c.len_utf8();
                continue;
            }
            c if (c as u32) <= 0xFFFF && rules::needs_escape(c) => {
                out.push_str(&text[clean_from..index]);
                let _ = write!(out, "\\u{:04X}", c as u32);
                clean_from = index + c.len_utf8();
                continue;
            }
            _ => continue,
        };
        out.push_str(&text[clean_from..index]);
        out.push_str(escape);
        clean_from = index + ch.len_utf8();
    }
    out.push_str(&text[clean_from..]);
    out.push('"');
}

/// When a string may be written plain (unquoted) or as a block. serde-saphyr targets YAML 1.1
/// readers (Go's yaml, which Kubernetes tooling uses), so anything such a reader would resolve to
/// another type — `yes`/`on`/`y`, `0777`, `1_000`, `12:30`, `2024-01-01`, `~`, `null`, `.inf` —
/// must be quoted, as must text a plain scalar cannot carry (edge whitespace, leading
/// indicators, `: `, ` #`, control characters).
mod rules {
    /// Characters a plain or single-quoted scalar cannot carry: controls (which include tab,
    /// CR and LF), the BOM, the Unicode line/paragraph separators and the two non-characters.
    pub(super) fn needs_escape(ch: char) -> bool {
        ch.is_control()
            || matches!(
                ch,
                '\u{FEFF}' | '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}'
            )
    }

    /// A block scalar can hold tabs and printable characters; `\r` would be normalised to a
    /// line break, and NEL/LS/PS/BOM are left to double quotes for other tools' sake.
    pub(super) fn is_block_content_safe(text: &str) -> bool {
        if text.is_ascii() {
            return text
                .bytes()
                .all(|b| matches!(b, b'\n' | b'\t' | 0x20..=0x7E));
        }
        text.chars().all(|ch| match ch {
            '\n' | '\t' => true,
            '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' => false,
            c => matches!(
                c as u32,
                0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x1_0000..=0x10_FFFF
            ),
        })
    }

    /// A plain value in block context.
    pub(super) fn is_plain_value_safe(text: &str) -> bool {
        is_plain(text, false)
    }

    /// A plain key: it must read back in block and in flow context (where `,[]{}` are
    /// structural), as YAML 1.1 and as YAML 1.2, may not contain `:` at all and may not be the
    /// merge key `<<`.
    pub(super) fn is_plain_key_safe(text: &str) -> bool {
        is_plain(text, true)
    }

    /// Every rule is a necessary condition, so they are checked cheapest first; the character
    /// rules run over bytes when the text is ASCII, as nearly all manifest text is.
    fn is_plain(text: &str, key: bool) -> bool {
        let bytes = text.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            // The empty string reads as null.
            return false;
        };
        // Edge white space is separation, not content, to a reader.
        if first.is_ascii_whitespace() || last.is_ascii_whitespace() {
            return false;
        }
        let indicator = match bytes {
            // `-`/`?` are indicators when alone or followed by white space.
            [b'-' | b'?'] => true,
            [b'-' | b'?', second, ..] => second.is_ascii_whitespace(),
            // These can never start a plain scalar.
            _ => matches!(
                first,
                b',' | b':'
                    | b'['
                    | b']'
                    | b'{'
                    | b'}'
                    | b'#'
                    | b'&'
                    | b'*'
                    | b'!'
                    | b'|'
                    | b'>'
                    | b'\''
                    | b'"'
                    | b'%'
                    | b'@'
                    | b'`'
            ),
        };
        if indicator {
            return false;
        }
        if matches!(first, b'-' | b'.') && starts_with_document_marker(text) {
            return false;
        }
        // Only short words (`null`, `false`, `~`, `y`, ...) and text starting like a number or a
        // date can resolve to another type; edge white space was ruled out above.
        if (bytes.len() <= 5 || matches!(first, b'0'..=b'9' | b'+' | b'-' | b'.' | b'_'))
            && (is_ambiguous(text, true) || (key && (is_ambiguous(text, false) || text == "<<")))
        {
            return false;
        }
        if text.is_ascii() {
            scan_ascii(bytes, key)
        } else {
            scan_chars(text, key)
        }
    }

    /// The character rules for ASCII text: no control character, no `#` after a space (a
    /// comment), no `: ` and no trailing `:` (a mapping); keys also no `:` and no `,[]{}`.
    fn scan_ascii(bytes: &[u8], key: bool) -> bool {
        let mut previous = 0u8;
        for &b in bytes {
            match b {
                0..=0x1F | 0x7F => return false,
                // Other ASCII white space is a control character, rejected above.
                b'#' if previous == b' ' => return false,
                b' ' if previous == b':' => return false,
                b':' | b',' | b'[' | b']' | b'{' | b'}' if key => return false,
                _ => {}
            }
            previous = b;
        }
        // No edge white space here, so this is `trim().ends_with(':')`.
        previous != b':'
    }

    /// The same rules for any text, with Unicode white space before `#` and around `:`.
    fn scan_chars(text: &str, key: bool) -> bool {
        if text.contains(": ") || text.trim().ends_with(':') {
            return false;
        }
        let mut previous_is_space = false;
        for ch in text.chars() {
            if needs_escape(ch)
                || (ch == '#' && previous_is_space)
                || (key && matches!(ch, ':' | ',' | '[' | ']' | '{' | '}'))
            {
                return false;
            }
            previous_is_space = ch.is_whitespace();
        }
        true
    }

    fn starts_with_document_marker(text: &str) -> bool {
        text.strip_prefix("---")
            .or_else(|| text.strip_prefix("..."))
            .is_some_and(|rest| rest.as_bytes().first().is_none_or(u8::is_ascii_whitespace))
    }

    /// Whether a reader would resolve the plain text to something other than this string.
    fn is_ambiguous(text: &str, yaml_11: bool) -> bool {
        text.is_empty()
            || text == "~"
            || text.eq_ignore_ascii_case("null")
            || text.eq_ignore_ascii_case("true")
            || text.eq_ignore_ascii_case("false")
            || is_numeric(text, yaml_11)
            || text.eq_ignore_ascii_case("nan")
            || text.eq_ignore_ascii_case("inf")
            || text.eq_ignore_ascii_case("+inf")
            || text.eq_ignore_ascii_case("-inf")
            || (yaml_11
                && (is_yaml11_bool(text)
                    || is_yaml11_timestamp(text)
                    || matches!(text, "<<" | "=")))
    }

    /// YAML 1.1 booleans, case-insensitively and ignoring edge blanks.
    fn is_yaml11_bool(text: &str) -> bool {
        let word = text.trim_matches([' ', '\t', '\r', '\n']);
        ["true", "yes", "y", "on", "false", "no", "n", "off"]
            .iter()
            .any(|candidate| word.eq_ignore_ascii_case(candidate))
    }

    /// Number syntax, without computing the value (an overflowing number is still a number to
    /// a resolver). YAML 1.1 also has base 60 (`1:30`), `0b`/`0o`/`0x` with loose underscores,
    /// and floats like `1.` or `.5.5`.
    fn is_numeric(text: &str, yaml_11: bool) -> bool {
        if !matches!(
            text.as_bytes().first(),
            Some(b'0'..=b'9' | b'+' | b'-' | b'.' | b'_')
        ) {
            return false;
        }
        let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
        if unsigned.eq_ignore_ascii_case(".inf") || unsigned.eq_ignore_ascii_case(".nan") {
            return true;
        }
        if yaml_11 {
            if is_yaml11_sexagesimal(text) {
                return true;
            }
            if let Some((radix, digits)) = radix_digits(unsigned)
                && is_digit_run(digits, radix, false)
            {
                return true;
            }
        }
        // Go's resolver drops underscores before reading a YAML 1.1 number.
        let normalized;
        let text = if yaml_11 && text.contains('_') {
            normalized = text.replace('_', "");
            normalized.as_str()
        } else {
            text
        };
        let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
        if let Some((radix, digits)) = radix_digits(unsigned) {
            // Go's binary (and octal) fallback takes a sign after a lowercase unsigned prefix.
            let digits = if yaml_11 && (text.starts_with("0b") || text.starts_with("0o")) {
                digits.strip_prefix(['+', '-']).unwrap_or(digits)
            } else {
                digits
            };
            return is_digit_run(digits, radix, true);
        }
        let mantissa = match unsigned.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => {
                let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
                if !is_digit_run(exponent, 10, true) {
                    return false;
                }
                mantissa
            }
            None => unsigned,
        };
        match mantissa.split_once('.') {
            Some((whole, fraction)) => {
                if !whole.is_empty() && !is_digit_run(whole, 10, true) {
                    return false;
                }
                if yaml_11 {
                    fraction.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                } else if fraction.is_empty() {
                    !whole.is_empty()
                } else {
                    is_digit_run(fraction, 10, true)
                }
            }
            None => is_digit_run(mantissa, 10, true),
        }
    }

    fn radix_digits(text: &str) -> Option<(u32, &str)> {
        match text.as_bytes() {
            [b'0', b'b' | b'B', ..] => Some((2, &text[2..])),
            [b'0', b'o' | b'O', ..] => Some((8, &text[2..])),
            [b'0', b'x' | b'X', ..] => Some((16, &text[2..])),
            _ => None,
        }
    }

    /// Non-empty digits of `radix`; strictly, underscores only between two digits.
    fn is_digit_run(text: &str, radix: u32, strict_underscores: bool) -> bool {
        let is_digit = |b: u8| b.is_ascii() && char::from(b).is_digit(radix);
        let bytes = text.as_bytes();
        !bytes.is_empty()
            && bytes.iter().enumerate().all(|(i, &b)| {
                is_digit(b)
                    || (b == b'_'
                        && (!strict_underscores
                            || (i > 0
                                && is_digit(bytes[i - 1])
                                && bytes.get(i + 1).is_some_and(|&next| is_digit(next)))))
            })
    }

    /// YAML 1.1 base 60: `190:20:30`, `-1:30.5`.
    fn is_yaml11_sexagesimal(text: &str) -> bool {
        let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
        let (integer, fraction) = match unsigned.split_once('.') {
            Some((integer, fraction)) => (integer, Some(fraction)),
            None => (unsigned, None),
        };
        let Some((first, rest)) = integer.split_once(':') else {
            return false;
        };
        let Some(first_digit) = first.as_bytes().first() else {
            return false;
        };
        if !first_digit.is_ascii_digit()
            || (fraction.is_none() && *first_digit == b'0')
            || !first.bytes().all(|b| b.is_ascii_digit() || b == b'_')
        {
            return false;
        }
        if !rest.split(':').all(|part| match part.as_bytes() {
            [digit] => digit.is_ascii_digit(),
            [tens, units] => matches!(tens, b'0'..=b'5') && units.is_ascii_digit(),
            _ => false,
        }) {
            return false;
        }
        fraction.is_none_or(|part| part.bytes().all(|b| b.is_ascii_digit() || b == b'_'))
    }

    /// YAML 1.1 timestamps (`2001-12-14`, `2001-12-14t21:59:43.10-05:00`), by shape only.
    fn is_yaml11_timestamp(mut text: &str) -> bool {
        fn digits(text: &mut &str, min: usize, max: usize) -> bool {
            let len = text.bytes().take_while(u8::is_ascii_digit).count();
            if !(min..=max).contains(&len) {
                return false;
            }
            *text = &text[len..];
            true
        }
        fn prefix(text: &mut &str, ch: char) -> bool {
            match text.strip_prefix(ch) {
                Some(rest) => {
                    *text = rest;
                    true
                }
                None => false,
            }
        }
        if !digits(&mut text, 4, 4)
            || !prefix(&mut text, '-')
            || !digits(&mut text, 1, 2)
            || !prefix(&mut text, '-')
            || !digits(&mut text, 1, 2)
        {
            return false;
        }
        if text.is_empty() {
            return true;
        }
        if let Some(rest) = text.strip_prefix(['T', 't']) {
            text = rest;
        } else {
            let rest = text.trim_start_matches([' ', '\t']);
            if rest.len() == text.len() {
                return false;
            }
            text = rest;
        }
        if !digits(&mut text, 1, 2)
            || !prefix(&mut text, ':')
            || !digits(&mut text, 1, 2)
            || !prefix(&mut text, ':')
            || !digits(&mut text, 1, 2)
        {
            return false;
        }
        if prefix(&mut text, '.') || prefix(&mut text, ',') {
            digits(&mut text, 0, usize::MAX);
        }
        text = text.trim_start_matches([' ', '\t']);
        if text.is_empty() || text == "Z" {
            return true;
        }
        if !(prefix(&mut text, '+') || prefix(&mut text, '-')) || !digits(&mut text, 1, 2) {
            return false;
        }
        if prefix(&mut text, ':') && !digits(&mut text, 2, 2) {
            return false;
        }
        text.is_empty()
    }
}
