
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
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print meshctl''s version and the Istio version it installs')
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
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show how two profiles differ, as a unified diff (exit 1 when they differ)')
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
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show how two profiles differ, as a unified diff (exit 1 when they differ)')
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
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
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
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Turn validation errors into warnings and render anyway')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and stop: nothing is written to the cluster')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'An IstioOperator file to overlay, left to right (`-` reads standard input)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set one value with istioctl''s path syntax, e.g. `values.global.proxy.privileged=true`')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Render a revisioned control plane (names and labels carry `-REV`)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long each component may take to become ready, e.g. `300s`, `5m`, `1m30s`')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Turn validation errors into warnings and render anyway')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when standard input is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and stop: nothing is written to the cluster')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
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
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'The kubeconfig file to use (default: the KUBECONFIG list, then ~/.kube/config)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'The kubeconfig context to use (default: its current context)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Turn validation errors into warnings and render anyway')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'meshctl;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'meshctl;version' {
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
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print meshctl''s version and the Istio version it installs')
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
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show how two profiles differ, as a unified diff (exit 1 when they differ)')
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
