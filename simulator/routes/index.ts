import type { Route } from '../router'
import { actionRoutes } from './actions'
import { authRoutes } from './auth'
import { controlRoutes } from './control'
import { directoryRoutes } from './directory'
import { quoteControlRoutes } from './quote-control'
import { quoteRoutes } from './quotes'
import { ticketRoutes } from './tickets'
import { webhookRoutes } from './webhooks'

export const routes: Route[] = [
  ...authRoutes,
  ...ticketRoutes,
  ...actionRoutes,
  ...quoteRoutes,
  ...directoryRoutes,
  ...controlRoutes,
  ...quoteControlRoutes,
  ...webhookRoutes,
]
