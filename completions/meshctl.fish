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
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "version" -d 'Print meshctl\'s version and the Istio version it installs'
complete -c meshctl -n "__fish_meshctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate help" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate help" -f -a "generate" -d 'Render the manifests for the merged input as multi-document YAML, in a stable order'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s f -l filename -d 'An IstioOperator file to overlay, left to right (`-` reads standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s s -l set -d 'Set one value with istioctl\'s path syntax, e.g. `values.global.proxy.privileged=true`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s r -l revision -d 'Render a revisioned control plane (names and labels carry `-REV`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s o -l output -d 'Write to FILE, or to one file per component when the path is an existing directory or ends in `/`' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l force -d 'Turn validation errors into warnings and render anyway'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Render the manifests for the merged input as multi-document YAML, in a stable order'
complete -c meshctl -n "__fish_meshctl_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "list" -d 'List the built-in profiles, one per line'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "dump" -d 'Print the merged IstioOperator for a profile and any input'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "diff" -d 'Show how two profiles differ, as a unified diff (exit 1 when they differ)'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and not __fish_seen_subcommand_from list dump diff help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -s f -l filename -d 'An IstioOperator file to overlay, left to right (`-` reads standard input)' -r -F
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -s s -l set -d 'Set one value with istioctl\'s path syntax, e.g. `values.global.proxy.privileged=true`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -s r -l revision -d 'Render a revisioned control plane (names and labels carry `-REV`)' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -s o -l output -d 'Output format' -r -f -a "yaml\t''
json\t''
flags\t'One `--set` flag per leaf value'"
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -l config-path -d 'Print only the subtree at this path, e.g. `components.pilot` or `values.global`' -r
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -l force -d 'Turn validation errors into warnings and render anyway'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from dump" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the built-in profiles, one per line'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "dump" -d 'Print the merged IstioOperator for a profile and any input'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Show how two profiles differ, as a unified diff (exit 1 when they differ)'
complete -c meshctl -n "__fish_meshctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand version" -s h -l help -d 'Print help'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile completions version help" -f -a "manifest" -d 'Render manifests offline'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile completions version help" -f -a "profile" -d 'Show, dump and compare the built-in profiles'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile completions version help" -f -a "completions" -d 'Print a shell completion script'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile completions version help" -f -a "version" -d 'Print meshctl\'s version and the Istio version it installs'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and not __fish_seen_subcommand_from manifest profile completions version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "generate" -d 'Render the manifests for the merged input as multi-document YAML, in a stable order'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List the built-in profiles, one per line'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "dump" -d 'Print the merged IstioOperator for a profile and any input'
complete -c meshctl -n "__fish_meshctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "diff" -d 'Show how two profiles differ, as a unified diff (exit 1 when they differ)'
