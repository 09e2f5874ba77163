# syntax=docker/dockerfile:1

# dvcbot: one static binary (migrations, unit lists, locales and guides are
# embedded) on a distroless base with CA certificates and time zones.
#
#   docker build -t dvcbot .
#   docker run --stop-timeout 35 -e TELEGRAM_BOT_TOKEN=… -e DATABASE_URL=… -p 127.0.0.1:8080:8080 dvcbot
#
# On SIGTERM the bot finishes the updates in flight for up to 25 s: give it
# longer than Docker's default 10 s (--stop-timeout; stop_grace_period in
# docker-compose.yml), or it is killed midway and its replies wait for the
# next start.
#
# Build on the builder's own platform and cross-compile, so multi-arch builds
# (docker buildx --platform linux/amd64,linux/arm64) need no emulation.
FROM --platform=$BUILDPLATFORM golang:1.26-bookworm AS build
WORKDIR /src

# Modules first: this layer is reused until go.mod or go.sum change.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download && go mod verify

COPY . .
ARG TARGETOS
ARG TARGETARCH
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=${TARGETOS:-linux} GOARCH=${TARGETARCH} \
    go build -trimpath -ldflags="-s -w" -o /out/dvcbot .

# static-debian12 has ca-certificates, tzdata and /etc/passwd, and no shell.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/dvcbot /dvcbot
# nonroot (65532): the bot needs no privileges and writes no files but a big
# spreadsheet's temporary ones (excelize, over 16 MB of rows) in /tmp, which
# the base keeps writable: a read-only container needs a tmpfs there.
USER 65532:65532
ENV HTTP_ADDR=:8080
EXPOSE 8080
# No curl in distroless: the binary asks its own /healthz on HTTP_ADDR.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/dvcbot", "healthcheck"]
ENTRYPOINT ["/dvcbot"]
