# One image for every Rapport process: `rapport web` by default; compose.yaml also runs
# `rapport clock` and `rapport migrate` from it. The install step is the README's, verbatim
# (tests/test_deploy.py keeps the two in step).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin rapport

COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
RUN python3 -m venv .venv && .venv/bin/pip install -q -e .

ENV PATH=/app/.venv/bin:$PATH PORT=3000
USER rapport
EXPOSE 3000
CMD ["rapport", "web"]
