-- CreateEnum
CREATE TYPE "Role" AS ENUM ('customer', 'staff');

-- CreateTable
CREATE TABLE "clients" (
    "id" UUID NOT NULL,
    "halo_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,
    "pending_write" BOOLEAN NOT NULL DEFAULT false,
    "write_version" INTEGER NOT NULL DEFAULT 0,
    "write_error" TEXT,

    CONSTRAINT "clients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "client_id" UUID,
    "halo_user_id" INTEGER,
    "synced_at" TIMESTAMPTZ(3),
    "pending_write" BOOLEAN NOT NULL DEFAULT false,
    "write_version" INTEGER NOT NULL DEFAULT 0,
    "write_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "token_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "tickets" (
    "id" UUID NOT NULL,
    "halo_id" INTEGER,
    "client_id" UUID NOT NULL,
    "created_by_id" UUID,
    "halo_user_id" INTEGER,
    "summary" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "status_id" INTEGER NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "last_update" TIMESTAMPTZ(3) NOT NULL,
    "mutation_id" UUID,
    "create_sent_at" TIMESTAMPTZ(3),
    "synced_at" TIMESTAMPTZ(3),
    "pending_write" BOOLEAN NOT NULL DEFAULT false,
    "write_version" INTEGER NOT NULL DEFAULT 0,
    "write_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "list_syncs" (
    "key" TEXT NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "list_syncs_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "worker_heartbeats" (
    "worker_id" TEXT NOT NULL,
    "beat_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "worker_heartbeats_pkey" PRIMARY KEY ("worker_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "clients_halo_id_key" ON "clients"("halo_id");

-- CreateIndex
CREATE UNIQUE INDEX "portal_users_email_key" ON "portal_users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "portal_users_halo_user_id_key" ON "portal_users"("halo_user_id");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_halo_id_key" ON "tickets"("halo_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_mutation_id_key" ON "tickets"("mutation_id");

-- CreateIndex
CREATE INDEX "tickets_client_id_opened_at_idx" ON "tickets"("client_id", "opened_at");

-- AddForeignKey
ALTER TABLE "portal_users" ADD CONSTRAINT "portal_users_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "portal_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "portal_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
