# Shell functions shared by docker/build-runner.sh and docker/build-app.sh (sourced; not run on its own).

# The Debian mirror this host's apt already uses (deb822 .sources or one-line .list): the project names none.
host_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN{RS="";FS="\n"} /(^|\n)Suites:[^\n]*bookworm( |\n|$)/ && /(^|\n)Types:[^\n]*deb( |\n|$)/ {
           for (i = 1; i <= NF; i++) if ($i ~ /^URIs:/) { split($i, u, " "); print u[2]; exit } }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/) { if ($(i+1) == "bookworm") print $i; break } }' "$f"
  done
}

# The host's pip: it knows this host's package index and CA configuration, which a chroot or an image does not.
host_pip() {
  local py
  for py in "$project/.venv/bin/python" python3; do
    if "$py" -m pip --version >/dev/null 2>&1; then echo "$py"; return 0; fi
  done
  echo "no pip on this host to fetch wheels with (python3 -m pip)" >&2
  return 1
}
