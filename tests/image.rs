//! The operator image `scripts/build-image` writes, checked as a container runtime and a registry
//! would see it: the OCI archive unpacked, its config's user and entrypoint, its entrypoint run
//! from the unpacked root filesystem (chrooted, as user 65532, so nothing of the host is used),
//! then pushed with skopeo to a local registry (Debian's `docker-registry`, on 127.0.0.1 only) and
//! read back by digest, and `operator init --hub/--tag` pointed at it.
//!
//! Needs the archive and the tools, so it is ignored unless asked for:
//! `MESHCTL_TEST_IMAGE=$(scripts/build-image) cargo test --test image -- --include-ignored`
//! (root for chroot; skopeo and docker-registry on PATH). Asked for without the archive, it fails
//! and says why.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn run(program: &str, arguments: &[&str]) -> Output {
    let output = Command::new(program)
        .args(arguments)
        .output()
        .unwrap_or_else(|error| panic!("{program} runs: {error}"));
    eprintln!(
        "{program} {} -> {:?}\n{}",
        arguments.join(" "),
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn succeeds(program: &str, arguments: &[&str]) -> String {
    let output = run(program, arguments);
    assert!(
        output.status.success(),
        "{program} {arguments:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read")).expect("JSON")
}

fn blob(layout: &Path, digest: &str) -> PathBuf {
    let hex = digest.strip_prefix("sha256:").expect("a sha256 digest");
    layout.join("blobs/sha256").join(hex)
}

/// Debian's `docker-registry` on a free port of 127.0.0.1, storing in a temporary directory;
/// stopped when dropped.
struct Registry {
    child: Child,
    address: String,
}

