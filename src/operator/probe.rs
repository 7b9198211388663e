//! The operator's health endpoint, for the kubelet's probes: `GET /healthz` answers 200 while
//! the process serves requests at all (liveness), `GET /readyz` answers 200 once the controller
//! has reached the API server and found the `IstioOperator` CRD (readiness; a standby replica is
//! ready too — it is doing exactly what it should). Anything else is 404.
//!
//! Plain HTTP/1.1 on a socket, one short response per connection: two fixed answers do not
//! justify an HTTP framework in the binary.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Whether `/readyz` says ready; the controller sets it.
#[derive(Debug, Clone, Default)]
pub struct Readiness(Arc<AtomicBool>);

impl Readiness {
    pub fn set(&self, ready: bool) {
        self.0.store(ready, Ordering::SeqCst);
    }

    #[must_use]
    pub fn get(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Serves probes on `listener` until the task is dropped.
pub async fn serve(listener: TcpListener, readiness: Readiness) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let readiness = readiness.clone();
        tokio::spawn(async move {
            // A client that never sends its request line must not hold a task forever.
            let _ = tokio::time::timeout(Duration::from_secs(5), answer(stream, &readiness)).await;
        });
    }
}

async fn answer(mut stream: TcpStream, readiness: &Readiness) -> std::io::Result<()> {
    // The request line may arrive in more than one segment (a client that writes `GET `, the
    // path and the rest separately): read until its end, the buffer is full, or the peer stops.
    let mut buffer = [0u8; 1024];
    let mut read = 0;
    while read < buffer.len() && !buffer[..read].contains(&b'\n') {
        match stream.read(&mut buffer[read..]).await? {
            0 => break,
            more => read += more,
        }
    }
    let request = String::from_utf8_lossy(&buffer[..read]);
    let response = respond(request.lines().next().unwrap_or_default(), readiness.get());
    stream.write_all(response.as_bytes()).await?;
    stream.shutdown().await
}

/// The whole response for one request line.
fn respond(request_line: &str, ready: bool) -> String {
    let mut parts = request_line.split_whitespace();
    let (method, path) = (parts.next(), parts.next());
    let (status, body) = match (method, path) {
        (Some("GET"), Some("/healthz")) => ("200 OK", "ok"),
        (Some("GET"), Some("/readyz")) if ready => ("200 OK", "ok"),
        (Some("GET"), Some("/readyz")) => ("503 Service Unavailable", "not ready"),
        _ => ("404 Not Found", "not found"),
    };
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_liveness_readiness_and_nothing_else() {
        assert!(respond("GET /healthz HTTP/1.1", false).starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(respond("GET /readyz HTTP/1.1", true).starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(respond("GET /readyz HTTP/1.1", false).starts_with("HTTP/1.1 503 "));
        assert!(respond("GET /metrics HTTP/1.1", true).starts_with("HTTP/1.1 404 "));
        assert!(respond("POST /healthz HTTP/1.1", true).starts_with("HTTP/1.1 404 "));
        assert!(respond("", true).starts_with("HTTP/1.1 404 "));
        let ok = respond("GET /healthz HTTP/1.1", true);
        assert!(
            ok.ends_with("\r\n\r\nok") && ok.contains("Content-Length: 2\r\n"),
            "{ok}"
        );
    }

    /// A request line written in pieces (as `write!` on an unbuffered stream does) is read whole:
    /// reading only the first piece answered `GET ` with 404 (a flaky cluster test).
    #[tokio::test]
    async fn a_request_line_in_pieces_is_read_whole() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let address = listener.local_addr().expect("address");
        let server = tokio::spawn(serve(listener, Readiness::default()));
        let mut stream = TcpStream::connect(address).await.expect("connect");
        for piece in ["GET ", "/healthz", " HTTP/1.1\r\nHost: x\r\n\r\n"] {
            stream.write_all(piece.as_bytes()).await.expect("write");
            stream.flush().await.expect("flush");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let mut response = String::new();
        stream.read_to_string(&mut response).await.expect("read");
        assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
        server.abort();
    }

    #[tokio::test]
    async fn serves_over_a_socket() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let address = listener.local_addr().expect("address");
        let readiness = Readiness::default();
        let server = tokio::spawn(serve(listener, readiness.clone()));
        let get = |path: &'static str| async move {
            let mut stream = TcpStream::connect(address).await.expect("connect");
            stream
                .write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
                .await
                .expect("write");
            let mut response = String::new();
            stream.read_to_string(&mut response).await.expect("read");
            response
        };
        assert!(get("/readyz").await.starts_with("HTTP/1.1 503 "));
        readiness.set(true);
        assert!(get("/readyz").await.starts_with("HTTP/1.1 200 "));
        assert!(get("/healthz").await.starts_with("HTTP/1.1 200 "));
        server.abort();
    }
}
