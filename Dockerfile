FROM python:3.11-slim
WORKDIR /app
# The CPU build of torch: an unpinned torch would pull a multi-GB CUDA build.
RUN pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml README.md ./
COPY bot bot
COPY agent agent
COPY store store
COPY prompts prompts
RUN pip install --no-cache-dir . && useradd --create-home moviebot
USER moviebot
ENV MOVIEBOT_HOME=/home/moviebot/data HF_HUB_OFFLINE=1
# Index the starter catalog at build time so the first message is answered at once.
RUN moviebot catalog stats >/dev/null
VOLUME /home/moviebot/data
ENTRYPOINT ["moviebot"]
CMD ["chat"]
