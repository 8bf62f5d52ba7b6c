import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineHashes } from '../../scripts/build-plugins';

describe('the Content-Security-Policy of the built page', () => {
  it('hashes an inline script exactly as the CSP specification\u2019s own example', () => {
    // W3C CSP Level 3, section "hash-source": <script>alert('Hello, world.');</script>
    expect(inlineHashes(`<script>alert('Hello, world.');</script>`, 'script')).toEqual(["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"]);
  });

  it('hashes every script and style element, attributes and all', () => {
    const html = `<script type="module" crossorigin>alert('Hello, world.');</script><style>b{}</style><script></script>`;
    expect(inlineHashes(html, 'script')).toEqual([
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
      // SHA-256 of the empty string
      "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
    ]);
    expect(inlineHashes(html, 'style')).toHaveLength(1);
  });

  it('does not take markup inside inlined code for an element', () => {
    const html = `<script type="module">const ods = '<style:header/><style:footer/>';</script><style>b{}</style>`;
    expect(inlineHashes(html, 'style')).toHaveLength(1);
    expect(inlineHashes(html, 'script')).toHaveLength(1);
  });

  it('allows nothing remote, no connections, no eval and workers only from blob:', () => {
    const policy = contentSecurityPolicy(`<script>alert('Hello, world.');</script><style>b{}</style>`);
    const directives = Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['default-src']).toBe("'none'");
    expect(directives['connect-src']).toBe("'none'");
    expect(directives['worker-src']).toBe('blob:');
    expect(directives['script-src']).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
