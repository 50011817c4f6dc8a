# One image for every Rapport process, built once: `rapport web` by default; compose.yaml
# runs `rapport migrate` and `rapport clock` from the same image. Packages come from the
# hashed runtime lock (requirements.txt, made by deploy/lock), then Rapport itself with
# nothing fetched (tests/test_deploy.py keeps this and the other recipes in step).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin rapport \
    && mkdir /data && chown rapport /data

# The packages first: this layer is rebuilt only when the lock changes.
COPY requirements.txt ./
RUN python3 -m venv .venv && .venv/bin/pip install -q --require-hashes -r requirements.txt

COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
RUN .venv/bin/pip install -q --no-deps --no-build-isolation --no-index .

# /data: where a SQLite database can live (DATABASE_URL=sqlite:////data/rapport.db) on a
# volume; compose.yaml uses PostgreSQL instead.
ENV PATH=/app/.venv/bin:$PATH PORT=3000
USER rapport
EXPOSE 3000
CMD ["rapport", "web"]
