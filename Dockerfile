# The dashboard as a container: slim Python, a non-root user, a health check, port 8501.
#   docker build -t aleppo-frontlines .
#   docker run -p 8501:8501 aleppo-frontlines            # http://localhost:8501
# compose.yaml runs two replicas of this image (the stage "app") behind nginx (the stage "proxy")
# under /aleppo/.
FROM python:3.11-slim AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    FRONTLINES_CACHE=/home/app/.cache/aleppo-frontlines

RUN useradd --create-home --uid 10001 app
WORKDIR /app

# Dependencies first, from the lock file (hashes checked): this layer is rebuilt only when it changes.
COPY requirements.txt ./
RUN pip install --require-hashes -r requirements.txt

# The app's own code runs from /app (streamlit run puts the script's folder on the path).
COPY --chown=app:app . .

USER app
# Parse and validate the shipped theatre once at build time, so a fresh replica starts fast;
# compile the app's own modules too (PYTHONDONTWRITEBYTECODE keeps a process from writing them,
# so each start would compile them again).
RUN python -m geo cache --data data/aleppo && python -m compileall -q serve.py dashboard.py dashboard_resources.py geo mapui components

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "scripts/healthcheck.py"]
# serve.py is `streamlit run dashboard.py` with the imports and the theatre prepared while the server
# starts, so a fresh replica's first reader does not wait for them.
CMD ["python", "-m", "serve", "--server.port=8501", "--server.address=0.0.0.0"]

# nginx for compose.yaml, holding the frontend bundle of this very image's Streamlit, which it serves
# itself (deploy/nginx/frontlines.conf.template explains why).
FROM nginx:1.27-alpine AS proxy
COPY --from=app /usr/local/lib/python3.11/site-packages/streamlit/static/static /srv/streamlit-static

# `docker build .` builds the dashboard.
FROM app
