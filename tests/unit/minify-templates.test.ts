import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { minifyCssText, minifyHtmlText, minifyTemplates } from '../../scripts/minify-templates.mjs';

describe('minifyHtmlText', () => {
  it.each([
    ['a run with a line break becomes one space', '<div>\n      <span>', '<div> <span>'],
    ['trailing spaces before the break go too', '<p>a   \n   b</p>', '<p>a b</p>'],
    ['spaces without a line break stay as written', '<b>a  b</b> · <i>', '<b>a  b</b> · <i>'],
    ['a break at either end keeps one space', '\n  <td>x</td>\n', ' <td>x</td> '],
    ['no whitespace, no change', '<td>', '<td>'],
    ['empty text', '', ''],
  ])('%s', (_name, input, output) => {
    expect(minifyHtmlText(input)).toBe(output);
  });
});

describe('minifyCssText', () => {
  it.each([
    ['declarations lose their spaces and last semicolon', '.a { color: red; gap: 0 4px; }', '.a{color:red;gap:0 4px}'],
    ['selector colons keep the space that gives them meaning', '.a :focus-visible { x: 1; }', '.a :focus-visible{x:1}'],
    [
      'pseudo-classes and :host are untouched',
      ":host([theme='dark']) .b:hover { y: 2 }",
      ":host([theme='dark']) .b:hover{y:2}",
    ],
    ['comments go', '/* c */ .a { b: c; } /* d */', '.a{b:c}'],
    ['lists lose the space after commas', '.a, .b { font-family: A, B; }', '.a,.b{font-family:A,B}'],
    [
      'media queries keep their inner colon',
      '@container (max-width: 480px) { .a { b: c; } }',
      '@container (max-width: 480px){.a{b:c}}',
    ],
    [
      'numbers lose the zero before their point, nothing else does',
      '.a { opacity: 0.8; margin: 0 0.5em -0.25em; width: calc(100% * 0.5); b: 10.5px 20.05em; }',
      '.a{opacity:.8;margin:0 .5em -.25em;width:calc(100% * .5);b:10.5px 20.05em}',
    ],
  ])('%s', (_name, input, output) => {
    expect(minifyCssText(input)).toBe(output);
  });
});

describe('minifyTemplates', () => {
  it('rewrites html, svg and css template text and never the code in ${…}', () => {
    const code = [
      'const a = html`<div>',
      '    ${cond ? `x\n    y` : "p\\n  q"}',
      '  </div>`;',
      'const b = svg`<g>\n  <path></path>\n</g>`;',
      'const c = css`.a { b: c; }`;',
      'const d = other`keep\n   this`;',
    ].join('\n');
    const out = minifyTemplates(code, 'x.ts')!.code;
    expect(out).toContain('html`<div> ${cond ? `x\n    y` : "p\\n  q"} </div>`');
    expect(out).toContain('svg`<g> <path></path> </g>`');
    expect(out).toContain('css`.a{b:c}`');
    expect(out).toContain('other`keep\n   this`');
  });

  it('keeps non-ASCII text intact (positions are in UTF-16 units)', () => {
    const code = 'const a = html`<p>São ·\n  ↑ ${x} …\n</p>`;';
    expect(minifyTemplates(code, 'x.ts')!.code).toBe('const a = html`<p>São · ↑ ${x} … </p>`;');
  });

  it('returns null when there is nothing to rewrite', () => {
    expect(minifyTemplates('const a = 1;', 'x.ts')).toBeNull();
    expect(minifyTemplates('const a = html`<b>x</b>`;', 'x.ts')).toBeNull();
  });

  it('refuses css templates with ${…} holes rather than joining them to their neighbours', () => {
    expect(() => minifyTemplates('const a = css`.a { b: ${x} c; }`;', 'x.ts')).toThrow(/plain text/);
  });
});
