//! `tidings demo`: the real daemon against a real Kafka-protocol broker, with nothing to install.
//!
//! Starts librdkafka's in-process mock cluster (real TCP on loopback), creates the topics, produces the
//! sample articles plus one poison message, runs [`crate::app::run_kafka`] on it, reads the output and
//! dead-letter topics back until every input is accounted for, then shuts the daemon down cleanly.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use crate::kafka::mock::{read_back, Returned};

use crate::app::{self, AppError, Summary};
use crate::config::Config;
use crate::kafka::mock::{self, MockBroker};
use crate::stages::Pipeline;

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    // Sources are not repeated in the messages: `{:#}` prints the chain once.
    #[error("kafka")]
    Kafka(#[from] crate::kafka::KafkaError),
    #[error("cannot read sample articles {path}")]
    Articles {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    App(#[from] AppError),
    #[error("timed out: {got} of {want} records came back within {secs} s")]
    Timeout { got: usize, want: usize, secs: u64 },
}

pub struct DemoReport {
    pub summary: Summary,
    pub records: Vec<Returned>,
    pub elapsed: Duration,
}

/// A message the demo adds so the dead-letter path is visible too.
pub const POISON: &[u8] = b"{\"id\": \"broken-1\", \"title\": \"truncated by the crawler";

pub async fn run(
    mut config: Config,
    pipeline: Arc<Pipeline>,
    articles: &Path,
) -> Result<DemoReport, DemoError> {
    let lines: Vec<String> = std::fs::read_to_string(articles)
        .map_err(|source| DemoError::Articles {
            path: articles.display().to_string(),
            source,
        })?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let k = &config.kafka;
    let cluster = MockBroker::start(&[
        (k.input_topic.as_str(), 3),
        (k.output_topic.as_str(), 1),
        (k.dead_letter_topic.as_str(), 1),
    ])?;
    config.kafka.brokers = cluster.bootstrap_servers();
    // A few seconds' run: no endpoint to scrape, and no clash with a daemon on the same host.
    config.telemetry.http_address = String::new();
    let k = &config.kafka;
    let mut records: Vec<(String, &[u8])> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| (format!("sample-{i}"), line.as_bytes()))
        .collect();
    records.push(("poison".into(), POISON));
    mock::produce(&k.brokers, &k.input_topic, &records).await?;
    let want = lines.len() + 1;

    let started = Instant::now();
    let (done_tx, done_rx) = tokio::sync::oneshot::channel::<()>();
    let reader_brokers = k.brokers.clone();
    let topics = [k.output_topic.clone(), k.dead_letter_topic.clone()];
    let reader = async move {
        let r = read_back(&reader_brokers, &topics, want, Duration::from_secs(180)).await;
        let _ = done_tx.send(());
        match r {
            Ok(got) if got.len() < want => Err(DemoError::Timeout {
                got: got.len(),
                want,
                secs: 180,
            }),
            other => other.map_err(DemoError::from),
        }
    };
    let daemon = app::run_kafka(&config, pipeline, async {
        let _ = done_rx.await;
    });
    let (summary, records) = tokio::join!(daemon, reader);
    Ok(DemoReport {
        summary: summary?,
        records: records?,
        elapsed: started.elapsed(),
    })
}
