import './stack/dot-env'
import { portalChildren } from './stack/children'
import { runPortal } from './stack/run'

// `npm start`: the embedded PostgreSQL (unless DATABASE_URL), the Halo
// simulator (unless HALO_URL), migrations, the demo accounts, a build when
// the sources changed, then the worker and the web server. See
// scripts/stack/run.ts for the steps.

await runPortal({ children: portalChildren })
