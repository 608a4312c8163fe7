import path from 'node:path'

/** The repository root: children, the build and relative settings use it. */
export const ROOT = path.resolve(import.meta.dirname, '../..')

/** The project's own binaries, Node 24 among them, come first on PATH. */
export const BIN_DIR = path.join(ROOT, 'node_modules', '.bin')
