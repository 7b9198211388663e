# The meshctl operator image: one static binary on a minimal base, run as a non-root user.
#
#   docker build -t ghcr.io/meshctl/meshctl:$(cargo pkgid | cut -d'#' -f2) .
#
# The tag `meshctl operator init` deploys by default is meshctl's own version, so an operator
# always runs the binary that deployed it.

# Builder: musl for a static binary. TLS is rustls with ring (no OpenSSL); ring's C and assembly
# parts need a C compiler for musl, which musl-tools provides as `musl-gcc`.
FROM docker.io/library/rust:1.95-bookworm AS builder
RUN apt-get update \
 && apt-get install -y --no-install-recommends musl-tools \
 && rm -rf /var/lib/apt/lists/* \
 && rustup target add x86_64-unknown-linux-musl
WORKDIR /src
# Only what the build reads (the profiles are embedded with include_str!; Cargo.toml names the
# bench target, so its file must exist).
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY profiles ./profiles
COPY benches ./benches
RUN cargo build --release --locked --target x86_64-unknown-linux-musl \
 && cp target/x86_64-unknown-linux-musl/release/meshctl /meshctl

# Runtime: no shell, no package manager; CA certificates and /etc/passwd for `nonroot` only.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder /meshctl /meshctl
# distroless's `nonroot` (65532), matching the Deployment's runAsUser.
USER 65532:65532
ENTRYPOINT ["/meshctl", "operator", "run"]
