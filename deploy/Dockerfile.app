# The app runtime (Python 3.11): the gateway, the action server and the purge job.
# Build from the repository root after `make train index` (the image carries var/index):
#   docker build -f deploy/Dockerfile.app -t relais-app:1.0 .
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PYTHONPATH=/app \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
RUN python -m venv /opt/app
COPY requirements/app.txt /tmp/app.txt
# torch alone first, the CPU build (a plain `torch` would pull CUDA), as the Makefile does.
RUN /opt/app/bin/pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
 && /opt/app/bin/pip install --no-cache-dir -r /tmp/app.txt
WORKDIR /app
COPY api api
COPY actions actions
COPY rasa_sdk_plugins rasa_sdk_plugins
COPY bot bot
COPY directory directory
COPY embeddings embeddings
COPY knowledge_base knowledge_base
COPY privacy privacy
COPY risk_classifier risk_classifier
COPY safety safety
COPY stack stack
COPY tickets tickets
COPY indicators indicators
COPY var/index var/index
RUN useradd --system --uid 10001 relais
USER 10001
