import { defineConfig } from 'prisma/config'

// Only `prisma generate` runs here (see
// docs/decisions/0002-migrations-without-native-engines.md); it needs no URL.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
