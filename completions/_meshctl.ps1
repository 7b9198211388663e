
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
