-- CreateTable
CREATE TABLE "quotes" (
    "id" UUID NOT NULL,
    "halo_id" INTEGER NOT NULL,
    "client_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "approval_state" INTEGER,
    "approval_note" TEXT,
    "decided_by" TEXT,
    "synced_at" TIMESTAMPTZ(3),
    "pending_write" BOOLEAN NOT NULL DEFAULT false,
    "write_version" INTEGER NOT NULL DEFAULT 0,
    "write_error" TEXT,

    CONSTRAINT "quotes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "quotes_halo_id_key" ON "quotes"("halo_id");

-- CreateIndex
CREATE INDEX "quotes_client_id_idx" ON "quotes"("client_id");

-- AddForeignKey
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
