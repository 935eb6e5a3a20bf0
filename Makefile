# Day-to-day commands. `make help` lists them. Deploy settings come from env/.env.shared
# (copy env/.env.shared.example); docs/infra.md and docs/deployment.md explain each step.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

-include env/.env.shared
export DEPLOY_AWS_REGION DEPLOY_AWS_PROFILE DEPLOY_TF_STATE_BUCKET_NAME DEPLOY_TF_DYNAMO_DB_TABLE

ENVS := dev test demo prod
# The environment of the suffix-less tf-* targets: `make tf-plan ENV=prod`.
ENV ?= demo
LOG_SERVICES := api worker image-gen celery imagegen

GENONAUT := npx genonaut
TF_BOOTSTRAP := terraform -chdir=infra/bootstrap
# Each environment has its own Terraform working data (infra/main/.terraform-<env>), so a command for
# one environment can never act on another's state.
tf_main = TF_DATA_DIR=.terraform-$(1) terraform -chdir=infra/main
TF_VARS = -var-file=envs/$(1).tfvars -var="aws_region=$(DEPLOY_AWS_REGION)" -var="aws_profile=$(DEPLOY_AWS_PROFILE)"
BOOTSTRAP_VARS = -var="aws_region=$(DEPLOY_AWS_REGION)" -var="aws_profile=$(DEPLOY_AWS_PROFILE)" \
  -var="state_bucket_name=$(DEPLOY_TF_STATE_BUCKET_NAME)" -var="lock_table_name=$(DEPLOY_TF_DYNAMO_DB_TABLE)"

define require_deploy_env
	@for v in DEPLOY_AWS_REGION DEPLOY_TF_STATE_BUCKET_NAME DEPLOY_TF_DYNAMO_DB_TABLE; do \
	  [ -n "$${!v:-}" ] || { echo "$$v is not set: copy env/.env.shared.example to env/.env.shared and fill it in" >&2; exit 1; }; \
	done
endef

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z0-9_%-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 28
	@echo "Per environment ($(ENVS)): tf-init-<env> tf-plan-<env> tf-apply-<env> tf-destroy-<env>"
	@echo "  frontend-deploy-<env> backend-deploy-<env> ecs-status-<env> ecs-logs-<api|worker|image-gen>-<env>"
	@echo "  (ecs-logs-celery-<env> and ecs-logs-imagegen-<env>: the seed's names for worker and image-gen)"

# --- Local development --------------------------------------------------------------------------

.PHONY: install start check test redis-dev api-dev api-demo worker-dev worker-demo worker-test celery-dev \
  celery-demo celery-test queues-dev flower-dev comfyui-mock-dev frontend-dev frontend-build backend-build \
  docker-up docker-down

install: ## npm ci
	npm ci

start: ## Everything in one process tree with demo data (npm start)
	npm start

check: ## Format, lint, types and unit tests
	npm run check

test: ## Unit, integration and infra tests
	npm test

redis-dev: ## Redis on 127.0.0.1:6379 in the foreground
	redis-server --bind 127.0.0.1 --port 6379 --save "" --appendonly no

api-dev: ## The API on :8001 against DATABASE_URL (from .env)
	$(GENONAUT) migrate up
	$(GENONAUT) api

api-demo: ## The API with the demo data seeded first (GENONAUT_ENV=demo)
	GENONAUT_ENV=demo $(GENONAUT) migrate up
	GENONAUT_ENV=demo $(GENONAUT) seed demo
	GENONAUT_ENV=demo $(GENONAUT) api

# The BullMQ workers replace the seed's Celery workers (and their beat scheduler): the celery-* targets
# are the seed's names for the worker-* ones.
worker-dev: ## The queue workers (generation and scheduled jobs; they replace Celery)
	$(GENONAUT) worker

worker-demo: ## The queue workers with GENONAUT_ENV=demo (beside api-demo)
	GENONAUT_ENV=demo $(GENONAUT) worker

worker-test: ## The queue workers with GENONAUT_ENV=test
	GENONAUT_ENV=test $(GENONAUT) worker

celery-dev: worker-dev ## Alias of worker-dev (the BullMQ workers replace Celery)
celery-demo: worker-demo ## Alias of worker-demo (the BullMQ workers replace Celery)
celery-test: worker-test ## Alias of worker-test (the BullMQ workers replace Celery)

queues-dev: ## The queue dashboard on :5555/admin/queues (an API process on port 5555, admins only)
	PORT=5555 $(GENONAUT) api

flower-dev: queues-dev ## Alias of queues-dev (the seed's name)

comfyui-mock-dev: ## The ComfyUI mock on :8189
	$(GENONAUT) comfyui-mock

frontend-dev: ## Vite dev server on :5173 (forwards /api to :8001)
	npm run dev -w web

frontend-build: ## Build the web app into web/dist
	npm run build -w web

backend-build: ## Build the server bundle (server/dist) and the Docker image genonaut:local
	npm run build -w server
	docker build --tag genonaut:local .

