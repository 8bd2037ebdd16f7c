# fish completion for ipc: generated from the command tree by dev.ipc.docs (scripts/generate-docs).
# Install as share/fish/vendor_completions.d/ipc.fish.

# The subcommands typed so far, after the program name: "ipc", "ipc ls", "ipc sem tune".
function __ipc_path
    set -l path ipc
    set -l words (commandline -opc)
    set -e words[1]
    for word in $words
        switch "$path $word"
            case 'ipc ls' 'ipc sem' 'ipc msg' 'ipc shm' 'ipc fifo' 'ipc help'
                set path "$path $word"
        end
    end
    echo $path
end

function __ipc_at
    test (__ipc_path) = "$argv[1]"
end

# Completes the item after the last comma of a comma-separated list (ls -o KEY,ID,+CTIME).
function __ipc_list
    set -l token (commandline -ct)
    string match -q -- '-*=*' $token; and set token (string replace -r -- '^[^=]*=' '' $token)
    set -l done (string match -r -- '^.*,' $token; or string match -r -- '^\+' $token)
    for value in $argv
        echo "$done$value"
    end
end

complete -c ipc -f

complete -c ipc -n "__ipc_at 'ipc'" -a 'ls' -d 'List System V IPC objects exactly as ipcs(1) prints them.'
complete -c ipc -n "__ipc_at 'ipc'" -a 'sem' -d 'Semaphore sets: tune the kernel\'s limits, read and change values, run semop, and the lab demo.'
complete -c ipc -n "__ipc_at 'ipc'" -a 'msg' -d 'Message queues: tune the kernel\'s limits, send and receive messages, and the lab demo.'
complete -c ipc -n "__ipc_at 'ipc'" -a 'shm' -d 'Shared memory: tune the kernel\'s limits, read and write segments, and the lab demo.'
complete -c ipc -n "__ipc_at 'ipc'" -a 'fifo' -d 'The client/server FIFO design: a server, a client and a benchmark.'
complete -c ipc -n "__ipc_at 'ipc'" -a 'help' -d 'Display help information about the specified command.'
complete -c ipc -n "__ipc_at 'ipc'" -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c ipc -n "__ipc_at 'ipc'" -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c ipc -n "__ipc_at 'ipc'" -l 'color' -x -a 'auto always never' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.'

complete -c ipc -n "__ipc_at 'ipc ls'" -s 'i' -l 'id' -r -F -d 'Show details of the object with this id; needs exactly one of -q, -m, -s.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'q' -l 'queues' -d 'Message queues.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'm' -l 'shmems' -d 'Shared memory segments.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 's' -l 'semaphores' -d 'Semaphore sets.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'a' -l 'all' -d 'All three (the default).'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 't' -l 'time' -d 'Show attach, detach and change times.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'p' -l 'pid' -d 'Show creator and last operation PIDs.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'c' -l 'creator' -d 'Show creator and owner.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'l' -l 'limits' -d 'Show the kernel\'s limits.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'u' -l 'summary' -d 'Show a summary of what is in use.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'b' -l 'bytes' -d 'Show sizes in bytes.'
complete -c ipc -n "__ipc_at 'ipc ls'" -l 'human' -d 'Show sizes in a human-readable form (1K, 2.5M).'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'g' -l 'global' -d 'lsipc\'s table of every limit with how much of it is in use (with -q, -m, -s: of those).'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'Q' -l 'posix-mqueues' -d 'POSIX message queues (/dev/mqueue).'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'M' -l 'posix-shmems' -d 'POSIX shared memory objects (/dev/shm).'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'S' -l 'posix-semaphores' -d 'POSIX named semaphores (/dev/shm/sem.*).'
complete -c ipc -n "__ipc_at 'ipc ls'" -l 'posix' -d 'All three POSIX kinds.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'N' -l 'name' -r -F -d 'Only the POSIX object of this name (with one of -Q, -M, -S).'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'J' -l 'json' -d 'JSON output, numbers as numbers.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'e' -l 'export' -d 'NAME="value" pairs, one object a line.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'r' -l 'raw' -d 'Unaligned columns, blanks escaped.'
complete -c ipc -n "__ipc_at 'ipc ls'" -l 'noheadings' -d 'No heading line.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'o' -l 'output' -x -a '(__ipc_list KEY ID NAME OWNER PERMS CUID CUSER CGID CGROUP UID USER GID GROUP CTIME MTIME SIZE NATTCH STATUS ATTACH DETACH COMMAND CPID LPID USEDBYTES MSGS SEND RECV LSPID LRPID MAXMSGS MSGSIZE NSEMS OTIME SVAL RESOURCE DESCRIPTION LIMIT USED USE%)' -d 'The columns to show, comma-separated; +LIST adds them to the defaults.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'P' -l 'numeric-perms' -d 'Permissions in octal (644).'
complete -c ipc -n "__ipc_at 'ipc ls'" -l 'time-format' -x -a 'short full iso' -d 'Times as short, full or iso (default: short; iso in JSON).'
complete -c ipc -n "__ipc_at 'ipc ls'" -l 'notruncate' -d 'Accepted for lsipc; nothing is truncated.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c ipc -n "__ipc_at 'ipc ls'" -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c ipc -n "__ipc_at 'ipc ls'" -l 'color' -x -a 'auto always never' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.'

complete -c ipc -n "__ipc_at 'ipc sem'" -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c ipc -n "__ipc_at 'ipc sem'" -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c ipc -n "__ipc_at 'ipc sem'" -l 'color' -x -a 'auto always never' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.'

complete -c ipc -n "__ipc_at 'ipc msg'" -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c ipc -n "__ipc_at 'ipc msg'" -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c ipc -n "__ipc_at 'ipc msg'" -l 'color' -x -a 'auto always never' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.'

complete -c ipc -n "__ipc_at 'ipc shm'" -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c ipc -n "__ipc_at 'ipc shm'" -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c ipc -n "__ipc_at 'ipc shm'" -l 'color' -x -a 'auto always never' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.'

complete -c ipc -n "__ipc_at 'ipc fifo'" -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c ipc -n "__ipc_at 'ipc fifo'" -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c ipc -n "__ipc_at 'ipc fifo'" -l 'color' -x -a 'auto always never' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.'

complete -c ipc -n "__ipc_at 'ipc help'" -a 'ls' -d 'List System V IPC objects exactly as ipcs(1) prints them.'
complete -c ipc -n "__ipc_at 'ipc help'" -a 'sem' -d 'Semaphore sets: tune the kernel\'s limits, read and change values, run semop, and the lab demo.'
complete -c ipc -n "__ipc_at 'ipc help'" -a 'msg' -d 'Message queues: tune the kernel\'s limits, send and receive messages, and the lab demo.'
complete -c ipc -n "__ipc_at 'ipc help'" -a 'shm' -d 'Shared memory: tune the kernel\'s limits, read and write segments, and the lab demo.'
complete -c ipc -n "__ipc_at 'ipc help'" -a 'fifo' -d 'The client/server FIFO design: a server, a client and a benchmark.'
complete -c ipc -n "__ipc_at 'ipc help'" -s 'h' -l 'help' -d 'Show usage help for the help command and exit.'
complete -c ipc -n "__ipc_at 'ipc help'" -l 'color' -x -a 'auto always never' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.'
