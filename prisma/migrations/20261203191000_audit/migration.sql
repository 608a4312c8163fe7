-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID NOT NULL,
    "actor_email" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "client_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "mutation_id" UUID NOT NULL,
    "job_id" UUID,
    "escalation_id" UUID,
    "cancelled_mutation_ids" UUID[] DEFAULT ARRAY[]::UUID[],

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_events_at_id_idx" ON "audit_events"("at", "id");

-- CreateIndex
CREATE INDEX "audit_events_client_id_at_id_idx" ON "audit_events"("client_id", "at", "id");

-- CreateIndex
CREATE INDEX "audit_events_mutation_id_idx" ON "audit_events"("mutation_id");

-- CreateIndex
CREATE INDEX "audit_events_entity_id_idx" ON "audit_events"("entity_id");
