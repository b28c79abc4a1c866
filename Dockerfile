# One image for every Briefbot service; dependencies come from the hashed lock.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
COPY seeds ./seeds
RUN pip install --no-cache-dir --no-deps . \
    && useradd --create-home --uid 10001 briefbot \
    && mkdir -p /data && chown briefbot /data

USER briefbot
ENV BRIEFBOT_DB=/data/briefbot.db BRIEFBOT_HTTP_HOST=0.0.0.0
VOLUME ["/data"]
ENTRYPOINT ["briefbot"]
CMD ["--help"]
