# vocnlp: `make demo`, `make test`, `make bench`; each runs the shared set-up (`make install`) first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.vocnlp-installed

.PHONY: install lint demo test bench bench-jobs heads notebooks clean

install: $(STAMP)

# torch==2.13.0 first: it is the CPU build this machine has on disk; a bare `torch` would pull CUDA.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e ".[all,dev]"
	touch $(STAMP)

demo: install
	$(VENV)/bin/vocnlp demo --out vocnlp-demo

# ruff (the rules in pyproject.toml), the one formatting, and mypy over src: all must report nothing
lint: install
	$(VENV)/bin/ruff check src
	$(VENV)/bin/ruff format --check src
	$(VENV)/bin/mypy

test: install lint
	HF_HUB_OFFLINE=1 $(PY) -m pytest src tests

bench: install
	HF_HUB_OFFLINE=1 $(PY) benchmarks/startup.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/encode.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/encode.py --no-bf16
	HF_HUB_OFFLINE=1 $(PY) benchmarks/comment_vectors.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/langid.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/langid_prior.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/heads.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/quality.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/themes.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/themes_real.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/aspect_sentiment.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/themes_parallel.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/analyze.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/service.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/attack.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/gpu.py

# the 200k-row batch job, single process and on a local Ray cluster (about an hour on 2 cores)
bench-jobs: install
	HF_HUB_OFFLINE=1 $(PY) benchmarks/jobs.py

# retrain the shipped heads, rewrite their cards and the quality sections of RESULTS.md, then the reference
# outputs the tests compare against (about 75 min on 2 cores, 2026-12-07: the 5-fold model selection; embeddings cached in build/)
heads: install
	HF_HUB_OFFLINE=1 $(PY) tools/train_heads.py
	HF_HUB_OFFLINE=1 $(PY) benchmarks/quality.py
	HF_HUB_OFFLINE=1 $(PY) tools/write_sample_outputs.py

# execute notebooks/*.ipynb and save them with their outputs (tables, figures as PNG) so they read on GitHub
notebooks: install
	HF_HUB_OFFLINE=1 $(PY) tools/run_notebooks.py

clean:
	rm -rf $(VENV) build dist vocnlp-demo .pytest_cache
