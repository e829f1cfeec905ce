# shellcheck shell=bash
# What deploy/release and deploy/rollback share (sourced, not run): where the releases are and how
# to talk to them. TARGET is a folder here, or user@host:path over ssh, where the deploy key runs
# only deploy/server/policy-deploy (its forced command, for that one path): the scripts send it
# its commands (lock, rsync, publish, rollback) and it does the work on the server. The remote
# shell is $RSYNC_RSH (default: ssh), as for rsync itself, so one setting serves both. For a
# folder here, policy-deploy itself stands in for ssh.

export LC_ALL=C
server="$here/server/policy-deploy"

# parse_target TARGET: set $host (empty for a local folder), $path, and $shell, the command that
# runs one of policy-deploy's commands there: $shell HOST COMMAND...
parse_target() {
  case $1 in
    *:*) host=${1%%:*} path=${1#*:} ;;
    *) host="" path=$1 ;;
  esac
  # The path is a word of the commands sent, the host an argument of ssh: plain characters only,
  # nothing to quote, no option.
  if ! [[ $path =~ ^[A-Za-z0-9._/+-]+$ ]]; then
    echo "error: $path: use a path of letters, digits and . _ / + - only" >&2
    exit 2
  fi
  if [ -n "$host" ]; then
    if ! [[ $host =~ ^[A-Za-z0-9_][A-Za-z0-9._@-]*$ ]]; then
      echo "error: $host is not a user@host for ssh" >&2
      exit 2
    fi
    shell=${RSYNC_RSH:-ssh}
  else
    mkdir -p "$path"
    path=$(cd "$path" && pwd -P)
    host=local
    shell="python3 \"$server\" --ssh $path"
  fi
}

# on_target COMMAND...: run one of policy-deploy's commands where the releases are.
on_target() {
  # shellcheck disable=SC2086  # $shell is a command line, split into words as rsync does
  eval "$shell" '"$host"' '"$@"'
}
