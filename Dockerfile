# Builds tidings with its bundled librdkafka and ships the NER model and ONNX Runtime beside it.
FROM rust:1.88-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends cmake libcurl4-openssl-dev libssl-dev pkg-config python3-pip unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release --locked \
 && pip3 download --break-system-packages --no-deps --only-binary=:all: -d /tmp/whl onnxruntime==1.31.1 \
 && unzip -q -j /tmp/whl/onnxruntime-*.whl 'onnxruntime/capi/libonnxruntime.so.1.31.1' -d /tmp/ort

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libcurl4 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/release/tidings /usr/local/bin/tidings
COPY --from=build /tmp/ort/libonnxruntime.so.1.31.1 /opt/onnxruntime/libonnxruntime.so
COPY models /opt/tidings/models
COPY config /opt/tidings/config
COPY examples /opt/tidings/examples
WORKDIR /opt/tidings
ENTRYPOINT ["tidings"]
CMD ["run", "--config", "/opt/tidings/config/docker.toml"]
