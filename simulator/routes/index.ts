import type { Route } from '../router'
import { authRoutes } from './auth'
import { controlRoutes } from './control'
import { directoryRoutes } from './directory'
import { ticketRoutes } from './tickets'

export const routes: Route[] = [
  ...authRoutes,
  ...ticketRoutes,
  ...directoryRoutes,
  ...controlRoutes,
]
