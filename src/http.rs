//! The operator's HTTP endpoint (`telemetry.http_address`):
//! - `GET /healthz`: 200 while the process answers (liveness: restart it when this fails);
//! - `GET /readyz`: 200, or 503 with the reason while starting, draining or stalled (see [`Health`]);
//! - `GET /metrics`: every [`Stats`] counter, gauge and histogram in the Prometheus text format.
//!
//! The accept loop is our own, not `axum::serve`, for two limits that one lacks: a client must send
//! its request headers within [`Limits::header_timeout`], and at most [`Limits::max_connections`] are
//! served at once (more are closed at accept). Without them, a thousand half-sent requests were held
//! open indefinitely and, under a low file limit, starved `/healthz` — a liveness probe would then
//! restart a healthy daemon.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::sync::Semaphore;

use crate::health::{Backlog, Health};
use crate::telemetry::Stats;

/// What the source reports at scrape time: records in flight and lag per (topic, partition).
#[derive(Debug, Default, Clone)]
pub struct Probe {
    pub in_flight: usize,
    pub lag: BTreeMap<(String, i32), i64>,
}

impl Probe {
    pub fn backlog(&self) -> Backlog {
        Backlog {
            in_flight: self.in_flight,
            lag: (!self.lag.is_empty()).then(|| self.lag.values().sum()),
        }
    }
}

pub type ProbeFn = Arc<dyn Fn() -> Probe + Send + Sync>;

#[derive(Clone)]
struct Ops {
    stats: Arc<Stats>,
    health: Arc<Health>,
    probe: ProbeFn,
}

/// What one client may take of the endpoint.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Connections served at once; one more is accepted and closed at once (its file descriptor
    /// freed), rather than left waiting in the kernel's backlog behind slow clients.
    pub max_connections: usize,
    /// Time a client has to send a request's headers before its connection is closed.
    pub header_timeout: Duration,
    /// Longest life of one connection (a keep-alive scraper reconnects), so no client holds a slot
    /// for ever by trickling a body or idling.
    pub connection_timeout: Duration,
}

/// A bound endpoint; [`Endpoint::serve`] starts answering.
pub struct Endpoint {
    listener: tokio::net::TcpListener,
    limits: Limits,
}

impl Endpoint {
    /// Binds now, so a taken port is a start-up error rather than a silent gap in monitoring.
    pub async fn bind(address: &str, limits: Limits) -> std::io::Result<Endpoint> {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| std::io::Error::new(e.kind(), format!("http endpoint {address}: {e}")))?;
        Ok(Endpoint { listener, limits })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until the returned task is aborted (the daemon does that last, so `/readyz` reports
    /// draining during shutdown).
    pub fn serve(
        self,
        stats: Arc<Stats>,
        health: Arc<Health>,
        probe: ProbeFn,
    ) -> tokio::task::JoinHandle<()> {
        let app = Router::new()
            .route("/healthz", get(|| async { "ok\n" }))
            .route("/readyz", get(readyz))
            .route("/metrics", get(metrics))
            .with_state(Ops {
                stats,
                health,
                probe,
            });
        let limits = self.limits;
        let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
        let listener = self.listener;
        tokio::spawn(async move {
            loop {
                let stream = match listener.accept().await {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        // Out of file descriptors, most likely: wait for connections to close.
                        tracing::warn!(error = %e, "http endpoint: accept failed");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                };
                let Ok(slot) = slots.clone().try_acquire_owned() else {
                    tracing::debug!("http endpoint: connection limit reached; connection closed");
                    continue;
                };
                let service = TowerToHyperService::new(app.clone());
                tokio::spawn(async move {
                    let connection = hyper::server::conn::http1::Builder::new()
                        .timer(TokioTimer::new())
                        .header_read_timeout(limits.header_timeout)
                        .serve_connection(TokioIo::new(stream), service);
                    let _ = tokio::time::timeout(limits.connection_timeout, connection).await;
                    drop(slot);
                });
            }
        })
    }
}

async fn readyz(State(ops): State<Ops>) -> impl IntoResponse {
    match ops.health.readiness((ops.probe)().backlog()) {
        Ok(()) => (StatusCode::OK, "ready\n".to_string()),
        Err(why) => (StatusCode::SERVICE_UNAVAILABLE, format!("{why}\n")),
    }
}

async fn metrics(State(ops): State<Ops>) -> impl IntoResponse {
    let probe = (ops.probe)();
    ops.stats.set_source_gauges(probe.in_flight, &probe.lag);
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        ops.stats.render(),
    )
}
