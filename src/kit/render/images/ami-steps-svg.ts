import satori from 'satori';
import type { AmiStepsData } from '../../../schemas/ami-steps.ts';
import { frenchTypography } from '../../../typography/french.mjs';
import { fontFile } from '../fonts.ts';

const colors = { brand: '#0f5c4d', soft: '#e6f2ef', ink: '#1d2430', muted: '#4b5563', accent: '#a6360c' };

async function fonts() {
  const [regular, bold] = await Promise.all([fontFile(400, 'woff'), fontFile(700, 'woff')]);
  return [
    { name: 'Source Sans', data: regular, weight: 400 as const },
    { name: 'Source Sans', data: bold, weight: 700 as const },
  ];
}

type Node = { type: string; props: Record<string, unknown> };
const div = (style: Record<string, unknown>, children: unknown): Node => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });

/**
 * The AMI steps as a left-to-right flow of boxes (for 16:9 slides, every text 24 px or more once on a
 * 1280 × 720 slide), text turned into paths so the
 * image looks the same everywhere. Steps still to come are dashed.
 */
export async function amiStepsSvg(steps: AmiStepsData, size = { width: 1160, height: 340 }): Promise<string> {
  const boxes: Node[] = [];
  steps.etapes.forEach((step, index) => {
    // The arrow is drawn: the web font holds no arrow glyph.
    if (index > 0) {
      boxes.push(div({ alignItems: 'center', padding: '0 10px' }, [div({ width: 0, height: 0, borderTop: '16px solid transparent', borderBottom: '16px solid transparent', borderLeft: `22px solid ${colors.brand}` }, [])]));
    }
    boxes.push(
      div(
        {
          flex: 1,
          flexDirection: 'column',
          border: `4px ${step.aVenir ? 'dashed' : 'solid'} ${colors.brand}`,
          borderRadius: 14,
          background: step.aVenir ? '#ffffff' : colors.soft,
          padding: '16px 16px',
          height: '100%',
          boxSizing: 'border-box',
        },
        [
          div({ fontSize: 25, color: step.aVenir ? colors.muted : colors.accent, fontWeight: 700, textTransform: 'uppercase' }, `${index + 1}. ${step.phase}`),
          // A step still to come says so on a line of its own: « — à venir » would break anywhere in a narrow box.
          ...(step.aVenir ? [div({ fontSize: 25, color: colors.muted, fontWeight: 700, textTransform: 'uppercase' }, 'À venir')] : []),
          div({ fontSize: 34, fontWeight: 700, color: colors.brand, marginTop: 8, lineHeight: 1.1 }, frenchTypography(step.titre)),
          div({ fontSize: 26, color: colors.ink, marginTop: 12, lineHeight: 1.25 }, frenchTypography(step.texte)),
        ],
      ),
    );
  });
  return satori(div({ width: '100%', height: '100%', alignItems: 'stretch', fontFamily: 'Source Sans', boxSizing: 'border-box', background: '#ffffff' }, boxes) as never, {
    ...size,
    fonts: await fonts(),
  });
}

/** Text alternative of the diagram: its title and the steps in order. */
export function amiStepsAlt(steps: AmiStepsData): string {
  return `${steps.titre} : ${steps.etapes.map((s, i) => `${i + 1}. ${s.titre}${s.aVenir ? ' (à venir)' : ''}`).join(' ; ')}`;
}
