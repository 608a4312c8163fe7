-- DropIndex
DROP INDEX "escalations_job_id_key";

-- AlterTable
ALTER TABLE "escalations" ADD COLUMN "dead_letter_job_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "escalations_dead_letter_job_id_key" ON "escalations"("dead_letter_job_id");

-- CreateIndex
CREATE INDEX "escalations_job_id_idx" ON "escalations"("job_id");
