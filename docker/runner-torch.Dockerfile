# The torch runner image: the NumPy runner image plus PyTorch (CPU). Built by docker/build-runner.sh FROM the
# local mljudge-runner image (no registry involved) with wheels the host's own pip downloaded into the build
# context: the image's pip installs them with --no-index, so it never needs the host's index configuration.
ARG BASE
FROM ${BASE} AS install
ARG PYVER=3.11
USER root
COPY . /tmp/wheels/
# --prefix, then only the new site-packages are copied below: the wheels themselves (200 MB) never end up in
# a layer of the final image.
RUN /opt/venv/bin/pip install --no-cache-dir --no-index --find-links /tmp/wheels --prefix /opt/torch-layer \
      -r /tmp/wheels/runner-torch-requirements.txt \
 && mv /opt/torch-layer/lib/python3*/site-packages /opt/torch-site \
 && test -d /opt/venv/lib/python${PYVER}/site-packages

FROM ${BASE}
ARG PYVER=3.11
COPY --from=install /opt/torch-site/ /opt/venv/lib/python${PYVER}/site-packages/
USER 65534:65534
WORKDIR /sandbox