impl Registry {
    fn start(directory: &Path) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .expect("a free port")
            .local_addr()
            .expect("address")
            .port();
        let address = format!("127.0.0.1:{port}");
        let config = directory.join("registry.yml");
        std::fs::write(
            &config,
            format!(
                "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {}\n\
                 http:\n  addr: {address}\n",
                directory.join("storage").display()
            ),
        )
        .expect("write registry config");
        let child = Command::new("docker-registry")
            .arg("serve")
            .arg(&config)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("docker-registry starts (Debian package `docker-registry`)");
        let started = Instant::now();
        while std::net::TcpStream::connect(&address).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the registry did not listen on {address}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Self { child, address }
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
#[ignore = "needs the image: MESHCTL_TEST_IMAGE=$(scripts/build-image)"]
fn the_image_runs_as_nonroot_from_its_own_filesystem_and_pushes_to_a_registry() {
    let archive = std::env::var_os("MESHCTL_TEST_IMAGE").map_or_else(
        || {
            panic!(
                "MESHCTL_TEST_IMAGE is not set: build the image with `scripts/build-image` \
                 (it prints the archive's path) and set MESHCTL_TEST_IMAGE to it"
            )
        },
        PathBuf::from,
    );
    let archive = archive.to_string_lossy().into_owned();
    let directory = tempfile::tempdir().expect("temporary directory");
    let layout = directory.path().join("layout");
    let rootfs = directory.path().join("rootfs");
    std::fs::create_dir_all(&layout).expect("mkdir");
    std::fs::create_dir_all(&rootfs).expect("mkdir");
    succeeds("tar", &["-xf", &archive, "-C", &layout.to_string_lossy()]);

    // index → manifest → config, as a runtime resolves them.
    assert_eq!(
        read_json(&layout.join("oci-layout"))["imageLayoutVersion"],
        "1.0.0"
    );
    let index = read_json(&layout.join("index.json"));
    let entry = &index["manifests"][0];
    let tag = entry["annotations"]["org.opencontainers.image.ref.name"]
        .as_str()
        .expect("a tag")
        .to_string();
    let manifest_digest = entry["digest"].as_str().expect("digest").to_string();
    let manifest = read_json(&blob(&layout, &manifest_digest));
    let config = read_json(&blob(
        &layout,
        manifest["config"]["digest"]
            .as_str()
            .expect("config digest"),
    ));
    assert_eq!(config["config"]["User"], "65532:65532");
    assert_eq!(
        config["config"]["Entrypoint"],
        serde_json::json!(["/meshctl", "operator", "run"])
    );
    assert_eq!(config["os"], "linux");
    let layers = manifest["layers"].as_array().expect("layers");
    assert_eq!(layers.len(), 1, "one layer, no base image");
    let layer = blob(&layout, layers[0]["digest"].as_str().expect("layer digest"));
    succeeds(
        "tar",
        &[
            "-xzf",
            &layer.to_string_lossy(),
            "-C",
            &rootfs.to_string_lossy(),
        ],
    );
    let passwd = std::fs::read_to_string(rootfs.join("etc/passwd")).expect("/etc/passwd");
    assert!(passwd.contains(":65532:65532:"), "{passwd}");

    // The entrypoint, run from the image's own filesystem as its user: a static binary that
    // needs nothing of the host.
    let root = rootfs.to_string_lossy();
    let help = succeeds(
        "chroot",
        &[
            "--userspec=65532:65532",
            &root,
            "/meshctl",
            "operator",
            "run",
            "--help",
        ],
    );
    assert!(help.contains("--watchedNamespaces"), "{help}");
    let version = succeeds(
        "chroot",
        &["--userspec=65532:65532", &root, "/meshctl", "version"],
    );
    assert!(version.contains(&tag), "{version}");

    // Pushed to a registry and read back by digest.
    let registry = Registry::start(directory.path());
    let reference = format!("{}/meshctl:{tag}", registry.address);
    succeeds(
        "skopeo",
        &[
            "copy",
            "--quiet",
            "--dest-tls-verify=false",
            &format!("oci-archive:{archive}:{tag}"),
            &format!("docker://{reference}"),
        ],
    );
    let inspected: Value = serde_json::from_str(&succeeds(
        "skopeo",
        &[
            "inspect",
            "--tls-verify=false",
            &format!("docker://{reference}"),
        ],
    ))
    .expect("inspect JSON");
    assert_eq!(inspected["Digest"], manifest_digest.as_str());
    let pushed_config: Value = serde_json::from_str(&succeeds(
        "skopeo",
        &[
            "inspect",
            "--config",
            "--tls-verify=false",
            &format!("docker://{reference}"),
        ],
    ))
    .expect("config JSON");
    assert_eq!(pushed_config["config"]["User"], "65532:65532");

    // `operator init --hub/--tag` deploys exactly that reference.
    let dump = succeeds(
        env!("CARGO_BIN_EXE_meshctl"),
        &[
            "operator",
            "dump",
            "--hub",
            &registry.address,
            "--tag",
            &tag,
        ],
    );
    assert!(dump.contains(&format!("image: {reference}\n")), "{dump}");
}

/// The Dockerfile and `scripts/build-image` describe one image: the same static build, the same
/// user and files, the same entrypoint. A change to one that the other misses fails here.
#[test]
fn the_dockerfile_and_the_script_build_the_same_image() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dockerfile = std::fs::read_to_string(root.join("Dockerfile")).expect("Dockerfile");
    let script = std::fs::read_to_string(root.join("scripts/build-image")).expect("script");
    for both in [
        "--release",
        "--locked",
        "x86_64-unknown-linux-musl",
        "musl-gcc",
        "root:x:0:0:root:/root:/sbin/nologin\\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\\n",
        "root:x:0:\\nnonroot:x:65532:\\n",
    ] {
        assert!(dockerfile.contains(both), "Dockerfile lacks {both:?}");
        assert!(script.contains(both), "scripts/build-image lacks {both:?}");
    }
    assert!(dockerfile.contains("USER 65532:65532"));
    assert!(script.contains("USER = 65532"));
    assert!(dockerfile.contains(r#"ENTRYPOINT ["/meshctl", "operator", "run"]"#));
    assert!(script.contains(r#""Entrypoint": ["/meshctl", "operator", "run"]"#));
    // The Deployment overrides the entrypoint with `/meshctl`: the binary must be there.
    assert!(dockerfile.contains("/rootfs/meshctl"));
    assert!(script.contains(r#"entry("meshctl", tarfile.REGTYPE"#));
}
