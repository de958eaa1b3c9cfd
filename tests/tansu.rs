//! End to end on a separate broker process: the `tidings` binary as users run it (`tidings run`, config
//! from environment variables, all stages including the shipped NER model) against `tansu`, an
//! Apache-2.0 Kafka-compatible broker, on loopback.
//!
//! The broker binary comes from `scripts/setup --test` (`.cache/tansu/tansu`, or `$TIDINGS_TANSU`).
//! Without it the tests skip with a note, except under CI, where a missing broker is a failure.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use common::{
    account, copies, metric, poison, produce, read_until, seed_messages, topics, Daemon, Tansu,
};
use tidings::demo::read_back;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seeds_and_poison_through_the_binary_on_tansu() {
    let Some(seeds) = seed_messages() else { return };
    let Some(broker) = Tansu::with_topics(3).await else {
        return;
    };
    let bad = poison(65536);
    produce(&broker.addr, "articles", &seeds).await;
    produce(&broker.addr, "articles", &bad).await;

    let mut daemon = Daemon::start(&broker.addr, "e2e", &[]);
    let records = read_until(
        &broker.addr,
        seeds.len() + bad.len(),
        Duration::from_secs(120),
    )
    .await;
    // The operator's view agrees with the topics: counters by reason, stage latencies, liveness.
    let m = daemon.metrics();
    assert_eq!(
        metric(&m, "tidings_produced_total"),
        Some(seeds.len() as f64),
        "{m}"
    );
    for (kind, _) in &bad {
        let series = format!("tidings_dead_lettered_total{{reason=\"{kind}\"}}");
        assert_eq!(metric(&m, &series), Some(1.0), "{series} in\n{m}");
    }
    assert!(
        metric(&m, "tidings_stage_duration_seconds_count{stage=\"ner\"}")
            .is_some_and(|n| n >= seeds.len() as f64),
        "{m}"
    );
    assert_eq!(daemon.get("/healthz").unwrap().0, 200);
    let status = daemon.stop();
    assert!(status.success(), "tidings exited with {status}");

    let (out, dlq) = account(&records);
    let seed_ids: BTreeSet<String> = seeds.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(out.keys().cloned().collect::<BTreeSet<_>>(), seed_ids);
    assert!(out.values().all(|&n| n == 1), "duplicates: {out:?}");
    for (kind, _) in &bad {
        assert_eq!(dlq.get(kind), Some(kind), "dead letters: {dlq:?}");
    }
    let mut claims = 0;
    for r in records.iter().filter(|r| r.topic == "articles.enriched") {
        let v: serde_json::Value = serde_json::from_slice(&r.payload).unwrap();
        assert_eq!(v["schema"], "tidings.enriched/v1");
        assert_eq!(v["language"]["code"], "en");
        let entities = v["entities"].as_array().expect("NER ran");
        assert!(!entities.is_empty(), "no entities in {}", v["id"]);
        claims += v["claims"].as_array().expect("claims stage ran").len();
    }
    assert!(
        claims >= 20,
        "the seeds hold dozens of figures, found {claims}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_mid_stream_loses_nothing_and_restart_resumes() {
    let Some(seeds) = seed_messages() else { return };
    let Some(broker) = Tansu::with_topics(3).await else {
        return;
    };
    // Enough articles that the stream outlasts the moment SIGTERM arrives.
    let msgs = copies(&seeds, 40);
    produce(&broker.addr, "articles", &msgs).await;
    let slow = [
        ("TIDINGS__WORKERS__COUNT", "1"),
        ("TIDINGS__WORKERS__QUEUE", "4"),
        // Backlog reports every second, so one comes while the stream still runs.
        ("TIDINGS__TELEMETRY__STATS_INTERVAL_SECS", "1"),
    ];

    let mut first = Daemon::start(&broker.addr, "sigterm", &slow);
    let seen = read_until(&broker.addr, 20, Duration::from_secs(120)).await;
    // The stop waits for a stats line that reports the backlog: on a fast box the first 20 records
    // can be out before librdkafka's first statistics report after the group join, and
    // a stop at that moment left no line with a lag (a CI run failed so).
    let reported_lag = |v: &serde_json::Value| {
        v["message"] == "stats" && v["consumer_lag"].as_i64().is_some_and(|l| l > 0)
    };
    first.wait_log(Duration::from_secs(60), reported_lag);
    let status = first.stop();
    assert!(status.success(), "SIGTERM must exit 0, got {status}");
    let after_first = read_back(&broker.addr, &topics(), usize::MAX, Duration::from_secs(5))
        .await
        .unwrap();
    let done_first = account(&after_first).0.len();
    assert!(
        done_first >= account(&seen).0.len() && done_first < msgs.len(),
        "the first run should stop mid-stream: {done_first} of {}",
        msgs.len()
    );

    // The operator's view: stats lines report the backlog while the slowed first run works through it.
    let max_lag = first
        .log_json()
        .into_iter()
        .filter(reported_lag)
        .filter_map(|v| v["consumer_lag"].as_i64())
        .max();
    assert!(
        max_lag.is_some_and(|l| l > 0),
        "no stats line reported consumer lag: {max_lag:?}"
    );

    let mut second = Daemon::start(&broker.addr, "sigterm", &[]);
    let records = read_until(&broker.addr, msgs.len(), Duration::from_secs(240)).await;
    assert!(second.stop().success());

    let (out, dlq) = account(&records);
    assert!(dlq.is_empty(), "good articles dead-lettered: {dlq:?}");
    let ids: BTreeSet<String> = msgs.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(out.keys().cloned().collect::<BTreeSet<_>>(), ids);
    // A clean shutdown commits what it delivered, so the restart re-does nothing.
    let duplicates: usize = out.values().map(|n| n - 1).sum();
    eprintln!(
        "sigterm: first run delivered {done_first} of {} (max reported lag {max_lag:?}), \
         duplicates after restart {duplicates}",
        msgs.len()
    );
    assert_eq!(duplicates, 0, "SIGTERM lost its commits: {out:?}");
}
