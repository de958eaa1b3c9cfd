//! Soak: the `tidings` binary (all stages, shipped NER model) under a steady input rate with periodic
//! faults — kill -9 and restart, the broker down for 5 s, SIGTERM and restart — on librdkafka's mock
//! cluster (loopback TCP; it can take its broker down). Reports throughput, end-to-end latency
//! percentiles, RSS over time and the final id accounting.
//!
//! `cargo test` runs a short version (20 s). `scripts/soak [SECONDS] [RATE]` runs the long one in
//! release mode: `TIDINGS_SOAK_SECS` (≤ 600) and `TIDINGS_SOAK_RATE` (articles/s, default 5).

mod common;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{account, read_until, seed_messages, Daemon};
use rdkafka::config::ClientConfig;
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::util::Timeout;
use serde_json::json;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

#[derive(Debug, Clone, Copy)]
enum Fault {
    Kill9,
    BrokerDown,
    Sigterm,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn soak_at_a_fixed_rate_with_periodic_faults() {
    let Some(seeds) = seed_messages() else { return };
    let secs = env_u64("TIDINGS_SOAK_SECS", 20).min(600);
    let rate = env_u64("TIDINGS_SOAK_RATE", 5).max(1);
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("articles", 3, 1).unwrap();
    cluster.create_topic("articles.enriched", 1, 1).unwrap();
    cluster.create_topic("articles.dlq", 1, 1).unwrap();
    let brokers = cluster.bootstrap_servers();

    // The crawler: `rate` articles a second (seed texts, fresh ids), send times kept for latency.
    let sent: Arc<Mutex<BTreeMap<String, i64>>> = Arc::default();
    let running = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let crawler = {
        let (brokers, sent, running, seeds) = (
            brokers.clone(),
            sent.clone(),
            running.clone(),
            seeds.clone(),
        );
        tokio::spawn(async move {
            let p: FutureProducer = ClientConfig::new()
                .set("bootstrap.servers", &brokers)
                .create()
                .unwrap();
            let mut tick = tokio::time::interval(Duration::from_micros(1_000_000 / rate));
            let mut n = 0usize;
            while running.load(std::sync::atomic::Ordering::Relaxed) {
                tick.tick().await;
                let (seed_id, payload) = &seeds[n % seeds.len()];
                let id = format!("soak-{n:06}-{seed_id}");
                let mut v: serde_json::Value = serde_json::from_slice(payload).unwrap();
                v["id"] = json!(id);
                let bytes = serde_json::to_vec(&v).unwrap();
                sent.lock().unwrap().insert(id.clone(), now_ms());
                // Retried by librdkafka across the broker outage (its own message timeout is 300 s).
                p.send(
                    FutureRecord::to("articles").key(&id).payload(&bytes),
                    Timeout::After(Duration::from_secs(60)),
                )
                .await
                .unwrap();
                n += 1;
            }
        })
    };

    let env = [("TIDINGS__KAFKA__SESSION_TIMEOUT_MS", "10000")];
    let mut daemon = Daemon::start(&brokers, "soak", &env);
    let started = Instant::now();
    let soak_start_ms = now_ms();
    let every = (secs / 4).max(5);
    let plan = [Fault::Kill9, Fault::BrokerDown, Fault::Sigterm];
    let mut faults: Vec<(u64, Fault)> = Vec::new();
    let mut rss: Vec<(u64, u64)> = Vec::new();
    let mut peak_kib = 0u64;
    let mut next_fault = every;
    while started.elapsed() < Duration::from_secs(secs) {
        std::thread::sleep(Duration::from_secs(1));
        let t = started.elapsed().as_secs();
        if let Some((now, peak)) = daemon.rss_kib() {
            rss.push((t, now));
            peak_kib = peak_kib.max(peak);
        }
        if t >= next_fault && t + 3 < secs {
            let fault = plan[faults.len() % plan.len()];
            faults.push((t, fault));
            next_fault += every;
            match fault {
                Fault::Kill9 => {
                    daemon.kill9();
                    daemon = Daemon::start(&brokers, "soak", &env);
                }
                Fault::BrokerDown => {
                    cluster.broker_down(1).unwrap();
                    std::thread::sleep(Duration::from_secs(5));
                    cluster.broker_up(1).unwrap();
                }
                Fault::Sigterm => {
                    assert!(daemon.stop().success(), "SIGTERM must exit 0");
                    daemon = Daemon::start(&brokers, "soak", &env);
                }
            }
        }
    }
    running.store(false, std::sync::atomic::Ordering::Relaxed);
    crawler.await.unwrap();
    let produced_in = sent.lock().unwrap().len();
    let records = read_until(&brokers, produced_in, Duration::from_secs(180)).await;
    let drained = started.elapsed();
    assert!(daemon.alive(), "tidings died:\n{}", daemon.log_tail(20));
    assert!(daemon.stop().success());

    let (out, dlq) = account(&records);
    let sent = sent.lock().unwrap();
    let lost: Vec<&String> = sent.keys().filter(|id| !out.contains_key(*id)).collect();
    let duplicated: usize = out.values().map(|n| n - 1).sum();
    let mut latency = hdrhistogram::Histogram::<u64>::new(3).unwrap();
    // Articles sent before the first fault show the steady state; the rest include recoveries.
    let mut steady = hdrhistogram::Histogram::<u64>::new(3).unwrap();
    let first_fault_ms = soak_start_ms
        + faults
            .first()
            .map_or(i64::MAX / 2, |(t, _)| *t as i64 * 1000);
    let mut first_seen: BTreeMap<&str, i64> = BTreeMap::new();
    for r in records.iter().filter(|r| r.topic == "articles.enriched") {
        if let (Some(k), Some(ts)) = (r.key.as_deref(), r.timestamp_ms) {
            let e = first_seen.entry(k).or_insert(ts);
            *e = (*e).min(ts);
        }
    }
    for (id, ts) in &first_seen {
        if let Some(t0) = sent.get(*id) {
            let _ = latency.record((ts - t0).max(0) as u64);
            if *t0 < first_fault_ms {
                let _ = steady.record((ts - t0).max(0) as u64);
            }
        }
    }
    let timeline: Vec<String> = rss
        .iter()
        .step_by((rss.len() / 10).max(1))
        .map(|(t, kib)| format!("{t}s:{:.0}MiB", *kib as f64 / 1024.0))
        .collect();
    eprintln!(
        "soak {secs} s at {rate}/s with faults {faults:?}:\n  in {produced_in}, out {} distinct, dlq {}, \
         duplicated {duplicated}, lost {}\n  throughput {:.1} articles/s (all delivered after {:.0} s)\n  \
         latency ms p50 {} p99 {} max {} (before the first fault: p50 {} p99 {})\n  RSS {} (peak {:.0} MiB)",
        out.len(),
        dlq.len(),
        lost.len(),
        out.len() as f64 / drained.as_secs_f64(),
        drained.as_secs_f64(),
        latency.value_at_quantile(0.5),
        latency.value_at_quantile(0.99),
        latency.max(),
        steady.value_at_quantile(0.5),
        steady.value_at_quantile(0.99),
        timeline.join(" "),
        peak_kib as f64 / 1024.0
    );
    assert!(
        lost.is_empty(),
        "lost {} ids, e.g. {:?}",
        lost.len(),
        &lost[..lost.len().min(5)]
    );
    assert!(dlq.is_empty(), "good articles dead-lettered: {dlq:?}");
    if !faults
        .iter()
        .any(|(_, f)| matches!(f, Fault::Kill9 | Fault::BrokerDown))
    {
        assert_eq!(
            duplicated, 0,
            "only a crash or an outage may cause redelivery"
        );
    }
}
