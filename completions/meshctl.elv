
use builtin;
use str;

set edit:completion:arg-completer[meshctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'meshctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'meshctl'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand manifest 'Render manifests offline'
            cand profile 'Show, dump and compare the built-in profiles'
            cand diff 'Show what an install would change in the cluster, including what it would prune (exit 0: no change, 1: changes, 2: error)'
            cand install 'Install or upgrade Istio: show the plan, confirm, apply in dependency order, wait until ready, prune what is no longer rendered'
            cand apply 'Install or upgrade Istio: show the plan, confirm, apply in dependency order, wait until ready, prune what is no longer rendered'
            cand uninstall 'Remove an installation: one revision, the objects a file renders, or everything (--purge)'
            cand verify-install 'Check that every rendered object exists and every workload is ready (exit 1 when not)'
            cand validate 'Check IstioOperator files without rendering or a cluster: every problem of every file is listed (exit 1 when there is one)'
            cand precheck 'Check what an install would hit before writing anything: the Kubernetes version, the permissions it needs, installed revisions and tags, overlapping injectors, Gateway API CRD versions (exit 1 with the list when something would fail)'
            cand operator 'Deploy, inspect, remove or run the in-cluster operator that keeps IstioOperator resources installed'
            cand create-remote-secret 'Print the Secret a primary cluster''s istiod needs to read this cluster (istioctl''s shape), for `kubectl apply` in the primary. It carries a token: it is written only to standard output, and not to a terminal without --force'
            cand tag 'Create, list, generate and remove revision tags: stable names (`prod`, `default`) that point at a control plane revision, so that namespaces labelled `istio.io/rev=TAG` move to a new revision when the tag does'
            cand migrate 'Translate other installers'' resources into IstioOperator files'
            cand completions 'Print a shell completion script'
            cand version 'Print meshctl''s version and the Istio releases it renders; with a cluster, also each control-plane revision with its release and how many pods run a sidecar of each release'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;manifest'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand generate 'Render the manifests for the merged input as multi-document YAML, in a stable order'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;manifest;generate'= {
            cand -f 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand --filename 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand -s 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand --set 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand -r 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --revision 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --istio-release 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release'
            cand -o 'Write to FILE, or to one file per component when the path is an existing directory or ends in `/`'
            cand --output 'Write to FILE, or to one file per component when the path is an existing directory or ends in `/`'
            cand --force 'Turn validation errors into warnings and render anyway'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;manifest;help'= {
            cand generate 'Render the manifests for the merged input as multi-document YAML, in a stable order'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;manifest;help;generate'= {
        }
        &'meshctl;manifest;help;help'= {
        }
        &'meshctl;profile'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the built-in profiles, one per line'
            cand dump 'Print the merged IstioOperator for a profile and any input'
            cand diff 'Show how two profiles differ, as a unified diff (exit 0: same, 1: they differ, 2: error)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;profile;list'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;profile;dump'= {
            cand -f 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand --filename 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand -s 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand --set 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand -r 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --revision 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --istio-release 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --config-path 'Print only the subtree at this path, e.g. `components.pilot` or `values.global`'
            cand --force 'Turn validation errors into warnings and render anyway'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'meshctl;profile;diff'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'meshctl;profile;help'= {
            cand list 'List the built-in profiles, one per line'
            cand dump 'Print the merged IstioOperator for a profile and any input'
            cand diff 'Show how two profiles differ, as a unified diff (exit 0: same, 1: they differ, 2: error)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;profile;help;list'= {
        }
        &'meshctl;profile;help;dump'= {
        }
        &'meshctl;profile;help;diff'= {
        }
        &'meshctl;profile;help;help'= {
        }
        &'meshctl;diff'= {
            cand -f 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand --filename 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand -s 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand --set 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand -r 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --revision 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --istio-release 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --take-over-from 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back'
            cand --force 'Turn validation errors into warnings and render anyway'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'meshctl;install'= {
            cand -f 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand --filename 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand -s 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand --set 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand -r 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --revision 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --istio-release 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --readiness-timeout 'How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`'
            cand --take-over-from 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back'
            cand --force 'Turn validation errors into warnings and render anyway'
            cand -y 'Do not ask for confirmation (needed when standard input is not a terminal)'
            cand --skip-confirmation 'Do not ask for confirmation (needed when standard input is not a terminal)'
            cand --dry-run 'Show the plan and stop: nothing is written to the cluster'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'meshctl;apply'= {
            cand -f 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand --filename 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand -s 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand --set 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand -r 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --revision 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --istio-release 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --readiness-timeout 'How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`'
            cand --take-over-from 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back'
            cand --force 'Turn validation errors into warnings and render anyway'
            cand -y 'Do not ask for confirmation (needed when standard input is not a terminal)'
            cand --skip-confirmation 'Do not ask for confirmation (needed when standard input is not a terminal)'
            cand --dry-run 'Show the plan and stop: nothing is written to the cluster'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'meshctl;uninstall'= {
            cand -r 'Remove this revision''s control plane (`default` for the unrevisioned one)'
            cand --revision 'Remove this revision''s control plane (`default` for the unrevisioned one)'
            cand -f 'Remove what these IstioOperator files install (their revision and owner)'
            cand --filename 'Remove what these IstioOperator files install (their revision and owner)'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --timeout 'How long to wait for each object to be gone, e.g. `300s`, `5m`'
            cand --purge 'Remove everything meshctl or istioctl manages, every revision and the CRDs (and with them every Istio resource in the cluster)'
            cand -y 'Do not ask for confirmation (needed when standard input is not a terminal)'
            cand --skip-confirmation 'Do not ask for confirmation (needed when standard input is not a terminal)'
            cand --dry-run 'List what would be removed and stop'
            cand --force 'Remove a revision even while namespaces are labelled for it (directly, or through a tag that points at it) or pods run its proxies: they lose their control plane'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;verify-install'= {
            cand -f 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand --filename 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand -s 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand --set 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand -r 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --revision 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --istio-release 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --take-over-from 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back'
            cand --force 'Turn validation errors into warnings and render anyway'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'meshctl;validate'= {
            cand -f 'An IstioOperator file to check, each on its own over its profile (`-` reads standard input)'
            cand --filename 'An IstioOperator file to check, each on its own over its profile (`-` reads standard input)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;precheck'= {
            cand -f 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand --filename 'An IstioOperator file to overlay, left to right (`-` reads standard input)'
            cand -s 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand --set 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`'
            cand -r 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --revision 'Render a revisioned control plane (names and labels carry `-REV`)'
            cand --istio-release 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --take-over-from 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back'
            cand --force 'Turn validation errors into warnings and render anyway'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'meshctl;operator'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand init 'Deploy the operator in one shot: the IstioOperator CRD, the operator''s namespace, service account, least-privilege RBAC and Deployment; with -f, also the IstioOperator resource'
            cand dump 'Print what `operator init` would apply, as multi-document YAML'
            cand remove 'Remove the operator; with --purge also the IstioOperator CRD. The mesh it installed stays'
            cand run 'Run the controller (the operator image''s entrypoint): reconcile IstioOperator resources continuously, repair drift, uninstall on delete'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;operator;init'= {
            cand --hub 'The registry of the operator image'
            cand --tag 'The tag of the operator image'
            cand --operatorNamespace 'The namespace the operator runs in'
            cand --watchedNamespaces 'The namespaces whose IstioOperator resources the operator reconciles, comma-separated'
            cand --imagePullSecrets 'Image pull secrets for the operator''s pod, comma-separated'
            cand -f 'An IstioOperator resource to apply once the operator is in place'
            cand --filename 'An IstioOperator resource to apply once the operator is in place'
            cand --take-over-helm-in 'Let the operator take a Helm install over in these namespaces (comma-separated): it may list and delete Secrets there, to remove Helm''s release Secrets once an IstioOperator annotated `meshctl.io/take-over-from: helm` is applied and ready. Withdrawn by running init again without it'
            cand --readiness-timeout 'How long the operator may take to become ready, e.g. `300s`, `5m`'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --dry-run 'Show what would be applied and stop: nothing is written to the cluster'
            cand --replace-istio-operator 'Where Istio''s own operator (Istio 1.23 and older) still runs or left its finalizer: stop and remove it, replace its CRD, and take over its IstioOperator resources (the installed mesh stays as it is). Without this flag init refuses there'
            cand --watch-banzai 'Also reconcile Banzai Cloud''s Istio resources (istio.banzaicloud.io/v1beta1) in the watched namespaces (the operator runs with `--watch-banzai` and may read and write them). Refused while Banzai''s own operator still runs'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;operator;dump'= {
            cand --hub 'The registry of the operator image'
            cand --tag 'The tag of the operator image'
            cand --operatorNamespace 'The namespace the operator runs in'
            cand --watchedNamespaces 'The namespaces whose IstioOperator resources the operator reconciles, comma-separated'
            cand --imagePullSecrets 'Image pull secrets for the operator''s pod, comma-separated'
            cand -f 'An IstioOperator resource to apply once the operator is in place'
            cand --filename 'An IstioOperator resource to apply once the operator is in place'
            cand --take-over-helm-in 'Let the operator take a Helm install over in these namespaces (comma-separated): it may list and delete Secrets there, to remove Helm''s release Secrets once an IstioOperator annotated `meshctl.io/take-over-from: helm` is applied and ready. Withdrawn by running init again without it'
            cand --readiness-timeout 'How long the operator may take to become ready, e.g. `300s`, `5m`'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --dry-run 'Show what would be applied and stop: nothing is written to the cluster'
            cand --replace-istio-operator 'Where Istio''s own operator (Istio 1.23 and older) still runs or left its finalizer: stop and remove it, replace its CRD, and take over its IstioOperator resources (the installed mesh stays as it is). Without this flag init refuses there'
            cand --watch-banzai 'Also reconcile Banzai Cloud''s Istio resources (istio.banzaicloud.io/v1beta1) in the watched namespaces (the operator runs with `--watch-banzai` and may read and write them). Refused while Banzai''s own operator still runs'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;operator;remove'= {
            cand --operatorNamespace 'The namespace the operator runs in'
            cand --timeout 'How long to wait for each object to be gone, e.g. `300s`, `5m`'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --purge 'Also remove the IstioOperator CRD (IstioOperator resources go with it; the mesh stays)'
            cand -y 'Do not ask for confirmation (needed when standard input is not a terminal)'
            cand --skip-confirmation 'Do not ask for confirmation (needed when standard input is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;operator;run'= {
            cand --watchedNamespaces 'The namespaces whose IstioOperator resources to reconcile, comma-separated'
            cand --operatorNamespace 'The namespace of the leader-election Lease (the operator''s own namespace)'
            cand --identity 'This replica''s name in the Lease (default: the pod name, else host name and process id)'
            cand --readiness-timeout 'How long each component may take to become ready before the resource is marked Error'
            cand --resync 'How often a healthy resource is checked again even when nothing changed'
            cand --probe-address 'Where to serve the health probes `/healthz` and `/readyz` (port 0 picks a free port)'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --watch-banzai 'Also reconcile Banzai Cloud''s Istio resources (istio.banzaicloud.io/v1beta1) in the watched namespaces, through a generated IstioOperator each, when their CRD is installed'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;operator;help'= {
            cand init 'Deploy the operator in one shot: the IstioOperator CRD, the operator''s namespace, service account, least-privilege RBAC and Deployment; with -f, also the IstioOperator resource'
            cand dump 'Print what `operator init` would apply, as multi-document YAML'
            cand remove 'Remove the operator; with --purge also the IstioOperator CRD. The mesh it installed stays'
            cand run 'Run the controller (the operator image''s entrypoint): reconcile IstioOperator resources continuously, repair drift, uninstall on delete'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;operator;help;init'= {
        }
        &'meshctl;operator;help;dump'= {
        }
        &'meshctl;operator;help;remove'= {
        }
        &'meshctl;operator;help;run'= {
        }
        &'meshctl;operator;help;help'= {
        }
        &'meshctl;create-remote-secret'= {
            cand --name 'The name of this cluster in the mesh (its `clusterName`); a DNS-1123 label. Default: the UID of its kube-system namespace'
            cand --service-account 'Whose token to put in the Secret. Default: istio-reader-service-account for `--type remote`, istiod for `--type config`'
            cand --create-service-account 'Create the reader service account and its RBAC in this cluster when they are missing'
            cand --server 'The API server address the other cluster''s istiod should use (default: this kubeconfig''s)'
            cand --type 'Which Secret to make'
            cand -i 'The Istio system namespace of this cluster (where the service account lives)'
            cand --istioNamespace 'The Istio system namespace of this cluster (where the service account lives)'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --force 'Write to standard output even when it is a terminal (the Secret holds a token)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'meshctl;tag'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand set 'Create or move a revision tag (`--overwrite` to move an existing one). The `default` tag also injects `istio-injection=enabled` namespaces and validates cluster-wide'
            cand generate 'Print a revision tag''s objects as YAML without writing them (for GitOps)'
            cand list 'List the revision tags: tag, revision, namespaces that use it'
            cand remove 'Remove a revision tag; refused while namespaces use it, unless --force'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;tag;set'= {
            cand -r 'The control plane revision the tag points at (`default` for the unrevisioned one)'
            cand --revision 'The control plane revision the tag points at (`default` for the unrevisioned one)'
            cand -i 'The namespace of the control plane'
            cand --istioNamespace 'The namespace of the control plane'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --overwrite 'Move the tag if it exists already'
            cand --auto-inject-namespaces 'Inject every namespace that has no injection label (`sidecarInjectorWebhook.enableNamespacesByDefault`)'
            cand --force 'Write the tag even when its webhook would overlap another injector'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;tag;generate'= {
            cand -r 'The control plane revision the tag points at (`default` for the unrevisioned one)'
            cand --revision 'The control plane revision the tag points at (`default` for the unrevisioned one)'
            cand -i 'The namespace of the control plane'
            cand --istioNamespace 'The namespace of the control plane'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --overwrite 'Move the tag if it exists already'
            cand --auto-inject-namespaces 'Inject every namespace that has no injection label (`sidecarInjectorWebhook.enableNamespacesByDefault`)'
            cand --force 'Write the tag even when its webhook would overlap another injector'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;tag;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand -i 'The namespace of the control plane'
            cand --istioNamespace 'The namespace of the control plane'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'meshctl;tag;remove'= {
            cand -i 'The namespace of the control plane'
            cand --istioNamespace 'The namespace of the control plane'
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --force 'Remove it even while namespaces are labelled with it (their new pods are not injected)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;tag;help'= {
            cand set 'Create or move a revision tag (`--overwrite` to move an existing one). The `default` tag also injects `istio-injection=enabled` namespaces and validates cluster-wide'
            cand generate 'Print a revision tag''s objects as YAML without writing them (for GitOps)'
            cand list 'List the revision tags: tag, revision, namespaces that use it'
            cand remove 'Remove a revision tag; refused while namespaces use it, unless --force'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;tag;help;set'= {
        }
        &'meshctl;tag;help;generate'= {
        }
        &'meshctl;tag;help;list'= {
        }
        &'meshctl;tag;help;remove'= {
        }
        &'meshctl;tag;help;help'= {
        }
        &'meshctl;migrate'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand banzai 'Print the IstioOperator equivalent to a Banzai Cloud `Istio` resource (istio.banzaicloud.io/v1beta1), with mTLS and injection namespaces as meshctl.io annotations; fields Istio 1.31 has no place for are warned about on standard error'
            cand helm 'Take over the Istio that Helm installed: read each release of Istio''s `base` and `istiod` charts from its release Secret, print the equivalent IstioOperator (one per control-plane revision) on standard output, install it over the release''s objects (no object is deleted and recreated; istiod keeps its Deployment), and, once it is ready, remove the releases'' Secrets so that `helm list` no longer shows them and `helm uninstall` cannot delete the mesh. Releases of the `gateway`, `istio-cni` and `ztunnel` charts are left to Helm, and said so. Interrupted, run it again: it converges'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;migrate;banzai'= {
            cand -f 'The Banzai `Istio` file (`-` reads standard input)'
            cand --filename 'The Banzai `Istio` file (`-` reads standard input)'
            cand -o 'Write to FILE instead of standard output'
            cand --output 'Write to FILE instead of standard output'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;migrate;helm'= {
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand -o 'Write the IstioOperator to FILE instead of standard output'
            cand --output 'Write the IstioOperator to FILE instead of standard output'
            cand --readiness-timeout 'How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`'
            cand --dry-run 'Print the IstioOperator and the plan, and stop: nothing is written to the cluster'
            cand -y 'Do not ask for confirmation (needed when standard input is not a terminal)'
            cand --skip-confirmation 'Do not ask for confirmation (needed when standard input is not a terminal)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;migrate;help'= {
            cand banzai 'Print the IstioOperator equivalent to a Banzai Cloud `Istio` resource (istio.banzaicloud.io/v1beta1), with mTLS and injection namespaces as meshctl.io annotations; fields Istio 1.31 has no place for are warned about on standard error'
            cand helm 'Take over the Istio that Helm installed: read each release of Istio''s `base` and `istiod` charts from its release Secret, print the equivalent IstioOperator (one per control-plane revision) on standard output, install it over the release''s objects (no object is deleted and recreated; istiod keeps its Deployment), and, once it is ready, remove the releases'' Secrets so that `helm list` no longer shows them and `helm uninstall` cannot delete the mesh. Releases of the `gateway`, `istio-cni` and `ztunnel` charts are left to Helm, and said so. Interrupted, run it again: it converges'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;migrate;help;banzai'= {
        }
        &'meshctl;migrate;help;helm'= {
        }
        &'meshctl;migrate;help;help'= {
        }
        &'meshctl;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;version'= {
            cand --kubeconfig 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: its current context)'
            cand --client 'Only meshctl itself: do not look for a cluster'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;help'= {
            cand manifest 'Render manifests offline'
            cand profile 'Show, dump and compare the built-in profiles'
            cand diff 'Show what an install would change in the cluster, including what it would prune (exit 0: no change, 1: changes, 2: error)'
            cand install 'Install or upgrade Istio: show the plan, confirm, apply in dependency order, wait until ready, prune what is no longer rendered'
            cand uninstall 'Remove an installation: one revision, the objects a file renders, or everything (--purge)'
            cand verify-install 'Check that every rendered object exists and every workload is ready (exit 1 when not)'
            cand validate 'Check IstioOperator files without rendering or a cluster: every problem of every file is listed (exit 1 when there is one)'
            cand precheck 'Check what an install would hit before writing anything: the Kubernetes version, the permissions it needs, installed revisions and tags, overlapping injectors, Gateway API CRD versions (exit 1 with the list when something would fail)'
            cand operator 'Deploy, inspect, remove or run the in-cluster operator that keeps IstioOperator resources installed'
            cand create-remote-secret 'Print the Secret a primary cluster''s istiod needs to read this cluster (istioctl''s shape), for `kubectl apply` in the primary. It carries a token: it is written only to standard output, and not to a terminal without --force'
            cand tag 'Create, list, generate and remove revision tags: stable names (`prod`, `default`) that point at a control plane revision, so that namespaces labelled `istio.io/rev=TAG` move to a new revision when the tag does'
            cand migrate 'Translate other installers'' resources into IstioOperator files'
            cand completions 'Print a shell completion script'
            cand version 'Print meshctl''s version and the Istio releases it renders; with a cluster, also each control-plane revision with its release and how many pods run a sidecar of each release'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'meshctl;help;manifest'= {
            cand generate 'Render the manifests for the merged input as multi-document YAML, in a stable order'
        }
        &'meshctl;help;manifest;generate'= {
        }
        &'meshctl;help;profile'= {
            cand list 'List the built-in profiles, one per line'
            cand dump 'Print the merged IstioOperator for a profile and any input'
            cand diff 'Show how two profiles differ, as a unified diff (exit 0: same, 1: they differ, 2: error)'
        }
        &'meshctl;help;profile;list'= {
        }
        &'meshctl;help;profile;dump'= {
        }
        &'meshctl;help;profile;diff'= {
        }
        &'meshctl;help;diff'= {
        }
        &'meshctl;help;install'= {
        }
        &'meshctl;help;uninstall'= {
        }
        &'meshctl;help;verify-install'= {
        }
        &'meshctl;help;validate'= {
        }
        &'meshctl;help;precheck'= {
        }
        &'meshctl;help;operator'= {
            cand init 'Deploy the operator in one shot: the IstioOperator CRD, the operator''s namespace, service account, least-privilege RBAC and Deployment; with -f, also the IstioOperator resource'
            cand dump 'Print what `operator init` would apply, as multi-document YAML'
            cand remove 'Remove the operator; with --purge also the IstioOperator CRD. The mesh it installed stays'
            cand run 'Run the controller (the operator image''s entrypoint): reconcile IstioOperator resources continuously, repair drift, uninstall on delete'
        }
        &'meshctl;help;operator;init'= {
        }
        &'meshctl;help;operator;dump'= {
        }
        &'meshctl;help;operator;remove'= {
        }
        &'meshctl;help;operator;run'= {
        }
        &'meshctl;help;create-remote-secret'= {
        }
        &'meshctl;help;tag'= {
            cand set 'Create or move a revision tag (`--overwrite` to move an existing one). The `default` tag also injects `istio-injection=enabled` namespaces and validates cluster-wide'
            cand generate 'Print a revision tag''s objects as YAML without writing them (for GitOps)'
            cand list 'List the revision tags: tag, revision, namespaces that use it'
            cand remove 'Remove a revision tag; refused while namespaces use it, unless --force'
        }
        &'meshctl;help;tag;set'= {
        }
        &'meshctl;help;tag;generate'= {
        }
        &'meshctl;help;tag;list'= {
        }
        &'meshctl;help;tag;remove'= {
        }
        &'meshctl;help;migrate'= {
            cand banzai 'Print the IstioOperator equivalent to a Banzai Cloud `Istio` resource (istio.banzaicloud.io/v1beta1), with mTLS and injection namespaces as meshctl.io annotations; fields Istio 1.31 has no place for are warned about on standard error'
            cand helm 'Take over the Istio that Helm installed: read each release of Istio''s `base` and `istiod` charts from its release Secret, print the equivalent IstioOperator (one per control-plane revision) on standard output, install it over the release''s objects (no object is deleted and recreated; istiod keeps its Deployment), and, once it is ready, remove the releases'' Secrets so that `helm list` no longer shows them and `helm uninstall` cannot delete the mesh. Releases of the `gateway`, `istio-cni` and `ztunnel` charts are left to Helm, and said so. Interrupted, run it again: it converges'
        }
        &'meshctl;help;migrate;banzai'= {
        }
        &'meshctl;help;migrate;helm'= {
        }
        &'meshctl;help;completions'= {
        }
        &'meshctl;help;version'= {
        }
        &'meshctl;help;help'= {
        }
    ]
    $completions[$command]
}
