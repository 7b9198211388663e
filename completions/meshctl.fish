# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_meshctl_global_optspecs
    string join \n h/help V/version
end

function __fish_meshctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_meshctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_meshctl_using_subcommand
    set -l cmd (__fish_meshctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c meshctl -n "__fish_meshctl_needs_command" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_needs_command" -s V -l version -d 'Print version'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "manifest" -d 'Render manifests offline'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "profile" -d 'Show, dump and compare the built-in profiles'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "diff" -d 'Show what an install would change in the cluster, including what it would prune (exit 0: no change, 1: changes, 2: error)'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "install" -d 'Install or upgrade Istio: show the plan, confirm, apply in dependency order, wait until ready, prune what is no longer rendered'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "apply" -d 'Install or upgrade Istio: show the plan, confirm, apply in dependency order, wait until ready, prune what is no longer rendered'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "uninstall" -d 'Remove an installation: one revision, the objects a file renders, or everything (--purge)'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "verify-install" -d 'Check that every rendered object exists and every workload is ready (exit 1 when not)'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "validate" -d 'Check IstioOperator files without rendering or a cluster: every problem of every file is listed (exit 1 when there is one)'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "precheck" -d 'Check what an install would hit before writing anything: the Kubernetes version, the permissions it needs, installed revisions and tags, overlapping injectors, Gateway API CRD versions (exit 1 with the list when something would fail)'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "operator" -d 'Deploy, inspect, remove or run the in-cluster operator that keeps IstioOperator resources installed'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "create-remote-secret" -d 'Print the Secret a primary cluster\'s istiod needs to read this cluster (istioctl\'s shape), for `kubectl apply` in the primary. It carries a token: it is written only to standard output, and not to a terminal without --force'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "tag" -d 'Create, list, generate and remove revision tags: stable names (`prod`, `default`) that point at a control plane revision, so that namespaces labelled `istio.io/rev=TAG` move to a new revision when the tag does'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "migrate" -d 'Translate other installers\' resources into IstioOperator files'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "version" -d 'Print meshctl\'s version and the Istio releases it renders; with a cluster, also each control-plane revision with its release and how many pods run a sidecar of each release'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate help" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate help" -f -a "generate" -d 'Render the manifests for the merged input as multi-document YAML, in a stable order'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s f -l filename -d 'An IstioOperator file to overlay, left to right (`-` reads standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s s -l set -d 'Set one value with istioctl\'s path syntax, e.g. `values.global.proxy.privileged=true`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s r -l revision -d 'Render a revisioned control plane (names and labels carry `-REV`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l istio-release -d 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag\'s version decides, else the newest release' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s o -l output -d 'Write to FILE, or to one file per component when the path is an existing directory or ends in `/`' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l force -d 'Turn validation errors into warnings and render anyway'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Render the manifests for the merged input as multi-document YAML, in a stable order'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "list" -d 'List the built-in profiles, one per line'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "dump" -d 'Print the merged IstioOperator for a profile and any input'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "diff" -d 'Show how two profiles differ, as a unified diff (exit 0: same, 1: they differ, 2: error)'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -s f -l filename -d 'An IstioOperator file to overlay, left to right (`-` reads standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -s s -l set -d 'Set one value with istioctl\'s path syntax, e.g. `values.global.proxy.privileged=true`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -s r -l revision -d 'Render a revisioned control plane (names and labels carry `-REV`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -l istio-release -d 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag\'s version decides, else the newest release' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -s o -l output -d 'Output format' -r -f -a "yaml\t''
json\t''
flags\t'One `--set` flag per leaf value'"
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -l config-path -d 'Print only the subtree at this path, e.g. `components.pilot` or `values.global`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -l force -d 'Turn validation errors into warnings and render anyway'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the built-in profiles, one per line'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "dump" -d 'Print the merged IstioOperator for a profile and any input'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Show how two profiles differ, as a unified diff (exit 0: same, 1: they differ, 2: error)'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand diff" -s f -l filename -d 'An IstioOperator file to overlay, left to right (`-` reads standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand diff" -s s -l set -d 'Set one value with istioctl\'s path syntax, e.g. `values.global.proxy.privileged=true`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand diff" -s r -l revision -d 'Render a revisioned control plane (names and labels carry `-REV`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand diff" -l istio-release -d 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag\'s version decides, else the newest release' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand diff" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand diff" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand diff" -s o -l output -d 'Output format' -r -f -a "text\t'Unified diffs on stdout, a summary on stderr'
json\t'The whole plan as one JSON document, for scripts'"
complete -c meshctl -n "__fish_meshctl_using_subcommand diff" -l take-over-from -d 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back' -r -f -a "helm\t'A Helm release (`helm install`): its release Secrets are removed once the install is ready, so `helm uninstall` can no longer delete the mesh'
argocd\t'An Argo CD Application (its tracking annotation or instance label)'
flux\t'A Flux HelmRelease or Kustomization (its labels)'
sail\t'The Sail operator (its owner references or label)'"
complete -c meshctl -n "__fish_meshctl_using_subcommand diff" -l force -d 'Turn validation errors into warnings and render anyway'
complete -c meshctl -n "__fish_meshctl_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -s f -l filename -d 'An IstioOperator file to overlay, left to right (`-` reads standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -s s -l set -d 'Set one value with istioctl\'s path syntax, e.g. `values.global.proxy.privileged=true`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -s r -l revision -d 'Render a revisioned control plane (names and labels carry `-REV`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -l istio-release -d 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag\'s version decides, else the newest release' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -l readiness-timeout -d 'How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -l take-over-from -d 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back' -r -f -a "helm\t'A Helm release (`helm install`): its release Secrets are removed once the install is ready, so `helm uninstall` can no longer delete the mesh'
argocd\t'An Argo CD Application (its tracking annotation or instance label)'
flux\t'A Flux HelmRelease or Kustomization (its labels)'
sail\t'The Sail operator (its owner references or label)'"
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -l force -d 'Turn validation errors into warnings and render anyway'
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -s y -l skip-confirmation -d 'Do not ask for confirmation (needed when standard input is not a terminal)'
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -l dry-run -d 'Show the plan and stop: nothing is written to the cluster'
complete -c meshctl -n "__fish_meshctl_using_subcommand install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -s f -l filename -d 'An IstioOperator file to overlay, left to right (`-` reads standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -s s -l set -d 'Set one value with istioctl\'s path syntax, e.g. `values.global.proxy.privileged=true`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -s r -l revision -d 'Render a revisioned control plane (names and labels carry `-REV`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -l istio-release -d 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag\'s version decides, else the newest release' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -l readiness-timeout -d 'How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -l take-over-from -d 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back' -r -f -a "helm\t'A Helm release (`helm install`): its release Secrets are removed once the install is ready, so `helm uninstall` can no longer delete the mesh'
argocd\t'An Argo CD Application (its tracking annotation or instance label)'
flux\t'A Flux HelmRelease or Kustomization (its labels)'
sail\t'The Sail operator (its owner references or label)'"
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -l force -d 'Turn validation errors into warnings and render anyway'
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -s y -l skip-confirmation -d 'Do not ask for confirmation (needed when standard input is not a terminal)'
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -l dry-run -d 'Show the plan and stop: nothing is written to the cluster'
complete -c meshctl -n "__fish_meshctl_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand uninstall" -s r -l revision -d 'Remove this revision\'s control plane (`default` for the unrevisioned one)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand uninstall" -s f -l filename -d 'Remove what these IstioOperator files install (their revision and owner)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand uninstall" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand uninstall" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand uninstall" -l timeout -d 'How long to wait for each object to be gone, e.g. `300s`, `5m`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand uninstall" -l purge -d 'Remove everything meshctl or istioctl manages, every revision and the CRDs (and with them every Istio resource in the cluster)'
complete -c meshctl -n "__fish_meshctl_using_subcommand uninstall" -s y -l skip-confirmation -d 'Do not ask for confirmation (needed when standard input is not a terminal)'
complete -c meshctl -n "__fish_meshctl_using_subcommand uninstall" -l dry-run -d 'List what would be removed and stop'
complete -c meshctl -n "__fish_meshctl_using_subcommand uninstall" -l force -d 'Remove a revision even while namespaces are labelled for it (directly, or through a tag that points at it) or pods run its proxies: they lose their control plane'
complete -c meshctl -n "__fish_meshctl_using_subcommand uninstall" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand verify-install" -s f -l filename -d 'An IstioOperator file to overlay, left to right (`-` reads standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand verify-install" -s s -l set -d 'Set one value with istioctl\'s path syntax, e.g. `values.global.proxy.privileged=true`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand verify-install" -s r -l revision -d 'Render a revisioned control plane (names and labels carry `-REV`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand verify-install" -l istio-release -d 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag\'s version decides, else the newest release' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand verify-install" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand verify-install" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand verify-install" -s o -l output -d 'Output format' -r -f -a "text\t'Unified diffs on stdout, a summary on stderr'
json\t'The whole plan as one JSON document, for scripts'"
complete -c meshctl -n "__fish_meshctl_using_subcommand verify-install" -l take-over-from -d 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back' -r -f -a "helm\t'A Helm release (`helm install`): its release Secrets are removed once the install is ready, so `helm uninstall` can no longer delete the mesh'
argocd\t'An Argo CD Application (its tracking annotation or instance label)'
flux\t'A Flux HelmRelease or Kustomization (its labels)'
sail\t'The Sail operator (its owner references or label)'"
complete -c meshctl -n "__fish_meshctl_using_subcommand verify-install" -l force -d 'Turn validation errors into warnings and render anyway'
complete -c meshctl -n "__fish_meshctl_using_subcommand verify-install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand validate" -s f -l filename -d 'An IstioOperator file to check, each on its own over its profile (`-` reads standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand validate" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand precheck" -s f -l filename -d 'An IstioOperator file to overlay, left to right (`-` reads standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand precheck" -s s -l set -d 'Set one value with istioctl\'s path syntax, e.g. `values.global.proxy.privileged=true`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand precheck" -s r -l revision -d 'Render a revisioned control plane (names and labels carry `-REV`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand precheck" -l istio-release -d 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag\'s version decides, else the newest release' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand precheck" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand precheck" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand precheck" -s o -l output -d 'Output format' -r -f -a "text\t'Unified diffs on stdout, a summary on stderr'
json\t'The whole plan as one JSON document, for scripts'"
complete -c meshctl -n "__fish_meshctl_using_subcommand precheck" -l take-over-from -d 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back' -r -f -a "helm\t'A Helm release (`helm install`): its release Secrets are removed once the install is ready, so `helm uninstall` can no longer delete the mesh'
argocd\t'An Argo CD Application (its tracking annotation or instance label)'
flux\t'A Flux HelmRelease or Kustomization (its labels)'
sail\t'The Sail operator (its owner references or label)'"
complete -c meshctl -n "__fish_meshctl_using_subcommand precheck" -l force -d 'Turn validation errors into warnings and render anyway'
complete -c meshctl -n "__fish_meshctl_using_subcommand precheck" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and not __fish_seen_subcommand_from init dump remove run help" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and not __fish_seen_subcommand_from init dump remove run help" -f -a "init" -d 'Deploy the operator in one shot: the IstioOperator CRD, the operator\'s namespace, service account, least-privilege RBAC and Deployment; with -f, also the IstioOperator resource'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and not __fish_seen_subcommand_from init dump remove run help" -f -a "dump" -d 'Print what `operator init` would apply, as multi-document YAML'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and not __fish_seen_subcommand_from init dump remove run help" -f -a "remove" -d 'Remove the operator; with --purge also the IstioOperator CRD. The mesh it installed stays'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and not __fish_seen_subcommand_from init dump remove run help" -f -a "run" -d 'Run the controller (the operator image\'s entrypoint): reconcile IstioOperator resources continuously, repair drift, uninstall on delete'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and not __fish_seen_subcommand_from init dump remove run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l hub -d 'The registry of the operator image' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l tag -d 'The tag of the operator image' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l operatorNamespace -d 'The namespace the operator runs in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l watchedNamespaces -d 'The namespaces whose IstioOperator resources the operator reconciles, comma-separated' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l imagePullSecrets -d 'Image pull secrets for the operator\'s pod, comma-separated' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -s f -l filename -d 'An IstioOperator resource to apply once the operator is in place' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l take-over-helm-in -d 'Let the operator take a Helm install over in these namespaces (comma-separated): it may list and delete Secrets there, to remove Helm\'s release Secrets once an IstioOperator annotated `meshctl.io/take-over-from: helm` is applied and ready. Withdrawn by running init again without it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l readiness-timeout -d 'How long the operator may take to become ready, e.g. `300s`, `5m`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l dry-run -d 'Show what would be applied and stop: nothing is written to the cluster'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l replace-istio-operator -d 'Where Istio\'s own operator (Istio 1.23 and older) still runs or left its finalizer: stop and remove it, replace its CRD, and take over its IstioOperator resources (the installed mesh stays as it is). Without this flag init refuses there'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -l watch-banzai -d 'Also reconcile Banzai Cloud\'s Istio resources (istio.banzaicloud.io/v1beta1) in the watched namespaces (the operator runs with `--watch-banzai` and may read and write them). Refused while Banzai\'s own operator still runs'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l hub -d 'The registry of the operator image' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l tag -d 'The tag of the operator image' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l operatorNamespace -d 'The namespace the operator runs in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l watchedNamespaces -d 'The namespaces whose IstioOperator resources the operator reconciles, comma-separated' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l imagePullSecrets -d 'Image pull secrets for the operator\'s pod, comma-separated' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -s f -l filename -d 'An IstioOperator resource to apply once the operator is in place' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l take-over-helm-in -d 'Let the operator take a Helm install over in these namespaces (comma-separated): it may list and delete Secrets there, to remove Helm\'s release Secrets once an IstioOperator annotated `meshctl.io/take-over-from: helm` is applied and ready. Withdrawn by running init again without it' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l readiness-timeout -d 'How long the operator may take to become ready, e.g. `300s`, `5m`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l dry-run -d 'Show what would be applied and stop: nothing is written to the cluster'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l replace-istio-operator -d 'Where Istio\'s own operator (Istio 1.23 and older) still runs or left its finalizer: stop and remove it, replace its CRD, and take over its IstioOperator resources (the installed mesh stays as it is). Without this flag init refuses there'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -l watch-banzai -d 'Also reconcile Banzai Cloud\'s Istio resources (istio.banzaicloud.io/v1beta1) in the watched namespaces (the operator runs with `--watch-banzai` and may read and write them). Refused while Banzai\'s own operator still runs'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from dump" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from remove" -l operatorNamespace -d 'The namespace the operator runs in' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from remove" -l timeout -d 'How long to wait for each object to be gone, e.g. `300s`, `5m`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from remove" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from remove" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from remove" -l purge -d 'Also remove the IstioOperator CRD (IstioOperator resources go with it; the mesh stays)'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from remove" -s y -l skip-confirmation -d 'Do not ask for confirmation (needed when standard input is not a terminal)'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from run" -l watchedNamespaces -d 'The namespaces whose IstioOperator resources to reconcile, comma-separated' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from run" -l operatorNamespace -d 'The namespace of the leader-election Lease (the operator\'s own namespace)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from run" -l identity -d 'This replica\'s name in the Lease (default: the pod name, else host name and process id)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from run" -l readiness-timeout -d 'How long each component may take to become ready before the resource is marked Error' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from run" -l resync -d 'How often a healthy resource is checked again even when nothing changed' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from run" -l probe-address -d 'Where to serve the health probes `/healthz` and `/readyz` (port 0 picks a free port)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from run" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from run" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from run" -l watch-banzai -d 'Also reconcile Banzai Cloud\'s Istio resources (istio.banzaicloud.io/v1beta1) in the watched namespaces, through a generated IstioOperator each, when their CRD is installed'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from help" -f -a "init" -d 'Deploy the operator in one shot: the IstioOperator CRD, the operator\'s namespace, service account, least-privilege RBAC and Deployment; with -f, also the IstioOperator resource'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from help" -f -a "dump" -d 'Print what `operator init` would apply, as multi-document YAML'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove the operator; with --purge also the IstioOperator CRD. The mesh it installed stays'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run the controller (the operator image\'s entrypoint): reconcile IstioOperator resources continuously, repair drift, uninstall on delete'
complete -c meshctl -n "__fish_meshctl_using_subcommand operator; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand create-remote-secret" -l name -d 'The name of this cluster in the mesh (its `clusterName`); a DNS-1123 label. Default: the UID of its kube-system namespace' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand create-remote-secret" -l service-account -d 'Whose token to put in the Secret. Default: istio-reader-service-account for `--type remote`, istiod for `--type config`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand create-remote-secret" -l create-service-account -d 'Create the reader service account and its RBAC in this cluster when they are missing' -r -f -a "true\t''
false\t''"
complete -c meshctl -n "__fish_meshctl_using_subcommand create-remote-secret" -l server -d 'The API server address the other cluster\'s istiod should use (default: this kubeconfig\'s)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand create-remote-secret" -l type -d 'Which Secret to make' -r -f -a "remote\t'`istio-remote-secret-NAME`, for a primary\'s istiod to read this cluster'
config\t'`istio-kubeconfig`, for an external istiod to read its config cluster'"
complete -c meshctl -n "__fish_meshctl_using_subcommand create-remote-secret" -s i -l istioNamespace -d 'The Istio system namespace of this cluster (where the service account lives)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand create-remote-secret" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand create-remote-secret" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand create-remote-secret" -l force -d 'Write to standard output even when it is a terminal (the Secret holds a token)'
complete -c meshctl -n "__fish_meshctl_using_subcommand create-remote-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and not __fish_seen_subcommand_from set generate list remove help" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and not __fish_seen_subcommand_from set generate list remove help" -f -a "set" -d 'Create or move a revision tag (`--overwrite` to move an existing one). The `default` tag also injects `istio-injection=enabled` namespaces and validates cluster-wide'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and not __fish_seen_subcommand_from set generate list remove help" -f -a "generate" -d 'Print a revision tag\'s objects as YAML without writing them (for GitOps)'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and not __fish_seen_subcommand_from set generate list remove help" -f -a "list" -d 'List the revision tags: tag, revision, namespaces that use it'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and not __fish_seen_subcommand_from set generate list remove help" -f -a "remove" -d 'Remove a revision tag; refused while namespaces use it, unless --force'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and not __fish_seen_subcommand_from set generate list remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from set" -s r -l revision -d 'The control plane revision the tag points at (`default` for the unrevisioned one)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from set" -s i -l istioNamespace -d 'The namespace of the control plane' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from set" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from set" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from set" -l overwrite -d 'Move the tag if it exists already'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from set" -l auto-inject-namespaces -d 'Inject every namespace that has no injection label (`sidecarInjectorWebhook.enableNamespacesByDefault`)'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from set" -l force -d 'Write the tag even when its webhook would overlap another injector'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from generate" -s r -l revision -d 'The control plane revision the tag points at (`default` for the unrevisioned one)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from generate" -s i -l istioNamespace -d 'The namespace of the control plane' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from generate" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from generate" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from generate" -l overwrite -d 'Move the tag if it exists already'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from generate" -l auto-inject-namespaces -d 'Inject every namespace that has no injection label (`sidecarInjectorWebhook.enableNamespacesByDefault`)'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from generate" -l force -d 'Write the tag even when its webhook would overlap another injector'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'A table on stdout'
json\t'A JSON array of `{tag, revision, namespaces}`'"
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from list" -s i -l istioNamespace -d 'The namespace of the control plane' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from list" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from list" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from remove" -s i -l istioNamespace -d 'The namespace of the control plane' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from remove" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from remove" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from remove" -l force -d 'Remove it even while namespaces are labelled with it (their new pods are not injected)'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from help" -f -a "set" -d 'Create or move a revision tag (`--overwrite` to move an existing one). The `default` tag also injects `istio-injection=enabled` namespaces and validates cluster-wide'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Print a revision tag\'s objects as YAML without writing them (for GitOps)'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the revision tags: tag, revision, namespaces that use it'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a revision tag; refused while namespaces use it, unless --force'
complete -c meshctl -n "__fish_meshctl_using_subcommand tag; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and not __fish_seen_subcommand_from banzai helm help" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and not __fish_seen_subcommand_from banzai helm help" -f -a "banzai" -d 'Print the IstioOperator equivalent to a Banzai Cloud `Istio` resource (istio.banzaicloud.io/v1beta1), with mTLS and injection namespaces as meshctl.io annotations; fields Istio 1.31 has no place for are warned about on standard error'
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and not __fish_seen_subcommand_from banzai helm help" -f -a "helm" -d 'Take over the Istio that Helm installed: read each release of Istio\'s `base` and `istiod` charts from its release Secret, print the equivalent IstioOperator (one per control-plane revision) on standard output, install it over the release\'s objects (no object is deleted and recreated; istiod keeps its Deployment), and, once it is ready, remove the releases\' Secrets so that `helm list` no longer shows them and `helm uninstall` cannot delete the mesh. Releases of the `gateway`, `istio-cni` and `ztunnel` charts are left to Helm, and said so. Interrupted, run it again: it converges'
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and not __fish_seen_subcommand_from banzai helm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from banzai" -s f -l filename -d 'The Banzai `Istio` file (`-` reads standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from banzai" -s o -l output -d 'Write to FILE instead of standard output' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from banzai" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from helm" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from helm" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from helm" -s o -l output -d 'Write the IstioOperator to FILE instead of standard output' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from helm" -l readiness-timeout -d 'How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from helm" -l dry-run -d 'Print the IstioOperator and the plan, and stop: nothing is written to the cluster'
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from helm" -s y -l skip-confirmation -d 'Do not ask for confirmation (needed when standard input is not a terminal)'
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from helm" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "banzai" -d 'Print the IstioOperator equivalent to a Banzai Cloud `Istio` resource (istio.banzaicloud.io/v1beta1), with mTLS and injection namespaces as meshctl.io annotations; fields Istio 1.31 has no place for are warned about on standard error'
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "helm" -d 'Take over the Istio that Helm installed: read each release of Istio\'s `base` and `istiod` charts from its release Secret, print the equivalent IstioOperator (one per control-plane revision) on standard output, install it over the release\'s objects (no object is deleted and recreated; istiod keeps its Deployment), and, once it is ready, remove the releases\' Secrets so that `helm list` no longer shows them and `helm uninstall` cannot delete the mesh. Releases of the `gateway`, `istio-cni` and `ztunnel` charts are left to Helm, and said so. Interrupted, run it again: it converges'
complete -c meshctl -n "__fish_meshctl_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand version" -l kubeconfig -d 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand version" -l context -d 'The kubeconfig context to use (default: its current context)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand version" -l client -d 'Only meshctl itself: do not look for a cluster'
complete -c meshctl -n "__fish_meshctl_using_subcommand version" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "manifest" -d 'Render manifests offline'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "profile" -d 'Show, dump and compare the built-in profiles'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "diff" -d 'Show what an install would change in the cluster, including what it would prune (exit 0: no change, 1: changes, 2: error)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "install" -d 'Install or upgrade Istio: show the plan, confirm, apply in dependency order, wait until ready, prune what is no longer rendered'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "uninstall" -d 'Remove an installation: one revision, the objects a file renders, or everything (--purge)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "verify-install" -d 'Check that every rendered object exists and every workload is ready (exit 1 when not)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "validate" -d 'Check IstioOperator files without rendering or a cluster: every problem of every file is listed (exit 1 when there is one)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "precheck" -d 'Check what an install would hit before writing anything: the Kubernetes version, the permissions it needs, installed revisions and tags, overlapping injectors, Gateway API CRD versions (exit 1 with the list when something would fail)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "operator" -d 'Deploy, inspect, remove or run the in-cluster operator that keeps IstioOperator resources installed'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "create-remote-secret" -d 'Print the Secret a primary cluster\'s istiod needs to read this cluster (istioctl\'s shape), for `kubectl apply` in the primary. It carries a token: it is written only to standard output, and not to a terminal without --force'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "tag" -d 'Create, list, generate and remove revision tags: stable names (`prod`, `default`) that point at a control plane revision, so that namespaces labelled `istio.io/rev=TAG` move to a new revision when the tag does'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "migrate" -d 'Translate other installers\' resources into IstioOperator files'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "completions" -d 'Print a shell completion script'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "version" -d 'Print meshctl\'s version and the Istio releases it renders; with a cluster, also each control-plane revision with its release and how many pods run a sidecar of each release'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile diff install uninstall verify-install validate precheck operator create-remote-secret tag migrate completions version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "generate" -d 'Render the manifests for the merged input as multi-document YAML, in a stable order'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List the built-in profiles, one per line'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "dump" -d 'Print the merged IstioOperator for a profile and any input'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "diff" -d 'Show how two profiles differ, as a unified diff (exit 0: same, 1: they differ, 2: error)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from operator" -f -a "init" -d 'Deploy the operator in one shot: the IstioOperator CRD, the operator\'s namespace, service account, least-privilege RBAC and Deployment; with -f, also the IstioOperator resource'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from operator" -f -a "dump" -d 'Print what `operator init` would apply, as multi-document YAML'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from operator" -f -a "remove" -d 'Remove the operator; with --purge also the IstioOperator CRD. The mesh it installed stays'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from operator" -f -a "run" -d 'Run the controller (the operator image\'s entrypoint): reconcile IstioOperator resources continuously, repair drift, uninstall on delete'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from tag" -f -a "set" -d 'Create or move a revision tag (`--overwrite` to move an existing one). The `default` tag also injects `istio-injection=enabled` namespaces and validates cluster-wide'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from tag" -f -a "generate" -d 'Print a revision tag\'s objects as YAML without writing them (for GitOps)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from tag" -f -a "list" -d 'List the revision tags: tag, revision, namespaces that use it'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from tag" -f -a "remove" -d 'Remove a revision tag; refused while namespaces use it, unless --force'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "banzai" -d 'Print the IstioOperator equivalent to a Banzai Cloud `Istio` resource (istio.banzaicloud.io/v1beta1), with mTLS and injection namespaces as meshctl.io annotations; fields Istio 1.31 has no place for are warned about on standard error'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "helm" -d 'Take over the Istio that Helm installed: read each release of Istio\'s `base` and `istiod` charts from its release Secret, print the equivalent IstioOperator (one per control-plane revision) on standard output, install it over the release\'s objects (no object is deleted and recreated; istiod keeps its Deployment), and, once it is ready, remove the releases\' Secrets so that `helm list` no longer shows them and `helm uninstall` cannot delete the mesh. Releases of the `gateway`, `istio-cni` and `ztunnel` charts are left to Helm, and said so. Interrupted, run it again: it converges'
