// Command etcd is a single-member etcd for meshctl's local test control plane.
//
// It embeds go.etcd.io/etcd/server/v3 at exactly the version k8s.io/kubernetes requires (see
// ../go.mod), so no separate etcd release has to be fetched. Loopback only, no TLS.
//
//	etcd --data-dir DIR --listen-client-url http://127.0.0.1:PORT --listen-peer-url http://127.0.0.1:PORT
package main

import (
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"go.etcd.io/etcd/server/v3/embed"
)

func mustURL(flagName, s string) url.URL {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		log.Fatalf("etcd: --%s %q is not a URL like http://127.0.0.1:2379", flagName, s)
	}
	return *u
}

func main() {
	dataDir := flag.String("data-dir", "", "data directory (required)")
	client := flag.String("listen-client-url", "http://127.0.0.1:2379", "client URL (also advertised)")
	peer := flag.String("listen-peer-url", "http://127.0.0.1:2380", "peer URL (also advertised)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn, error")
	fsync := flag.Bool("fsync", false, "fsync writes (off by default: test data is disposable)")
	flag.Parse()
	if *dataDir == "" {
		fmt.Fprintln(os.Stderr, "etcd: --data-dir is required")
		os.Exit(2)
	}

	cfg := embed.NewConfig()
	cfg.Name = "meshctl-testenv"
	cfg.Dir = *dataDir
	cfg.LogLevel = *logLevel
	cfg.ListenClientUrls = []url.URL{mustURL("listen-client-url", *client)}
	cfg.AdvertiseClientUrls = cfg.ListenClientUrls
	cfg.ListenPeerUrls = []url.URL{mustURL("listen-peer-url", *peer)}
	cfg.AdvertisePeerUrls = cfg.ListenPeerUrls
	cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)
	cfg.UnsafeNoFsync = !*fsync
	cfg.QuotaBackendBytes = 2 << 30

	e, err := embed.StartEtcd(cfg)
	if err != nil {
		log.Fatalf("etcd: start: %v", err)
	}
	select {
	case <-e.Server.ReadyNotify():
		log.Printf("etcd: ready, serving %s", *client)
	case <-time.After(60 * time.Second):
		e.Server.Stop()
		log.Fatalf("etcd: not ready after 60s")
	}

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	select {
	case s := <-sig:
		log.Printf("etcd: %v, shutting down", s)
	case err := <-e.Err():
		log.Fatalf("etcd: %v", err)
	}
	e.Close()
}