docker-up: ## The whole stack in Docker (docker-compose.yml) on :8001
	docker compose up --build

docker-down: ## Stop the Docker stack (volumes are kept)
	docker compose down

# --- AWS and Terraform --------------------------------------------------------------------------

.PHONY: aws-login tf-bootstrap-init tf-bootstrap-plan tf-bootstrap-apply tf-bootstrap-destroy \
  tf-init tf-plan tf-apply tf-destroy tf-fmt tf-validate tf-console

aws-login: ## AWS SSO login with DEPLOY_AWS_PROFILE (for "invalid credentials" errors)
	aws sso login $(if $(DEPLOY_AWS_PROFILE),--profile $(DEPLOY_AWS_PROFILE))

tf-bootstrap-init: ## Initialise the state bucket and lock table configuration (once per account)
	$(TF_BOOTSTRAP) init

tf-bootstrap-plan: ## Plan the state bucket and lock table
	$(require_deploy_env)
	$(TF_BOOTSTRAP) plan $(BOOTSTRAP_VARS)

tf-bootstrap-apply: ## Create the state bucket and lock table
	$(require_deploy_env)
	$(TF_BOOTSTRAP) apply $(BOOTSTRAP_VARS)

tf-bootstrap-destroy: ## Destroy the state bucket and lock table (fails while any state is in it)
	$(require_deploy_env)
	$(TF_BOOTSTRAP) destroy $(BOOTSTRAP_VARS)

tf-init: tf-init-$(ENV) ## tf-init-<ENV> (ENV=demo by default)
tf-plan: tf-plan-$(ENV) ## tf-plan-<ENV>
tf-apply: tf-apply-$(ENV) ## tf-apply-<ENV>
tf-destroy: tf-destroy-$(ENV) ## tf-destroy-<ENV>

.PHONY: $(addprefix tf-init-,$(ENVS)) $(addprefix tf-plan-,$(ENVS)) $(addprefix tf-apply-,$(ENVS)) \
  $(addprefix tf-destroy-,$(ENVS))

$(addprefix tf-init-,$(ENVS)): tf-init-%:
	$(require_deploy_env)
	$(call tf_main,$*) init -reconfigure -backend-config=backend.hcl \
	  -backend-config="bucket=$(DEPLOY_TF_STATE_BUCKET_NAME)" \
	  -backend-config="dynamodb_table=$(DEPLOY_TF_DYNAMO_DB_TABLE)" \
	  -backend-config="region=$(DEPLOY_AWS_REGION)" \
	  -backend-config="key=genonaut/$*/terraform.tfstate"

$(addprefix tf-plan-,$(ENVS)): tf-plan-%:
	$(require_deploy_env)
	$(call tf_main,$*) plan $(call TF_VARS,$*)

$(addprefix tf-apply-,$(ENVS)): tf-apply-%:
	$(require_deploy_env)
	$(call tf_main,$*) apply $(call TF_VARS,$*)

$(addprefix tf-destroy-,$(ENVS)): tf-destroy-%:
	$(require_deploy_env)
	$(call tf_main,$*) destroy $(call TF_VARS,$*)

tf-fmt: ## Format every Terraform file
	terraform fmt -recursive infra

tf-validate: ## Validate both configurations (no backend or credentials needed)
	$(TF_BOOTSTRAP) init -backend=false -input=false >/dev/null
	$(TF_BOOTSTRAP) validate
	$(call tf_main,validate) init -backend=false -input=false >/dev/null
	$(call tf_main,validate) validate

tf-console: ## Terraform console on ENV's state and variables
	$(call tf_main,$(ENV)) console $(call TF_VARS,$(ENV))

# --- Deploys and operations ---------------------------------------------------------------------

.PHONY: $(addprefix frontend-deploy-,$(ENVS)) $(addprefix backend-deploy-,$(ENVS)) $(addprefix ecs-status-,$(ENVS))

$(addprefix frontend-deploy-,$(ENVS)): frontend-deploy-%:
	bash infra/scripts/frontend_deploy.sh $*

$(addprefix backend-deploy-,$(ENVS)): backend-deploy-%:
	bash infra/scripts/backend_deploy.sh $*

$(addprefix ecs-status-,$(ENVS)): ecs-status-%:
	bash infra/scripts/ecs_status.sh $*

# ecs-logs-<service>-<env>, e.g. ecs-logs-api-demo; LOGS_ARGS="--follow" or "--since 2h".
ECS_LOG_TARGETS := $(foreach s,$(LOG_SERVICES),$(foreach e,$(ENVS),ecs-logs-$(s)-$(e)))
.PHONY: $(ECS_LOG_TARGETS)
$(ECS_LOG_TARGETS):
	bash infra/scripts/ecs_logs.sh $(patsubst %-$(lastword $(subst -, ,$@)),%,$(patsubst ecs-logs-%,%,$@)) $(lastword $(subst -, ,$@)) $(LOGS_ARGS)
