# The application image: web (gunicorn), Celery workers and beat. Built by docker/build-app.sh FROM the local
# mljudge-base image with --network none: the wheels in the context were fetched by the host's pip.
ARG BASE
FROM ${BASE} AS install
COPY wheels /tmp/wheels
# A separate stage: the wheels themselves never end up in a layer of the final image.
RUN python3 -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --disable-pip-version-check --no-index --find-links /tmp/wheels \
      -r /tmp/wheels/requirements.txt

FROM ${BASE}
COPY --from=install /opt/venv /opt/venv
COPY app /app
ENV PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PYTHONPATH=/app/platform:/app \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=mljudge.config.settings.prod \
    MLJUDGE_VAR_DIR=/var/lib/mljudge \
    MLJUDGE_STATIC_ROOT=/app/static-root \
    MLJUDGE_PROBLEMS_DIR=/app/problems \
    MLJUDGE_LOG_FORMAT=json
# Static files are collected at build time (prod settings want a key and a host; neither is kept).
RUN SECRET_KEY=build-time-only-collectstatic-0123456789abcdef ALLOWED_HOSTS=build \
      python -m django collectstatic --no-input -v 0 \
 && python -m compileall -q /app/grader /app/platform/mljudge /app/mljudge_cli \
 && mkdir -p /var/lib/mljudge/metrics && chown -R mljudge:mljudge /var/lib/mljudge
USER mljudge
WORKDIR /app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["gunicorn", "--config", "/app/platform/mljudge/config/gunicorn.py", "mljudge.config.wsgi"]
