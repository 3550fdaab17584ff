# One image for every AeroScrap service: migrate, scrapyd, scheduler and api (docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    AEROSCRAP_CHROMIUM_PATH=/usr/bin/chromium

# Debian's Chromium for the scrapy-playwright spider: `playwright install` needs the internet.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml setup.py README.md scrapy.cfg ./
COPY aeroscrap ./aeroscrap
COPY spiders ./spiders
COPY graphql_api ./graphql_api
COPY resume_parser ./resume_parser
COPY deploy ./deploy
COPY schedule.example.toml ./

# The egg that scrapyd nodes deploy to themselves at start (deploy/scrapyd-start.sh) is built
# here, from the same sources as the installed package, so node code and egg never differ.
RUN pip install . \
    && mkdir -p /opt/aeroscrap \
    && scrapyd-deploy --build-egg /opt/aeroscrap/aeroscrap.egg \
    && rm -rf build ./*.egg-info

RUN useradd --system --uid 10001 --home-dir /var/lib/aeroscrap --create-home aeroscrap \
    && mkdir -p /var/lib/scrapyd /var/lib/aeroscrap/resumes /var/lib/aeroscrap/spool \
    && chown -R aeroscrap /var/lib/scrapyd /var/lib/aeroscrap
USER aeroscrap

ENV AEROSCRAP_EGG=/opt/aeroscrap/aeroscrap.egg \
    SCRAPYD_HOME=/var/lib/scrapyd \
    AEROSCRAP_RESUME_DIR=/var/lib/aeroscrap/resumes \
    AEROSCRAP_SPOOL_DIR=/var/lib/aeroscrap/spool

EXPOSE 6800 8000
CMD ["aeroscrap", "serve", "--host", "0.0.0.0", "--port", "8000"]
