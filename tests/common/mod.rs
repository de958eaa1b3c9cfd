//! Helpers shared by the broker tests: the seed articles as crawler messages, one poison message of
//! every kind, a plain producer, and the id accounting over output ∪ dead-letter.
#![allow(dead_code)] // each test crate uses its own subset

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use rdkafka::config::ClientConfig;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::util::Timeout;
use serde_json::json;
use tidings::demo::Returned;

/// The five crawled seed articles as crawler messages, or None (with a note) without ../shared.
pub fn seed_messages() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "skipping: {} not found (seed articles live beside the repo)",
            dir.display()
        );
        return None;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Some(
        paths
            .iter()
            .map(|p| {
                let id = p.file_stem().unwrap().to_string_lossy().to_string();
                let text = std::fs::read_to_string(p).unwrap();
                (
                    id.clone(),
                    serde_json::to_vec(
                        &json!({"id": id, "url": format!("https://seed.test/{id}"), "text": text}),
                    )
                    .unwrap(),
                )
            })
            .collect(),
    )
}

/// One message of every bad kind the codec rejects, keyed by the expected dead-letter reason.
pub fn poison(max_bytes: usize) -> Vec<(String, Vec<u8>)> {
    vec![
        ("not_utf8".into(), b"\xff\xfe{\"text\":1}".to_vec()),
        (
            "not_json".into(),
            b"{\"id\": \"x\", \"text\": \"unterminated".to_vec(),
        ),
        ("not_object".into(), b"[\"a\", \"b\"]".to_vec()),
        (
            "no_text".into(),
            br#"{"id":"no-text","title":"headline only"}"#.to_vec(),
        ),
        (
            "too_large".into(),
            serde_json::to_vec(&json!({"id": "big", "text": "x".repeat(max_bytes)})).unwrap(),
        ),
    ]
}

pub async fn produce(brokers: &str, topic: &str, msgs: &[(String, Vec<u8>)]) {
    let p: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .unwrap();
    for (key, payload) in msgs {
        p.send(
            FutureRecord::to(topic).key(key).payload(payload),
            Timeout::After(Duration::from_secs(10)),
        )
        .await
        .unwrap();
    }
}

/// Output ids (from the record key) and dead-letter reasons (by input key).
pub fn account(records: &[Returned]) -> (BTreeMap<String, usize>, BTreeMap<String, String>) {
    let mut out = BTreeMap::new();
    let mut dlq = BTreeMap::new();
    for r in records {
        let key = r.key.clone().unwrap_or_default();
        if r.topic == "articles.enriched" {
            *out.entry(key).or_insert(0) += 1;
        } else {
            let kind = r
                .headers
                .iter()
                .find(|(k, _)| k == "tidings.error.kind")
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            dlq.insert(key, kind);
        }
    }
    (out, dlq)
}

pub fn topics() -> Vec<String> {
    vec!["articles.enriched".into(), "articles.dlq".into()]
}
