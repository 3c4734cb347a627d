import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';

/**
 * The demo page's own colours (demo/demo.css) in an iframe: its body background under an OS scheme and a picked theme.
 */
async function bodyBackground(theme: '' | 'light' | 'dark'): Promise<string> {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  try {
    const doc = frame.contentDocument!;
    if (theme) doc.documentElement.dataset['theme'] = theme;
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('/demo/demo.css', location.href).href;
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = reject;
    });
    doc.head.append(link);
    await loaded;
    return getComputedStyle(doc.body).backgroundColor;
  } finally {
    frame.remove();
  }
}

const LIGHT = 'rgb(238, 241, 245)';
const DARK = 'rgb(13, 17, 23)';

describe('the demo page follows the colour scheme it offers, page included', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));
  it('"Follow system": light on a light OS, dark on a dark OS', async () => {
    await emulateMedia({ colorScheme: 'light' });
    expect(await bodyBackground('')).to.equal(LIGHT);
    await emulateMedia({ colorScheme: 'dark' });
    expect(await bodyBackground('')).to.equal(DARK);
  });
  it('a picked theme wins over the OS, both ways', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect(await bodyBackground('light')).to.equal(LIGHT);
    await emulateMedia({ colorScheme: 'light' });
    expect(await bodyBackground('dark')).to.equal(DARK);
  });
});
