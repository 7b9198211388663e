
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
            cand completions 'Print a shell completion script'
            cand version 'Print meshctl''s version and the Istio version it installs'
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
            cand diff 'Show how two profiles differ, as a unified diff (exit 1 when they differ)'
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
            cand diff 'Show how two profiles differ, as a unified diff (exit 1 when they differ)'
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
        &'meshctl;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;version'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'meshctl;help'= {
            cand manifest 'Render manifests offline'
            cand profile 'Show, dump and compare the built-in profiles'
            cand completions 'Print a shell completion script'
            cand version 'Print meshctl''s version and the Istio version it installs'
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
            cand diff 'Show how two profiles differ, as a unified diff (exit 1 when they differ)'
        }
        &'meshctl;help;profile;list'= {
        }
        &'meshctl;help;profile;dump'= {
        }
        &'meshctl;help;profile;diff'= {
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
