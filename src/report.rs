//! `tidings eval --format json`: the evaluation reports (text with Markdown tables, as written by
//! [`crate::eval`]) as one JSON document for scripts: each table an array of row objects keyed by
//! its header, numbers as numbers, and every other line kept in order as a note. Kept apart from the
//! scoring code, so a new row or table in a report appears in the JSON without a change here.

use serde_json::{json, Map, Value};

/// A cell as JSON: a number when the whole cell is one ("92.0", "375"), else the text.
fn cell(text: &str) -> Value {
    let t = text.trim();
    if let Ok(n) = t.parse::<i64>() {
        return json!(n);
    }
    match t.parse::<f64>() {
        Ok(n) if n.is_finite() => json!(n),
        _ => Value::String(t.to_string()),
    }
}

fn cells(line: &str) -> Vec<&str> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(str::trim).collect()
}

fn is_rule(line: &str) -> bool {
    cells(line)
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')))
}

/// `{"notes": [...], "tables": [{"title": <the note just before it>, "rows": [{col: value}]}]}`.
pub fn to_json(report: &str) -> Value {
    let lines: Vec<&str> = report.lines().collect();
    let mut notes = Vec::new();
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let starts_table = line.trim_start().starts_with('|')
            && lines.get(i + 1).is_some_and(|next| is_rule(next));
        if !starts_table {
            if !line.trim().is_empty() {
                notes.push(Value::String(line.trim().to_string()));
            }
            i += 1;
            continue;
        }
        let header = cells(line);
        let mut rows = Vec::new();
        i += 2;
        while i < lines.len() && lines[i].trim_start().starts_with('|') {
            let row: Map<String, Value> = header
                .iter()
                .zip(cells(lines[i]))
                .map(|(h, c)| (h.to_string(), cell(c)))
                .collect();
            rows.push(Value::Object(row));
            i += 1;
        }
        tables.push(json!({"title": notes.last().cloned().unwrap_or(Value::Null), "rows": rows}));
    }
    json!({"notes": notes, "tables": tables})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_become_rows_keyed_by_header_and_other_lines_notes() {
        let report = "file.json — 3 sentences\n| level | P | R | F1 |\n|---|---|---|---|\n\
                      | value | 90.0 | 80.5 | 85.0 |\n| unit | 1 | n/a | 2 |\n\nerrors:\n- one\n";
        let v = to_json(report);
        assert_eq!(
            v["notes"],
            json!(["file.json — 3 sentences", "errors:", "- one"])
        );
        assert_eq!(v["tables"][0]["title"], "file.json — 3 sentences");
        assert_eq!(
            v["tables"][0]["rows"],
            json!([
                {"level": "value", "P": 90.0, "R": 80.5, "F1": 85.0},
                {"level": "unit", "P": 1, "R": "n/a", "F1": 2}
            ])
        );
    }
}
