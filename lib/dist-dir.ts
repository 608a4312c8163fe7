// The folder `next build` writes and `next start` serves. A second build
// (the bundle secrets test) names a folder of its own, so that it never
// replaces the build `npm start` is serving.

export const DEFAULT_DIST_DIR = '.next'

export function distDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.NEXT_DIST_DIR || DEFAULT_DIST_DIR
}
