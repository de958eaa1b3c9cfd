//! The operator's HTTP endpoint (`telemetry.http_address`):
//! - `GET /healthz`: 200 while the process answers (liveness: restart it when this fails);
//! - `GET /readyz`: 200, or 503 with the reason while starting, draining or stalled (see [`Health`]);
//! - `GET /metrics`: every [`Stats`] counter, gauge and histogram in the Prometheus text format.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

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

/// A bound endpoint; [`Endpoint::serve`] starts answering.
pub struct Endpoint {
    listener: tokio::net::TcpListener,
}

impl Endpoint {
    /// Binds now, so a taken port is a start-up error rather than a silent gap in monitoring.
    pub async fn bind(address: &str) -> std::io::Result<Endpoint> {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| std::io::Error::new(e.kind(), format!("http endpoint {address}: {e}")))?;
        Ok(Endpoint { listener })
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
        tokio::spawn(async move {
            if let Err(e) = axum::serve(self.listener, app).await {
                tracing::error!(error = %e, "http endpoint stopped");
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
