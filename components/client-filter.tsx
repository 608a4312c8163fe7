// Narrows a staff page to one client: a plain GET form, so it works
// without JavaScript and the choice stays in the address.

export interface ClientChoice {
  id: string
  name: string
}

export function ClientFilter({
  action,
  clients,
  current,
  allClients,
}: {
  /** The page the form reloads. */
  action: string
  clients: ClientChoice[]
  current: string | undefined
  /** The words for "no filter"; without them a client must be chosen. */
  allClients?: string
}) {
  const id = `${action.replaceAll('/', '')}-client`
  return (
    <form action={action} className="filters audit-filter">
      <div className="field">
        <label htmlFor={id}>Client</label>
        <select id={id} name="client" defaultValue={current ?? ''}>
          {allClients && <option value="">{allClients}</option>}
          {clients.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-quiet">
        Show
      </button>
    </form>
  )
}
