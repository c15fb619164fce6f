import { describe, expect, it } from 'vitest';
import { SvgError } from '../../src/logo/svg-reader.ts';
import { sanitiseSvg } from '../../src/logo/svg-sanitise.ts';

const logo = (inner: string, attributes = 'viewBox="0 0 200 100"') => `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${inner}</svg>`;

describe('the SVG sanitiser of the letter builder', () => {
  it('keeps a plain drawing as it is, sized to the long side asked', () => {
    const result = sanitiseSvg(logo('<g fill="#0f5c4d"><rect x="0" y="0" width="200" height="100"/><path d="M0 0L10 10"/></g><text x="5" y="50">A &amp; B</text>'), 900);
    expect(result.removed).toEqual([]);
    expect(result).toMatchObject({ width: 900, height: 450 });
    expect(result.svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="900" height="450" viewBox="0 0 200 100"><g fill="#0f5c4d"><rect x="0" y="0" width="200" height="100"/><path d="M0 0L10 10"/></g><text x="5" y="50">A &amp; B</text></svg>',
    );
  });

  it('removes scripts, event attributes and foreignObject, with their content, and says so', () => {
    const result = sanitiseSvg(
      logo('<script>alert(1)</script><rect onclick="alert(2)" ONLOAD="x()" width="10" height="10"/><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.test"/></div></foreignObject><circle r="4"/>'),
      900,
    );
    expect(result.svg).not.toMatch(/script|alert|onclick|onload|foreignObject|iframe|evil/i);
    expect(result.svg).toContain('<rect width="10" height="10"/><circle r="4"/>');
    expect(result.removed).toEqual(['un script', 'un attribut d’événement (onload, onclick…)', 'un objet étranger (foreignObject)']);
  });

  it('removes links outside the file, javascript: links (even spelt with entities) and animations', () => {
    const result = sanitiseSvg(
      logo(
        '<use href="#a"/><use xlink:href="https://evil.test/sprite.svg#a"/><a href="javascript:alert(1)"><rect width="1" height="1"/></a>' +
          '<image href="https://evil.test/track.png"/><image href="data:image/png;base64,iVBORw0KGgo="/>' +
          '<rect fill="url(#grad)" stroke="url(https://evil.test/x)" width="2" height="2"/><set attributeName="href" to="javascript:alert(1)"/>' +
          '<rect x="&#106;avascript:1"/>',
      ),
      900,
    );
    expect(result.svg).toContain('<use href="#a"/><use/><g><rect width="1" height="1"/></g><image/><image href="data:image/png;base64,iVBORw0KGgo="/>');
    expect(result.svg).toContain('<rect fill="url(#grad)" width="2" height="2"/>');
    expect(result.svg).not.toMatch(/evil|javascript|<set/);
    expect(result.removed).toEqual(expect.arrayContaining(['un lien vers l’extérieur', 'un lien javascript:', 'une animation']));
  });

  it('keeps the styles of an exported logo, without imports nor external url()', () => {
    const result = sanitiseSvg(
      logo('<style><![CDATA[@import url(https://evil.test/a.css); .a{fill:#123} .b{background:url(https://evil.test/p.png)} .c>.d{fill:url(#g)}]]></style><rect class="a" style="fill:red;background:url(//evil.test/x)"/>'),
      900,
    );
    expect(result.svg).toContain('<style> .a{fill:#123} .b{background:none} .c&gt;.d{fill:url(#g)}</style>');
    expect(result.svg).toContain('<rect class="a" style="fill:red;background:none"/>');
    expect(result.removed).toEqual(expect.arrayContaining(['une feuille de style externe', 'un lien vers l’extérieur']));
  });

  it('drops a style written with CSS escapes, which could hide a url()', () => {
    const result = sanitiseSvg(logo('<style>.a{background:\\75rl(https://evil.test)}</style><rect/>'), 900);
    expect(result.svg).toContain('<style></style><rect/>');
  });

  it('drops editor data (Inkscape, Sodipodi), comments, and reads an old Illustrator DOCTYPE with its entities', () => {
    const source =
      '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [<!ENTITY ns_svg "http://www.w3.org/2000/svg"><!ENTITY st0 "fill:#0f5c4d;">]>' +
      '<!-- Generator: Adobe Illustrator --><svg xmlns="&ns_svg;" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="120mm" height="60mm"><sodipodi:namedview id="n"/><path inkscape:label="L" style="&st0;" d="M0 0"/></svg>';
    const result = sanitiseSvg(source, 900);
    expect(result.svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="900" height="450" viewBox="0 0 453.543 226.772"><path style="fill:#0f5c4d;" d="M0 0"/></svg>',
    );
  });

  it('refuses what is not a readable SVG, in French', () => {
    expect(() => sanitiseSvg('GIF89a', 900)).toThrow(SvgError);
    expect(() => sanitiseSvg('<html><body></body></html>', 900)).toThrow('Ce fichier n’est pas un SVG');
    expect(() => sanitiseSvg('<svg viewBox="0 0 1 1"><g></svg>', 900)).toThrow('mal formé');
    expect(() => sanitiseSvg('<svg><rect/></svg>', 900)).toThrow('n’indique pas sa taille');
    expect(() => sanitiseSvg(`<svg viewBox="0 0 1 1">${'<g>'.repeat(300)}${'</g>'.repeat(300)}</svg>`, 900)).toThrow('trop complexe');
  });
});
