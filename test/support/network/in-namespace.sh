#!/usr/bin/env bash
# Runs a command in a network and mount namespace of its own, made by the caller with
# `unshare -rnm` (no privileges needed; nothing can leave the machine from there): loopback
# up with the given extra addresses on it, /etc/hosts replaced by the given file for this
# namespace only, and a listener that never answers on SILENT_ADDRESS:SILENT_PORT (its
# accept queue is full, so new connections are dropped, as a firewall drops them).
# Usage: unshare -rnm bash in-namespace.sh HOSTS_FILE SILENT_ADDRESS SILENT_PORT [ADDRESS/PREFIX ...] -- COMMAND...
set -euo pipefail
hosts=$1 silent_address=$2 silent_port=$3
shift 3
ip link set lo up
while [ "$1" != "--" ]; do
  ip addr add "$1" dev lo
  shift
done
shift
mount --bind "$hosts" /etc/hosts

ready=$(mktemp)
python3 -c '
import socket, sys, time
address, port, ready = sys.argv[1], int(sys.argv[2]), sys.argv[3]
family = socket.AF_INET6 if ":" in address else socket.AF_INET
listener = socket.socket(family)
listener.bind((address, port))
listener.listen(0)
fillers = []
for _ in range(2):
    filler = socket.socket(family)
    filler.setblocking(False)
    filler.connect_ex((address, port))
    fillers.append(filler)
time.sleep(0.1)
open(ready, "w").write("ready")
time.sleep(600)
' "$silent_address" "$silent_port" "$ready" &
listener=$!
while [ ! -s "$ready" ]; do sleep 0.05; done
rm -f "$ready"

status=0
"$@" || status=$?
kill "$listener"
exit "$status"
