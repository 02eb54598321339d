FROM python:3.11-slim
WORKDIR /app
# The CPU build of torch: an unpinned torch would pull a multi-GB CUDA build.
RUN pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml README.md ./
COPY bot bot
COPY agent agent
COPY store store
COPY evaluation evaluation
COPY prompts prompts
RUN pip install --no-cache-dir . && useradd --create-home moviebot
USER moviebot
# compose.yaml mounts Chroma's volume here; made now so the volume belongs to moviebot
RUN mkdir -p /home/moviebot/chroma
ENV MOVIEBOT_HOME=/home/moviebot/data HF_HUB_OFFLINE=1
# Index the starter catalog at build time so the first message is answered at once
# (with MOVIEBOT_CHROMA_URL set, the first start copies its vectors to the server).
RUN moviebot catalog stats >/dev/null
VOLUME /home/moviebot/data
ENTRYPOINT ["moviebot"]
CMD ["chat"]
