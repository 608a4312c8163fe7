import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Next resolves this marker to an empty module on the server; tests
      // that call a route handler directly are on the server too.
      'server-only': path.resolve(
        import.meta.dirname,
        'node_modules/next/dist/compiled/server-only/empty.js',
      ),
    },
  },
  test: {
    include: [
      'app/**/*.test.ts',
      'lib/**/*.test.ts',
      'worker/**/*.test.ts',
      'simulator/**/*.test.ts',
      'scripts/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    globalSetup: ['./tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
