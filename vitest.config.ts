import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@core': resolve(__dirname, 'src-main/core') } },
  test: {
    include: [
      'src-main/**/*.test.ts',
      'src-hq/**/*.test.ts',
      'src-renderer/**/*.test.{ts,tsx}',
      'test/integration/**/*.test.ts',
    ],
    environment: 'node',
    // Real SQLite files and child processes: give slow CI machines room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
