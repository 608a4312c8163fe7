// Recovery codes as the reader copies them down: numbered, in a monospace
// type, where 0 and O or l and I are easier to tell apart.

export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <ol className="recovery-codes" aria-label="Recovery codes">
      {codes.map((code) => (
        <li key={code}>
          <code>{code}</code>
        </li>
      ))}
    </ol>
  )
}
