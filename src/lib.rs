//! tidings: a Kafka daemon that enriches crawled news articles with their language, named entities and
//! numeric claims, one JSON record per article.
//!
//! # Layout
//! Read top-down, the way a record flows:
//! - [`config`]: every option, defaults ← TOML file ← `TIDINGS__*` env, validated at start.
//! - [`record`]: the one record type ([`record::Article`]) and the versioned output ([`record::Enriched`]).
//! - [`codec`]: bytes → validated article (or a typed reason to dead-letter it) → output bytes.
//! - [`stages`]: the enrichment steps behind one [`stages::Stage`] trait: [`stages::lang`] →
//!   [`stages::noise`] → [`stages::ner`] → [`stages::claims`], run in order by
//!   [`stages::Pipeline`]. Pure: no I/O, no async.
//! - [`worker`]: the CPU pool between two bounded channels (backpressure).
//! - [`offsets`]: per-partition contiguous watermarks, so commits never pass a hole.
//! - [`source`] → [`worker`] → [`sink`]: the one seam. A [`source::Source`] yields jobs and hands
//!   out the [`source::Acker`] its [`sink::Sink`] acknowledges finished records through; JSON Lines
//!   ([`source::FileSource`], [`sink::FileSink`]) and Kafka ([`kafka::KafkaSource`],
//!   [`kafka::KafkaSink`]) implement it.
//! - [`kafka`]: the only rdkafka code: clients, rebalance hooks, and delivery — at-least-once
//!   ([`kafka::deliver`]) or exactly-once in transactions ([`kafka::transact`]).
//! - [`app`]: [`app::run`] wires source → workers → sink and owns the shutdown order for both modes;
//!   [`app::run_kafka`] and [`app::run_files`] build their source/sink pair.
//! - [`demo`]: the pipeline on an in-process Kafka-protocol broker; [`eval`]: the scoring commands.
//! - [`telemetry`], [`health`], [`http`], [`shutdown`]: logs, metrics, readiness, the operator's
//!   HTTP endpoint (/healthz, /readyz, /metrics) and the signal future.
//! - [`resources`]: where the model, the ONNX Runtime library and the examples are found, wherever
//!   the binary runs; [`version`]: what this binary is (`--version`, `tidings_build_info`);
//!   [`report`]: evaluation reports as JSON; [`progress`]: file mode's progress bar on a terminal.
//!
//! # Where rdkafka may be imported
//! Only in [`kafka`]: the clients and rebalance hooks, [`kafka::KafkaSource`] / [`kafka::KafkaAcker`]
//! / [`kafka::KafkaSink`], delivery ([`kafka::deliver`], [`kafka::transact`]), property checks, and
//! the mock cluster of the demo and the tests ([`kafka::mock`]). Everything else — app, source,
//! sink, config, codec, stages, worker, telemetry, version, demo — goes through [`kafka`]'s types
//! ([`kafka::KafkaError`], [`kafka::ProducerFatal`]) and never names an rdkafka type.

pub mod app;
pub mod codec;
pub mod config;
pub mod demo;
pub mod eval;
pub mod health;
pub mod http;
pub mod kafka;
pub mod offsets;
pub mod progress;
pub mod record;
pub mod report;
pub mod resources;
pub mod shutdown;
pub mod sink;
pub mod source;
pub mod stages;
pub mod telemetry;
pub mod version;
pub mod worker;

pub use config::Config;
pub use record::{Article, Enriched};
pub use stages::{Pipeline, Stage};
