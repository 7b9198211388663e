
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'meshctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'meshctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'meshctl' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Render manifests offline')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Show, dump and compare the built-in profiles')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what an install would change in the cluster, including what it would prune (exit 0: no change, 1: changes, 2: error)')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install or upgrade Istio: show the plan, confirm, apply in dependency order, wait until ready, prune what is no longer rendered')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Install or upgrade Istio: show the plan, confirm, apply in dependency order, wait until ready, prune what is no longer rendered')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove an installation: one revision, the objects a file renders, or everything (--purge)')
            [CompletionResult]::new('verify-install', 'verify-install', [CompletionResultType]::ParameterValue, 'Check that every rendered object exists and every workload is ready (exit 1 when not)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check IstioOperator files without rendering or a cluster: every problem of every file is listed (exit 1 when there is one)')
            [CompletionResult]::new('precheck', 'precheck', [CompletionResultType]::ParameterValue, 'Check what an install would hit before writing anything: the Kubernetes version, the permissions it needs, installed revisions and tags, overlapping injectors, Gateway API CRD versions (exit 1 with the list when something would fail)')
            [CompletionResult]::new('operator', 'operator', [CompletionResultType]::ParameterValue, 'Deploy, inspect, remove or run the in-cluster operator that keeps IstioOperator resources installed')
            [CompletionResult]::new('create-remote-secret', 'create-remote-secret', [CompletionResultType]::ParameterValue, 'Print the Secret a primary cluster''s istiod needs to read this cluster (istioctl''s shape), for `kubectl apply` in the primary. It carries a token: it is written only to standard output, and not to a terminal without --force')
            [CompletionResult]::new('tag', 'tag', [CompletionResultType]::ParameterValue, 'Create, list, generate and remove revision tags: stable names (`prod`, `default`) that point at a control plane revision, so that namespaces labelled `istio.io/rev=TAG` move to a new revision when the tag does')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Translate other installers'' resources into IstioOperator files')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print meshctl''s version and the Istio releases it renders; with a cluster, also each control-plane revision with its release and how many pods run a sidecar of each release')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;manifest' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Render the manifests for the merged input as multi-document YAML, in a stable order')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;manifest;generate' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--istio-release', '--istio-release', [CompletionResultType]::ParameterName, 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE, or to one file per component when the path is an existing directory or ends in `/`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE, or to one file per component when the path is an existing directory or ends in `/`')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Turn validation errors into warnings and render anyway')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;manifest;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Render the manifests for the merged input as multi-document YAML, in a stable order')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;manifest;help;generate' {
            break
        }
        'meshctl;manifest;help;help' {
            break
        }
        'meshctl;profile' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the built-in profiles, one per line')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Print the merged IstioOperator for a profile and any input')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show how two profiles differ, as a unified diff (exit 0: same, 1: they differ, 2: error)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;profile;list' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;profile;dump' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--istio-release', '--istio-release', [CompletionResultType]::ParameterName, 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--config-path', '--config-path', [CompletionResultType]::ParameterName, 'Print only the subtree at this path, e.g. `components.pilot` or `values.global`')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Turn validation errors into warnings and render anyway')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'meshctl;profile;diff' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'meshctl;profile;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the built-in profiles, one per line')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Print the merged IstioOperator for a profile and any input')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show how two profiles differ, as a unified diff (exit 0: same, 1: they differ, 2: error)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;profile;help;list' {
            break
        }
        'meshctl;profile;help;dump' {
            break
        }
        'meshctl;profile;help;diff' {
            break
        }
        'meshctl;profile;help;help' {
            break
        }
        'meshctl;diff' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--istio-release', '--istio-release', [CompletionResultType]::ParameterName, 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--take-over-from', '--take-over-from', [CompletionResultType]::ParameterName, 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Turn validation errors into warnings and render anyway')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'meshctl;install' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--istio-release', '--istio-release', [CompletionResultType]::ParameterName, 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`')
            [CompletionResult]::new('--take-over-from', '--take-over-from', [CompletionResultType]::ParameterName, 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Turn validation errors into warnings and render anyway')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and stop: nothing is written to the cluster')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'meshctl;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--istio-release', '--istio-release', [CompletionResultType]::ParameterName, 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`')
            [CompletionResult]::new('--take-over-from', '--take-over-from', [CompletionResultType]::ParameterName, 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Turn validation errors into warnings and render anyway')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and stop: nothing is written to the cluster')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'meshctl;uninstall' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Remove this revision''s control plane (`default` for the unrevisioned one)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Remove this revision''s control plane (`default` for the unrevisioned one)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Remove what these IstioOperator files install (their revision and owner)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Remove what these IstioOperator files install (their revision and owner)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for each object to be gone, e.g. `300s`, `5m`')
            [CompletionResult]::new('--purge', '--purge', [CompletionResultType]::ParameterName, 'Remove everything meshctl or istioctl manages, every revision and the CRDs (and with them every Istio resource in the cluster)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be removed and stop')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Remove a revision even while namespaces are labelled for it (directly, or through a tag that points at it) or pods run its proxies: they lose their control plane')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;verify-install' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--istio-release', '--istio-release', [CompletionResultType]::ParameterName, 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--take-over-from', '--take-over-from', [CompletionResultType]::ParameterName, 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Turn validation errors into warnings and render anyway')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'meshctl;validate' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An IstioOperator file to check, each on its own over its profile (`-` reads standard input)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'An IstioOperator file to check, each on its own over its profile (`-` reads standard input)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;precheck' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--istio-release', '--istio-release', [CompletionResultType]::ParameterName, 'The Istio release whose charts render (`1.30` or `1.30.3`), whatever the image tag says; the same as the `meshctl.io/istio-release` annotation. Without it, the tag''s version decides, else the newest release')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--take-over-from', '--take-over-from', [CompletionResultType]::ParameterName, 'Take over objects that CONTROLLER owns (repeatable). Without it, an install over objects that Helm, Argo CD, Flux or the Sail operator owns is refused (`--force` does not change that): stop the other controller first, or it puts its version back')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Turn validation errors into warnings and render anyway')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'meshctl;operator' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Deploy the operator in one shot: the IstioOperator CRD, the operator''s namespace, service account, least-privilege RBAC and Deployment; with -f, also the IstioOperator resource')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Print what `operator init` would apply, as multi-document YAML')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove the operator; with --purge also the IstioOperator CRD. The mesh it installed stays')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the controller (the operator image''s entrypoint): reconcile IstioOperator resources continuously, repair drift, uninstall on delete')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;operator;init' {
            [CompletionResult]::new('--hub', '--hub', [CompletionResultType]::ParameterName, 'The registry of the operator image')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'The tag of the operator image')
            [CompletionResult]::new('--operatorNamespace', '--operatorNamespace', [CompletionResultType]::ParameterName, 'The namespace the operator runs in')
            [CompletionResult]::new('--watchedNamespaces', '--watchedNamespaces', [CompletionResultType]::ParameterName, 'The namespaces whose IstioOperator resources the operator reconciles, comma-separated')
            [CompletionResult]::new('--imagePullSecrets', '--imagePullSecrets', [CompletionResultType]::ParameterName, 'Image pull secrets for the operator''s pod, comma-separated')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An IstioOperator resource to apply once the operator is in place')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'An IstioOperator resource to apply once the operator is in place')
            [CompletionResult]::new('--take-over-helm-in', '--take-over-helm-in', [CompletionResultType]::ParameterName, 'Let the operator take a Helm install over in these namespaces (comma-separated): it may list and delete Secrets there, to remove Helm''s release Secrets once an IstioOperator annotated `meshctl.io/take-over-from: helm` is applied and ready. Withdrawn by running init again without it')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long the operator may take to become ready, e.g. `300s`, `5m`')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be applied and stop: nothing is written to the cluster')
            [CompletionResult]::new('--replace-istio-operator', '--replace-istio-operator', [CompletionResultType]::ParameterName, 'Where Istio''s own operator (Istio 1.23 and older) still runs or left its finalizer: stop and remove it, replace its CRD, and take over its IstioOperator resources (the installed mesh stays as it is). Without this flag init refuses there')
            [CompletionResult]::new('--watch-banzai', '--watch-banzai', [CompletionResultType]::ParameterName, 'Also reconcile Banzai Cloud''s Istio resources (istio.banzaicloud.io/v1beta1) in the watched namespaces (the operator runs with `--watch-banzai` and may read and write them). Refused while Banzai''s own operator still runs')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;operator;dump' {
            [CompletionResult]::new('--hub', '--hub', [CompletionResultType]::ParameterName, 'The registry of the operator image')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'The tag of the operator image')
            [CompletionResult]::new('--operatorNamespace', '--operatorNamespace', [CompletionResultType]::ParameterName, 'The namespace the operator runs in')
            [CompletionResult]::new('--watchedNamespaces', '--watchedNamespaces', [CompletionResultType]::ParameterName, 'The namespaces whose IstioOperator resources the operator reconciles, comma-separated')
            [CompletionResult]::new('--imagePullSecrets', '--imagePullSecrets', [CompletionResultType]::ParameterName, 'Image pull secrets for the operator''s pod, comma-separated')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An IstioOperator resource to apply once the operator is in place')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'An IstioOperator resource to apply once the operator is in place')
            [CompletionResult]::new('--take-over-helm-in', '--take-over-helm-in', [CompletionResultType]::ParameterName, 'Let the operator take a Helm install over in these namespaces (comma-separated): it may list and delete Secrets there, to remove Helm''s release Secrets once an IstioOperator annotated `meshctl.io/take-over-from: helm` is applied and ready. Withdrawn by running init again without it')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long the operator may take to become ready, e.g. `300s`, `5m`')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be applied and stop: nothing is written to the cluster')
            [CompletionResult]::new('--replace-istio-operator', '--replace-istio-operator', [CompletionResultType]::ParameterName, 'Where Istio''s own operator (Istio 1.23 and older) still runs or left its finalizer: stop and remove it, replace its CRD, and take over its IstioOperator resources (the installed mesh stays as it is). Without this flag init refuses there')
            [CompletionResult]::new('--watch-banzai', '--watch-banzai', [CompletionResultType]::ParameterName, 'Also reconcile Banzai Cloud''s Istio resources (istio.banzaicloud.io/v1beta1) in the watched namespaces (the operator runs with `--watch-banzai` and may read and write them). Refused while Banzai''s own operator still runs')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;operator;remove' {
            [CompletionResult]::new('--operatorNamespace', '--operatorNamespace', [CompletionResultType]::ParameterName, 'The namespace the operator runs in')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for each object to be gone, e.g. `300s`, `5m`')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--purge', '--purge', [CompletionResultType]::ParameterName, 'Also remove the IstioOperator CRD (IstioOperator resources go with it; the mesh stays)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;operator;run' {
            [CompletionResult]::new('--watchedNamespaces', '--watchedNamespaces', [CompletionResultType]::ParameterName, 'The namespaces whose IstioOperator resources to reconcile, comma-separated')
            [CompletionResult]::new('--operatorNamespace', '--operatorNamespace', [CompletionResultType]::ParameterName, 'The namespace of the leader-election Lease (the operator''s own namespace)')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'This replica''s name in the Lease (default: the pod name, else host name and process id)')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long each component may take to become ready before the resource is marked Error')
            [CompletionResult]::new('--resync', '--resync', [CompletionResultType]::ParameterName, 'How often a healthy resource is checked again even when nothing changed')
            [CompletionResult]::new('--probe-address', '--probe-address', [CompletionResultType]::ParameterName, 'Where to serve the health probes `/healthz` and `/readyz` (port 0 picks a free port)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--watch-banzai', '--watch-banzai', [CompletionResultType]::ParameterName, 'Also reconcile Banzai Cloud''s Istio resources (istio.banzaicloud.io/v1beta1) in the watched namespaces, through a generated IstioOperator each, when their CRD is installed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;operator;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Deploy the operator in one shot: the IstioOperator CRD, the operator''s namespace, service account, least-privilege RBAC and Deployment; with -f, also the IstioOperator resource')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Print what `operator init` would apply, as multi-document YAML')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove the operator; with --purge also the IstioOperator CRD. The mesh it installed stays')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the controller (the operator image''s entrypoint): reconcile IstioOperator resources continuously, repair drift, uninstall on delete')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;operator;help;init' {
            break
        }
        'meshctl;operator;help;dump' {
            break
        }
        'meshctl;operator;help;remove' {
            break
        }
        'meshctl;operator;help;run' {
            break
        }
        'meshctl;operator;help;help' {
            break
        }
        'meshctl;create-remote-secret' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of this cluster in the mesh (its `clusterName`); a DNS-1123 label. Default: the UID of its kube-system namespace')
            [CompletionResult]::new('--service-account', '--service-account', [CompletionResultType]::ParameterName, 'Whose token to put in the Secret. Default: istio-reader-service-account for `--type remote`, istiod for `--type config`')
            [CompletionResult]::new('--create-service-account', '--create-service-account', [CompletionResultType]::ParameterName, 'Create the reader service account and its RBAC in this cluster when they are missing')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'The API server address the other cluster''s istiod should use (default: this kubeconfig''s)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Which Secret to make')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The Istio system namespace of this cluster (where the service account lives)')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'The Istio system namespace of this cluster (where the service account lives)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write to standard output even when it is a terminal (the Secret holds a token)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'meshctl;tag' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or move a revision tag (`--overwrite` to move an existing one). The `default` tag also injects `istio-injection=enabled` namespaces and validates cluster-wide')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Print a revision tag''s objects as YAML without writing them (for GitOps)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the revision tags: tag, revision, namespaces that use it')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a revision tag; refused while namespaces use it, unless --force')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;tag;set' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The control plane revision the tag points at (`default` for the unrevisioned one)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The control plane revision the tag points at (`default` for the unrevisioned one)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The namespace of the control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'The namespace of the control plane')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Move the tag if it exists already')
            [CompletionResult]::new('--auto-inject-namespaces', '--auto-inject-namespaces', [CompletionResultType]::ParameterName, 'Inject every namespace that has no injection label (`sidecarInjectorWebhook.enableNamespacesByDefault`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the tag even when its webhook would overlap another injector')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;tag;generate' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The control plane revision the tag points at (`default` for the unrevisioned one)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The control plane revision the tag points at (`default` for the unrevisioned one)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The namespace of the control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'The namespace of the control plane')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Move the tag if it exists already')
            [CompletionResult]::new('--auto-inject-namespaces', '--auto-inject-namespaces', [CompletionResultType]::ParameterName, 'Inject every namespace that has no injection label (`sidecarInjectorWebhook.enableNamespacesByDefault`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the tag even when its webhook would overlap another injector')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;tag;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The namespace of the control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'The namespace of the control plane')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'meshctl;tag;remove' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The namespace of the control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'The namespace of the control plane')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Remove it even while namespaces are labelled with it (their new pods are not injected)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;tag;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or move a revision tag (`--overwrite` to move an existing one). The `default` tag also injects `istio-injection=enabled` namespaces and validates cluster-wide')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Print a revision tag''s objects as YAML without writing them (for GitOps)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the revision tags: tag, revision, namespaces that use it')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a revision tag; refused while namespaces use it, unless --force')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;tag;help;set' {
            break
        }
        'meshctl;tag;help;generate' {
            break
        }
        'meshctl;tag;help;list' {
            break
        }
        'meshctl;tag;help;remove' {
            break
        }
        'meshctl;tag;help;help' {
            break
        }
        'meshctl;migrate' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('banzai', 'banzai', [CompletionResultType]::ParameterValue, 'Print the IstioOperator equivalent to a Banzai Cloud `Istio` resource (istio.banzaicloud.io/v1beta1), with mTLS and injection namespaces as meshctl.io annotations; fields Istio 1.31 has no place for are warned about on standard error')
            [CompletionResult]::new('helm', 'helm', [CompletionResultType]::ParameterValue, 'Take over the Istio that Helm installed: read each release of Istio''s `base` and `istiod` charts from its release Secret, print the equivalent IstioOperator (one per control-plane revision) on standard output, install it over the release''s objects (no object is deleted and recreated; istiod keeps its Deployment), and, once it is ready, remove the releases'' Secrets so that `helm list` no longer shows them and `helm uninstall` cannot delete the mesh. Releases of the `gateway`, `istio-cni` and `ztunnel` charts are left to Helm, and said so. Interrupted, run it again: it converges')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;migrate;banzai' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The Banzai `Istio` file (`-` reads standard input)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'The Banzai `Istio` file (`-` reads standard input)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of standard output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;migrate;helm' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the IstioOperator to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the IstioOperator to FILE instead of standard output')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the IstioOperator and the plan, and stop: nothing is written to the cluster')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;migrate;help' {
            [CompletionResult]::new('banzai', 'banzai', [CompletionResultType]::ParameterValue, 'Print the IstioOperator equivalent to a Banzai Cloud `Istio` resource (istio.banzaicloud.io/v1beta1), with mTLS and injection namespaces as meshctl.io annotations; fields Istio 1.31 has no place for are warned about on standard error')
            [CompletionResult]::new('helm', 'helm', [CompletionResultType]::ParameterValue, 'Take over the Istio that Helm installed: read each release of Istio''s `base` and `istiod` charts from its release Secret, print the equivalent IstioOperator (one per control-plane revision) on standard output, install it over the release''s objects (no object is deleted and recreated; istiod keeps its Deployment), and, once it is ready, remove the releases'' Secrets so that `helm list` no longer shows them and `helm uninstall` cannot delete the mesh. Releases of the `gateway`, `istio-cni` and `ztunnel` charts are left to Helm, and said so. Interrupted, run it again: it converges')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;migrate;help;banzai' {
            break
        }
        'meshctl;migrate;help;helm' {
            break
        }
        'meshctl;migrate;help;help' {
            break
        }
        'meshctl;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;version' {
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Only meshctl itself: do not look for a cluster')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;help' {
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Render manifests offline')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Show, dump and compare the built-in profiles')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what an install would change in the cluster, including what it would prune (exit 0: no change, 1: changes, 2: error)')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install or upgrade Istio: show the plan, confirm, apply in dependency order, wait until ready, prune what is no longer rendered')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove an installation: one revision, the objects a file renders, or everything (--purge)')
            [CompletionResult]::new('verify-install', 'verify-install', [CompletionResultType]::ParameterValue, 'Check that every rendered object exists and every workload is ready (exit 1 when not)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check IstioOperator files without rendering or a cluster: every problem of every file is listed (exit 1 when there is one)')
            [CompletionResult]::new('precheck', 'precheck', [CompletionResultType]::ParameterValue, 'Check what an install would hit before writing anything: the Kubernetes version, the permissions it needs, installed revisions and tags, overlapping injectors, Gateway API CRD versions (exit 1 with the list when something would fail)')
            [CompletionResult]::new('operator', 'operator', [CompletionResultType]::ParameterValue, 'Deploy, inspect, remove or run the in-cluster operator that keeps IstioOperator resources installed')
            [CompletionResult]::new('create-remote-secret', 'create-remote-secret', [CompletionResultType]::ParameterValue, 'Print the Secret a primary cluster''s istiod needs to read this cluster (istioctl''s shape), for `kubectl apply` in the primary. It carries a token: it is written only to standard output, and not to a terminal without --force')
            [CompletionResult]::new('tag', 'tag', [CompletionResultType]::ParameterValue, 'Create, list, generate and remove revision tags: stable names (`prod`, `default`) that point at a control plane revision, so that namespaces labelled `istio.io/rev=TAG` move to a new revision when the tag does')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Translate other installers'' resources into IstioOperator files')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print meshctl''s version and the Istio releases it renders; with a cluster, also each control-plane revision with its release and how many pods run a sidecar of each release')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'meshctl;help;manifest' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Render the manifests for the merged input as multi-document YAML, in a stable order')
            break
        }
        'meshctl;help;manifest;generate' {
            break
        }
        'meshctl;help;profile' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the built-in profiles, one per line')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Print the merged IstioOperator for a profile and any input')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show how two profiles differ, as a unified diff (exit 0: same, 1: they differ, 2: error)')
            break
        }
        'meshctl;help;profile;list' {
            break
        }
        'meshctl;help;profile;dump' {
            break
        }
        'meshctl;help;profile;diff' {
            break
        }
        'meshctl;help;diff' {
            break
        }
        'meshctl;help;install' {
            break
        }
        'meshctl;help;uninstall' {
            break
        }
        'meshctl;help;verify-install' {
            break
        }
        'meshctl;help;validate' {
            break
        }
        'meshctl;help;precheck' {
            break
        }
        'meshctl;help;operator' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Deploy the operator in one shot: the IstioOperator CRD, the operator''s namespace, service account, least-privilege RBAC and Deployment; with -f, also the IstioOperator resource')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Print what `operator init` would apply, as multi-document YAML')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove the operator; with --purge also the IstioOperator CRD. The mesh it installed stays')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the controller (the operator image''s entrypoint): reconcile IstioOperator resources continuously, repair drift, uninstall on delete')
            break
        }
        'meshctl;help;operator;init' {
            break
        }
        'meshctl;help;operator;dump' {
            break
        }
        'meshctl;help;operator;remove' {
            break
        }
        'meshctl;help;operator;run' {
            break
        }
        'meshctl;help;create-remote-secret' {
            break
        }
        'meshctl;help;tag' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or move a revision tag (`--overwrite` to move an existing one). The `default` tag also injects `istio-injection=enabled` namespaces and validates cluster-wide')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Print a revision tag''s objects as YAML without writing them (for GitOps)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the revision tags: tag, revision, namespaces that use it')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a revision tag; refused while namespaces use it, unless --force')
            break
        }
        'meshctl;help;tag;set' {
            break
        }
        'meshctl;help;tag;generate' {
            break
        }
        'meshctl;help;tag;list' {
            break
        }
        'meshctl;help;tag;remove' {
            break
        }
        'meshctl;help;migrate' {
            [CompletionResult]::new('banzai', 'banzai', [CompletionResultType]::ParameterValue, 'Print the IstioOperator equivalent to a Banzai Cloud `Istio` resource (istio.banzaicloud.io/v1beta1), with mTLS and injection namespaces as meshctl.io annotations; fields Istio 1.31 has no place for are warned about on standard error')
            [CompletionResult]::new('helm', 'helm', [CompletionResultType]::ParameterValue, 'Take over the Istio that Helm installed: read each release of Istio''s `base` and `istiod` charts from its release Secret, print the equivalent IstioOperator (one per control-plane revision) on standard output, install it over the release''s objects (no object is deleted and recreated; istiod keeps its Deployment), and, once it is ready, remove the releases'' Secrets so that `helm list` no longer shows them and `helm uninstall` cannot delete the mesh. Releases of the `gateway`, `istio-cni` and `ztunnel` charts are left to Helm, and said so. Interrupted, run it again: it converges')
            break
        }
        'meshctl;help;migrate;banzai' {
            break
        }
        'meshctl;help;migrate;helm' {
            break
        }
        'meshctl;help;completions' {
            break
        }
        'meshctl;help;version' {
            break
        }
        'meshctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
