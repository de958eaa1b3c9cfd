# Builds tidings with its bundled librdkafka and ships the NER model and ONNX Runtime beside it, in
# the install layout the binary looks in (`<exe>/../share/tidings`, `<exe>/../lib/tidings`), so no
# path has to be configured. Build: docker build --build-arg TIDINGS_GIT_COMMIT=$(git rev-parse --short=12 HEAD) .
FROM rust:1.88-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends cmake libcurl4-openssl-dev libssl-dev pkg-config python3-pip unzip && rm -rf /var/lib/apt/lists/*
# ONNX Runtime's library from its PyPI wheel, in a layer of its own (it never changes with the code).
RUN pip3 download --break-system-packages --no-deps --only-binary=:all: -d /tmp/whl onnxruntime==1.31.1 \
 && unzip -q -j /tmp/whl/onnxruntime-*.whl 'onnxruntime/capi/libonnxruntime.so.1.31.1' -d /tmp/ort \
 && rm -rf /tmp/whl
WORKDIR /src
# Dependencies (librdkafka, ONNX bindings, lingua's models…: most of the build time) in a layer that
# is rebuilt only when Cargo.toml or Cargo.lock change: build them against empty sources first.
COPY Cargo.toml Cargo.lock build.rs ./
RUN mkdir -p src benches \
 && echo 'fn main() {}' > src/main.rs && touch src/lib.rs && echo 'fn main() {}' > benches/throughput.rs \
 && cargo build --release --locked \
 && rm -rf src benches target/release/deps/*tidings* target/release/.fingerprint/tidings-*
COPY src src
COPY benches benches
# The context has no .git: the commit for `tidings --version` comes in as a build argument.
ARG TIDINGS_GIT_COMMIT=unknown
ENV TIDINGS_GIT_COMMIT=${TIDINGS_GIT_COMMIT}
RUN cargo build --release --locked --bin tidings

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libcurl4 libssl3 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/tidings --create-home --shell /usr/sbin/nologin tidings
COPY --from=build /src/target/release/tidings /usr/local/bin/tidings
COPY --from=build /tmp/ort/libonnxruntime.so.1.31.1 /usr/local/lib/tidings/libonnxruntime.so
COPY models /usr/local/share/tidings/models
COPY examples /usr/local/share/tidings/examples
COPY config /etc/tidings
# Not root: the daemon needs no privilege, only its working directory (file mode's dead letters).
USER tidings
WORKDIR /var/lib/tidings
# /healthz /readyz /metrics (telemetry.http_address in /etc/tidings/docker.toml).
EXPOSE 9464
# Ready = assigned partitions, broker reachable, deliveries moving. The image has no curl; bash's
# /dev/tcp is enough to ask /readyz. The start period covers loading the model and joining the group.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9464 && printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["tidings"]
CMD ["run", "--config", "/etc/tidings/docker.toml"]
