import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'bench/dist/**', 'tests/frameworks/dist/**', 'node_modules/**', 'storybook-static/**', 'custom-elements.json', 'bench/results*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Labels are untrusted: render text with Lit templates, never innerHTML.' },
        { property: 'outerHTML', message: 'Labels are untrusted: never outerHTML.' },
        { property: 'insertAdjacentHTML', message: 'Labels are untrusted: never insertAdjacentHTML.' },
      ],
      'no-restricted-imports': ['error',
        { name: 'lit/directives/unsafe-html.js', message: 'Labels are untrusted: never unsafeHTML.' },
        { name: 'lit/directives/unsafe-svg.js', message: 'Labels are untrusted: never unsafeSVG.' },
        { name: 'lit/directives/style-map.js', message: 'styleMap writes the style attribute on first render, which a strict CSP blocks: use styleProps from src/core/style-props.ts.' },
        { name: 'd3', message: 'Import only the d3 submodules you use (d3-scale, d3-shape, …).' },
        { name: 'd3-selection', message: 'Lit owns the DOM; d3 only computes geometry.' },
        { name: 'zod', message: 'Use zod/mini (the full zod adds ~20 KB gzipped).' },
      ],
    },
  },
  // TypeScript checks names itself.
  { files: ['**/*.ts'], rules: { 'no-undef': 'off' } },
);
