/**
 * Draws the four tab-bar icons (81×81 PNG, WeChat's recommended size) in the normal and the
 * selected colour, for the light and the dark theme (`-dark`: src/theme.json picks them in
 * WeChat's dark mode; the colours are app.css's --c-sub and --c-primary of each theme).
 * Run once after changing them: npx tsx scripts/make-tab-icons.ts
 * The PNGs are committed (src/assets/tab); @napi-rs/canvas is a dev tool, never in the app.
 */
import { createCanvas } from '@napi-rs/canvas'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SIZE = 81
const THEMES = {
  light: { normal: '#4A5260', active: '#0B5CAD' },
  dark: { normal: '#AEB5C0', active: '#7AB4F5' }
}
type Ctx = ReturnType<ReturnType<typeof createCanvas>['getContext']>

const ICONS: Record<string, (c: Ctx) => void> = {
  search (c) { // magnifier
    c.beginPath(); c.arc(35, 35, 20, 0, Math.PI * 2); c.stroke()
    c.beginPath(); c.moveTo(50, 50); c.lineTo(68, 68); c.stroke()
  },
  translate (c) { // speech bubble with a hand-like wave
    c.beginPath(); c.moveTo(14, 18); c.lineTo(67, 18); c.lineTo(67, 54); c.lineTo(38, 54); c.lineTo(24, 66); c.lineTo(26, 54); c.lineTo(14, 54); c.closePath(); c.stroke()
    c.beginPath(); c.moveTo(26, 36); c.quadraticCurveTo(33, 26, 40, 36); c.quadraticCurveTo(47, 46, 54, 36); c.stroke()
  },
  learn (c) { // open book
    c.beginPath(); c.moveTo(40, 24); c.quadraticCurveTo(26, 16, 12, 20); c.lineTo(12, 62); c.quadraticCurveTo(26, 58, 40, 66); c.stroke()
    c.beginPath(); c.moveTo(40, 24); c.quadraticCurveTo(54, 16, 68, 20); c.lineTo(68, 62); c.quadraticCurveTo(54, 58, 40, 66); c.lineTo(40, 24); c.stroke()
  },
  me (c) { // person
    c.beginPath(); c.arc(40, 28, 13, 0, Math.PI * 2); c.stroke()
    c.beginPath(); c.moveTo(14, 70); c.quadraticCurveTo(16, 46, 40, 46); c.quadraticCurveTo(64, 46, 66, 70); c.stroke()
  }
}

for (const [theme, colors] of Object.entries(THEMES)) {
  for (const [name, draw] of Object.entries(ICONS)) {
    for (const [state, color] of Object.entries(colors)) {
      const canvas = createCanvas(SIZE, SIZE)
      const c = canvas.getContext('2d')
      c.strokeStyle = color
      c.lineWidth = state === 'active' ? 7 : 6
      c.lineCap = 'round'
      c.lineJoin = 'round'
      draw(c)
      const file = `${name}${state === 'active' ? '-active' : ''}${theme === 'dark' ? '-dark' : ''}.png`
      writeFileSync(join(__dirname, '..', 'src', 'assets', 'tab', file), canvas.toBuffer('image/png'))
    }
  }
}
