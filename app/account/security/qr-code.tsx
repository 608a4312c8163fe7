import type { QrPicture } from './state'

/** Four modules of white all round, as QR readers expect. */
const QUIET_ZONE = 4

export function QrCode({ picture }: { picture: QrPicture }) {
  const side = picture.size + 2 * QUIET_ZONE
  const origin = -QUIET_ZONE
  return (
    <svg
      className="qr-code"
      viewBox={`${origin} ${origin} ${side} ${side}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label="QR code to scan with your authenticator app"
    >
      <rect x={origin} y={origin} width={side} height={side} fill="#fff" />
      <path d={picture.path} fill="#000" />
    </svg>
  )
}
