# The meshctl operator image, for those with a Docker engine: one static binary, run as a non-root
# user, on nothing else.
#
#   docker build -t REGISTRY/meshctl:$(cargo pkgid | cut -d'#' -f2) .
#
# Without Docker, `scripts/build-image` builds the same image (same binary build, same files,
# same user and entrypoint) as an OCI archive and can push it with skopeo. The tag `meshctl
# operator init` deploys by default is meshctl's own version, so an operator always runs the
# binary that deployed it.
#
# Why `scratch` and not a distroless base: the binary is static and needs no libc, shell or CA
# bundle (the operator trusts the cluster's CA from its service-account token), so a base image
# would add only a second registry to pull from. The few files a non-root process expects
# (/etc/passwd with user 65532, its home, /tmp) are written in the builder, as
# scripts/build-image writes them.

# Builder: musl for a static binary. TLS is rustls with ring (no OpenSSL); ring's C and assembly
# parts need a C compiler for musl, which musl-tools provides as `musl-gcc`.
FROM docker.io/library/rust:1.95-bookworm AS builder
RUN apt-get update \
 && apt-get install -y --no-install-recommends musl-tools \
 && rm -rf /var/lib/apt/lists/* \
 && rustup target add x86_64-unknown-linux-musl
ENV CC_x86_64_unknown_linux_musl=musl-gcc
WORKDIR /src
# Only what the build reads (the profiles are embedded with include_str!; Cargo.toml names the
# bench target, so its file must exist).
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY profiles ./profiles
COPY benches ./benches
RUN cargo build --release --locked --target x86_64-unknown-linux-musl --bin meshctl \
 && mkdir -p /rootfs/etc /rootfs/home/nonroot /rootfs/tmp \
 && cp target/x86_64-unknown-linux-musl/release/meshctl /rootfs/meshctl \
 && printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >/rootfs/etc/passwd \
 && printf 'root:x:0:\nnonroot:x:65532:\n' >/rootfs/etc/group \
 && chown 65532:65532 /rootfs/home/nonroot && chmod 700 /rootfs/home/nonroot && chmod 1777 /rootfs/tmp

FROM scratch
COPY --from=builder /rootfs /
# `nonroot` (65532), matching the Deployment's runAsUser.
USER 65532:65532
ENTRYPOINT ["/meshctl", "operator", "run"]
