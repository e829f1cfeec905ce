# shellcheck shell=bash disable=SC2016  # the scripts run on the target take $1, $2 as arguments
# What deploy/release and deploy/rollback share (sourced, not run): where the releases are, and
# how to run a command there. TARGET is a folder here, or user@host:path over ssh; the remote
# shell is $RSYNC_RSH (default: ssh), as for rsync itself, so one setting serves both.
#
#   TARGET/releases/<id>/      every release: a UTC timestamp, then a digest of the site's files
#   TARGET/current -> releases/<id>    what nginx serves (deploy/nginx/location.conf)

export LC_ALL=C  # ids sort by bytes: by time

# parse_target TARGET: set $host (empty for a local folder) and $path.
parse_target() {
  case $1 in
    *:*) host=${1%%:*} path=${1#*:} ;;
    *) host="" path=$1 ;;
  esac
  # The path is handed to a shell on the target, the host to ssh: plain characters only, nothing
  # to quote, no option.
  if ! [[ $path =~ ^[A-Za-z0-9._/+-]+$ ]]; then
    echo "error: $path: use a path of letters, digits and . _ / + - only" >&2
    exit 2
  fi
  if [ -n "$host" ] && ! [[ $host =~ ^[A-Za-z0-9_][A-Za-z0-9._@-]*$ ]]; then
    echo "error: $host is not a user@host for ssh" >&2
    exit 2
  fi
}

# on_target SCRIPT [ARG...]: run the sh SCRIPT with ARGs where the releases are.
on_target() {
  local script=$1
  shift
  if [ -n "$host" ]; then
    # shellcheck disable=SC2086  # RSYNC_RSH is a command line, split into words as rsync does
    ${RSYNC_RSH:-ssh} "$host" sh -s -- "$@" <<<"$script"
  else
    sh -s -- "$@" <<<"$script"
  fi
}

# switch_to ID: point current at releases/ID in one rename; a reader sees the old or the new.
switch_to() {
  on_target 'set -eu; cd "$1"; ln -s "releases/$2" ".current-$2"; mv -T ".current-$2" current' "$path" "$1"
}

# current_release: the id current points to, or nothing before the first release.
current_release() {
  on_target 'cd "$1" 2>/dev/null && readlink current | sed "s|^releases/||" || true' "$path"
}
