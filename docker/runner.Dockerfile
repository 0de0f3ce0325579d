# The runner image: what submitted code runs in. Built by docker/build-runner.sh where a registry is
# reachable; elsewhere build-runner.sh builds the same layout from Debian packages (debootstrap + docker import).
FROM python:3.11-slim-bookworm
COPY runner-requirements.txt /tmp/runner-requirements.txt
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir -r /tmp/runner-requirements.txt \
 && rm /tmp/runner-requirements.txt \
 && mkdir -p /sandbox && chmod 0755 /sandbox
ENV PATH=/opt/venv/bin:/usr/local/bin:/usr/bin:/bin
USER 65534:65534
WORKDIR /sandbox
