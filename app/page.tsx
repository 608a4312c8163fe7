import { redirect } from 'next/navigation'
import { getViewer } from './_server/viewer'

export default async function Home() {
  redirect((await getViewer()) ? '/tickets' : '/login')
}
