// The part of culori that plotly.js's color module uses, with only the rgb, hsl and
// lrgb colour spaces registered: CSS colours as hex, names, rgb()/rgba(), hsl()/hsla(),
// "transparent". (culori's CommonJS build registers all ~30 spaces: 64 kB.)
import { useMode, modeRgb, modeHsl, modeLrgb, converter, formatHex, formatRgb,
         wcagContrast, wcagLuminance } from 'culori/fn';
useMode(modeRgb);
useMode(modeHsl);
useMode(modeLrgb);
export { converter, formatHex, formatRgb, wcagContrast, wcagLuminance };
