import { create } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrPictureOf, setupKeyOf } from './setup-key'

// The QR code is drawn by hand from the library's modules, so a slip in the
// drawing would make a code no app can read.

const URI =
  'otpauth://totp/Client%20portal:a%40example.com?secret=' +
  'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSW&issuer=Client+portal'

/** The squares a path of `M x y h w v1 h-w z` runs paints, as "row,col". */
function paintedBy(path: string): Set<string> {
  const painted = new Set<string>()
  for (const run of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, width] = run.slice(1).map(Number) as [number, number, number]
    for (let column = x; column < x + width; column++) {
      painted.add(`${y},${column}`)
    }
  }
  return painted
}

describe('the setup key', () => {
  it('is the address secret in groups of four', () => {
    expect(setupKeyOf(URI)).toBe(
      'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP JBSW',
    )
  })

  it('is drawn as exactly the dark modules of the address QR code', () => {
    const picture = qrPictureOf(URI, 'user-1')
    const { modules } = create(URI, { errorCorrectionLevel: 'M' })
    const dark = new Set<string>()
    for (let row = 0; row < modules.size; row++) {
      for (let column = 0; column < modules.size; column++) {
        if (modules.get(row, column)) dark.add(`${row},${column}`)
      }
    }
    expect(picture?.size).toBe(modules.size)
    expect(paintedBy(picture?.path ?? '')).toEqual(dark)
  })
})
